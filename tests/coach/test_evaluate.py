"""The evaluation's metrics against hand-computed values, and its loaders on real-shaped files."""

from __future__ import annotations

import json
import math

import pytest

from confiance.coach import evaluate as ev


def test_midranks_share_the_mean_rank_between_ties():
    assert ev.midranks([10, 20, 20, 30]) == [1.0, 2.5, 2.5, 4.0]
    assert ev.midranks([3, 1, 2]) == [3.0, 1.0, 2.0]
    assert ev.midranks([5, 5, 5]) == [2.0, 2.0, 2.0]


def test_roc_auc_matches_the_textbook_example():
    # Positives 0.35 and 0.8 against negatives 0.1 and 0.4: 3 of 4 pairs ordered -> 0.75.
    assert ev.roc_auc([0.1, 0.4, 0.35, 0.8], [False, False, True, True]) == 0.75


def test_roc_auc_counts_a_tie_between_classes_as_one_half():
    # Pairs (pos, neg): (1,1)=0.5, (1,2)=0, (3,1)=1, (3,2)=1 -> 2.5 / 4.
    assert ev.roc_auc([1, 1, 2, 3], [False, True, False, True]) == 0.625
    assert ev.roc_auc([0, 0, 0, 0], [True, False, True, False]) == 0.5


def test_roc_auc_is_one_when_ordered_and_zero_when_reversed():
    labels = [False, False, True, True, True]
    assert ev.roc_auc([0.1, 0.2, 0.3, 0.4, 0.9], labels) == 1.0
    assert ev.roc_auc([0.9, 0.8, 0.3, 0.2, 0.1], labels) == 0.0


def test_roc_auc_refuses_a_single_class():
    with pytest.raises(ValueError, match="positive and one negative"):
        ev.roc_auc([0.1, 0.2], [True, True])


def test_spearman_with_ties_matches_hand_computation():
    # ranks y = [1, 2, 3.5, 5, 3.5]; cov = 8, var_x = 10, var_y = 9.5 -> 8 / sqrt(95).
    assert ev.spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) == pytest.approx(8 / math.sqrt(95))


def test_spearman_is_rank_based_and_signed():
    assert ev.spearman([1, 2, 3, 4], [1, 10, 100, 1000]) == pytest.approx(1.0)
    assert ev.spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    assert ev.spearman([1, 1, 1], [1, 2, 3]) == 0.0


def test_quantile_interpolates_like_numpy():
    assert ev.quantile([1, 2, 3, 4], 0.25) == 1.75
    assert ev.quantile([4, 1, 3, 2], 0.75) == 3.25
    assert ev.quantile([7], 0.5) == 7


def test_bootstrap_interval_is_reproducible_and_brackets_a_clear_win():
    labels = [i % 2 == 0 for i in range(60)]
    perfect = [1.0 if label else 0.0 for label in labels]
    noise = [((i * 7919) % 13) / 13 for i in range(60)]
    first = ev.bootstrap_difference(ev.roc_auc, perfect, noise, labels, rounds=200)
    second = ev.bootstrap_difference(ev.roc_auc, perfect, noise, labels, rounds=200)
    assert first == second
    low, high = first
    point = ev.roc_auc(perfect, labels) - ev.roc_auc(noise, labels)
    assert 0 < low <= point <= high


def test_bootstrap_interval_of_identical_systems_is_zero():
    labels = [True, False] * 10
    scores = [i / 20 for i in range(20)]
    assert ev.bootstrap_difference(ev.roc_auc, scores, scores, labels, rounds=50) == (0.0, 0.0)


