"""Measure the coach's ``tone`` against VADER on the public development sets (``make eval``).

The evaluation only measures: nothing here trains, tunes or picks thresholds from the data.
Each set is scored by the engine and by VADER's compound score in the same run; the report
gives the figure of each, their difference and a paired bootstrap 95% interval of that
difference (fixed seed, so two runs on the same code give the same report).

    python -m confiance.coach.evaluate --data ../shared/data --out docs/coach-evaluation.md
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

SEED = 20261123
BOOTSTRAP_ROUNDS = 1000
VADER_NEGATIVE = -0.05  # VADER's own documented threshold for a "negative" sentence


# --------------------------------------------------------------------------- metrics


def midranks(values: Sequence[float]) -> list[float]:
    """Ranks starting at 1, tied values sharing the mean of the ranks they span."""
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        rank = (i + j) / 2 + 1
        for k in range(i, j + 1):
            ranks[order[k]] = rank
        i = j + 1
    return ranks


def roc_auc(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """ROC-AUC via the Mann-Whitney U statistic; a tie between classes counts one half.

    It is the probability that a random positive scores above a random negative.
    """
    n_pos = sum(1 for label in labels if label)
    n_neg = len(labels) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("ROC-AUC needs at least one positive and one negative example")
    ranks = midranks(scores)
    rank_sum = sum(rank for rank, label in zip(ranks, labels, strict=True) if label)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    """Pearson correlation; 0.0 when either side is constant (no linear information)."""
    n = len(x)
    if n != len(y) or n < 2:
        raise ValueError("correlation needs two sequences of the same length, at least 2")
    mean_x, mean_y = sum(x) / n, sum(y) / n
    cov = sum((a - mean_x) * (b - mean_y) for a, b in zip(x, y, strict=True))
    var_x = sum((a - mean_x) ** 2 for a in x)
    var_y = sum((b - mean_y) ** 2 for b in y)
    if var_x == 0 or var_y == 0:
        return 0.0
    return cov / (var_x * var_y) ** 0.5


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    """Spearman's rho: Pearson correlation of the midranks (correct with ties)."""
    return pearson(midranks(x), midranks(y))


