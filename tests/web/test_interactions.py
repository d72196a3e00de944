from __future__ import annotations

import datetime as dt

from django.utils import timezone

from confiance.interactions.models import Interaction, Segment
from confiance.ledger.models import Commitment

from .conftest import HOSTILE


def _transcript(account, seller):
    interaction = Interaction.objects.create(
        account=account,
        kind="call",
        occurred_at=timezone.now() - dt.timedelta(days=1),
        title="Pricing call",
        language="en",
        created_by=seller,
        source="vtt",
    )
    turns = [
        ("Sophie", "What matters most to your team this year?", 0, 10),
        ("Paul", f"{HOSTILE} Honestly your price is too high.", 10, 25),
        (
            "Sophie",
            "They just don't get it, I think. I will send the revised quote by Friday.",
            25,
            50,
        ),
    ]
    for position, (speaker, text, start, end) in enumerate(turns):
        Segment.objects.create(
            interaction=interaction,
            position=position,
            speaker_label=speaker,
            text=text,
            start=start,
            end=end,
        )
    return interaction


def test_interaction_page_highlights_findings_in_place(seller_client, note):
    response = seller_client.get(f"/interactions/{note.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert '<mark class="finding" tabindex="0"' in page
    note.refresh_from_db()
    assert note.analysis is not None and note.tone is not None  # the reading is kept


def test_transcript_shows_speakers_talk_share_and_questions(seller_client, account, seller):
    interaction = _transcript(account, seller)
    page = seller_client.get(f"/interactions/{interaction.pk}/").content.decode()
    assert "Talk share" in page and "Questions" in page
    assert "Sophie" in page and "Paul" in page
    assert HOSTILE not in page and "&lt;script&gt;" in page


def test_commitment_found_in_the_text_is_added_in_one_click(seller_client, note, seller):
    page = seller_client.get(f"/interactions/{note.pk}/").content.decode()
    assert "Add to the ledger as ours" in page
    note.refresh_from_db()
    found = note.analysis["commitments"][0]
    response = seller_client.post(
        f"/interactions/{note.pk}/commitments/",
        {"description": found["text"], "party": "ours", "due_date": found["due_date"] or ""},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    added = Commitment.objects.get(interaction=note)
    assert added.party == "ours" and added.owner_user == seller
    assert (
        "Already in the ledger" in seller_client.get(f"/interactions/{note.pk}/").content.decode()
    )


def test_interaction_pages_are_404_for_strangers(strangers, note):
    for client in strangers:
        assert client.get(f"/interactions/{note.pk}/").status_code == 404
        assert client.get(f"/interactions/{note.pk}/edit/").status_code == 404
        response = client.post(
            f"/interactions/{note.pk}/commitments/", {"description": "x", "party": "ours"}
        )
        assert response.status_code == 404
    assert not Commitment.objects.exists()


def test_new_interaction_is_analysed_on_save(seller_client, account, seller):
    response = seller_client.post(
        f"/accounts/{account.pk}/interactions/new/",
        {
            "kind": "note",
            "occurred_at": "2026-11-20T10:30",
            "title": "Debrief",
            "body": "We have to stand firm on the price.",
            "language": "en",
        },
    )
    interaction = Interaction.objects.get(title="Debrief")
    assert (
        response.status_code == 302 and response["Location"] == f"/interactions/{interaction.pk}/"
    )
    assert interaction.created_by == seller
    assert interaction.analysis["findings"]


def test_new_interaction_with_a_bad_date_says_so(seller_client, account):
    response = seller_client.post(
        f"/accounts/{account.pk}/interactions/new/",
        {"kind": "note", "occurred_at": "yesterday", "title": "Debrief"},
    )
    assert response.status_code == 400
    assert "Enter a valid date/time." in response.content.decode()
    assert not Interaction.objects.exists()


def test_editing_the_text_refreshes_the_analysis(seller_client, note):
    seller_client.get(f"/interactions/{note.pk}/")
    seller_client.post(
        f"/interactions/{note.pk}/edit/",
        {
            "kind": "prep_note",
            "occurred_at": "2026-11-20T10:30",
            "title": "Prep",
            "body": "Thank you for your time. What matters most to you?",
            "language": "en",
        },
    )
    note.refresh_from_db()
    assert note.analysis["findings"] == []


def test_a_meeting_with_no_text_gets_no_tone(seller_client, account):
    meeting = Interaction.objects.create(
        account=account,
        kind="meeting",
        occurred_at=timezone.now() + dt.timedelta(days=2),
        title="Review",
    )
    assert seller_client.get(f"/interactions/{meeting.pk}/").status_code == 200
    meeting.refresh_from_db()
    assert meeting.tone is None and meeting.analysis is None


def test_collaborative_moves_are_marked_too(seller_client, account, seller):
    interaction = _transcript(account, seller)
    page = seller_client.get(f"/interactions/{interaction.pk}/").content.decode()
    assert '<mark class="move" tabindex="0"' in page
    assert "Collaborative moves" in page


def test_a_promise_made_by_a_contact_is_offered_as_theirs(seller_client, account, seller):
    from confiance.accounts.models import Contact

    paul = Contact.objects.create(account=account, name="Paul")
    interaction = Interaction.objects.create(
        account=account, kind="call", occurred_at=timezone.now(), title="Call", language="en"
    )
    Segment.objects.create(
        interaction=interaction,
        position=0,
        speaker_label="Paul",
        contact=paul,
        text="I will send you the usage figures by Friday.",
        start=0,
        end=5,
    )
    page = seller_client.get(f"/interactions/{interaction.pk}/").content.decode()
    assert 'value="theirs" class="small">Add to the ledger as theirs' in page


def test_editing_a_transcript_says_where_its_words_are(seller_client, account, seller, note):
    # The text box of a meeting with a transcript is empty; without a word, it looks lost.
    interaction = _transcript(account, seller)
    page = seller_client.get(f"/interactions/{interaction.pk}/edit/").content.decode()
    assert "The transcript (3 turns) stays as it was imported" in page
    plain = seller_client.get(f"/interactions/{note.pk}/edit/").content.decode()
    assert "stays as it was imported" not in plain
