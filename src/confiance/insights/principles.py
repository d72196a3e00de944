"""The formulas of the five principles (documented with their reasoning in docs/insights.md).

Each ``score_<principle>(facts, window, ctx, explain)`` returns ``(score | None, ours, theirs,
facts)``: a 0–100 score or None when the facts are too few, optional per-side scores and, when
``explain`` is true, the plain-language sentences that produced the score (in the active
language). They read only the in-memory ``AccountFacts`` so that a trend of twelve points costs
no query.
"""

from __future__ import annotations

import datetime as dt

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .common import month_end
from .facts import HOUR_VALUE, AccountFacts, Deal, month_key
from .tally import (
    BROKEN,
    KEPT,
    KEPT_LATE,
    OURS,
    THEIRS,
    Context,
    Window,
    amount_band,
    tally,
)

# Integrity: a commitment kept late is worth half a commitment kept on time.
LATE_CREDIT = 0.5
# Integrity: discount deviation from comparable deals tolerated before it costs points.
DISCOUNT_TOLERANCE = 5.0
# Autonomy: points lost at most for one-way concessions, one-way risks, and per ultimatum.
CONCESSION_PENALTY, RISK_PENALTY, ULTIMATUM_PENALTY, ULTIMATUM_CAP = 30, 20, 15, 45
# Loyalty: points lost at most when attention stops after a win; per broken valued commitment;
# per combative finding (us-versus-them, bad intent).
ATTENTION_PENALTY, BROKEN_PENALTY, BROKEN_CAP, COMBATIVE_PENALTY, COMBATIVE_CAP = 40, 10, 30, 5, 20
# Equity: points lost when the imbalance grows from the first half of the window to the second.
GROWING_PENALTY = 10
MIN_COMMITMENTS = 3  # integrity needs at least this many commitments that fell due
MIN_CONTRIBUTIONS = 2  # reciprocity and equity need at least this many contributions
MIN_CONVERSATIONS = 3  # conversations with a tone reading, for autonomy and loyalty


Outcome = tuple[int | None, int | None, int | None, list[str]]


def _since(window: Window) -> str:
    return window.since


def _money(value: float) -> str:
    return number_format(round(value), 0, force_grouping=True)


def _clamp(value: float) -> int:
    return int(round(max(0.0, min(100.0, value))))


def _conversations(facts: AccountFacts, window: Window) -> int:
    return tally(facts, window).conversations


# --- integrity ---------------------------------------------------------------------------


def _ledger_counts(facts: AccountFacts, window: Window) -> dict[str, dict[str, int]]:
    """Per side: commitments kept, kept late, broken, and overdue as seen on the window's end."""
    return tally(facts, window).counts


def _side_score(c: dict[str, int]) -> tuple[int | None, int]:
    total = c[KEPT] + c[KEPT_LATE] + c[BROKEN] + c["overdue"]
    if not total:
        return None, 0
    return _clamp(100 * (c[KEPT] + LATE_CREDIT * c[KEPT_LATE]) / total), total


def _discount_checks(facts: AccountFacts, window: Window, ctx: Context) -> list[tuple]:
    """Won deals of this account whose discount strays from comparable deals' median."""
    out = []
    for deal in facts.deals:
        if deal.outcome != "won" or deal.discount is None or not window.holds(deal.decided):
            continue
        band = amount_band(deal.amount)
        typical, n = ctx.bands.get(band, (0.0, 0))
        if n < 4:  # the deal itself plus at least three comparable ones
            continue
        deviation = abs(deal.discount - typical)
        if deviation > DISCOUNT_TOLERANCE:
            out.append((deal, band, typical, n - 1, deviation))
    return out


def score_integrity(facts: AccountFacts, window: Window, ctx: Context, explain: bool) -> Outcome:
    counts = _ledger_counts(facts, window)
    ours, n_ours = _side_score(counts[OURS])
    theirs, n_theirs = _side_score(counts[THEIRS])
    checks = _discount_checks(facts, window, ctx)
    penalty = sum(min(15.0, (dev - DISCOUNT_TOLERANCE) * 1.5) for *_rest, dev in checks)
    if ours is not None:
        ours = _clamp(ours - penalty)
    if n_ours + n_theirs < MIN_COMMITMENTS:
        return None, ours, theirs, ([_integrity_missing(window)] if explain else [])
    sides = [s for s in (ours, theirs) if s is not None]
    score = _clamp(sum(sides) / len(sides))
    lines: list[str] = []
    if explain:
        lines.append(_kept_sentence(facts.name, counts[THEIRS], window, theirs_side=True))
        lines.append(_kept_sentence(facts.name, counts[OURS], window, theirs_side=False))
        for deal, _band, typical, n, _dev in checks:
            lines.append(
                _(
                    "We gave a %(discount)s%% discount on a deal of %(amount)s; "
                    "%(n)d comparable deals got %(typical)s%% (median)."
                )
                % {
                    "discount": number_format(deal.discount, 0),
                    "amount": _money(deal.amount),
                    "n": n,
                    "typical": number_format(typical, 0 if float(typical).is_integer() else 1),
                }
            )
    return score, ours, theirs, lines


