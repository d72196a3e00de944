"""Formulations combatives en français : une phrase réaliste de vendeur par catégorie."""

from __future__ import annotations

import pytest

from confiance.coach import analyze

CASES = [
    (
        "Franchement, les achats ne comprennent rien à notre offre.",
        "blame",
        "achats ne comprennent rien",
    ),
    ("Ce sont des incompétents à la DSI.", "contempt", "Ce sont des incompétents"),
    ("Ces guignols ont encore changé le cahier des charges.", "contempt", "Ces guignols"),
    ("C'est eux contre nous dans cette négociation.", "us_versus_them", "eux contre nous"),
    (
        "Ils cherchent à nous avoir sur les délais de paiement.",
        "bad_intent",
        "cherchent à nous avoir",
    ),
    ("Ils veulent nous arnaquer avec ces pénalités.", "bad_intent", "veulent nous arnaquer"),
    ("Le client ne répond jamais à nos relances.", "absolutes", "client ne répond jamais"),
    ("Ce sont toujours les mêmes qui bloquent.", "absolutes", "toujours les mêmes"),
    ("J'ai raison, vous avez tort sur le périmètre.", "right_wrong", "J'ai raison"),
    ("Demain il ne faut rien lâcher sur la remise.", "fight_metaphor", "ne faut rien lâcher"),
    ("On va devoir se battre pour garder ce compte.", "fight_metaphor", "se battre"),
    ("C'est à prendre ou à laisser.", "ultimatum", "à prendre ou à laisser"),
    ("Vendredi, c'est le dernier délai.", "ultimatum", "dernier délai"),
    ("Leur argument sur la sécurité ne tient pas la route.", "dismissing", "ne tient pas la route"),
    ("Leur demande, c'est n'importe quoi.", "dismissing", "n'importe quoi"),
    ("Ce sont des radins, ils chipotent sur tout.", "contempt", "radins"),
    ("Leur acheteur est un requin.", "contempt", "requin"),
    ("Les achats n'y connaissent rien.", "blame", "achats n'y connaissent rien"),
    ("Ils font exprès de traîner sur la signature.", "bad_intent", "Ils font exprès"),
    ("Ils se moquent de nous avec ce planning.", "bad_intent", "Ils se moquent de nous"),
    ("On ne va pas se laisser faire jeudi.", "fight_metaphor", "ne va pas se laisser faire"),
    ("S'ils ne signent pas lundi, on arrête tout.", "ultimatum", "on arrête tout"),
    (
        "S'ils ne signent pas avant la fin du mois, on retire l'offre.",
        "ultimatum",
        "on retire l'offre",
    ),
    ("Sinon nous retirerons notre proposition.", "ultimatum", "nous retirerons notre proposition"),
]


def test_retirer_une_clause_a_leur_demande_n_est_pas_une_menace():
    assert (
        analyze("Nous avons retiré la clause de pénalité à leur demande.", lang="fr")["findings"]
        == []
    )


@pytest.mark.parametrize(("text", "category", "span"), CASES)
def test_chaque_categorie_est_trouvee_avec_son_empan(text, category, span):
    result = analyze(text, lang="fr")
    hits = [f for f in result["findings"] if f["category"] == category]
    assert hits, result["findings"]
    finding = hits[0]
    assert finding["text"] == span
    assert text[finding["start"] : finding["end"]] == span
    assert finding["rule"].startswith(f"fr.{category}.")
    assert finding["question"].endswith("?")


def test_les_explications_et_reformulations_sont_en_francais():
    finding = analyze("Ils ne comprennent rien.", lang="fr")["findings"][0]
    assert finding["rule"] == "fr.blame.comprendre_rien"
    assert "explication" in finding["explanation"]
    assert "expliqué" in finding["rewrite"]


def test_les_formes_flechies_sont_trouvees():
    for text in (
        "Le client ne comprend rien.",
        "Vous ne comprenez rien.",
        "Ils n'ont rien compris.",
        "Elles sont stupides.",
        "Il est complètement stupide.",
    ):
        assert analyze(text, lang="fr")["findings"], text


def test_l_elision_est_geree():
    finding = analyze("Qu'ils aillent au diable, c'est n'importe quoi.", lang="fr")["findings"]
    assert [f["text"] for f in finding] == ["au diable", "n'importe quoi"]
    apostrophe = analyze("C\u2019est n\u2019importe quoi.", lang="fr")["findings"][0]
    assert apostrophe["text"] == "n\u2019importe quoi"


def test_une_note_collaborative_n_a_pas_de_constat():
    note = (
        "Je comprends leur inquiétude sur la migration. Pourrions-nous leur présenter "
        "ensemble le plan de retour arrière et leur demander ce qui les rassurerait ?"
    )
    assert analyze(note, lang="fr")["findings"] == []
