"""API benchmark: POST /api/v1/coach with a 200-word note in under 50 ms at p99, one worker.

Run by ``make bench`` (or ``python bench/bench_api.py [--requests N] [--seconds S]``).
Starts the app under gunicorn (one sync worker, loopback, a free port) on a throwaway SQLite
database seeded with a small portfolio and a read-write token, then drives it from this
process with ``http.client`` (keep-alive where the server allows it; gunicorn's sync worker
closes after each response, so the client reconnects, as real clients of such a deployment
do). Three targets, interleaved in rounds so that other load on the machine hits them alike:
the coach endpoint, a read endpoint (``GET /api/v1/accounts?limit=50``) and the peer, the
health check ``GET /healthz``: the floor of the stack (WSGI, Django, one SELECT 1). Prints
requests per second, p50 and p99 for each and the ratios against the peer.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_P99_MS = 50.0
HOST = "127.0.0.1"

# A typical prep note of about 200 words, with the framings the coach looks for.
NOTE = (
    "Prep for Thursday's renewal meeting with Northwind. Honestly, they just don't get it: "
    "procurement keeps saying we are too expensive and they are trying to take advantage of "
    "us because the contract ends in March. We have to stand firm on the price this time. "
    "Claire, their CFO, wants a 15% discount, but last year we already gave them two months "
    "of free support and extra training days. Paul from IT is happy with the platform and "
    "says the migration would be a nightmare for his team. The competitor offer looks cheaper "
    "on paper, but I doubt it covers the same scope, the same service levels or the same "
    "support hours. Could you help me understand what the new head of operations really cares "
    "about? I will send the usage report by Friday and propose a joint review of the contract "
    "terms. We should ask them what matters most to them in this decision and why, explain "
    "our own position on price and what it pays for, and look for a way forward together. "
    "If there is no deal that works for both sides, we can say so openly and keep the "
    "relationship. Thanks to Marc for the numbers."
)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def server_env(folder: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "confiance.settings",
        "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3",
        "SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789",
        "DEBUG": "0",
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": HOST,
        "LOG_LEVEL": "ERROR",
        # The benchmark sends far more than a person would; the limit is not what is measured.
        "CONFIANCE_API_RATE_LIMIT": "0/min",
        "PYTHONPATH": str(ROOT / "src"),
    }


SEED = r"""
import datetime as dt, django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0, interactive=False)
from django.contrib.auth import get_user_model
from django.utils import timezone
from confiance.accounts.models import Account, Contact
from confiance.api.tokens import create_token
from confiance.interactions.models import Interaction
from confiance.ledger.models import Commitment
from confiance.users.models import Membership, Team
team = Team.objects.create(name="Bench")
user = get_user_model().objects.create_user("bench", password="bench-password-0123")
Membership.objects.create(user=user, team=team, role="seller")
now = timezone.now()
for i in range(40):
    account = Account.objects.create(
        name=f"Account {i:03d}", kind="customer" if i % 3 else "prospect", owner=user,
        team=team, annual_value=10000 + 1000 * i)
    for j in range(3):
        Contact.objects.create(account=account, name=f"Contact {i}-{j}")
    for j in range(5):
        Interaction.objects.create(account=account, kind="meeting",
            occurred_at=now - dt.timedelta(days=7 * j + i), title=f"Meeting {j}")
    for j in range(4):
        Commitment.objects.create(account=account, party="ours" if j % 2 else "theirs",
            kind="deliverable", description=f"Promise {j}",
            due_date=timezone.localdate() + dt.timedelta(days=j * 5 - 6))
