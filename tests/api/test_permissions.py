"""The permission matrix: every endpoint against every kind of caller.

A token reaches exactly what its owner sees in the web app (visible_accounts): the seller
and their manager see the account, a seller of another team gets 404 as if it did not exist,
no token or a revoked one gets 401, a read-only token gets 403 when it tries to write.
"""

from __future__ import annotations

import pytest

from confiance.accounts.models import Account, Topic
from confiance.api.main import api
from confiance.api.tokens import create_token, revoke_token

from .conftest import Api, api_for
from .endpoints import ENDPOINTS

IDS = [e.name for e in ENDPOINTS]


@pytest.fixture
def world2(world, seller, team):
    # A second topic so that creating a position does not collide with the existing one.
    topic = Topic.objects.create(account_id=world["account"], title="Security")
    # An account without commitments: one that holds a ledger cannot be deleted.
    spare = Account.objects.create(name="Contoso", kind="prospect", owner=seller, team=team)
    return {**world, "second_topic": topic.pk, "spare_account": spare.pk}


def send(client: Api, endpoint, world):
    body = endpoint.body(world) if endpoint.body else None
    if endpoint.multipart:
        url = f"/api/v1/{endpoint.url(world)}"
        return client.client.post(url, body, **client.headers)
    return client.call(endpoint.method, endpoint.url(world), body)


def test_the_matrix_covers_every_operation_of_the_schema():
    documented = set()
    for path, operations in api.get_openapi_schema()["paths"].items():
        for method in operations:
            documented.add((method, path.removeprefix("/api/v1/")))
    covered = {(e.method, _template(e.path)) for e in ENDPOINTS}
    assert documented - covered == set()


def _template(path: str) -> str:
    names = {
        "{account}": "{account_id}", "{contact}": "{contact_id}", "{topic}": "{topic_id}",
        "{position}": "{position_id}", "{interaction}": "{interaction_id}",
        "{commitment}": "{commitment_id}", "{opportunity}": "{opportunity_id}",
        "{plan}": "{plan_id}", "{step}": "{step_id}", "{spare_account}": "{account_id}",
    }  # fmt: skip
    for short, full in names.items():
        path = path.replace(short, full)
    return path


@pytest.mark.parametrize("caller", ["seller", "manager", "admin"])
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=IDS)
def test_the_seller_their_manager_and_the_admin_reach_what_their_role_allows(
    endpoint, caller, world2, request
):
    client = api_for(request.getfixturevalue(caller))
    response = send(client, endpoint, world2)
    if caller not in endpoint.callers:
        assert response.status_code == 403, response.content
        assert response.json()["code"] == "forbidden"
        return
    assert response.status_code in endpoint.statuses, response.content
    if endpoint.list_key:
        assert world2[endpoint.list_key] in endpoint.ids(response.json())


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=IDS)
def test_another_team_sees_nothing_of_the_account(endpoint, outsider, world2):
    response = send(api_for(outsider), endpoint, world2)
    if endpoint.kind in {"read", "write"}:
        assert response.status_code == 404, response.content
        assert response.json()["code"] == "not_found"
    elif endpoint.kind == "list":
        assert response.status_code == 200
        assert endpoint.ids(response.json()) == []
    elif endpoint.kind in {"team", "admin"}:
        # A seller elsewhere: the role is refused before anything is looked up.
        assert response.status_code == 403, response.content
        assert response.json()["code"] == "forbidden"
    else:
        assert response.status_code in endpoint.statuses


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=IDS)
def test_without_a_token_everything_answers_401(endpoint, world2):
    response = send(Api(None), endpoint, world2)
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=IDS)
def test_a_wrong_token_answers_401(endpoint, world2):
    response = send(Api("cf_00000000_not-a-real-secret"), endpoint, world2)
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=IDS)
def test_a_revoked_token_answers_401(endpoint, seller, world2):
    created = create_token(seller, "write")
    revoke_token(created.token)
    response = send(Api(created.secret), endpoint, world2)
    assert response.status_code == 401
    assert response.json()["code"] == "token_revoked"


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=IDS)
def test_a_read_only_token_reads_but_never_writes(endpoint, world2, request):
    caller = request.getfixturevalue(endpoint.callers[0])
    response = send(api_for(caller, "read"), endpoint, world2)
    if endpoint.method == "get" or endpoint.read_ok:
        assert response.status_code in endpoint.statuses, response.content
    else:
        assert response.status_code == 403
        assert response.json()["code"] == "read_only_token"


def test_a_read_only_token_changes_nothing(seller, world2):
    from confiance.accounts.models import Account

    before = Account.objects.get(pk=world2["account"]).notes
    send(api_for(seller, "read"), next(e for e in ENDPOINTS if e.name == "update account"), world2)
    assert Account.objects.get(pk=world2["account"]).notes == before


def test_a_second_seller_of_the_team_does_not_see_a_colleagues_account(second_seller, world2):
    client = api_for(second_seller)
    assert client.get(f"accounts/{world2['account']}").status_code == 404
    assert client.get("commitments").json()["count"] == 0


def test_an_account_shared_with_a_colleague_is_visible_to_them(second_seller, world2):
    from confiance.accounts.models import Account

    Account.objects.get(pk=world2["account"]).shared_with.add(second_seller)
    client = api_for(second_seller)
    assert client.get(f"accounts/{world2['account']}").status_code == 200
    assert client.get("commitments").json()["count"] == 1
