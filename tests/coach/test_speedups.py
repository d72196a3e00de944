"""The C tone path (``_speedups.c``, built by ``accel.py``) gives exactly the pure-Python tone.

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


def python_tone(text: str, data: resources.LanguageData) -> float:
    """The reference: the pure-Python ``tone_of``."""
    return tone_of(text, data)


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
    assert tone(text, lang) == python_tone(text, resources.get(lang))


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


def test_texts_that_need_the_python_path_still_get_the_python_tone():
    data = resources.get("en")
    # "İ" lowercases to two code points: tokens come from the original text in Python.
    text = "İSTANBUL buyers: they just don't get it"
    assert data.c_tone(text) is None
    assert tone(text, "en") == python_tone(text, data) < 0


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
    assert data.c_tone(text) == python_tone(text, data) < 0


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
