"""One left-to-right pass over the tokens: patterns, negation scope, quotes and tone.

The pass keeps a little state, like a reader does: is a negation in force (``not``,
``ne … pas``; ``I don't think`` reaches to the end of the clause), are we inside quotes or
reported speech (``the customer said``), was the last word an intensifier (``really``).
Every finding, move and tone cue comes out as a ``Hit`` carrying that state.
"""

from __future__ import annotations

import math
import re
from itertools import compress, count
from typing import NamedTuple

from .matcher import ALWAYS, MIN_STEM, Entry, PatternSet, longest
from .resources import (
    CLAUSE,
    CONTRAST,
    FINDING,
    INTENSIFIER,
    NEGATOR,
    QUOTE,
    RAISER,
    REPORTED,
    SENTENCE,
    LanguageData,
    Rule,
)

# The smallest weight that reads as a clearly positive or negative word.
_CLEAR_CUE = 0.2
# A quote longer than this is taken as an unbalanced quote mark (an inch sign, a typo).
_MAX_QUOTE_TOKENS = 80


class Hit(NamedTuple):
    rule: Rule
    start: int  # token index
    end: int  # token index, exclusive
    negated: bool
    reported: bool
    factor: float
    clause: int  # unit number: sentences, and the parts of a sentence around "but"


# Digits and symbols written for letters inside a word ("d3teste", "sh1t"): obfuscation is
# a known way around word lists (Röttger et al. 2021, HateCheck "spell_leet").
# The pattern starts with its character class so that the regex engine scans for it fast.
_LEET_RE = re.compile(r"[013457@$](?:(?<=[^\W\d_].)(?=[^\W\d_]|\b)|(?<![\w@$].)(?=[^\W\d_][^\W_]))")
_LEET_GATE = re.compile(r"[013457@$]")
_LEET = str.maketrans("013457@$", "oieastas")
# Letters spelled out with spaces ("d é t e s t e"), read as one word.
_SPACED_RE = re.compile(r"(?<!\w)[^\W\d_](?: [^\W\d_]){3,}(?!\w)")
# A cheap first look (it starts with a literal space, which the regex engine scans for fast).
_SPACED_GATE = re.compile(r" [^\W\d_] [^\W\d_] [^\W\d_](?!\w)")


# Building the named tuple through tuple.__new__ skips the Python-level __new__: the scan
# creates one per hit, on the hot path of tone().
_new_hit = tuple.__new__


def normalise(text: str) -> str:
    """Same-length normalisation (offsets stay valid): apostrophes, letters written as digits."""
    if "\u2019" in text:
        text = text.replace("\u2019", "'")
    if "\u02bc" in text:
        text = text.replace("\u02bc", "'")
    if _LEET_GATE.search(text) is None:
        return text
    return _LEET_RE.sub(_unleet, text)


def _unleet(m: re.Match[str]) -> str:
    return m.group().translate(_LEET)


def tokens(text: str, data: LanguageData) -> list[str]:
    """Lowercase tokens of ``text`` (already normalised)."""
    low = text.lower()
    if len(low) == len(text) and not _SPACED_GATE.search(low):
        return data.fast_token_re.findall(low)
    return token_spans(text, data)[0]


def tone_of(text: str, data: LanguageData) -> float:
    """The tone of a raw ``text``: ``score(scan(tokens(normalise(text))))``, rounded.

    ``normalise`` and ``tokens`` are written out here because ``tone()`` is the batch hot
    path and each Python call costs as much as a dozen tokens of regex work; the property
    tests check that the result equals the full analysis on any text. ``data.c_tone`` is
    this same function in C (see accel.py), which ``tone()`` tries first; this one is the
    reference it is tested against.
    """
    if "\u2019" in text:
        text = text.replace("\u2019", "'")
    if "\u02bc" in text:
        text = text.replace("\u02bc", "'")
    if _LEET_GATE.search(text) is not None:
        text = _LEET_RE.sub(_unleet, text)
    low = text.lower()
    if len(low) == len(text) and _SPACED_GATE.search(low) is None:
        toks = data.fast_token_re.findall(low)
    else:
        toks = token_spans(text, data)[0]
    return round(score(scan(toks, data), toks, data), 4)


def token_spans(text: str, data: LanguageData) -> tuple[list[str], list[tuple[int, int]]]:
    """Tokens and their character spans in ``text``; the tokens equal ``tokens(text)``."""
    low = text.lower()
    source = low if len(low) == len(text) else text
    toks: list[str] = []
    spans: list[tuple[int, int]] = []
    for m in data.token_re.finditer(source):
        toks.append(m.group().lower())
        spans.append(m.span())
    spaced = [m.span() for m in _SPACED_RE.finditer(source)]
    if spaced:
        toks, spans = _join_spaced(toks, spans, spaced)
    return toks, spans


def _join_spaced(
    toks: list[str], spans: list[tuple[int, int]], spaced: list[tuple[int, int]]
) -> tuple[list[str], list[tuple[int, int]]]:
    # Each output token as its list of pieces, joined once at the end: adding letters one at
    # a time to a string would be quadratic in the length of a run.
    out_t: list[list[str]] = []
    out_s: list[tuple[int, int]] = []
    k = 0
    for tok, span in zip(toks, spans, strict=True):
        while k < len(spaced) and spaced[k][1] <= span[0]:
            k += 1
        inside = k < len(spaced) and spaced[k][0] <= span[0] and span[1] <= spaced[k][1]
        if inside and out_s and out_s[-1][0] >= spaced[k][0]:
            out_t[-1].append(tok)
            out_s[-1] = (out_s[-1][0], span[1])
            continue
        out_t.append([tok])
        out_s.append(span)
    return ["".join(parts) for parts in out_t], out_s


