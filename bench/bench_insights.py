"""Benchmark: every scorecard and the full radar on a large synthetic portfolio.

Builds 10,000 accounts, 1,000,000 interactions and 200,000 commitments (bulk_create in
batches; progress is printed), then times, on SQLite and on a throwaway PostgreSQL cluster:

- ``scorecards(manager)``: every scorecard with its twelve-month trend;
- ``radar(manager)``: every customer ranked, every prospect with its references;

against two named peers measured in the same run on the same data:

- a plain ``SELECT COUNT(*)`` over the three big tables (the floor: reading them once);
- the naive per-account loop (``scorecard(manager, account)`` one account at a time) on a
  200-account sample, extrapolated to the whole portfolio.

Usage: ``python bench/bench_insights.py [--accounts N] [--only sqlite|postgres]``.
Target: under 30 s for each service on each database. Wall time is the figure that counts;
"our CPU" is the benchmark process's own CPU time (with SQLite it includes the database work,
with PostgreSQL the server's share is not in it), shown because other work on the machine
inflates wall time: the load average is printed with the results.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "src"))

BATCH = 5_000
SAMPLE = 200
TARGET_SECONDS = 30


def child(accounts: int) -> None:
    """Runs inside a process whose DATABASE_URL is set: build, measure, print JSON."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "confiance.settings")
    os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-0123456789-abcdefghijklmnop")
    os.environ["DEBUG"] = "0"  # no query log growing with a million inserts
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    manager = build(
        accounts, batch=BATCH, log=lambda text: print(text, file=sys.stderr, flush=True)
    )
    print(json.dumps(measure(manager)), flush=True)


INDUSTRIES = [
    "Logistics", "Retail", "Banking", "Insurance", "Energy", "Health", "Pharma", "Telecom",
    "Media", "Construction", "Automotive", "Aerospace", "Food", "Chemicals", "Education",
    "Public sector", "Software", "Hospitality", "Transport", "Utilities", "Agriculture",
    "Textile", "Luxury", "Real estate", "Consulting",
]  # fmt: skip
TOPICS = [
    "Pricing model", "Data migration", "Warehouse integration", "Support hours", "Security review",
    "Contract length", "Training plan", "Hosting", "Reporting", "Mobile access", "Rollout plan",
    "Service levels", "Invoicing", "Single sign-on", "Customisation", "Analytics",
]  # fmt: skip
SIZES = ["1-9", "10-49", "50-249", "250-999", "1000+"]
COUNTRIES = ["FR", "BE", "CH", "CA", "GB", "US", "DE"]