def _integrity_missing(window: Window) -> str:
    return _("Fewer than %(n)d commitments fell due since %(since)s.") % {
        "n": MIN_COMMITMENTS,
        "since": _since(window),
    }


def _kept_sentence(name: str, c: dict[str, int], window: Window, theirs_side: bool) -> str:
    kept = c[KEPT] + c[KEPT_LATE]
    total = kept + c[BROKEN] + c["overdue"]
    values = {"name": name, "kept": kept, "total": total, "since": _since(window)}
    if theirs_side:
        text = ngettext(
            "%(name)s kept %(kept)d of its %(total)d commitment since %(since)s",
            "%(name)s kept %(kept)d of its %(total)d commitments since %(since)s",
            total,
        )
    else:
        text = ngettext(
            "We kept %(kept)d of our %(total)d commitment since %(since)s",
            "We kept %(kept)d of our %(total)d commitments since %(since)s",
            total,
        )
    details = _details(c)
    return (text % values) + (f" ({details})." if details else ".")


def _details(c: dict[str, int]) -> str:
    parts = []
    if c[KEPT_LATE]:
        parts.append(ngettext("%d late", "%d late", c[KEPT_LATE]) % c[KEPT_LATE])
    if c[BROKEN]:
        parts.append(ngettext("%d broken", "%d broken", c[BROKEN]) % c[BROKEN])
    if c["overdue"]:
        parts.append(ngettext("%d overdue", "%d overdue", c["overdue"]) % c["overdue"])
    return ", ".join(parts)


def _not_enough(explain: bool, reason: str) -> list[str]:
    return [reason] if explain else []


# --- reciprocity and equity -------------------------------------------------------------


def score_reciprocity(facts: AccountFacts, window: Window, ctx: Context, explain: bool) -> Outcome:
    given = tally(facts, window).given
    ours, theirs = sum(given[OURS]), sum(given[THEIRS])
    if len(given[OURS]) + len(given[THEIRS]) < MIN_CONTRIBUTIONS:
        if not explain:
            return None, None, None, []
        reason = _(
            "Fewer than %(n)d investments, risks or concessions recorded since %(since)s."
        ) % {"n": MIN_CONTRIBUTIONS, "since": _since(window)}
        return None, None, None, _not_enough(explain, reason)
    score = _clamp(100 * (1 - abs(ours - theirs) / (ours + theirs)))
    lines = []
    if explain:
        values = {"since": _since(window), "name": facts.name}
        lines.append(
            ngettext(
                "We invested, risked or conceded %(value)s in %(n)d commitment since %(since)s.",
                "We invested, risked or conceded %(value)s in %(n)d commitments since %(since)s.",
                len(given[OURS]),
            )
            % {**values, "value": _money(ours), "n": len(given[OURS])}
        )
        lines.append(
            ngettext(
                "%(name)s invested, risked or conceded %(value)s in %(n)d commitment.",
                "%(name)s invested, risked or conceded %(value)s in %(n)d commitments.",
                len(given[THEIRS]),
            )
            % {**values, "value": _money(theirs), "n": len(given[THEIRS])}
        )
        if score < 60:
            text = (
                _("We give %(share)d%% of what is put into this relationship.")
                if ours > theirs
                else _("%(name)s gives %(share)d%% of what is put into this relationship.")
            )
            lines.append(
                text % {**values, "share": round(100 * max(ours, theirs) / (ours + theirs))}
            )
        lines.append(
            _("Values add up the commitments' amounts and their hours, at %(rate)d an hour.")
            % {"rate": HOUR_VALUE}
        )
    return score, None, None, lines


