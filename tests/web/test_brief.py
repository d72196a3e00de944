from __future__ import annotations

import datetime as dt

from django.utils import timezone

from confiance.interactions.models import Interaction


def _meeting(account):
    return Interaction.objects.create(
        account=account,
        kind="meeting",
        title="Quarterly review",
        occurred_at=timezone.now() + dt.timedelta(days=2),
    )


def test_brief_is_one_printable_page(seller_client, account, commitment):
    meeting = _meeting(account)
    response = seller_client.get(f"/meetings/{meeting.pk}/brief/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Quarterly review" in page
    assert "Send the revised quote" in page
    assert 'media="print"' in page


def test_brief_is_404_for_strangers(strangers, account):
    meeting = _meeting(account)
    for client in strangers:
        assert client.get(f"/meetings/{meeting.pk}/brief/").status_code == 404


def test_account_brief_names_the_next_planned_meeting(seller_client, account):
    _meeting(account)
    page = seller_client.get(f"/accounts/{account.pk}/brief/").content.decode()
    assert "Quarterly review" in page and "No meeting planned yet." not in page
