"""``confiance coach`` on real-shaped files: notes, e-mail, Zoom/Teams VTT, SRT, stdin, batches."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from confiance.cli import app
from confiance.coach import labels

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "coach"
ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def coach(*args: str, stdin: str | bytes | None = None):
    return runner.invoke(app, ["coach", *args], input=stdin)


def coach_json(*args: str, stdin: str | None = None) -> dict:
    result = coach(*args, "--json", stdin=stdin)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def spans_ok(result: dict, texts: list[str] | str) -> None:
    for key in ("findings", "moves", "commitments"):
        for item in result[key]:
            source = texts if isinstance(texts, str) else texts[item["segment"]]
            assert source[item["start"] : item["end"]] == item["text"]


def test_french_prep_note_flags_blame_and_the_ultimatum():
    path = FIXTURES / "prep_note_fr.txt"
    result = coach_json(str(path))
    assert result["lang"] == "fr"
    assert result["source"] == {"file": str(path), "format": "text", "reference_date": None}
    spans_ok(result, path.read_text(encoding="utf-8"))
    flagged = {f["category"] for f in result["findings"]}
    assert {"blame", "ultimatum"} <= flagged
    assert any("comprennent rien" in f["text"] for f in result["findings"])
    assert any(m["category"] == "probing_question" for m in result["moves"])
    assert result["tone"] < 0.5


def test_readable_report_highlights_and_explains_in_french():
    result = coach(str(FIXTURES / "prep_note_fr.txt"))
    assert result.exit_code == 0, result.output
    out = result.stdout
    blame = next(f for f in coach_json(str(FIXTURES / "prep_note_fr.txt"))["findings"])
    assert labels("fr")[blame["category"]] in out
    assert blame["rewrite"].split()[0] in out
    assert "Mme Lefèvre" in out  # the text itself is shown
    assert "Tone" in out or "Ton" in out


def test_email_due_dates_resolve_against_its_date_header():
    result = coach_json(str(FIXTURES / "renewal_reply_en.eml"))
    assert result["lang"] == "en"
    assert result["source"]["format"] == "eml"
    assert result["source"]["reference_date"] == "2026-11-17"
    assert result["source"]["subject"] == "Re: Renewal proposal for 2027"
    # Quoted history and the signature are not analysed, only what Tom wrote this time.
    assert all("renewal proposal for 2027" not in f["text"] for f in result["findings"])
    assert {"ultimatum"} <= {f["category"] for f in result["findings"]}
    due = [c["due_date"] for c in result["commitments"] if "forecast" in c["text"]]
    assert due == ["2026-11-20"]  # "by Friday" after Tuesday 17 November 2026


def test_explicit_date_wins_over_the_email_header():
    result = coach_json(str(FIXTURES / "renewal_reply_en.eml"), "--date", "2026-11-23")
    assert result["source"]["reference_date"] == "2026-11-23"
    due = [c["due_date"] for c in result["commitments"] if "forecast" in c["text"]]
    assert due == ["2026-11-27"]


def test_vtt_transcript_gives_per_speaker_figures_and_segment_offsets():
    result = coach_json(str(FIXTURES / "discovery_call.vtt"))
    turns = result["source"]["turns"]
    assert [t["speaker"] for t in turns][:2] == ["Claire Dubois", "Tom Baker"]
    spans_ok(result, [t["text"] for t in turns])
    speakers = {row["speaker"]: row for row in result["speakers"]}
    assert set(speakers) == {"Claire Dubois", "Tom Baker"}
    assert speakers["Claire Dubois"]["questions"] >= 2
    assert speakers["Claire Dubois"]["tone"] > speakers["Tom Baker"]["tone"]
    # Tom's complaint reads combative, Claire's acknowledgement collaborative, turn by turn.
    tones = [segment["tone"] for segment in result["segments"]]
    assert tones[1] < 0 < tones[2]


def test_srt_transcript_report_shows_the_speaker_table():
    result = coach(str(FIXTURES / "point_hebdo.srt"))
    assert result.exit_code == 0, result.output
    assert "Sophie Martin" in result.stdout and "Marc Petit" in result.stdout
    data = coach_json(str(FIXTURES / "point_hebdo.srt"))
    assert data["lang"] == "fr"
    assert len(data["segments"]) == 5


def test_stdin_is_read_with_a_dash():
    result = coach_json("-", "--lang", "en", stdin="They just don't get it. Take it or leave it.")
    assert result["lang"] == "en"
    assert result["findings"]
    assert result["source"]["file"] == "<stdin>"


def test_invalid_utf8_file_is_refused_by_name(tmp_path):
    path = tmp_path / "notes-latin1.txt"
    path.write_bytes("Ils ne comprennent rien à la tarification, c'est évident.".encode("latin-1"))
    result = coach(str(path))
    assert result.exit_code == 2
    assert "notes-latin1.txt" in result.stderr and "UTF-8" in result.stderr
    assert result.stdout == ""


def test_bad_usage_exits_2_with_a_message(tmp_path):
    assert coach(str(tmp_path / "missing.txt")).exit_code == 2
    assert coach(str(tmp_path)).exit_code == 2
    assert coach().exit_code == 2
    assert coach("-", "--lang", "de", stdin="hallo").exit_code == 2
    bad_date = coach(str(FIXTURES / "prep_note_fr.txt"), "--date", "vendredi")
    assert bad_date.exit_code == 2 and "YYYY-MM-DD" in bad_date.stderr
    broken = tmp_path / "call.vtt"
    broken.write_text("not a transcript\n", encoding="utf-8")
    refused = coach(str(broken))
    assert refused.exit_code == 2 and "call.vtt" in refused.stderr


def test_jsonl_batch_keeps_order_and_reports_a_bad_line_without_stopping():
    lines = [
        json.dumps({"text": "Ils ne comprennent rien.", "lang": "fr"}),
        "{not json",
        json.dumps({"lang": "en"}),
        json.dumps({"text": "Thanks, could you tell me more?", "lang": "de"}),
        json.dumps({"text": "Thanks, could you tell me more about your priorities?", "id": "c-4"}),
        "",
    ]
    result = coach("--jsonl", stdin="\n".join(lines) + "\n")
    assert result.exit_code == 1  # some lines failed; every line still has its output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [item["line"] for item in out] == [1, 2, 3, 4, 5, 6]
    assert out[0]["lang"] == "fr" and -1 <= out[0]["tone"] <= 1 and out[0]["findings"]
    assert "invalid JSON" in out[1]["error"]
    assert "text" in out[2]["error"]
    assert "de" in out[3]["error"]
    assert out[4]["id"] == "c-4" and out[4]["tone"] > out[0]["tone"]
    assert "error" in out[5]
    assert "analysed 2 of 6, failed 4" in result.stderr


def test_jsonl_all_good_exits_0_and_progress_never_touches_stdout(tmp_path):
    path = tmp_path / "batch.jsonl"
    texts = ["Merci pour votre retour.", "We have to crush them.", "Take it or leave it."]
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    result = coach("--jsonl", str(path), "--progress", "--tone-only")
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [set(item) for item in out] == [{"line", "tone"}] * 3
    assert out[0]["tone"] > out[1]["tone"]


def test_jsonl_line_with_invalid_utf8_gets_an_error_object():
    data = b'{"text": "ok"}\n{"text": "caf\xe9"}\n'
    result = subprocess.run(
        [sys.executable, "-m", "confiance.cli", "coach", "--jsonl"],
        input=data,
        capture_output=True,
        cwd=ROOT,
        check=False,
    )
    out = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert "tone" in out[0]
    assert out[1]["line"] == 2 and "UTF-8" in out[1]["error"]
    assert result.returncode == 1


@pytest.mark.parametrize("fixture", ["prep_note_fr.txt", "discovery_call.vtt"])
def test_works_without_django_settings_or_secret_key(fixture):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE"}}
    env["DATABASE_URL"] = "postgres://nobody@256.0.0.1:1/none"  # unusable on purpose
    code = (
        "import sys; from confiance.cli import app; sys.argv = ['confiance', 'coach', "
        f"{str(FIXTURES / fixture)!r}, '--json']\n"
        "try:\n    app()\nexcept SystemExit as exc:\n    code = exc.code\n"
        "assert not [m for m in sys.modules if m == 'django' or m.startswith('django.')], 'django'\n"
        "sys.exit(code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["tone"] is not None


def test_every_coach_option_is_documented_in_docs_cli():
    import typer.main

    command = typer.main.get_command(app).get_command(None, "coach")
    docs = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    section = docs.split("<!-- coach:start -->")[1].split("<!-- coach:end -->")[0]
    options = [opt for param in command.params for opt in param.opts if opt.startswith("--")]
    assert options, "the coach command lost its options"
    missing = [opt for opt in options if f"`{opt}" not in section and opt != "--help"]
    assert missing == []


def test_report_neutralises_terminal_escapes_and_markup_in_the_text():
    text = "They never listen\x1b[2J\r. Take it or leave it [bold red]now[/bold red].\u202e"
    result = coach("-", stdin=text)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "[bold red]now[/bold red]" in result.stdout  # shown as typed, not interpreted


def test_report_of_a_long_text_lists_the_first_findings_and_counts_the_rest():
    text = "They always ignore us and it's take it or leave it. " * 400
    result = coach("-", "--lang", "en", stdin=text)
    assert result.exit_code == 0, result.output
    total = len(coach_json("-", "--lang", "en", stdin=text)["findings"])
    assert total > 100
    assert f"… and {total - 100} more" in result.stdout


def test_a_webvtt_transcript_on_stdin_is_recognised():
    vtt = (FIXTURES / "discovery_call.vtt").read_text(encoding="utf-8")
    result = coach_json("-", stdin=vtt)
    assert result["source"]["format"] == "vtt"
    assert {row["speaker"] for row in result["speakers"]} == {"Claire Dubois", "Tom Baker"}


def test_markdown_notes_are_plain_text(tmp_path):
    path = tmp_path / "prep.md"
    path.write_text("# Prep\n\n- They just don't get it.\n- Ask what changed?\n", encoding="utf-8")
    result = coach_json(str(path))
    assert result["source"]["format"] == "text"
    assert any(f["category"] == "blame" for f in result["findings"])


def test_no_progress_bar_unless_asked_when_stderr_is_not_a_terminal():
    result = coach("--jsonl", stdin=json.dumps({"text": "Merci beaucoup !"}) + "\n")
    assert result.exit_code == 0
    assert result.stderr.strip() == "coach: analysed 1 of 1, failed 0"
    assert coach("-", "--tone-only", stdin="hello").exit_code == 2


def test_french_report_speaks_french_typography_and_english_report_english():
    french = coach("-", "--lang", "fr", stdin="Ils ne comprennent rien. Merci pour votre retour.")
    assert french.exit_code == 0, french.output
    out = re.sub(r"[ \n]+", " ", french.stdout)  # join Rich's wrapped lines, keep NBSPs
    assert "«\u00a0Ils ne comprennent rien\u00a0»" in out  # French quotes, non-breaking spaces
    assert "gravité 2 sur 3" in out and "severity" not in out
    assert "Engagements (0) Aucun élément." in out  # no English "None found."
    assert re.search(r"Ton\u00a0: -0,\d\d", out)  # decimal comma, space before the colon

    english = coach("-", "--lang", "en", stdin="They just don't get it.")
    out = re.sub(r"[ \n]+", " ", english.stdout)
    assert "“They just don't get it”" in out and "«" not in out
    assert "Commitments (0) None found." in out
    assert re.search(r"Tone: -0\.\d\d", out)


def test_a_broken_transcript_is_refused_in_the_users_language(tmp_path):
    bad = tmp_path / "call.vtt"
    bad.write_text("WEBVTT\n\n00:00:0x.000 --> 00:00:02.000\nBonjour\n", encoding="utf-8")
    env = {**os.environ, "LANG": "fr_FR.UTF-8", "LANGUAGE": "fr"}
    result = subprocess.run(
        [sys.executable, "-m", "confiance.cli", "coach", str(bad)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    message = " ".join(result.stderr.split())
    assert "erreur : " in message and "call.vtt, ligne 3 : horodatage invalide" in message
