"""The coach's reading of imported text (no Django: worker processes use it too)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from confiance.coach import CoachError, TranscriptTurn, analyze

Reading = tuple[float | None, dict | None, str]  # tone, analysis, problem ("" when fine)


def analyse(
    text: str = "", *, turns: Sequence | None = None, reference_date: dt.date | None = None
) -> Reading:
    """Return ``(tone, analysis, problem)``; ``problem`` is empty when the coach succeeded.

    A text the coach cannot read (another language, say) is still imported, unanalysed.
    """
    if turns is None and not text.strip():
        return None, None, ""
    try:
        if turns is not None:
            segments = [
                TranscriptTurn(t.speaker or "?", t.text, t.start, t.end) for t in turns if t.text
            ]
            result = analyze(segments=segments, reference_date=reference_date)
        else:
            result = analyze(text, reference_date=reference_date)
    except CoachError as exc:
        return None, None, str(exc)
    return result.get("tone"), result, ""


def analyse_email(mail) -> Reading:
    """The reading of an e-mail's new text, dated by the message."""
    return analyse(mail.body_text, reference_date=mail.date.date() if mail.date else None)
