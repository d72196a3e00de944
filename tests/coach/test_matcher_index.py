"""The scanner only asks the matcher where its index says a longer pattern may start.

These tests compare that index with brute force over every pattern of the language: a gap
in the index would silently drop findings ("ils ne … jamais") from every analysis."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from confiance.coach import resources
from confiance.coach.matcher import Pattern, PatternSet, _match, compile_pattern
from confiance.coach.resources import FINDING, Rule
from confiance.coach.scan import scan


def all_patterns(ps: PatternSet) -> list[Pattern]:
    seen: dict[int, Pattern] = {}
    for pat in ps.single.values():
        seen[id(pat)] = pat
    for by_second, generic in ps.multi.values():
        for pat in [p for pats in by_second.values() for p in pats] + generic:
            seen[id(pat)] = pat
    for pairs in ps.stem_index.values():
        for _, pat in pairs:
            seen[id(pat)] = pat
    return list(seen.values())


def brute_force(ps: PatternSet, toks: list[str], i: int) -> tuple[int, int]:
    """(end, priority) of the longest, then highest-priority, match at ``i``; (-1, -1)."""
    best = (-1, -1)
    for pat in all_patterns(ps):
        if not pat.elements[0].accepts(toks[i]):
            continue
        end = _match(pat.elements, 0, toks, i, ps.stops)
        if end > i:
            best = max(best, (end, pat.priority))
    return best


def may_start_longer(ps: PatternSet, toks: list[str], i: int) -> bool:
    """The scanner's test (scan.py) for calling ``best_at``."""
    entry = ps.table.get(toks[i])
    if entry is None:
        return bool(ps.stem_index) and toks[i][:3] in ps.stem_index
    _, by_second, gate, _ = entry
    nxt = i + 1 < len(toks) and toks[i + 1] in by_second
    return nxt or (
        gate is not None and (gate[0] is None or not gate[0].isdisjoint(toks[i + 1 : i + gate[1]]))
    )


def vocabulary(lang: str) -> list[str]:
    """Words that start or continue patterns, plus filler and punctuation."""
    ps = resources.get(lang).patterns
    words = sorted({w for pat in all_patterns(ps) for w in pat.words()})
    return words[::3] + ["le", "the", "x", "demain", "price", ",", ".", "?"]


VOCAB = {lang: vocabulary(lang) for lang in ("en", "fr")}


def token_lists(lang: str) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(VOCAB[lang]), min_size=1, max_size=14)


def check(lang: str, toks: list[str]) -> None:
    ps = resources.get(lang).patterns
    for i in range(len(toks)):
        pat, end = ps.best_at(toks, i)
        got = (end, pat.priority) if pat is not None else (-1, -1)
        assert got == brute_force(ps, toks, i), (toks, i)
        if not may_start_longer(ps, toks, i):
            # Skipping the matcher is only allowed when nothing longer than the token matches.
            assert end <= i + 1, (toks, i, pat)


@settings(max_examples=150, deadline=None)
@given(toks=token_lists("en"))
def test_english_index_finds_what_brute_force_finds(toks):
    check("en", toks)


@settings(max_examples=150, deadline=None)
@given(toks=token_lists("fr"))
def test_french_index_finds_what_brute_force_finds(toks):
    check("fr", toks)


def test_known_longer_patterns_are_found():
    check("fr", ["ils", "ne", "comprennent", "jamais", "rien"])
    check("fr", ["je", "ne", "peux", "pas", "les", "sentir"])
    check("en", ["they", "just", "don't", "get", "it"])
    check("en", ["take", "it", "or", "leave", "it"])


def test_a_pattern_that_starts_with_a_stem_is_found_by_the_scanner():
    # No shipped pattern starts with a stem today; a language file may add one.
    data = resources.get("fr")
    ps = PatternSet(data.patterns.stops)
    for pat in all_patterns(data.patterns):
        ps.add(pat)
    rule = Rule(FINDING, "test.stem", category="dismissing", severity=2, weight=-1.1)
    ps.add(
        compile_pattern("incompréhensi* total", rule, sets={}, tokenize=data.tokenize, where="test")
    )
    custom = dataclasses.replace(data, patterns=ps)
    toks = ["c'", "est", "incompréhensible", "total", ",", "ils", "ne", "comprennent", "rien"]
    hits = scan(toks, custom)
    assert [(h.start, h.end) for h in hits if h.rule is rule] == [(2, 4)]
    # The other patterns still match around it, as with the shipped data.
    assert [h.rule.id for h in hits if h.start > 4] == [
        h.rule.id for h in scan(toks, data) if h.start > 4
    ]
