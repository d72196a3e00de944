"""Promesses en français et leurs échéances, calculées depuis la date de l'échange."""

from __future__ import annotations

import datetime as dt

import pytest

from confiance.coach import analyze

LUNDI = dt.date(2026, 11, 23)

CASES = [
    ("Nous vous enverrons le devis vendredi.", "envoyer le devis", "2026-11-27"),
    (
        "Je vous envoie la proposition révisée demain.",
        "envoyer la proposition révisée",
        "2026-11-24",
    ),
    (
        "Je m'engage à vous transmettre l'audit de sécurité avant le 15.",
        "transmettre l'audit de sécurité",
        "2026-12-15",
    ),
    ("Je vais appeler Marc d'ici la fin du mois.", "appeler Marc", "2026-11-30"),
    ("On vous livrera le pilote le 04/12.", "livrer le pilote", "2026-12-04"),
    ("Je reviens vers vous la semaine prochaine.", "revenir vers vous", "2026-12-04"),
    ("Nous préparerons la maquette dans trois jours.", "préparer la maquette", "2026-11-26"),
    ("Je vous rappelle après-demain.", "rappeler", "2026-11-25"),
    ("Nous organiserons l'atelier le 3 décembre.", "organiser l'atelier", "2026-12-03"),
    ("Je m'occupe de vous envoyer la proposition lundi.", "envoyer la proposition", "2026-11-30"),
    ("Comptez sur moi pour relancer la DSI demain.", "relancer la DSI", "2026-11-24"),
    ("Nous répondrons sous 3 jours ouvrés.", "répondre", "2026-11-26"),
    ("Nous reviendrons vers vous sous 48 heures.", "revenir vers vous", "2026-11-25"),
    (
        "Je peux vous envoyer la grille tarifaire ce soir.",
        "envoyer la grille tarifaire",
        "2026-11-23",
    ),
    ("Je l'enverrai le 2/1/2027.", "envoyer", "2027-01-02"),
]


@pytest.mark.parametrize(("text", "action", "due"), CASES)
def test_les_promesses_ont_une_action_et_une_echeance(text, action, due):
    commitments = analyze(text, lang="fr", reference_date=LUNDI)["commitments"]
    assert len(commitments) == 1, commitments
    c = commitments[0]
    assert (c["action"], c["due_date"]) == (action, due)
    assert text[c["start"] : c["end"]] == c["text"]


def test_un_refus_ou_un_espoir_n_est_pas_une_promesse():
    for text in (
        "Nous n'enverrons rien avant l'audit.",
        "Nous espérons signer bientôt.",
        "On verra bien.",
        "Nous serons ravis de vous revoir.",
        "Je peux comprendre votre position.",
    ):
        assert analyze(text, lang="fr", reference_date=LUNDI)["commitments"] == [], text
