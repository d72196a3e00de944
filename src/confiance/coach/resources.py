"""Load a language's data files once and compile them into a ``LanguageData``.

Each directory ``lang/<code>/`` holds the same files (see ``DATA_FILES``). Nothing here knows
any word of any language: it only reads the data and compiles patterns.
"""

from __future__ import annotations

import re
import threading
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources

from .errors import SUPPORTED_LANGUAGES, LanguageDataError, UnknownLanguageError
from .matcher import Pattern, PatternSet, add_variants, compile_pattern, compile_set

DATA_FILES = (
    "language.toml",
    "findings.toml",
    "moves.toml",
    "tone.toml",
    "commitments.toml",
    "labels.toml",
)
FINDING_CATEGORIES = (
    "blame",
    "contempt",
    "us_versus_them",
    "bad_intent",
    "absolutes",
    "right_wrong",
    "fight_metaphor",
    "ultimatum",
    "dismissing",
)
MOVE_CATEGORIES = (
    "probing_question",
    "acknowledging",
    "explaining_reasons",
    "joint_next_step",
    "summarising",
    "gratitude",
    "openness_hedging",
    "accepting_no_deal",
)

# Kinds of pattern; the order is the priority when two patterns match the same tokens.
CUE, MOVE, FINDING = 1, 2, 3
NEGATOR, RAISER, CLAUSE, SENTENCE, REPORTED, INTENSIFIER, QUOTE = 10, 11, 12, 13, 14, 15, 16
CONTRAST = 17
_PRIORITY = {
    FINDING: 9,
    MOVE: 8,
    CUE: 7,
    RAISER: 6,
    NEGATOR: 5,
    REPORTED: 4,
    INTENSIFIER: 3,
    QUOTE: 2,
    CLAUSE: 1,
    CONTRAST: 1,
    SENTENCE: 0,
}


@dataclass(slots=True)
class Rule:
    """What a pattern stands for: a finding, a move, a tone cue or a piece of syntax."""

    kind: int
    id: str
    category: str = ""
    weight: float = 0.0
    severity: int = 0
    explanation: str = ""
    rewrite: str = ""
    question: str = ""
    # Dropped when its clause is otherwise positive ("they always pay on time, great team").
    needs_negative: bool = False


@dataclass
class LanguageData:
    code: str
    token_re: re.Pattern[str]
    # ``token_re`` behind possessive spaces, its tokens as group 1: ``findall`` gives the
    # same list, without a failed match attempt at every space (see ``fast_tokenizer``).
    fast_token_re: re.Pattern[str]
    patterns: PatternSet
    rules: list[Rule]
    weights: dict[str, float]
    window: int
    raiser_window: int
    reported_note: str
    detect_words: frozenset[str]
    detect_chars: frozenset[str]
    labels: dict[str, str]
    commitments: dict = field(default_factory=dict)
    # Finding categories that are not the writer's own framing when quoted or reported.
    not_when_reported: frozenset[str] = frozenset()
    question_mark: str = "?"
    # ``tone_of``'s tokenizer, scan and score in C (see accel.py), or None: Python then.
    c_tone: Callable[[str], float | None] | None = None

    def tokenize(self, text: str) -> list[str]:
        return self.token_re.findall(text.lower())


_cache: dict[str, LanguageData] = {}
_lock = threading.Lock()


def loaded(code: object) -> LanguageData | None:
    """The compiled data of ``code`` if it is exactly "fr"/"en" and already loaded."""
    return _cache.get(code) if type(code) is str else None


def get(code: str) -> LanguageData:
    """Return the compiled data of ``code`` ("fr" / "en"), loading it on first use."""
    data = _cache.get(code)
    if data is not None:
        return data
    if code not in SUPPORTED_LANGUAGES:
        raise UnknownLanguageError(code)
    with _lock:
        if code not in _cache:
            _cache[code] = _load(code)
    return _cache[code]


def read_toml(code: str, name: str) -> dict:
    """Read one data file of a language (also used by the parity tests)."""
    path = resources.files(__package__).joinpath("lang", code, name)
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LanguageDataError(f"lang/{code}/{name}", str(exc)) from exc


def read_shared(name: str) -> dict:
    path = resources.files(__package__).joinpath(name)
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _load(code: str) -> LanguageData:
    lang = read_toml(code, "language.toml")
    findings = read_toml(code, "findings.toml")
    weights = read_shared("weights.toml")
    build = _Builder(code, lang, weights)
    build.syntax()
    build.cues(read_toml(code, "tone.toml"))
    build.moves(read_toml(code, "moves.toml"))
    build.findings(findings)
    build.patterns.freeze()
    syntax = lang["syntax"]
    data = LanguageData(
        code=code,
        token_re=build.token_re,
        fast_token_re=fast_tokenizer(build.token_re),
        patterns=build.patterns,
        rules=build.rules,
        weights=weights["tone"],
        window=int(syntax["negation_window"]),
        raiser_window=int(syntax["raiser_window"]),
        reported_note=findings["reported_note"],
        detect_words=frozenset(lang["detect"]["function_words"]),
        detect_chars=frozenset(lang["detect"].get("characters", "")),
        labels=read_toml(code, "labels.toml")["labels"],
        commitments=read_toml(code, "commitments.toml"),
        not_when_reported=frozenset(weights["findings"].get("not_when_reported", ())),
    )
    from .accel import scanner  # accel reads this module's kinds

    data.c_tone = scanner(data)
    return data


_SPACES = " \t\r\x0b\x0c\x1c\x85\xa0\u2009\u202f\u3000"


