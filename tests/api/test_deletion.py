"""DELETE through the API: what goes, what stays (the commitment ledger), and who may."""

from __future__ import annotations

import pytest

from confiance.accounts.models import Account, Contact, StakeholderPosition, Topic
from confiance.deals.models import FollowUpPlan, Opportunity
from confiance.interactions.models import Interaction
from confiance.ledger.models import Commitment, CommitmentEvent

from .conftest import api_for


def _create(api, collection: str, body: dict) -> int:
    response = api.post(collection, body)
    assert response.status_code == 201, response.content
    return response.json()["id"]


CREATE = {
    "contacts": lambda account, _: {"account_id": account, "name": "Paul Durand"},
    "topics": lambda account, _: {"account_id": account, "title": "Pricing"},
    "positions": lambda account, ids: {"contact_id": ids["contact"], "topic_id": ids["topic"]},
    "interactions": lambda account, _: {
        "account_id": account,
        "kind": "note",
        "occurred_at": "2026-11-20T10:00:00+01:00",
        "text": "Paul asked for the security review before Friday.",
    },
    "opportunities": lambda account, _: {"account_id": account, "title": "Extension"},
}


@pytest.mark.parametrize("collection", sorted(CREATE))
def test_create_then_delete_then_the_object_is_gone(seller_api, account, collection):
    ids = {
        "contact": _create(seller_api, "contacts", {"account_id": account.pk, "name": "Lou"}),
        "topic": _create(seller_api, "topics", {"account_id": account.pk, "title": "Hosting"}),
    }
    new_id = _create(seller_api, collection, CREATE[collection](account.pk, ids))
    url = f"{collection}/{new_id}"
    assert seller_api.get(url).status_code == 200

    deleted = seller_api.delete(url)

    assert deleted.status_code == 204
    assert deleted.content == b""
    gone = seller_api.get(url)
    assert gone.status_code == 404
    assert gone.json()["code"] == "not_found"
    listed = seller_api.get(collection, account_id=account.pk).json()["items"]
    assert new_id not in [item["id"] for item in listed]
    # Deleting twice is a 404, not a second success.
    assert seller_api.delete(url).status_code == 404


def test_a_seller_cannot_delete_another_sellers_contact(seller_api, second_seller, team):
    theirs = Account.objects.create(
        name="Tailspin", kind="customer", owner=second_seller, team=team
    )
    contact = Contact.objects.create(account=theirs, name="Ines Roche")

    response = seller_api.delete(f"contacts/{contact.pk}")

    # As if it did not exist: a 403 would tell the seller that the contact is there.
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert Contact.objects.filter(pk=contact.pk).exists()


def test_a_read_only_token_deletes_nothing(seller, world):
    reader = api_for(seller, "read")
    for path in ("contacts/{contact}", "interactions/{interaction}", "opportunities/{opportunity}"):
        response = reader.delete(path.format(**world))
        assert response.status_code == 403
        assert response.json()["code"] == "read_only_token"
    assert Contact.objects.filter(pk=world["contact"]).exists()
    assert Interaction.objects.filter(pk=world["interaction"]).exists()
    assert Opportunity.objects.filter(pk=world["opportunity"]).exists()


def test_commitments_cannot_be_deleted_and_withdrawing_keeps_the_history(seller_api, world):
    url = f"commitments/{world['commitment']}"

    refused = seller_api.delete(url)

    assert refused.status_code == 405
    assert refused.json()["code"] == "method_not_allowed"
    assert "DELETE" not in refused["Allow"]
    withdrawn = seller_api.post(f"{url}/status", {"status": "withdrawn", "note": "Not needed"})
    assert withdrawn.status_code == 200, withdrawn.content
    assert seller_api.get(url).json()["status"] == "withdrawn"
    events = CommitmentEvent.objects.filter(commitment_id=world["commitment"])
    assert [(e.from_status, e.to_status) for e in events] == [("open", "withdrawn")]


def test_deleting_a_contact_or_an_interaction_leaves_the_ledger_whole(seller_api, account):
    contact = Contact.objects.create(account=account, name="Claire Martin")
    meeting = _create(seller_api, "interactions", CREATE["interactions"](account.pk, {}))
    theirs = Commitment.objects.create(
        account=account, party="theirs", owner_contact=contact, kind="information",
        description="Share the usage figures", interaction_id=meeting,
    )  # fmt: skip
    theirs.change_status("kept")

    assert seller_api.delete(f"contacts/{contact.pk}").status_code == 204
    assert seller_api.delete(f"interactions/{meeting}").status_code == 204

    theirs.refresh_from_db()
    assert (theirs.owner_contact_id, theirs.interaction_id) == (None, None)
    assert (theirs.description, theirs.status) == ("Share the usage figures", "kept")
    assert theirs.events.count() == 1


def test_deleting_a_topic_removes_the_positions_on_it(seller_api, world):
    assert seller_api.delete(f"topics/{world['topic']}").status_code == 204
    assert not StakeholderPosition.objects.filter(pk=world["position"]).exists()
    assert Contact.objects.filter(pk=world["contact"]).exists()


def test_deleting_a_lost_opportunity_removes_its_plan(seller_api, world):
    lost = FollowUpPlan.objects.get(pk=world["plan"]).opportunity_id
    assert seller_api.delete(f"opportunities/{lost}").status_code == 204
    assert not FollowUpPlan.objects.filter(pk=world["plan"]).exists()
    assert seller_api.get(f"plans/{world['plan']}").status_code == 404


def test_only_a_manager_or_an_admin_deletes_an_account(seller_api, manager_api, seller, team):
    spare = Account.objects.create(name="Contoso", kind="prospect", owner=seller, team=team)
    Topic.objects.create(account=spare, title="Hosting")

    refused = seller_api.delete(f"accounts/{spare.pk}")
    assert refused.status_code == 403
    assert refused.json()["code"] == "forbidden"
    assert Account.objects.filter(pk=spare.pk).exists()

    assert manager_api.delete(f"accounts/{spare.pk}").status_code == 204
    assert not Account.objects.filter(pk=spare.pk).exists()
    assert not Topic.objects.filter(account_id=spare.pk).exists()


def test_an_account_holding_commitments_is_not_deleted(manager_api, world):
    response = manager_api.delete(f"accounts/{world['account']}")

    assert response.status_code == 422
    assert response.json()["details"][0]["code"] == "has_commitments"
    assert Account.objects.filter(pk=world["account"]).exists()
    assert Commitment.objects.filter(pk=world["commitment"]).exists()
    assert Contact.objects.filter(pk=world["contact"]).exists()


def test_a_manager_of_another_team_cannot_see_the_account_to_delete_it(other_team, world):
    from confiance.users.models import Role
    from tests.conftest import make_user

    elsewhere = api_for(make_user("oscar", other_team, Role.MANAGER))
    response = elsewhere.delete(f"accounts/{world['account']}")
    assert response.status_code == 404
    assert Account.objects.filter(pk=world["account"]).exists()
