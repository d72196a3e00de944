"""Run every benchmark in ``bench/`` (``bench_*.py``), each in its own process.

Each benchmark prints its own figures and ratios against a named peer measured in the same
run. ``python scripts/bench.py coach`` runs only the benchmarks whose name contains "coach".
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(filters: list[str]) -> int:
    scripts = sorted((ROOT / "bench").glob("bench_*.py"))
    if filters:
        scripts = [s for s in scripts if any(f in s.stem for f in filters)]
    if not scripts:
        print("no benchmark matched", file=sys.stderr)
        return 2
    failed = []
    for script in scripts:
        print(f"\n##### {script.stem}", flush=True)
        result = subprocess.run([sys.executable, str(script)], cwd=ROOT, check=False)  # noqa: S603
        if result.returncode != 0:
            failed.append(script.stem)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
