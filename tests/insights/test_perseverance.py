"""Perseverance plans: what is due, what is overdue, and the reversal rate."""

from __future__ import annotations

import datetime as dt

import pytest

from confiance.accounts.models import Account
from confiance.deals.models import Opportunity, PlanStep
from confiance.deals.services import record_outcome
from confiance.insights.perseverance import complete_step, confirm_no, plans

FRIDAY = dt.date(2026, 11, 20)


def no(account, owner, title, decided_at, reason="price", **extra):
    opp = Opportunity.objects.create(account=account, owner=owner, title=title, amount=10_000)
    record_outcome(opp, "lost", reason=reason, decided_at=decided_at, **extra)
    return opp


def test_overdue_plans_come_first_with_their_next_step(account, seller):
    no(account, seller, "Fresh", FRIDAY)
    no(
        account,
        seller,
        "Forgotten",
        FRIDAY - dt.timedelta(days=30),
        competitor="Acme",
        price_gap_pct=22,
    )
    report = plans(seller, as_of=FRIDAY)
    assert [p.opportunity for p in report.plans] == ["Forgotten", "Fresh"]
    forgotten = report.plans[0]
    assert forgotten.overdue and report.overdue == 1
    assert forgotten.next_step.kind == "call_back" and forgotten.next_step.overdue
    assert forgotten.days_overdue == 28  # "no" on Wed 21 Oct: call back due Fri 23 Oct
    compare = next(s for s in forgotten.steps if s.kind == "compare")
    assert compare.checklist[0].startswith("A 22% gap on “the same” products usually hides")
    assert any(item.startswith("Hidden costs") for item in compare.checklist)


def test_done_steps_move_the_plan_on(account, seller):
    opp = no(account, seller, "Renewal", FRIDAY - dt.timedelta(days=30))
    call_back = PlanStep.objects.get(plan__opportunity=opp, kind="call_back")
    complete_step(seller, call_back.pk, on=FRIDAY - dt.timedelta(days=29))
    view = plans(seller, as_of=FRIDAY).plans[0]
    assert view.next_step.kind == "compare"


def test_reversal_rate_per_seller_and_for_the_team(account, seller, second_seller, manager, team):
    theirs = Account.objects.create(name="Contoso", kind="customer", owner=second_seller, team=team)
    won_back = no(account, seller, "Won back", FRIDAY - dt.timedelta(days=60))
    record_outcome(won_back, "won", decided_at=FRIDAY - dt.timedelta(days=20))
    no(account, seller, "Still no", FRIDAY - dt.timedelta(days=60))
    confirmed = no(theirs, second_seller, "Confirmed", FRIDAY - dt.timedelta(days=60))
    confirm_no(second_seller, confirmed.plan.pk, on=FRIDAY)
    no(theirs, second_seller, "Pending", FRIDAY)

    report = plans(manager, as_of=FRIDAY, include_closed=True)
    rates = {r.seller: (r.noes, r.reversed, r.rate_pct) for r in report.sellers}
    assert rates == {"Sophie": (2, 1, 50.0), "Tom": (2, 0, 0.0)}
    assert (report.team.noes, report.team.reversed, report.team.rate_pct) == (4, 1, 25.0)
    assert report.sellers[0].seller == "Sophie"

    mine = plans(seller, as_of=FRIDAY)
    assert [p.opportunity for p in mine.plans] == ["Still no"]  # pending only, own accounts
    assert mine.team.noes == 2


def test_others_plans_are_hidden(account, seller, outsider):
    opp = no(account, seller, "Renewal", FRIDAY)
    assert plans(outsider, as_of=FRIDAY).plans == []
    with pytest.raises(Exception):  # noqa: B017 - DoesNotExist: same as a missing plan
        confirm_no(outsider, opp.plan.pk)


@pytest.mark.parametrize("size", [5, 50])
def test_plans_take_a_constant_number_of_queries(
    account, seller, size, django_assert_max_num_queries
):
    for i in range(size):
        no(account, seller, f"Deal {i}", FRIDAY - dt.timedelta(days=i))
    with django_assert_max_num_queries(6):
        report = plans(seller, as_of=FRIDAY)
    assert len(report.plans) == size
