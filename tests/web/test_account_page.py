"""The account page's insight sections: scorecard chart, buying-group matrix, plans."""

from __future__ import annotations

from confiance.accounts.models import Contact, StakeholderPosition, Topic
from confiance.ledger.models import Commitment, Party, Status

from .conftest import HOSTILE


def test_account_page_draws_the_five_principles_as_a_spider_chart(seller_client, account):
    page = seller_client.get(f"/accounts/{account.pk}/").content.decode()
    assert "<svg" in page
    for principle in ("Reciprocity", "Autonomy", "Integrity", "Loyalty", "Equity"):
        assert principle in page


def test_integrity_score_changes_when_a_commitment_is_broken(seller_client, account, seller):
    import datetime as dt

    from django.utils import timezone

    today = timezone.localdate()
    for n in range(4):
        Commitment.objects.create(
            account=account,
            party=Party.OURS,
            kind="deliverable",
            description=f"Deliver {n}",
            due_date=today - dt.timedelta(days=30 + n),
            status=Status.KEPT,
            resolved_at=today - dt.timedelta(days=31 + n),
        )
    target = Commitment.objects.create(
        account=account,
        party=Party.OURS,
        kind="deliverable",
        description="Deliver the pilot",
        due_date=today + dt.timedelta(days=5),
    )
    before = _integrity(seller_client.get(f"/accounts/{account.pk}/").content.decode())
    response = seller_client.post(
        f"/commitments/{target.pk}/status/", {"status": "broken"}, HTTP_HX_REQUEST="true"
    )
    after = _integrity(response.content.decode())
    assert int(after.split("/")[0]) < int(before.split("/")[0])


def _integrity(page: str) -> str:
    marker = 'data-testid="score-integrity">'
    start = page.index(marker) + len(marker)
    return page[start : page.index("<", start)]


def test_buying_group_matrix_shows_stakeholders_by_topics(seller_client, account):
    anna = Contact.objects.create(account=account, name="Anna", influence=5)
    ben = Contact.objects.create(account=account, name=HOSTILE, influence=4)
    topic = Topic.objects.create(account=account, title="Hosting")
    StakeholderPosition.objects.create(
        contact=anna, topic=topic, priority=5, preferred_alternative="Cloud"
    )
    StakeholderPosition.objects.create(
        contact=ben, topic=topic, priority=5, preferred_alternative="On premises"
    )
    page = seller_client.get(f"/accounts/{account.pk}/").content.decode()
    assert 'class="matrix"' in page
    assert "Cloud" in page and "On premises" in page and "divergence" in page
    assert 'class="camp-0"' in page and 'class="camp-1"' in page  # two camps, two colours
    position = StakeholderPosition.objects.get(contact=anna)
    assert f'href="/positions/{position.pk}/edit/"' in page
    assert HOSTILE not in page


def test_contact_topic_and_position_forms(seller_client, account):
    seller_client.post(
        f"/accounts/{account.pk}/contacts/new/",
        {"name": "Chloé", "language": "fr", "buying_role": "champion", "influence": 4},
    )
    seller_client.post(f"/accounts/{account.pk}/topics/new/", {"title": "Budget"})
    contact = Contact.objects.get(name="Chloé")
    topic = Topic.objects.get(title="Budget")
    response = seller_client.post(
        f"/accounts/{account.pk}/positions/new/",
        {"contact": contact.pk, "topic": topic.pk, "priority": 9},
    )
    assert response.status_code == 400
    assert "less than or equal to 5" in response.content.decode()
    response = seller_client.post(
        f"/accounts/{account.pk}/positions/new/",
        {
            "contact": contact.pk,
            "topic": topic.pk,
            "priority": 4,
            "preferred_alternative": "Phase 2",
        },
    )
    assert response.status_code == 302
    assert StakeholderPosition.objects.get().preferred_alternative == "Phase 2"


def test_a_position_cannot_use_another_account_s_contact(seller_client, account, seller, team):
    from confiance.accounts.models import Account

    other = Account.objects.create(name="Other", kind="customer", owner=seller, team=team)
    stranger = Contact.objects.create(account=other, name="Paul")
    topic = Topic.objects.create(account=account, title="Budget")
    response = seller_client.post(
        f"/accounts/{account.pk}/positions/new/",
        {"contact": stranger.pk, "topic": topic.pk, "priority": 3},
    )
    assert response.status_code == 400
    assert not StakeholderPosition.objects.exists()


def test_edit_forms_are_404_for_strangers(strangers, account):
    contact = Contact.objects.create(account=account, name="Anna")
    topic = Topic.objects.create(account=account, title="Hosting")
    position = StakeholderPosition.objects.create(contact=contact, topic=topic)
    urls = [
        f"/contacts/{contact.pk}/edit/",
        f"/topics/{topic.pk}/edit/",
        f"/positions/{position.pk}/edit/",
        f"/accounts/{account.pk}/contacts/new/",
        f"/accounts/{account.pk}/brief/",
    ]
    for client in strangers:
        for url in urls:
            assert client.get(url).status_code == 404, url


def test_chart_coordinates_keep_a_decimal_point_in_french(seller_client, account):
    import re

    page = seller_client.get(f"/accounts/{account.pk}/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert re.search(r'x1="\d+\.\d"', svg)
    assert not re.search(r'(?:x|y|x1|y1|x2|y2|cx|cy)="-?\d+,\d', svg)


def test_an_unknown_cell_opens_the_position_form_pre_filled(seller_client, account):
    anna = Contact.objects.create(account=account, name="Anna")
    topic = Topic.objects.create(account=account, title="Hosting")
    other = Contact.objects.create(account=account, name="Ben")
    StakeholderPosition.objects.create(contact=other, topic=topic, preferred_alternative="Cloud")
    page = seller_client.get(f"/accounts/{account.pk}/").content.decode()
    link = f"/accounts/{account.pk}/positions/new/?contact={anna.pk}&amp;topic={topic.pk}"
    assert link in page
    form = seller_client.get(link.replace("&amp;", "&")).content.decode()
    assert f'<option value="{anna.pk}" selected>' in form
    assert f'<option value="{topic.pk}" selected>' in form
