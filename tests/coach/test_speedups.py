"""The C tone path (``speedups/*.c``, built by ``accel.py``) gives exactly the pure-Python tone.

A seller who reads 0.4213 on one note in the web app must read 0.4213 in a batch run: the C
code is only a faster way to the same number, so every test here compares it with the Python
reference on the same text.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from confiance.coach import accel, resources, tone
from confiance.coach.scan import scan, score, tone_of

LANGS = ("en", "fr")

# Characters the C code treats specially (apostrophes, digits read as letters, spaces that
# are not newlines, letters whose lowercase is longer, the final sigma, a letter above
# U+00FF), and words the rules know.
ALPHABET = st.sampled_from(
    list("abcdeilnorstuyz ' ’ʼ013457@$_-.,;:!?«»\"()\n\t\u00a0\u2009\u202fÉéèàçœΣσİı\u0301😀")
)
WORDS = st.sampled_from(
    [
        "they",
        "always",
        "never",
        "don't",
        "not",
        "stupid",
        "idiots",
        "crush",
        "take it or leave it",
        "thanks",
        "could you",
        "I think",
        "said",
        "really",
        "but",
        "ils",
        "ne",
        "pas",
        "jamais",
        "comprennent",
        "rien",
        "qu'ils",
        "c'est à prendre ou à laisser",
        "aujourd'hui",
        "jusqu'au",
        "merci",
        "vraiment",
        "mais",
        "d é t e s t e",
        "s t u p i d",
        "1d10ts",
        "d3teste",
        "h@te",
        "«",
        "»",
        '"',
        ".",
        ",",
        "?",
        "\n",
    ]
)
TEXTS = st.one_of(
    st.text(),
    st.text(ALPHABET, max_size=60),
    st.lists(st.one_of(WORDS, st.text(ALPHABET, max_size=4)), max_size=25).map(" ".join),
)


def test_the_c_path_is_built_and_used_for_both_languages():
    # Not a skip: on a machine that could not compile the extension this fails, and the
    # README's set-up says to install gcc.
    assert accel.available()
    for lang in LANGS:
        assert resources.get(lang).c_tone is not None, lang


@pytest.mark.parametrize("lang", LANGS)
@settings(max_examples=400, deadline=None)
@given(text=TEXTS)
def test_c_tone_equals_python_tone_on_any_text(lang, text):
    assert tone(text, lang) == tone_of(text, resources.get(lang))


@pytest.mark.parametrize("lang", LANGS)
@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_c_tokens_equal_the_regex_tokens(lang, text):
    data = resources.get(lang)
    low = text.lower()
    assert data.c_tone.__self__.tokens(low) == data.fast_token_re.findall(low)


@pytest.mark.parametrize("lang", LANGS)
@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_c_scan_and_score_equal_python_on_the_same_tokens(lang, text):
    data = resources.get(lang)
    low = text.lower()
    toks = data.fast_token_re.findall(low)
    assert data.c_tone.__self__.tone(low) == score(scan(toks, data), toks, data)


@settings(max_examples=2000, deadline=None)
@given(
    x=st.one_of(
        st.floats(-1.0, 1.0),
        # Right next to a rounding half, where x * 1e4 alone could round the wrong way.
        st.integers(-10000, 9999).map(lambda k: (k + 0.5) / 10000),
        st.integers(-10000, 9999).flatmap(
            lambda k: st.sampled_from([(k + 0.5) / 10000 + d for d in (-1e-17, 1e-17, 5e-13)])
        ),
    )
)
def test_c_rounding_equals_python_round(x):
    from confiance.coach import _speedups

    got = _speedups.round4(x)
    assert got == round(x, 4)
    assert str(got) == str(round(x, 4))  # -0.0 stays -0.0


def test_texts_that_need_the_python_path_still_get_the_tone_of():
    data = resources.get("en")
    # "İ" lowercases to two code points: tokens come from the original text in Python.
    text = "İSTANBUL buyers: they just don't get it"
    assert data.c_tone(text) is None
    assert tone(text, "en") == tone_of(text, data) < 0


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("you are 1diots", "en"),  # a digit for a letter
        ("je d3teste ces clients", "fr"),
        ("They are s t u p i d.", "en"),  # letters spelled out
        ("Qu’ils arrêtent de nous prendre pour des idiots", "fr"),  # typographic apostrophe
    ],
)
def test_obfuscated_text_is_read_in_c_as_in_python(text, lang):
    data = resources.get(lang)
    assert data.c_tone(text) is not None
    assert data.c_tone(text) == tone_of(text, data) < 0


def test_the_tokenizer_patterns_the_c_code_knows():
    assert accel.elisions(r"\w++(?:'\w++)*+|[^\w\s]|\n") == ()
    assert accel.elisions(r"(?:qu|[cd])'(?=\w)|\w++(?:'\w++)*+|[^\w\s]|\n") == ("qu", "c", "d")
    assert accel.elisions(r"\w+|[^\w\s]") is None  # any other pattern: Python does it


def test_a_malformed_spec_is_refused_with_an_error_not_a_crash():
    from confiance.coach import _speedups

    with pytest.raises(TypeError):
        _speedups.Scanner("not a spec")
    with pytest.raises(TypeError):
        _speedups.Scanner(({}, (), (), (), frozenset(), (), (), ()))
    scanner = _speedups.Scanner.__new__(_speedups.Scanner)
    with pytest.raises(RuntimeError):
        scanner.tone_text("never built")


def test_pure_python_can_be_asked_for():
    # make bench measures both paths; CONFIANCE_PURE_PYTHON=1 turns the C path off.
    code = "from confiance.coach import resources; print(resources.get('fr').c_tone)"
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"CONFIANCE_PURE_PYTHON": "1", "PATH": ""},
    )
    assert done.stdout.strip() == "None"


# ---- Misuse of the Scanner: a Python error, never a crashed process --------------------------
# Each case runs in its own interpreter: before these were fixed, every one of them crashed
# (segmentation fault, stack overflow, use after free or a C assertion), which would take the
# whole test run down instead of failing one test.

_SPEC_HELPERS = """
import sys
from confiance.coach import _speedups
Scanner = _speedups.Scanner
INTS = (3, 8, 80, 3, 13, 12, 17, 10, 11, 14, 15, 16)
FLOATS = (0.3, -0.5, 0.05, 12.0, 1.5, 0.2)

