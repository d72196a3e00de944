"""The French catalogue is complete, compiled and faithful to its English placeholders.

A French user sees English (or a crash) when an entry is untranslated, fuzzy, missing from the
shipped .mo, or has lost a placeholder; each test here catches one of those.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from django.utils import translation

import confiance
from tests.i18n.catalogue import Entry, header, parse_po, read_mo

LC_MESSAGES = Path(confiance.__file__).parent / "locale" / "fr" / "LC_MESSAGES"
PO = LC_MESSAGES / "django.po"
MO = LC_MESSAGES / "django.mo"
REFRESH = "run `uv run python scripts/messages.py`, translate, and commit django.po and django.mo"

# printf-style (%(name)s, %d, %.1f) and str.format-style ({name}) placeholders; %% is a
# literal percent sign, not a placeholder.
PLACEHOLDER = re.compile(
    r"%(?:\((?P<name>[^)]+)\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa]"
    r"|\{(?P<brace>[A-Za-z_]\w*)\}"
)
# Markup that must survive translation unchanged (not "<token>" in an API message).
HTML_TAG = re.compile(
    r"</?(?:a|abbr|b|br|code|em|i|kbd|li|mark|ol|p|small|span|strong|sub|sup|time|ul)\b[^<>]*>"
)


def messages() -> list[Entry]:
    """Every entry but the header."""
    return [e for e in parse_po(PO) if e.msgid or e.msgctxt is not None]


def where(entry: Entry) -> str:
    return f"django.po:{entry.line} {entry.msgid!r}"


def pairs(entry: Entry) -> list[tuple[str, str]]:
    """(English, French) pairs: msgstr[0] renders msgid, later forms render msgid_plural."""
    if entry.msgid_plural is None:
        return [(entry.msgid, entry.msgstr[0])]
    return [(entry.msgid if i == 0 else entry.msgid_plural, s) for i, s in enumerate(entry.msgstr)]


def placeholders(text: str) -> tuple[Counter[str], list[str]]:
    """Named placeholders (order free in French) and positional ones (order fixed)."""
    named: Counter[str] = Counter()
    positional: list[str] = []
    for match in PLACEHOLDER.finditer(text.replace("%%", "")):
        if match.group("name") or match.group("brace"):
            named[match.group(0)] += 1
        else:
            positional.append(match.group(0))
    return named, positional


def test_the_catalogue_is_french_with_french_plural_rules() -> None:
    fields = header(parse_po(PO))

    assert fields["Language"] == "fr"
    assert fields["Content-Type"] == "text/plain; charset=UTF-8"
    assert fields["Plural-Forms"].replace(" ", "") == "nplurals=2;plural=(n>1);"


def test_every_entry_is_translated_and_none_is_fuzzy() -> None:
    entries = messages()
    untranslated = [where(e) for e in entries if not e.translated]
    fuzzy = [where(e) for e in entries if e.fuzzy]

    assert len(entries) > 500, "the catalogue looks truncated"
    assert not untranslated, f"untranslated: {untranslated[:20]}; {REFRESH}"
    assert not fuzzy, f"fuzzy (check, then drop the flag): {fuzzy[:20]}"


def test_every_plural_entry_has_both_french_forms() -> None:
    wrong = [where(e) for e in messages() if e.msgid_plural is not None and len(e.msgstr) != 2]

    assert not wrong


def test_every_placeholder_of_the_english_survives_in_the_french() -> None:
    broken = []
    for entry in messages():
        for english, french in pairs(entry):
            if placeholders(english) != placeholders(french):
                broken.append(f"{where(entry)} -> {french!r}")

    assert not broken, "\n".join(broken)


def test_html_markup_is_kept_exactly() -> None:
    broken = [
        f"{where(entry)} -> {french!r}"
        for entry in messages()
        for english, french in pairs(entry)
        if Counter(HTML_TAG.findall(english)) != Counter(HTML_TAG.findall(french))
    ]

    assert not broken, "\n".join(broken)


def test_the_shipped_mo_is_compiled_from_the_current_po() -> None:
    # msgfmt leaves fuzzy and untranslated entries out of the .mo, and keeps the header but
    # for its POT-Creation-Date, which makemessages changes on every run.
    expected = {e.key: "\x00".join(e.msgstr) for e in parse_po(PO) if e.translated and not e.fuzzy}
    expected[""] = re.sub(r"^POT-Creation-Date:.*\n", "", expected[""], flags=re.MULTILINE)
    compiled = read_mo(MO)

    stale = sorted(k for k in expected.keys() & compiled.keys() if expected[k] != compiled[k])
    missing = sorted(expected.keys() - compiled.keys())
    extra = sorted(compiled.keys() - expected.keys())
    assert not (stale or missing or extra), (
        f"django.mo is out of date: {len(stale)} changed {stale[:5]}, "
        f"{len(missing)} missing {missing[:5]}, {len(extra)} extra {extra[:5]}; {REFRESH}"
    )


@pytest.mark.parametrize("count", [0, 1, 2, 7])
def test_django_serves_every_french_string(count: int) -> None:
    # LOCALE_PATHS must win over Django's own catalogues for every msgid we share with them.
    wrong = []
    with translation.override("fr"):
        for entry in messages():
            if entry.msgid_plural is None:
                if count:
                    continue  # singular entries need checking once
                got = (
                    translation.gettext(entry.msgid)
                    if entry.msgctxt is None
                    else translation.pgettext(entry.msgctxt, entry.msgid)
                )
                want = entry.msgstr[0]
            else:
                got = (
                    translation.ngettext(entry.msgid, entry.msgid_plural, count)
                    if entry.msgctxt is None
                    else translation.npgettext(
                        entry.msgctxt, entry.msgid, entry.msgid_plural, count
                    )
                )
                want = entry.msgstr[1 if count > 1 else 0]
            if got != want:
                wrong.append(f"{where(entry)}: got {got!r}, want {want!r}")

    assert not wrong, "\n".join(wrong[:20])


def test_every_translatable_string_of_the_source_is_in_the_catalogue(tmp_path: Path) -> None:
    # A string marked for translation but never extracted is shown in English to a French
    # user; extract the source again, exactly as scripts/messages.py does, and compare.
    package = Path(confiance.__file__).parent
    copy = tmp_path / "confiance"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "fr", "--no-obsolete"]
        + ["--ignore", "coach/*"],
        cwd=copy,
        env={**os.environ, "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "confiance.settings"},
        capture_output=True,
        check=True,
    )
    extracted = {e.key for e in parse_po(copy / "locale" / "fr" / "LC_MESSAGES" / "django.po")}
    committed = {e.key for e in parse_po(PO)}

    assert extracted == committed, (
        f"missing from django.po: {sorted(extracted - committed)[:10]}; "
        f"no longer in the source: {sorted(committed - extracted)[:10]}; {REFRESH}"
    )
