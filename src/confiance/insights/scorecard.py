"""Five-principles scorecard: reciprocity, autonomy, integrity, loyalty and equity.

Public API:

- ``scorecard(user, account, *, as_of=None, lang=None, months=12) -> Scorecard`` for one account
  (``account``: an Account, an id or a name; raises ``NoSuchAccount`` when ``user`` may not see it).
- ``scorecards(user, *, as_of=None, lang=None, months=12, trend=True) -> list[Scorecard]`` for
  every account ``user`` may see, in a constant number of queries.
- ``score_portfolio(portfolio, *, ...)``: the same over already loaded facts (used by the radar).

Each ``Scorecard`` has ``principles`` (``PrincipleScore``: ``principle`` id, ``label``,
``score`` 0–100 or None, ``ours``/``theirs`` side scores where meaningful, ``enough_data`` and
``facts``: the sentences that produced it, in the user's language), ``overall``, ``weakest`` /
``weakest_label`` and ``trend`` (one ``TrendPoint`` per month, oldest first). ``.as_dict()``
gives JSON. Windows end on ``as_of`` (default: today in the user's time zone) and start on the
first day of the month ``months - 1`` months before. Formulas: docs/insights.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .common import (
    Result,
    find_account,
    language,
    local_today,
    month_end,
    month_start,
    user_timezone,
)
from .facts import AccountFacts, Portfolio, load_portfolio
from .principles import SCORERS
from .tally import Context, Window

PRINCIPLES = ("reciprocity", "autonomy", "integrity", "loyalty", "equity")
LABELS = {
    "reciprocity": gettext_lazy("Reciprocity"),
    "autonomy": gettext_lazy("Autonomy"),
    "integrity": gettext_lazy("Integrity"),
    "loyalty": gettext_lazy("Loyalty"),
    "equity": gettext_lazy("Equity"),
}
# Every principle weighs the same in the overall score: none of the five can stand in for another.
WEIGHTS = dict.fromkeys(PRINCIPLES, 1.0)
MIN_PRINCIPLES_FOR_OVERALL = 2


@dataclass
class PrincipleScore(Result):
    principle: str
    label: str
    score: int | None
    enough_data: bool
    facts: list[str]
    ours: int | None = None
    theirs: int | None = None


@dataclass
class TrendPoint(Result):
    month: str  # "2026-05"
    overall: int | None
    scores: dict[str, int | None]


@dataclass
class Scorecard(Result):
    account_id: int
    account: str
    kind: str
    as_of: dt.date
    since: dt.date
    principles: list[PrincipleScore]
    overall: int | None
    weakest: str | None
    weakest_label: str | None
    summary: str
    trend: list[TrendPoint] = field(default_factory=list)

    def principle(self, name: str) -> PrincipleScore:
        return next(p for p in self.principles if p.principle == name)


def scorecard(
    user, account, *, as_of: dt.date | None = None, lang: str | None = None, months: int = 12
) -> Scorecard:
    """The scorecard of one account ``user`` may see (``NoSuchAccount`` otherwise)."""
    target = find_account(user, account)
    tz = user_timezone(user)
    as_of = as_of or local_today(tz)
    portfolio = load_portfolio(user, tz, as_of, months + 12, account_ids=[target.pk])
    return score_portfolio(portfolio, lang=lang, months=months, trend=True)[0]


def scorecards(
    user,
    *,
    as_of: dt.date | None = None,
    lang: str | None = None,
    months: int = 12,
    trend: bool = True,
) -> list[Scorecard]:
    """Scorecards of every account ``user`` may see, by name."""
    tz = user_timezone(user)
    as_of = as_of or local_today(tz)
    portfolio = load_portfolio(user, tz, as_of, months + 12 if trend else months)
    return score_portfolio(portfolio, lang=lang, months=months, trend=trend)


def score_portfolio(
    portfolio: Portfolio,
    *,
    lang: str | None = None,
    months: int = 12,
    trend: bool = True,
    explain: bool = True,
) -> list[Scorecard]:
    """Score every account of an already loaded portfolio (no query); without ``explain``,
    the ``facts`` sentences are left empty (the radar needs only the scores)."""
    ctx = Context.from_deals(portfolio.peer_deals)
    window = Window(month_start(portfolio.as_of, months - 1), portfolio.as_of)
    with language(lang):
        cards = [
            _score_account(facts, window, ctx, months, trend, explain)
            for facts in portfolio.accounts.values()
        ]
    return sorted(cards, key=lambda c: (c.account.casefold(), c.account_id))


def _score_account(
    facts: AccountFacts, window: Window, ctx: Context, months: int, trend: bool, explain: bool
) -> Scorecard:
    principles = []
    for name in PRINCIPLES:
        score, ours, theirs, lines = SCORERS[name](facts, window, ctx, explain)
        principles.append(
            PrincipleScore(name, str(LABELS[name]), score, score is not None, lines, ours, theirs)
        )
    overall = _overall({p.principle: p.score for p in principles})
    known = [p for p in principles if p.score is not None]
    weakest = min(known, key=lambda p: p.score) if known else None
    trend_points = _trend(facts, window.end, ctx, months) if trend else []
    facts.cache.clear()
    return Scorecard(
        account_id=facts.id,
        account=facts.name,
        kind=facts.kind,
        as_of=window.end,
        since=window.start,
        principles=principles,
        overall=overall,
        weakest=weakest.principle if weakest else None,
        weakest_label=weakest.label if weakest else None,
        summary=_summary(facts.name, overall, weakest),
        trend=trend_points,
    )


def _overall(scores: dict[str, int | None]) -> int | None:
    known = {k: v for k, v in scores.items() if v is not None}
    if len(known) < MIN_PRINCIPLES_FOR_OVERALL:
        return None
    total = sum(WEIGHTS[k] for k in known)
    return round(sum(WEIGHTS[k] * v for k, v in known.items()) / total)


def _summary(name: str, overall: int | None, weakest: PrincipleScore | None) -> str:
    if overall is None or weakest is None:
        return _("Not enough data yet to score the relationship with %(name)s.") % {"name": name}
    return _("%(name)s: %(overall)d/100 overall; weakest principle: %(weakest)s (%(score)d).") % {
        "name": name,
        "overall": overall,
        "weakest": weakest.label.lower(),
        "score": weakest.score,
    }


def _trend(facts: AccountFacts, as_of: dt.date, ctx: Context, months: int) -> list[TrendPoint]:
    """One point per month for the last twelve months, each over its own trailing window."""
    points = []
    for back in range(11, -1, -1):
        first = month_start(as_of, back)
        end = min(month_end(first), as_of)
        window = Window(month_start(end, months - 1), end)
        scores = {name: SCORERS[name](facts, window, ctx, False)[0] for name in PRINCIPLES}
        points.append(TrendPoint(f"{first:%Y-%m}", _overall(scores), scores))
    return points
