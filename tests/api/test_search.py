"""``?q=`` finds names whatever their case and accents, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import pytest

from confiance.accounts.models import Account, AccountKind, Contact
from confiance.deals.models import Opportunity


@pytest.fixture
def portfolio(seller, second_seller, team):
    mine = [
        Account.objects.create(name=name, kind=AccountKind.CUSTOMER, owner=seller, team=team)
        for name in ("Énergies Vallée du Rhône", "Hôtels Belle Époque", "Northwind")
    ]
    # Someone else's account with a matching name: never in the seller's answers.
    Account.objects.create(
        name="Énergies du Nord", kind=AccountKind.CUSTOMER, owner=second_seller, team=team
    )
    Contact.objects.create(account=mine[0], name="Hélène Lefèvre", job_title="Directrice générale")
    Opportunity.objects.create(
        account=mine[1], owner=seller, title="Rénovation", competitor="Ça Va SA"
    )
    return mine


@pytest.mark.parametrize("typed", ["énergies", "ÉNERGIES", "energies", "Energies", "VALLEE"])
def test_accounts_are_found_whatever_the_case_and_accents(seller_api, portfolio, typed):
    body = seller_api.get("accounts", q=typed).json()
    assert [a["name"] for a in body["items"]] == ["Énergies Vallée du Rhône"]
    assert body["count"] == 1


@pytest.mark.parametrize("typed", ["helene", "HÉLÈNE", "lefevre", "GENERALE"])
def test_contacts_are_found_whatever_the_case_and_accents(seller_api, portfolio, typed):
    names = [c["name"] for c in seller_api.get("contacts", q=typed).json()["items"]]
    assert names == ["Hélène Lefèvre"]


@pytest.mark.parametrize("typed", ["renovation", "RÉNO", "ca va"])
def test_opportunities_are_found_whatever_the_case_and_accents(seller_api, portfolio, typed):
    titles = [o["title"] for o in seller_api.get("opportunities", q=typed).json()["items"]]
    assert titles == ["Rénovation"]


def test_a_search_still_narrows(seller_api, portfolio):
    assert seller_api.get("accounts", q="zzz").json()["count"] == 0
    assert seller_api.get("accounts", q="o").json()["count"] == 3
