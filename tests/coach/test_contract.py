"""The result shape promised in CONTRACTS.md, which the CLI, web and API rely on."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from confiance.coach import (
    FINDING_CATEGORIES,
    MOVE_CATEGORIES,
    TranscriptTurn,
    UnknownLanguageError,
    analyze,
    labels,
    tone,
)

NOTE = (
    "They just don't get it and they are trying to take advantage of us. "
    "I'll send the revised quote by Friday."
)


def test_result_has_the_contract_keys_and_is_json_serialisable():
    result = analyze(NOTE, reference_date=dt.date(2026, 11, 23))
    assert set(result) == {
        "lang",
        "tone",
        "findings",
        "moves",
        "commitments",
        "speakers",
        "segments",
    }
    json.dumps(result)
    finding = result["findings"][0]
    assert set(finding) == {
        "start",
        "end",
        "text",
        "category",
        "severity",
        "rule",
        "explanation",
        "rewrite",
        "question",
        "segment",
    }
    assert finding["segment"] is None
    assert result["speakers"] == [] and result["segments"] == []


def test_tone_equals_the_tone_of_analyze():
    for text in (NOTE, "Merci beaucoup, qu'en pensez-vous ?", "", "🙂🙂"):
        assert tone(text) == analyze(text)["tone"]


def test_unknown_language_names_the_language():
    with pytest.raises(UnknownLanguageError, match="'de'"):
        analyze("Guten Tag", lang="de")
    with pytest.raises(UnknownLanguageError, match="'es'"):
        tone("hola", lang="es")


def test_labels_cover_every_category_in_both_languages():
    for lang in ("fr", "en"):
        shown = labels(lang)
        assert set(shown) == set(FINDING_CATEGORIES) | set(MOVE_CATEGORIES)
        assert all(shown.values())
    assert labels("fr")["contempt"] != labels("en")["contempt"]


def test_transcript_turns_give_segments_and_speakers():
    result = analyze(
        segments=[
            TranscriptTurn("Sophie", "Bonjour, qu'est-ce qui compte le plus pour vous ?", 0, 5),
            TranscriptTurn("Marc", "Le prix, surtout le prix.", 5, 8),
        ]
    )
    assert [s["speaker"] for s in result["speakers"]] == ["Sophie", "Marc"]
    assert [s["index"] for s in result["segments"]] == [0, 1]
    assert result["lang"] == "fr"
