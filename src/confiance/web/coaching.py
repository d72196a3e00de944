"""Coaching points for a manager, drawn from the team's analysed conversations.

Reads the coach's cached reading of each interaction (``Interaction.analysis``): which combative
categories each seller uses most, with real examples, and their tone month by month.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone

from confiance.accounts.permissions import visible_accounts
from confiance.interactions.models import Interaction
from confiance.users.models import Membership, Role

EXAMPLES_PER_CATEGORY = 2
TOP_CATEGORIES = 3


@dataclass
class SellerCoaching:
    user: object
    conversations: int = 0
    findings: int = 0
    categories: list[tuple[str, int, list[dict]]] = field(default_factory=list)
    tone_by_month: list[tuple[str, float | None]] = field(default_factory=list)

    @property
    def findings_per_conversation(self) -> float:
        return self.findings / self.conversations if self.conversations else 0.0


def _months(today: dt.date, count: int) -> list[str]:
    keys = []
    year, month = today.year, today.month
    for _ in range(count):
        keys.append(f"{year:04}-{month:02}")
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return list(reversed(keys))


def team_coaching(manager, team_ids: list[int], *, months: int = 6) -> list[SellerCoaching]:
    """One entry per seller of ``team_ids`` (and anyone else with conversations there)."""
    today = timezone.localdate()
    keys = _months(today, months)
    since = timezone.make_aware(dt.datetime.fromisoformat(keys[0] + "-01"))
    members = (
        get_user_model()
        .objects.filter(memberships__team_id__in=team_ids, is_active=True)
        .distinct()
        .order_by("first_name", "username")
    )
    sellers = set(
        Membership.objects.filter(team_id__in=team_ids, role=Role.SELLER).values_list(
            "user_id", flat=True
        )
    )
    rows = (
        Interaction.objects.filter(
            account__in=visible_accounts(manager).filter(team_id__in=team_ids),
            occurred_at__gte=since,
            occurred_at__lte=timezone.now(),
        )
        .annotate(seller_id=Coalesce(F("created_by_id"), F("account__owner_id")))
        .values("pk", "seller_id", "occurred_at", "tone", "analysis", "title")
    )
    counts: dict[int, Counter] = defaultdict(Counter)
    examples: dict[int, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    tones: dict[int, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    conversations: Counter = Counter()
    zone = timezone.get_current_timezone()
    for row in rows:
        seller = row["seller_id"]
        conversations[seller] += 1
        month = timezone.localtime(row["occurred_at"], zone).strftime("%Y-%m")
        if row["tone"] is not None:
            tones[seller][month].append(row["tone"])
        for finding in (row["analysis"] or {}).get("findings", []):
            category = finding.get("category", "")
            counts[seller][category] += 1
            seen = {e["text"].casefold() for e in examples[seller][category]}
            text = finding.get("text", "")
            if len(seen) < EXAMPLES_PER_CATEGORY and text.casefold() not in seen:
                examples[seller][category].append(
                    {
                        "text": finding.get("text", ""),
                        "interaction": row["pk"],
                        "rewrite": finding.get("rewrite", ""),
                    }
                )
    result = []
    for user in members:
        # Managers and admins appear only when they hold conversations themselves.
        if not conversations[user.pk] and user.pk not in sellers:
            continue
        top = counts[user.pk].most_common(TOP_CATEGORIES)
        result.append(
            SellerCoaching(
                user=user,
                conversations=conversations[user.pk],
                findings=sum(counts[user.pk].values()),
                categories=[(cat, n, examples[user.pk][cat]) for cat, n in top],
                tone_by_month=[(key, _mean(tones[user.pk].get(key, []))) for key in keys],
            )
        )
    return result


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None
