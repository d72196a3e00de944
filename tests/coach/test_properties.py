"""Properties of the engine that hold for any input: offsets point at the text they quote,
tone stays in [-1, 1], the result is JSON, and bad input never crashes it."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from confiance.coach import TranscriptTurn, UnknownLanguageError, analyze, tone

SPANNED = ("findings", "moves", "commitments")

# Words that trigger rules, mixed with characters whose case mapping or normalisation changes
# length (İ lowercases to two code points, ß uppercases to SS, ﬁ is a ligature, a combining
# accent, emoji with ZWJ): offsets must survive all of them.
PIECES = [
    "they just don't get it",
    "ils ne comprennent rien",
    "c'est à prendre ou à laisser",
    "take it or leave it",
    "we have to crush them",
    "il faut tenir bon",
    "they always",
    "ils ne… jamais",
    "I'll send the quote by Friday",
    "je vous envoie le devis vendredi",
    "Could you help me understand why?",
    "Pourriez-vous m'expliquer pourquoi ?",
    "Thanks",
    "merci",
    "not",
    "pas du tout",
    "İSTANBUL",
    "Straße",
    "ﬁnal",
    "e\u0301",
    "👩‍💻",
    "\u200b",
    "<b>",
    "\x00",
    "\r\n",
    "’",
    "QU'ILS",
]
SEPARATORS = st.sampled_from([" ", "", ". ", "\n", ", ", "! ", "… ", "\t", "  "])
trigger_text = st.lists(st.tuples(st.sampled_from(PIECES), SEPARATORS), max_size=12).map(
    lambda parts: "".join(piece + sep for piece, sep in parts)
)
any_text = st.one_of(st.text(), trigger_text)
langs = st.sampled_from([None, "fr", "en"])


def assert_valid(result: dict, texts: list[str] | str) -> None:
    """Every span lies inside its text and quotes it exactly; tone is in range; JSON."""
    json.dumps(result)
    assert -1.0 <= result["tone"] <= 1.0
    assert result["lang"] in ("fr", "en")
    for key in SPANNED:
        for item in result[key]:
            if isinstance(texts, str):
                assert item["segment"] is None
                source = texts
            else:
                source = texts[item["segment"]]
            assert 0 <= item["start"] <= item["end"] <= len(source)
            assert source[item["start"] : item["end"]] == item["text"]
    for finding in result["findings"]:
        assert finding["category"]
        assert finding["explanation"] and finding["rewrite"] and finding["question"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text, lang=langs)
def test_any_text_gives_valid_offsets_and_tone(text, lang):
    result = analyze(text, lang=lang)
    assert_valid(result, text)
    assert result["speakers"] == [] and result["segments"] == []


@settings(max_examples=200, deadline=None)
@given(text=any_text, lang=langs)
def test_tone_fast_path_equals_the_full_analysis(text, lang):
    assert tone(text, lang=lang) == analyze(text, lang=lang)["tone"]


turns = st.lists(
    st.builds(
        TranscriptTurn,
        speaker=st.sampled_from(["Sophie Martin", "Tom", "", "Ünal Çelik"]),
        text=any_text,
        start=st.none() | st.floats(0, 3600),
        end=st.none() | st.floats(0, 3600),
    ),
    max_size=8,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(segments=turns, lang=langs)
def test_any_transcript_gives_offsets_within_its_segments(segments, lang):
    result = analyze(segments=segments, lang=lang)
    assert_valid(result, [turn.text for turn in segments])
    assert len(result["segments"]) == len(segments)
    for row in result["speakers"]:
        assert 0.0 <= row["word_share"] <= 1.0
        assert -1.0 <= row["tone"] <= 1.0
        if row.get("time_share") is not None:
            assert 0.0 <= row["time_share"] <= 1.0


BAD_INPUTS = {
    "empty": "",
    "whitespace": " \n\t ",
    "emoji only": "😡😡😡 🤝🙂",
    "control characters": "they\x00 never\x07 listen\x1b[31m to us\x7f\u202e",
    "html e-mail body": (
        "<html><body><p>Hi Tom,</p><p>They <b>always</b> ignore us &amp; it's "
        "<i>take it or leave it</i>.</p><script>alert(1)</script></body></html>"
    ),
    "mixed languages": (
        "Franchement, ils ne comprennent rien. They just don't get it. "
        "Merci pour votre retour, could you tell me more?"
    ),
    "lone surrogate": "they never \ud800 listen",
    "one long word": "a" * 100_000,
}


@pytest.mark.parametrize("text", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_never_crashes(text):
    assert_valid(analyze(text), text)
    assert -1.0 <= tone(text) <= 1.0


def test_one_megabyte_of_text_is_analysed():
    paragraph = (
        "Franchement, ils ne comprennent rien et c'est à prendre ou à laisser. "
        "They always push the price down; could you help me understand why? "
    )
    text = paragraph * (1_048_576 // len(paragraph) + 1)
    result = analyze(text)
    assert_valid(result, text)
    assert len(result["findings"]) > 1000  # the phrase repeats: every occurrence is found


def test_an_unknown_language_is_refused_by_name():
    with pytest.raises(UnknownLanguageError, match="de"):
        analyze("Sie verstehen es einfach nicht.", lang="de")
