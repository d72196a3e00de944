"""How a request is worded changes how it lands: the coach's tone must order the same request
the way a reader would (conditional > bare imperative; softeners up, reproach down)."""

from __future__ import annotations

import pytest

from confiance.coach import analyze, tone


@pytest.mark.parametrize(
    ("polite", "blunt", "lang"),
    [
        # Conditionnel de politesse against the bare imperative of the same request.
        ("Pourriez-vous m'envoyer le devis ?", "Envoyez-moi le devis.", "fr"),
        ("Tu pourrais relire la proposition ?", "Relis la proposition.", "fr"),
        # The hyphen of the inversion is often left out online: still a conditional.
        ("Pourriez vous m'envoyer le devis ?", "Envoyez-moi le devis.", "fr"),
        ("Je voudrais savoir quand vous signez.", "Signez avant vendredi.", "fr"),
        # The negative form of a request is one more softener, not a denial.
        ("Vous n'auriez pas le contrat sous la main ?", "Donnez-moi le contrat.", "fr"),
        ("Could you send me the quote?", "Send me the quote.", "en"),
        ("Would you mind checking the figures?", "You have to check the figures.", "en"),
    ],
)
def test_a_conditional_request_reads_more_collaborative_than_the_imperative(polite, blunt, lang):
    assert tone(polite, lang) > tone(blunt, lang)
    assert tone(polite, lang) > 0


@pytest.mark.parametrize(
    ("indicative", "imperative"),
    [
        ("Vous envoyez le devis demain.", "Envoyez le devis demain."),
        ("Vous me les envoyez demain.", "Envoyez-les demain."),
        ("Je prends le dossier demain.", "Prends le dossier demain."),
    ],
)
def test_a_subject_before_the_verb_makes_it_a_statement_not_an_order(indicative, imperative):
    assert tone(indicative, "fr") >= 0 > tone(imperative, "fr")


def test_set_phrases_in_the_imperative_are_not_orders():
    # "Tenez-moi au courant" is a closing formula, not a command.
    assert tone("Tenez-moi au courant.", "fr") >= 0
    assert tone("Dites-moi ce qui vous conviendrait.", "fr") >= 0


@pytest.mark.parametrize(
    ("softened", "plain", "lang"),
    [
        ("Petite question : le devis est-il prêt ?", "Le devis est-il prêt ?", "fr"),
        ("Juste pour savoir, le devis est-il prêt ?", "Le devis est-il prêt ?", "fr"),
        ("Désolé de vous déranger, le devis est-il prêt ?", "Le devis est-il prêt ?", "fr"),
        ("Merci d'avance, le devis est-il prêt ?", "Le devis est-il prêt ?", "fr"),
        ("Excusez moi, le devis est-il prêt ?", "Le devis est-il prêt ?", "fr"),
    ],
)
def test_softeners_raise_the_tone(softened, plain, lang):
    assert tone(softened, lang) > tone(plain, lang)


@pytest.mark.parametrize(
    ("reproach", "neutral", "lang"),
    [
        # "quand même" / "au moins" turn the conditional into a reproach.
        ("Tu pourrais quand même répondre !", "Tu pourrais répondre ?", "fr"),
        ("Vous pourriez au moins répondre.", "Vous pourriez répondre ?", "fr"),
        ("Vous auriez pu me prévenir.", "Pourriez-vous me prévenir ?", "fr"),
        ("Je vous ai déjà dit que le prix est fixé.", "Le prix est fixé.", "fr"),
        ("Encore une fois, le prix est fixé.", "Le prix est fixé.", "fr"),
        ("Ras-le-bol de ces relances.", "Voici les relances.", "fr"),
        (
            "C'est pas normal d'attendre trois semaines.",
            "Nous attendons depuis trois semaines.",
            "fr",
        ),
        ("You could have told me earlier.", "Could you tell me earlier?", "en"),
        ("As I already said, the price is fixed.", "The price is fixed.", "en"),
        ("For the last time, the price is fixed.", "The price is fixed.", "en"),
        ("Why don't you read the contract?", "Could you read the contract?", "en"),
        ("Seriously? Nobody read it?", "Did anybody read it?", "en"),
    ],
)
def test_reproach_and_exasperation_lower_the_tone(reproach, neutral, lang):
    assert tone(reproach, lang) < tone(neutral, lang)
    assert tone(reproach, lang) < 0


