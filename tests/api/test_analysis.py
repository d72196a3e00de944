"""The coach through the API: stateless analysis, and interactions analysed when recorded."""

from __future__ import annotations

from pathlib import Path

from confiance.interactions.models import Interaction, Segment

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"
NOTE = (
    "They just don't get it and we have to stand firm on price. "
    "Could you tell me what matters most to you? I will send the revised quote by Friday."
)
VTT = """WEBVTT

1
00:00:01.000 --> 00:00:04.000
<v Sophie>Could you tell me what matters most to you in this decision?

2
00:00:04.500 --> 00:00:09.000
<v Claire>Honestly, the price. You are simply too expensive for us.
"""


def test_the_coach_analyses_a_note_and_stores_nothing(seller_api, account):
    before = Interaction.objects.count()
    response = seller_api.post("coach", {"text": NOTE, "reference_date": "2026-11-23"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["lang"] == "en"
    assert body["tone"] < 0
    categories = {f["category"] for f in body["findings"]}
    assert "blame" in categories
    blame = next(f for f in body["findings"] if f["category"] == "blame")
    assert NOTE[blame["start"] : blame["end"]] == blame["text"]
    assert blame["rewrite"]
    assert any(m["category"] == "probing_question" for m in body["moves"])
    assert body["commitments"][0]["due_date"] == "2026-11-27"
    assert Interaction.objects.count() == before


def test_the_coach_reads_french(seller_api):
    response = seller_api.post("coach", {"text": "Ils ne comprennent rien, il faut les écraser."})
    assert response.json()["lang"] == "fr"
    assert response.json()["findings"]


def test_a_read_only_token_may_use_the_coach(reader_api):
    assert reader_api.post("coach", {"text": NOTE}).status_code == 200


def test_the_coach_takes_a_transcript_file(seller_api):
    response = seller_api.post("coach", {"transcript_file": {"format": "vtt", "content": VTT}})
    assert response.status_code == 200, response.content
    speakers = {s["speaker"]: s for s in response.json()["speakers"]}
    assert set(speakers) == {"Sophie", "Claire"}
    assert speakers["Sophie"]["questions"] == 1
    assert [s["index"] for s in response.json()["segments"]] == [0, 1]


def test_a_broken_transcript_file_names_the_problem(seller_api):
    broken = "WEBVTT\n\n00:00:01.000 --> 00:00:0x\nhello\n"
    response = seller_api.post("coach", {"transcript_file": {"format": "vtt", "content": broken}})
    assert response.status_code == 422
    detail = response.json()["details"][0]
    assert detail["field"] == "transcript_file.content"
    assert "transcript.vtt" in detail["message"]


def test_the_coach_wants_exactly_one_input(seller_api):
    empty = seller_api.post("coach", {})
    assert empty.status_code == 422
    both = seller_api.post(
        "coach", {"text": NOTE, "transcript": [{"speaker": "A", "text": "Hello"}]}
    )
    assert both.status_code == 422
    assert both.json()["details"][0]["field"] == "transcript"


def test_recording_a_note_stores_its_analysis(seller_api, seller, account):
    response = seller_api.post(
        "interactions",
        {"account_id": account.pk, "kind": "prep_note", "occurred_at": "2026-11-23T09:00:00+01:00",
         "title": "Before the renewal", "text": NOTE},
    )  # fmt: skip
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["tone"] < 0
    assert body["language"] == "en"
    assert body["analysis"]["commitments"][0]["due_date"] == "2026-11-27"
    assert body["occurred_at"] == "2026-11-23T08:00:00Z"
    stored = Interaction.objects.get(pk=body["id"])
    assert (stored.source, stored.created_by) == ("api", seller)
    assert stored.tone == body["tone"]


def test_changing_the_text_analyses_it_again(seller_api, account):
    created = seller_api.post(
        "interactions",
        {"account_id": account.pk, "kind": "note", "occurred_at": "2026-11-23T09:00:00Z", "text": NOTE},
    ).json()  # fmt: skip
    changed = seller_api.patch(
        f"interactions/{created['id']}",
        {"text": "Thank you for your time. Could we decide the next step together?"},
    ).json()
    assert changed["tone"] > created["tone"]
    assert changed["analysis"]["findings"] == []


def test_recording_a_call_transcript_keeps_its_turns(seller_api, account):
    response = seller_api.post(
        "interactions",
        {"account_id": account.pk, "kind": "call", "occurred_at": "2026-11-20T15:00:00+01:00",
         "duration_seconds": 9, "transcript_file": {"format": "vtt", "content": VTT}},
    )  # fmt: skip
    assert response.status_code == 201, response.content
    body = response.json()
    assert [s["speaker"] for s in body["segments"]] == ["Sophie", "Claire"]
    assert body["segments"][1]["start"] == 4.5
    assert body["duration_seconds"] == 9
    assert Segment.objects.filter(interaction_id=body["id"]).count() == 2
    assert {s["speaker"] for s in body["analysis"]["speakers"]} == {"Sophie", "Claire"}
    refused = seller_api.patch(f"interactions/{body['id']}", {"text": "replaced"})
    assert refused.status_code == 422


def test_a_failed_analysis_saves_nothing(seller_api, account):
    response = seller_api.post(
        "interactions",
        {"account_id": account.pk, "kind": "call", "occurred_at": "2026-11-20T15:00:00Z",
         "transcript_file": {"format": "srt", "content": "not a transcript"}},
    )  # fmt: skip
    assert response.status_code == 422
    assert not Interaction.objects.exists()


def test_contacts_of_another_account_cannot_be_attached(seller_api, account, outsider):
    from confiance.accounts.models import Account, Contact

    elsewhere = Account.objects.create(
        name="Elsewhere", kind="customer", owner=outsider, team=outsider.memberships.get().team
    )
    stranger = Contact.objects.create(account=elsewhere, name="Stranger")
    response = seller_api.post(
        "interactions",
        {"account_id": account.pk, "kind": "meeting", "occurred_at": "2026-11-20T15:00:00Z",
         "contact_ids": [stranger.pk]},
    )  # fmt: skip
    assert response.status_code == 422
    assert not Interaction.objects.exists()


# Imports


def upload(api, name: str, **form):
    with (FIXTURES / name).open("rb") as handle:
        return api.client.post("/api/v1/imports", {"file": handle, **form}, **api.headers)


def test_importing_a_crm_export_creates_visible_accounts(seller_api):
    response = upload(seller_api, "hubspot_companies.csv")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["format"].endswith("csv")
    assert body["created"].get("account", 0) >= 1
    listed = seller_api.get("accounts").json()
    assert listed["count"] == body["created"]["account"]


def test_a_dry_run_import_saves_nothing(seller_api):
    response = upload(seller_api, "hubspot_companies.csv", dry_run="true")
    assert response.status_code == 200
    assert response.json()["dry_run"] is True
    assert seller_api.get("accounts").json()["count"] == 0


def test_importing_a_transcript_into_an_account(seller_api, account):
    response = upload(seller_api, "zoom.vtt", account_id=str(account.pk))
    assert response.status_code == 200, response.content
    assert response.json()["created"]["meeting"] == 1
    assert Interaction.objects.get().account == account


def test_an_unreadable_file_is_a_422_and_imports_nothing(seller_api, account):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile("broken.vtt", b"WEBVTT\n\n00:00:01.000 --> nonsense\nhi\n")
    response = seller_api.client.post(
        "/api/v1/imports", {"file": bad, "account_id": str(account.pk)}, **seller_api.headers
    )
    assert response.status_code == 422
    assert response.json()["code"] == "import_failed"
    assert "broken.vtt" in response.json()["message"]
    assert not Interaction.objects.exists()


def test_nobody_imports_into_an_account_they_cannot_see(outsider_api, account):
    response = upload(outsider_api, "zoom.vtt", account_id=str(account.pk))
    assert response.status_code == 404
    assert not Interaction.objects.exists()


def test_a_read_only_token_cannot_import(reader_api):
    assert upload(reader_api, "hubspot_companies.csv").status_code == 403


def test_changing_a_transcripts_language_reads_it_again(seller_api, account):
    created = seller_api.post(
        "interactions",
        {"account_id": account.pk, "kind": "call", "occurred_at": "2026-11-20T15:00:00Z",
         "transcript_file": {"format": "vtt", "content": VTT}},
    ).json()  # fmt: skip
    assert created["language"] == "en"
    changed = seller_api.patch(f"interactions/{created['id']}", {"language": "fr"}).json()
    assert changed["language"] == "fr"
    assert changed["analysis"]["lang"] == "fr"
    assert len(changed["segments"]) == 2


def test_new_text_in_another_language_is_read_in_that_language(seller_api, account, seller):
    from confiance.accounts.models import Contact

    claire = Contact.objects.create(account=account, name="Claire")
    created = seller_api.post(
        "interactions",
        {"account_id": account.pk, "kind": "note", "occurred_at": "2026-11-23T09:00:00Z", "text": NOTE},
    ).json()  # fmt: skip
    assert created["language"] == "en"
    changed = seller_api.patch(
        f"interactions/{created['id']}",
        {"text": "Ils ne comprennent rien, il faut les écraser.", "contact_ids": [claire.pk]},
    ).json()
    assert changed["language"] == "fr"
    assert changed["analysis"]["lang"] == "fr"
    assert changed["contact_ids"] == [claire.pk]
    assert seller_api.get(f"interactions/{created['id']}").json()["contact_ids"] == [claire.pk]


def test_a_transcript_import_can_be_dated(seller_api, account):
    response = upload(
        seller_api, "teams.vtt", account_id=str(account.pk), occurred_at="2026-11-18T14:00:00+01:00"
    )
    assert response.status_code == 200, response.content
    meeting = Interaction.objects.get()
    assert meeting.occurred_at.isoformat() == "2026-11-18T13:00:00+00:00"
