"""Recording the outcome of an opportunity; a "no" opens a perseverance plan.

Public API:

- ``record_outcome(opportunity, outcome, *, reason="", decided_at, competitor="",
  price_gap_pct=None, by=None) -> Opportunity``: validates, saves and, for a "no" (lost or no
  decision), opens the ``FollowUpPlan`` with its dated ``PlanStep``s, all in one transaction.
  When a "no" that has a pending plan is later won, the plan is closed as reversed.
  Raises ``ValidationError`` (nothing saved) on bad input and ``PermissionDenied`` when ``by``
  may not see the account.
- ``plan_steps(reason, decided_at, price_gap_pct=None) -> list[(kind, due_date)]``: the steps
  a "no" with that reason gets (see docs/insights.md).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from confiance.accounts.permissions import can_see
from confiance.insights.common import add_working_days

from .models import (
    NO_OUTCOMES,
    FollowUpPlan,
    LossReason,
    Opportunity,
    Outcome,
    PlanResult,
    PlanStep,
    Stage,
    StepKind,
)

# Working days after the "no" by which each step is due.
CALL_BACK_DAYS = 2
COMPARE_DAYS = 5
RESTATE_DAYS = 10
DECIDE_DAYS = 15
TIMING_DAYS = 30  # for a "not now": ask again in about six weeks


def plan_steps(reason: str, decided_at: dt.date) -> list[tuple[str, dt.date]]:
    """The steps of the perseverance plan for a "no" with ``reason``, with their due dates."""
    steps = [(StepKind.CALL_BACK, add_working_days(decided_at, CALL_BACK_DAYS))]
    if reason in (LossReason.PRICE, LossReason.COMPETITOR):
        steps.append((StepKind.COMPARE, add_working_days(decided_at, COMPARE_DAYS)))
    if reason == LossReason.TIMING:
        steps.append((StepKind.CHECK_TIMING, add_working_days(decided_at, TIMING_DAYS)))
    steps.append((StepKind.RESTATE_NEEDS, add_working_days(decided_at, RESTATE_DAYS)))
    last = TIMING_DAYS + 5 if reason == LossReason.TIMING else DECIDE_DAYS
    steps.append((StepKind.DECIDE_TOGETHER, add_working_days(decided_at, last)))
    return steps


@transaction.atomic
def record_outcome(
    opportunity: Opportunity,
    outcome: str,
    *,
    reason: str = "",
    decided_at: dt.date,
    competitor: str = "",
    price_gap_pct: Decimal | float | int | None = None,
    by=None,
) -> Opportunity:
    """Record ``outcome`` (won / lost / no_decision / open) and open or close the plan."""
    if by is not None and not can_see(by, opportunity.account):
        raise PermissionDenied(_("You may not change this opportunity."))
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Unknown outcome: %(value)s") % {"value": outcome}})
    opportunity.outcome = outcome
    opportunity.loss_reason = reason if outcome in NO_OUTCOMES else ""
    opportunity.decided_at = None if outcome == Outcome.OPEN else decided_at
    gap = Decimal(str(price_gap_pct)) if price_gap_pct is not None else None
    if outcome in NO_OUTCOMES:
        opportunity.competitor, opportunity.competitor_price_gap_pct = competitor, gap
    else:  # a win keeps what was learnt about the competitor unless told otherwise
        opportunity.competitor = competitor or opportunity.competitor
        if gap is not None:
            opportunity.competitor_price_gap_pct = gap
    if outcome != Outcome.OPEN:
        opportunity.stage = Stage.CLOSED
    opportunity.full_clean()
    opportunity.save()
    plan = FollowUpPlan.objects.filter(opportunity=opportunity).first()
    if outcome in NO_OUTCOMES and plan is None:
        _open_plan(opportunity, decided_at)
    elif outcome == Outcome.WON and plan is not None and plan.result == PlanResult.PENDING:
        plan.result = PlanResult.REVERSED
        plan.closed_on = decided_at
        plan.save(update_fields=["result", "closed_on", "updated_at"])
    return opportunity


def _open_plan(opportunity: Opportunity, decided_at: dt.date) -> FollowUpPlan:
    plan = FollowUpPlan.objects.create(opportunity=opportunity, opened_on=decided_at)
    PlanStep.objects.bulk_create(
        PlanStep(
            plan=plan,
            position=position,
            kind=kind,
            due_date=due,
        )
        for position, (kind, due) in enumerate(
            plan_steps(opportunity.loss_reason, decided_at), start=1
        )
    )
    return plan
