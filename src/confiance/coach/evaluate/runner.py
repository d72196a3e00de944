"""Scoring one set with the engine (``tone`` and ``analyze``) and with VADER, timed."""

from __future__ import annotations

import subprocess
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from confiance.coach.evaluate.datasets import EvalSet
from confiance.coach.evaluate.metrics import (
    BOOTSTRAP_ROUNDS,
    Metric,
    bootstrap_difference,
    roc_auc,
    spearman,
)


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
    detected_figure: float | None = None  # the engine's figure when it detects the language

    @property
    def n(self) -> int:
        return len(self.dataset.texts)

    @property
    def difference(self) -> float:
        return self.engine_figure - self.vader_figure

    @property
    def classes(self) -> str:
        """``positives / negatives`` for a ROC-AUC set, empty for a correlation."""
        if self.dataset.metric != "roc_auc":
            return ""
        positives = sum(1 for label in self.dataset.truth if label)
        return f"{positives} / {self.n - positives}"

    @property
    def verdict(self) -> str:
        """Whether the interval of the difference excludes zero, and on which side."""
        if self.ci[0] > 0:
            return "engine better"
        if self.ci[1] < 0:
            return "VADER better"
        return "not significant"


def _metric(name: str) -> Metric:
    return roc_auc if name == "roc_auc" else spearman


def _timed(fn: Callable[[str], float], texts: Sequence[str]) -> tuple[list[float], float, int]:
    """Score every text; an exception scores 0.0 and is counted, never hidden."""
    scores, errors = [], 0
    start = time.process_time()
    for text in texts:
        try:
            scores.append(float(fn(text)))
        except Exception:  # noqa: BLE001 - a crash is a finding of the evaluation, reported
            scores.append(0.0)
            errors += 1
    return scores, time.process_time() - start, errors


def evaluate_set(dataset: EvalSet, rounds: int = BOOTSTRAP_ROUNDS) -> SetResult:
    """Run the engine (tone and analyze) and VADER over one set and compute the figures."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from confiance.coach import analyze, tone

    vader = SentimentIntensityAnalyzer()
    lang = dataset.lang
    engine_scores, engine_s, errors = _timed(lambda t: tone(t, lang=lang), dataset.texts)
    detected_scores, _, detected_errors = _timed(tone, dataset.texts)
    vader_scores, vader_s, _ = _timed(lambda t: vader.polarity_scores(t)["compound"], dataset.texts)
    findings: Counter = Counter()
    flagged: list[bool] = []
    start = time.process_time()
    for text in dataset.texts:
        try:
            result = analyze(text, lang=lang)
        except Exception:  # noqa: BLE001 - counted with the tone errors above
            flagged.append(False)
            errors += 1
            continue
        findings.update(f["category"] for f in result["findings"])
        flagged.append(bool(result["findings"]))
    analyze_s = time.process_time() - start
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
        errors + detected_errors,
        metric(detected_scores, dataset.truth),
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

    # The evaluation lives under coach/ but is not the engine: its own commits do not count.
    paths = ("--", "src/confiance/coach", ":(exclude)src/confiance/coach/evaluate")
    commit = git("log", "-1", "--format=%h (%cI)", *paths)
    dirty = git("status", "--porcelain", *paths)
    if commit:
        label += f", engine commit {commit}"
    if dirty:
        label += ", with uncommitted changes"
    return label
