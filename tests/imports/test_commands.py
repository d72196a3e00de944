from __future__ import annotations

import json

from typer.testing import CliRunner

from confiance.cli import app
from confiance.imports.models import ErasureRecord
from confiance.interactions.models import Interaction
from confiance.users.models import Profile

runner = CliRunner()


def test_import_prints_a_table_and_a_summary(fixture_path, account, claire):
    result = runner.invoke(app, ["import", str(fixture_path("thunderbird.mbox")), "--as", "sophie"])
    assert result.exit_code == 0, result.output
    assert (
        "thunderbird.mbox: 3 created, 0 updated, 0 skipped, 2 unknown addresses or speakers"
        in result.output
    )
    assert "e-mails" in result.output
    assert Interaction.objects.count() == 3


def test_import_into_a_named_account_with_a_dry_run(fixture_path, account):
    result = runner.invoke(
        app,
        [
            "import",
            str(fixture_path("call.srt")),
            "--account",
            "northwind",
            "--as",
            "sophie",
            "--dry-run",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "dry run" in result.output
    assert Interaction.objects.count() == 0


def test_bad_input_exits_non_zero_naming_file_and_line(tmp_path, account):
    bad = tmp_path / "bad.vtt"
    bad.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nhi\n")
    good = tmp_path / "good.srt"
    good.write_text("1\n00:00:01,000 --> 00:00:02,000\nSophie: hello\n")
    result = runner.invoke(
        app, ["import", str(bad), str(good), "--account", str(account.pk), "--as", "sophie"]
    )
    assert result.exit_code == 1
    assert "bad.vtt, line 3: invalid timestamp '00:00:0x.000'" in result.output
    # Each file is all or nothing: the good one is in, the bad one left nothing.
    assert Interaction.objects.count() == 1


def test_an_account_the_user_cannot_see_is_no_such_account(fixture_path, account, outsider):
    result = runner.invoke(
        app, ["import", str(fixture_path("call.srt")), "--account", "Northwind", "--as", "olga"]
    )
    assert result.exit_code == 1
    assert "No such account: Northwind" in result.output


def test_unknown_user_is_refused(fixture_path, db):
    result = runner.invoke(app, ["import", str(fixture_path("call.srt")), "--as", "nobody"])
    assert result.exit_code == 2
    assert "No such user: nobody" in result.output


def test_export_writes_json_and_csv(account, tmp_path):
    result = runner.invoke(app, ["export", "--team", account.team.name, "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "confiance-export.json").is_file()
    assert (tmp_path / "accounts.account.csv").is_file()
    assert "Exported" in result.output


def test_person_export_and_erase(account, claire, seller):
    result = runner.invoke(app, ["person", "export", "claire.dubois@northwind.example"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["contacts"][0]["name"] == "Claire Dubois"
    result = runner.invoke(
        app, ["person", "erase", "claire.dubois@northwind.example", "--yes", "--as", "sophie"]
    )
    assert result.exit_code == 0, result.output
    assert "Erased 1 contact(s)" in result.output
    assert ErasureRecord.objects.get().via == "cli"
    result = runner.invoke(app, ["person", "export", "claire.dubois@northwind.example"])
    assert result.exit_code == 1
    assert "Nobody with the address" in result.output


def test_import_recognises_an_export_directory(account, tmp_path):
    runner.invoke(app, ["export", "--out", str(tmp_path)])
    result = runner.invoke(app, ["import", str(tmp_path)])
    # Recognised as an export, and refused because this database is not empty.
    assert result.exit_code == 1
    assert "the database is not empty" in result.output


def test_a_200_mb_transcript_is_refused_without_being_read(tmp_path, account):
    huge = tmp_path / "huge.vtt"
    with huge.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: costs no disk and no time
    result = runner.invoke(app, ["import", str(huge), "--account", "Northwind", "--as", "sophie"])
    assert result.exit_code == 1
    assert "huge.vtt: file larger than 64 MB: this is not a vtt file" in result.output


def test_a_transcript_takes_the_date_given(fixture_path, account):
    result = runner.invoke(
        app,
        [
            "import",
            str(fixture_path("teams.vtt")),
            "--account",
            "Northwind",
            "--as",
            "sophie",
            "--date",
            "2026-11-17T09:30",
        ],
    )
    assert result.exit_code == 0, result.output
    meeting = Interaction.objects.get()
    assert meeting.occurred_at.isoformat() == "2026-11-17T08:30:00+00:00"  # Europe/Paris


# The command's language

NBSP = "\u00a0"


def _bad_vtt(tmp_path):
    bad = tmp_path / "bad.vtt"
    bad.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nhi\n")
    return bad


def test_lang_fr_prints_the_error_in_french_and_exits_1(tmp_path, account):
    result = runner.invoke(
        app, ["import", str(_bad_vtt(tmp_path)), "--account", "Northwind", "--as", "sophie",
              "--lang", "fr"],
    )  # fmt: skip
    assert result.exit_code == 1
    assert f"erreur{NBSP}:" in result.output
    assert (
        f"bad.vtt, ligne 3{NBSP}: horodatage invalide «{NBSP}00:00:0x.000{NBSP}»" in result.output
    )
    assert "invalid timestamp" not in result.output
    assert Interaction.objects.count() == 0


def test_the_language_defaults_to_the_users_profile(tmp_path, account, seller):
    Profile.objects.update_or_create(user=seller, defaults={"language": "fr"})
    args = ["import", str(_bad_vtt(tmp_path)), "--account", "Northwind", "--as", "sophie"]

    french = runner.invoke(app, args)
    english = runner.invoke(app, [*args, "--lang", "en"])

    assert f"bad.vtt, ligne 3{NBSP}: horodatage invalide" in french.output
    assert "bad.vtt, line 3: invalid timestamp '00:00:0x.000'" in english.output
    assert (french.exit_code, english.exit_code) == (1, 1)


def test_a_french_report_of_a_good_file(fixture_path, account, claire):
    result = runner.invoke(
        app, ["import", str(fixture_path("thunderbird.mbox")), "--as", "sophie", "--lang", "fr"]
    )
    assert result.exit_code == 0, result.output
    assert "thunderbird.mbox: 3 created" not in result.output
    assert "thunderbird.mbox" in result.output and "créé" in result.output