def _equity_gap(
    c_ours: float, c_theirs: float, n: float, d_ours: float, d_theirs: float
) -> tuple[float, float, float] | None:
    """(our share of contribution, our share of reward, gap) or None when too few facts."""
    c_total = c_ours + c_theirs
    if n < MIN_CONTRIBUTIONS or not c_total:
        return None
    # What we receive is what they deliver and concede, and the other way round.
    r_total = d_ours + d_theirs
    reward_share = d_theirs / r_total if r_total else 0.5
    contrib_share = c_ours / c_total
    return contrib_share, reward_share, abs(contrib_share - reward_share)


def score_equity(facts: AccountFacts, window: Window, ctx: Context, explain: bool) -> Outcome:
    t = tally(facts, window)
    found = _equity_gap(
        sum(t.contrib[OURS]),
        sum(t.contrib[THEIRS]),
        len(t.contrib[OURS]) + len(t.contrib[THEIRS]),
        t.delivered[OURS],
        t.delivered[THEIRS],
    )
    if found is None:
        if not explain:
            return None, None, None, []
        reason = _("Fewer than %(n)d investments or risks recorded since %(since)s.") % {
            "n": MIN_CONTRIBUTIONS,
            "since": _since(window),
        }
        return None, None, None, _not_enough(explain, reason)
    contrib_share, reward_share, gap = found
    score = 100 * (1 - gap)
    first, second = (_equity_gap(*half) for half in t.halves)
    growing = first is not None and second is not None and second[2] > first[2] + 0.1
    if growing:
        score -= GROWING_PENALTY
    lines = []
    if explain:
        values = {"contrib": round(100 * contrib_share), "reward": round(100 * reward_share)}
        if t.delivered[OURS] + t.delivered[THEIRS]:
            text = _(
                "We carry %(contrib)d%% of the investment and risk and receive %(reward)d%% "
                "of what is delivered and conceded."
            )
        else:
            text = _(
                "We carry %(contrib)d%% of the investment and risk; nothing was delivered or "
                "conceded yet, so each side is counted as receiving half."
            )
        lines.append(text % values)
        if growing:
            lines.append(
                _("The imbalance is growing: %(now)d points lately against %(before)d before.")
                % {"now": round(100 * second[2]), "before": round(100 * first[2])}
            )
    return _clamp(score), None, None, lines


# --- autonomy ----------------------------------------------------------------------------


def _one_way(facts: AccountFacts, window: Window, kind: str) -> tuple[int, int]:
    found = tally(facts, window)
    counted = found.concessions if kind == "concession" else found.risks
    return counted[OURS], counted[THEIRS]


def _imbalance(ours: int, theirs: int) -> float:
    """0 when both sides give as much, 1 when one side alone gives; damped below 3 facts."""
    total = ours + theirs
    return abs(ours - theirs) / total * min(1.0, total / 3) if total else 0.0


def score_autonomy(facts: AccountFacts, window: Window, ctx: Context, explain: bool) -> Outcome:
    conc = _one_way(facts, window, "concession")
    risk = _one_way(facts, window, "risk")
    ultimatums = [day for day, cat in facts.flags if cat == "ultimatum" and window.holds(day)]
    if (
        sum(conc) + sum(risk) < MIN_CONTRIBUTIONS
        and _conversations(facts, window) < MIN_CONVERSATIONS
        and not ultimatums
    ):
        if not explain:
            return None, None, None, []
        reason = _("Too few concessions, risks or analysed conversations since %(since)s.") % {
            "since": _since(window)
        }
        return None, None, None, _not_enough(explain, reason)
    score = (
        100
        - CONCESSION_PENALTY * _imbalance(*conc)
        - RISK_PENALTY * _imbalance(*risk)
        - min(ULTIMATUM_CAP, ULTIMATUM_PENALTY * len(ultimatums))
    )
    lines = []
    if explain:
        values = {"name": facts.name, "since": _since(window)}
        if sum(conc):
            lines.append(
                _("Concessions since %(since)s: %(ours)d by us, %(theirs)d by %(name)s.")
                % {**values, "ours": conc[0], "theirs": conc[1]}
            )
        if sum(risk):
            lines.append(
                _("Risks accepted since %(since)s: %(ours)d by us, %(theirs)d by %(name)s.")
                % {**values, "ours": risk[0], "theirs": risk[1]}
            )
        if ultimatums:
            lines.append(
                ngettext(
                    "%(n)d ultimatum in conversations since %(since)s (latest on %(day)s).",
                    "%(n)d ultimatums in conversations since %(since)s (latest on %(day)s).",
                    len(ultimatums),
                )
                % {
                    **values,
                    "n": len(ultimatums),
                    "day": date_format(dt.date.fromordinal(max(ultimatums)), "j F Y"),
                }
            )
        else:
            lines.append(_("No ultimatum found in conversations since %(since)s.") % values)
    return _clamp(score), None, None, lines


