"""French and English data are kept in step: same files, every category in both languages."""

from __future__ import annotations

from importlib import resources

import pytest

from confiance.coach import FINDING_CATEGORIES, MOVE_CATEGORIES
from confiance.coach.resources import DATA_FILES, read_toml

LANGS = ("en", "fr")


def test_each_language_has_the_same_data_files():
    root = resources.files("confiance.coach").joinpath("lang")
    for lang in LANGS:
        names = {p.name for p in root.joinpath(lang).iterdir() if p.name.endswith(".toml")}
        assert names == set(DATA_FILES), lang


@pytest.mark.parametrize("lang", LANGS)
def test_every_finding_category_has_markers_explanation_rewrite_and_question(lang):
    findings = read_toml(lang, "findings.toml")
    for category in FINDING_CATEGORIES:
        texts = findings["category"][category]
        for key in ("explanation", "rewrite", "question"):
            assert len(texts[key]) > 20, (lang, category, key)
        rules = [r for r in findings["rule"] if r["category"] == category]
        assert rules and all(r["patterns"] for r in rules), (lang, category)
    assert findings["reported_note"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_move_category_has_markers(lang):
    moves = read_toml(lang, "moves.toml")
    found = {r["category"] for r in moves["rule"] if r["patterns"]}
    assert found == set(MOVE_CATEGORIES)


@pytest.mark.parametrize("lang", LANGS)
def test_rule_ids_are_unique_stable_and_prefixed_by_language(lang):
    ids = [r["id"] for r in read_toml(lang, "findings.toml")["rule"]]
    ids += [r["id"] for r in read_toml(lang, "moves.toml")["rule"]]
    ids += [c["id"] for c in read_toml(lang, "tone.toml")["cue"]]
    assert len(ids) == len(set(ids))
    for rule_id in ids:
        prefix, category, name = rule_id.split(".")
        assert prefix == lang and category and name.replace("_", "").isalnum()


@pytest.mark.parametrize("lang", LANGS)
def test_every_tone_cue_says_where_its_weight_comes_from(lang):
    for cue in read_toml(lang, "tone.toml")["cue"]:
        assert cue["source"].strip(), cue["id"]
        assert -3 <= cue["weight"] <= 3


def test_rewrites_differ_between_languages():
    en = read_toml("en", "findings.toml")["category"]
    fr = read_toml("fr", "findings.toml")["category"]
    for category in FINDING_CATEGORIES:
        assert en[category]["rewrite"] != fr[category]["rewrite"]


def test_the_engine_code_contains_no_lexicon():
    """Words live in lang/<code>/*.toml; the Python modules only read them."""
    package = resources.files("confiance.coach")
    for path in package.iterdir():
        if path.name.endswith(".py"):
            source = path.read_text(encoding="utf-8")
            for word in ("stupid", "guignol", "comprennent", "take it or leave it"):
                assert word not in source, (path.name, word)
            assert "import django" not in source and "from django" not in source, path.name


@pytest.mark.parametrize("lang", LANGS)
def test_word_lists_are_not_split_by_a_stray_space(lang):
    """``a|b c|d`` means "a or b, then c or d": a long word list with a space in it is a typo
    that silently turns the list into a phrase nobody writes."""
    for name in ("findings.toml", "moves.toml", "tone.toml"):
        data = read_toml(lang, name)
        for entry in data.get("rule", []) + data.get("cue", []):
            for pattern in entry["patterns"]:
                elements = pattern.split()
                if len(elements) > 1:
                    widest = max(el.count("|") for el in elements)
                    assert widest < 20, (entry["id"], pattern[:80])