def quantile(values: Sequence[float], q: float) -> float:
    """Quantile with linear interpolation between order statistics (numpy's default)."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


Metric = Callable[[Sequence[float], Sequence], float]


def bootstrap_difference(
    metric: Metric,
    engine: Sequence[float],
    peer: Sequence[float],
    truth: Sequence,
    rounds: int = BOOTSTRAP_ROUNDS,
    seed: int = SEED,
) -> tuple[float, float]:
    """Paired percentile bootstrap 95% interval of ``metric(engine) - metric(peer)``.

    The same resampled items score both systems, so the interval reflects the difference on
    the same texts. Resamples where the metric is undefined (one class only) are redrawn.
    """
    rng = random.Random(seed)
    n = len(truth)
    diffs: list[float] = []
    attempts = 0
    while len(diffs) < rounds and attempts < rounds * 10:
        attempts += 1
        idx = [rng.randrange(n) for _ in range(n)]
        sample_truth = [truth[i] for i in idx]
        try:
            a = metric([engine[i] for i in idx], sample_truth)
            b = metric([peer[i] for i in idx], sample_truth)
        except ValueError:
            continue
        diffs.append(a - b)
    if not diffs:
        raise ValueError("no valid bootstrap resample")
    diffs.sort()
    return quantile(diffs, 0.025), quantile(diffs, 0.975)


# --------------------------------------------------------------------------- data sets


@dataclass
class EvalSet:
    """One labelled set: texts, ground truth (bool for ROC-AUC, float for Spearman)."""

    key: str
    title: str
    lang: str
    metric: str  # "roc_auc" or "spearman"
    task: str
    texts: list[str] = field(default_factory=list)
    truth: list = field(default_factory=list)
    groups: list[str] = field(default_factory=list)  # HateCheck functionality per text

    def subset(self, limit: int, seed: int = SEED) -> EvalSet:
        """A reproducible random subset of ``limit`` items, original order kept."""
        if limit >= len(self.texts):
            return self
        keep = sorted(random.Random(seed).sample(range(len(self.texts)), limit))
        return EvalSet(
            self.key,
            self.title,
            self.lang,
            self.metric,
            self.task,
            [self.texts[i] for i in keep],
            [self.truth[i] for i in keep],
            [self.groups[i] for i in keep] if self.groups else [],
        )


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_receptiveness(path: Path) -> EvalSet:
    """Top quartile of ``receptive`` (positive) against the bottom quartile."""
    rows = _rows(path)
    values = [float(r["receptive"]) for r in rows]
    low, high = quantile(values, 0.25), quantile(values, 0.75)
    out = EvalSet(
        "receptiveness",
        "Receptiveness (Yeomans et al. 2020)",
        "en",
        "roc_auc",
        "ROC-AUC, top quartile of `receptive` (positive) vs bottom quartile",
    )
    for row, value in zip(rows, values, strict=True):
        if value >= high or value <= low:
            out.texts.append(row["text"])
            out.truth.append(value >= high)
    return out


def load_tydip_en(path: Path) -> EvalSet:
    """Polite (score > 0, positive) against impolite requests."""
    out = EvalSet(
        "tydip_en",
        "TyDiP English test",
        "en",
        "roc_auc",
        "ROC-AUC, polite (`score` > 0, positive) vs impolite",
    )
    for row in _rows(path):
        out.texts.append(row["sentence"])
        out.truth.append(float(row["score"]) > 0)
    return out


COLLABORATIVE = {"showing-empathy", "promote-coordination"}
COMBATIVE = {"uv-part"}


def load_casino(path: Path) -> EvalSet:
    """Empathy / coordination (positive) against undervaluing the partner; both excluded."""
    out = EvalSet(
        "casino",
        "CaSiNo strategies (all splits)",
        "en",
        "roc_auc",
        "ROC-AUC, showing-empathy or promote-coordination (positive) vs uv-part; "
        "utterances with both excluded",
    )
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            item = json.loads(line)
            labels = set(item["labels"])
            collaborative, combative = bool(labels & COLLABORATIVE), bool(labels & COMBATIVE)
            if collaborative != combative:
                out.texts.append(item["text"])
                out.truth.append(collaborative)
    return out


def load_hatecheck(path: Path) -> EvalSet:
    """Non-hateful (positive) against hateful French test cases, with their functionality."""
    out = EvalSet(
        "hatecheck_fr",
        "Multilingual HateCheck, French",
        "fr",
        "roc_auc",
        "ROC-AUC, non-hateful (positive) vs hateful",
    )
    for row in _rows(path):
        out.texts.append(row["test_case"])
        out.truth.append(row["label_gold"] == "non-hateful")
        out.groups.append(row["functionality"])
    return out


def load_tydip_fr(path: Path) -> EvalSet:
    """Graded politeness of French requests; Spearman with the human score."""
    out = EvalSet(
        "tydip_fr",
        "TyDiP French dev (middle half)",
        "fr",
        "spearman",
        "Spearman's rho with `score`",
    )
    for row in _rows(path):
        out.texts.append(row["sentence"])
        out.truth.append(float(row["score"]))
    return out


LOADERS: dict[str, tuple[str, Callable[[Path], EvalSet]]] = {
    "receptiveness": ("receptiveness_en.csv", load_receptiveness),
    "tydip_en": ("tydip_en_test.csv", load_tydip_en),
    "casino": ("casino_strategies_en.jsonl", load_casino),
    "hatecheck_fr": ("hatecheck_fr.csv", load_hatecheck),
    "tydip_fr": ("tydip_fr_dev.csv", load_tydip_fr),
}

SOURCES = [
    (
        "receptiveness_en.csv",
        "Yeomans, Minson, Collins, Chen & Gino (2020), “Conversational receptiveness: "
        "Improving engagement with opposing views”, OBHDP; via the `politeness` R package "
        "(myeomans/politeness)",
        "MIT",
    ),
    (
        "tydip_en_test.csv, tydip_fr_dev.csv",
        "Srinivasan & Choi (2022), “TyDiP: A Dataset for Politeness Classification in Nine "
        "Typologically Diverse Languages”, Findings of EMNLP (Genius1237/TyDiP)",
        "CC BY 4.0",
    ),
    (
        "casino_strategies_en.jsonl",
        "Chawla et al. (2021), “CaSiNo: A Corpus of Campsite Negotiation Dialogues for "
        "Automatic Negotiation Systems”, NAACL (kushalchawla/CaSiNo)",
        "CC BY 4.0",
    ),
    (
        "hatecheck_fr.csv",
        "Röttger et al. (2022), “Multilingual HateCheck: Functional Tests for Multilingual "
        "Hate Speech Detection Models”, WOAH (rewire-online/multilingual-hatecheck)",
        "CC BY 4.0",
    ),
]


def load_sets(data: Path, only: Sequence[str] = ()) -> tuple[list[EvalSet], list[str]]:
    """Load every set found in ``data``; returns the sets and the names of missing files."""
    sets, missing = [], []
    for key, (filename, loader) in LOADERS.items():
        if only and key not in only:
            continue
        path = data / filename
        if path.is_file():
            sets.append(loader(path))
        else:
            missing.append(filename)
    return sets, missing


# --------------------------------------------------------------------------- running


@dataclass
class SetResult:
    """Scores and figures of both systems on one set."""

    dataset: EvalSet
    engine: list[float]
    vader: list[float]
    engine_figure: float
    vader_figure: float
    ci: tuple[float, float]
    findings: Counter
    flagged: list[bool]  # text has at least one finding
    seconds: dict[str, float]
    engine_errors: int = 0

    @property
    def n(self) -> int:
        return len(self.dataset.texts)

    @property
    def difference(self) -> float:
        return self.engine_figure - self.vader_figure


def _metric(name: str) -> Metric:
    return roc_auc if name == "roc_auc" else spearman


def _timed(fn: Callable[[str], float], texts: Sequence[str]) -> tuple[list[float], float, int]:
    """Score every text; an exception scores 0.0 and is counted, never hidden."""
    scores, errors = [], 0
    start = time.perf_counter()
    for text in texts:
        try:
            scores.append(float(fn(text)))
        except Exception:  # noqa: BLE001 - a crash is a finding of the evaluation, reported
            scores.append(0.0)
            errors += 1
    return scores, time.perf_counter() - start, errors


def evaluate_set(dataset: EvalSet, rounds: int = BOOTSTRAP_ROUNDS) -> SetResult:
    """Run the engine (tone and analyze) and VADER over one set and compute the figures."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from confiance.coach import analyze, tone

    vader = SentimentIntensityAnalyzer()
    lang = dataset.lang
    engine_scores, engine_s, errors = _timed(lambda t: tone(t, lang=lang), dataset.texts)
    vader_scores, vader_s, _ = _timed(lambda t: vader.polarity_scores(t)["compound"], dataset.texts)
    findings: Counter = Counter()
    flagged: list[bool] = []
    start = time.perf_counter()
    for text in dataset.texts:
        try:
            result = analyze(text, lang=lang)
        except Exception:  # noqa: BLE001 - counted with the tone errors above
            flagged.append(False)
            errors += 1
            continue
        findings.update(f["category"] for f in result["findings"])
        flagged.append(bool(result["findings"]))
    analyze_s = time.perf_counter() - start
    metric = _metric(dataset.metric)
    return SetResult(
        dataset,
        engine_scores,
        vader_scores,
        metric(engine_scores, dataset.truth),
        metric(vader_scores, dataset.truth),
        bootstrap_difference(metric, engine_scores, vader_scores, dataset.truth, rounds),
        findings,
        flagged,
        {"tone": engine_s, "vader": vader_s, "analyze": analyze_s},
        errors,
    )


