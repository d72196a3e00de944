"""The machinery under the five principles: windows of days, comparable deals, and the one
pass over an account's commitments that every formula reads (``tally``).

``Window(start, end)``: inclusive days, also as ordinals and month keys. ``Context``: the
median discount of comparable deals per amount band. ``tally(facts, window) -> Tally``: kept,
late, broken and overdue commitments per side, contributions, concessions and risks, counted
once per window and cached on the account's facts while it is scored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from statistics import median

from django.utils.formats import date_format

from .facts import AccountFacts, Deal, month_key

OURS, THEIRS = "ours", "theirs"
KEPT, KEPT_LATE, BROKEN, WITHDRAWN = "kept", "kept_late", "broken", "withdrawn"
CONTRIBUTIONS = ("investment", "risk", "concession")
# Comparable deals are those in the same amount band: below 10k, 10–50k, 50–250k, above.
BANDS = (10_000, 50_000, 250_000)


def amount_band(amount: float) -> int:
    """Comparable deals are those in the same amount band (limits in BANDS)."""
    return sum(amount >= limit for limit in BANDS)


class Window:
    """The days from ``start`` to ``end`` (inclusive), also as ordinals and month keys."""

    __slots__ = ("start", "end", "lo", "hi", "first_month", "last_month", "_since")

    def __init__(self, start: dt.date, end: dt.date) -> None:
        self.start, self.end = start, end
        self.lo, self.hi = start.toordinal(), end.toordinal()
        self.first_month, self.last_month = month_key(start), month_key(end)
        self._since: str | None = None

    def holds(self, day: int | None) -> bool:
        return day is not None and self.lo <= day <= self.hi

    @property
    def since(self) -> str:
        """The start as "December 2025" in the active language (formatting is slow: cached)."""
        if self._since is None:
            self._since = date_format(self.start, "F Y")
        return self._since


@dataclass
class Context:
    """What the formulas need beyond one account: discounts of comparable deals.

    ``bands`` maps an amount band to (median discount, number of won deals) over the visible
    portfolio, computed once so that each account costs no more than a lookup.
    """

    bands: dict[int, tuple[float, int]]

    @classmethod
    def from_deals(cls, deals: list[Deal]) -> Context:
        by_band: dict[int, list[float]] = {}
        for deal in deals:
            if deal.discount is not None:
                by_band.setdefault(amount_band(deal.amount), []).append(deal.discount)
        return cls({band: (median(values), len(values)) for band, values in by_band.items()})


@dataclass(slots=True)
class Tally:
    """Everything the formulas read from the ledger over one window, counted in one pass."""

    counts: dict[str, dict[str, int]]  # per side: kept, kept late, broken, overdue
    given: dict[str, list[float]]  # investments, risks, concessions (not broken or withdrawn)
    contrib: dict[str, list[float]]  # investments and risks (not broken or withdrawn)
    delivered: dict[str, float]  # value of deliverables and concessions given by each side
    concessions: dict[str, int]  # concessions made (not withdrawn)
    risks: dict[str, int]  # risks accepted (not withdrawn)
    broken_valued: dict[str, int]
    resolved: int
    # Equity in each half of the window: [contrib ours, contrib theirs, n, delivered ours, theirs]
    halves: list[list[float]]
    conversations: int  # conversations with a tone reading


RESOLVED_STATUSES = (KEPT, KEPT_LATE, BROKEN)


def tally(facts: AccountFacts, window: Window) -> Tally:
    """One pass over the account's commitments for ``window`` (cached on the facts)."""
    lo, hi = window.lo, window.hi
    cached = facts.cache.get((lo, hi))
    if cached is not None:
        return cached
    counts = {side: {KEPT: 0, KEPT_LATE: 0, BROKEN: 0, "overdue": 0} for side in (OURS, THEIRS)}
    given: dict[str, list[float]] = {OURS: [], THEIRS: []}
    contrib: dict[str, list[float]] = {OURS: [], THEIRS: []}
    delivered = {OURS: 0.0, THEIRS: 0.0}
    concessions, risks, broken_valued = (
        {OURS: 0, THEIRS: 0},
        {OURS: 0, THEIRS: 0},
        {OURS: 0, THEIRS: 0},
    )
    resolved_n = 0
    mid = (lo + hi) // 2
    halves = [[0.0, 0.0, 0, 0.0, 0.0], [0.0, 0.0, 0, 0.0, 0.0]]
    for p in facts.pledges:
        status = p.status
        if status == WITHDRAWN:
            continue
        party, resolved, due = p.party, p.resolved, p.due
        if resolved is not None and lo <= resolved <= hi and status in RESOLVED_STATUSES:
            counts[party][status] += 1
            resolved_n += 1
            if status == BROKEN and p.valued:
                broken_valued[party] += 1
        elif due is not None and lo <= due < hi and (resolved is None or resolved > hi):
            counts[party]["overdue"] += 1
        if not lo <= p.on <= hi:
            continue
        kind = p.kind
        if kind == "concession":
            concessions[party] += 1
        elif kind == "risk":
            risks[party] += 1
        if status == BROKEN:
            continue  # a broken promise gave nothing
        if kind in CONTRIBUTIONS:
            given[party].append(p.weight)
        half = halves[p.on > mid]
        side = party == THEIRS
        if kind in ("investment", "risk"):
            contrib[party].append(p.weight)
            half[side] += p.weight
            half[2] += 1
        if kind in ("deliverable", "concession"):
            delivered[party] += p.weight
            half[3 + side] += p.weight
    first, last = window.first_month, window.last_month
    conversations = sum(m.tone_n for key, m in facts.months.items() if first <= key <= last)
    found = Tally(
        counts,
        given,
        contrib,
        delivered,
        concessions,
        risks,
        broken_valued,
        resolved_n,
        halves,
        conversations,
    )
    facts.cache[(lo, hi)] = found
    return found
