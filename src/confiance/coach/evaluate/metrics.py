"""Rank statistics for the evaluation, written out so that they can be checked by hand:
ROC-AUC as Mann-Whitney U with midranks, Spearman's rho, and a paired bootstrap interval."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

SEED = 20261123
BOOTSTRAP_ROUNDS = 1000
VADER_NEGATIVE = -0.05  # VADER's own documented threshold for a "negative" sentence


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
