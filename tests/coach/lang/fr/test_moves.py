"""Mouvements collaboratifs en français."""

from __future__ import annotations

import pytest

from confiance.coach import analyze

CASES = [
    ("Qu'est-ce qui compte le plus pour votre équipe ?", "probing_question"),
    ("Pourriez-vous m'expliquer comment vous choisissez vos fournisseurs ?", "probing_question"),
    ("Je comprends votre inquiétude sur les délais.", "acknowledging"),
    ("Vous avez raison sur ce point.", "acknowledging"),
    ("Nous recommandons cette option parce qu'elle réduit vos coûts.", "explaining_reasons"),
    ("C'est pourquoi nous avons revu le planning.", "explaining_reasons"),
    ("On pourrait regarder ensemble le plan de migration.", "joint_next_step"),
    ("Si je comprends bien, le budget est gelé jusqu'en mars.", "summarising"),
    ("Autrement dit, la sécurité valide en dernier.", "summarising"),
    ("Merci pour ce retour franc.", "gratitude"),
    ("Il me semble que le périmètre a changé.", "openness_hedging"),
    ("Serait-il possible de décaler la réunion ?", "openness_hedging"),
    ("Il vaut peut-être mieux ne pas lancer le projet cette année.", "accepting_no_deal"),
]


@pytest.mark.parametrize(("text", "category"), CASES)
def test_chaque_mouvement_est_reconnu(text, category):
    moves = analyze(text, lang="fr")["moves"]
    assert category in {m["category"] for m in moves}, moves
    for move in moves:
        assert text[move["start"] : move["end"]] == move["text"]


def test_un_mouvement_nie_n_en_est_pas_un():
    moves = analyze("Je ne comprends pas votre position.", lang="fr")["moves"]
    assert "acknowledging" not in {m["category"] for m in moves}
