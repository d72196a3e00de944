"""English promises and their due dates, resolved against the interaction date."""

from __future__ import annotations

import datetime as dt

import pytest

from confiance.coach import TranscriptTurn, analyze

MONDAY = dt.date(2026, 11, 23)

CASES = [
    ("I'll send the revised quote by Friday.", "send the revised quote", "2026-11-27"),
    ("We will share the security audit before the 15th.", "share the security audit", "2026-12-15"),
    ("I'm going to call Marc tomorrow to confirm.", "call Marc to confirm", "2026-11-24"),
    ("We'll deliver the pilot on 2026-12-04.", "deliver the pilot", "2026-12-04"),
    ("I will get back to you by end of month.", "get back to you", "2026-11-30"),
    ("We'll run the workshop next week.", "run the workshop", "2026-12-04"),
    ("I promise to update the roadmap on December 3rd.", "update the roadmap", "2026-12-03"),
    ("We'll send the contract in two weeks.", "send the contract", "2026-12-07"),
    ("I'll check with legal.", "check with legal", None),
    ("We will get back to you within 3 business days.", "get back to you", "2026-11-26"),
    ("We'll reply within 48 hours.", "reply", "2026-11-25"),
    ("Let me send you the deck tomorrow.", "send you the deck", "2026-11-24"),
    ("I can send you the pricing by end of day.", "send you the pricing", "2026-11-23"),
    ("We'll be sending the invoice on 12/15.", "sending the invoice", "2026-12-15"),
    # A name ending like a preposition keeps its letters ("Ramon" holds no "on").
    ("We will brief Ramon tomorrow.", "brief Ramon", "2026-11-24"),
    ("I will call Jon Monday.", "call Jon", "2026-11-30"),
    ("I will ping Jacob Monday.", "ping Jacob", "2026-11-30"),
]


@pytest.mark.parametrize(("text", "action", "due"), CASES)
def test_promises_have_an_action_and_a_due_date(text, action, due):
    commitments = analyze(text, lang="en", reference_date=MONDAY)["commitments"]
    assert len(commitments) == 1, commitments
    c = commitments[0]
    assert (c["action"], c["due_date"]) == (action, due)
    assert text[c["start"] : c["end"]] == c["text"]
    assert c["speaker"] is None and c["party"] == "speaker"


def test_a_refusal_or_a_hope_is_not_a_promise():
    for text in (
        "We won't send anything before the audit.",
        "I will not sign this.",
        "We'll see.",
        "Let me know if that works.",
        "I can send you more details if useful.",
    ):
        assert analyze(text, lang="en", reference_date=MONDAY)["commitments"] == [], text


def test_a_weekday_said_on_that_day_means_next_week():
    friday = dt.date(2026, 11, 27)
    c = analyze("I'll call you on Friday.", lang="en", reference_date=friday)["commitments"][0]
    assert c["due_date"] == "2026-12-04"


def test_in_a_transcript_the_speaker_made_the_promise():
    result = analyze(
        segments=[
            TranscriptTurn("Buyer", "Can you send the SOC 2 report?"),
            TranscriptTurn("Sophie", "Sure, I'll send it tomorrow."),
        ],
        lang="en",
        reference_date=MONDAY,
    )
    [c] = result["commitments"]
    assert (c["speaker"], c["segment"], c["due_date"]) == ("Sophie", 1, "2026-11-24")