def fast_tokenizer(token_re: re.Pattern[str]) -> re.Pattern[str]:
    """A pattern whose ``findall`` equals ``token_re.findall`` on any text, but faster.

    Skipping the spaces before a token in the same match saves the engine a failed attempt
    of every alternative at each space. It only holds when no token starts with a space
    other than a newline and the pattern has no group of its own; otherwise the pattern
    is returned as it is. ``tests/coach/test_properties.py`` checks the equality.
    """
    starts = [ws + ch for ws in _SPACES for ch in "a'.-\n"]
    if token_re.groups or any(token_re.match(s) for s in starts):
        return token_re
    return re.compile(r"[^\S\n]*+(" + token_re.pattern + ")", token_re.flags)


class _Builder:
    """Compiles one language's data files into a PatternSet and its rules."""

    def __init__(self, code: str, lang: dict, weights: dict) -> None:
        self.code = code
        self.lang = lang
        self.weights = weights
        self.token_re = re.compile(lang["tokenizer"]["pattern"])
        self.sets = {name: compile_set(values) for name, values in lang.get("sets", {}).items()}
        syntax = lang["syntax"]
        # Gaps in patterns never cross a sentence break or a negator: a denied insult stays
        # denied.
        stops = {"\n"} | self._words(syntax["sentence_breaks"] + syntax.get("gap_stops", []))
        self.patterns = PatternSet(stops)
        self.neg_words = self._words(
            [n for n in syntax["negators"] if " " not in n and "|" not in n]
        )
        self.rules: list[Rule] = []
        self.variant = _accent_variant(lang.get("accents", {}))

    def tokenize(self, s: str) -> list[str]:
        return self.token_re.findall(s.lower())

    def _words(self, items: list[str]) -> set[str]:
        out: set[str] = set()
        for item in items:
            out |= self.sets[item[1:]][0] if item.startswith("@") else set(self.tokenize(item))
        return out

    def add(self, kind: int, rule: Rule, sources: list[str], where: str) -> None:
        self.rules.append(rule)
        for src in sources:
            pat: Pattern = compile_pattern(
                src,
                rule,
                sets=self.sets,
                tokenize=self.tokenize,
                where=where,
                priority=_PRIORITY[kind],
            )
            if self.variant is not None:
                add_variants(pat, self.variant)
            pat.own_negation = bool(pat.words() & self.neg_words)
            self.patterns.add(pat)

    def syntax(self) -> None:
        where = f"lang/{self.code}/language.toml"
        syntax = self.lang["syntax"]
        for kind, key in (
            (SENTENCE, "sentence_breaks"),
            (CLAUSE, "clause_breaks"),
            (CONTRAST, "contrast_breaks"),
            (NEGATOR, "negators"),
            (RAISER, "negation_raisers"),
            (REPORTED, "reported_speech"),
            (QUOTE, "quotes"),
        ):
            weight = self.weights["tone"]["negator"] if kind == NEGATOR else 0.0
            rule = Rule(kind, f"{self.code}.syntax.{key}", weight=weight)
            self.add(kind, rule, syntax[key], where)
        for entry in self.lang.get("intensifiers", []):
            rule = Rule(INTENSIFIER, entry["id"], weight=float(entry["factor"]))
            self.add(INTENSIFIER, rule, entry["patterns"], where)

    def cues(self, tone: dict) -> None:
        where = f"lang/{self.code}/tone.toml"
        for entry in tone["cue"]:
            rule = Rule(CUE, entry["id"], weight=float(entry["weight"]))
            self.add(CUE, rule, entry["patterns"], where)

    def moves(self, moves: dict) -> None:
        where = f"lang/{self.code}/moves.toml"
        move_weights = self.weights["moves"]
        for entry in moves["rule"]:
            cat = entry["category"]
            if cat not in MOVE_CATEGORIES:
                raise LanguageDataError(where, f"unknown move category {cat!r}")
            # A rule may carry its own weight (with its source) when it is a weaker form.
            weight = float(entry.get("weight", move_weights[cat]))
            rule = Rule(MOVE, entry["id"], category=cat, weight=weight)
            self.add(MOVE, rule, entry["patterns"], where)

    def findings(self, findings: dict) -> None:
        where = f"lang/{self.code}/findings.toml"
        texts = findings["category"]
        per_severity = float(self.weights["findings"]["per_severity"])
        for entry in findings["rule"]:
            cat = entry["category"]
            if cat not in FINDING_CATEGORIES:
                raise LanguageDataError(where, f"unknown finding category {cat!r}")
            severity = int(entry["severity"])
            # A rule may weigh more than its severity when its data file says why (with a
            # ``source``): hostility at a whole group of people (HateCheck).
            weight = -float(entry.get("weight", per_severity * severity))
            rule = Rule(
                FINDING,
                entry["id"],
                category=cat,
                severity=severity,
                weight=weight,
                explanation=entry.get("explanation", texts[cat]["explanation"]),
                rewrite=entry.get("rewrite", texts[cat]["rewrite"]),
                question=entry.get("question", texts[cat]["question"]),
                needs_negative=bool(entry.get("needs_negative_context", False)),
            )
            self.add(FINDING, rule, entry["patterns"], where)


def _accent_variant(accents: dict) -> Callable[[str], str | None] | None:
    """The unaccented spelling of a pattern word (``déteste`` → ``deteste``), or None.

    Online writing often drops accents; the language file says whether to fold them and
    which words must keep theirs because folding makes another word (``à`` / ``a``).
    """
    if not accents.get("fold"):
        return None
    keep = frozenset(accents.get("keep", ()))

    def variant(word: str) -> str | None:
        if word in keep:
            return None
        plain = unicodedata.normalize("NFD", word)
        plain = "".join(c for c in plain if not unicodedata.combining(c))
        plain = unicodedata.normalize("NFC", plain)
        return plain if plain != word else None

    return variant
