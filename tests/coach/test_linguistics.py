"""Negation, hedges, intensifiers, quoted speech, tu/vous: the engine reads like a person."""

from __future__ import annotations

import pytest

from confiance.coach import analyze, tone


def categories(text: str, lang: str) -> list[str]:
    return [f["category"] for f in analyze(text, lang=lang)["findings"]]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I don't think they are stupid, they have other priorities.", "en"),
        ("They are not idiots.", "en"),
        ("I'm not saying they're trying to take advantage of us.", "en"),
        ("Je ne pense pas qu'ils soient stupides.", "fr"),
        ("Ils ne sont pas du tout incompétents.", "fr"),
        ("Ce ne sont pas des guignols, ils ont leurs contraintes.", "fr"),
        ("Il est faux de dire qu'ils veulent nous arnaquer.", "fr"),
    ],
)
def test_a_denied_framing_is_not_a_finding(text, lang):
    assert categories(text, lang) == []


def test_negation_does_not_reach_past_the_clause():
    assert categories("They are not cheap, and frankly they are idiots.", "en") == ["contempt"]
    assert categories("Ce n'est pas grave, mais ce sont des incompétents.", "fr") == ["contempt"]


def test_jamais_as_an_absolute_and_as_a_negator():
    assert categories("Le client ne rappelle jamais.", "fr") == ["absolutes"]
    assert categories("Je n'ai jamais dit qu'ils étaient stupides.", "fr") == []


def test_a_pattern_that_contains_its_own_negation_still_counts():
    assert categories("Il ne faut rien lâcher demain.", "fr") == ["fight_metaphor"]
    assert categories("Leur argument ne tient pas la route.", "fr") == ["dismissing"]
    assert categories("Honestly they don't get it.", "en") == ["blame"]


@pytest.mark.parametrize(
    ("quoted", "own", "lang"),
    [
        (
            'The buyer said "you are trying to take advantage of us" and hung up.',
            "You are trying to take advantage of us.",
            "en",
        ),
        (
            "Le directeur m'a dit « vous cherchez à nous avoir » avant de raccrocher.",
            "Vous cherchez à nous avoir.",
            "fr",
        ),
    ],
)
def test_quoted_words_are_flagged_gently_and_explained(quoted, own, lang):
    [finding] = analyze(quoted, lang=lang)["findings"]
    [own_finding] = analyze(own, lang=lang)["findings"]
    assert finding["severity"] < own_finding["severity"]
    assert finding["explanation"].endswith(own_finding["explanation"])
    assert len(finding["explanation"]) > len(own_finding["explanation"])
    assert tone(quoted, lang) > tone(own, lang)


def test_reported_speech_without_quotes_is_also_softened():
    plain = tone("They are trying to rip us off.", "en")
    reported = tone("The consultant claimed they are trying to rip us off.", "en")
    assert reported > plain


def test_intensifiers_raise_severity():
    mild = analyze("They are incompetent.", lang="en")["findings"][0]
    strong = analyze("They are totally incompetent.", lang="en")["findings"][0]
    assert strong["severity"] >= mild["severity"]
    assert tone("They are totally incompetent.", "en") <= tone("They are incompetent.", "en")


def test_hedges_soften_the_tone():
    assert tone("Perhaps the schedule is too tight.", "en") > tone(
        "The schedule is too tight.", "en"
    )
    assert tone("Il me semble que le délai est court.", "fr") > tone("Le délai est court.", "fr")


def test_vous_reads_more_polite_than_tu():
    assert tone("Pourriez-vous m'envoyer le cahier des charges ?", "fr") > tone(
        "Tu m'envoies le cahier des charges ?", "fr"
    )


def test_typographic_apostrophes_and_elision():
    assert categories("Ils n\u2019ont rien compris.", "fr") == ["blame"]
    assert categories("They don\u2019t get it.", "en") == ["blame"]


def test_letters_written_as_digits_are_read():
    assert tone("They are 1d1ots.", "en") < 0
    [finding] = analyze("They are 1d1ots.", lang="en")["findings"]
    assert finding["text"] == "They are 1d1ots"


def test_praise_in_absolute_terms_is_not_a_finding():
    assert categories("They always pay on time, a great team.", "en") == []
    assert categories("Vous avez toujours été un excellent client.", "fr") == []
    assert categories("They always pay late.", "en") == ["absolutes"]


def test_praise_before_but_does_not_excuse_what_follows():
    text = "They always deliver, thanks to Marc, but they never answer emails."
    assert [f["text"] for f in analyze(text, lang="en")["findings"]] == ["they never answer"]
    text = "Vous avez toujours été un excellent client, mais ils ne répondent jamais."
    assert categories(text, "fr") == ["absolutes"]


def test_french_written_without_accents_is_still_read():
    # Accents often fall away online: "deteste", "degueulasse", "a prendre ou a laisser".
    assert categories("Je deteste les acheteurs.", "fr") == ["contempt"]
    assert categories("C'est a prendre ou a laisser.", "fr") == ["ultimatum"]
    assert tone("Desole de vous deranger, pourriez vous relire le devis ?", "fr") > 0.3
    # ... but "a" (has) is not read as "à", nor "ou" as "où".
    assert categories("Il a pris le devis ou le contrat.", "fr") == []
