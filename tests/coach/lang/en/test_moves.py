"""English collaborative moves."""

from __future__ import annotations

import pytest

from confiance.coach import analyze

CASES = [
    ("What would a good outcome look like for your team?", "probing_question"),
    ("Could you walk me through how you pick vendors?", "probing_question"),
    ("I understand your concern about the migration timeline.", "acknowledging"),
    ("That's a fair point about the rollout risk.", "acknowledging"),
    ("We chose this design because it halves your hosting costs.", "explaining_reasons"),
    ("Let's schedule a joint review with your IT lead.", "joint_next_step"),
    ("If I understand correctly, the budget is frozen until March.", "summarising"),
    ("So what you're saying is that security signs off last.", "summarising"),
    ("Thanks for the candid feedback.", "gratitude"),
    ("Perhaps I'm missing something here.", "openness_hedging"),
    ("I might be wrong, but the scope seems to have changed.", "openness_hedging"),
    ("It may be right not to go ahead this year.", "accepting_no_deal"),
]


@pytest.mark.parametrize(("text", "category"), CASES)
def test_each_move_is_recognised(text, category):
    moves = analyze(text, lang="en")["moves"]
    assert category in {m["category"] for m in moves}, moves
    for move in moves:
        assert text[move["start"] : move["end"]] == move["text"]
        assert move["rule"].startswith("en.")


def test_a_denied_move_is_not_a_move():
    moves = analyze("I don't understand your concern at all.", lang="en")["moves"]
    assert "acknowledging" not in {m["category"] for m in moves}


def test_a_quoted_move_is_not_the_sellers_move():
    text = 'He said "thanks for nothing" and left.'
    assert "gratitude" not in {m["category"] for m in analyze(text, lang="en")["moves"]}
