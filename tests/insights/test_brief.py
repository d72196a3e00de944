"""The meeting prep brief puts every part together on one page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from confiance.accounts.models import Contact, StakeholderPosition, Topic
from confiance.insights.brief import NoSuchMeeting, meeting_brief
from confiance.insights.common import NoSuchAccount
from confiance.interactions.models import Interaction
from tests.insights.helpers import TODAY, at, pledge, talk

DAY = dt.timedelta(days=1)


@pytest.fixture
def situation(account):
    pledge(account, "ours", status="open", due=TODAY - 4 * DAY)
    pledge(account, "theirs", status="open", due=TODAY + 10 * DAY)
    for i in range(4):
        pledge(account, "theirs", status="broken", due=TODAY - (40 + i) * DAY)
        pledge(account, "ours", status="kept", due=TODAY - (40 + i) * DAY)
    for i, tone in enumerate((0.4, 0.3, -0.3)):
        talk(account, at(TODAY - (30 - 10 * i) * DAY), tone=tone)
    a = Contact.objects.create(account=account, name="Alice", influence=5)
    b = Contact.objects.create(account=account, name="Bruno", influence=4)
    topic = Topic.objects.create(account=account, title="Hosting")
    StakeholderPosition.objects.create(
        contact=a, topic=topic, priority=5, preferred_alternative="Cloud"
    )
    StakeholderPosition.objects.create(
        contact=b, topic=topic, priority=4, preferred_alternative="On premise"
    )
    Interaction.objects.create(
        account=account, kind="prep_note", occurred_at=at(TODAY - DAY), language="en",
        body="They just don't get it. We have to stand firm or walk away.",
    )  # fmt: skip
    return account


def test_the_brief_has_every_part(situation, seller):
    brief = meeting_brief(seller, situation, as_of=TODAY)
    assert [c.overdue for c in brief.ours] == [True] and brief.ours[0].days_overdue == 4
    assert len(brief.theirs) == 1 and not brief.theirs[0].overdue
    assert brief.scorecard.weakest == "integrity"
    assert [t.title for t in brief.divergences] == ["Hosting"]
    assert [t.tone for t in brief.tones] == [-0.3, 0.3, 0.4]
    assert "The latest one was colder than the ones before." in brief.tone_summary
    assert brief.prep is not None
    assert brief.agenda[0].startswith("Our overdue commitments first")
    assert any("Hosting" in line for line in brief.agenda)
    # Integrity is weakest because *they* broke their word: the repair is theirs to discuss.
    assert (
        "Review their open commitments together: what got in the way, what is realistic?"
        in brief.agenda
    )
    assert any(q.startswith("Ask Alice") for q in brief.questions)
    assert "Where do things stand with “theirs deliverable open”?" in brief.questions
    data = brief.as_dict()
    assert data["scorecard"]["weakest"] == "integrity" and data["meeting"] is None


def test_the_coach_reads_the_prep_note(situation, seller):
    prep = meeting_brief(seller, situation, as_of=TODAY).prep
    assert prep.findings, prep.summary
    assert {f["category"] for f in prep.findings} & {
        "blame",
        "dismissing",
        "ultimatum",
        "fight_metaphor",
    }
    assert prep.summary.startswith("Prep note of")


def test_the_next_meeting_is_picked_up(situation, seller):
    upcoming = Interaction.objects.create(
        account=situation, kind="meeting", title="Quarterly review",
        occurred_at=timezone.now() + dt.timedelta(days=3),
    )  # fmt: skip
    brief = meeting_brief(seller, situation, as_of=TODAY)
    assert brief.meeting["id"] == upcoming.pk and brief.meeting["title"] == "Quarterly review"
    assert (
        meeting_brief(seller, situation, meeting=upcoming.pk, as_of=TODAY).meeting["id"]
        == upcoming.pk
    )


def test_a_meeting_of_another_account_is_refused(situation, seller, team):
    from confiance.accounts.models import Account

    other = Account.objects.create(name="Other", kind="customer", owner=seller, team=team)
    elsewhere = Interaction.objects.create(
        account=other, kind="meeting", occurred_at=timezone.now()
    )
    with pytest.raises(NoSuchMeeting):
        meeting_brief(seller, situation, meeting=elsewhere.pk)


def test_an_empty_account_still_gets_a_useful_brief(account, seller):
    brief = meeting_brief(seller, account, as_of=TODAY)
    assert brief.ours == brief.theirs == [] and brief.prep is None
    assert brief.tone_summary == "No analysed conversation yet."
    assert brief.agenda == ["Agree on the next step together, with a date and who does what."]


def test_the_brief_is_private(situation, outsider, second_seller, manager):
    for user in (outsider, second_seller):
        with pytest.raises(NoSuchAccount):
            meeting_brief(user, situation)
    assert meeting_brief(manager, situation.pk).account == "Northwind"


@pytest.mark.parametrize("size", [5, 50])
def test_the_brief_takes_a_constant_number_of_queries(
    account, seller, size, django_assert_max_num_queries
):
    topic = Topic.objects.create(account=account, title="Hosting")
    for i in range(size):
        pledge(account, "ours", status="open", due=TODAY - i * DAY)
        talk(account, at(TODAY - (i + 1) * DAY), tone=0.1)
        contact = Contact.objects.create(account=account, name=f"C{i}")
        StakeholderPosition.objects.create(
            contact=contact, topic=topic, preferred_alternative=str(i % 2)
        )
    with django_assert_max_num_queries(25):
        brief = meeting_brief(seller, account, as_of=TODAY)
    assert len(brief.ours) == size and len(brief.divergences) == 1


def test_the_brief_brings_back_pending_noes(account, seller):
    from confiance.deals.models import Opportunity
    from confiance.deals.services import record_outcome

    opp = Opportunity.objects.create(account=account, owner=seller, title="Extension", amount=9000)
    record_outcome(opp, "lost", reason="price", decided_at=TODAY - 10 * DAY, competitor="Acme")
    brief = meeting_brief(seller, account, as_of=TODAY)
    assert [p.opportunity for p in brief.plans] == ["Extension"] and brief.plans[0].overdue
    assert "Come back to the “no” on Extension: call back (due 12 November 2026)." in brief.agenda
    assert (
        "Can we go through both offers line by line, to be sure we compare the same things?"
        in brief.questions
    )


def test_the_tone_reads_only_conversations_already_held(situation, seller):
    # The meeting being prepared (and anything else still planned) has not happened yet: a
    # tone on it (an agenda, say) must not count as "the latest conversation".
    upcoming = talk(situation, timezone.now() + dt.timedelta(days=3), tone=-0.9)
    talk(situation, timezone.now() + dt.timedelta(days=9), tone=-0.8)
    brief = meeting_brief(seller, situation, meeting=upcoming.pk, as_of=TODAY)
    assert [t.tone for t in brief.tones] == [-0.3, 0.3, 0.4]
