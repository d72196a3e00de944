"""The ledger's rules: a commitment's status, dates and owner must tell a consistent story."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from confiance.accounts.models import Account, Contact
from confiance.ledger.models import Commitment, CommitmentEvent

DUE = dt.date(2026, 10, 15)


@pytest.fixture
def contact(account) -> Contact:
    return Contact.objects.create(account=account, name="Priya Patel")


def commitment(account, **fields) -> Commitment:
    values = {
        "account": account,
        "party": "ours",
        "kind": "deliverable",
        "description": "Send the revised rollout plan",
        "due_date": DUE,
    }
    return Commitment(**{**values, **fields})


def error_codes(instance) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return {field: [e.code for e in errors] for field, errors in caught.value.error_dict.items()}


def test_a_kept_commitment_needs_the_day_it_was_kept(account):
    assert error_codes(commitment(account, status="kept")) == {"resolved_at": ["resolved_missing"]}


@pytest.mark.parametrize("status", ["kept_late", "broken", "withdrawn"])
def test_every_resolved_status_needs_a_resolution_date(account, status):
    assert "resolved_at" in error_codes(commitment(account, status=status))


def test_kept_after_the_due_date_must_be_recorded_as_kept_late(account):
    late = DUE + dt.timedelta(days=3)
    assert error_codes(commitment(account, status="kept", resolved_at=late)) == {
        "status": ["kept_after_due"]
    }
    commitment(account, status="kept_late", resolved_at=late).full_clean()
    commitment(account, status="kept", resolved_at=DUE).full_clean()


def test_an_open_commitment_has_no_resolution_date(account):
    assert error_codes(commitment(account, status="open", resolved_at=DUE)) == {
        "resolved_at": ["resolved_open"]
    }


def test_our_commitments_are_owned_by_a_colleague_and_theirs_by_a_contact(account, seller, contact):
    assert "owner_contact" in error_codes(commitment(account, owner_contact=contact))
    assert "owner_user" in error_codes(commitment(account, party="theirs", owner_user=seller))
    commitment(account, owner_user=seller).full_clean()
    commitment(account, party="theirs", owner_contact=contact).full_clean()


def test_a_contact_of_another_account_cannot_own_the_commitment(account, seller, team):
    other = Account.objects.create(name="Contoso", kind="customer", owner=seller, team=team)
    stranger = Contact.objects.create(account=other, name="Omar Reid")
    codes = error_codes(commitment(account, party="theirs", owner_contact=stranger))
    assert codes == {"owner_contact": ["cross_account"]}


def test_values_cannot_be_negative_and_currency_must_be_known(account):
    codes = error_codes(commitment(account, value_amount=-1, value_hours=-2, currency="XYZ"))
    assert set(codes) == {"value_amount", "value_hours", "currency"}


def test_each_status_change_is_recorded_with_who_and_when(account, seller):
    item = commitment(account, owner_user=seller)
    item.save()
    item.change_status("kept_late", on=DUE + dt.timedelta(days=2), by=seller)
    item.refresh_from_db()
    assert (item.status, item.resolved_at) == ("kept_late", DUE + dt.timedelta(days=2))
    event = CommitmentEvent.objects.get(commitment=item)
    assert (event.from_status, event.to_status, event.by) == ("open", "kept_late", seller)


def test_a_change_that_breaks_the_rules_is_refused_and_not_recorded(account, seller):
    item = commitment(account, owner_user=seller)
    item.save()
    with pytest.raises(ValidationError):
        item.change_status("kept", on=DUE + dt.timedelta(days=9), by=seller)
    item.refresh_from_db()
    assert item.status == "open"
    assert not CommitmentEvent.objects.filter(commitment=item).exists()


def test_reopening_a_withdrawn_commitment_needs_a_note(account, seller):
    item = commitment(account, owner_user=seller, status="withdrawn", resolved_at=DUE)
    item.save()
    with pytest.raises(ValidationError) as caught:
        item.change_status("open", by=seller)
    assert caught.value.code == "reopen_needs_note"
    item.refresh_from_db()
    assert item.status == "withdrawn"
    assert not item.events.exists()


def test_a_reopened_withdrawn_commitment_keeps_the_reason_in_its_history(account, seller):
    item = commitment(account, owner_user=seller, status="withdrawn", resolved_at=DUE)
    item.save()
    item.change_status("open", by=seller, note="Their new director put it back on the table.")
    item.refresh_from_db()
    assert (item.status, item.resolved_at) == ("open", None)
    event = item.events.get()
    assert (event.from_status, event.to_status) == ("withdrawn", "open")
    assert event.note == "Their new director put it back on the table."


def test_an_open_commitment_past_its_due_date_is_overdue(account):
    assert commitment(account, due_date=dt.date(2000, 1, 1)).is_overdue
    assert not commitment(account, due_date=dt.date(2999, 1, 1)).is_overdue
    assert not commitment(account, status="kept", resolved_at=DUE).is_overdue
