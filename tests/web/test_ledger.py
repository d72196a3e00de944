from __future__ import annotations

from django.test import Client
from django.utils import timezone

from confiance.ledger.models import Commitment, CommitmentEvent, Status


def test_one_click_marks_a_commitment_broken_and_records_who(seller_client, seller, commitment):
    response = seller_client.post(
        f"/commitments/{commitment.pk}/status/", {"status": "broken"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    commitment.refresh_from_db()
    assert commitment.status == Status.BROKEN
    assert commitment.resolved_at == timezone.localdate()
    assert CommitmentEvent.objects.get(commitment=commitment).by == seller
    page = response.content.decode()
    assert f'id="c{commitment.pk}"' in page and "Broken" in page
    assert 'hx-swap-oob="true"' in page


def test_without_htmx_the_status_change_redirects_to_the_ledger(seller_client, commitment):
    response = seller_client.post(f"/commitments/{commitment.pk}/status/", {"status": "kept_late"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#c{commitment.pk}")
    commitment.refresh_from_db()
    assert commitment.status == Status.KEPT_LATE


def test_kept_after_the_due_date_is_refused_with_the_reason(seller_client, commitment):
    response = seller_client.post(
        f"/commitments/{commitment.pk}/status/", {"status": "kept"}, HTTP_HX_REQUEST="true"
    )
    commitment.refresh_from_db()
    assert commitment.status == Status.OPEN
    assert "kept late" in response.content.decode()


def test_status_change_is_404_for_people_who_cannot_see_the_account(strangers, commitment):
    for client in strangers:
        response = client.post(f"/commitments/{commitment.pk}/status/", {"status": "broken"})
        assert response.status_code == 404
        assert client.get(f"/commitments/{commitment.pk}/edit/").status_code == 404
    commitment.refresh_from_db()
    assert commitment.status == Status.OPEN


def test_status_change_needs_a_post_with_a_csrf_token(seller, commitment):
    client = Client(enforce_csrf_checks=True)
    client.force_login(seller)
    assert client.get(f"/commitments/{commitment.pk}/status/").status_code == 405
    assert (
        client.post(f"/commitments/{commitment.pk}/status/", {"status": "broken"}).status_code
        == 403
    )
    commitment.refresh_from_db()
    assert commitment.status == Status.OPEN


def test_unknown_status_is_a_bad_request(seller_client, commitment):
    response = seller_client.post(f"/commitments/{commitment.pk}/status/", {"status": "lost"})
    assert response.status_code == 400


def test_adding_a_commitment_from_the_account_page(seller_client, account, seller):
    response = seller_client.post(
        f"/accounts/{account.pk}/commitments/new/",
        {
            "new-party": "theirs",
            "new-kind": "information",
            "new-description": "Share the usage figures",
            "new-due_date": "2030-01-15",
            "new-currency": "EUR",
        },
    )
    assert response.status_code == 302
    added = Commitment.objects.get(description="Share the usage figures")
    assert added.account == account and added.party == "theirs"
    assert (
        "Share the usage figures" in seller_client.get(f"/accounts/{account.pk}/").content.decode()
    )


def test_adding_a_commitment_with_errors_explains_them(seller_client, account, seller):
    response = seller_client.post(
        f"/accounts/{account.pk}/commitments/new/",
        {
            "new-party": "ours",
            "new-kind": "deliverable",
            "new-description": "",
            "new-due_date": "not a date",
            "new-currency": "EUR",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "This field is required." in page and "Enter a valid date." in page
    assert not Commitment.objects.exists()


def test_a_stranger_cannot_add_to_the_ledger(strangers, account):
    for client in strangers:
        response = client.post(
            f"/accounts/{account.pk}/commitments/new/",
            {"new-party": "ours", "new-kind": "deliverable", "new-description": "x"},
        )
        assert response.status_code == 404
    assert not Commitment.objects.exists()


def test_a_colleague_of_another_account_cannot_own_a_commitment_contact(
    seller_client, account, seller, team
):
    from confiance.accounts.models import Account, Contact

    other = Account.objects.create(name="Other", kind="customer", owner=seller, team=team)
    stranger = Contact.objects.create(account=other, name="Paul")
    response = seller_client.post(
        f"/accounts/{account.pk}/commitments/new/",
        {
            "new-party": "theirs",
            "new-kind": "deliverable",
            "new-description": "x",
            "new-owner_contact": stranger.pk,
            "new-currency": "EUR",
        },
    )
    assert response.status_code == 400
    assert not Commitment.objects.exists()


def test_editing_a_commitment(seller_client, commitment):
    response = seller_client.post(
        f"/commitments/{commitment.pk}/edit/",
        {
            "party": "ours",
            "kind": "deliverable",
            "description": "Send the final quote",
            "currency": "EUR",
            "status": "open",
        },
    )
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.description == "Send the final quote"


def test_the_ledger_paginates_with_open_commitments_first(seller_client, account):
    import datetime as dt

    today = timezone.localdate()
    Commitment.objects.bulk_create(
        Commitment(
            account=account,
            party="ours",
            kind="deliverable",
            description=f"Old {n:02}",
            status=Status.KEPT,
            resolved_at=today - dt.timedelta(days=n),
        )
        for n in range(30)
    )
    Commitment.objects.create(
        account=account, party="theirs", kind="deliverable", description="Still open"
    )
    first = seller_client.get(f"/accounts/{account.pk}/").content.decode()
    second = seller_client.get(f"/accounts/{account.pk}/?ledger=2").content.decode()
    assert first.index("Still open") < first.index("Old 00")
    assert "Old 18" in first and "Old 19" not in first
    assert "Old 19" in second and "Old 29" in second


def test_the_ledger_shows_values_the_local_way(seller_client, account):
    Commitment.objects.create(
        account=account,
        party="theirs",
        kind="investment",
        description="Pilot budget",
        value_amount=12500,
        currency="EUR",
        value_hours=7.5,
    )
    english = seller_client.get(
        f"/accounts/{account.pk}/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    french = seller_client.get(
        f"/accounts/{account.pk}/", HTTP_ACCEPT_LANGUAGE="fr"
    ).content.decode()
    assert "€12,500" in english and "7.5 h" in english
    assert "12\u00a0500\u00a0€" in french and "7,5 h" in french
