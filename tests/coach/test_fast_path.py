"""``tone()`` takes a shortcut (no offsets, no explanations, a faster tokenizer) and must
still give exactly the tone of the full analysis: a user comparing the batch figures with
the report of one note must see the same number."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from confiance.coach import analyze, resources, tone

SENTENCES = {
    "en": [
        "They just don't get it.",
        "I don't think they are stupid.",
        "They are not stupid, they are careful.",
        "I never said they were idiots.",
        "Maybe we could perhaps look at a phased rollout together?",
        "I'm not sure, but it might be worth asking what matters most to them.",
        'The customer said: "you are trying to take advantage of us".',
        "They ALWAYS push the price down and they never listen.",
        "They always pay on time, great team.",
        "We have to crush them and stand firm. Take it or leave it!",
        "Thanks a lot for the really helpful call, I appreciate it.",
        "If I understand correctly, your main concern is the budget; is that right?",
        "You're wrong and I'm right.",
        "They are really, really incompetent clowns.",
        "Th3y ar3 st00pid 1d10ts.",
        "They are s t u p i d.",
        "Don’t worry, we’ll send the revised quote by Friday.",
        "I hate women. I do not hate traffic.",
        "Not bad at all, honestly.",
        "",
        "...",
        "İSTANBUL office: they just don't get it.",
        "Could you help me understand why the renewal is blocked?\nThanks!",
        "You could have told me. As I already said, excuse me? Shoot me an email :(",
        "Calling people idiots is not OK. I can't stand those buyers; they never listen.",
    ],
    "fr": [
        "Ils ne comprennent rien.",
        "Je ne pense pas qu'ils soient stupides.",
        "Ils ne sont pas idiots, ils sont prudents.",
        "Je n'ai jamais dit que c'étaient des imbéciles.",
        "Peut-être pourrions-nous regarder ensemble un déploiement par étapes ?",
        "Je ne suis pas sûr, mais il faudrait leur demander ce qui compte le plus.",
        "Le client a dit : « vous essayez de profiter de nous ».",
        "Ils veulent TOUJOURS baisser le prix et ils n'écoutent jamais.",
        "Ils paient toujours à l'heure, super équipe.",
        "Il faut les écraser et ne rien lâcher : c'est à prendre ou à laisser !",
        "Merci beaucoup pour cet échange vraiment utile, je l'apprécie.",
        "Si je comprends bien, votre principale préoccupation est le budget ; c'est bien ça ?",
        "Vous avez tort et j'ai raison.",
        "Ce sont vraiment des guignols incompétents.",
        "Je d3teste l3s femmes.",
        "Ils sont d é b i l e s.",
        "L’équipe n’a pas tort, qu’ils sachent qu’on les écoute.",
        "Je déteste les immigrés. Je ne déteste pas la pizza.",
        "Pas mal du tout, franchement.",
        "Aujourd'hui, jusqu'à vendredi, lorsqu'il viendra, quelqu'un l'appellera.",
        "",
        "Pourriez-vous m'expliquer pourquoi le renouvellement bloque ?\nMerci !",
        # Request politeness, mention versus use, accents dropped.
        "Pourriez vous m'envoyer le devis ? Envoyez-le avant vendredi, vous me les envoyez.",
        "Tu pourrais quand même répondre ! Pfff. Ne devrait-on pas relancer ?",
        "Tu dois arrêter d'appeler les gens des abrutis, je ne supporte pas les acheteurs.",
        "Je deteste les clients, c'est a prendre ou a laisser :)",
    ],
}
CASES = [(text, lang) for lang, texts in SENTENCES.items() for text in texts]


@pytest.mark.parametrize(("text", "lang"), CASES)
def test_tone_equals_the_full_analysis_with_the_language_given(text, lang):
    assert tone(text, lang) == analyze(text, lang=lang)["tone"]


@pytest.mark.parametrize(("text", "lang"), CASES)
def test_tone_equals_the_full_analysis_with_the_language_detected(text, lang):
    assert tone(text) == analyze(text)["tone"]


def test_the_sample_covers_every_kind_of_tone():
    # Not a sample of zeros: the equality above would then prove little.
    tones = [tone(text, lang) for text, lang in CASES]
    assert min(tones) < -0.5 and max(tones) > 0.5
    assert sum(1 for t in tones if t) > len(tones) * 0.7


@settings(max_examples=300, deadline=None)
@given(text=st.text(), lang=st.sampled_from(["fr", "en"]))
def test_the_fast_tokenizer_finds_the_same_tokens(text, lang):
    data = resources.get(lang)
    low = text.lower()
    assert data.fast_token_re.findall(low) == data.token_re.findall(low)


@settings(max_examples=200, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(
            ["ne", "n'", "pas", "jamais", "don't", "not", "they", "ils", "always", "toujours"]
            + ["stupid", "idiots", "get", "it", "comprennent", "rien", "?", ",", ".", '"']
            + ["I", "think", "je", "pense", "que", "really", "vraiment", "merci", "thanks"]
        ),
        max_size=30,
    ).map(" ".join),
    lang=st.sampled_from(["fr", "en"]),
)
def test_tone_equals_the_full_analysis_on_dense_cue_sequences(text, lang):
    assert tone(text, lang) == analyze(text, lang=lang)["tone"]