def test_asking_for_the_other_view_is_a_probing_question_with_or_without_hyphen():
    for text in ("Qu'en pensez-vous ?", "Qu'en pensez vous ?", "Qu'en penses-tu ?"):
        moves = analyze(text, lang="fr")["moves"]
        assert [m["category"] for m in moves] == ["probing_question"], text
        assert tone(text, "fr") > 0


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_smile_warms_and_a_frown_is_sympathy_not_hostility(lang):
    base = {"fr": "On se voit jeudi", "en": "See you on Thursday"}[lang]
    assert tone(base + " :)", lang) > tone(base + ".", lang)
    assert tone(base + " 🙂", lang) > tone(base + ".", lang)
    assert tone(base + " :(", lang) == tone(base + ".", lang)
    assert tone(base + " 🙄", lang) < tone(base + ".", lang)


def test_a_negative_question_suggests_instead_of_denying():
    # "Ne devrait-elle pas être modifiée ?" proposes a change; it is not a refusal.
    suggestion = "Ne devrait-on pas relancer le client ?"
    assert tone(suggestion, "fr") > tone("On ne relance pas le client.", "fr")
    assert tone(suggestion, "fr") > 0
    assert tone("N'y a-t-il pas moyen de décaler la réunion ?", "fr") > 0


@pytest.mark.parametrize(
    ("annoyed", "plain", "lang"),
    [
        ("Pfff, le devis n'est toujours pas prêt.", "Le devis n'est pas encore prêt.", "fr"),
        ("Je ne comprends pas pourquoi le devis a changé.", "Le devis a changé.", "fr"),
        ("Ugh, the quote changed again.", "The quote changed.", "en"),
        ("I don't understand why the quote changed.", "The quote changed.", "en"),
    ],
)
def test_exasperation_and_complaints_lower_the_tone(annoyed, plain, lang):
    assert tone(annoyed, lang) < tone(plain, lang)


@pytest.mark.parametrize(
    ("formula", "lang"),
    [
        ("Je reste à votre disposition pour en parler.", "fr"),
        ("Je me permets de revenir vers vous au sujet du devis.", "fr"),
        ("Don't hesitate to call me about the quote.", "en"),
        ("Looking forward to your thoughts on the quote.", "en"),
    ],
)
def test_letter_formulas_read_as_courteous(formula, lang):
    # "Don't hesitate" is an offer: its "don't" must not count as a negation.
    assert tone(formula, lang) > 0


@pytest.mark.parametrize(
    ("reproach", "suggestion", "lang"),
    [
        # The past counterfactual turns a suggestion into a reproach.
        (
            "Wouldn't it have been better to ask first?",
            "Would it be possible to ask first?",
            "en",
        ),
        (
            "Il aurait été plus simple de nous prévenir.",
            "Serait-il possible de nous prévenir ?",
            "fr",
        ),
        # "Excuse me?" / « Pardon ? » with a question mark is indignation, not an apology.
        ("Excuse me? What are you accusing us of?", "Excuse me, what do you need from us?", "en"),
        ("Pardon ? Vous nous accusez de quoi ?", "Pardon, de quoi avez-vous besoin ?", "fr"),
    ],
)
def test_counterfactual_reproach_and_indignation_read_as_combative(reproach, suggestion, lang):
    assert tone(reproach, lang) < 0 < tone(suggestion, lang)


@pytest.mark.parametrize(
    "text",
    [
        "Hate to bother you, but could you check the invoice?",
        "Do you mind reopening the ticket?",
        "You might want to check the invoice.",
    ],
)
def test_english_softened_requests_read_as_polite(text):
    # "hate" here apologises for the imposition; it is not hostility.
    assert tone(text, "en") > 0
