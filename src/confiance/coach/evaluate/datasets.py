"""Loaders for the five development sets in ../shared/data, with their sources and licences."""

from __future__ import annotations

import csv
import json
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from confiance.coach.evaluate.metrics import SEED, quantile


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
