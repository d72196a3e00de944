"""Language detection: function words, elision and French letters."""

from __future__ import annotations

import pytest

from confiance.coach import UnknownLanguageError, analyze
from confiance.coach.detect import check, detect


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("They just don't get it and we have to stand firm.", "en"),
        ("Ils ne comprennent rien et il faut tenir bon.", "fr"),
        ("L'acheteur n'a pas répondu.", "fr"),
        ("Merci !", "fr"),
        ("Thanks!", "en"),
        ("Réunion à Genève", "fr"),
    ],
)
def test_detect(text, lang):
    assert detect(text) == lang
    assert analyze(text)["lang"] == lang


def test_no_evidence_falls_back_to_english():
    assert detect("") == "en"
    assert detect("12345 🙂") == "en"


def test_explicit_language_is_case_insensitive_and_wins():
    assert check("FR") == "fr"
    assert analyze("They don't get it.", lang="fr")["lang"] == "fr"


@pytest.mark.parametrize("lang", ["de", "es", "english", ""])
def test_other_languages_are_refused_with_a_clear_message(lang):
    with pytest.raises(UnknownLanguageError) as err:
        analyze("Hallo", lang=lang)
    assert repr(lang) in str(err.value)
    assert "'fr'" in str(err.value) and "'en'" in str(err.value)
    assert isinstance(err.value, ValueError)