def engine_version(root: Path) -> str:
    """Package version, last commit touching the engine, and whether it has local changes."""
    from importlib.metadata import PackageNotFoundError, version

    import confiance.coach as coach

    try:
        label = getattr(coach, "__version__", None) or version("confiance")
    except PackageNotFoundError:
        label = "unknown"

    def git(*args: str) -> str:
        try:
            done = subprocess.run(
                ["git", *args], cwd=root, capture_output=True, text=True, check=True, timeout=10
            )
        except (OSError, subprocess.SubprocessError):
            return ""
        return done.stdout.strip()

    commit = git("log", "-1", "--format=%h (%cI)", "--", "src/confiance/coach")
    dirty = git("status", "--porcelain", "--", "src/confiance/coach")
    if commit:
        label += f", engine commit {commit}"
    if dirty:
        label += ", with uncommitted changes"
    return label


# --------------------------------------------------------------------------- reporting


def _fmt(value: float) -> str:
    return f"{value:+.3f}" if value < 0 else f"{value:.3f}"


def _share(flags: Sequence[bool]) -> str:
    return f"{sum(flags) / len(flags):.0%}" if flags else "–"


def hatecheck_rows(result: SetResult) -> list[tuple[str, str, int, str, str, str]]:
    """Per HateCheck functionality: gold label, n, share with a finding, tone < 0, VADER < -0.05."""
    groups: dict[str, list[int]] = {}
    for i, group in enumerate(result.dataset.groups):
        groups.setdefault(group, []).append(i)
    rows = []
    for group in sorted(groups, key=lambda g: (g.endswith("_nh"), g)):
        idx = groups[group]
        gold = "non-hateful" if result.dataset.truth[idx[0]] else "hateful"
        rows.append(
            (
                group,
                gold,
                len(idx),
                _share([result.flagged[i] for i in idx]),
                _share([result.engine[i] < 0 for i in idx]),
                _share([result.vader[i] <= VADER_NEGATIVE for i in idx]),
            )
        )
    return rows


