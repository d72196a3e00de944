"""Translation for the parsers without Django: a marker for extraction and a catalogue reader.

``gettext_noop`` is the name Django's ``makemessages`` extracts, so strings marked with it
here land in ``locale/fr/LC_MESSAGES/django.po`` like any other; nothing is translated when
the message is built, only when it is rendered for someone (see ``IngestError.render``).
"""

from __future__ import annotations

import gettext as gettext_module
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

Gettext = Callable[[str], str]


def gettext_noop(text: str) -> str:
    """Mark ``text`` for extraction; it is translated later, in the reader's language."""
    return text


def untranslated(text: str) -> str:
    """The gettext of English: every message as written."""
    return text


@lru_cache(maxsize=8)
def catalogue(lang: str | None) -> Gettext:
    """gettext for ``lang`` ("fr", "fr-CA", "en"...) from the project catalogue.

    Unknown languages fall back to English, as Django does for a language it does not have.
    """
    code = (lang or "en").replace("-", "_")
    if code.split("_")[0].lower() == "en":
        return untranslated
    found = gettext_module.translation(
        "django", localedir=str(LOCALE_DIR), languages=[code], fallback=True
    )
    return found.gettext
