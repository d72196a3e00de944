"""The coach's reading of imported text, stored on the interaction."""

from __future__ import annotations

import datetime as dt

from confiance.coach import CoachError, TranscriptTurn, analyze


def analyse(
    text: str = "", *, turns=None, reference_date: dt.date | None = None
) -> tuple[float | None, dict | None, str]:
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