def _batched(items, size):
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def build(n_accounts: int, *, batch: int, log):
    """A team of 20 sellers and a manager; n accounts; 100 interactions and 20 commitments each
    on average; 3 opportunities and 1–2 topics each. Returns the manager."""
    import datetime as dt
    from decimal import Decimal

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from confiance.accounts.models import Account, Topic
    from confiance.deals.models import Opportunity
    from confiance.interactions.models import Interaction
    from confiance.ledger.models import Commitment
    from confiance.users.models import Membership, Role, Team

    rng = random.Random(42)
    started = time.perf_counter()
    user_model = get_user_model()
    team = Team.objects.create(name="Bench")
    sellers = user_model.objects.bulk_create(user_model(username=f"seller{i}") for i in range(20))
    manager = user_model.objects.create(username="manager")
    Membership.objects.bulk_create(
        [Membership(user=u, team=team, role=Role.SELLER) for u in sellers]
        + [Membership(user=manager, team=team, role=Role.MANAGER)]
    )
    now = timezone.now()
    today = timezone.localdate()

    def account_rows():
        for i in range(n_accounts):
            kind = rng.choices(["customer", "prospect", "former_customer"], [70, 25, 5])[0]
            yield Account(
                name=f"Account {i:05d}",
                kind=kind,
                owner=sellers[i % len(sellers)],
                team=team,
                industry=rng.choice(INDUSTRIES),
                size_band=rng.choice(SIZES),
                language=rng.choice(["fr", "en"]),
                country=rng.choice(COUNTRIES),
                annual_value=Decimal(round(rng.lognormvariate(10, 1.2)))
                if kind != "prospect"
                else 0,
                customer_since=today - dt.timedelta(days=rng.randint(200, 3000))
                if kind != "prospect"
                else None,
            )

    ids = []
    for chunk in _batched(account_rows(), batch):
        ids += [a.pk for a in Account.objects.bulk_create(chunk)]
    log(f"  {len(ids):,} accounts ({time.perf_counter() - started:.0f} s)")

    per_account = [rng.randint(20, 180) for _ in ids]
    scale = 100 * len(ids) / sum(per_account)
    kinds = ["meeting", "call", "email", "note", "prep_note"]

    def interaction_rows():
        for account_id, count in zip(ids, per_account, strict=True):
            silent = rng.expovariate(1 / 25)
            for _ in range(round(count * scale)):
                back = silent + rng.random() * 1095
                tone = round(rng.uniform(-0.6, 0.8), 2) if rng.random() < 0.6 else None
                analysis = None
                if tone is not None and rng.random() < 0.15:
                    found = rng.choices(["ultimatum", "us_versus_them", "blame"], [2, 2, 6])[0]
                    analysis = {
                        "lang": "en", "tone": tone, "moves": [], "commitments": [],
                        "speakers": [], "segments": [],
                        "findings": [{"category": found, "start": 0, "end": 4, "text": "this",
                                      "severity": 2, "rule": f"en.{found}.x"}],
                    }  # fmt: skip
                yield Interaction(
                    account_id=account_id,
                    kind=rng.choices(kinds, [30, 30, 25, 10, 5])[0],
                    occurred_at=now - dt.timedelta(days=back),
                    tone=tone,
                    analysis=analysis,
                )

    total = 0
    for chunk in _batched(interaction_rows(), batch):
        Interaction.objects.bulk_create(chunk)
        total += len(chunk)
        if total % 100_000 < batch:
            log(f"  {total:,} interactions ({time.perf_counter() - started:.0f} s)")
    log(f"  {total:,} interactions in all ({time.perf_counter() - started:.0f} s)")

    def commitment_rows():
        for account_id in ids:
            for _ in range(20):
                due = today + dt.timedelta(days=rng.randint(-700, 60))
                kind = rng.choices(
                    ["deliverable", "investment", "risk", "concession", "information"],
                    [40, 15, 10, 15, 20],
                )[0]
                status = "open"
                resolved = None
                if due < today:
                    status = rng.choices(
                        ["kept", "kept_late", "broken", "open", "withdrawn"], [60, 15, 10, 10, 5]
                    )[0]
                if status != "open":
                    late = rng.randint(1, 30) if status == "kept_late" else 0
                    resolved = min(today, due + dt.timedelta(days=late))
                value = (
                    Decimal(rng.randint(500, 50_000))
                    if kind in ("investment", "risk", "concession")
                    else None
                )
                yield Commitment(
                    account_id=account_id,
                    party=rng.choice(["ours", "theirs"]),
                    kind=kind,
                    description="Synthetic commitment",
                    value_amount=value,
                    due_date=due,
                    status=status,
                    resolved_at=resolved,
                )

    total = 0
    for chunk in _batched(commitment_rows(), batch):
        Commitment.objects.bulk_create(chunk)
        total += len(chunk)
    log(f"  {total:,} commitments ({time.perf_counter() - started:.0f} s)")

    def opportunity_rows():
        for account_id in ids:
            for _ in range(3):
                outcome = rng.choices(["won", "lost", "open"], [40, 30, 30])[0]
                decided = (
                    today - dt.timedelta(days=rng.randint(1, 700)) if outcome != "open" else None
                )
                yield Opportunity(
                    account_id=account_id,
                    title="Synthetic deal",
                    amount=Decimal(rng.randint(2_000, 400_000)),
                    outcome=outcome,
                    stage="closed" if decided else "proposal",
                    decided_at=decided,
                    loss_reason=rng.choice(["price", "competitor", "timing"])
                    if outcome == "lost"
                    else "",
                    discount_pct=Decimal(rng.randint(0, 25)) if outcome == "won" else None,
                )

    for chunk in _batched(opportunity_rows(), batch):
        Opportunity.objects.bulk_create(chunk)
    topics = (
        Topic(account_id=account_id, title=title)
        for account_id in ids
        for title in rng.sample(TOPICS, rng.randint(1, 2))
    )
    for chunk in _batched(topics, batch):
        Topic.objects.bulk_create(chunk)
    log(f"  opportunities and topics ({time.perf_counter() - started:.0f} s)")
    return manager


