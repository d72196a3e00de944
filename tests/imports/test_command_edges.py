"""``confiance import`` as an operator uses it: accented account names, JSON for scripts,
a directory by mistake, French from the first message."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from confiance.accounts.models import Account, AccountKind
from confiance.cli import app
from confiance.interactions.models import Interaction

runner = CliRunner()


@pytest.fixture
def hotel(seller, team) -> Account:
    return Account.objects.create(
        name="Hôtels Belle Époque", kind=AccountKind.CUSTOMER, owner=seller, team=team
    )


@pytest.mark.parametrize(
    "typed", ["Hôtels Belle Époque", "HÔTELS BELLE ÉPOQUE", "hotels belle epoque"]
)
def test_account_is_found_whatever_its_case_and_accents(fixture_path, hotel, typed):
    result = runner.invoke(
        app, ["import", str(fixture_path("call.srt")), "--account", typed, "--as", "sophie"]
    )
    assert result.exit_code == 0, result.output + result.stderr
    assert Interaction.objects.get().account == hotel


def test_json_leaves_stdout_parseable(fixture_path, hotel):
    result = runner.invoke(
        app,
        ["import", str(fixture_path("call.srt")), "--account", str(hotel.pk), "--as", "sophie"]
        + ["--json", "--lang", "en"],
    )
    assert result.exit_code == 0, result.stderr
    reports = json.loads(result.stdout)
    assert reports[0]["created"] == {"meeting": 1, "segment": 3}
    assert "call.srt: 4 created" in result.stderr


def test_a_directory_that_is_not_an_export_is_named_as_such(tmp_path, hotel):
    folder = tmp_path / "mails"
    folder.mkdir()
    result = runner.invoke(app, ["import", str(folder), "--as", "sophie", "--lang", "en"])
    assert result.exit_code == 1
    assert "mails: this is a directory, not a file nor an export" in result.stderr
    assert "no such file" not in result.stderr


def test_an_unknown_user_is_refused_in_the_language_asked(fixture_path, db):
    result = runner.invoke(
        app, ["import", str(fixture_path("call.srt")), "--as", "personne", "--lang", "fr"]
    )
    assert result.exit_code == 2
    assert "erreur\u00a0: Utilisateur introuvable\u00a0: personne" in result.stderr


def test_a_missing_mapping_file_is_named_without_the_systems_english(fixture_path, hotel):
    result = runner.invoke(
        app,
        ["import", str(fixture_path("custom_accounts.csv")), "--mapping", "nope.toml"]
        + ["--as", "sophie", "--lang", "fr"],
    )
    assert result.exit_code == 1
    assert "nope.toml\u00a0: fichier introuvable" in result.stderr
    assert "Errno" not in result.stderr


def test_export_onto_a_file_is_a_message_not_a_traceback(account, tmp_path):
    in_the_way = tmp_path / "export"
    in_the_way.write_text("not a directory")
    result = runner.invoke(app, ["export", "--out", str(in_the_way)])
    assert result.exit_code == 1
    assert "cannot write to" in result.stderr and "a file is in the way" in result.stderr
    # A clean exit, not an unhandled FileExistsError.
    assert isinstance(result.exception, SystemExit)


def test_person_export_into_a_directory_is_a_message_not_a_traceback(claire, tmp_path):
    result = runner.invoke(
        app, ["person", "export", "claire.dubois@northwind.example", "--out", str(tmp_path)]
    )
    assert result.exit_code == 1
    assert "it is a directory (give a file name)" in result.stderr
    assert isinstance(result.exception, SystemExit)


def test_contacts_created_on_request_are_not_reported_unknown(fixture_path, hotel):
    result = runner.invoke(
        app,
        ["import", str(fixture_path("thunderbird.mbox")), "--account", str(hotel.pk)]
        + ["--as", "sophie", "--create-contacts", "--json", "--lang", "en"],
    )
    assert result.exit_code == 0, result.stderr
    [report] = json.loads(result.stdout)
    assert report["created"] == {"contact": 3, "email": 3}
    # Every address now belongs to a contact: none is left unknown.
    assert report["unknown"] == {}
    assert "thunderbird.mbox: 6 created, 0 updated, 0 skipped" in result.stderr
    assert "unknown" not in result.stderr


def test_person_commands_answer_in_the_language_asked(db):
    export = runner.invoke(app, ["person", "export", "nobody@example.fr", "--lang", "fr"])
    assert export.exit_code == 1
    assert "Personne n’a l’adresse nobody@example.fr" in export.stderr
    erase = runner.invoke(
        app, ["person", "erase", "nobody@example.fr", "--as", "personne", "--lang", "fr", "--yes"]
    )
    assert erase.exit_code == 2
    assert "Utilisateur introuvable\u00a0: personne" in erase.stderr