# --- loyalty -----------------------------------------------------------------------------


def _attention_after_wins(facts: AccountFacts, window: Window) -> list[tuple[Deal, float, float]]:
    """For each win old enough to judge: (deal, contacts per month before, after).

    "After" is the three most recent complete months since the win (fewer for a recent win):
    attention must be kept up, not only in the weeks that follow the signature.
    """
    out = []
    last_complete = month_key(window.end) - (window.end != month_end(window.end))
    for deal in facts.deals:
        if deal.outcome != "won" or not window.holds(deal.decided):
            continue
        won = month_key(dt.date.fromordinal(deal.decided))
        after_keys = list(range(max(won + 1, last_complete - 2), last_complete + 1))
        if not after_keys or deal.decided > window.hi - 30:
            continue
        before = sum(_two_way(facts, k) for k in range(won - 3, won)) / 3
        after = sum(_two_way(facts, k) for k in after_keys) / len(after_keys)
        out.append((deal, before, after))
    return out


def _two_way(facts: AccountFacts, key: int) -> int:
    month = facts.months.get(key)
    return month.two_way if month else 0


def score_loyalty(facts: AccountFacts, window: Window, ctx: Context, explain: bool) -> Outcome:
    wins = _attention_after_wins(facts, window)
    found = tally(facts, window)
    broken, resolved = found.broken_valued, found.resolved
    combative = [d for d, cat in facts.flags if cat != "ultimatum" and window.holds(d)]
    if (
        not wins
        and resolved < MIN_COMMITMENTS
        and _conversations(facts, window) < MIN_CONVERSATIONS
    ):
        if not explain:
            return None, None, None, []
        reason = _("No win, too few commitments and conversations since %(since)s.") % {
            "since": _since(window)
        }
        return None, None, None, _not_enough(explain, reason)
    kept_up = [
        min(1.0, after / before) if before else (1.0 if after else 0.0)
        for _d, before, after in wins
    ]
    score = 100.0
    if kept_up:
        score -= ATTENTION_PENALTY * (1 - sum(kept_up) / len(kept_up))
    score -= min(BROKEN_CAP, BROKEN_PENALTY * (broken[OURS] + broken[THEIRS]))
    score -= min(COMBATIVE_CAP, COMBATIVE_PENALTY * len(combative))
    lines = []
    if explain:
        lines.extend(_loyalty_lines(facts, window, wins, broken, combative))
    return _clamp(score), None, None, lines


def _loyalty_lines(facts, window, wins, broken, combative) -> list[str]:
    values = {"name": facts.name, "since": _since(window)}
    lines = []
    for deal, before, after in wins:
        lines.append(
            _(
                "Since the win of %(day)s: %(after)s contacts a month lately, against "
                "%(before)s in the three months before it."
            )
            % {
                "day": date_format(dt.date.fromordinal(deal.decided), "j F Y"),
                "after": number_format(after, 1),
                "before": number_format(before, 1),
            }
        )
    if broken[OURS]:
        lines.append(
            ngettext(
                "We broke %(n)d commitment that had a value for %(name)s.",
                "We broke %(n)d commitments that had a value for %(name)s.",
                broken[OURS],
            )
            % {**values, "n": broken[OURS]}
        )
    if broken[THEIRS]:
        lines.append(
            ngettext(
                "%(name)s broke %(n)d commitment that had a value for us.",
                "%(name)s broke %(n)d commitments that had a value for us.",
                broken[THEIRS],
            )
            % {**values, "n": broken[THEIRS]}
        )
    if combative:
        lines.append(
            ngettext(
                "%(n)d us-versus-them or bad-intent framing in conversations since %(since)s.",
                "%(n)d us-versus-them or bad-intent framings in conversations since %(since)s.",
                len(combative),
            )
            % {**values, "n": len(combative)}
        )
    if not lines:
        lines.append(
            _(
                "Since %(since)s: no commitment of value broken, no us-versus-them framing, "
                "no drop in attention after a win."
            )
            % values
        )
    return lines


SCORERS = {
    "reciprocity": score_reciprocity,
    "autonomy": score_autonomy,
    "integrity": score_integrity,
    "loyalty": score_loyalty,
    "equity": score_equity,
}
