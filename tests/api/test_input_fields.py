"""A misspelt or unknown field in a request body is refused, never silently dropped; errors
name the fields the client sent."""

from __future__ import annotations

import pytest

from confiance.deals.models import FollowUpPlan, Opportunity


@pytest.fixture
def opportunity(account, seller) -> Opportunity:
    return Opportunity.objects.create(account=account, owner=seller, title="Renewal")


def test_the_answers_field_name_for_the_price_gap_is_refused_not_dropped(seller_api, opportunity):
    response = seller_api.post(
        f"opportunities/{opportunity.pk}/outcome",
        {
            "outcome": "lost",
            "reason": "price",
            "competitor": "Acme",
            "competitor_price_gap_pct": 20,
        },
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid_request"
    assert body["details"] == [
        {
            "field": "competitor_price_gap_pct",
            "code": "extra_forbidden",
            "message": "This field is not accepted.",
        }
    ]
    # Nothing happened: the opportunity is still open, no plan was opened.
    opportunity.refresh_from_db()
    assert opportunity.outcome == "open"
    assert not FollowUpPlan.objects.exists()


def test_the_price_gap_under_its_own_name_is_kept(seller_api, opportunity):
    response = seller_api.post(
        f"opportunities/{opportunity.pk}/outcome",
        {"outcome": "lost", "reason": "price", "competitor": "Acme", "price_gap_pct": 20},
    )
    assert response.status_code == 200, response.json()
    assert response.json()["competitor_price_gap_pct"] == "20.0"


def test_a_missing_reason_names_the_field_sent(seller_api, opportunity):
    response = seller_api.post(f"opportunities/{opportunity.pk}/outcome", {"outcome": "lost"})
    assert response.status_code == 422
    assert [d["field"] for d in response.json()["details"]] == ["reason"]


def test_the_coach_refuses_date_for_reference_date_in_french(seller_api):
    from tests.api.conftest import Api

    french = Api(seller_api.headers["HTTP_AUTHORIZATION"].removeprefix("Bearer "), "fr")
    response = french.post("coach", {"text": "On livre vendredi.", "date": "2026-11-20"})
    assert response.status_code == 422
    detail = response.json()["details"][0]
    assert detail["field"] == "date"
    assert detail["code"] == "extra_forbidden"
    assert detail["message"] == "Ce champ n’est pas accepté."


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("accounts", {"name": "Zed", "kind": "prospect", "owner": "tom"}),
        (
            "interactions",
            {"account_id": 0, "kind": "note", "occurred_at": "2026-11-20T10:00:00Z", "body": "x"},
        ),
    ],
)
def test_unknown_fields_are_refused_on_every_create(seller_api, account, path, body):
    if "account_id" in body:
        body["account_id"] = account.pk
    response = seller_api.post(path, body)
    assert response.status_code == 422
    assert response.json()["details"][0]["code"] == "extra_forbidden"


def test_a_too_large_body_gives_the_limit_with_a_french_decimal_comma(seller, settings):
    from tests.api.conftest import api_for

    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    response = api_for(seller, lang="fr").post("coach", {"text": "mot " * 300_000})
    assert response.status_code == 413
    assert "1,0 Mo" in response.json()["message"]