def scan(toks: list[str], data: LanguageData) -> list[Hit]:
    """Find findings, moves and tone cues with their negation / quotation state.

    One function on purpose: this loop is the hot path of ``tone()``, and splitting it into
    helpers would cost a Python call per token.
    """
    ps = data.patterns
    hits: list[Hit] = []
    pos = 0
    neg_until = -1
    neg_strong = False
    boost_until = -1
    boost = 1.0
    quote_from = -1
    reported = False
    clause = 0
    contextual = False
    last = len(toks) - 1
    # One dictionary look-up per token, done in C (map), and Python code only for the tokens
    # that may start a pattern (compress): most tokens of a sentence never enter this loop.
    # ``or freeze()``: a pattern set built without freezing it still finds its patterns.
    entries = list(map((ps.table or ps.freeze()).get, toks))
    stems = bool(ps.stem_index)
    if stems:
        # Stem patterns ("comprenn*") start at tokens no table can list: the general
        # ``best_at`` decides there.
        entries = _with_stems(entries, toks, ps)
    stops = ps.stops
    for i in compress(count(), entries):
        if i < pos:
            continue
        pat, by_second, gate, generic = entries[i]
        end = i + 1
        # Most triggers are one-token patterns, or common words ("the", "je") whose longer
        # patterns cannot continue with the next token: no matcher call for those.
        more = by_second.get(toks[end]) if i < last else None
        if more is not None:
            if stems:
                pat, end = ps.best_at(toks, i)
            else:
                pat, end = longest(more, toks, i, pat, end if pat else -1, stops)
        if gate is not None and (
            gate[0] is None or not gate[0].isdisjoint(toks[i + 1 : i + gate[1]])
        ):
            if stems:
                pat, end = ps.best_at(toks, i)
            else:
                pat, end = longest(generic, toks, i, pat, end if pat else -1, stops)
        if pat is None:
            continue
        pos = end
        rule: Rule = pat.payload  # type: ignore[assignment]
        kind = rule.kind
        if kind <= FINDING:
            if quote_from >= 0 and i - quote_from > _MAX_QUOTE_TOKENS:
                quote_from = -1
            hits.append(
                _new_hit(
                    Hit,
                    (
                        rule,
                        i,
                        end,
                        i < neg_until and (neg_strong or not pat.own_negation),
                        reported or quote_from >= 0,
                        boost if i < boost_until else 1.0,
                        clause,
                    ),
                )
            )
            contextual = contextual or rule.needs_negative
        elif kind == SENTENCE:
            neg_until = -1
            reported = False
            boost_until = -1
            clause += 1
        elif kind in (CLAUSE, CONTRAST):
            if kind == CONTRAST:
                clause += 1
            if not neg_strong:
                neg_until = -1
        elif kind == NEGATOR:
            if i >= neg_until:  # "ne … pas" is one negation, not two
                hits.append(
                    _new_hit(Hit, (rule, i, end, False, reported or quote_from >= 0, 1.0, clause))
                )
            neg_until = end + data.window
            neg_strong = False
        elif kind == RAISER:
            neg_until = end + data.raiser_window
            neg_strong = True
        elif kind == REPORTED:
            reported = True
        elif kind == INTENSIFIER:
            boost_until = end + 2
            boost = rule.weight
        elif kind == QUOTE:
            quote_from = -1 if quote_from >= 0 else i
    return _drop_positive_absolutes(hits) if contextual else hits


def _with_stems(entries: list[Entry | None], toks: list[str], ps: PatternSet) -> list:
    """Entries that also send tokens beginning like a stem pattern to the matcher."""
    stems = ps.stem_index
    out: list[Entry | None] = []
    for entry, tok in zip(entries, toks, strict=True):
        if tok[:MIN_STEM] in stems:
            # Only the matcher can tell whether a stem pattern goes on from here.
            entry = (entry[0], entry[1], ALWAYS, []) if entry else (None, {}, ALWAYS, [])
        out.append(entry)
    return out


def _drop_positive_absolutes(hits: list[Hit]) -> list[Hit]:
    """ "They always pay on time, great team" is praise, not a generalisation to fight over."""
    positive: set[int] = set()
    negative: set[int] = set()
    for hit in hits:
        if hit.rule.needs_negative:
            continue
        # Only clear cues count: "our" or a negator alone say nothing about praise.
        value = hit.rule.weight * (-1 if hit.negated else 1)
        if value >= _CLEAR_CUE:
            positive.add(hit.clause)
        elif value <= -_CLEAR_CUE:
            negative.add(hit.clause)
    return [
        h
        for h in hits
        if not (h.rule.needs_negative and h.clause in positive and h.clause not in negative)
    ]


def score(hits: list[Hit], toks: list[str], data: LanguageData) -> float:
    """Tone in [-1, 1] from the hits: the weighted sum, scaled by the text's length."""
    w = data.weights
    cap = w["negation_cap"]
    total = 0.0
    for hit in hits:
        value = hit.rule.weight * hit.factor
        if hit.negated:
            # Denying an insult is not a compliment: the flipped value stays small.
            value = max(-cap, min(cap, value * w["negation_flip"]))
        if hit.reported:
            value *= w["reported_factor"]
        total += value
    if not total:
        return 0.0
    # Longer texts accumulate more cues; dividing by the square root of the length in
    # sentence-sized units keeps one insult in a long e-mail from weighing like a short rant.
    units = max(1.0, len(toks) / w["tokens_per_unit"])
    return math.tanh(total / (w["scale"] * math.sqrt(units)))
