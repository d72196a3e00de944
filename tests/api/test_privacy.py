"""The team export and a person's access and erasure through the API, against the CLI."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from confiance.accounts.models import Account, Contact
from confiance.cli import app
from confiance.imports.models import ErasureRecord
from confiance.interactions.models import Interaction, Segment
from confiance.users.models import Role
from tests.conftest import make_user

from .conftest import api_for

runner = CliRunner()
EMAIL = "claire.martin@northwind.example"


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.fixture
def meeting(seller_api, world):
    """A call with Claire's own turns, and a note that mentions her, stored through the API."""
    call = seller_api.post(
        "interactions",
        {
            "account_id": world["account"],
            "kind": "call",
            "occurred_at": "2026-11-18T15:00:00+01:00",
            "contact_ids": [world["contact"]],
            "transcript": [
                {"speaker": "Sophie", "text": "What matters most to you in the hosting decision?"},
                {"speaker": "Claire Martin", "text": "Our auditors insist on data kept in Paris."},
                {"speaker": "Sophie", "text": "I will send the revised quote by Friday."},
            ],
        },
    )
    assert call.status_code == 201, call.content
    note = seller_api.post(
        "interactions",
        {
            "account_id": world["account"],
            "kind": "note",
            "occurred_at": "2026-11-19T09:00:00+01:00",
            "contact_ids": [world["contact"]],
            "text": "Claire Martin wants the Paris region. Ask Claire about the audit dates.",
        },
    )
    assert note.status_code == 201, note.content
    return {"call": call.json()["id"], "note": note.json()["id"]}


def test_the_export_is_what_the_cli_writes_for_the_same_team(
    manager_api, team, world, meeting, tmp_path
):
    response = manager_api.get("export")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.streaming  # sent from a file in blocks, not built in memory
    assert response["Content-Disposition"] == 'attachment; filename="confiance-export.json"'
    assert int(response["RateLimit-Remaining"]) < int(response["RateLimit-Limit"])
    from_api = _body(response)

    result = runner.invoke(app, ["export", "--team", team.name, "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output

    assert from_api == (tmp_path / "confiance-export.json").read_bytes()
    records = json.loads(from_api)
    accounts = [r["fields"]["name"] for r in records if r["model"] == "accounts.account"]
    assert accounts == ["Northwind"]
    assert {r["pk"] for r in records if r["model"] == "interactions.interaction"} >= set(
        meeting.values()
    )


def test_a_read_only_token_is_enough_to_export(manager, world):
    response = api_for(manager, "read").get("export")
    assert response.status_code == 200
    assert json.loads(_body(response))


def test_a_seller_may_not_export_the_team(seller_api, world):
    response = seller_api.get("export")
    assert response.status_code == 403
    assert set(response.json()) == {"code", "message"}
    assert response.json()["code"] == "forbidden"
    assert "managers and administrators" in response.json()["message"]


def test_a_manager_exports_only_their_own_team(team, other_team, world):
    elsewhere = make_user("oscar", other_team, Role.MANAGER)
    Account.objects.create(name="Tailspin", kind="customer", owner=elsewhere, team=other_team)
    client = api_for(elsewhere)

    records = json.loads(_body(client.get("export")))

    names = [r["fields"]["name"] for r in records if r["model"] == "accounts.account"]
    assert names == ["Tailspin"]
    assert EMAIL not in json.dumps(records)
    refused = client.get("export", team_id=team.pk)
    assert refused.status_code == 404
    assert refused.json()["code"] == "not_found"


def test_a_person_export_is_what_the_cli_gives(admin_api, world, meeting):
    response = admin_api.get(f"people/{EMAIL}")
    assert response.status_code == 200, response.content
    from_api = response.json()

    result = runner.invoke(app, ["person", "export", EMAIL])
    assert result.exit_code == 0, result.output
    from_cli = json.loads(result.output)

    from_api.pop("exported_at"), from_cli.pop("exported_at")
    assert from_api == from_cli
    (person,) = from_api["contacts"]
    assert person["name"] == "Claire Martin"
    assert {i["id"] for i in person["interactions"]} == set(meeting.values())


def test_erasure_through_the_api_removes_her_name_and_words_and_is_logged(
    admin_api, admin, world, meeting
):
    tones = dict(Interaction.objects.values_list("pk", "tone"))

    response = admin_api.post(f"people/{EMAIL}/erase")

    assert response.status_code == 200, response.content
    record = ErasureRecord.objects.get()
    assert (record.performed_by, record.via, record.contacts) == (admin, "api", 1)
    assert response.json()["id"] == record.pk
    assert response.json()["performed_by_id"] == admin.pk
    assert response.json()["segments"] == 1
    contact = admin_api.get(f"contacts/{world['contact']}").json()
    assert (contact["name"], contact["email"]) == ("[erased]", "")
    assert contact["erased_at"] is not None
    turns = Segment.objects.filter(interaction_id=meeting["call"]).order_by("position")
    assert [t.text for t in turns] == [
        "What matters most to you in the hosting decision?",
        "[erased]",
        "I will send the revised quote by Friday.",
    ]
    note = admin_api.get(f"interactions/{meeting['note']}").json()
    assert "Claire" not in note["text"] and "Martin" not in note["text"]
    everything = json.dumps(
        [list(Interaction.objects.values()), list(Segment.objects.values())], default=str
    )
    assert "Claire" not in everything and "auditors" not in everything
    # The numbers built from her words stay, so that scores keep their meaning.
    assert dict(Interaction.objects.values_list("pk", "tone")) == tones
    # Nobody holds that address any more.
    assert admin_api.get(f"people/{EMAIL}").status_code == 404


def test_erasure_needs_a_read_write_token(admin, world):
    response = api_for(admin, "read").post(f"people/{EMAIL}/erase")
    assert response.status_code == 403
    assert response.json()["code"] == "read_only_token"
    assert Contact.objects.get(pk=world["contact"]).name == "Claire Martin"
    assert not ErasureRecord.objects.exists()


@pytest.mark.parametrize("caller", ["seller", "manager"])
def test_only_administrators_reach_a_persons_data(caller, world, request):
    client = api_for(request.getfixturevalue(caller))
    for response in (client.get(f"people/{EMAIL}"), client.post(f"people/{EMAIL}/erase")):
        assert response.status_code == 403
        assert response.json()["code"] == "forbidden"
    assert Contact.objects.get(pk=world["contact"]).name == "Claire Martin"


def test_an_unknown_address_is_a_404_in_the_readers_language(admin, world):
    for lang, expected in (
        ("en", "Nobody with the address nobody@example.com"),
        ("fr", "Personne n’a l’adresse nobody@example.com"),
    ):
        client = api_for(admin, lang=lang)
        for response in (
            client.get("people/nobody@example.com"),
            client.post("people/nobody@example.com/erase"),
        ):
            assert response.status_code == 404
            assert response.json() == {"code": "not_found", "message": expected}
    assert not ErasureRecord.objects.exists()


def test_the_address_is_matched_whatever_its_case(admin_api, world):
    response = admin_api.get("people/Claire.Martin@Northwind.example")
    assert response.status_code == 200
    assert [c["id"] for c in response.json()["contacts"]] == [world["contact"]]
