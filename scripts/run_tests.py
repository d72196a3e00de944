"""Run the whole suite: lint, migrations check, pytest on SQLite, then on PostgreSQL.

PostgreSQL runs in a throwaway cluster when its server binaries are present. With CI=true
their absence is a failure, never a silent skip. Extra arguments go to pytest.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pgcluster import ClusterError, find_binaries, throwaway_cluster  # noqa: E402

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def step(title: str, cmd: list[str], env: dict[str, str] | None = None) -> None:
    print(f"\n=== {title}: {' '.join(cmd)}", flush=True)
    result = subprocess.run(cmd, env={**os.environ, **(env or {})}, check=False)  # noqa: S603
    if result.returncode != 0:
        print(f"\n*** {title} failed (exit {result.returncode})", flush=True)
        sys.exit(result.returncode)


def main(pytest_args: list[str]) -> None:
    step("ruff lint", ["ruff", "check", "."])
    step("ruff format", ["ruff", "format", "--check", "."])
    step(
        "missing migrations",
        ["python", "-m", "django", "makemigrations", "--check", "--dry-run"],
        # An in-memory database: a fresh clone has no var/ yet for the history check.
        {
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "PYTHONPATH": ".",
            "DATABASE_URL": "sqlite://:memory:",
        },
    )
    step("pytest on SQLite", ["pytest", *pytest_args], {"DATABASE_URL": ""})
    if find_binaries() is None:
        message = "PostgreSQL server binaries (initdb, pg_ctl) not found"
        if IN_CI:
            print(f"\n*** {message}: required in CI", flush=True)
            sys.exit(1)
        print(f"\n--- {message}: the PostgreSQL run is left out on this machine", flush=True)
        return
    try:
        with throwaway_cluster() as url:
            step("pytest on PostgreSQL", ["pytest", *pytest_args], {"DATABASE_URL": url})
    except ClusterError as exc:
        print(f"\n*** could not start PostgreSQL: {exc}", flush=True)
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1:])
