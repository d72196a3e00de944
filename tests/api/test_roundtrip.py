"""Create, read, update and list each resource through the API, as an integration would."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from confiance.deals.models import FollowUpPlan
from confiance.ledger.models import CommitmentEvent


def roundtrip(api, collection: str, create: dict, change: dict) -> dict:
    """POST, GET, PATCH, GET again; return the final object."""
    created = api.post(collection, create)
    assert created.status_code == 201, created.content
    obj = created.json()
    for field, value in create.items():
        assert obj[field] == value, field
    url = f"{collection}/{obj['id']}"
    assert api.get(url).json() == obj
    patched = api.patch(url, change)
    assert patched.status_code == 200, patched.content
    final = api.get(url).json()
    assert final == patched.json()
    for field, value in change.items():
        assert final[field] == value, field
    assert final["updated_at"] >= obj["updated_at"]
    return final


def test_accounts_round_trip(seller_api, seller, team):
    final = roundtrip(
        seller_api,
        "accounts",
        {"name": "Fabrikam", "kind": "prospect", "industry": "Logistics", "country": "FR"},
        {"kind": "customer", "customer_since": "2026-01-15", "annual_value": "125000.00"},
    )
    assert (final["owner_id"], final["team_id"]) == (seller.pk, team.pk)
    assert final["created_at"].endswith("Z") or "+" in final["created_at"]


def test_contacts_round_trip(seller_api, account):
    roundtrip(
        seller_api,
        "contacts",
        {"account_id": account.pk, "name": "Claire Martin", "buying_role": "finance"},
        {"job_title": "CFO", "influence": 5, "email": "claire@example.com"},
    )


def test_topics_and_positions_round_trip(seller_api, account):
    contact = seller_api.post("contacts", {"account_id": account.pk, "name": "Paul"}).json()
    topic = roundtrip(
        seller_api, "topics", {"account_id": account.pk, "title": "Hosting"}, {"decided": True}
    )
    roundtrip(
        seller_api,
        "positions",
        {"contact_id": contact["id"], "topic_id": topic["id"], "preferred_alternative": "Cloud"},
        {"priority": 5, "perceived_risk": "Lock-in"},
    )


def test_a_position_cannot_join_two_accounts(seller_api, seller, team, account):
    other = seller_api.post("accounts", {"name": "Other", "kind": "prospect"}).json()
    contact = seller_api.post("contacts", {"account_id": account.pk, "name": "Paul"}).json()
    topic = seller_api.post("topics", {"account_id": other["id"], "title": "Price"}).json()
    response = seller_api.post("positions", {"contact_id": contact["id"], "topic_id": topic["id"]})
    assert response.status_code == 422
    assert response.json()["details"][0]["code"] == "cross_account"


def test_commitments_round_trip_and_status_history(seller_api, seller, account):
    final = roundtrip(
        seller_api,
        "commitments",
        {"account_id": account.pk, "party": "ours", "kind": "deliverable",
         "description": "Send the quote", "due_date": "2026-11-27"},
        {"description": "Send the revised quote", "value_hours": "2.5"},
    )  # fmt: skip
    assert final["owner_user_id"] == seller.pk
    changed = seller_api.post(
        f"commitments/{final['id']}/status", {"status": "kept", "on": "2026-11-26"}
    )
    assert changed.status_code == 200
    body = changed.json()
    assert (body["status"], body["resolved_at"]) == ("kept", "2026-11-26")
    assert body["events"][0]["from_status"] == "open"
    assert body["events"][0]["by_id"] == seller.pk
    assert CommitmentEvent.objects.filter(commitment_id=final["id"]).count() == 1


def test_a_status_change_the_ledger_refuses_changes_nothing(seller_api, account):
    created = seller_api.post(
        "commitments",
        {"account_id": account.pk, "party": "ours", "kind": "deliverable",
         "description": "Demo", "due_date": "2026-11-20"},
    ).json()  # fmt: skip
    late = seller_api.post(
        f"commitments/{created['id']}/status", {"status": "kept", "on": "2026-11-25"}
    )
    assert late.status_code == 422
    assert late.json()["details"][0]["code"] == "kept_after_due"
    assert seller_api.get(f"commitments/{created['id']}").json()["status"] == "open"
    assert not CommitmentEvent.objects.exists()


def test_opportunities_round_trip_and_a_no_opens_a_plan(seller_api, account):
    final = roundtrip(
        seller_api,
        "opportunities",
        {"account_id": account.pk, "title": "Renewal 2027", "amount": "48000.00"},
        {"stage": "negotiation", "expected_close": "2026-12-15"},
    )
    assert final["plan_id"] is None
    response = seller_api.post(
        f"opportunities/{final['id']}/outcome",
        {"outcome": "lost", "reason": "price", "decided_at": "2026-11-20",
         "competitor": "Contoso", "price_gap_pct": "20.0"},
    )  # fmt: skip
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["outcome"], body["loss_reason"], body["stage"]) == ("lost", "price", "closed")
    plan = FollowUpPlan.objects.get(opportunity_id=final["id"])
    assert body["plan_id"] == plan.pk
    fetched = seller_api.get(f"plans/{plan.pk}").json()
    assert fetched["opportunity_id"] == final["id"]
    assert len(fetched["steps"]) >= 1
    step = fetched["steps"][0]
    done = seller_api.patch(f"plans/{plan.pk}/steps/{step['id']}", {"done_on": "2026-11-21"})
    assert done.json()["steps"][0]["done_on"] == "2026-11-21"


def test_a_no_without_its_reason_is_refused_and_opens_nothing(seller_api, account):
    opportunity = seller_api.post("opportunities", {"account_id": account.pk, "title": "X"}).json()
    response = seller_api.post(
        f"opportunities/{opportunity['id']}/outcome",
        {"outcome": "lost", "decided_at": "2026-11-20"},
    )
    assert response.status_code == 422
    # The field the client sent ("reason"), not the model's name for it ("loss_reason").
    assert response.json()["details"][0]["field"] == "reason"
    assert not FollowUpPlan.objects.exists()
    assert seller_api.get(f"opportunities/{opportunity['id']}").json()["outcome"] == "open"


# Lists: pagination, filtering and ordering


@pytest.fixture
def five_accounts(seller_api):
    for name, kind in [("Delta", "customer"), ("Alpha", "prospect"), ("Echo", "customer"),
                       ("Bravo", "customer"), ("Charlie", "prospect")]:  # fmt: skip
        assert seller_api.post("accounts", {"name": name, "kind": kind}).status_code == 201


def names(response) -> list[str]:
    return [item["name"] for item in response.json()["items"]]


def test_lists_are_paginated_with_a_total_count(seller_api, five_accounts):
    first = seller_api.get("accounts", limit=2)
    assert first.json()["count"] == 5
    assert names(first) == ["Alpha", "Bravo"]
    assert names(seller_api.get("accounts", limit=2, offset=2)) == ["Charlie", "Delta"]
    assert names(seller_api.get("accounts", limit=2, offset=4)) == ["Echo"]
    assert names(seller_api.get("accounts", offset=10)) == []


def test_lists_are_filtered(seller_api, five_accounts):
    assert names(seller_api.get("accounts", kind="prospect")) == ["Alpha", "Charlie"]
    assert names(seller_api.get("accounts", q="ha")) == ["Alpha", "Charlie"]
    assert seller_api.get("accounts", kind="prospect").json()["count"] == 2


def test_lists_are_ordered(seller_api, five_accounts):
    assert names(seller_api.get("accounts", ordering="-name")) == [
        "Echo", "Delta", "Charlie", "Bravo", "Alpha"
    ]  # fmt: skip
    assert names(seller_api.get("accounts", ordering="created_at"))[0] == "Delta"


def test_an_unknown_ordering_is_refused_with_the_choices(seller_api):
    response = seller_api.get("accounts", ordering="password")
    assert response.status_code == 422
    assert "name" in response.json()["details"][0]["message"]


def test_commitments_filter_overdue_and_by_due_date(seller_api, seller, account):
    from confiance.ledger.models import Commitment

    today = timezone.localdate()
    for days, text in [(-3, "late"), (4, "soon"), (40, "later")]:
        Commitment.objects.create(
            account=account, party="ours", owner_user=seller, kind="deliverable",
            description=text, due_date=today + dt.timedelta(days=days),
        )  # fmt: skip
    overdue = seller_api.get("commitments", overdue="true").json()
    assert [c["description"] for c in overdue["items"]] == ["late"]
    assert overdue["items"][0]["is_overdue"] is True
    window = seller_api.get(
        "commitments",
        due_after=today.isoformat(),
        due_before=(today + dt.timedelta(days=10)).isoformat(),
    ).json()
    assert [c["description"] for c in window["items"]] == ["soon"]
    newest = seller_api.get("commitments", ordering="-due_date").json()
    assert [c["description"] for c in newest["items"]] == ["later", "soon", "late"]


def test_datetimes_carry_their_time_zone(seller_api, account):
    body = seller_api.get(f"accounts/{account.pk}").json()
    parsed = dt.datetime.fromisoformat(body["created_at"].replace("Z", "+00:00"))
    assert parsed.tzinfo is not None


def test_an_erased_contact_cannot_be_filled_in_again(seller_api, account):
    from django.utils import timezone

    from confiance.accounts.models import Contact

    contact = Contact.objects.create(account=account, name="[erased]", erased_at=timezone.now())
    response = seller_api.patch(f"contacts/{contact.pk}", {"name": "Claire Martin"})
    assert response.status_code == 422
    assert response.json()["details"][0]["code"] == "erased"
    contact.refresh_from_db()
    assert contact.name == "[erased]"


def test_insights_speak_the_language_the_request_asks_for(seller, world):
    from .conftest import api_for

    url = f"accounts/{world['account']}/scorecard"
    french = api_for(seller, lang="fr").get(url).json()
    english = api_for(seller, lang="en").get(url).json()
    assert [p["label"] for p in french["principles"]][0] == "Réciprocité"
    assert [p["label"] for p in english["principles"]][0] == "Reciprocity"
    assert [p["score"] for p in french["principles"]] == [p["score"] for p in english["principles"]]


def test_scorecards_are_filtered_and_ordered(seller_api, account, five_accounts):
    names = [c["account"] for c in seller_api.get("scorecards", kind="prospect").json()["items"]]
    assert names == ["Alpha", "Charlie"]
    backwards = seller_api.get("scorecards", ordering="-account").json()
    assert [c["account"] for c in backwards["items"]][:2] == ["Northwind", "Echo"]
    assert backwards["count"] == 6
    by_score = seller_api.get("scorecards", ordering="-overall").json()["items"]
    scores = [c["overall"] for c in by_score if c["overall"] is not None]
    assert scores == sorted(scores, reverse=True)


def test_our_commitment_is_owned_by_a_colleague_who_sees_the_account(
    seller_api, account, second_seller, outsider
):
    body = {"account_id": account.pk, "party": "ours", "kind": "deliverable", "description": "X"}
    stranger = seller_api.post("commitments", {**body, "owner_user_id": outsider.pk})
    assert stranger.status_code == 422
    assert stranger.json()["details"][0]["field"] == "owner_user_id"
    account.shared_with.add(second_seller)
    colleague = seller_api.post("commitments", {**body, "owner_user_id": second_seller.pk})
    assert colleague.status_code == 201
