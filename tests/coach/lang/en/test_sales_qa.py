"""A sales manager's quality pass of the English coach on realistic seller text.

Prep notes, e-mails to buyers, Slack messages about a customer and call lines: what a
demanding reader of the report would notice — a flag on ordinary sales jargon, a locker-room
phrase let through, a collaborative move missed, a promise with the wrong date.
"""

from __future__ import annotations

import datetime as dt

import pytest

from confiance.coach import analyze

MONDAY = dt.date(2026, 11, 23)


def _moves(text: str) -> dict[str, list[str]]:
    """Move category -> the spans found, in order."""
    found: dict[str, list[str]] = {}
    for move in analyze(text, lang="en")["moves"]:
        found.setdefault(move["category"], []).append(move["text"])
    return found


# --- contractions: "what's driving it" is the same move as "what is driving it" ---------


@pytest.mark.parametrize(
    ("text", "category", "span"),
    [
        (
            "The buyer asked for 15% off; I want to know what's driving it before we respond.",
            "probing_question",
            "what's driving",
        ),
        (
            "That's terrible, I'm sorry the rollout hit your month-end close.",
            "acknowledging",
            "That's terrible",
        ),
        ("I'm sorry, the login issue is on us.", "acknowledging", "I'm sorry"),
        ("I'd suggest we start with the finance team only.", "openness_hedging", "I'd suggest"),
        (
            "I can see where you're coming from on the renewal uplift.",
            "acknowledging",
            "I can see where you're coming from",
        ),
    ],
)
def test_a_contracted_move_is_recognised(text, category, span):
    assert span in _moves(text).get(category, [])


def test_i_suggest_alone_is_a_proposal_not_a_hedge():
    # "I suggest you look at my offer" pushes; only "I'd / I would suggest" softens.
    assert "openness_hedging" not in _moves("I suggest you look at my offer again.")


def test_who_is_right_framing_is_found_when_contracted():
    cats = [
        f["category"] for f in analyze("This meeting is about who's right.", lang="en")["findings"]
    ]
    assert "right_wrong" in cats
