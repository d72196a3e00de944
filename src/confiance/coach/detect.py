"""Tell French from English: function words, elided articles and French letters."""

from __future__ import annotations

import re

from . import resources
from .errors import SUPPORTED_LANGUAGES, UnknownLanguageError

_WORD_RE = re.compile(r"\w+")
# Below this much evidence a segment of a transcript takes the transcript's language.
MIN_EVIDENCE = 2.0


def evidence(text: str) -> dict[str, float]:
    """Score each language: distinct function words plus its own letters (é, ç, …)."""
    sample = text[:20000].lower()
    words = set(_WORD_RE.findall(sample))
    scores: dict[str, float] = {}
    for code in SUPPORTED_LANGUAGES:
        data = resources.get(code)
        score = float(len(words & data.detect_words))
        if data.detect_chars:
            # Letters such as é, ç, œ are strong evidence, but a few loanwords ("café",
            # "résumé") must not outweigh a sentence of English function words.
            score += min(4, sum(sample.count(ch) for ch in data.detect_chars))
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
