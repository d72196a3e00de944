"""Web benchmark: the portfolio page of a 10,000-account team, in under 300 ms of server time.

Run by ``make bench`` (or ``python bench/bench_web.py [--accounts N] [--runs N]``).
Builds a throwaway SQLite database (PostgreSQL when DATABASE_URL is set), fills one team with
N accounts (interactions, commitments on both sides, a few "no"s with their plans), then times
requests through Django's test client, in process: the manager's portfolio page ("no"s
waiting, overdue commitments on both sides, upcoming meetings; the paradox radar arrives in
its own request) against a named peer on the same data, Django's own admin change list of
the accounts. Prints the median of N runs (after one warm-up) and the ratio; then the radar
request, cold (computed by confiance.insights.radar) and warm (reused until the data changes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 300.0


def setup(database_dir: str) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{database_dir}/bench.sqlite3")
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "confiance.settings",
            "SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789",
            "SECURE_SSL_REDIRECT": "0",
            "ALLOWED_HOSTS": "testserver",
        }
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def populate(accounts: int) -> tuple:
    """One team: a manager, 10 sellers and ``accounts`` accounts with some history."""
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from confiance.accounts.models import Account
    from confiance.deals.models import Opportunity
    from confiance.deals.services import record_outcome
    from confiance.interactions.models import Interaction
    from confiance.ledger.models import Commitment
    from confiance.users.models import Membership, Team

    User = get_user_model()
    now = timezone.now()
    today = timezone.localdate()
    with transaction.atomic():
        team = Team.objects.create(name="Bench team")
        manager = User.objects.create_user("manager", password="x")  # noqa: S106
        Membership.objects.create(user=manager, team=team, role="manager")
        admin = User.objects.create_superuser("admin", password="x")  # noqa: S106
        sellers = [User.objects.create_user(f"seller{n}", password="x") for n in range(10)]  # noqa: S106
        Membership.objects.bulk_create(
            Membership(user=s, team=team, role="seller") for s in sellers
        )
        rows = Account.objects.bulk_create(
            Account(
                name=f"Account {n:05}",
                kind="customer" if n % 3 else "prospect",
                owner=sellers[n % 10],
                team=team,
                industry=["Retail", "Banking", "Food", "Energy"][n % 4],
                size_band=["10-49", "50-249", "250-999", "1000+"][n % 4],
                annual_value=1000 * (n % 97 + 1),
            )
            for n in range(accounts)
        )
        Interaction.objects.bulk_create(
            Interaction(
                account=a,
                kind=["meeting", "call", "email"][k],
                occurred_at=now - dt.timedelta(days=20 + 37 * k + (a.pk % 60)),
                title=f"Conversation {k}",
                tone=((a.pk + k) % 9 - 4) / 5,
            )
            for a in rows
            for k in range(3)
        )
        Interaction.objects.bulk_create(
            Interaction(
                account=a,
                kind="meeting",
                occurred_at=now + dt.timedelta(days=a.pk % 14 + 1),
                title="Review",
            )
            for a in rows[::50]
        )
        Commitment.objects.bulk_create(
            Commitment(
                account=a,
                party="ours" if a.pk % 2 else "theirs",
                kind="deliverable",
                description=f"Deliverable for {a.name}",
                due_date=today - dt.timedelta(days=a.pk % 30 - 10),
            )
            for a in rows
        )
        for a in rows[::200]:
            opportunity = Opportunity.objects.create(account=a, owner=a.owner, title="Renewal")
            record_outcome(opportunity, "lost", reason="price", decided_at=today, by=manager)
    return manager, admin


def measure(client, url: str, runs: int) -> tuple[float, int]:
    """Median milliseconds of ``runs`` GETs of ``url`` (after a warm-up), and the page size."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    return statistics.median(timings), len(response.content)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup(tmp)
        from django.db import connection
        from django.test import Client

        started = time.perf_counter()
        manager, admin = populate(args.accounts)
        print(
            f"database: {connection.vendor}; {args.accounts:,} accounts loaded "
            f"in {time.perf_counter() - started:.1f} s"
        )
        ours, peer = Client(), Client()
        ours.force_login(manager)
        peer.force_login(admin)
        portfolio_ms, size = measure(ours, "/", args.runs)
        # Django resets its query log when a request starts: read it right after the request.
        connection.force_debug_cursor = True
        ours.get("/")
        queries = len(connection.queries)
        connection.force_debug_cursor = False
        admin_ms, admin_size = measure(peer, "/admin/accounts/account/", args.runs)
        print(
            f"portfolio page (manager, {args.accounts:,} accounts): median {portfolio_ms:.0f} ms "
            f"over {args.runs} runs, {queries} queries, {size / 1024:.0f} KiB"
        )
        print(
            f"peer: Django admin change list of accounts: median {admin_ms:.0f} ms, "
            f"{admin_size / 1024:.0f} KiB"
        )
        print(f"ratio portfolio / admin change list: {portfolio_ms / admin_ms:.2f}")
        from django.core.cache import cache

        cache.clear()
        start = time.perf_counter()
        ours.get("/radar/", HTTP_HX_REQUEST="true")
        cold_ms = (time.perf_counter() - start) * 1000
        warm_ms, _size = measure(ours, "/radar/?radar=2", args.runs)
        print(
            f"radar fragment: cold {cold_ms:.0f} ms (the radar service over every account), "
            f"warm median {warm_ms:.0f} ms (unchanged data)"
        )
        team_ms, _size = measure(ours, "/team/", args.runs)
        print(f"team page (manager, every conversation of six months): median {team_ms:.0f} ms")
        verdict = "PASS" if portfolio_ms < TARGET_MS else "FAIL"
        print(f"{verdict}: target under {TARGET_MS:.0f} ms of server time")
        return 0 if portfolio_ms < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
