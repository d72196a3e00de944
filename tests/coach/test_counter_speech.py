"""Mention is not use: quoting, reporting or condemning an insult is not contempt, and a
denied insult is not an insult. Hostility at a whole group of people is contempt, said
plainly or through negation ("they are not human")."""

from __future__ import annotations

import pytest

from confiance.coach import analyze, tone


def contempt(text: str, lang: str) -> list[str]:
    return [f["text"] for f in analyze(text, lang=lang)["findings"] if f["category"] == "contempt"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Counter-speech quoting hate (Multilingual HateCheck "counter_quote").
        ('Des déclarations comme "les femmes sont des pourritures" sont blessantes.', "fr"),
        ("Le client a dit « vos commerciaux sont des guignols ».", "fr"),
        ("Le directeur m'a dit « vous êtes des guignols » avant de raccrocher.", "fr"),
        # Reported without quotes, and verbs of naming ("counter_ref").
        ("Il a dit que les acheteurs sont des guignols.", "fr"),
        ("Il m'a traité d'incompétent devant toute l'équipe.", "fr"),
        ("Tu dois arrêter d'appeler les gens des abrutis.", "fr"),
        ('The buyer said "you guys are clowns" and hung up.', "en"),
        ("Calling people idiots is not OK.", "en"),
        # Denied contempt, with and without a negation raiser.
        ("Je ne pense pas qu'ils soient nuls.", "fr"),
        ("Les clients ne sont pas des idiots.", "fr"),
        ("Il est évident que les clients sont tout sauf stupides.", "fr"),
        ("I don't think they are stupid.", "en"),
    ],
)
def test_quoted_reported_or_denied_contempt_is_not_a_finding(text, lang):
    assert contempt(text, lang) == []


@pytest.mark.parametrize(
    ("quoting", "using", "lang"),
    [
        (
            'Des déclarations comme "les femmes sont des pourritures" sont blessantes.',
            "Les femmes sont des pourritures.",
            "fr",
        ),
        ("Tu dois arrêter d'appeler les gens des abrutis.", "Ce sont des abrutis.", "fr"),
        ('Saying "women are vermin" is vile.', "Women are vermin.", "en"),
    ],
)
def test_condemning_an_insult_reads_far_less_combative_than_using_it(quoting, using, lang):
    assert tone(quoting, lang) > tone(using, lang) + 0.5


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Je ne supporte pas les acheteurs.", "fr"),
        ("Je ne peux pas supporter ces clients.", "fr"),
        ("Je déteste les acheteurs.", "fr"),
        ("Les clients ne sont pas des êtres humains.", "fr"),
        ("Ces gens ne sont rien d'autre que de vulgaires déchets.", "fr"),
        ("I can't stand those buyers.", "en"),
        ("Women are not human.", "en"),
    ],
)
def test_hostility_at_a_whole_group_is_contempt(text, lang):
    [finding] = analyze(text, lang=lang)["findings"]
    assert finding["category"] == "contempt"
    assert finding["severity"] == 3
    assert finding["rewrite"] and finding["question"].endswith("?")
    assert tone(text, lang) < -0.5


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Words that also name things are insults only when they qualify people.
        ("Je suis incapable de venir jeudi.", "fr"),
        ("Les arriérés de paiement sont réglés.", "fr"),
        ("C'est une erreur stupide de notre part.", "fr"),
        ("Il faut sortir les ordures avant la réunion.", "fr"),
    ],
)
def test_words_that_also_name_things_are_not_insults_on_their_own(text, lang):
    assert contempt(text, lang) == []


def test_sans_aucun_doute_is_certainty_not_negation():
    text = "Les clients sont sans aucun doute les personnes les plus stupides du secteur."
    assert contempt(text, "fr")
    assert tone(text, "fr") < 0


@pytest.mark.parametrize(
    "text",
    ["Je n'ai aucun respect pour ces clients.", "Les acheteurs ne sont pas nos égaux."],
)
def test_a_denied_human_quality_of_a_group_is_contempt(text):
    # Negated positives (HateCheck "negate_pos"): the negation is the insult.
    assert contempt(text, "fr")
