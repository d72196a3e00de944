"""Benchmark: time to first byte of ``GET /api/v1/export``, streamed, against writing it first.

Run by ``make bench`` (or ``python bench/bench_export.py [--accounts N] [--rounds R]``).
Builds a team on a throwaway SQLite database with ``bench_insights.build`` (N accounts with
about 100 interactions and 20 commitments each, 3 opportunities and 1-2 topics), then starts
two gunicorn servers (one sync worker each, loopback) on it:

- ours: the application as shipped, which streams the export as it reads it;
- peer: the same application with the endpoint as it was before (``_export_before.py``):
  the whole export written into a temporary file by ``export_team``, then sent.

Rounds alternate the order of the two. For each it prints the time to the first byte of the
body, to the first record, and to the last byte, the size, and the peak memory (VmHWM) of
the worker; it checks that both bodies are the same bytes. The workers get ``--timeout 600``
because a sync worker is killed after ``--timeout`` seconds (30 by default) on any request,
streamed or not.
"""

from __future__ import annotations

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from bench_api import HOST, free_port, server_env, start_server  # noqa: E402

SEED = r"""
import sys, django
sys.path.insert(0, {bench!r})
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0, interactive=False)
from bench_insights import build
from confiance.api.tokens import create_token
manager = build({accounts}, batch=5000, log=lambda text: print(text, file=sys.stderr))
print(create_token(manager, "read", "bench").secret)
"""


def seed(env: dict[str, str], accounts: int) -> str:
    code = SEED.format(bench=str(BENCH), accounts=accounts)
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True
    )
    return done.stdout.strip().splitlines()[-1]


def start(env: dict[str, str], app: str, port: int) -> subprocess.Popen:
    # --timeout: the peer writes the whole file before its first byte.
    return start_server(env, port, app, "--pythonpath", str(BENCH), "--timeout", "600")


def worker_peak_mb(server: subprocess.Popen) -> float:
    """The highest resident memory of the server's worker so far (Linux's VmHWM)."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    peaks = []
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peaks.append(int(line.split()[1]) / 1024)
    return max(peaks, default=float("nan"))


def warm_up(port: int, token: str) -> None:
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    for path in ("/api/v1/me", "/api/v1/accounts?limit=1"):
        connection.request("GET", path, headers={"Authorization": f"Bearer {token}"})
        connection.getresponse().read()
    connection.close()


def fetch(port: int, token: str) -> tuple[float, float, float, bytes]:
    """GET the export; return seconds to the first body byte, to the first record, to the
    end, and the body."""
    connection = http.client.HTTPConnection(HOST, port, timeout=600)
    started = time.perf_counter()
    connection.request("GET", "/api/v1/export", headers={"Authorization": f"Bearer {token}"})
    response = connection.getresponse()
    if response.status != 200:
        raise SystemExit(f"export: {response.status} {response.read()[:200]!r}")
    first = response.read1(65536)
    first_byte = time.perf_counter() - started
    parts = [first]
    while b"{" not in first:
        first = response.read1(65536)
        parts.append(first)
    first_record = time.perf_counter() - started
    parts.append(response.read())
    total = time.perf_counter() - started
    connection.close()
    return first_byte, first_record, total, b"".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=300, help="team size (default 300)")
    parser.add_argument("--rounds", type=int, default=3, help="exports per server (default 3)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="confiance-bench-export-") as folder:
        env = server_env(folder)
        started = time.perf_counter()
        token = seed(env, args.accounts)
        print(f"seeded {args.accounts} accounts in {time.perf_counter() - started:.0f} s")
        ports = {"ours (streamed)": free_port(), "peer (written first)": free_port()}
        apps = {"ours (streamed)": "confiance.wsgi:application"}
        apps["peer (written first)"] = "_export_before:application"
        servers = {name: start(env, apps[name], port) for name, port in ports.items()}
        figures: dict[str, list[tuple[float, float, float]]] = {name: [] for name in ports}
        bodies: dict[str, bytes] = {}
        try:
            for port in ports.values():  # warm-up: the first request loads the API's modules
                warm_up(port, token)
            for round_ in range(args.rounds):
                order = list(ports) if round_ % 2 == 0 else list(reversed(ports))
                for name in order:
                    *times, body = fetch(ports[name], token)
                    figures[name].append(tuple(times))
                    if bodies.setdefault(name, body) != body:
                        raise SystemExit(f"{name}: the export changed between rounds")
            peaks = {name: worker_peak_mb(server) for name, server in servers.items()}
        finally:
            for server in servers.values():
                server.terminate()
                server.wait(timeout=10)
    return report(figures, bodies, peaks)


def report(figures, bodies, peaks) -> int:
    ours, peer = figures
    same = bodies[ours] == bodies[peer]
    size = len(bodies[ours]) / 1e6
    print(f"export: {size:.1f} MB; both bodies the same bytes: {'yes' if same else 'NO'}")
    print(f"{'medians':<22}{'first byte':>12}{'first record':>14}{'last byte':>11}{'peak RSS':>10}")
    medians = {}
    for name, rows in figures.items():
        medians[name] = [statistics.median(column) for column in zip(*rows, strict=True)]
        first_byte, first_record, total = medians[name]
        print(
            f"{name:<22}{first_byte * 1000:>10.0f}ms{first_record * 1000:>12.0f}ms"
            f"{total:>10.1f}s{peaks[name]:>8.0f}MB"
        )
    print(
        f"ratio ours/peer: first byte x{medians[ours][0] / medians[peer][0]:.4f}, "
        f"first record x{medians[ours][1] / medians[peer][1]:.4f}, "
        f"last byte x{medians[ours][2] / medians[peer][2]:.2f}"
    )
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    print(f"machine: {os.cpu_count()} CPUs, load average {load}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