def render_markdown(results: list[SetResult], meta: dict[str, str]) -> str:
    """The whole report as Markdown."""
    lines = [
        "# Coach evaluation",
        "",
        "Generated by `make eval` (`python -m confiance.coach.evaluate`); do not edit by hand.",
        "",
        f"- Date: {meta['date']}",
        f"- Engine: {meta['version']}",
        f"- Data: `{meta['data']}`{meta['limit']}",
        f"- Peer: VADER {meta['vader']} (`SentimentIntensityAnalyzer().polarity_scores(text)"
        '["compound"]`), run on the same texts in the same process',
        f"- Bootstrap: {meta['rounds']} paired resamples, seed {SEED}, percentile 95% interval",
        "- The engine is called with the set's language (`lang=`); nothing is trained or tuned "
        "here, the script only measures.",
        "",
        "## Results",
        "",
        "| set | lang | metric | n | engine | VADER | difference | 95% CI of difference |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        lo, hi = r.ci
        lines.append(
            f"| {r.dataset.title} | {r.dataset.lang} | {r.dataset.metric} | {r.n} "
            f"| {r.engine_figure:.3f} | {r.vader_figure:.3f} | {_fmt(r.difference)} "
            f"| [{_fmt(lo)}, {_fmt(hi)}] |"
        )
    lines += ["", "What each set measures:", ""]
    lines += [f"- **{r.dataset.title}**: {r.dataset.task}." for r in results]
    lines += _findings_section(results)
    hate = next((r for r in results if r.dataset.groups), None)
    if hate is not None:
        lines += [
            "",
            "## HateCheck French by functionality",
            "",
            "Share of test cases flagged: with at least one engine finding, with engine tone < 0, "
            f"with VADER compound ≤ {VADER_NEGATIVE}. Hateful functionalities should be flagged, "
            "non-hateful ones (counter-speech, negation, neutral mentions) should not.",
            "",
            "| functionality | gold | n | engine finding | engine tone < 0 | VADER negative |",
            "| --- | --- | ---: | ---: | ---: | ---: |",
        ]
        lines += [
            f"| {a} | {b} | {c} | {d} | {e} | {f} |" for a, b, c, d, e, f in hatecheck_rows(hate)
        ]
    lines += _timing_section(results)
    lines += [
        "",
        "## Data sources and licences",
        "",
        "| file | source | licence |",
        "| --- | --- | --- |",
    ]
    lines += [f"| `{f}` | {s} | {lic} |" for f, s, lic in SOURCES]
    lines += [
        "",
        "These are development sets; the coach is finally judged on held-out real-world sets "
        "from other sources. Politeness and receptiveness are proxies for collaborative language.",
        "",
    ]
    return "\n".join(lines)


def _findings_section(results: list[SetResult]) -> list[str]:
    categories = sorted({c for r in results for c in r.findings})
    lines = [
        "",
        "## Findings per category",
        "",
        "Hits of `analyze()` findings per category (a text can have several), and the share of "
        "texts with at least one finding in each class.",
        "",
        "| category | " + " | ".join(r.dataset.key for r in results) + " |",
        "| --- | " + " | ".join("---:" for _ in results) + " |",
    ]
    for category in categories:
        lines.append(
            f"| {category} | " + " | ".join(str(r.findings[category]) for r in results) + " |"
        )
    lines.append(
        "| **total** | " + " | ".join(str(sum(r.findings.values())) for r in results) + " |"
    )
    cells = []
    for r in results:
        if r.dataset.metric != "roc_auc":
            cells.append(_share(r.flagged))
            continue
        pos = [f for f, t in zip(r.flagged, r.dataset.truth, strict=True) if t]
        neg = [f for f, t in zip(r.flagged, r.dataset.truth, strict=True) if not t]
        cells.append(f"{_share(neg)} / {_share(pos)}")
    lines.append("| texts flagged (negative / positive class) | " + " | ".join(cells) + " |")
    return lines


def _timing_section(results: list[SetResult]) -> list[str]:
    lines = [
        "",
        "## Timing",
        "",
        "Wall-clock seconds for the whole set, one process, one core.",
        "",
        "| set | n | engine `tone` | engine `analyze` | VADER | engine errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        s = r.seconds
        lines.append(
            f"| {r.dataset.key} | {r.n} | {s['tone']:.2f} | {s['analyze']:.2f} "
            f"| {s['vader']:.2f} | {r.engine_errors} |"
        )
    return lines


def print_table(results: list[SetResult]) -> None:
    """The headline figures as a Rich table on stdout."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Coach tone vs VADER")
    for name in ("set", "metric", "n", "engine", "VADER", "diff", "95% CI"):
        table.add_column(name, justify="left" if name in ("set", "metric") else "right")
    for r in results:
        colour = "green" if r.ci[0] > 0 else "red" if r.ci[1] < 0 else "yellow"
        table.add_row(
            r.dataset.key,
            r.dataset.metric,
            str(r.n),
            f"{r.engine_figure:.3f}",
            f"{r.vader_figure:.3f}",
            f"[{colour}]{_fmt(r.difference)}[/{colour}]",
            f"[{_fmt(r.ci[0])}, {_fmt(r.ci[1])}]",
        )
    Console().print(table)


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
            "version": engine_version(Path(__file__).resolve().parents[3]),
            "data": str(args.data),
            "limit": f" (limited to {args.limit} texts per set)" if args.limit > 0 else "",
            "vader": version("vaderSentiment"),
            "rounds": str(args.rounds),
        }
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(render_markdown(results, meta), encoding="utf-8")
        print(f"report written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
