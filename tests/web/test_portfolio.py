from __future__ import annotations

import datetime as dt

from django.utils import timezone

from confiance.accounts.models import Account, AccountKind
from confiance.interactions.models import Interaction, InteractionKind
from confiance.ledger.models import Commitment, Party


def _meeting(account, days=3, title="Renewal meeting"):
    return Interaction.objects.create(
        account=account,
        kind=InteractionKind.MEETING,
        occurred_at=timezone.now() + dt.timedelta(days=days),
        title=title,
    )


def test_portfolio_lists_overdue_commitments_on_both_sides(seller_client, account, commitment):
    Commitment.objects.create(
        account=account,
        party=Party.THEIRS,
        kind="information",
        description="Send us the usage data",
        due_date=timezone.localdate() - dt.timedelta(days=9),
    )
    page = seller_client.get("/").content.decode()
    ours = page.index("Our overdue commitments")
    theirs = page.index("Their overdue commitments")
    assert page.index("Send the revised quote") > ours
    assert page.index("Send us the usage data") > theirs


def test_portfolio_shows_upcoming_meetings_with_a_link_to_their_brief(seller_client, account):
    meeting = _meeting(account)
    page = seller_client.get("/").content.decode()
    assert "Renewal meeting" in page
    assert f"/meetings/{meeting.pk}/brief/" in page


def test_portfolio_radar_ranks_customers_with_reasons(seller_client, account):
    home = seller_client.get("/").content.decode()
    assert 'hx-get="/radar/"' in home and 'hx-trigger="load"' in home
    page = seller_client.get("/radar/", HTTP_HX_REQUEST="true").content.decode()
    assert "Paradox radar" in page and "<html" not in page
    assert f'href="/accounts/{account.pk}/"' in page
    assert "neglect" in page
    assert "<html" in seller_client.get("/radar/").content.decode()


def test_radar_follows_a_change_in_the_data_at_once(seller_client, account, seller, team):
    from confiance.accounts.models import Account

    assert "Southwind" not in seller_client.get("/radar/").content.decode()
    Account.objects.create(name="Southwind", kind=AccountKind.CUSTOMER, owner=seller, team=team)
    assert "Southwind" in seller_client.get("/radar/").content.decode()


def test_radar_is_not_shared_between_users(seller_client, second_seller_client, account):
    assert "Northwind" in seller_client.get("/radar/").content.decode()
    assert "Northwind" not in second_seller_client.get("/radar/").content.decode()


def test_portfolio_hides_other_people_s_accounts(
    second_seller_client, outsider_client, account, commitment
):
    _meeting(account, title="Secret meeting")
    for client in (second_seller_client, outsider_client):
        page = client.get("/").content.decode()
        assert "Northwind" not in page and "Secret meeting" not in page
        assert "Send the revised quote" not in page


def test_manager_sees_the_team_s_overdue_commitments(manager_client, commitment):
    assert "Send the revised quote" in manager_client.get("/").content.decode()


def test_portfolio_radar_paginates(seller_client, seller, team):
    Account.objects.bulk_create(
        Account(name=f"Customer {n:02}", kind=AccountKind.CUSTOMER, owner=seller, team=team)
        for n in range(25)
    )
    first = seller_client.get("/radar/").content.decode()
    third = seller_client.get("/radar/?radar=3").content.decode()
    assert "Page 1 of 3" in first and "Page 3 of 3" in third
    shown_first = {n for n in range(25) if f"Customer {n:02}<" in first}
    shown_third = {n for n in range(25) if f"Customer {n:02}<" in third}
    assert len(shown_first) == 10 and len(shown_third) == 5
    assert not shown_first & shown_third


def test_portfolio_in_french_uses_french_dates(seller_client, account, commitment):
    page = seller_client.get("/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    months = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ]
    assert any(month in page for month in months)


def test_a_manager_can_look_at_one_seller_s_portfolio(
    manager_client, account, commitment, second_seller, team
):
    theirs = Account.objects.create(
        name="Tom's customer", kind=AccountKind.CUSTOMER, owner=second_seller, team=team
    )
    Commitment.objects.create(
        account=theirs,
        party=Party.OURS,
        kind="deliverable",
        description="Tom's late promise",
        due_date=timezone.localdate() - dt.timedelta(days=2),
    )
    everyone = manager_client.get("/").content.decode()
    assert "Send the revised quote" in everyone and "Tom&#x27;s late promise" in everyone
    only_tom = manager_client.get(f"/?seller={second_seller.pk}").content.decode()
    assert "Tom&#x27;s late promise" in only_tom and "Send the revised quote" not in only_tom
    radar = manager_client.get(f"/radar/?seller={second_seller.pk}").content.decode()
    assert "Tom&#x27;s customer" in radar and "Northwind" not in radar


def test_a_seller_cannot_use_the_filter_to_see_a_colleague(seller_client, second_seller, team):
    theirs = Account.objects.create(
        name="Tom's customer", kind=AccountKind.CUSTOMER, owner=second_seller, team=team
    )
    page = seller_client.get(f"/?seller={second_seller.pk}").content.decode()
    assert 'id="seller"' not in page
    radar = seller_client.get(f"/radar/?seller={second_seller.pk}").content.decode()
    assert theirs.name not in radar.replace("&#x27;", "'")
