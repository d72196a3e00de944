"""The demo's commitments: what each side promised, and how each promise turned out."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from . import texts_en, texts_fr
from .portfolio import AccountSpec
from .stories import PROMISES

TEXTS = {"fr": texts_fr, "en": texts_en}
RECENT_DAYS = 330
# Since the last renewal, our promises to the neglected customer slip.
NEGLECT_DAYS = 300
WEIGHTY = {"investment", "risk", "concession"}
STATUSES = ["kept", "kept_late", "broken", "withdrawn"]
# How promises turn out, by profile and side: weights of STATUSES.
OUTCOMES = {
    "happy": {"ours": (80, 15, 5, 0), "theirs": (75, 20, 5, 0)},
    "steady": {"ours": (65, 20, 10, 5), "theirs": (60, 25, 10, 5)},
    "neglected": {"ours": (70, 30, 0, 0), "theirs": (85, 15, 0, 0)},
    "neglected_recent": {"ours": (10, 40, 50, 0), "theirs": (80, 20, 0, 0)},
    "strained": {"ours": (45, 30, 25, 0), "theirs": (40, 25, 25, 10)},
    "prospect": {"ours": (85, 15, 0, 0), "theirs": (70, 20, 10, 0)},
    "former": {"ours": (40, 30, 30, 0), "theirs": (45, 25, 20, 10)},
}


@dataclass
class PromiseDraft:
    """A commitment before it is written: who owes what, and its history of statuses."""

    party: str
    kind: str
    description: str
    made_on: dt.date
    due_date: dt.date | None
    status: str
    resolved_at: dt.date | None
    amount: Decimal | None = None
    hours: Decimal | None = None
    #: (from status, to status, date, note), oldest first.
    events: tuple[tuple[str, str, dt.date, str], ...] = ()


def plan_commitments(
    spec: AccountSpec, rng: random.Random, today: dt.date, contact_days: list[dt.date]
) -> list[PromiseDraft]:
    """The account's commitments: those the story needs, then some made in conversations."""
    drafts = [_scripted(p, today) for p in PROMISES.get(spec.key, [])]
    # About one promise for every two interactions: enough for a scorecard over a year.
    count = max(3, spec.interactions // 2) - len(drafts)
    # Most promises are recent, so that a year's scorecard has facts to stand on.
    recent = [d for d in contact_days if (today - d).days <= RECENT_DAYS]
    older = [d for d in contact_days if (today - d).days > RECENT_DAYS]
    from_recent = min(len(recent), round(count * 0.7))
    days = rng.sample(recent, from_recent) + rng.sample(older, min(len(older), count - from_recent))
    days.sort()
    for made_on in days:
        drafts.append(_generated(spec, rng, today, made_on))
    return drafts


def _scripted(promise, today: dt.date) -> PromiseDraft:
    def ago(days: int | None) -> dt.date | None:
        return None if days is None else today - dt.timedelta(days=days)

    made_on, resolved = ago(promise.made_days_ago), ago(promise.resolved_days_ago)
    events: list[tuple[str, str, dt.date, str]] = []
    if resolved is not None:
        events.append(("open", promise.status, resolved, ""))
    status = promise.status
    for new_status, days_ago, note in promise.history:
        events.append((status, new_status, ago(days_ago), note))
        status = new_status
    return PromiseDraft(
        promise.party,
        promise.kind,
        promise.description,
        made_on,
        ago(promise.due_days_ago),
        status,
        None if status == "open" else resolved,
        Decimal(promise.amount) if promise.amount else None,
        Decimal(promise.hours) if promise.hours else None,
        tuple(events),
    )


def _generated(spec: AccountSpec, rng: random.Random, today: dt.date, made_on: dt.date):
    party = "ours" if rng.random() < 0.55 else "theirs"
    texts = TEXTS[spec.language]
    bank = texts.COMMITMENTS_OURS if party == "ours" else texts.COMMITMENTS_THEIRS
    # Investments, risks and concessions are what reciprocity and equity weigh: favour them,
    # except on our side of a customer we take for granted, where they dry up.
    weighty = [entry for entry in bank if entry[0] in WEIGHTY]
    odds = 0.6
    if spec.profile == "neglected" and (today - made_on).days < NEGLECT_DAYS:
        odds = 0.1 if party == "ours" else 0.8
    kind, description, amounts, hours = rng.choice(weighty if rng.random() < odds else bank)
    due = made_on + dt.timedelta(days=rng.randint(7, 35))
    status, resolved = _outcome(spec, rng, today, party, made_on, due)
    return PromiseDraft(
        party,
        kind,
        description,
        made_on,
        due,
        status,
        resolved,
        Decimal(rng.randrange(amounts[0], amounts[1] + 1, 500)) if amounts else None,
        Decimal(rng.randint(*hours)) if hours else None,
        (("open", status, resolved, ""),) if resolved else (),
    )


def _outcome(spec, rng, today, party, made_on, due) -> tuple[str, dt.date | None]:
    """The status of a promise and the day it was resolved (never after ``today``)."""
    last_day = today - dt.timedelta(days=1)
    if due >= today - dt.timedelta(days=3):
        # Not due yet: most are still open, some were delivered early.
        if made_on < today - dt.timedelta(days=5) and rng.random() < 0.3:
            latest = min(due, last_day)
            return "kept", made_on + dt.timedelta(days=rng.randint(1, (latest - made_on).days))
        return "open", None
    profile = {"lost": "prospect", "new": "prospect"}.get(spec.profile, spec.profile)
    if profile == "neglected" and (today - made_on).days < NEGLECT_DAYS:
        profile = "neglected_recent"
    status = rng.choices(STATUSES, weights=OUTCOMES[profile][party])[0]
    if status == "kept":
        resolved = due - dt.timedelta(days=rng.randint(0, min(5, (due - made_on).days)))
    elif status == "kept_late":
        resolved = min(due + dt.timedelta(days=rng.randint(2, 20)), last_day)
    elif status == "broken":
        resolved = min(due + dt.timedelta(days=rng.randint(7, 30)), last_day)
    else:
        resolved = made_on + dt.timedelta(days=rng.randint(1, (due - made_on).days))
    return status, resolved
