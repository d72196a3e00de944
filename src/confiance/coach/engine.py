"""The coach's entry points: ``analyze`` a text or a transcript, ``tone`` fast."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from . import commitments, detect, resources, transcript
from .errors import CoachError, message
from .resources import FINDING, MOVE, LanguageData
from .scan import Hit, normalise, scan, score, token_spans, tone_of


@dataclass
class TranscriptTurn:
    """One turn of a transcript: who spoke, what they said, and when (seconds)."""

    speaker: str
    text: str
    start: float | None = None
    end: float | None = None


def tone(text: str, lang: str | None = None) -> float:
    """Tone of ``text`` in [-1, 1] (−1 combative … +1 collaborative); same as analyze()."""
    if type(text) is not str:
        text = _as_text(text)
    # Fast path for the batch case: an explicit, already loaded language.
    data = resources.loaded(lang)
    if data is None:
        data = resources.get(detect.check(lang) or detect.detect(normalise(text)))
    if data.c_tone is not None:  # the same function in C (accel.py), when it was compiled
        value = data.c_tone(text)
        if value is not None:
            return value
    return tone_of(text, data)


def analyze(
    text: str | None = None,
    *,
    segments: list[Any] | None = None,
    lang: str | None = None,
    reference_date: dt.date | None = None,
) -> dict:
    """Analyse a text (or transcript ``segments``): findings, moves, commitments and tone."""
    code = detect.check(lang)
    ref = reference_date or dt.date.today()
    if segments is not None:
        if text:
            raise CoachError(message("E003"))
        return _analyze_transcript([_as_turn(t, i) for i, t in enumerate(segments)], code, ref)
    text = _as_text(text)
    data = resources.get(code or detect.detect(text))
    part = _analyze_part(text, data, ref, speaker=None, segment=None)
    return {
        "lang": data.code,
        "tone": part["tone"],
        "findings": part["findings"],
        "moves": part["moves"],
        "commitments": part["commitments"],
        "speakers": [],
        "segments": [],
    }


def _analyze_part(
    text: str, data: LanguageData, ref: dt.date, *, speaker: str | None, segment: int | None
) -> dict:
    norm = normalise(text)
    toks, spans = token_spans(norm, data)
    hits = scan(toks, data)
    findings: list[dict] = []
    moves: list[dict] = []
    for hit in hits:
        kind = hit.rule.kind
        if hit.negated or kind not in (FINDING, MOVE):
            continue
        if kind == FINDING and hit.reported and hit.rule.category in data.not_when_reported:
            # Quoting an insult to report or condemn it mentions it, it does not use it.
            continue
        start, end = spans[hit.start][0], spans[hit.end - 1][1]
        if kind == FINDING:
            findings.append(_finding(text, start, end, hit, data, segment))
        elif not hit.reported:
            moves.append(
                {
                    "start": start,
                    "end": end,
                    "text": text[start:end],
                    "category": hit.rule.category,
                    "rule": hit.rule.id,
                    "segment": segment,
                }
            )
    return {
        "tone": round(score(hits, toks, data), 4),
        "words": sum(1 for t in toks if t[:1].isalnum()),
        "findings": findings,
        "moves": moves,
        "commitments": commitments.extract(
            text, data, reference_date=ref, speaker=speaker, segment=segment
        ),
    }


def _finding(
    text: str, start: int, end: int, hit: Hit, data: LanguageData, segment: int | None
) -> dict:
    rule = hit.rule
    severity = rule.severity
    explanation = rule.explanation
    if hit.reported:
        # Quoting the customer is not the seller's own framing: flag it gently.
        severity = max(1, severity - 1)
        explanation = f"{data.reported_note} {explanation}"
    elif hit.factor > 1 and severity < 3:
        severity += 1
    return {
        "start": start,
        "end": end,
        "text": text[start:end],
        "category": rule.category,
        "severity": severity,
        "rule": rule.id,
        "explanation": explanation,
        "rewrite": rule.rewrite,
        "question": rule.question,
        "segment": segment,
    }


def _analyze_transcript(turns: list[TranscriptTurn], code: str | None, ref: dt.date) -> dict:
    whole = "\n".join(t.text for t in turns)
    main = code or detect.detect(whole)
    parts = []
    for i, turn in enumerate(turns):
        seg_lang = code or _segment_lang(turn.text, main)
        data = resources.get(seg_lang)
        part = _analyze_part(turn.text, data, ref, speaker=turn.speaker, segment=i)
        part["lang"] = seg_lang
        parts.append(part)
    total_words = sum(p["words"] for p in parts)
    tone_value = sum(p["tone"] * p["words"] for p in parts) / total_words if total_words else 0.0
    return {
        "lang": main,
        "tone": round(tone_value, 4),
        "findings": [f for p in parts for f in p["findings"]],
        "moves": [m for p in parts for m in p["moves"]],
        "commitments": [c for p in parts for c in p["commitments"]],
        "speakers": transcript.speaker_stats(turns, parts),
        "segments": [
            {"index": i, "speaker": t.speaker, "lang": p["lang"], "tone": p["tone"]}
            for i, (t, p) in enumerate(zip(turns, parts, strict=True))
        ],
    }


def _segment_lang(text: str, main: str) -> str:
    scores = detect.evidence(text)
    best = max(scores, key=lambda c: (scores[c], c == main))
    return best if scores[best] >= detect.MIN_EVIDENCE and scores[best] > scores[main] else main


def _as_text(text: object) -> str:
    if text is None:
        return ""
    if isinstance(text, bytes):
        return text.decode("utf-8", errors="replace")
    return str(text)


def _as_turn(turn: Any, index: int) -> TranscriptTurn:
    if isinstance(turn, TranscriptTurn):
        return turn
    get = turn.get if isinstance(turn, dict) else lambda k, d=None: getattr(turn, k, d)
    speaker, text = get("speaker"), get("text")
    if text is None:
        raise CoachError(message("E004", index=index))
    return TranscriptTurn(str(speaker or ""), _as_text(text), get("start"), get("end"))
