"""Import a 50,000-message mbox with coach analysis into a fresh SQLite database.

Prints the time and peak memory (RSS) of ``confiance.imports.services.import_file`` on the
archive written by scripts/make_mbox.py, and of a named peer measured in the same run:
Python's stdlib ``mailbox.mbox`` merely iterating over the same file and parsing each
message (no text extraction, no analysis, no database). Each side runs in its own process
so that peak memory is its own. Target: under 2 minutes and 500 MB.

    python bench/bench_import.py [--messages 50000]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 120
TARGET_MB = 500


def _peak_mb(workers: int = 0) -> float:
    """Peak RSS of this process plus, at worst, every worker at its own peak at once."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest worker
    return (own + workers * child) / 1024  # kB on Linux


def _cpu_seconds() -> float:
    """CPU time of this process and its children: tells a busy machine from slow code."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def peer(path: Path) -> dict:
    """stdlib mailbox: iterate and parse every message."""
    import mailbox

    start = time.perf_counter()
    cpu = _cpu_seconds()
    count = 0
    box = mailbox.mbox(str(path), create=False)
    for message in box:
        message.get("Subject")
        count += 1
    return {
        "seconds": time.perf_counter() - start,
        "cpu": _cpu_seconds() - cpu,
        "peak_mb": _peak_mb(),
        "count": count,
    }


def ours(path: Path, database: Path) -> dict:
    """Migrate a fresh database, create the people, import the archive with analysis."""
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-0123456789abcdefghijklmnop")
    os.environ["DEBUG"] = "0"
    os.environ["DJANGO_SETTINGS_MODULE"] = "confiance.settings"
    sys.path.insert(0, str(ROOT / "scripts"))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from make_mbox import roster

    from confiance.accounts.models import Account, AccountKind, Contact
    from confiance.imports.services import PARALLEL_MIN_BYTES, import_file
    from confiance.interactions.models import Interaction
    from confiance.users.models import Membership, Role, Team

    call_command("migrate", verbosity=0)
    team = Team.objects.create(name="Bench")
    users = {}
    for person in roster():
        if not person.company:
            first, last = person.name.split(" ", 1)
            user = get_user_model().objects.create_user(
                username=first.lower(), email=person.address, first_name=first, last_name=last
            )
            Membership.objects.create(user=user, team=team, role=Role.ADMIN)
            users[person.address] = user
    owner = next(iter(users.values()))
    accounts = {}
    for person in roster():
        if person.company:
            if person.company not in accounts:
                accounts[person.company] = Account.objects.create(
                    name=person.company, kind=AccountKind.CUSTOMER, owner=owner, team=team
                )
            Contact.objects.create(
                account=accounts[person.company], name=person.name, email=person.address
            )
    start = time.perf_counter()
    cpu = _cpu_seconds()
    workers = min(2, os.cpu_count() or 1) if path.stat().st_size > PARALLEL_MIN_BYTES else 0
    report = import_file(path, user=owner)
    seconds = time.perf_counter() - start
    cpu = _cpu_seconds() - cpu
    analysed = Interaction.objects.filter(analysis__isnull=False).count()
    return {
        "seconds": seconds,
        "cpu": cpu,
        "peak_mb": _peak_mb(workers),
        "workers": workers,
        "count": report.created["email"],
        "analysed": analysed,
        "error": report.error,
        "summary": report.summary(),
    }


def _child(phase: str, path: Path, database: Path) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--phase", phase, str(path), str(database)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"{phase} failed")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=50_000)
    parser.add_argument("--phase", choices=["peer", "ours"])
    parser.add_argument("args", nargs="*")
    options = parser.parse_args()
    if options.phase:
        path, database = Path(options.args[0]), Path(options.args[1])
        result = peer(path) if options.phase == "peer" else ours(path, database)
        print(json.dumps(result))
        return 0
    sys.path.insert(0, str(ROOT / "scripts"))
    from make_mbox import write_mbox

    with tempfile.TemporaryDirectory(prefix="confiance-bench-") as directory:
        mbox = Path(directory) / "bench.mbox"
        database = Path(directory) / "bench.sqlite3"
        size = write_mbox(mbox, options.messages)
        print(
            f"archive: {options.messages} messages, {size / 1048576:.1f} MB (scripts/make_mbox.py)"
        )
        theirs = _child("peer", mbox, database)
        mine = _child("ours", mbox, database)
    if mine["error"]:
        print(f"import failed: {mine['error']}", file=sys.stderr)
        return 1
    print(
        f"peer  stdlib mailbox.mbox iterate+parse: {theirs['seconds']:7.1f} s "
        f"{theirs['count'] / theirs['seconds']:8.0f} msg/s  cpu {theirs['cpu']:6.1f} s  "
        f"peak {theirs['peak_mb']:6.0f} MB"
    )
    print(
        f"ours  confiance import (parse, split, analyse, store): {mine['seconds']:7.1f} s "
        f"{mine['count'] / mine['seconds']:8.0f} msg/s  cpu {mine['cpu']:6.1f} s  "
        f"peak {mine['peak_mb']:6.0f} MB  "
        f"({mine['analysed']} analysed, {mine['workers']} worker processes)"
    )
    print(
        f"ratio ours/peer: time x{mine['seconds'] / theirs['seconds']:.1f}, "
        f"memory x{mine['peak_mb'] / theirs['peak_mb']:.1f}"
    )
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    ok = mine["seconds"] < TARGET_SECONDS and mine["peak_mb"] < TARGET_MB
    print(
        f"target <{TARGET_SECONDS} s and <{TARGET_MB} MB: {'met' if ok else 'NOT met'} "
        f"({mine['summary']})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
