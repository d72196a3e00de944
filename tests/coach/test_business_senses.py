"""Everyday business phrases must not read as threats or contempt: many violent or negative
words have a common business sense ("exécuter la commande", "shoot me an email")."""

from __future__ import annotations

import pytest

from confiance.coach import analyze, tone


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Comme vous le savez, nous livrons lundi.", "fr"),
        ("Faites comme vous voulez, nous nous adapterons.", "fr"),
        ("Il n'y a plus de place jeudi, mais vendredi est libre.", "fr"),
        ("Réglons cela une fois pour toutes lors du comité.", "fr"),
        ("Le projet dégage une bonne marge.", "fr"),
        ("Nous allons exécuter la commande dès demain.", "fr"),
        ("Il faut éliminer les doublons du fichier.", "fr"),
        ("C'est assez intéressant comme approche.", "fr"),
        ("Nous voulons nous débarrasser des anciens stocks.", "fr"),
        ("Cette option est sans valeur ajoutée pour vous, je la retire.", "fr"),
        ("On arrête la production de l'ancien modèle en janvier.", "fr"),
        ("Il reste un point à trancher : la durée d'engagement.", "fr"),
        ("We stop producing the old model in January.", "en"),
        ("Shoot me an email when you're ready.", "en"),
        ("Hang on, let me check the figures.", "en"),
        ("Can you beat this price?", "en"),
        ("We need to eliminate duplicate invoices.", "en"),
    ],
)
def test_business_phrases_are_not_hostile(text, lang):
    result = analyze(text, lang=lang)
    assert result["findings"] == []
    assert tone(text, lang) > -0.2


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Les gens comme vous me rendent malade.", "fr"),
        ("Ces gens ne méritent pas de vivre.", "fr"),
        ("We should shoot them all.", "en"),
    ],
)
def test_the_same_words_aimed_at_people_stay_hostile(text, lang):
    assert tone(text, lang) < -0.5
