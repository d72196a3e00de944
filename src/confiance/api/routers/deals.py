"""Opportunities, the "no"s among them, and the perseverance plans those open."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from confiance.api.access import get_or_404, save_clean, scoped, visible_account
from confiance.api.errors import ERRORS
from confiance.api.search import search
from confiance.api.types import Id, Input, ListQuery, Money, Page, Percent, chars, paginate, path_id
from confiance.common import Currency
from confiance.deals.models import (
    FollowUpPlan,
    LossReason,
    Opportunity,
    Outcome,
    PlanResult,
    Stage,
)

router = Router(tags=["opportunities and plans"])


class OpportunityOut(Schema):
    id: int
    account_id: int
    owner_id: int | None
    title: str
    stage: str
    amount: Decimal
    currency: str
    expected_close: dt.date | None
    outcome: str
    loss_reason: str
    competitor: str
    competitor_price_gap_pct: Decimal | None
    decided_at: dt.date | None
    discount_pct: Decimal | None
    plan_id: int | None
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_plan_id(obj) -> int | None:
        # A missing one-to-one raises RelatedObjectDoesNotExist, an AttributeError.
        plan = getattr(obj, "plan", None)
        return plan.pk if plan is not None else None


Discount = Field(None, ge=0, le=100, max_digits=5, decimal_places=1)


class OpportunityIn(Input):
    account_id: Id
    title: chars(200, min_length=1)
    stage: Literal[tuple(Stage.values)] = "discovery"
    amount: Money = Decimal(0)
    currency: Literal[tuple(Currency.values)] = "EUR"
    expected_close: dt.date | None = None
    discount_pct: Decimal | None = Discount


class OpportunityPatch(Input):
    title: chars(200, min_length=1) = None
    stage: Literal[tuple(Stage.values)] = None
    amount: Money = None
    currency: Literal[tuple(Currency.values)] = None
    expected_close: dt.date | None = None
    discount_pct: Decimal | None = Discount


class OutcomeIn(Input):
    outcome: Literal[tuple(Outcome.values)]
    reason: Literal[("", *LossReason.values)] = Field(
        "", description='Why the customer said no; required for "lost" and "no_decision".'
    )
    decided_at: dt.date | None = Field(
        None, description="Today when left out (ignored for an open outcome)."
    )
    competitor: chars(200) = ""
    price_gap_pct: Percent | None = Field(
        None, description="How much cheaper (positive) the competitor claims to be."
    )


class OpportunityQuery(ListQuery):
    account_id: Id | None = None
    stage: Literal[tuple(Stage.values)] | None = None
    outcome: Literal[tuple(Outcome.values)] | None = None
    loss_reason: Literal[tuple(LossReason.values)] | None = None
    q: chars(200) | None = Field(
        None,
        description="Part of the title or the competitor (any case, accents optional).",
    )
    ordering: Literal[
        "created_at", "-created_at", "expected_close", "-expected_close",
        "amount", "-amount", "decided_at", "-decided_at",
    ] = "-created_at"  # fmt: skip


def _opportunities(request):
    return scoped(request, Opportunity.objects.select_related("plan"))


@router.get("/opportunities", response={200: Page[OpportunityOut], **ERRORS})
def list_opportunities(request, params: Query[OpportunityQuery]):
    """Opportunities on the accounts you can see."""
    qs = _opportunities(request)
    for field in ("account_id", "stage", "outcome", "loss_reason"):
        value = getattr(params, field)
        if value:
            qs = qs.filter(**{field: value})
    if params.q:
        qs = search(qs, params.q, "title", "competitor")
    return paginate(qs, params, params.ordering)


@router.post("/opportunities", response={201: OpportunityOut, **ERRORS})
def create_opportunity(request, payload: OpportunityIn):
    """Open an opportunity (its outcome is recorded through ``/outcome``)."""
    account = visible_account(request, payload.account_id)
    data = {**payload.dict(), "account_id": account.pk, "owner_id": request.auth.user.pk}
    return Status(201, save_clean(Opportunity(**data)))


@router.get("/opportunities/{opportunity_id}", response={200: OpportunityOut, **ERRORS})
def get_opportunity(request, opportunity_id: int = path_id()):
    """One opportunity."""
    return get_or_404(_opportunities(request), opportunity_id)


@router.patch("/opportunities/{opportunity_id}", response={200: OpportunityOut, **ERRORS})
def update_opportunity(request, payload: OpportunityPatch, opportunity_id: int = path_id()):
    """Change an open opportunity's details."""
    opportunity = get_or_404(_opportunities(request), opportunity_id)
    return save_clean(opportunity, payload.dict(exclude_unset=True))


