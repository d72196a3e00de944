"""Every error has one JSON shape, {"code", "message"[, "details"]}, in the asked language."""

from __future__ import annotations

import pytest

from .conftest import Api, api_for


def assert_error_shape(response, status: int, code: str) -> dict:
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["code"] == code
    assert isinstance(body["message"], str) and body["message"]
    assert set(body) <= {"code", "message", "details"}
    return body


def test_an_unknown_object_is_a_json_404(seller_api):
    assert_error_shape(seller_api.get("accounts/987654"), 404, "not_found")


def test_an_unknown_endpoint_is_a_json_404_too(seller_api):
    assert_error_shape(seller_api.get("no-such-thing"), 404, "not_found")


def test_a_missing_token_is_a_401_with_a_bearer_challenge(anonymous_api):
    response = anonymous_api.get("accounts")
    assert_error_shape(response, 401, "unauthenticated")
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_malformed_authorization_header_is_a_401(db):
    client = Api(None)
    client.headers["HTTP_AUTHORIZATION"] = "Basic c29waGllOnNlY3JldA=="
    assert_error_shape(client.get("accounts"), 401, "unauthenticated")


def test_validation_errors_list_each_field_with_its_own_message(seller_api, account):
    response = seller_api.post("contacts", {"account_id": account.pk, "influence": 9})
    body = assert_error_shape(response, 422, "invalid_request")
    fields = {d["field"]: d for d in body["details"]}
    assert fields["name"]["code"] == "missing"
    assert fields["name"]["message"] == "This field is required."
    assert fields["influence"]["message"] == "Too large: the maximum is 5."


def test_model_rules_come_back_as_422_details(seller_api, account):
    response = seller_api.patch(
        f"accounts/{account.pk}", {"kind": "prospect", "customer_since": "2020-01-01"}
    )
    body = assert_error_shape(response, 422, "invalid_request")
    assert body["details"] == [
        {
            "field": "customer_since",
            "code": "prospect_since",
            "message": "A prospect has no customer-since date.",
        }
    ]


def test_a_body_that_is_not_json_is_a_400(seller_api):
    response = seller_api.client.post(
        "/api/v1/accounts", "{not json", content_type="application/json", **seller_api.headers
    )
    assert_error_shape(response, 400, "bad_request")


def test_a_naive_datetime_is_refused(seller_api, account):
    response = seller_api.post(
        "interactions",
        {"account_id": account.pk, "kind": "meeting", "occurred_at": "2026-11-20T10:00:00"},
    )
    body = assert_error_shape(response, 422, "invalid_request")
    assert body["details"][0]["field"] == "occurred_at"
    assert "time zone" in body["details"][0]["message"]


def test_text_with_a_nul_character_is_refused_not_crashed(seller_api):
    response = seller_api.post("accounts", {"name": "Acme\x00", "kind": "prospect"})
    body = assert_error_shape(response, 422, "invalid_request")
    assert body["details"][0]["message"] == "Text cannot contain a NUL character."


def test_an_id_too_large_for_the_database_is_a_422_not_a_crash(seller_api):
    assert_error_shape(seller_api.get(f"accounts/{2**70}"), 422, "invalid_request")


@pytest.mark.parametrize("path", ["radar", "scorecards", "perseverance"])
@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_a_report_day_outside_the_calendar_is_a_422_not_a_crash(seller_api, account, path, day):
    # Windows reach months back and plans weeks ahead: year 1 or 9999 would overflow.
    assert_error_shape(seller_api.get(path, as_of=day), 422, "invalid_request")


def test_a_read_only_token_writing_gets_a_403(reader_api, account):
    response = reader_api.patch(f"accounts/{account.pk}", {"notes": "x"})
    assert_error_shape(response, 403, "read_only_token")