def test_receptiveness_keeps_only_the_top_and_bottom_quartiles(tmp_path):
    path = tmp_path / "receptiveness_en.csv"
    rows = ["text,receptive"] + [f'"reply {i}, fine",{i}' for i in range(1, 9)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    dataset = ev.load_receptiveness(path)
    # Q1 = 2.75, Q3 = 6.25 over 1..8: keep 1, 2 (negative) and 7, 8 (positive).
    assert dataset.texts == ["reply 1, fine", "reply 2, fine", "reply 7, fine", "reply 8, fine"]
    assert dataset.truth == [False, False, True, True]


def test_casino_excludes_utterances_that_are_both_and_those_that_are_neither(tmp_path):
    path = tmp_path / "casino_strategies_en.jsonl"
    items = [
        ("You don't need water, you're fine", ["uv-part"]),
        ("I understand, that sounds hard", ["showing-empathy"]),
        ("Let's split it evenly?", ["promote-coordination", "elicit-pref"]),
        ("Sorry you're cold, but you don't need it", ["showing-empathy", "uv-part"]),
        ("Hello!", ["small-talk"]),
    ]
    path.write_text(
        "\n".join(json.dumps({"text": t, "labels": labels}) for t, labels in items) + "\n",
        encoding="utf-8",
    )
    dataset = ev.load_casino(path)
    assert dataset.texts == [items[0][0], items[1][0], items[2][0]]
    assert dataset.truth == [False, True, True]


def test_hatecheck_treats_non_hateful_as_positive_and_keeps_functionality(tmp_path):
    path = tmp_path / "hatecheck_fr.csv"
    path.write_text(
        "mhc_case_id,functionality,test_case,label_gold\n"
        "french-1,derog_neg_emote_h,Je déteste les femmes.,hateful\n"
        'french-9,counter_quote_nh,"Dire « je déteste les femmes », c\'est inacceptable.",non-hateful\n',
        encoding="utf-8",
    )
    dataset = ev.load_hatecheck(path)
    assert dataset.truth == [False, True]
    assert dataset.groups == ["derog_neg_emote_h", "counter_quote_nh"]
    assert dataset.lang == "fr"


def test_tydip_english_is_polite_above_zero(tmp_path):
    path = tmp_path / "tydip_en_test.csv"
    path.write_text(
        'sentence,score\n"Could you please check, thanks?",0.9\nWhy did you revert it?,-0.4\n'
        "Neutral one,0\n",
        encoding="utf-8",
    )
    assert ev.load_tydip_en(path).truth == [True, False, False]


def test_subset_is_reproducible_and_keeps_the_order():
    dataset = ev.EvalSet("k", "t", "en", "roc_auc", "task", [str(i) for i in range(100)])
    dataset.truth = [i % 2 == 0 for i in range(100)]
    first, second = dataset.subset(10), dataset.subset(10)
    assert first.texts == second.texts
    assert len(first.texts) == 10
    assert [int(t) for t in first.texts] == sorted(int(t) for t in first.texts)
    assert first.truth == [int(t) % 2 == 0 for t in first.texts]


def test_missing_data_directory_exits_2_with_a_clear_message(tmp_path, capsys):
    assert ev.main(["--data", str(tmp_path / "nowhere")]) == 2
    assert "data directory" in capsys.readouterr().err


def test_directory_without_any_set_exits_2(tmp_path, capsys):
    assert ev.main(["--data", str(tmp_path)]) == 2
    assert "no evaluation file" in capsys.readouterr().err


def _tiny_data(root):
    """One small, real-shaped file per set, with both classes present."""
    (root / "receptiveness_en.csv").write_text(
        "text,receptive\n"
        '"I see your point, and I understand why you feel that way. Could you tell me more?",1.4\n'
        '"Thanks for explaining; I agree that cost matters, though I weigh it differently.",1.1\n'
        '"You clearly have no idea what you are talking about. That is stupid.",-1.5\n'
        '"Wrong. Anyone with a brain knows you are lying.",-1.2\n'
        '"Maybe.",0.0\n',
        encoding="utf-8",
    )
    (root / "tydip_en_test.csv").write_text(
        "sentence,score\n"
        '"Thanks for the fix! Could you please also check the references?",1.2\n'
        '"Why on earth did you revert my edit again?",-1.1\n',
        encoding="utf-8",
    )
    (root / "casino_strategies_en.jsonl").write_text(
        '{"text": "You don\'t need firewood, you will be fine.", "labels": ["uv-part"]}\n'
        '{"text": "I understand, that sounds tough. How about we split the food?", '
        '"labels": ["showing-empathy", "promote-coordination"]}\n',
        encoding="utf-8",
    )
    (root / "hatecheck_fr.csv").write_text(
        "mhc_case_id,functionality,test_case,label_gold\n"
        "french-1,derog_neg_emote_h,Je déteste les femmes.,hateful\n"
        "french-2,threat_dir_h,Je vais faire du mal à ces gens-là.,hateful\n"
        "french-3,ident_pos_nh,J'adore travailler avec des femmes.,non-hateful\n",
        encoding="utf-8",
    )
    (root / "tydip_fr_dev.csv").write_text(
        "sentence,score\n"
        '"Merci beaucoup pour votre aide, pourriez-vous relire cette section ?",0.9\n'
        '"Pourquoi avez-vous supprimé mon ajout ?",-0.3\n'
        '"Arrêtez de vandaliser cet article.",-0.8\n',
        encoding="utf-8",
    )


def test_a_run_writes_the_report_with_every_set_and_its_sources(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    _tiny_data(data)
    out = tmp_path / "docs" / "coach-evaluation.md"
    assert ev.main(["--data", str(data), "--out", str(out), "--rounds", "20"]) == 0
    report = out.read_text(encoding="utf-8")
    for title in ("Receptiveness", "TyDiP English", "CaSiNo", "HateCheck", "TyDiP French"):
        assert title in report
    assert "| Receptiveness (Yeomans et al. 2020) | en | roc_auc | 4 (2 / 2) |" in report
    assert "| derog_neg_emote_h | hateful | 1 |" in report
    assert "CC BY 4.0" in report and "MIT" in report
    assert "## Findings per category" in report and "## Timing" in report
    assert "Coach tone vs VADER" in capsys.readouterr().out