@router.delete("/opportunities/{opportunity_id}", response={204: None, **ERRORS})
def delete_opportunity(request, opportunity_id: int = path_id()):
    """Delete an opportunity, with the perseverance plan its "no" opened."""
    with transaction.atomic():
        get_or_404(_opportunities(request), opportunity_id).delete()
    return Status(204, None)


@router.post("/opportunities/{opportunity_id}/outcome", response={200: OpportunityOut, **ERRORS})
def record_outcome(request, payload: OutcomeIn, opportunity_id: int = path_id()):
    """Record the customer's answer. A "no" (lost, no decision) opens its perseverance plan."""
    from confiance.deals.services import record_outcome as record

    opportunity = get_or_404(_opportunities(request), opportunity_id)
    try:
        record(
            opportunity,
            payload.outcome,
            reason=payload.reason,
            decided_at=payload.decided_at
            or (None if payload.outcome == Outcome.OPEN else timezone.localdate()),
            competitor=payload.competitor,
            price_gap_pct=payload.price_gap_pct,
            by=request.auth.user,
        )
    except ValidationError as exc:
        raise _as_outcome_fields(exc) from exc
    return get_or_404(_opportunities(request), opportunity_id)


# The model's field names in the business errors, and the names this request uses for them.
_OUTCOME_FIELDS = {"loss_reason": "reason", "competitor_price_gap_pct": "price_gap_pct"}


def _as_outcome_fields(exc: ValidationError) -> ValidationError:
    """The model's errors under the request's field names (``reason``, not ``loss_reason``),
    so that a client can point at the field it sent."""
    if not hasattr(exc, "error_dict"):
        return exc
    return ValidationError(
        {_OUTCOME_FIELDS.get(field, field): errors for field, errors in exc.error_dict.items()}
    )


class StepOut(Schema):
    id: int
    position: int
    kind: str
    due_date: dt.date
    done_on: dt.date | None
    note: str


class PlanOut(Schema):
    id: int
    opportunity_id: int
    account_id: int
    opened_on: dt.date
    result: str
    closed_on: dt.date | None
    steps: list[StepOut]
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_account_id(obj) -> int:
        return obj.opportunity.account_id

    @staticmethod
    def resolve_steps(obj) -> list:
        return list(obj.steps.all())


class StepPatch(Input):
    done_on: dt.date | None = None
    note: chars(5_000) = None


class PlanQuery(ListQuery):
    account_id: Id | None = None
    result: Literal[tuple(PlanResult.values)] | None = None
    ordering: Literal["opened_on", "-opened_on", "closed_on", "-closed_on"] = "-opened_on"


def _plans(request):
    qs = FollowUpPlan.objects.select_related("opportunity").prefetch_related("steps")
    return scoped(request, qs, "opportunity__account")


@router.get("/plans", response={200: Page[PlanOut], **ERRORS})
def list_plans(request, params: Query[PlanQuery]):
    """Perseverance plans opened by the "no"s on the accounts you can see."""
    qs = _plans(request)
    if params.account_id:
        qs = qs.filter(opportunity__account_id=params.account_id)
    if params.result:
        qs = qs.filter(result=params.result)
    return paginate(qs, params, params.ordering)


@router.get("/plans/{plan_id}", response={200: PlanOut, **ERRORS})
def get_plan(request, plan_id: int = path_id()):
    """One perseverance plan with its steps."""
    return get_or_404(_plans(request), plan_id)


@router.patch("/plans/{plan_id}/steps/{step_id}", response={200: PlanOut, **ERRORS})
def update_step(request, payload: StepPatch, plan_id: int = path_id(), step_id: int = path_id()):
    """Mark a step of a plan done (``done_on``) or add a note to it."""
    plan = get_or_404(_plans(request), plan_id)
    step = get_or_404(plan.steps.all(), step_id)
    save_clean(step, payload.dict(exclude_unset=True))
    return get_or_404(_plans(request), plan_id)
