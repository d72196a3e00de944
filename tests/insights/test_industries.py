"""Sectors named in French or English are one sector for the confidence packs."""

from __future__ import annotations

import pytest
from django.utils import translation

from confiance.accounts.models import Account
from confiance.insights.industries import SECTORS, industry_label, industry_name, sector
from confiance.insights.radar import radar
from tests.insights.helpers import TODAY
from tests.insights.test_radar import good_customer


@pytest.mark.parametrize(
    ("french", "english"),
    [
        ("Logistique", "Logistics"),
        ("Santé", "Healthcare"),
        ("Industrie agroalimentaire", "Food manufacturing"),
        ("  sante ", "health care"),  # however it was typed or imported
        ("Agroalimentaire", "FOOD MANUFACTURING"),
    ],
)
def test_french_and_english_names_of_a_sector_share_its_key(french, english):
    assert sector(french) == sector(english)


def test_other_industries_compare_as_before_ignoring_case():
    assert sector("Retail") == sector("retail") != sector("Banking")
    assert sector("Logistique") != sector("Santé")


def test_every_sector_has_its_name_in_both_languages_and_they_lead_back_to_it():
    for key in SECTORS:
        for language in ("fr", "en"):
            assert sector(industry_name(key, language)) == key
        assert industry_name(key, "fr") != industry_name(key, "en")


def test_an_industry_is_labelled_in_the_readers_language_when_it_is_a_known_sector():
    with translation.override("en"):
        assert industry_label("Logistique") == "Logistics"
        assert industry_label("logistics") == "logistics"  # already English: as typed
        assert industry_label("Boulangerie") == "Boulangerie"  # unknown: as the account says
    with translation.override("fr"):
        assert industry_label("Logistics") == "Logistique"


def test_a_french_prospect_finds_an_english_customer_of_the_same_sector(seller, team):
    Account.objects.create(
        name="Fabrikam", kind="prospect", owner=seller, team=team,
        industry="Logistique", size_band="250-999", language="fr", country="FR",
    )  # fmt: skip
    good_customer(
        "Atlas", seller, team, industry="Logistics", size_band="1000+", language="en", country="US"
    )
    good_customer("Bank", seller, team, industry="Banking", size_band="1-9", language="en")

    english = radar(seller, as_of=TODAY, lang="en").prospects[0]
    assert [r.account for r in english.references] == ["Atlas"]
    assert english.references[0].reasons[0] == "same industry (Logistics)"
    french = radar(seller, as_of=TODAY, lang="fr").prospects[0]
    assert french.references[0].reasons[0] == "même secteur (Logistique)"