def el(words, optional=False, gap=0, seq=None):
    return (frozenset(words), (), optional, gap, False, seq)

def pat(els, needs=(), reach=0):
    return (tuple(els), 1, -0.5, False, False, 0, False, tuple(needs), reach)

def spec(table, entries, lists, pats, ints=INTS):
    return (table, tuple(entries), tuple(lists), tuple(pats), frozenset({"."}), (), ints, FLOATS)

def entry(single=-1, by_second=None, gate=False, reach=0, generic=-1):
    return (single, by_second or {}, gate, None, reach, generic)

ONE = spec({"x": 0}, [entry(single=0)], [], [pat([el({"x"})])])

def raises(exc, message, call):
    try:
        call()
    except exc as e:
        assert message in str(e), e
        return
    raise AssertionError(f"no {exc.__name__}")
"""

MISUSES = {
    "a failed __init__ leaves a Scanner that refuses to run, then builds again": """
s = Scanner.__new__(Scanner)
not_words = ("not a frozenset", (), False, 0, False, None)
raises(TypeError, "element", lambda: s.__init__(spec({"x": 5}, [], [], [pat([not_words])])))
raises(RuntimeError, "not built", lambda: s.tone("x x"))
s.__init__(ONE)
assert s.tone("x") < 0
""",
    "__init__ re-entered from the spec's own __index__": """
s = Scanner.__new__(Scanner)
class Sneaky:
    def __index__(self):
        raises(RuntimeError, "already built", lambda: s.__init__(ONE))
        raises(RuntimeError, "not built", lambda: s.tone("x"))
        return 3
s.__init__(spec({"x": 0}, [entry(single=0)], [], [pat([el({"x"})])] * 9,
                ints=(Sneaky(),) + INTS[1:]))
assert s.tone("x") < 0
""",
    "a table entry changed after the Scanner was built": """
s = Scanner(ONE)
ONE[0]["x"] = 10**6
raises(ValueError, "changed after", lambda: s.tone("x"))
ONE[0]["x"] = "zero"
raises(TypeError, "integer", lambda: s.tone("x"))
""",
    "a next-token list changed after the Scanner was built": """
sp = spec({"x": 0}, [entry(by_second={"y": 0})], [(0,)], [pat([el({"x"}), el({"y"})])])
s = Scanner(sp)
assert s.tone("x y") < 0
sp[1][0][1]["y"] = 123456789
raises(ValueError, "changed after", lambda: s.tone("x y"))
""",
    "an optional sequence nested 100,000 deep": """
inner = (el({"a"}),)
for _ in range(100_000):
    inner = (el((), seq=inner),)
sp = spec({"x": 0}, [entry(gate=True, generic=0)], [(0,)], [pat([el({"x"})] + list(inner))])
raises(ValueError, "more than 128 elements", lambda: Scanner(sp))
""",
    "a pattern of 100,000 optional words": """
els = [el({"x"})] + [el({"a"}, optional=True)] * 100_000
sp = spec({"x": 0}, [entry(gate=True, generic=0)], [(0,)], [pat(els)])
raises(ValueError, "more than 128 elements", lambda: Scanner(sp))
""",
    "windows and reaches that overflow an index, or are negative": """
