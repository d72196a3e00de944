"""Promises made in a text: who, what, and by when."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .dates import DateFinder
from .resources import LanguageData

_MAX_ACTION = 160


@dataclass
class CommitmentRules:
    """The compiled commitment patterns of one language."""

    promise: list[re.Pattern[str]]
    offers: list[re.Pattern[str]]  # "I can send …": a promise only when a date is given
    action_end: re.Pattern[str]
    trim: re.Pattern[str]
    infinitives: dict[str, str]
    endings: list[tuple[str, str]]
    dates: DateFinder

    @classmethod
    def build(cls, spec: dict) -> CommitmentRules:
        # One regex per pattern: each may name its own ``verb`` group.
        promise = [re.compile(p, re.IGNORECASE) for p in spec["promise"]["patterns"]]
        offers = [re.compile(p, re.IGNORECASE) for p in spec["promise"].get("offers", [])]
        trim = "|".join(re.escape(w) for w in spec["promise"]["trailing_words"])
        return cls(
            promise,
            offers,
            re.compile(spec["promise"]["action_end"], re.IGNORECASE),
            re.compile(rf"(?:\s+(?:{trim}))+\s*$", re.IGNORECASE),
            {k.lower(): v for k, v in spec.get("infinitives", {}).items()},
            [(a, b) for a, b in spec["promise"].get("infinitive_endings", [])],
            DateFinder.build(spec["dates"]),
        )


_cache: dict[str, CommitmentRules] = {}


def rules_for(data: LanguageData) -> CommitmentRules:
    rules = _cache.get(data.code)
    if rules is None:
        rules = _cache[data.code] = CommitmentRules.build(data.commitments)
    return rules


def extract(
    text: str,
    data: LanguageData,
    *,
    reference_date: dt.date,
    speaker: str | None = None,
    segment: int | None = None,
) -> list[dict]:
    """Return the promises of ``text`` as result dicts (offsets into ``text``)."""
    rules = rules_for(data)
    found: list[dict] = []
    pos = 0
    matches = sorted(
        [(m, False) for regex in rules.promise for m in regex.finditer(text)]
        + [(m, True) for regex in rules.offers for m in regex.finditer(text)],
        key=lambda pair: pair[0].start(),
    )
    for m, is_offer in matches:
        if m.start() < pos:
            continue
        verb_start = m.start("verb") if m.groupdict().get("verb") else m.end()
        window = text[verb_start : verb_start + _MAX_ACTION]
        stop = rules.action_end.search(window)
        end = verb_start + (stop.start() if stop else len(window))
        action_text = text[verb_start:end]
        if not action_text.strip():
            continue
        date_match, due = rules.dates.find(action_text, reference_date)
        if is_offer and due is None:
            continue
        if date_match is not None:
            action_text = action_text[: date_match.start()] + action_text[date_match.end() :]
        action = _tidy(action_text, rules)
        if not action:
            continue
        end = _rstrip_end(text, m.start(), end)
        pos = end
        found.append(
            {
                "start": m.start(),
                "end": end,
                "text": text[m.start() : end],
                "speaker": speaker,
                "party": "speaker",
                "action": action,
                "due_date": due.isoformat() if due else None,
                "segment": segment,
            }
        )
    return found


def _tidy(action: str, rules: CommitmentRules) -> str:
    action = " ".join(action.split()).strip(" ,;:-")
    action = rules.trim.sub("", " " + action).strip(" ,;:-")
    first, _, rest = action.partition(" ")
    infinitive = rules.infinitives.get(first.lower())
    if infinitive is None and first.isalpha():
        for ending, replacement in rules.endings:
            if first.lower().endswith(ending) and len(first) > len(ending) + 2:
                infinitive = first[: -len(ending)].lower() + replacement
                break
    if infinitive:
        action = f"{infinitive} {rest}".strip()
    return action


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:-"):
        end -= 1
    return end