@pytest.mark.parametrize(
    ("request_kind", "expected"),
    [
        ("not_found", "Introuvable, ou non visible pour vous."),
        ("unauthenticated", "Donnez un jeton d’API valide dans l’en-tête Authorization : Bearer <jeton>."),
        ("missing", "Ce champ est obligatoire."),
        ("read_only", "Ce jeton ne peut que lire ; utilisez un jeton en lecture et écriture pour modifier."),
    ],
)  # fmt: skip
def test_messages_are_in_french_when_asked(request_kind, expected, seller, account):
    client = api_for(seller, lang="fr")
    if request_kind == "not_found":
        response = client.get("accounts/987654")
    elif request_kind == "unauthenticated":
        response = Api(None, lang="fr").get("accounts")
    elif request_kind == "missing":
        response = client.post("topics", {"account_id": account.pk})
        assert response.json()["message"] == "La requête n’est pas valide ; voyez le détail."
        expected_detail = response.json()["details"][0]["message"]
        assert expected_detail == expected
        return
    else:
        response = api_for(seller, "read", lang="fr").post("topics", {"account_id": 1})
    assert response.json()["message"] == expected


@pytest.fixture
def still_clock(monkeypatch):
    # 30 s into a minute: no window boundary falls between the requests of a test.
    monkeypatch.setattr("confiance.api.auth._now", lambda: 1_800_000_030.0)


def test_past_the_rate_limit_the_token_gets_a_429_with_retry_after(seller, settings, still_clock):
    settings.CONFIANCE_API_RATE_LIMIT = "3/min"
    client = api_for(seller)
    statuses = [client.get("me").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get("me")
    body = assert_error_shape(response, 429, "rate_limited")
    assert response["Retry-After"] == "30"
    assert "30 seconds" in body["message"]


def test_the_rate_limit_counts_per_token(seller, settings, still_clock):
    settings.CONFIANCE_API_RATE_LIMIT = "2/min"
    first, second = api_for(seller), api_for(seller)
    assert [first.get("me").status_code for _ in range(3)] == [200, 200, 429]
    assert second.get("me").status_code == 200


def test_a_zero_rate_turns_the_limit_off(seller, settings):
    settings.CONFIANCE_API_RATE_LIMIT = "0/min"
    client = api_for(seller)
    assert {client.get("me").status_code for _ in range(5)} == {200}


def test_a_malformed_rate_setting_fails_loudly(seller, settings):
    from confiance.api.auth import parse_rate

    assert parse_rate("600/min") == (600, 60)
    assert parse_rate("20/s") == (20, 1)
    with pytest.raises(ValueError, match="600/min"):
        parse_rate("lots")


def test_a_body_too_large_is_a_413_in_the_same_shape(seller_api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    response = seller_api.post("coach", {"text": "word " * 300_000})
    body = assert_error_shape(response, 413, "too_large")
    assert "1.0 MB" in body["message"]


def test_token_requests_need_no_csrf_cookie(seller, account):
    # Bearer tokens are not sent automatically by browsers, so CSRF does not apply.
    from django.test import Client

    from confiance.api.tokens import create_token

    client = Client(enforce_csrf_checks=True)
    secret = create_token(seller, "write").secret
    response = client.patch(
        f"/api/v1/accounts/{account.pk}",
        '{"notes": "from the CRM"}',
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert response.status_code == 200


def test_a_signed_in_browser_session_is_not_an_api_credential(client, seller, account):
    client.force_login(seller)
    assert client.get(f"/api/v1/accounts/{account.pk}").status_code == 401


def test_every_answer_tells_where_the_token_stands(seller, settings, still_clock):
    settings.CONFIANCE_API_RATE_LIMIT = "5/min"
    client = api_for(seller)
    first, second = client.get("me"), client.get("accounts/987654")
    assert (first["RateLimit-Limit"], first["RateLimit-Remaining"]) == ("5", "4")
    assert second.status_code == 404
    assert second["RateLimit-Remaining"] == "3"
    assert first["RateLimit-Reset"] == "30"


def test_a_wrong_method_is_a_json_405_with_the_allowed_ones(seller_api, world):
    # Commitments are a ledger: they are withdrawn, never deleted.
    response = seller_api.delete(f"commitments/{world['commitment']}")
    assert_error_shape(response, 405, "method_not_allowed")
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "PATCH"}


def test_a_new_window_starts_afresh(seller, settings, monkeypatch):
    settings.CONFIANCE_API_RATE_LIMIT = "1/min"
    monkeypatch.setattr("confiance.api.auth._now", lambda: 1_800_000_030.0)
    client = api_for(seller)
    assert [client.get("me").status_code for _ in range(2)] == [200, 429]
    monkeypatch.setattr("confiance.api.auth._now", lambda: 1_800_000_061.0)
    assert client.get("me").status_code == 200
