"""Display labels of categories, from the language data (never from identifiers)."""

from __future__ import annotations

from . import detect, resources


def labels(lang: str = "en") -> dict[str, str]:
    """Map each finding and move category id to its label in ``lang`` ("fr" / "en")."""
    return dict(resources.get(detect.check(lang) or "en").labels)
