"""The tone number orders notes the way a sales coach would."""

from __future__ import annotations

from confiance.coach import tone

COMBATIVE_EN = (
    "They just don't get it. They are trying to take advantage of us, so we stand firm: "
    "final offer, take it or leave it."
)
NEUTRAL_EN = "The meeting is on Tuesday at 10 in their office. Marc and the CFO will attend."
COLLABORATIVE_EN = (
    "Thanks for the frank discussion. If I understand correctly, the budget is the main "
    "concern; could we look together at a phased rollout? What would make it work for you?"
)
COMBATIVE_FR = (
    "Ils ne comprennent rien, ces guignols. Ils veulent nous arnaquer, donc on ne lâche "
    "rien : c'est à prendre ou à laisser."
)
NEUTRAL_FR = "La réunion a lieu mardi à 10 h dans leurs locaux. Marc et le DAF seront présents."
COLLABORATIVE_FR = (
    "Merci pour cet échange franc. Si je comprends bien, le budget est votre principale "
    "préoccupation ; pourrions-nous regarder ensemble un déploiement par étapes ? "
    "Qu'est-ce qui vous conviendrait ?"
)


def test_combative_below_neutral_below_collaborative_in_english():
    assert (
        -1 <= tone(COMBATIVE_EN, "en") < tone(NEUTRAL_EN, "en") < tone(COLLABORATIVE_EN, "en") <= 1
    )
    assert tone(COMBATIVE_EN, "en") < -0.5 and tone(COLLABORATIVE_EN, "en") > 0.5


def test_combative_below_neutral_below_collaborative_in_french():
    assert (
        -1 <= tone(COMBATIVE_FR, "fr") < tone(NEUTRAL_FR, "fr") < tone(COLLABORATIVE_FR, "fr") <= 1
    )
    assert tone(COMBATIVE_FR, "fr") < -0.5 and tone(COLLABORATIVE_FR, "fr") > 0.5


def test_a_neutral_fact_is_near_zero():
    assert abs(tone(NEUTRAL_EN, "en")) < 0.3
    assert abs(tone(NEUTRAL_FR, "fr")) < 0.3


def test_polite_request_beats_blunt_demand():
    assert tone("Could you please send the figures when you have a moment?", "en") > tone(
        "Send the figures. Why didn't you do it yesterday?", "en"
    )
    assert tone("Pourriez-vous m'envoyer les chiffres, s'il vous plaît ?", "fr") > tone(
        "Envoie les chiffres. Pourquoi tu ne l'as pas fait hier ?", "fr"
    )


def test_hostility_at_people_is_worse_than_at_things():
    assert tone("Je déteste les immigrés.", "fr") < tone("Je déteste la pizza.", "fr") < 0
    assert tone("I hate women.", "en") < tone("I hate traffic.", "en") < 0


def test_countering_hostility_is_not_hostility():
    quoted = tone("Dire « je déteste les femmes » est inacceptable.", "fr")
    assert quoted > tone("Je déteste les femmes.", "fr")
    assert tone("Je ne déteste pas les femmes.", "fr") >= 0


def test_swearing_lowers_the_tone():
    assert tone("This fucking contract again.", "en") < tone("This contract again.", "en")
    assert tone("Putain, encore ce contrat.", "fr") < tone("Encore ce contrat.", "fr")
