"""Tell French from English: function words, elided articles and French letters."""

from __future__ import annotations

import re

from . import resources
from .errors import SUPPORTED_LANGUAGES, UnknownLanguageError

_WORD_RE = re.compile(r"\w++")
# Below this much evidence a segment of a transcript takes the transcript's language.
MIN_EVIDENCE = 2.0
# Letters such as é, ç, œ are strong evidence, but a few loanwords ("café", "résumé") must
# not outweigh a sentence of English function words.
_MAX_LETTER_EVIDENCE = 4

# Per language, compiled once per process: (code, function words, its own letters as one
# character class, or None). ``tone()`` without a language detects on every call.
_profiles: list[tuple[str, frozenset[str], re.Pattern[str] | None]] = []


def _languages() -> list[tuple[str, frozenset[str], re.Pattern[str] | None]]:
    if not _profiles:
        profiles = []
        for code in SUPPORTED_LANGUAGES:
            data = resources.get(code)
            chars = "".join(sorted(data.detect_chars))
            letters = re.compile(f"[{re.escape(chars)}]") if chars else None
            profiles.append((code, data.detect_words, letters))
        _profiles[:] = profiles
    return _profiles


def evidence(text: str) -> dict[str, float]:
    """Score each language: distinct function words plus its own letters (é, ç, …)."""
    sample = text[:20000].lower()
    words = set(_WORD_RE.findall(sample))
    scores: dict[str, float] = {}
    for code, function_words, letters in _languages():
        score = float(len(words & function_words))
        if letters is not None:
            score += min(_MAX_LETTER_EVIDENCE, len(letters.findall(sample)))
        scores[code] = score
    return scores


def detect(text: str, default: str = "en") -> str:
    """Return "fr" or "en" for ``text``; ``default`` when there is no evidence."""
    scores = evidence(text)
    best = max(scores, key=lambda c: (scores[c], c == default))
    return best if scores[best] > 0 else default


def check(lang: str | None) -> str | None:
    """Validate an explicit language code (case-insensitive); None means detect."""
    if lang is None:
        return None
    code = str(lang).strip().lower()
    if code not in SUPPORTED_LANGUAGES:
        raise UnknownLanguageError(lang)
    return code
