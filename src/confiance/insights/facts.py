"""Load the facts behind the scorecard and the radar for a whole portfolio at once.

``load_portfolio(user, tz, as_of, history_months, account_ids=None) -> Portfolio`` runs a fixed
number of queries whatever the number of accounts (aggregates and ``values_list`` grouped in
Python), always scoped by ``visible_accounts(user)`` through a subquery.
Dates are local dates in the user's time zone, kept as ordinals (ints) for fast comparisons.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db.models import (
    Case,
    Count,
    FloatField,
    Func,
    IntegerField,
    Q,
    Sum,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast

from confiance.accounts.models import Account, Topic
from confiance.deals.models import Opportunity
from confiance.interactions.models import Interaction, InteractionKind
from confiance.ledger.models import Commitment, Status

from .common import month_start, visible_ids

TWO_WAY = [InteractionKind.MEETING, InteractionKind.CALL, InteractionKind.EMAIL]
# Finding categories that the scorecard reads from conversations (see docs/insights.md).
FLAG_CATEGORIES = ("ultimatum", "us_versus_them", "bad_intent")
# One hour of anyone's time is valued at this amount when a commitment gives hours only.
HOUR_VALUE = 80
# A commitment with no value at all still counts, as a small nominal contribution.
NOMINAL_VALUE = 1000


@dataclass(slots=True)
class Pledge:
    """One commitment, reduced to what the formulas need (dates as ordinals)."""

    party: str
    kind: str
    weight: float
    status: str
    due: int | None
    resolved: int | None
    on: int  # the day it counts for: resolved, else made (or due, if earlier)
    valued: bool


@dataclass(slots=True)
class Month:
    """Conversations of one account in one month (local time)."""

    two_way: int = 0
    tone_sum: float = 0.0
    tone_n: int = 0


@dataclass(slots=True)
class Deal:
    outcome: str
    amount: float
    discount: float | None
    decided: int | None
    owner_id: int | None


@dataclass
class AccountFacts:
    id: int
    name: str
    kind: str
    industry: str
    size_band: str
    language: str
    country: str
    annual_value: float
    owner_id: int
    customer_since: dt.date | None
    pledges: list[Pledge] = field(default_factory=list)
    months: dict[int, Month] = field(default_factory=dict)  # key: year * 12 + month - 1
    flags: list[tuple[int, str]] = field(default_factory=list)  # (day ordinal, category)
    deals: list[Deal] = field(default_factory=list)
    topics: set[str] = field(default_factory=set)
    cache: dict = field(default_factory=dict, repr=False)  # per-window tallies while scoring


@dataclass
class Portfolio:
    as_of: dt.date
    tz: ZoneInfo
    accounts: dict[int, AccountFacts]
    peer_deals: list[Deal]  # won deals of the visible teams (amount, discount only)


def month_key(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def load_portfolio(
    user,
    tz: ZoneInfo,
    as_of: dt.date,
    history_months: int = 24,
    account_ids: list[int] | None = None,
    with_topics: bool = False,
) -> Portfolio:
    """Every fact needed to score ``user``'s visible accounts (or ``account_ids`` among them)."""
    visible = visible_ids(user)
    start = month_start(as_of, history_months - 1)
    start_dt = dt.datetime.combine(start, dt.time.min, tzinfo=tz)
    end_dt = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    scope = Q(account_id__in=visible)
    account_qs = Account.objects.filter(pk__in=visible)
    if account_ids is not None:
        scope &= Q(account_id__in=account_ids)
        account_qs = account_qs.filter(pk__in=account_ids)
    accounts = {
        row[0]: AccountFacts(*row[:7], float(row[7] or 0), row[8], row[9])
        for row in account_qs.values_list(
            "pk",
            "name",
            "kind",
            "industry",
            "size_band",
            "language",
            "country",
            "annual_value",
            "owner_id",
            "customer_since",
        )
    }
    _load_pledges(accounts, scope, start, tz)
    _load_months(accounts, scope, start_dt, end_dt, tz)
    _load_flags(accounts, scope, start_dt, end_dt, tz)
    # Consistency is the team's: the same terms in the same circumstances, whoever sold. Only
    # the amount and discount of the won deals of the teams the user sees are read, to compute
    # a median per amount band; no other account's name or deal is ever shown.
    teams = Account.objects.filter(pk__in=visible).values("team_id")
    peers = _load_deals(accounts, scope, Q(account__team_id__in=teams))
    if with_topics:
        for account_id, title in Topic.objects.filter(scope).values_list("account_id", "title"):
            accounts[account_id].topics.update(_words(title))
    return Portfolio(as_of=as_of, tz=tz, accounts=accounts, peer_deals=peers)


