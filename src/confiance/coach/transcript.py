"""Per-speaker statistics of a transcript: talk share, questions, monologues, tone."""

from __future__ import annotations

import re
from typing import Any

_QUESTION_RE = re.compile(r"\?+")


def _seconds(turn: Any) -> float | None:
    if turn.start is None or turn.end is None:
        return None
    return max(0.0, float(turn.end) - float(turn.start))


def speaker_stats(turns: list[Any], parts: list[dict]) -> list[dict]:
    """One dict per speaker, in order of first appearance."""
    stats: dict[str, dict] = {}
    for turn, part in zip(turns, parts, strict=True):
        s = stats.setdefault(
            turn.speaker,
            {"words": 0, "seconds": 0.0, "timed": True, "questions": 0, "tone_sum": 0.0},
        )
        s["words"] += part["words"]
        secs = _seconds(turn)
        if secs is None:
            s["timed"] = False
        else:
            s["seconds"] += secs
        s["questions"] += len(_QUESTION_RE.findall(turn.text))
        s["tone_sum"] += part["tone"] * part["words"]
    runs = _monologues(turns, parts)
    total_words = sum(s["words"] for s in stats.values())
    all_timed = all(s["timed"] for s in stats.values())
    total_secs = sum(s["seconds"] for s in stats.values()) if all_timed else 0.0
    out = []
    for name, s in stats.items():
        words, secs = s["words"], s["seconds"] if s["timed"] else None
        out.append(
            {
                "speaker": name,
                "words": words,
                "word_share": round(words / total_words, 4) if total_words else 0.0,
                "seconds": round(secs, 3) if secs is not None else None,
                "time_share": round(secs / total_secs, 4)
                if secs is not None and total_secs
                else None,
                "questions": s["questions"],
                "longest_monologue_words": runs[name][0],
                "longest_monologue_seconds": runs[name][1],
                "tone": round(s["tone_sum"] / words, 4) if words else 0.0,
            }
        )
    return out


def _monologues(turns: list[Any], parts: list[dict]) -> dict[str, tuple[int, float | None]]:
    """Longest run of consecutive turns by one speaker, in words and in seconds."""
    best: dict[str, tuple[int, float | None]] = {}
    i = 0
    while i < len(turns):
        j = i
        words = 0
        while j < len(turns) and turns[j].speaker == turns[i].speaker:
            words += parts[j]["words"]
            j += 1
        first, last = turns[i], turns[j - 1]
        secs = (
            round(max(0.0, float(last.end) - float(first.start)), 3)
            if first.start is not None and last.end is not None
            else None
        )
        prev_words, prev_secs = best.get(first.speaker, (0, None))
        if words > prev_words or (words == prev_words and (secs or 0) > (prev_secs or 0)):
            best[first.speaker] = (words, secs)
        else:
            best.setdefault(first.speaker, (prev_words, prev_secs))
        i = j
    return best
