"""Perseverance: the plans that every "no" opens, what is overdue, and the reversal rate.

Public API:

- ``plans(user, *, as_of=None, lang=None, include_closed=False, account_id=None) ->
  PlansReport``: the plans of the opportunities ``user`` may see (pending ones, or all; of one
  account if given), each ``PlanView`` with its steps
  (``StepView``: kind, label, due date, done, overdue, note and, for the like-for-like step,
  the comparison ``checklist``), the ``overdue`` plans first, and the reversal rate (a "no"
  later won) per seller (``sellers``) and for everything visible (``team``).
- ``comparison_checklist(price_gap_pct) -> list[str]``: the like-for-like checklist.
- ``complete_step(user, step_id, *, on=None, note="") -> None`` and
  ``confirm_no(user, plan_id, *, on=None) -> None``: progress a plan (PermissionDenied /
  ObjectDoesNotExist for plans the user may not see).
The call-back, comparison and decision dates are set by ``confiance.deals.services``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from confiance.deals.models import (
    FollowUpPlan,
    LossReason,
    PlanResult,
    PlanStep,
    StepKind,
    comparison_hint,
)

from .common import Result, language, local_today, user_timezone, visible_ids

# A price gap at least this large on "the same" products nearly always hides a difference.
SUSPICIOUS_GAP = 15


@dataclass
class StepView(Result):
    id: int
    position: int
    kind: str
    label: str
    due_date: dt.date
    done_on: dt.date | None
    overdue: bool
    note: str
    hint: str = ""  # the comparison's reminder, in the reader's language
    checklist: list[str] = field(default_factory=list)


@dataclass
class PlanView(Result):
    plan_id: int
    opportunity_id: int
    opportunity: str
    account_id: int
    account: str
    seller_id: int | None
    seller: str
    outcome: str
    reason: str
    reason_label: str
    competitor: str
    price_gap_pct: float | None
    opened_on: dt.date
    result: str
    result_label: str
    overdue: bool
    days_overdue: int
    next_step: StepView | None
    steps: list[StepView]


@dataclass
class ReversalRate(Result):
    seller_id: int | None
    seller: str
    noes: int
    reversed: int
    confirmed: int
    pending: int
    rate_pct: float | None  # reversed / every "no" on record
    settled_rate_pct: float | None  # reversed / the noes whose plan is closed


@dataclass
class PlansReport(Result):
    as_of: dt.date
    plans: list[PlanView]
    overdue: int
    sellers: list[ReversalRate]
    team: ReversalRate


def comparison_checklist(price_gap_pct: float | None) -> list[str]:
    """What to compare, line by line, before accepting that a competitor is cheaper."""
    items = []
    if price_gap_pct is not None:
        text = (
            _(
                "A %(gap)s%% gap on “the same” products usually hides a difference: "
                "go through every line with the customer."
            )
            if price_gap_pct >= SUSPICIOUS_GAP
            else _("Price gap claimed: %(gap)s%%. Check that both offers cover the same things.")
        )
        items.append(text % {"gap": f"{price_gap_pct:g}"})
    items += [
        _("Scope: exactly the same products, options and quantities?"),
        _("Volumes and price tiers: the same assumptions over the same period?"),
        _("Service levels: response times, availability, penalties."),
        _("Contract length, renewal and exit terms."),
        _("Hidden costs: set-up, licences, travel, price revisions."),
        _("Migration: the cost, effort and risk of switching."),
        _("Support and training: what is included, in which language, at what hours."),
    ]
    return items


def plans(
    user,
    *,
    as_of: dt.date | None = None,
    lang: str | None = None,
    include_closed: bool = False,
    account_id: int | None = None,
) -> PlansReport:
    """Perseverance plans ``user`` may see (of one account if given), overdue first, with
    reversal rates."""
    as_of = as_of or local_today(user_timezone(user))
    scope = FollowUpPlan.objects.filter(opportunity__account_id__in=visible_ids(user))
    if account_id is not None:
        scope = scope.filter(opportunity__account_id=account_id)
    listed = scope if include_closed else scope.filter(result=PlanResult.PENDING)
    rows = list(listed.select_related("opportunity__account", "opportunity__owner"))
    steps: dict[int, list[PlanStep]] = defaultdict(list)
    for step in PlanStep.objects.filter(plan__in=listed).order_by("plan_id", "position"):
        steps[step.plan_id].append(step)
    counts = list(
        scope.values("opportunity__owner_id", "result")
        .annotate(n=Count("id"))
        .values_list("opportunity__owner_id", "result", "n")
        .order_by()
    )
    names = {p.opportunity.owner_id: _name(p.opportunity.owner) for p in rows}
    missing = {owner for owner, _r, _n in counts if owner not in names}
    if missing:
        from django.contrib.auth import get_user_model

        for user_row in get_user_model().objects.filter(pk__in=[m for m in missing if m]):
            names[user_row.pk] = _name(user_row)
    with language(lang):
        views = [_plan_view(plan, steps[plan.pk], as_of) for plan in rows]
        views.sort(key=lambda v: (not v.overdue, -v.days_overdue, v.opened_on, v.plan_id))
        sellers, team = _rates(counts, names)
    return PlansReport(as_of, views, sum(v.overdue for v in views), sellers, team)


def _name(user) -> str:
    if user is None:
        return _("(no seller)")
    return user.get_full_name() or user.get_username()


def _step_view(step: PlanStep, as_of: dt.date, opp) -> StepView:
    gap = float(opp.competitor_price_gap_pct) if opp.competitor_price_gap_pct is not None else None
    compare = step.kind == StepKind.COMPARE
    return StepView(
        id=step.pk,
        position=step.position,
        kind=step.kind,
        label=str(StepKind(step.kind).label),
        due_date=step.due_date,
        done_on=step.done_on,
        overdue=step.done_on is None and step.due_date < as_of,
        note=step.note,
        hint=comparison_hint(opp.competitor, opp.competitor_price_gap_pct) if compare else "",
        checklist=comparison_checklist(gap) if compare else [],
    )


def _plan_view(plan: FollowUpPlan, steps: list[PlanStep], as_of: dt.date) -> PlanView:
    opp = plan.opportunity
    views = [_step_view(s, as_of, opp) for s in steps]
    pending = plan.result == PlanResult.PENDING
    late = [v for v in views if v.overdue] if pending else []
    next_step = next((v for v in views if v.done_on is None), None) if pending else None
    return PlanView(
        plan_id=plan.pk,
        opportunity_id=opp.pk,
        opportunity=opp.title,
        account_id=opp.account_id,
        account=opp.account.name,
        seller_id=opp.owner_id,
        seller=_name(opp.owner),
        outcome=opp.outcome,
        reason=opp.loss_reason,
        reason_label=str(LossReason(opp.loss_reason).label) if opp.loss_reason else "",
        competitor=opp.competitor,
        price_gap_pct=(
            float(opp.competitor_price_gap_pct)
            if opp.competitor_price_gap_pct is not None
            else None
        ),
        opened_on=plan.opened_on,
        result=plan.result,
        result_label=str(PlanResult(plan.result).label),
        overdue=bool(late),
        days_overdue=max(((as_of - v.due_date).days for v in late), default=0),
        next_step=next_step,
        steps=views,
    )


def _rate(seller_id, seller: str, by_result: dict[str, int]) -> ReversalRate:
    reversed_ = by_result.get(PlanResult.REVERSED, 0)
    confirmed = by_result.get(PlanResult.CONFIRMED, 0)
    pending = by_result.get(PlanResult.PENDING, 0)
    noes = reversed_ + confirmed + pending
    settled = reversed_ + confirmed
    return ReversalRate(
        seller_id,
        seller,
        noes,
        reversed_,
        confirmed,
        pending,
        round(100 * reversed_ / noes, 1) if noes else None,
        round(100 * reversed_ / settled, 1) if settled else None,
    )


def _rates(counts, names) -> tuple[list[ReversalRate], ReversalRate]:
    per_seller: dict[int | None, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    team: dict[str, int] = defaultdict(int)
    for owner, result, n in counts:
        per_seller[owner][result] += n
        team[result] += n
    sellers = [
        _rate(owner, names.get(owner) or _("(no seller)"), results)
        for owner, results in per_seller.items()
    ]
    sellers.sort(key=lambda r: (-(r.rate_pct or 0), r.seller.casefold()))
    return sellers, _rate(None, _("Everyone visible"), team)


def _plan_for(user, plan_id: int) -> FollowUpPlan:
    return FollowUpPlan.objects.get(pk=plan_id, opportunity__account_id__in=visible_ids(user))


@transaction.atomic
def complete_step(user, step_id: int, *, on: dt.date | None = None, note: str = "") -> None:
    """Mark a step done (``on``: default today in the user's time zone)."""
    step = PlanStep.objects.select_for_update().get(
        pk=step_id, plan__opportunity__account_id__in=visible_ids(user)
    )
    step.done_on = on or local_today(user_timezone(user))
    if note:
        step.note = f"{step.note}\n{note}".strip()
    step.save(update_fields=["done_on", "note"])


@transaction.atomic
def confirm_no(user, plan_id: int, *, on: dt.date | None = None) -> None:
    """Close a plan: the customer's "no" stands after the second try."""
    plan = _plan_for(user, plan_id)
    plan.result = PlanResult.CONFIRMED
    plan.closed_on = on or local_today(user_timezone(user))
    plan.save(update_fields=["result", "closed_on", "updated_at"])
