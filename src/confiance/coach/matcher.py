"""A small token pattern matcher (in the spirit of spaCy's Matcher), built for speed.

Patterns come from the language data files as strings of space-separated elements:

- ``word`` or ``a|b|c``      one token among these lowercase forms;
- ``stem*``                  any token starting with ``stem`` (inflection: ``comprenn*``);
- ``@name``                  one token from the named word set of the language file;
- ``(element)``              an optional element; ``(tout à fait)`` an optional sequence;
- ``~N``                     a gap of 0 to N tokens that does not cross a sentence break;
- ``_``                      any one word (not punctuation), mostly as ``(_)`` at the end so
                             that a highlight ends on the verb ("they never listen").

A plain word is run through the language's tokenizer, so ``n'importe`` becomes the two
tokens ``n'`` ``importe`` exactly as in analysed text. Matching a text costs one regex
``findall`` plus one set test per token: only tokens that can start a pattern (triggers)
enter Python code, which keeps ``tone()`` several times faster than VADER.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .errors import LanguageDataError

MIN_STEM = 3


@dataclass(slots=True)
class Element:
    words: frozenset[str]
    stems: tuple[str, ...]
    optional: bool = False
    gap: int = 0  # > 0: a gap element of up to ``gap`` tokens
    seq: list[Element] | None = None  # an optional sequence of several elements
    any_word: bool = False  # ``_``: any token that starts with a letter or a digit

    def accepts(self, tok: str) -> bool:
        return (
            tok in self.words
            or (bool(self.stems) and tok.startswith(self.stems))
            or (self.any_word and tok[:1].isalnum())
        )


@dataclass(slots=True)
class Pattern:
    """One compiled pattern and the rule it belongs to (``payload``)."""

    elements: list[Element]
    payload: object
    priority: int = 0
    size: int = field(default=0)
    # True when the pattern contains its own negation ("ne rien lâcher", "don't get it"):
    # the "ne" before it belongs to that negation and does not deny the whole phrase.
    own_negation: bool = False
    # A quick reject: the words of the last required element, and how far it can be.
    need: frozenset[str] | None = None
    reach: int = 0
    # The words of every required plain element after the first: each set must meet the
    # pattern's reach before the matcher runs ("ne … - il pas" needs both "-" and "pas").
    needs: tuple[frozenset[str], ...] = ()
    # The word sets of the elements after the first when every element is one required
    # plain token (most patterns): matched by a flat loop instead of ``_match``.
    plain: tuple[frozenset[str], ...] | None = None

    def words(self) -> set[str]:
        """Every literal token the pattern can match."""
        out: set[str] = set()
        for el in self.elements:
            out |= el.words
            for sub in el.seq or ():
                out |= sub.words
        return out

    def match(self, toks: list[str], i: int, stops: frozenset[str]) -> int:
        """Return the end index (exclusive) of the longest match starting at ``i``, or -1."""
        return _match(self.elements, 0, toks, i, stops)


def _match(els: list[Element], k: int, toks: list[str], i: int, stops: frozenset[str]) -> int:
    n = len(toks)
    while k < len(els):
        el = els[k]
        if el.seq is not None:
            end = _match(el.seq + els[k + 1 :], 0, toks, i, stops)
            return end if end >= 0 else _match(els, k + 1, toks, i, stops)
        if el.gap:
            # Try the shortest gap first and keep the first full match: patterns stay local.
            for skip in range(el.gap + 1):
                if skip and (i + skip - 1 >= n or toks[i + skip - 1] in stops):
                    break
                end = _match(els, k + 1, toks, i + skip, stops)
                if end >= 0:
                    return end
            return -1
        if i < n and (
            toks[i] in el.words
            or (el.stems and toks[i].startswith(el.stems))
            or (el.any_word and toks[i][:1].isalnum())
        ):
            if el.optional:
                end = _match(els, k + 1, toks, i + 1, stops)
                if end >= 0:
                    return end
                k += 1
                continue
            i += 1
            k += 1
            continue
        if el.optional:
            k += 1
            continue
        return -1
    return i


class PatternSet:
    """All patterns of one language, indexed by the tokens that can start them.

    Most triggers are one-token patterns (punctuation, negators, cue words): they are looked
    up in ``single`` without running the matcher. Longer patterns are indexed by their first
    token and, when their second element is a plain word set, by the second token too, so a
    common first word ("they", "ils") only tries the few patterns that can continue.
    """

    def __init__(self, stops: Iterable[str]) -> None:
        self.index: dict[str, bool] = {}
        self.single: dict[str, Pattern] = {}
        self.multi: dict[str, tuple[dict[str, list[Pattern]], list[Pattern]]] = {}
        self.stem_index: dict[str, list[tuple[str, Pattern]]] = {}
        self.stops = frozenset(stops)
        # The scanner's single look-up per token (see ``Entry``), filled by ``freeze``.
        self.table: dict[str, Entry] = {}

    def add(self, pattern: Pattern) -> None:
        """Index one more pattern (call ``freeze`` once all are added)."""
        self.table = {}
        first = pattern.elements[0]
        for word in first.words:
            self.index[word] = True
            if len(pattern.elements) == 1:
                old = self.single.get(word)
                if old is None or pattern.priority > old.priority:
                    self.single[word] = pattern
                continue
            by_second, generic = self.multi.setdefault(word, ({}, []))
            nexts = _next_tokens(pattern.elements[1:])
            if nexts is None:
                generic.append(pattern)
            else:
                for w in nexts:
                    by_second.setdefault(w, []).append(pattern)
        for stem in first.stems:
            self.stem_index.setdefault(stem[:MIN_STEM], []).append((stem, pattern))

    def freeze(self) -> dict[str, Entry]:
        """Build ``table``: for every token that may start a pattern, its one-token pattern
        (or None), the longer patterns it starts indexed by the next token, and a gate for
        the longer patterns that may follow it with any token (see ``Entry``)."""
        empty: dict[str, list[Pattern]] = {}
        table: dict[str, Entry] = {}
        for word in self.index:
            by_second, generic = self.multi.get(word, (empty, []))
            table[word] = (self.single.get(word), by_second, _gate(generic), generic)
        self.table = table
        return table

    def triggers(self, toks: list[str]) -> list[int]:
        """Indices of tokens that may start a pattern."""
        index = self.index
        if self.stem_index:
            stems = self.stem_index
            return [i for i, t in enumerate(toks) if t in index or t[:MIN_STEM] in stems]
        return [i for i, t in enumerate(toks) if t in index]

    def best_at(self, toks: list[str], i: int) -> tuple[Pattern | None, int]:
        """The longest (then highest-priority, then first) pattern matching at ``i`` and its
        end."""
        tok = toks[i]
        best = self.single.get(tok)
        best_end = i + 1 if best is not None else -1
        entry = self.multi.get(tok)
        if entry is not None:
            by_second, generic = entry
            if i + 1 < len(toks):
                more = by_second.get(toks[i + 1])
                if more:
                    best, best_end = longest(more, toks, i, best, best_end, self.stops)
            if generic:
                best, best_end = longest(generic, toks, i, best, best_end, self.stops)
        if self.stem_index:
            for stem, pat in self.stem_index.get(tok[:MIN_STEM], ()):
                if tok.startswith(stem):
                    end = _match(pat.elements, 0, toks, i, self.stops)
                    if end > best_end or (
                        end == best_end and best is not None and pat.priority > best.priority
                    ):
                        best, best_end = pat, end
        if best_end <= i:
            return None, -1
        return best, best_end


# What the scanner looks up for a token: its one-token pattern, its longer patterns by next
# token, a gate for its longer patterns that any next token may continue, and those
# patterns. The gate is None when there are none, else (words one of which must come within
# ``reach`` tokens, reach), with None for the words when only the matcher can tell.
Gate = tuple[frozenset[str] | None, int]
Entry = tuple[Pattern | None, dict[str, list[Pattern]], Gate | None, list[Pattern]]
ALWAYS: Gate = (None, 0)


def _gate(generic: list[Pattern]) -> Gate | None:
    if not generic:
        return None
    if any(p.need is None for p in generic):
        return ALWAYS
    return frozenset().union(*(p.need or () for p in generic)), max(p.reach for p in generic)


def longest(
    cands: list[Pattern],
    toks: list[str],
    i: int,
    best: Pattern | None,
    best_end: int,
    stops: frozenset[str],
) -> tuple[Pattern | None, int]:
    """Fold ``cands`` (in order) into the best match so far: longer wins, then priority."""
    n = len(toks)
    for pat in cands:
        plain = pat.plain
        if plain is not None:
            end = i + 1 + len(plain)
            # A shorter match could not win: skip the comparison of its tokens.
            if end > n or end < best_end:
                continue
            k = i + 1
            for words in plain:
                if toks[k] not in words:
                    break
                k += 1
            else:
                if end > best_end or (best is not None and pat.priority > best.priority):
                    best, best_end = pat, end
            continue
        # Quick reject: every required word must occur within the pattern's reach.
        window = toks[i + 1 : i + pat.reach]
        for need in pat.needs:
            if need.isdisjoint(window):
                break
        else:
            end = _match(pat.elements, 0, toks, i, stops)
            if end > best_end or (
                end == best_end and best is not None and pat.priority > best.priority
            ):
                best, best_end = pat, end
    return best, best_end


def _next_tokens(rest: list[Element]) -> frozenset[str] | None:
    """Every token that can follow the first one, or None when any token could."""
    words: set[str] = set()
    for el in rest:
        if el.gap or el.stems or el.any_word:
            return None
        if el.seq is not None:
            head = el.seq[0]
            if head.gap or head.stems or head.optional or head.any_word:
                return None
            words |= head.words
            continue
        words |= el.words
        if not el.optional:
            return frozenset(words)
    return None  # everything after the first token is optional


def compile_pattern(
    source: str,
    payload: object,
    *,
    sets: dict[str, tuple[frozenset[str], tuple[str, ...]]],
    tokenize: Callable[[str], list[str]],
    where: str,
    priority: int = 0,
) -> Pattern:
    """Compile one pattern string of the data files (see the module docstring)."""
    elements: list[Element] = []
    group: list[Element] | None = None
    for raw in source.split():
        if group is None and raw.startswith("(") and not raw.endswith(")") and len(raw) > 1:
            group = _elements(raw[1:], sets, tokenize, where)
            continue
        if group is not None:
            closing = raw.endswith(")")
            group.extend(_elements(raw[:-1] if closing else raw, sets, tokenize, where))
            if closing:
                elements.append(Element(frozenset(), (), seq=group))
                group = None
            continue
        optional = raw.startswith("(") and raw.endswith(")") and len(raw) > 2
        body = raw[1:-1] if optional else raw
        for el in _elements(body, sets, tokenize, where):
            el.optional = optional
            elements.append(el)
    if group is not None:
        raise LanguageDataError(where, f"unclosed group in pattern {source!r}")
    first = elements[0] if elements else None
    if first is None or first.gap or first.optional or first.seq or first.any_word:
        raise LanguageDataError(where, f"pattern {source!r} must start with a required token")
    pat = Pattern(elements, payload, priority=priority)
    pat.size = len(elements)
    pat.need, pat.reach = _last_need(elements)
    pat.needs = _needs(elements)
    if all(
        not (el.optional or el.gap or el.stems or el.any_word or el.seq is not None)
        for el in elements
    ):
        pat.plain = tuple(el.words for el in elements[1:])
    return pat


def _reach(elements: list[Element]) -> int:
    return sum(el.gap or (_reach(el.seq) if el.seq is not None else 1) for el in elements)


def _needs(elements: list[Element]) -> tuple[frozenset[str], ...]:
    """The word sets of the required plain elements after the first (see ``Pattern``)."""
    return tuple(
        el.words
        for el in elements[1:]
        if not (el.gap or el.optional or el.seq is not None or el.stems or el.any_word)
    )


def _last_need(elements: list[Element]) -> tuple[frozenset[str] | None, int]:
    """Words of the last required plain element after the first, and the pattern's reach.

    A stem or any-word element cannot say which words must come, so an earlier required
    plain element serves ("vous ~3 ne ~2 comprenn*" needs "ne"): without one, every
    "vous" would run the matcher.
    """
    reach = _reach(elements)
    for el in reversed(elements[1:]):
        if el.gap or el.optional or el.seq is not None or el.stems or el.any_word:
            continue
        return el.words, reach
    return None, reach


def _elements(
    body: str,
    sets: dict[str, tuple[frozenset[str], tuple[str, ...]]],
    tokenize: Callable[[str], list[str]],
    where: str,
) -> list[Element]:
    if re.fullmatch(r"~\d+", body):
        return [Element(frozenset(), (), gap=int(body[1:]))]
    if body == "_":
        return [Element(frozenset(), (), any_word=True)]
    if "|" in body or "*" in body or body.startswith("@"):
        words, stems = _alternatives(body, sets, where)
        return [Element(words, stems)]
    if body.endswith("'"):
        # An elided word written alone ("qu'", "n'") is one token, as it is before a word.
        return [Element(frozenset([body.lower()]), ())]
    return [Element(frozenset([tok]), ()) for tok in tokenize(body)]


def _alternatives(
    body: str, sets: dict[str, tuple[frozenset[str], tuple[str, ...]]], where: str
) -> tuple[frozenset[str], tuple[str, ...]]:
    words: set[str] = set()
    stems: list[str] = []
    for alt in body.split("|"):
        if alt.startswith("@"):
            if alt[1:] not in sets:
                raise LanguageDataError(where, f"unknown word set {alt!r}")
            w, s = sets[alt[1:]]
            words |= w
            stems.extend(s)
        elif alt.endswith("*"):
            if len(alt) - 1 < MIN_STEM:
                raise LanguageDataError(where, f"stem {alt!r} is shorter than {MIN_STEM}")
            stems.append(alt[:-1].lower())
        elif alt:
            words.add(alt.lower())
    return frozenset(words), tuple(stems)


def add_variants(pat: Pattern, variant: Callable[[str], str | None]) -> None:
    """Let every word and stem of ``pat`` also match its ``variant`` (when not None), e.g.
    the unaccented spelling; recomputes the quick-reject fields that copy word sets."""

    def widen(els: list[Element]) -> None:
        for el in els:
            extra = {v for w in el.words if (v := variant(w)) is not None}
            if extra:
                el.words = el.words | extra
            stems = {v for st in el.stems if (v := variant(st)) is not None}
            if stems - set(el.stems):
                el.stems = el.stems + tuple(sorted(stems - set(el.stems)))
            if el.seq is not None:
                widen(el.seq)

    widen(pat.elements)
    pat.need, pat.reach = _last_need(pat.elements)
    pat.needs = _needs(pat.elements)
    if pat.plain is not None:
        pat.plain = tuple(el.words for el in pat.elements[1:])


def compile_set(values: Iterable[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """Compile a named word set (single tokens, ``stem*`` allowed)."""
    words = {v.lower() for v in values if not v.endswith("*")}
    stems = tuple(v[:-1].lower() for v in values if v.endswith("*"))
    return frozenset(words), stems
