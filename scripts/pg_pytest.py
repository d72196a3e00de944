"""Run pytest against a throwaway PostgreSQL cluster: ``python scripts/pg_pytest.py tests/ledger``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pgcluster import throwaway_cluster  # noqa: E402

if __name__ == "__main__":
    with throwaway_cluster() as url:
        code = subprocess.run(
            ["pytest", *sys.argv[1:]], env={**os.environ, "DATABASE_URL": url}, check=False
        ).returncode
    sys.exit(code)
