"""The demo loads identically twice: same seed and same day give the same rows.

Row ids differ between loads (PostgreSQL sequences do not roll back), so rows are compared
by content, with each reference replaced by the referenced row's rank in creation order.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction

from confiance.accounts.models import Account, Contact, StakeholderPosition, Topic
from confiance.deals.models import FollowUpPlan, Opportunity, PlanStep
from confiance.demo import load_demo
from confiance.interactions.models import Interaction, Segment
from confiance.ledger.models import Commitment, CommitmentEvent
from confiance.users.models import Membership, Profile, Team

TODAY = dt.date(2026, 11, 23)
MODELS = [
    get_user_model(), Team, Membership, Profile, Account, Contact, Interaction, Segment,
    Commitment, CommitmentEvent, Opportunity, FollowUpPlan, PlanStep, Topic,
    StakeholderPosition,
]  # fmt: skip
# Set by the clock or salted: they say nothing about the demo's content.
VOLATILE = {"created_at", "updated_at", "password", "last_login", "date_joined"}


class Rollback(Exception):
    pass


def canonical() -> dict[str, list[dict]]:
    """Every demo row by content; references become ranks in creation order."""
    ranks = {
        model: {pk: rank for rank, pk in enumerate(model.objects.order_by("pk").values_list("pk", flat=True))}
        for model in MODELS
    }  # fmt: skip
    dump: dict[str, list[dict]] = {}
    for model in MODELS:
        rows = []
        for obj in model.objects.order_by("pk"):
            row = {}
            for field in model._meta.concrete_fields:
                if field.primary_key or field.name in VOLATILE:
                    continue
                value = getattr(obj, field.attname)
                if field.is_relation and value is not None:
                    value = ranks[field.related_model][value]
                row[field.name] = value
            for field in model._meta.many_to_many:
                if field.related_model in ranks:
                    pks = getattr(obj, field.name).values_list("pk", flat=True)
                    row[field.name] = sorted(ranks[field.related_model][pk] for pk in pks)
            rows.append(row)
        dump[model.__name__] = rows
    return dump


def load_and_forget(**options) -> dict[str, list[dict]]:
    """Load the demo, dump it, and roll the database back to as it was."""
    with pytest.raises(Rollback), transaction.atomic():
        load_demo(**options)
        dump = canonical()
        raise Rollback
    assert not Account.objects.exists()
    return dump


@pytest.mark.slow
def test_the_same_seed_and_day_load_the_same_data(db):
    first = load_and_forget(seed=7, today=TODAY)
    load_demo(seed=7, today=TODAY)
    second = canonical()
    assert len(second["Interaction"]) == 400
    for model in first:
        assert first[model] == second[model], f"{model} differs between two loads"


@pytest.mark.slow
def test_another_seed_tells_the_same_story_in_other_words(db):
    first = load_and_forget(seed=7, today=TODAY)
    other = load_and_forget(seed=8, today=TODAY)
    assert [a["name"] for a in first["Account"]] == [a["name"] for a in other["Account"]]
    assert [c["name"] for c in first["Contact"]] != [c["name"] for c in other["Contact"]]
    assert [i["occurred_at"] for i in first["Interaction"]] != [
        i["occurred_at"] for i in other["Interaction"]
    ]


@pytest.mark.slow
def test_dates_follow_the_day_the_demo_is_loaded(db):
    first = load_and_forget(today=TODAY)
    later = load_and_forget(today=TODAY + dt.timedelta(days=10))
    shift = {
        b["occurred_at"] - a["occurred_at"]
        for a, b in zip(first["Interaction"], later["Interaction"], strict=True)
    }
    # Ten days later, or a little less or more where a weekend moved a meeting.
    assert all(dt.timedelta(days=7) <= s <= dt.timedelta(days=13) for s in shift)
