"""Recording outcomes: a "no" opens its perseverance plan, a later win reverses it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from confiance.deals.models import FollowUpPlan, Opportunity, PlanStep
from confiance.deals.services import record_outcome

FRIDAY = dt.date(2026, 11, 20)
WEDNESDAY = dt.date(2026, 11, 18)


@pytest.fixture
def opportunity(account, seller):
    return Opportunity.objects.create(account=account, owner=seller, title="Renewal", amount=50_000)


def steps_of(opportunity):
    return list(
        PlanStep.objects.filter(plan__opportunity=opportunity).values_list("kind", "due_date")
    )


def test_a_price_no_opens_a_plan_with_a_comparison_and_dated_steps(opportunity, seller):
    record_outcome(
        opportunity, "lost", reason="price", decided_at=FRIDAY, competitor="Acme",
        price_gap_pct=20, by=seller,
    )  # fmt: skip
    opportunity.refresh_from_db()
    assert opportunity.outcome == "lost" and opportunity.stage == "closed"
    assert steps_of(opportunity) == [
        ("call_back", dt.date(2026, 11, 24)),  # two working days after a Friday: Tuesday
        ("compare", dt.date(2026, 11, 27)),
        ("restate_needs", dt.date(2026, 12, 4)),
        ("decide_together", dt.date(2026, 12, 11)),
    ]
    compare = PlanStep.objects.get(kind="compare")
    assert compare.note == ""  # the note is for what happened; the reminder is read live
    assert compare.hint == "Acme is said to be 20% cheaper: compare like for like."
    with translation.override("fr"):
        assert compare.hint.startswith("Acme serait 20")
    assert opportunity.plan.opened_on == FRIDAY and opportunity.plan.result == "pending"


def test_call_back_within_two_working_days_midweek(opportunity):
    record_outcome(opportunity, "no_decision", reason="no_need", decided_at=WEDNESDAY)
    assert steps_of(opportunity)[0] == ("call_back", dt.date(2026, 11, 20))
    assert [k for k, _d in steps_of(opportunity)] == [
        "call_back",
        "restate_needs",
        "decide_together",
    ]


def test_a_timing_no_plans_to_check_the_timing_again(opportunity):
    record_outcome(opportunity, "lost", reason="timing", decided_at=WEDNESDAY)
    kinds = [k for k, _d in steps_of(opportunity)]
    assert kinds == ["call_back", "check_timing", "restate_needs", "decide_together"]
    assert dict(steps_of(opportunity))["check_timing"] == dt.date(2026, 12, 30)


def test_a_no_without_reason_is_refused_and_nothing_is_saved(opportunity):
    with pytest.raises(ValidationError) as error:
        record_outcome(opportunity, "lost", decided_at=FRIDAY)
    assert "loss_reason" in error.value.message_dict
    opportunity.refresh_from_db()
    assert opportunity.outcome == "open"
    assert not FollowUpPlan.objects.exists()


def test_an_unknown_outcome_is_refused(opportunity):
    with pytest.raises(ValidationError):
        record_outcome(opportunity, "maybe", decided_at=FRIDAY)


def test_a_no_later_won_closes_the_plan_as_reversed(opportunity):
    record_outcome(opportunity, "lost", reason="competitor", decided_at=FRIDAY, competitor="Acme")
    record_outcome(opportunity, "won", decided_at=dt.date(2026, 12, 15))
    plan = FollowUpPlan.objects.get(opportunity=opportunity)
    assert plan.result == "reversed" and plan.closed_on == dt.date(2026, 12, 15)
    opportunity.refresh_from_db()
    assert opportunity.loss_reason == "" and opportunity.competitor == "Acme"


def test_recording_the_no_twice_keeps_one_plan(opportunity):
    record_outcome(opportunity, "lost", reason="price", decided_at=FRIDAY)
    record_outcome(opportunity, "lost", reason="price", decided_at=FRIDAY)
    assert FollowUpPlan.objects.count() == 1
    assert PlanStep.objects.count() == 4


def test_someone_who_cannot_see_the_account_cannot_record(
    opportunity, outsider, second_seller, manager
):
    for user in (outsider, second_seller):
        with pytest.raises(PermissionDenied):
            record_outcome(opportunity, "lost", reason="price", decided_at=FRIDAY, by=user)
    assert not FollowUpPlan.objects.exists()
    record_outcome(opportunity, "lost", reason="price", decided_at=FRIDAY, by=manager)
    assert FollowUpPlan.objects.count() == 1
