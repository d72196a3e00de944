"""Keep the paradox radar between requests until the data behind it changes.

The radar ranks every visible customer, so it costs time in proportion to the portfolio
(seconds for 10,000 accounts). It only changes when accounts, conversations, commitments,
topics, opportunities or plans change, or when the day changes. The cache key holds a
fingerprint of those tables (row counts and latest change, over the accounts the user sees)
and the user's language and time zone, so an edit is
visible on the next page load; a fingerprint costs a few aggregate queries. The lists are
stored in chunks so that showing one page reads one chunk, not the whole radar.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.utils import timezone

from confiance.accounts.models import Topic
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
        (Topic, "account"),
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


CHUNK = 200  # entries per cache entry: a page of the radar unpickles one chunk, not 10,000 rows


def radar_pages(
    user, lang: str, pages: dict[str, object], per_page: int, *, only: set[int] | None = None
) -> dict:
    """One page of each radar list ("customers", "prospects"), as Django ``Page`` objects.

    ``pages`` maps each list to the requested page number (any text; out-of-range numbers
    give the nearest page, as ``Paginator.get_page`` does). ``only``: keep the entries of
    these account ids (one seller's accounts, say), ranks unchanged. Returns ``as_of`` and
    the pages.
    """
    zone = timezone.get_current_timezone_name()
    key = f"confiance:radar:{user.pk}:{lang}:{zone}:{timezone.localdate()}:{fingerprint(user)}"
    meta = cache.get(key)
    if only is not None:
        lists = _whole(key, meta) if meta is not None else None
        if lists is None:
            meta = _compute(user, lang, key)
            lists = meta["lists"]
        result = {"as_of": meta["as_of"]}
        for which, number in pages.items():
            kept = [entry for entry in lists[which] if entry.account_id in only]
            result[which] = Paginator(kept, per_page).get_page(number)
        return result
    if meta is not None:
        result = _pages(key, meta, pages, per_page)
        if result is not None:
            return result
    meta = _compute(user, lang, key)
    return _pages(key, meta, pages, per_page, computed=meta)


def _pages(key: str, meta: dict, pages: dict, per_page: int, computed: dict | None = None):
    result = {"as_of": meta["as_of"]}
    for which, number in pages.items():
        page = Paginator(range(meta["counts"][which]), per_page).get_page(number)
        start = (page.number - 1) * per_page
        stop = start + len(page.object_list)
        if computed is not None:
            rows = computed["lists"][which][start:stop]
        else:
            rows = _slice(key, which, start, stop)
            if rows is None:  # a chunk was evicted on its own: compute again
                return None
        page.object_list = rows
        result[which] = page
    return result


def _whole(key: str, meta: dict) -> dict[str, list] | None:
    """Both lists in full from their chunks (None when one was evicted)."""
    lists = {}
    for which, count in meta["counts"].items():
        rows = _slice(key, which, 0, count)
        if rows is None:
            return None
        lists[which] = rows
    return lists


def _slice(key: str, which: str, start: int, stop: int) -> list | None:
    if stop <= start:
        return []
    first, last = start // CHUNK, (stop - 1) // CHUNK
    keys = [f"{key}:{which}:{n}" for n in range(first, last + 1)]
    found = cache.get_many(keys)
    if len(found) != len(keys):
        return None
    rows = [row for k in keys for row in found[k]]
    return rows[start - first * CHUNK : stop - first * CHUNK]


def _compute(user, lang: str, key: str) -> dict:
    from confiance.insights.radar import radar

    found = radar(user, lang=lang)
    lists = {"customers": found.customers, "prospects": found.prospects}
    cache.set_many(
        {
            f"{key}:{which}:{n // CHUNK}": rows[n : n + CHUNK]
            for which, rows in lists.items()
            for n in range(0, len(rows), CHUNK)
        },
        TIMEOUT_SECONDS,
    )
    meta = {"as_of": found.as_of, "counts": {which: len(rows) for which, rows in lists.items()}}
    cache.set(key, meta, TIMEOUT_SECONDS)
    return {**meta, "lists": lists}
