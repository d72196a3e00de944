"""The demo's planners keep their promises whatever the day it is loaded (no database)."""

from __future__ import annotations

import datetime as dt
import random
import re

import pytest

from confiance.demo import ledger
from confiance.demo.conversations import plan_account
from confiance.demo.portfolio import ACCOUNTS
from confiance.ledger.models import Commitment

MISSED_ELISION = re.compile(r"\bde (le|les) |\b(de|que|le|la) [AEIOUÉÈaeiouéè]")
DOUBLE_ARTICLE = re.compile(r"\b(the|a|an) (the|a|an) ", re.IGNORECASE)
# Forty days spread over a year and a half, weekends and month ends included.
DAYS = [dt.date(2026, 1, 1) + dt.timedelta(days=13 * i) for i in range(40)]


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_interactions_happen_on_working_days_before_the_day_of_loading(today):
    for spec in ACCOUNTS:
        drafts = plan_account(spec, random.Random(f"{today}:{spec.key}"), today)
        assert len(drafts) == spec.interactions
        for draft in drafts:
            assert draft.occurred_at.tzinfo is not None
            if draft.occurred_at.date() > today:  # only meetings in the diary, within 2 weeks
                assert draft.kind == "meeting" and not draft.turns
                assert (draft.occurred_at.date() - today).days <= 14
            assert draft.occurred_at.weekday() < 5
            # Every slot is filled but the people's names, which the builder knows.
            text = (draft.title + draft.body).replace("{c}", "").replace("{s}", "")
            assert "{" not in text and "}" not in text, text
            for turn in draft.turns:  # transcripts are written as spoken: no slot left
                assert "{" not in turn.text and "}" not in turn.text, turn.text
            # "de le module", "de Ottawa", "the the dashboards": slots that broke the grammar
            broken = MISSED_ELISION if spec.language == "fr" else DOUBLE_ARTICLE
            for words in [text, *(turn.text for turn in draft.turns)]:
                assert not broken.search(words), words


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_commitments_follow_the_ledger_rules_whatever_the_day(today):
    for spec in ACCOUNTS:
        rng = random.Random(f"{today}:{spec.key}")
        days = sorted({today - dt.timedelta(days=rng.randint(1, 540)) for _ in range(30)})
        for draft in ledger.plan_commitments(spec, rng, today, days):
            Commitment(
                party=draft.party,
                kind=draft.kind,
                description=draft.description,
                due_date=draft.due_date,
                status=draft.status,
                resolved_at=draft.resolved_at,
            ).clean()
            assert draft.resolved_at is None or draft.resolved_at < today
            assert draft.resolved_at is None or draft.resolved_at >= draft.made_on


def all_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in all_strings(item)]
    return []


def test_french_templates_never_put_de_before_a_name():
    """Names may start with a vowel (Anne, Émilie): "de {c}" would read "de Anne"."""
    from confiance.demo import texts_fr, transcripts

    texts = all_strings([vars(texts_fr), transcripts.FR])
    assert len(texts) > 50
    offending = [t for t in texts if re.search(r"\b(de|que|le|la) \{(c|s|acc)\}", t)]
    assert offending == []
