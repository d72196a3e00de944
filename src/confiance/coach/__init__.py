"""The conversation coach: a framework-free bilingual (fr/en) text engine.

``analyze`` finds combative framings, collaborative moves and commitments; ``tone`` gives
one number in [-1, 1]. No Django import anywhere in this package.
"""

from __future__ import annotations

from .engine import TranscriptTurn, analyze, tone
from .errors import CoachError, UnknownLanguageError
from .labels import labels
from .resources import FINDING_CATEGORIES, MOVE_CATEGORIES

__all__ = [
    "FINDING_CATEGORIES",
    "MOVE_CATEGORIES",
    "CoachError",
    "TranscriptTurn",
    "UnknownLanguageError",
    "analyze",
    "labels",
    "tone",
]