print(create_token(user, "write", "bench").secret)
"""


def seed(env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-c", SEED], env=env, check=True, capture_output=True, text=True
    )
    return done.stdout.strip().splitlines()[-1]


def start_server(
    env: dict[str, str], port: int, app: str = "confiance.wsgi:application", *extra: str
) -> subprocess.Popen:
    """One sync gunicorn worker serving ``app`` on loopback, returned once it listens."""
    command = [
        sys.executable, "-m", "gunicorn", app,
        "--workers", "1", "--worker-class", "sync", "--bind", f"{HOST}:{port}",
        "--log-level", "warning", *extra,
    ]  # fmt: skip
    server = subprocess.Popen(command, env=env, cwd=ROOT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=0.2):
                return server
        except OSError:
            if server.poll() is not None:
                raise SystemExit(f"gunicorn ({app}) did not start") from None
            time.sleep(0.1)
    server.terminate()
    raise SystemExit(f"gunicorn ({app}) did not listen within 30 s")


class Client:
    """One keep-alive connection that reopens when the server closes it."""

    def __init__(self, port: int, token: str) -> None:
        self.connection = http.client.HTTPConnection(HOST, port, timeout=10)
        self.auth = {"Authorization": f"Bearer {token}"}

    def request(self, method: str, path: str, body: bytes | None = None) -> float:
        """Send one request; return its latency in seconds (raise on a non-2xx answer)."""
        headers = dict(self.auth)
        if body is not None:
            headers["Content-Type"] = "application/json"
        started = time.perf_counter()
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        payload = response.read()
        elapsed = time.perf_counter() - started
        if response.status >= 300:
            raise SystemExit(f"{method} {path}: {response.status} {payload[:200]!r}")
        if response.will_close:
            self.connection.close()
        return elapsed


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def run(port: int, token: str, requests: int, seconds: float) -> dict[str, list[float]]:
    client = Client(port, token)
    coach_body = json.dumps({"text": NOTE}).encode()
    targets = {
        "POST /api/v1/coach": ("POST", "/api/v1/coach", coach_body),
        "GET /api/v1/accounts": ("GET", "/api/v1/accounts?limit=50", None),
        "GET /healthz (peer)": ("GET", "/healthz", None),
    }
    for method, path, body in targets.values():  # warm-up: imports, caches, lexicons
        for _ in range(20):
            client.request(method, path, body)
    timings: dict[str, list[float]] = {name: [] for name in targets}
    rounds, batch = max(1, requests // 50), 50
    deadline = time.monotonic() + seconds
    for _ in range(rounds):
        for name, (method, path, body) in targets.items():
            timings[name] += [client.request(method, path, body) for _ in range(batch)]
        if time.monotonic() > deadline:
            break
    return timings


def report(timings: dict[str, list[float]]) -> bool:
    peer = timings["GET /healthz (peer)"]
    peer_p50 = statistics.median(peer)
    print(f"{'target':<24}{'requests':>9}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'p50/peer':>10}")
    for name, values in timings.items():
        rate = len(values) / sum(values)
        p50, p99 = statistics.median(values) * 1000, percentile(values, 99) * 1000
        ratio = statistics.median(values) / peer_p50
        print(f"{name:<24}{len(values):>9}{rate:>9.0f}{p50:>9.2f}{p99:>9.2f}{ratio:>9.1f}x")
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    print(f"machine: {os.cpu_count()} CPUs, load average {load} (latency counts wall time)")
    coach_p99 = percentile(timings["POST /api/v1/coach"], 99) * 1000
    met = coach_p99 < TARGET_P99_MS
    verdict = "met" if met else "MISSED"
    print(
        f"coach p99 {coach_p99:.1f} ms for a {len(NOTE.split())}-word note, one sync worker: "
        f"target < {TARGET_P99_MS:.0f} ms {verdict}"
    )
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1000, help="per target (default 1000)")
    parser.add_argument("--seconds", type=float, default=60.0, help="time bound (default 60)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="confiance-bench-api-") as folder:
        env = server_env(folder)
        token = seed(env)
        port = free_port()
        server = start_server(env, port)
        try:
            timings = run(port, token, args.requests, args.seconds)
        finally:
            server.terminate()
            server.wait(timeout=10)
    return 0 if report(timings) else 1


if __name__ == "__main__":
    sys.exit(main())
