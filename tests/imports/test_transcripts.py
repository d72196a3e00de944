from __future__ import annotations

from datetime import UTC, datetime

from confiance.imports.services import import_file
from confiance.interactions.models import Interaction, Segment


def test_zoom_transcript_becomes_a_meeting_with_speakers_mapped(
    fixture_path, account, claire, seller_with_address
):
    path = fixture_path("zoom.vtt", "GMT20261117-094213_Recording.transcript.vtt")
    report = import_file(path, user=seller_with_address, account=account)
    assert report.ok, report.error
    assert report.created == {"meeting": 1, "segment": 5}
    meeting = Interaction.objects.get()
    assert meeting.occurred_at == datetime(2026, 11, 17, 9, 42, 13, tzinfo=UTC)
    assert meeting.duration.total_seconds() == 34
    segments = list(meeting.segments.order_by("position"))
    assert segments[0].user == seller_with_address
    assert segments[1].contact == claire
    assert segments[1].text.endswith("the same licences.")
    assert set(meeting.contacts.all()) == {claire}
    assert set(meeting.users.all()) == {seller_with_address}
    # The coach read the conversation turn by turn.
    assert [s["speaker"] for s in meeting.analysis["speakers"]] == [
        "Sophie Martin",
        "Claire Dubois",
    ]
    assert meeting.tone is not None


def test_teams_transcript_without_account_finds_it_by_speaker_names(fixture_path, account, claire):
    report = import_file(fixture_path("teams.vtt"), user=account.owner)
    assert report.ok
    meeting = Interaction.objects.get()
    assert meeting.account == account
    assert meeting.language == "fr"
    # Speakers matching nobody are reported.
    assert set(report.unknown) == {"Sophie Martin", "Paul Leroy"}


def test_same_transcript_twice_is_skipped(fixture_path, account):
    path = fixture_path("call.srt")
    import_file(path, user=account.owner, account=account)
    again = import_file(path, user=account.owner, account=account)
    assert again.skipped == {"already imported": 1}
    assert Interaction.objects.count() == 1


def test_invalid_timestamp_names_file_and_line_and_saves_nothing(tmp_path, account):
    path = tmp_path / "call.vtt"
    path.write_text(
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nok\n\n2\n00:00:3.5 --> 00:00:04.000\nbad\n"
    )
    report = import_file(path, user=account.owner, account=account)
    assert report.error == "call.vtt, line 8: invalid timestamp '00:00:3.5'"
    assert Interaction.objects.count() == 0
    assert Segment.objects.count() == 0


def test_a_file_that_is_not_what_its_extension_says(tmp_path, account):
    path = tmp_path / "meeting.vtt"
    path.write_bytes(b"%PDF-1.7\n%\xb5\xb5\xb5\xb5\n")
    report = import_file(path, user=account.owner, account=account)
    assert report.error.startswith("meeting.vtt")
    assert "not a WebVTT file" in report.error
