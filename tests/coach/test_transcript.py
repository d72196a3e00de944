"""Transcripts: per-speaker talk share, questions, monologues, tone; per-segment language."""

from __future__ import annotations

import datetime as dt

import pytest

from confiance.coach import CoachError, TranscriptTurn, analyze

TURNS = [
    TranscriptTurn(
        "Sophie",
        "Bonjour Marc, merci de nous recevoir. Qu'est-ce qui compte le plus pour vous ?",
        0.0,
        6.0,
    ),
    TranscriptTurn(
        "Marc", "Le prix. Et franchement vos délais ne tiennent pas la route.", 6.0, 10.0
    ),
    TranscriptTurn("Sophie", "Je comprends votre inquiétude sur les délais.", 10.0, 13.0),
    TranscriptTurn(
        "Sophie",
        "Nous vous enverrons un planning détaillé vendredi. Cela vous convient ?",
        13.0,
        18.0,
    ),
    TranscriptTurn("Marc", "Oui.", 18.0, 19.0),
]


def test_speaker_stats_add_up():
    result = analyze(segments=TURNS, reference_date=dt.date(2026, 11, 23))
    sophie, marc = result["speakers"]
    assert (sophie["speaker"], marc["speaker"]) == ("Sophie", "Marc")
    assert sophie["words"] > marc["words"] > 0
    assert sophie["word_share"] + marc["word_share"] == pytest.approx(1.0, abs=1e-3)
    assert sophie["seconds"] == 14.0 and marc["seconds"] == 5.0
    assert sophie["time_share"] == pytest.approx(14 / 19, abs=1e-3)
    assert (sophie["questions"], marc["questions"]) == (2, 0)
    # Turns 2 and 3 are one monologue by Sophie: 10.0 → 18.0.
    assert sophie["longest_monologue_seconds"] == 8.0
    assert sophie["longest_monologue_words"] == TURNS[2].text.count(" ") + 1 + len(
        [w for w in TURNS[3].text.replace("?", "").replace(".", "").split() if w]
    )
    assert sophie["tone"] > marc["tone"]


def test_findings_moves_and_commitments_point_into_their_segment():
    result = analyze(segments=TURNS, reference_date=dt.date(2026, 11, 23))
    for item in result["findings"] + result["moves"] + result["commitments"]:
        text = TURNS[item["segment"]].text
        assert text[item["start"] : item["end"]] == item["text"]
    [finding] = result["findings"]
    assert finding["segment"] == 1 and finding["category"] == "dismissing"
    [promise] = result["commitments"]
    assert (promise["speaker"], promise["due_date"]) == ("Sophie", "2026-11-27")
    assert [s["index"] for s in result["segments"]] == list(range(len(TURNS)))


def test_each_segment_gets_its_own_language():
    turns = [
        TranscriptTurn("Anna", "Thanks for joining, what matters most to your team this quarter?"),
        TranscriptTurn("Luc", "Pour nous, c'est surtout la sécurité et le prix."),
        TranscriptTurn("Anna", "OK."),
    ]
    result = analyze(segments=turns)
    assert [s["lang"] for s in result["segments"]] == ["en", "fr", result["lang"]]


def test_turns_without_times_give_no_seconds():
    result = analyze(segments=[TranscriptTurn("A", "Hello there."), TranscriptTurn("B", "Hi.")])
    assert all(s["seconds"] is None and s["time_share"] is None for s in result["speakers"])


def test_turns_may_be_plain_dicts_or_objects_with_the_same_fields():
    result = analyze(segments=[{"speaker": "A", "text": "Thanks a lot!", "start": 0, "end": 2}])
    assert result["speakers"][0]["seconds"] == 2.0


def test_text_and_segments_together_is_an_error():
    with pytest.raises(CoachError, match="either"):
        analyze("hello", segments=[TranscriptTurn("A", "hi")])


def test_an_empty_transcript_is_an_empty_result():
    result = analyze(segments=[])
    assert result["speakers"] == [] and result["segments"] == [] and result["tone"] == 0.0