def measure(manager) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from confiance.accounts.models import Account
    from confiance.insights.radar import radar
    from confiance.insights.scorecard import scorecard, scorecards

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    out: dict = {"vendor": connection.vendor}

    def timed(label: str, fn) -> None:
        with CaptureQueriesContext(connection) as queries:
            start, cpu = time.perf_counter(), time.process_time()
            result = fn()
            out[label] = time.perf_counter() - start
            out[label + "_cpu"] = time.process_time() - cpu
        out[label + "_queries"] = len(queries)
        print(
            f"  {label}: {out[label]:.2f} s ({out[label + '_cpu']:.2f} s CPU), {len(queries)} queries",
            file=sys.stderr,
            flush=True,
        )
        return result

    cards = timed("scorecards", lambda: scorecards(manager))
    out["scored"] = sum(c.overall is not None for c in cards)
    out["accounts"] = len(cards)
    result = timed("radar", lambda: radar(manager))
    out["radar_customers"] = len(result.customers)
    out["radar_prospects"] = len(result.prospects)

    def count_scan() -> None:
        with connection.cursor() as cursor:
            for table in ("interactions_interaction", "ledger_commitment", "deals_opportunity"):
                cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 - fixed names
                cursor.fetchone()

    timed("count_scan", count_scan)
    sample = list(Account.objects.order_by("?").values_list("pk", flat=True)[:SAMPLE])
    timed("naive_sample", lambda: [scorecard(manager, pk) for pk in sample])
    out["naive_extrapolated"] = out["naive_sample"] * len(cards) / len(sample)
    out["load"] = os.getloadavg()[0]
    return out


def run_backend(name: str, url: str, accounts: int) -> dict:
    print(f"\n== {name}: building {accounts:,} accounts (progress on stderr)", flush=True)
    env = {**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(  # noqa: S603 - our own script
        [sys.executable, __file__, "--child", "--accounts", str(accounts)],
        env=env,
        capture_output=False,
        stdout=subprocess.PIPE,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if done.returncode != 0:
        raise SystemExit(f"{name}: the benchmark process failed ({done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(name: str, r: dict) -> bool:
    print(f"\n{name} ({r['accounts']:,} accounts, {r['scored']:,} with an overall score)")
    rows = [
        ("every scorecard + trend", "scorecards", r["scorecards_queries"]),
        ("full radar", "radar", r["radar_queries"]),
        ("peer: SELECT COUNT(*) x 3 tables", "count_scan", r["count_scan_queries"]),
        (f"peer: naive per-account loop ({SAMPLE} sampled, x{r['accounts'] / SAMPLE:g})", "naive_sample", None),
    ]  # fmt: skip
    factor = r["accounts"] / SAMPLE
    print(f"  {'':<58} {'wall':>10} {'our CPU':>10}")
    for label, key, queries in rows:
        scale = factor if key == "naive_sample" else 1
        suffix = f"  ({queries} queries)" if queries is not None else ""
        print(f"  {label:<58} {r[key] * scale:8.2f} s {r[key + '_cpu'] * scale:8.2f} s{suffix}")
    print(
        f"  ratio scorecards / COUNT(*) scan: {r['scorecards'] / r['count_scan']:.1f}x; "
        f"naive loop / scorecards: {r['naive_extrapolated'] / r['scorecards']:.1f}x"
    )
    print(f"  machine load average (1 min) at the end: {r['load']:.1f} on {os.cpu_count()} cores")
    ok = r["scorecards"] < TARGET_SECONDS and r["radar"] < TARGET_SECONDS
    print(f"  target < {TARGET_SECONDS} s each: {'met' if ok else 'MISSED'}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=10_000)
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.accounts)
        return 0
    random.seed(7)
    results = {}
    if args.only in (None, "sqlite"):
        with tempfile.TemporaryDirectory(prefix="confiance-bench-") as tmp:
            url = f"sqlite:///{tmp}/bench.sqlite3"
            results["SQLite"] = run_backend("SQLite", url, args.accounts)
    if args.only in (None, "postgres"):
        from pgcluster import throwaway_cluster

        with throwaway_cluster() as url:
            results["PostgreSQL"] = run_backend("PostgreSQL", url, args.accounts)
    ok = all([report(name, r) for name, r in results.items()])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
