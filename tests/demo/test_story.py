"""The demo tells a story every capability can show: these tests hold it to that.

The portfolio is loaded once for the module (with a fixed day) and removed afterwards.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import statistics
from collections import Counter

import pytest
from django.apps import apps
from django.contrib.auth import authenticate, get_user_model
from django.utils import timezone, translation

from confiance.accounts.models import Account, Contact
from confiance.accounts.permissions import visible_accounts
from confiance.deals.models import FollowUpPlan, Opportunity
from confiance.demo import DEMO_PASSWORD, TEAM_NAME, load_demo
from confiance.demo.people import FEMININE_FR
from confiance.insights.industries import SECTORS, industry_name, sector
from confiance.insights.radar import radar
from confiance.interactions.models import Interaction, Segment
from confiance.ledger.models import Commitment, CommitmentEvent
from confiance.users.models import Team

TODAY = dt.date(2026, 11, 23)
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        result = load_demo(today=TODAY)
        yield result
        team = Team.objects.get(name=TEAM_NAME)
        Account.objects.filter(team=team).delete()
        get_user_model().objects.filter(memberships__team=team).delete()
        team.delete()


def account(name: str) -> Account:
    return Account.objects.get(name=name)


def days_ago(moment: dt.datetime) -> int:
    return (TODAY - timezone.localtime(moment).date()).days


# --- size and mix ---------------------------------------------------------------------------
def test_the_portfolio_has_the_promised_size_and_mix():
    accounts = Account.objects.all()
    assert accounts.count() >= 30
    assert set(accounts.values_list("kind", flat=True)) == {
        "prospect",
        "customer",
        "former_customer",
    }
    assert set(accounts.values_list("language", flat=True)) == {"fr", "en"}
    assert len(set(accounts.values_list("country", flat=True))) >= 5
    assert Contact.objects.count() == 120
    assert Interaction.objects.count() == 400
    assert set(Interaction.objects.values_list("kind", flat=True)) == {
        "meeting",
        "call",
        "email",
        "note",
        "prep_note",
    }


def test_the_history_spans_eighteen_months_up_to_the_day_it_was_loaded():
    past = Interaction.objects.filter(occurred_at__date__lte=TODAY)
    moments = [days_ago(m) for m in past.values_list("occurred_at", flat=True)]
    assert max(moments) >= 540 and min(moments) <= 3


def test_a_few_meetings_are_in_the_diary_for_the_next_two_weeks():
    upcoming = Interaction.objects.filter(occurred_at__date__gt=TODAY)
    assert {i.kind for i in upcoming} == {"meeting"}
    assert all(0 < -days_ago(i.occurred_at) <= 14 for i in upcoming)
    assert not Segment.objects.filter(interaction__in=upcoming).exists()  # not held yet
    assert {i.account.name for i in upcoming} >= {
        "Mercier Équipements Industriels",
        "Northbridge Health Trust",
    }
    assert all(i.contacts.exists() and i.users.exists() for i in upcoming)


def test_buying_groups_cover_every_role_with_influence_from_1_to_5():
    roles = Counter(Contact.objects.values_list("buying_role", flat=True))
    assert set(roles) == {choice for choice, _label in Contact._meta.get_field(
        "buying_role").choices}  # fmt: skip
    influences = set(Contact.objects.values_list("influence", flat=True))
    assert influences <= {1, 2, 3, 4, 5} and len(influences) >= 4


@pytest.mark.parametrize(
    "label",
    [
        "accounts.Account", "accounts.Contact", "accounts.Topic", "accounts.StakeholderPosition",
        "interactions.Interaction", "interactions.Segment", "ledger.Commitment",
        "deals.Opportunity",
    ],
)  # fmt: skip
def test_every_row_passes_the_model_validation(label):
    for row in apps.get_model(label).objects.all():
        row.full_clean()


# --- conversations ---------------------------------------------------------------------------
def test_transcripts_have_several_timed_speakers_mapped_to_people():
    meetings = Interaction.objects.filter(segments__isnull=False).distinct()
    assert meetings.count() >= 20
    for meeting in meetings:
        segments = list(meeting.segments.all())
        assert len({s.speaker_label for s in segments}) >= 3
        for segment in segments:
            assert (segment.contact is None) != (segment.user is None)
            if segment.contact:
                assert segment.contact.account_id == meeting.account_id
                assert segment.speaker_label == segment.contact.name
        starts = [s.start for s in segments]
        assert starts == sorted(starts) and all(s.end > s.start for s in segments)


@pytest.mark.parametrize(
    "phrase",
    [
        "ils ne comprennent rien",
        "essaie de nous avoir",
        "we have to stand firm",
        "They always change their minds",
        "Qu'est-ce qui compte le plus pour vous dans ce choix ?",
        "I understand your concern about the migration; let's look at it together",
    ],
)
def test_prep_notes_and_meetings_carry_combative_and_collaborative_framings(phrase):
    in_notes = Interaction.objects.filter(body__contains=phrase).exists()
    in_meetings = Segment.objects.filter(text__contains=phrase).exists()
    assert in_notes or in_meetings


def test_every_interaction_carries_the_coach_reading():
    assert not Interaction.objects.filter(tone__isnull=True).exists()
    for language, tone, analysis in Interaction.objects.values_list("language", "tone", "analysis"):
        assert -1 <= tone <= 1
        assert analysis["lang"] == language and analysis["tone"] == tone


def test_the_coach_flags_the_combative_prep_notes_and_credits_the_collaborative_ones():
    combative = Interaction.objects.filter(body__contains="ils ne comprennent rien").first()
    categories = {f["category"] for f in combative.analysis["findings"]}
    assert categories, "a combative prep note with no finding"
    collaborative = Interaction.objects.filter(
        kind="prep_note", body__contains="what matters most to you"
    ).first()
    assert collaborative.analysis["moves"], "a collaborative prep note with no move"
    assert collaborative.tone > combative.tone


# --- ledger and deals ---------------------------------------------------------------------------
def test_both_sides_keep_break_and_withdraw_commitments():
    statuses = set(Commitment.objects.values_list("party", "status"))
    for party in ("ours", "theirs"):
        assert {(party, s) for s in ("kept", "kept_late", "broken", "open")} <= statuses
    assert ("theirs", "withdrawn") in statuses
    assert Commitment.objects.filter(value_amount__gt=0).exists()
    assert Commitment.objects.filter(value_hours__gt=0).exists()


def test_some_of_our_promises_are_overdue():
    overdue = Commitment.objects.filter(party="ours", status="open", due_date__lt=TODAY)
    assert overdue.count() >= 2


def test_a_reopened_withdrawal_is_on_record_with_its_reason():
    event = CommitmentEvent.objects.get(from_status="withdrawn", to_status="open")
    assert event.note and event.commitment.status == "open"


def test_every_no_has_a_reason_and_a_perseverance_plan():
    nos = Opportunity.objects.filter(outcome__in=["lost", "no_decision"])
    assert {"price", "competitor", "timing"} <= set(nos.values_list("loss_reason", flat=True))
    assert all(o.loss_reason and o.decided_at for o in nos)
    assert FollowUpPlan.objects.filter(opportunity__in=nos).count() == nos.count()


def test_a_no_was_won_back():
    plan = FollowUpPlan.objects.get(result="reversed")
    assert plan.opportunity.outcome == "won"
    assert plan.opportunity.competitor  # what was learnt about the competitor is kept


# --- the story ---------------------------------------------------------------------------
def test_the_biggest_customer_is_neglected():
    customers = Account.objects.filter(kind="customer")
    biggest = customers.order_by("-annual_value").first()
    assert biggest.name == "Groupe Hexagone Logistique"
    contacts = sorted(
        timezone.localtime(i.occurred_at).date()
        for i in biggest.interactions.filter(kind__in=["meeting", "call", "email"])
    )
    usual_gap = statistics.median((b - a).days for a, b in itertools.pairwise(contacts))
    silence = (TODAY - contacts[-1]).days
    assert silence == 75 and silence >= 4 * usual_gap
    assert biggest.commitments.filter(party="ours", status="open", due_date__lt=TODAY).exists()
    tones = list(
        biggest.interactions.filter(kind__in=["meeting", "call", "email"])
        .order_by("occurred_at")
        .values_list("tone", flat=True)
    )
    assert statistics.mean(tones[-4:]) < statistics.mean(tones[:-4]) - 0.1


def test_a_prospect_looks_like_our_happy_customers():
    prospect = account("Fromageries du Jura Réunies")
    alike = Account.objects.filter(
        kind="customer",
        industry=prospect.industry,
        size_band=prospect.size_band,
        language=prospect.language,
    )
    assert alike.count() >= 3
    resolved = Commitment.objects.filter(account__in=alike, party="ours").exclude(status="open")
    delivered = resolved.filter(status__in=["kept", "kept_late"]).count()
    assert delivered >= 0.8 * resolved.count()
    neglected = Commitment.objects.filter(
        account__name="Groupe Hexagone Logistique", party="ours"
    ).exclude(status="open")
    on_time = resolved.filter(status="kept").count() / resolved.count()
    assert on_time > neglected.filter(status="kept").count() / neglected.count()
    assert not Opportunity.objects.filter(account__in=alike, outcome="lost").exists()


def test_accounts_name_their_industry_in_their_own_language():
    assert account("Groupe Hexagone Logistique").industry == "Logistique"
    assert account("Clinique Saint-Roch").industry == "Santé"
    assert account("Fromageries du Jura Réunies").industry == "Industrie agroalimentaire"
    assert account("Atlas Freight Lines").industry == "Logistics"
    assert account("Northbridge Health Trust").industry == "Healthcare"
    for acc in Account.objects.all():
        key = sector(acc.industry)
        assert key in SECTORS, acc.industry
        assert acc.industry == industry_name(key, acc.language), acc.name


def test_the_confidence_pack_pairs_food_manufacturers_across_languages():
    claire = get_user_model().objects.get(username="claire")
    english = {p.account: p for p in radar(claire, as_of=TODAY, lang="en").prospects}
    calder = english["Calder Valley Bakeries"]
    assert [r.account for r in calder.references][:1] == ["Harrow Foods Ltd"]
    french_refs = [r for r in calder.references if account(r.account).language == "fr"]
    assert french_refs, "French food manufacturers count as the same sector"
    assert french_refs[0].reasons[0] == "same industry (Food manufacturing)"
    french = {p.account: p for p in radar(claire, as_of=TODAY, lang="fr").prospects}
    jura = french["Fromageries du Jura Réunies"]
    assert {r.account for r in jura.references} == {
        "Laiteries des Monts d'Auvergne",
        "Biscuiterie Lefèvre-Morin",
        "Conserverie de l'Atlantique",
    }
    assert jura.references[0].reasons[0] == "même secteur (Industrie agroalimentaire)"


def test_a_deal_was_lost_on_price_to_a_competitor_claiming_20_percent():
    lost = Opportunity.objects.get(loss_reason="price", competitor_price_gap_pct=20)
    assert lost.account.kind == "customer" and lost.competitor == "Maintivo"
    assert (TODAY - lost.decided_at).days < 15
    plan = lost.plan
    assert plan.result == "pending"
    assert plan.steps.filter(kind="compare").exists()
    assert plan.steps.filter(done_on__isnull=True, due_date__lt=TODAY).exists()


@pytest.mark.parametrize("name", ["Northbridge Health Trust", "Val-de-Loire Habitat"])
def test_a_buying_group_is_split_on_a_topic(name):
    group = account(name)
    split = [
        topic
        for topic in group.topics.all()
        if len({p.preferred_alternative for p in topic.positions.filter(priority__gte=4)}) >= 2
    ]
    assert split
    positioned = set(split[0].positions.values_list("contact_id", flat=True))
    assert group.contacts.exclude(pk__in=positioned).exists()  # someone nobody asked


# --- people ---------------------------------------------------------------------------------
def test_the_printed_logins_sign_in_and_see_their_own_portfolio(demo):
    seen = {}
    for username, _role, _name in demo.logins:
        user = authenticate(username=username, password=DEMO_PASSWORD)
        assert user is not None, username
        seen[username] = set(visible_accounts(user).values_list("name", flat=True))
    total = Account.objects.count()
    assert len(seen["claire"]) == len(seen["admin"]) == total
    assert "Northbridge Health Trust" in seen["sophie"]  # shared with her
    assert "Atlas Freight Lines" not in seen["sophie"]
    assert "Genève Précision SA" in seen["james"]  # shared with him
    assert "Groupe Hexagone Logistique" not in seen["james"]
    assert len(seen["sophie"]) + len(seen["james"]) == total + 2


# --- the web app on the demo ------------------------------------------------------------------
@pytest.fixture
def client(client):
    """The test client, leaving the thread's language as it found it: signing in as a
    French-speaking user activates French, which would otherwise leak into later tests."""
    language = translation.get_language()
    yield client
    translation.activate(language)


@pytest.mark.parametrize("username", ["claire", "sophie", "james", "admin"])
def test_every_demo_user_can_browse_the_main_pages(client, username):
    assert client.login(username=username, password=DEMO_PASSWORD)
    user = get_user_model().objects.get(username=username)
    first = visible_accounts(user).order_by("-annual_value").first()
    pages = ["/", "/radar/", "/accounts/", f"/accounts/{first.pk}/", f"/accounts/{first.pk}/brief/"]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
    assert first.name in client.get(f"/accounts/{first.pk}/").content.decode()


def test_the_team_page_shows_each_sellers_combative_habits_with_real_examples(client):
    client.login(username="claire", password=DEMO_PASSWORD)
    response = client.get("/team/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Sophie Marchal" in page and "James Whitaker" in page
    # Real phrases from their own prep notes and meetings, each with a rewrite.
    assert "stand firm" in page and "essaie de nous avoir" in page


def test_the_manager_sees_the_neglected_customer_first_on_the_radar(client):
    client.login(username="claire", password=DEMO_PASSWORD)
    page = client.get("/radar/").content.decode()
    assert "Groupe Hexagone Logistique" in page
    assert page.index("Groupe Hexagone Logistique") < page.index("Atlas Freight Lines")


MASCULINE_TITLE = r"\b(Directeur|Chef|Contrôleur|Acheteur|Technicien)\b"
FEMININE_TITLE = r"\b(Directrice|Cheffe|Contrôleuse|Acheteuse|Technicienne)\b"


def test_french_job_titles_agree_with_the_person():
    # "Alain Renaud, Directrice générale" reads as sloppy data to any French user.
    wrong = [
        f"{contact.name}, {contact.job_title}"
        for contact in Contact.objects.filter(account__language="fr")
        for first in [contact.name.split()[0]]
        if re.search(
            FEMININE_TITLE if first not in FEMININE_FR else MASCULINE_TITLE, contact.job_title
        )
    ]
    assert Contact.objects.filter(account__language="fr").count() > 40
    assert not wrong, wrong
