"""English combative framings, one realistic seller sentence per category."""

from __future__ import annotations

import pytest

from confiance.coach import analyze

CASES = [
    ("Honestly, procurement just doesn't get it.", "blame", "procurement just doesn't get it"),
    ("They're a bunch of idiots in that IT team.", "contempt", "They're a bunch of idiots"),
    ("It's us against them in Tuesday's meeting.", "us_versus_them", "us against them"),
    (
        "They are trying to take advantage of us with 120-day payment terms.",
        "bad_intent",
        "trying to take advantage of us",
    ),
    ("The customer never reads our proposals.", "absolutes", "customer never reads"),
    ("I'm right and they're wrong about the SLA.", "right_wrong", "I'm right and they're wrong"),
    ("We have to stand firm on the discount.", "fight_metaphor", "stand firm"),
    ("Tell them it's our final offer.", "ultimatum", "final offer"),
    ("Their worry about the integration is irrelevant.", "dismissing", "irrelevant"),
    ("Their buyer is a shark.", "contempt", "shark"),
    ("They're just stalling on the renewal.", "bad_intent", "They're just stalling"),
    ("They're doing it on purpose.", "bad_intent", "They're doing it on purpose"),
    ("They're taking us for a ride on shipping.", "bad_intent", "taking us for a ride"),
    (
        "We won't let them walk all over us.",
        "fight_metaphor",
        "won't let them walk all over us",
    ),
    ("If they don't sign Monday, we'll walk away.", "ultimatum", "we'll walk away"),
    ("If they don't sign by Friday, we'll pull the offer.", "ultimatum", "we'll pull the offer"),
]


def test_pulling_data_is_not_a_threat():
    assert analyze("We pull the data every night from the CRM.", lang="en")["findings"] == []


@pytest.mark.parametrize(("text", "category", "span"), CASES)
def test_each_category_is_found_with_its_span(text, category, span):
    result = analyze(text, lang="en")
    hits = [f for f in result["findings"] if f["category"] == category]
    assert hits, result["findings"]
    finding = hits[0]
    assert finding["text"] == span
    assert text[finding["start"] : finding["end"]] == span
    assert finding["rule"].startswith(f"en.{category}.")
    assert 1 <= finding["severity"] <= 3
    assert finding["explanation"] and finding["rewrite"] and finding["question"].endswith("?")


def test_a_prep_note_gets_several_findings_in_order():
    note = (
        "They just don't get it. They are trying to take advantage of us, "
        "so we have to crush them on price. Take it or leave it."
    )
    result = analyze(note, lang="en")
    cats = [f["category"] for f in result["findings"]]
    assert cats == ["blame", "bad_intent", "fight_metaphor", "ultimatum"]
    starts = [f["start"] for f in result["findings"]]
    assert starts == sorted(starts)


def test_insulting_the_other_side_is_more_severe_than_a_single_insult_word():
    group = analyze("They are really stupid.", lang="en")["findings"][0]
    word = analyze("That was a stupid form.", lang="en")["findings"][0]
    assert group["severity"] == 3 > word["severity"]


def test_inflected_forms_are_found():
    assert analyze("The buyer doesn't understand our pricing.", lang="en")["findings"]
    assert analyze("They don't understand our pricing.", lang="en")["findings"]
    assert analyze("They're ripping us off.", lang="en")["findings"]


def test_a_collaborative_note_has_no_findings():
    note = (
        "I understand their concern about the migration. Could we walk them through "
        "the rollback plan together and ask what would make them comfortable?"
    )
    assert analyze(note, lang="en")["findings"] == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # The highlight ends where a seller would stop reading: on the object or the verb,
        # never in the middle of "do not get it".
        ("They just do not get it.", "They just do not get it"),
        ("They don't get it.", "They don't get it"),
        ("They can't see that.", "They can't see that"),
        ("They refuse to see it, as usual.", "They refuse to see it"),
        ("They never listen to anything we say.", "They never listen"),
        ("They never.", "They never"),
    ],
)
def test_blame_and_absolutes_spans_end_on_a_whole_phrase(text, span):
    [finding] = analyze(text, lang="en")["findings"]
    assert finding["text"] == span
    assert text[finding["start"] : finding["end"]] == span
