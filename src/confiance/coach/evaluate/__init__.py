"""Measure the coach's ``tone`` against VADER on the public development sets (``make eval``).

The evaluation only measures: nothing here trains, tunes or picks thresholds from the data.
Each set is scored by the engine and by VADER's compound score in the same run; the report
gives the figure of each, their difference and a paired bootstrap 95% interval of that
difference (fixed seed, so two runs on the same code give the same report).

    python -m confiance.coach.evaluate --data ../shared/data --out docs/coach-evaluation.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from confiance.coach.evaluate.datasets import (
    LOADERS,
    SOURCES,
    EvalSet,
    load_casino,
    load_hatecheck,
    load_receptiveness,
    load_sets,
    load_tydip_en,
    load_tydip_fr,
)
from confiance.coach.evaluate.metrics import (
    BOOTSTRAP_ROUNDS,
    SEED,
    bootstrap_difference,
    midranks,
    pearson,
    quantile,
    roc_auc,
    spearman,
)
from confiance.coach.evaluate.report import hatecheck_rows, print_table, render_markdown
from confiance.coach.evaluate.runner import SetResult, engine_version, evaluate_set

__all__ = [
    "LOADERS",
    "SEED",
    "SOURCES",
    "EvalSet",
    "SetResult",
    "bootstrap_difference",
    "evaluate_set",
    "hatecheck_rows",
    "load_casino",
    "load_hatecheck",
    "load_receptiveness",
    "load_sets",
    "load_tydip_en",
    "load_tydip_fr",
    "main",
    "midranks",
    "pearson",
    "quantile",
    "roc_auc",
    "spearman",
]


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=None, help="write the Markdown report here")
    parser.add_argument("--limit", type=int, default=0, help="at most N texts per set (quick run)")
    parser.add_argument("--rounds", type=int, default=BOOTSTRAP_ROUNDS, help="bootstrap resamples")
    parser.add_argument("--only", action="append", default=[], choices=sorted(LOADERS))
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(
            f"error: data directory {args.data} not found (expected the five files listed in "
            "../shared/data/README.md)",
            file=sys.stderr,
        )
        return 2
    sets, missing = load_sets(args.data, args.only)
    for name in missing:
        print(f"warning: {args.data / name} not found, set skipped", file=sys.stderr)
    if not sets:
        print(f"error: no evaluation file found in {args.data}", file=sys.stderr)
        return 2
    if args.limit > 0:
        sets = [s.subset(args.limit) for s in sets]
    results = []
    for dataset in sets:
        print(f"evaluating {dataset.key} ({len(dataset.texts)} texts)…", file=sys.stderr)
        results.append(evaluate_set(dataset, args.rounds))
    print_table(results)
    if args.out is not None:
        from importlib.metadata import version

        meta = {
            "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "version": engine_version(Path(__file__).resolve().parents[4]),
            "data": str(args.data),
            "limit": f" (limited to {args.limit} texts per set)" if args.limit > 0 else "",
            "vader": version("vaderSentiment"),
            "rounds": str(args.rounds),
        }
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(render_markdown(results, meta), encoding="utf-8")
        print(f"report written to {args.out}", file=sys.stderr)
    return 0
