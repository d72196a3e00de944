"""The C version of ``tone()``'s hot path, built from a language's compiled data.

``speedups/*.c`` (the extension ``_speedups``) runs the tokenizer, the scan and the score of ``scan.tone_of`` in C: the
``make bench`` target of 5× VADER leaves about 3 µs for a French sentence, and the regular
expression that cuts it into tokens takes 2.6 µs of that alone in Python. The Python
functions stay the reference (and the whole analysis); this module hands their data to C:

- the token patterns, word sets and lookup tables of the ``PatternSet``, as plain tuples;
- the tokenizer, recognised from the language file's pattern: ``\\w++(?:'\\w++)*+|[^\\w\\s]|\\n``
  optionally after elided words (``(?:qu|[cdjlmnst])'(?=\\w)|``). Any other pattern, stem
  patterns, or a machine where the extension was not compiled: ``scanner()`` gives None and
  ``tone()`` runs in Python, with the same results (``tests/coach/test_speedups.py``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

from .matcher import Element, Pattern
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
from .scan import _CLEAR_CUE, _MAX_QUOTE_TOKENS

try:
    from . import _speedups
except ImportError:  # no C compiler when the package was installed
    _speedups = None

# The element limit of the C matcher (MAX_ELEMENTS in speedups/speedups.h).
MAX_ELEMENTS = 64
_WORDS = r"\w++(?:'\w++)*+|[^\w\s]|\n"
_ELISION = re.compile(r"\(\?:((?:[a-z]+|\[[a-z]+\])(?:\|(?:[a-z]+|\[[a-z]+\]))*)\)'\(\?=\\w\)\|")


def available() -> bool:
    """True when the C extension was compiled and imports."""
    return _speedups is not None


def elisions(pattern: str) -> tuple[str, ...] | None:
    """The elided words a tokenizer pattern cuts off (``()`` for none), or None when the
    pattern is not one the C tokenizer reproduces."""
    if pattern == _WORDS:
        return ()
    m = _ELISION.match(pattern)
    if m is None or pattern[m.end() :] != _WORDS:
        return None
    out: list[str] = []
    for alt in m.group(1).split("|"):
        if alt.startswith("["):
            out.extend(alt[1:-1])  # [cdjlmnst]: each letter on its own
        else:
            out.append(alt)
    return tuple(out)


def scanner(data: LanguageData) -> Callable[[str], float | None] | None:
    """``Scanner(...).tone_text`` for ``data``, or None when C cannot stand in for Python
    (or ``CONFIANCE_PURE_PYTHON=1`` asks for the reference path, to compare)."""
    if _speedups is None or os.environ.get("CONFIANCE_PURE_PYTHON") == "1":
        return None
    ps = data.patterns
    table = ps.table or ps.freeze()
    cut = elisions(data.token_re.pattern)
    if cut is None or ps.stem_index:
        return None
    builder = _Spec()
    entry_index: dict[str, int] = {}
    entry_specs = []
    for word, (single, by_second, gate, generic) in table.items():
        entry_index[word] = len(entry_specs)
        entry_specs.append(
            (
                builder.pattern(single) if single is not None else -1,
                {tok: builder.patterns(pats) for tok, pats in by_second.items()},
                gate is not None,
                gate[0] if gate is not None else None,
                gate[1] if gate is not None else 0,
                builder.patterns(generic) if gate is not None else -1,
            )
        )
    if builder.too_long:
        return None
    w = data.weights
    spec = (
        entry_index,
        tuple(entry_specs),
        tuple(builder.lists),
        tuple(builder.pats),
        frozenset(ps.stops),
        cut,
        (
            data.window,
            data.raiser_window,
            _MAX_QUOTE_TOKENS,
            FINDING,
            SENTENCE,
            CLAUSE,
            CONTRAST,
            NEGATOR,
            RAISER,
            REPORTED,
            INTENSIFIER,
            QUOTE,
        ),
        tuple(
            float(w[k])
            for k in (
                "negation_cap",
                "negation_flip",
                "reported_factor",
                "tokens_per_unit",
                "scale",
            )
        )
        + (_CLEAR_CUE,),
    )
    return _speedups.Scanner(spec).tone_text


def _flat_size(elements: list[Element]) -> int:
    return sum(_flat_size(el.seq) if el.seq is not None else 1 for el in elements)


class _Spec:
    """Numbers each pattern and each list of patterns once, in the order first seen."""

    def __init__(self) -> None:
        self.pats: list[tuple] = []
        self.lists: list[tuple[int, ...]] = []
        self._pat_ids: dict[int, int] = {}
        self._list_ids: dict[tuple[int, ...], int] = {}
        self.too_long = False

    def pattern(self, pat: Pattern) -> int:
        key = id(pat)
        if key not in self._pat_ids:
            rule: Rule = pat.payload  # type: ignore[assignment]
            self.too_long = self.too_long or _flat_size(pat.elements) > MAX_ELEMENTS
            self._pat_ids[key] = len(self.pats)
            self.pats.append(
                (
                    tuple(_element(el) for el in pat.elements),
                    rule.kind,
                    float(rule.weight),
                    rule.needs_negative,
                    pat.own_negation,
                    pat.priority,
                    pat.plain is not None,
                    tuple(pat.needs),
                    pat.reach,
                )
            )
        return self._pat_ids[key]

    def patterns(self, pats: list[Pattern]) -> int:
        key = tuple(self.pattern(p) for p in pats)
        if key not in self._list_ids:
            self._list_ids[key] = len(self.lists)
            self.lists.append(key)
        return self._list_ids[key]


def _element(el: Element) -> tuple:
    return (
        frozenset(el.words),
        tuple(el.stems),
        el.optional,
        el.gap,
        el.any_word,
        tuple(_element(sub) for sub in el.seq) if el.seq is not None else None,
    )