M = sys.maxsize
raises(ValueError, "window", lambda: Scanner(spec({}, [], [], [], ints=(M,) + INTS[1:])))
bad_reach = spec({"x": 0}, [entry(gate=True, reach=M, generic=0)], [(0,)],
                 [pat([el({"x"}), el({"y"})])])
raises(ValueError, "reach", lambda: Scanner(bad_reach))
raises(ValueError, "reach", lambda: Scanner(spec({}, [], [], [pat([el({"x"})], reach=-1)])))
""",
    "elements, patterns and entries that are not tuples": """
raises(TypeError, "element must be a tuple", lambda: Scanner(spec({}, [], [], [pat(["x"])])))
raises(TypeError, "pattern must be a tuple", lambda: Scanner(spec({}, [], [], ["x"])))
raises(TypeError, "entry must be a tuple", lambda: Scanner(spec({}, ["x"], [], [])))
""",
    "a str subclass whose lower() is not a str": """
from confiance.coach import resources
c_tone = resources.get("en").c_tone
class Odd(str):
    def lower(self):
        return 42
for text in ("plain ascii", "not Latin-1 ’ Σ"):
    assert c_tone(Odd(text)) is None  # the Python path decides (and raises there)
""",
}


@pytest.mark.parametrize("case", list(MISUSES), ids=list(range(len(MISUSES))))
def test_misusing_the_scanner_raises_a_python_error_instead_of_crashing(case):
    done = subprocess.run(
        [sys.executable, "-c", _SPEC_HELPERS + MISUSES[case] + "\nprint('survived')"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (done.returncode, done.stdout.strip()) == (0, "survived"), done.stderr[-2000:]


def test_a_str_subclass_gets_the_python_tone_even_when_it_lowercases_differently():
    # tone_of calls the subclass's own lower(); the C path never does, so it must hand over.
    class Shouting(str):
        def lower(self) -> str:
            return "they are idiots".ljust(len(self))[: len(self)]

    data = resources.get("en")
    text = Shouting("What a lovely day, thanks")
    assert data.c_tone(text) is None
    assert tone_of(text, data) < 0 < tone(str(text), "en")


def test_texts_of_a_million_characters_give_the_tone_of():
    words = ["they", "never", "idiots", "d3teste", "s t u p i d", "’", "1", "''", "thanks", "\n"]
    cases = {
        "en": " ".join(words[k % len(words)] for k in range(150_000))[:1_000_000],
        "fr": ("'1 " * 400_000)[:1_000_000],
    }
    for lang, text in cases.items():
        data = resources.get(lang)
        assert data.c_tone(text) is not None
        assert data.c_tone(text) == tone_of(text, data)


def test_repeated_calls_keep_their_references_and_memory():
    import gc
    import tracemalloc

    data = resources.get("fr")
    scanner = data.c_tone.__self__
    texts = [
        "Franchement, ils ne comprennent rien : c'est à prendre ou à laisser. " * 3,
        "je d3teste ces clients, Qu’ils arrêtent ! d é t e s t e",
        "ΣΑΣ 😀 \ud800 jamais jamais " + "x " * 200,  # not Latin-1; more tokens than the stack
        "İSTANBUL",  # handed to Python
    ]
    before = [sys.getrefcount(t) for t in texts]
    for text in texts:  # warm every path once
        data.c_tone(text)
        scanner.tokens(text.lower())
    gc.collect()
    tracemalloc.start()
    start = tracemalloc.get_traced_memory()[0]
    for _ in range(2000):
        for text in texts:
            data.c_tone(text)
            scanner.tone(text.lower())
    del text  # the loop variable holds the last text
    gc.collect()
    grown = tracemalloc.get_traced_memory()[0] - start
    tracemalloc.stop()
    assert [sys.getrefcount(t) for t in texts] == before
    assert grown < 4096, f"{grown} bytes kept after 8,000 calls"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "text",
    [
        "s t u p i d",  # the whole text
        "They are s t u p i d, i d i o t s and c r o o k s!",  # several runs
        "d é t e s t e.d é t e s t e",  # runs around a full stop
        "a b c dz and x y z",  # a word letter right after: the run gives a letter back
        "a b c",  # three letters: not a run
        "one " + " ".join("stupid" * 2000) + " two",  # one run of 12,000 letters
        " ".join("idiots" * 30) + " " + "x" * 300,  # a run longer than the stack of hits
    ],
)
def test_letters_spelled_out_are_joined_as_in_python(text, lang):
    data = resources.get(lang)
    assert data.c_tone(text) is not None
    assert data.c_tone(text) == tone_of(text, data)
