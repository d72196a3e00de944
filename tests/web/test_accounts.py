from __future__ import annotations

from confiance.accounts.models import Account, AccountKind

from .conftest import HOSTILE


def test_account_page_shows_the_account_to_its_owner_and_manager(
    seller_client, manager_client, account
):
    for client in (seller_client, manager_client):
        response = client.get(f"/accounts/{account.pk}/")
        assert response.status_code == 200
        assert "Northwind" in response.content.decode()


def test_account_page_is_404_for_another_seller_and_another_team(strangers, account):
    for client in strangers:
        assert client.get(f"/accounts/{account.pk}/").status_code == 404
        assert client.get(f"/accounts/{account.pk}/edit/").status_code == 404


def test_account_shared_with_a_colleague_is_visible_to_them(
    second_seller_client, account, second_seller
):
    account.shared_with.add(second_seller)
    assert second_seller_client.get(f"/accounts/{account.pk}/").status_code == 200


def test_anonymous_visitor_is_sent_to_sign_in(client, account):
    response = client.get(f"/accounts/{account.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_account_list_shows_only_visible_accounts(seller_client, outsider_client, account):
    assert "Northwind" in seller_client.get("/accounts/").content.decode()
    assert "Northwind" not in outsider_client.get("/accounts/").content.decode()


def test_account_list_paginates_and_searches(seller_client, seller, team):
    Account.objects.bulk_create(
        Account(name=f"Acme {n:03}", kind=AccountKind.PROSPECT, owner=seller, team=team)
        for n in range(60)
    )
    first = seller_client.get("/accounts/").content.decode()
    assert "Acme 000" in first and "Acme 030" not in first
    assert "Acme 030" in seller_client.get("/accounts/?page=2").content.decode()
    found = seller_client.get("/accounts/?q=Acme+05").content.decode()
    assert "Acme 055" in found and "Acme 000" not in found


def test_account_form_creates_an_account_owned_by_the_seller(seller_client, seller, team):
    response = seller_client.post(
        "/accounts/new/",
        {
            "name": "Contoso",
            "kind": "prospect",
            "team": team.pk,
            "owner": seller.pk,
            "language": "fr",
            "annual_value": "0",
            "currency": "EUR",
        },
    )
    account = Account.objects.get(name="Contoso")
    assert response.status_code == 302
    assert account.owner == seller


def test_account_form_shows_clear_errors(seller_client, seller, team):
    response = seller_client.post(
        "/accounts/new/",
        {
            "name": "",
            "kind": "prospect",
            "team": team.pk,
            "owner": seller.pk,
            "language": "fr",
            "annual_value": "-5",
            "currency": "EUR",
            "customer_since": "2024-01-01",
            "country": "France",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400 or response.status_code == 200
    assert "This field is required." in page
    assert not Account.objects.filter(kind="prospect", team=team).exists()


def test_seller_cannot_give_an_account_to_another_team(seller_client, seller, other_team):
    response = seller_client.post(
        "/accounts/new/",
        {
            "name": "Sneaky",
            "kind": "prospect",
            "team": other_team.pk,
            "owner": seller.pk,
            "language": "fr",
            "annual_value": "0",
            "currency": "EUR",
        },
    )
    assert response.status_code == 200
    assert not Account.objects.filter(name="Sneaky").exists()


def test_hostile_account_name_is_escaped_everywhere(seller_client, account):
    account.name = HOSTILE
    account.save()
    for url in (f"/accounts/{account.pk}/", "/accounts/"):
        page = seller_client.get(url).content.decode()
        assert HOSTILE not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_not_found_page_is_friendly_and_says_nothing_about_the_account(outsider_client, account):
    response = outsider_client.get(f"/accounts/{account.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert response.status_code == 404
    assert "not yours to see" in page and "Northwind" not in page


def test_a_form_without_its_csrf_token_gets_a_clear_page(seller):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(seller)
    response = client.post("/accounts/new/", {"name": "X"})
    assert response.status_code == 403
    assert "Form expired" in response.content.decode()
