"""Accounts, contacts, topics and positions refuse values that would mislead a reader."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from confiance.accounts.models import Account, Contact, StakeholderPosition, Topic


def invalid_fields(instance) -> set[str]:
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return set(caught.value.error_dict)


def test_annual_value_cannot_be_negative_and_currency_must_be_known(account):
    account.annual_value, account.currency = -1, "EURO"
    assert invalid_fields(account) == {"annual_value", "currency"}


def test_a_prospect_has_no_customer_since_date(seller, team):
    import datetime as dt

    prospect = Account(
        name="Fabrikam",
        kind="prospect",
        owner=seller,
        team=team,
        customer_since=dt.date(2024, 1, 1),
    )
    assert invalid_fields(prospect) == {"customer_since"}


def test_country_is_a_two_letter_code_stored_in_capitals(account):
    account.country = "France"
    assert invalid_fields(account) == {"country"}
    account.country = "fr"
    account.full_clean()
    account.save()
    account.refresh_from_db()
    assert account.country == "FR"


@pytest.mark.parametrize(("influence", "valid"), [(0, False), (1, True), (5, True), (6, False)])
def test_influence_runs_from_1_to_5(account, influence, valid):
    contact = Contact(account=account, name="Hugo Roy", influence=influence)
    if valid:
        contact.full_clean()
    else:
        assert invalid_fields(contact) == {"influence"}


def test_buying_role_must_be_one_of_the_known_roles(account):
    contact = Contact(account=account, name="Hugo Roy", buying_role="kingmaker")
    assert invalid_fields(contact) == {"buying_role"}


@pytest.mark.parametrize(("priority", "valid"), [(0, False), (1, True), (5, True), (6, False)])
def test_priority_runs_from_1_to_5(account, priority, valid):
    topic = Topic.objects.create(account=account, title="Hosting")
    contact = Contact.objects.create(account=account, name="Hugo Roy")
    position = StakeholderPosition(contact=contact, topic=topic, priority=priority)
    if valid:
        position.full_clean()
    else:
        assert invalid_fields(position) == {"priority"}


def test_a_position_joins_a_contact_and_a_topic_of_the_same_account(account, seller, team):
    other = Account.objects.create(name="Contoso", kind="customer", owner=seller, team=team)
    topic = Topic.objects.create(account=other, title="Hosting")
    contact = Contact.objects.create(account=account, name="Hugo Roy")
    with pytest.raises(ValidationError) as caught:
        StakeholderPosition(contact=contact, topic=topic).full_clean()
    assert caught.value.messages == [
        "The stakeholder and the topic must belong to the same account."
    ]
