from __future__ import annotations

from confiance.deals.models import FollowUpPlan, Opportunity, Outcome
from tests.web.helpers import post_outcome


def _opportunity(account, seller):
    return Opportunity.objects.create(
        account=account, owner=seller, title="Renewal 2027", amount=120000
    )


def test_recording_a_no_on_price_opens_the_plan_at_once(seller_client, account, seller):
    opportunity = _opportunity(account, seller)
    response = post_outcome(
        seller_client, opportunity, outcome="lost", reason="price", decided_at="2026-11-20",
        competitor="Globex", price_gap_pct="20", follow=True,
    )  # fmt: skip
    assert response.status_code == 200
    opportunity.refresh_from_db()
    assert opportunity.outcome == Outcome.LOST
    plan = FollowUpPlan.objects.get(opportunity=opportunity)
    page = response.content.decode()
    assert "Perseverance plan" in page
    assert "perseverance plan is open" in page
    for step in plan.steps.all():
        assert step.get_kind_display() in page


def test_a_no_without_a_reason_is_refused_with_a_clear_message(seller_client, account, seller):
    opportunity = _opportunity(account, seller)
    response = post_outcome(
        seller_client, opportunity, outcome="lost", reason="", decided_at="2026-11-20"
    )
    assert response.status_code == 400
    assert "Say why the customer said no." in response.content.decode()
    opportunity.refresh_from_db()
    assert opportunity.outcome == Outcome.OPEN
    assert not FollowUpPlan.objects.exists()


def test_strangers_cannot_record_an_outcome(strangers, account, seller):
    opportunity = _opportunity(account, seller)
    for client in strangers:
        response = post_outcome(
            client, opportunity, outcome="lost", reason="price", decided_at="2026-11-20"
        )
        assert response.status_code == 404
        assert client.get(f"/opportunities/{opportunity.pk}/edit/").status_code == 404
    assert not FollowUpPlan.objects.exists()


def test_creating_an_opportunity_makes_the_seller_its_owner(seller_client, account, seller):
    response = seller_client.post(
        f"/accounts/{account.pk}/opportunities/new/",
        {"title": "Extension", "stage": "discovery", "amount": "5000", "currency": "EUR"},
    )
    assert response.status_code == 302
    assert Opportunity.objects.get(title="Extension").owner == seller


def test_no_waiting_appears_on_the_portfolio(seller_client, account, seller):
    opportunity = _opportunity(account, seller)
    post_outcome(
        seller_client, opportunity, outcome="lost", reason="competitor", decided_at="2026-11-20",
        competitor="Globex",
    )  # fmt: skip
    page = seller_client.get("/").content.decode()
    assert "Renewal 2027" in page and "Next step" in page


def _lost(seller_client, account, seller):
    opportunity = _opportunity(account, seller)
    post_outcome(
        seller_client, opportunity, outcome="lost", reason="price", decided_at="2026-11-20"
    )
    return opportunity


def test_ticking_a_plan_step_with_a_note(seller_client, account, seller):
    opportunity = _lost(seller_client, account, seller)
    step = opportunity.plan.steps.first()
    response = seller_client.post(f"/plan-steps/{step.pk}/done/", {"note": "Called Claire"})
    assert response.status_code == 302
    step.refresh_from_db()
    assert step.done_on is not None and "Called Claire" in step.note


def test_a_no_won_back_closes_the_plan_as_reversed(seller_client, account, seller):
    opportunity = _lost(seller_client, account, seller)
    page = seller_client.get(f"/accounts/{account.pk}/").content.decode()
    assert "Won back? Record it" in page
    post_outcome(seller_client, opportunity, outcome="won", decided_at="2026-11-22")
    opportunity.refresh_from_db()
    assert opportunity.outcome == Outcome.WON
    assert opportunity.plan.result == "reversed"


def test_confirming_the_no_closes_the_plan(seller_client, account, seller):
    opportunity = _lost(seller_client, account, seller)
    seller_client.post(f"/plans/{opportunity.plan.pk}/confirm/")
    opportunity.plan.refresh_from_db()
    assert opportunity.plan.result == "confirmed"


def test_strangers_cannot_touch_a_plan(strangers, seller_client, account, seller):
    opportunity = _lost(seller_client, account, seller)
    step = opportunity.plan.steps.first()
    for client in strangers:
        assert client.post(f"/plan-steps/{step.pk}/done/").status_code == 404
        assert client.post(f"/plans/{opportunity.plan.pk}/confirm/").status_code == 404
    step.refresh_from_db()
    opportunity.plan.refresh_from_db()
    assert step.done_on is None and opportunity.plan.result == "pending"
