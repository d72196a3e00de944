"""Paradox radar: the customers being taken for granted, and confidence packs for prospects.

Public API:

- ``radar(user, *, as_of=None, lang=None, references=3) -> Radar``: every customer ``user`` may
  see, ranked by ``neglect`` (0–100, highest first), each ``RadarEntry`` with its ``reasons``
  (sentences in the user's language) and the figures behind them; and for every prospect a
  ``ProspectPack`` of the most similar customers with a good scorecard (``Reference``: the
  account, its overall score, a similarity and the reasons it is similar), to cite as references.

A constant number of queries whatever the portfolio size. Formulas: docs/insights.md.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from statistics import median

from django.db.models import Max
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from confiance.interactions.models import Interaction

from .common import Result, language, local_today, month_start, signed, user_timezone, visible_ids
from .facts import TWO_WAY, AccountFacts, EpochDay, load_portfolio, month_key
from .industries import industry_label, sector
from .scorecard import score_portfolio

CADENCE_MONTHS = 24  # the usual cadence is read from this much history
DEFAULT_GAP = 30  # days, when the history is too short to know the customer's own rhythm
SILENCE_POINTS, OVERDUE_POINT, OVERDUE_CAP, TONE_POINTS, WIN_POINTS = 40, 8, 24, 20, 10
MAX_POINTS = SILENCE_POINTS + OVERDUE_CAP + TONE_POINTS + WIN_POINTS
TONE_MIN_DROP = 0.1  # smaller changes of the mean tone are noise, not a souring relationship
GOOD_SCORE = 60  # a customer is cited as a reference only with an overall score this high
SIZES = ["1-9", "10-49", "50-249", "250-999", "1000+"]
SHORTLIST = 20


@dataclass
class RadarEntry(Result):
    rank: int
    account_id: int
    account: str
    owner_id: int
    neglect: int
    last_contact: dt.date | None
    days_silent: int | None
    usual_gap_days: int
    annual_value: float
    portfolio_share_pct: float
    overdue_ours: int
    tone_recent: float | None
    tone_before: float | None
    months_since_win: int | None
    reasons: list[str]


@dataclass
class Reference(Result):
    account_id: int
    account: str
    overall: int
    similarity: float
    reasons: list[str]


@dataclass
class ProspectPack(Result):
    account_id: int
    account: str
    references: list[Reference]
    note: str


@dataclass
class Radar(Result):
    as_of: dt.date
    customers: list[RadarEntry] = field(default_factory=list)
    prospects: list[ProspectPack] = field(default_factory=list)


def radar(
    user, *, as_of: dt.date | None = None, lang: str | None = None, references: int = 3
) -> Radar:
    """Customers ranked by neglect and prospects with reference customers like them."""
    tz = user_timezone(user)
    as_of = as_of or local_today(tz)
    portfolio = load_portfolio(user, tz, as_of, 12, with_topics=True)
    contact_days, last_contact = _contact_days(user, tz, as_of)
    customers = [f for f in portfolio.accounts.values() if f.kind == "customer"]
    prospects = [f for f in portfolio.accounts.values() if f.kind == "prospect"]
    with language(lang):
        cards = {
            c.account_id: c
            for c in score_portfolio(portfolio, lang=lang, trend=False, explain=False)
        }
        top_value = max((f.annual_value for f in customers), default=0.0)
        total_value = sum(f.annual_value for f in customers)
        entries = [
            _entry(
                f, as_of, contact_days.get(f.id, []), last_contact.get(f.id), top_value, total_value
            )
            for f in customers
        ]
        entries.sort(key=lambda e: (-e.neglect, -e.annual_value, e.account.casefold()))
        for rank, entry in enumerate(entries, 1):
            entry.rank = rank
        good = [f for f in customers if (cards[f.id].overall or 0) >= GOOD_SCORE]
        overall = {f.id: cards[f.id].overall or 0 for f in good}
        packs = _packs(prospects, good, overall, references)
    return Radar(as_of=as_of, customers=entries, prospects=packs)


def _contact_days(user, tz, as_of: dt.date) -> tuple[dict[int, list[int]], dict[int, dt.date]]:
    """Distinct days of two-way contact per customer (recent history) and the last one ever."""
    end = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    start = dt.datetime.combine(month_start(as_of, CADENCE_MONTHS - 1), dt.time.min, tzinfo=tz)
    base = Interaction.objects.filter(
        account_id__in=visible_ids(user),
        account__kind="customer",
        kind__in=TWO_WAY,
        occurred_at__lt=end,
    )
    days: dict[int, list[int]] = defaultdict(list)
    # Today's UTC offset for every day: a daylight-saving hour cannot change a median gap.
    offset = int(end.utcoffset().total_seconds())
    rows = (
        base.filter(occurred_at__gte=start)
        .annotate(day=EpochDay("occurred_at", offset))
        .values_list("account_id", "day")
        .distinct()
        .order_by()
    )
    for account_id, day in rows:
        days[account_id].append(day)
    last = {
        account_id: when.astimezone(tz).date()
        for account_id, when in base.values("account_id")
        .annotate(last=Max("occurred_at"))
        .values_list("account_id", "last")
        .order_by()
    }
    return days, last


def _usual_gap(days: list[int]) -> tuple[int, bool]:
    """Median gap between distinct contact days, and whether the history was long enough."""
    if len(days) < 3:
        return DEFAULT_GAP, False
    ordered = sorted(days)
    gaps = [b - a for a, b in zip(ordered, ordered[1:], strict=False)]
    return max(1, round(median(gaps))), True


def _tones(facts: AccountFacts, as_of: dt.date) -> tuple[float | None, float | None]:
    """Average tone of conversations over the last 3 months, and over the 6 months before."""
    now = month_key(as_of)

    def mean(keys) -> float | None:
        total = n = 0
        for key in keys:
            month = facts.months.get(key)
            if month:
                total, n = total + month.tone_sum, n + month.tone_n
        return round(total / n, 2) if n else None

    return mean(range(now - 2, now + 1)), mean(range(now - 8, now - 2))


def _entry(facts, as_of, days, last, top_value, total_value) -> RadarEntry:
    gap, known_rhythm = _usual_gap(days)
    silent = (as_of - last).days if last else None
    overdue = sorted(
        as_of.toordinal() - p.due
        for p in facts.pledges
        if p.party == "ours"
        and p.status == "open"
        and p.due is not None
        and p.due < as_of.toordinal()
    )
    recent, before = _tones(facts, as_of)
    wins = [d.decided for d in facts.deals if d.outcome == "won" and d.decided]
    months_since_win = (as_of.toordinal() - max(wins)) // 30 if wins else None
    points: list[tuple[float, str]] = []
    silence = (
        SILENCE_POINTS if silent is None else SILENCE_POINTS * min(3, max(0, silent / gap - 1)) / 3
    )
    points.append((silence, _silence_reason(silent, gap, known_rhythm)))
    if overdue:
        points.append((min(OVERDUE_CAP, OVERDUE_POINT * len(overdue)), _overdue_reason(overdue)))
    if recent is not None and before is not None and before - recent >= TONE_MIN_DROP:
        text = _("Tone souring: %(recent)s over the last three months against %(before)s before.")
        values = {"recent": signed(recent), "before": signed(before)}
        points.append((min(TONE_POINTS, (before - recent) * 40), text % values))
    if months_since_win is None or months_since_win >= 12:
        text = (
            _("No win recorded with this customer.")
            if months_since_win is None
            else _("No win for %(months)d months.") % {"months": months_since_win}
        )
        points.append((WIN_POINTS, text))
    factor = 0.5 + 0.5 * (facts.annual_value / top_value if top_value else 1.0)
    neglect = round(100 * sum(p for p, _text in points) / MAX_POINTS * factor)
    share = 100 * facts.annual_value / total_value if total_value else 0.0
    reasons = [
        text for p, text in sorted(points, key=lambda pt: -pt[0]) if p > 0 or text is points[0][1]
    ]
    reasons.append(
        _("%(share)s%% of the portfolio's annual value.") % {"share": number_format(share, 1)}
    )
    return RadarEntry(
        0, facts.id, facts.name, facts.owner_id, min(100, neglect), last, silent, gap,
        facts.annual_value, round(share, 1), len(overdue), recent, before, months_since_win, reasons,
    )  # fmt: skip


def _silence_reason(silent: int | None, gap: int, known: bool) -> str:
    if silent is None:
        return _("No two-way contact on record.")
    if known:
        text = ngettext(
            "Last two-way contact %(days)d day ago; usually every %(gap)d days.",
            "Last two-way contact %(days)d days ago; usually every %(gap)d days.",
            silent,
        )
    else:
        text = ngettext(
            "Last two-way contact %(days)d day ago; too little history, a monthly rhythm is assumed.",
            "Last two-way contact %(days)d days ago; too little history, a monthly rhythm is assumed.",
            silent,
        )
    return text % {"days": silent, "gap": gap}


def _overdue_reason(overdue: list[int]) -> str:
    return ngettext(
        "%(n)d of our commitments is overdue (the oldest by %(days)d days).",
        "%(n)d of our commitments are overdue (the oldest by %(days)d days).",
        len(overdue),
    ) % {"n": len(overdue), "days": overdue[-1]}


# --- confidence packs for prospects ------------------------------------------------------


def _similarity(prospect: AccountFacts, customer: AccountFacts) -> float:
    """Firmographic similarity: industry 3, size 2 (neighbouring size 1), language 1, country 1.

    Industries compare by sector, so that "Logistique" and "Logistics" are the same one.
    """
    score = 0.0
    if prospect.industry and sector(prospect.industry) == sector(customer.industry):
        score += 3
    if prospect.size_band in SIZES and customer.size_band in SIZES:
        distance = abs(SIZES.index(prospect.size_band) - SIZES.index(customer.size_band))
        score += max(0, 2 - distance)
    if prospect.language == customer.language:
        score += 1
    if prospect.country and prospect.country == customer.country:
        score += 1
    return score


def _reasons(prospect: AccountFacts, customer: AccountFacts, shared: list[str]) -> list[str]:
    """The same comparison in words (only for the references shown)."""
    reasons = []
    if prospect.industry and sector(prospect.industry) == sector(customer.industry):
        industry = industry_label(customer.industry)
        reasons.append(_("same industry (%(industry)s)") % {"industry": industry})
    if prospect.size_band in SIZES and customer.size_band in SIZES:
        distance = abs(SIZES.index(prospect.size_band) - SIZES.index(customer.size_band))
        if distance <= 1:
            reasons.append(_("same size") if distance == 0 else _("a neighbouring size"))
    if prospect.language == customer.language:
        reasons.append(_("same language"))
    if prospect.country and prospect.country == customer.country:
        reasons.append(_("same country (%(country)s)") % {"country": customer.country})
    if shared:
        reasons.append(_("shared needs: %(needs)s") % {"needs": ", ".join(shared[:4])})
    return reasons


def _shortlist(prospect, by_industry, by_size, overall) -> list[tuple[float, AccountFacts]]:
    """The most similar good customers: same industry first, same size when that is too few."""
    candidates = list(by_industry.get(sector(prospect.industry), [])) if prospect.industry else []
    if len(candidates) < SHORTLIST:
        seen = {c.id for c in candidates}
        candidates += [c for c in by_size.get(prospect.size_band, []) if c.id not in seen]
    scored = [(_similarity(prospect, c), c) for c in candidates]
    scored.sort(key=lambda s: (-s[0], -overall[s[1].id], s[1].name.casefold()))
    return scored[:SHORTLIST]


def _packs(prospects, good, overall: dict[int, int], limit: int) -> list[ProspectPack]:
    by_industry: dict[str, list[AccountFacts]] = defaultdict(list)
    by_size: dict[str, list[AccountFacts]] = defaultdict(list)
    for customer in good:
        by_industry[sector(customer.industry)].append(customer)
        by_size[customer.size_band].append(customer)
    shortlists: dict[tuple, list[tuple[float, AccountFacts]]] = {}
    packs = []
    for prospect in sorted(prospects, key=lambda f: f.name.casefold()):
        signature = (
            sector(prospect.industry),
            prospect.size_band,
            prospect.language,
            prospect.country,
        )
        if signature not in shortlists:
            shortlists[signature] = _shortlist(prospect, by_industry, by_size, overall)
        scored = []
        for base, customer in shortlists[signature]:
            shared = sorted(prospect.topics & customer.topics)
            similarity = base + 3 * len(shared) / max(1, len(prospect.topics | customer.topics))
            if similarity >= 2:
                scored.append((similarity, customer, shared))
        scored.sort(key=lambda s: (-s[0], -overall[s[1].id], s[1].name.casefold()))
        refs = [
            Reference(c.id, c.name, overall[c.id], round(sim, 2), _reasons(prospect, c, shared))
            for sim, c, shared in scored[:limit]
        ]
        note = (
            _("Approach with confidence: customers like this one rate us well.")
            if refs
            else _(
                "No satisfied customer like this one yet: lean on the closest experience you have."
            )
        )
        packs.append(ProspectPack(prospect.id, prospect.name, refs, note))
    return packs