def _load_pledges(accounts: dict[int, AccountFacts], scope: Q, start: dt.date, tz) -> None:
    recent = (
        Q(status=Status.OPEN)
        | Q(resolved_at__gte=start)
        | Q(resolved_at__isnull=True, due_date__gte=start)
    )
    # Dates come back as day ordinals and amounts as floats, computed by the database:
    # parsing 200,000 rows of dates and Decimals in Python costs more than the query.
    offset = int(dt.datetime.now(tz).utcoffset().total_seconds())
    rows = (
        Commitment.objects.filter(scope & recent)
        .annotate(
            amount=Cast("value_amount", FloatField()),
            hours=Cast("value_hours", FloatField()),
            due_o=DayOrdinal("due_date"),
            res_o=DayOrdinal("resolved_at"),
            created_o=EpochDay("created_at", offset),
        )
        .values_list(
            "account_id",
            "party",
            "kind",
            "amount",
            "hours",
            "status",
            "due_o",
            "res_o",
            "created_o",
        )  # fmt: skip
    )
    for account_id, party, kind, amount, hours, status, due_o, res_o, created in rows:
        value = (amount or 0.0) + HOUR_VALUE * (hours or 0.0)
        # The day a promise was made, in the user's time zone at today's UTC offset.
        created_o = created + EPOCH_ORDINAL
        # An open promise counts from when it was made (or fell due, if the record is late).
        on = res_o or min(created_o, due_o or created_o)
        accounts[account_id].pledges.append(
            Pledge(party, kind, value or NOMINAL_VALUE, status, due_o, res_o, on, value > 0)
        )


def month_case(start: dt.date, end: dt.date, tz: ZoneInfo, field_name: str = "occurred_at") -> Case:
    """The month key of a datetime column, for months from ``start`` to ``end`` in ``tz``.

    Comparisons against month boundaries computed here in the user's time zone (instead of a
    per-row time zone conversion) keep SQLite in C and stay exact across daylight saving.
    """
    whens = []
    month = start
    while month <= end:
        following = month_start(month, -1)
        boundary = dt.datetime.combine(following, dt.time.min, tzinfo=tz)
        whens.append(When(**{f"{field_name}__lt": boundary}, then=Value(month_key(month))))
        month = following
    return Case(*whens, default=Value(month_key(end)), output_field=IntegerField())


def _load_months(accounts, scope: Q, start_dt, end_dt, tz) -> None:
    rows = (
        Interaction.objects.filter(scope, occurred_at__gte=start_dt, occurred_at__lt=end_dt)
        .filter(kind__in=TWO_WAY)
        .annotate(month=month_case(start_dt.date(), end_dt.date(), tz))
        .values("account_id", "month")
        .annotate(n=Count("id"), tone_sum=Sum("tone"), tone_n=Count("tone"))
        .values_list("account_id", "month", "n", "tone_sum", "tone_n")
        .order_by()
    )
    for account_id, month, n, tone_sum, tone_n in rows:
        accounts[account_id].months[month] = Month(n, float(tone_sum or 0), tone_n)


EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()


class DayOrdinal(Func):
    """``date.toordinal()`` of a date column, computed by the database (NULL stays NULL)."""

    output_field = IntegerField()

    def as_sqlite(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"CAST(julianday({sql}) - 1721424.5 AS INTEGER)", params

    def as_sql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"(({sql}) - DATE '0001-01-01' + 1)", params


class EpochDay(Func):
    """Whole days since 1970-01-01 of a datetime column, shifted by a fixed UTC offset."""

    output_field = IntegerField()

    def __init__(self, expression, offset_seconds: int) -> None:
        super().__init__(expression)
        self.offset = int(offset_seconds)

    def as_sqlite(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"CAST(julianday({sql}, %s) - 2440587.5 AS INTEGER)", [
            *params,
            f"{self.offset:+d} seconds",
        ]

    def as_sql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"CAST(FLOOR((EXTRACT(EPOCH FROM {sql}) + %s) / 86400) AS INTEGER)", [
            *params,
            self.offset,
        ]


def _load_flags(accounts, scope: Q, start_dt, end_dt, tz) -> None:
    """Findings of the flagged categories: the database pre-filters the JSON text, Python checks."""
    text_filter = Q()
    for category in FLAG_CATEGORIES:
        text_filter |= Q(analysis_text__contains=f'"{category}"')
    rows = (
        Interaction.objects.filter(scope, occurred_at__gte=start_dt, occurred_at__lt=end_dt)
        .exclude(kind=InteractionKind.PREP_NOTE)
        .filter(analysis__isnull=False)
        .annotate(analysis_text=Cast("analysis", TextField()))
        .filter(text_filter)
        .values_list("account_id", "occurred_at", "analysis")
    )
    for account_id, occurred_at, analysis in rows:
        day = occurred_at.astimezone(tz).date().toordinal()
        for finding in (analysis or {}).get("findings", []) if isinstance(analysis, dict) else []:
            category = finding.get("category") if isinstance(finding, dict) else None
            if category in FLAG_CATEGORIES:
                accounts[account_id].flags.append((day, category))


def _load_deals(accounts, scope: Q, peers: Q) -> list[Deal]:
    """The accounts' own deals, and (anonymous) won deals with a discount matching ``peers``."""
    rows = Opportunity.objects.filter(scope).values_list(
        "account_id", "outcome", "amount", "discount_pct", "decided_at", "owner_id"
    )
    for account_id, outcome, amount, discount, decided, owner_id in rows:
        accounts[account_id].deals.append(
            Deal(
                outcome,
                float(amount or 0),
                float(discount) if discount is not None else None,
                decided.toordinal() if decided else None,
                owner_id,
            )
        )
    won = Opportunity.objects.filter(peers, outcome="won", discount_pct__isnull=False)
    return [
        Deal("won", float(amount or 0), float(discount), None, None)
        for amount, discount in won.values_list("amount", "discount_pct")
    ]


def _words(title: str) -> set[str]:
    """Topic words used to compare needs (lower case, short words dropped)."""
    return {
        w for w in "".join(c if c.isalnum() else " " for c in title.lower()).split() if len(w) > 3
    }
