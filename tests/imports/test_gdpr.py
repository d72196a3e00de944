from __future__ import annotations

import json

import pytest

from confiance.accounts.models import Contact, ContactEmail, StakeholderPosition, Topic
from confiance.imports.models import ErasureRecord
from confiance.imports.services import import_file
from confiance.imports.services.gdpr import MARK, erase_person, export_person
from confiance.interactions.models import Interaction, Segment


@pytest.fixture
def history(account, claire, paul, seller_with_address, fixture_path):
    for name in ("thunderbird.mbox", "zoom.vtt"):
        assert import_file(fixture_path(name), user=seller_with_address, account=account).ok
    topic = Topic.objects.create(account=account, title="Renouvellement")
    StakeholderPosition.objects.create(contact=claire, topic=topic, stance="Trop cher pour nous")
    ContactEmail.objects.create(contact=claire, address="claire@perso.example")
    return account


def test_person_export_gathers_everything_about_the_contact(history, claire):
    data = export_person("claire@perso.example")
    (person,) = data["contacts"]
    assert person["name"] == "Claire Dubois"
    assert person["other_emails"] == ["claire@perso.example"]
    assert person["positions"][0]["stance"] == "Trop cher pour nous"
    written = [i for i in person["interactions"] if i["written_by_them"]]
    assert len(written) == 1 and "augmenté de 12 %" in written[0]["text"]
    assert [t["text"] for t in person["transcript_turns"]][
        1
    ] == "They looked at the per-seat price only."
    json.dumps(data)  # serialisable as is


def test_erasure_removes_personal_data_and_keeps_aggregates(history, claire, seller_with_address):
    meeting = Interaction.objects.get(source="vtt")
    tone_before = {i.pk: i.tone for i in Interaction.objects.all()}
    record = erase_person("claire.dubois@northwind.example", by=seller_with_address, via="cli")

    claire.refresh_from_db()
    assert (claire.name, claire.email, claire.phone) == (MARK, "", "")
    assert claire.erased_at is not None
    assert not ContactEmail.objects.filter(contact=claire).exists()
    turns = Segment.objects.filter(interaction=meeting).order_by("position")
    assert [t.text for t in turns if t.contact_id == claire.pk] == [MARK, MARK]
    assert turns[0].text.startswith("Thanks for making the time")  # Sophie's words stay
    assert StakeholderPosition.objects.get().stance == MARK
    her_mail = Interaction.objects.get(external_id="CAH4mZq9Lw3=renewal-2@mail.gmail.com")
    assert her_mail.body == MARK
    # Nothing of her remains anywhere in the database rows we hold.
    everything = json.dumps(
        [
            list(Interaction.objects.values()),
            list(Segment.objects.values()),
            list(Contact.objects.values()),
        ],
        default=str,
    )
    assert "Claire" not in everything
    assert "claire.dubois" not in everything.lower()
    assert "per-seat price" not in everything
    # Tone and talk-time numbers survive for the scores.
    assert {i.pk: i.tone for i in Interaction.objects.all()} == tone_before
    meeting.refresh_from_db()
    assert [s["words"] > 0 for s in meeting.analysis["speakers"]] == [True, True]
    # The audit log says who and when, and nothing about her.
    assert record.performed_by == seller_with_address
    assert (record.contacts, record.segments, record.messages) == (1, 2, 1)
    assert "claire" not in json.dumps(list(ErasureRecord.objects.values()), default=str).lower()


def test_erased_people_are_not_brought_back_by_a_crm_reimport(fixture_path, seller):
    import_file(fixture_path("hubspot_companies.csv"), user=seller)
    import_file(fixture_path("hubspot_contacts.csv"), user=seller)
    erase_person("claire.dubois@northwind.example", by=seller, via="cli")
    report = import_file(fixture_path("hubspot_contacts.csv"), user=seller)
    assert report.skipped["this person asked to be erased"] == 1
    assert not Contact.objects.filter(name="Claire Dubois").exists()


def test_other_speakers_naming_the_person_are_blanked_too(account, claire, fixture_path):
    path = fixture_path("call.srt")
    assert import_file(path, user=account.owner, account=account).ok
    erase_person("claire.dubois@northwind.example", by=None, via="web")
    first = Segment.objects.order_by("position").first()
    assert first.text == f"Good morning {MARK}, how did the pilot go?"
    assert ErasureRecord.objects.get().performed_by is None
