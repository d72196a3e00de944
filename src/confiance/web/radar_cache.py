"""Keep the paradox radar between requests until the data behind it changes.

The radar ranks every visible customer, so it costs time in proportion to the portfolio
(seconds for 10,000 accounts). It only changes when accounts, conversations, commitments,
opportunities or plans change, or when the day changes. The cache key holds a fingerprint of
those tables (row counts and latest change, over the accounts the user sees), so an edit is
visible on the next page load; a fingerprint costs a few aggregate queries.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.db.models import Count, Max
from django.utils import timezone

from confiance.accounts.permissions import visible_accounts
from confiance.deals.models import FollowUpPlan, Opportunity, PlanStep
from confiance.interactions.models import Interaction
from confiance.ledger.models import Commitment

TIMEOUT_SECONDS = 6 * 60 * 60


def fingerprint(user) -> str:
    """Counts and latest changes of everything the radar reads, for ``user``'s accounts."""
    visible = visible_accounts(user).values("pk")
    parts: list[object] = [
        tuple(visible_accounts(user).aggregate(n=Count("pk"), at=Max("updated_at")).values())
    ]
    for model, path in (
        (Interaction, "account"),
        (Commitment, "account"),
        (Opportunity, "account"),
        (FollowUpPlan, "opportunity__account"),
    ):
        stats = model.objects.filter(**{f"{path}__in": visible}).aggregate(
            n=Count("pk"), at=Max("updated_at")
        )
        parts.append(tuple(stats.values()))
    steps = PlanStep.objects.filter(plan__opportunity__account__in=visible).aggregate(
        n=Count("pk"), done=Count("done_on")
    )
    parts.append(tuple(steps.values()))
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:24]


def cached_radar(user, lang: str):
    """``confiance.insights.radar.radar(user, lang=lang)``, reused while nothing changed."""
    from confiance.insights.radar import radar

    key = f"confiance:radar:{user.pk}:{lang}:{timezone.localdate()}:{fingerprint(user)}"
    found = cache.get(key)
    if found is None:
        found = radar(user, lang=lang)
        cache.set(key, found, TIMEOUT_SECONDS)
    return found
