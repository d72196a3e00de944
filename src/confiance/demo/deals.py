"""The demo's opportunities (with their "no"s and perseverance plans) and buying-group topics."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Max

from confiance.accounts.models import StakeholderPosition, Topic
from confiance.deals.models import FollowUpPlan, Opportunity, PlanResult, PlanStep
from confiance.deals.services import record_outcome

from .portfolio import ACCOUNTS
from .stories import DEALS, Deal
from .topics import TOPICS

# A "no" older than this has had its plan worked through: steps done, the "no" confirmed.
SETTLED_AFTER_DAYS = 60
RENEWAL_TITLES = {"fr": "Renouvellement annuel", "en": "Annual renewal"}
EXTENSION_TITLES = {"fr": "Extension à un nouveau site", "en": "Extension to a new site"}


def create_deals(builder) -> tuple[int, int]:
    """Create every opportunity; "no"s go through ``record_outcome`` so plans open."""
    count = 0
    for spec in ACCOUNTS:
        rng = builder.rng(spec.key, "deals")
        specs = list(DEALS.get(spec.key, []))
        if spec.kind == "customer" and not any(d.outcome == "won" for d in specs):
            # Every customer renewed at least once in the last year, on ordinary terms.
            specs.insert(
                0,
                Deal(
                    RENEWAL_TITLES[spec.language],
                    spec.annual_value,
                    "won",
                    decided_days_ago=rng.randint(60, 330),
                    discount=float(rng.choice([4, 5, 6, 8, 10])),
                ),
            )
        if spec.profile == "happy":
            specs.append(
                Deal(
                    EXTENSION_TITLES[spec.language],
                    spec.annual_value // 4,
                    "open",
                    stage="proposal",
                    expected_in_days=rng.randint(20, 70),
                )
            )
        for deal in specs:
            _create(builder, spec, deal)
            count += 1
    plans = FollowUpPlan.objects.filter(
        opportunity__account__in=list(builder.accounts.values())
    ).count()
    return count, plans


def _create(builder, spec, deal: Deal) -> Opportunity:
    today = builder.today
    owner = builder.users[spec.owner]
    decided = today - dt.timedelta(days=deal.decided_days_ago or 0)
    expected = (
        today + dt.timedelta(days=deal.expected_in_days) if deal.expected_in_days else decided
    )
    opportunity = Opportunity.objects.create(
        account=builder.accounts[spec.key],
        owner=owner,
        title=deal.title,
        stage=deal.stage if deal.outcome == "open" else "negotiation",
        amount=Decimal(deal.amount),
        currency=spec.currency,
        expected_close=expected,
        discount_pct=Decimal(str(deal.discount)) if deal.discount is not None else None,
    )
    if deal.outcome == "open":
        return opportunity
    record_outcome(
        opportunity,
        deal.outcome,
        reason=deal.reason,
        decided_at=decided,
        competitor=deal.competitor,
        price_gap_pct=deal.gap,
        by=owner,
    )
    if deal.won_back_days_ago is not None:
        won_on = today - dt.timedelta(days=deal.won_back_days_ago)
        _work_through(opportunity, until=won_on)
        record_outcome(opportunity, "won", decided_at=won_on, by=owner)
    elif deal.outcome != "won" and deal.decided_days_ago > SETTLED_AFTER_DAYS:
        last = _work_through(opportunity, until=today)
        FollowUpPlan.objects.filter(opportunity=opportunity).update(
            result=PlanResult.CONFIRMED, closed_on=last
        )
    return opportunity


def _work_through(opportunity: Opportunity, *, until: dt.date) -> dt.date:
    """Mark the plan's steps done on their due dates (not after ``until``)."""
    steps = PlanStep.objects.filter(plan__opportunity=opportunity)
    for step in steps:
        step.done_on = min(step.due_date, until)
    PlanStep.objects.bulk_update(steps, ["done_on"])
    return steps.aggregate(last=Max("done_on"))["last"] or until


def create_topics(builder) -> tuple[int, int]:
    """Topics the buying groups must decide, and where each stakeholder stands."""
    topics, positions = [], []
    for key, specs in TOPICS.items():
        account = builder.accounts[key]
        by_role = {c.buying_role: c for c in builder.contacts[key]}
        for spec in specs:
            topic = Topic(account=account, title=spec.title, description=spec.description)
            topics.append(topic)
            positions += [
                StakeholderPosition(
                    contact=by_role[stance.role],
                    topic=topic,
                    priority=stance.priority,
                    preferred_alternative=stance.alternative,
                    perceived_risk=stance.risk,
                    stance=stance.words,
                )
                for stance in spec.stances
            ]
    Topic.objects.bulk_create(topics)
    StakeholderPosition.objects.bulk_create(positions)
    return len(topics), len(positions)
