"""Parser errors read the same in English as ever, and in French for a French reader."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import confiance.ingest
from confiance.ingest.crm import open_crm_csv
from confiance.ingest.email import parse_eml
from confiance.ingest.errors import IngestError, Message, Quoted
from confiance.ingest.i18n import catalogue
from confiance.ingest.mbox import iter_raw_messages, parse_raw
from confiance.ingest.transcripts import parse_transcript

NBSP = "\u00a0"
BAD_VTT = b"WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nok\n\n2\n00:00:6.5 --> 00:00:07.000\nbad\n"


def _error(call, *args) -> IngestError:
    with pytest.raises(IngestError) as caught:
        call(*args)
    return caught.value


def test_a_bad_timestamp_reads_in_english_as_before_and_in_french():
    error = _error(parse_transcript, BAD_VTT, "call.vtt")

    assert str(error) == "call.vtt, line 8: invalid timestamp '00:00:6.5'"
    assert error.render("en") == str(error)
    assert error.render("fr") == (
        f"call.vtt, ligne 8{NBSP}: horodatage invalide «{NBSP}00:00:6.5{NBSP}»"
    )


def test_a_regional_variant_gets_the_french_and_an_unknown_language_english():
    error = _error(parse_transcript, BAD_VTT, "call.vtt")

    assert error.render("fr-CA") == error.render("fr")
    assert error.render("de") == str(error)


def test_a_broken_message_in_an_archive_names_the_message_and_part_in_french(tmp_path):
    archive = tmp_path / "archive.mbox"
    archive.write_bytes(
        b"From a@example.com Mon Nov 17 09:00:00 2026\n"
        b'From: a@example.com\nContent-Type: multipart/mixed; boundary="x"\n\n'
        b"--x\nContent-Type: text/plain\n\nhello\n\n"
    )
    raw = next(iter_raw_messages(archive))
    error = _error(parse_raw, raw)

    assert str(error).startswith("archive.mbox, line 2, part 1: message 1: broken MIME")
    french = error.render("fr")
    assert french.startswith(f"archive.mbox, ligne 2, partie 1{NBSP}: message 1{NBSP}: ")
    assert "structure MIME cassée" in french
    assert "délimiteur de fin" in french


def test_an_unrecognised_csv_explains_itself_in_french(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("foo,bar\n1,2\n", encoding="utf-8")
    error = _error(open_crm_csv, path)

    assert "unrecognised columns 'foo,bar'" in str(error)
    french = error.render("fr")
    assert french.startswith(f"export.csv, ligne 1{NBSP}: colonnes non reconnues «{NBSP}foo,bar")
    assert "fichier de correspondance" in french


def test_a_missing_column_names_the_export_in_french(tmp_path):
    path = tmp_path / "companies.csv"
    path.write_text("Raison sociale;Pays\nAcme;FR\n", encoding="utf-8")
    mapping = tmp_path / "m.toml"
    mapping.write_text('entity = "account"\n[columns]\nname = "Société"\n', encoding="utf-8")
    error = _error(open_crm_csv, path, "", mapping)

    assert str(error) == "companies.csv, line 1: missing column for name (mapping account export)"
    assert error.render("fr") == (
        f"companies.csv, ligne 1{NBSP}: colonne manquante pour name (export mapping de comptes)"
    )


@pytest.mark.parametrize(
    ("call", "data", "name"),
    [
        (parse_transcript, b"%PDF-1.7\x00\x01", "deck.vtt"),
        (parse_transcript, b"hello there", "notes.vtt"),
        (parse_transcript, b"1\nnot a timing\nhi\n", "call.srt"),
        (parse_eml, b"", "empty.eml"),
        (parse_eml, b"just some words\n", "note.eml"),
    ],
)
def test_every_kind_of_bad_file_gets_a_french_message(call, data, name):
    error = _error(call, data, name)
    french = error.render("fr")

    assert french != str(error)
    assert french.startswith(name)
    assert f"{NBSP}:" in french
    assert " :" not in french  # French puts a no-break space before a colon


def test_an_error_survives_json_and_renders_the_same_afterwards():
    error = _error(parse_transcript, BAD_VTT, "call.vtt")
    again = IngestError.from_dict(json.loads(json.dumps(error.as_dict())))

    assert str(again) == str(error)
    assert again.render("fr") == error.render("fr")
    assert (again.filename, again.line, again.part) == ("call.vtt", 8, None)


def test_nested_messages_survive_json():
    inner = Message("invalid timestamp %(value)s", {"value": Quoted("1:2")})
    error = IngestError(
        Message("message %(number)d: %(reason)s", {"number": 4, "reason": inner}),
        filename="a.mbox",
        part="1.2",
    )
    again = IngestError.from_dict(json.loads(json.dumps(error.as_dict())))

    assert str(again) == "a.mbox, part 1.2: message 4: invalid timestamp '1:2'"
    assert again.render("fr") == (
        f"a.mbox, partie 1.2{NBSP}: message 4{NBSP}: horodatage invalide «{NBSP}1:2{NBSP}»"
    )


def test_english_quotes_values_exactly_as_repr_does():
    # A value with an apostrophe or a control character: English shows repr(), as always.
    for value in ["it's", "tab\there", 'say "hi"']:
        error = IngestError("invalid timestamp %(value)s", params={"value": Quoted(value)})
        assert str(error) == f"invalid timestamp {value!r}"
    french = IngestError("invalid timestamp %(value)s", params={"value": Quoted("a\tb")})
    assert french.render("fr") == f"horodatage invalide «{NBSP}a\\tb{NBSP}»"


def test_a_verbatim_message_is_not_looked_up_but_its_location_is_translated():
    error = IngestError.verbatim("line %(line)d", filename="f.csv", line=2)

    assert error.render("fr") == f"f.csv, ligne 2{NBSP}: line %(line)d"


def test_a_copy_named_after_its_file_keeps_the_whole_message():
    error = IngestError("invalid timestamp %(value)s", params={"value": Quoted("x")}, line=3)
    named = error.located("call.vtt")

    assert str(named) == "call.vtt, line 3: invalid timestamp 'x'"
    assert named.render("fr").startswith(f"call.vtt, ligne 3{NBSP}: horodatage invalide")


def test_every_parser_message_has_a_french_translation():
    # Messages are marked with gettext_noop("..."), possibly over several string literals.
    source = "\n".join(
        path.read_text(encoding="utf-8")
        for path in Path(confiance.ingest.__file__).parent.glob("*.py")
    )
    marked = [
        "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', call))
        for call in re.findall(r"gettext_noop\(\s*((?:\"(?:[^\"\\]|\\.)*\"\s*)+)\)", source)
    ]
    french = catalogue("fr")

    assert len(marked) > 40
    untranslated = [text for text in marked if french(text) == text]
    assert not untranslated
