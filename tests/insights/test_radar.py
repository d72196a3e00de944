"""The paradox radar: neglected customers first, references for prospects."""

from __future__ import annotations

import datetime as dt

import pytest

from confiance.accounts.models import Account, Topic
from confiance.deals.models import Opportunity
from confiance.insights.radar import radar
from confiance.users.models import Profile
from tests.insights.helpers import TODAY, at, pledge, talk

DAY = dt.timedelta(days=1)


def customer(name, owner, team, value=10_000, **extra):
    return Account.objects.create(
        name=name, kind="customer", owner=owner, team=team, annual_value=value, **extra
    )


def weekly_contact(account, until: dt.date, weeks: int = 20, tone=0.2):
    for week in range(weeks):
        talk(account, at(until - week * 7 * DAY), kind="call", tone=tone)


def test_a_silent_big_customer_comes_first(seller, team):
    big = customer("Big silent", seller, team, value=500_000)
    small = customer("Small silent", seller, team, value=5_000)
    busy = customer("Big busy", seller, team, value=400_000)
    weekly_contact(big, TODAY - 70 * DAY)
    weekly_contact(small, TODAY - 70 * DAY)
    weekly_contact(busy, TODAY - 2 * DAY)

    entries = radar(seller, as_of=TODAY).customers
    assert [e.account for e in entries] == ["Big silent", "Small silent", "Big busy"]
    first = entries[0]
    assert first.rank == 1 and first.days_silent == 70 and first.usual_gap_days == 7
    assert first.reasons[0] == "Last two-way contact 70 days ago; usually every 7 days."
    assert first.neglect > entries[1].neglect > entries[2].neglect


def test_overdue_promises_and_a_souring_tone_are_reasons(seller, team):
    acc = customer("Souring", seller, team)
    for month in range(3, 9):
        talk(acc, at(dt.date(2026, month, 5)), tone=0.5)
    for month in range(9, 12):
        talk(acc, at(dt.date(2026, month, 15)), tone=-0.4)
    pledge(acc, "ours", status="open", due=TODAY - 12 * DAY)
    pledge(acc, "theirs", status="open", due=TODAY - 30 * DAY)  # theirs: not our neglect
    Opportunity.objects.create(
        account=acc, title="Old", outcome="won", decided_at=dt.date(2025, 1, 10), stage="closed"
    )
    entry = radar(seller, as_of=TODAY).customers[0]
    assert entry.overdue_ours == 1
    text = " | ".join(entry.reasons)
    assert "1 of our commitments is overdue (the oldest by 12 days)." in text
    assert "Tone souring: -0.40 over the last three months against +0.50 before." in text
    assert "No win for 22 months." in text


def test_last_contact_is_a_local_date(seller, team):
    acc = customer("Late call", seller, team)
    talk(acc, dt.datetime(2026, 11, 19, 23, 30, tzinfo=dt.UTC), kind="call")
    Profile.objects.create(user=seller, time_zone="Asia/Tokyo")
    assert radar(seller, as_of=TODAY).customers[0].last_contact == dt.date(2026, 11, 20)
    seller.profile.time_zone = "America/New_York"
    seller.profile.save()
    seller.refresh_from_db()
    assert radar(seller, as_of=TODAY).customers[0].last_contact == dt.date(2026, 11, 19)


def good_customer(name, owner, team, **extra):
    acc = customer(name, owner, team, **extra)
    for i in range(4):
        pledge(acc, "ours", status="kept", due=TODAY - (20 + i) * DAY)
        pledge(acc, "theirs", status="kept", due=TODAY - (20 + i) * DAY)
    return acc


def test_prospects_get_similar_customers_with_good_scorecards(seller, team):
    prospect = Account.objects.create(
        name="Fabrikam", kind="prospect", owner=seller, team=team,
        industry="Logistics", size_band="250-999", language="fr", country="FR",
    )  # fmt: skip
    Topic.objects.create(account=prospect, title="Warehouse migration")
    twin = good_customer(
        "Twin", seller, team, industry="logistics", size_band="250-999", language="fr", country="FR"
    )
    Topic.objects.create(account=twin, title="Migration of the warehouse system")
    good_customer("Cousin", seller, team, industry="Logistics", size_band="1000+", language="en")
    good_customer("Stranger", seller, team, industry="Banking", size_band="1-9", language="en")
    unhappy = customer(
        "Unhappy twin",
        seller,
        team,
        industry="Logistics",
        size_band="250-999",
        language="fr",
        country="FR",
    )
    for i in range(4):
        pledge(unhappy, "ours", status="broken", due=TODAY - (20 + i) * DAY)
        pledge(unhappy, "theirs", status="broken", due=TODAY - (20 + i) * DAY)

    pack = radar(seller, as_of=TODAY).prospects[0]
    assert pack.account == "Fabrikam"
    assert [r.account for r in pack.references] == ["Twin", "Cousin"]
    assert pack.references[0].reasons == [
        "same industry (logistics)",
        "same size",
        "same language",
        "same country (FR)",
        "shared needs: migration, warehouse",
    ]


def test_the_radar_shows_only_visible_accounts(account, seller, second_seller, manager, team):
    customer("Tom's", second_seller, team)
    assert [e.account for e in radar(seller).customers] == ["Northwind"]
    assert {e.account for e in radar(manager).customers} == {"Northwind", "Tom's"}


@pytest.mark.parametrize("size", [5, 50])
def test_the_radar_takes_a_constant_number_of_queries(
    seller, team, size, django_assert_max_num_queries
):
    for i in range(size):
        acc = good_customer(f"C{i}", seller, team, industry="Retail")
        talk(acc, at(TODAY - i * DAY), tone=0.1)
        Topic.objects.create(account=acc, title="Pricing")
        Account.objects.create(
            name=f"P{i}", kind="prospect", owner=seller, team=team, industry="Retail"
        )
    with django_assert_max_num_queries(12):
        result = radar(seller, as_of=TODAY)
    assert len(result.customers) == size and len(result.prospects) == size
    assert all(p.references for p in result.prospects)
