from __future__ import annotations

from datetime import UTC, datetime

import pytest

from confiance.imports.services import context as context_module
from confiance.imports.services import import_file
from confiance.interactions.models import Interaction


@pytest.fixture(autouse=True)
def november(monkeypatch):
    # The recurrence window is relative to now; pin now to the fixtures' month.
    monkeypatch.setattr(context_module.timezone, "now", lambda: datetime(2026, 11, 2, tzinfo=UTC))


def test_recurring_google_event_becomes_planned_meetings(fixture_path, account, claire):
    report = import_file(fixture_path("google.ics"), user=account.owner)
    assert report.ok, report.error
    assert report.created == {"meeting": 5}
    meetings = Interaction.objects.order_by("occurred_at")
    assert {m.account for m in meetings} == {account}
    assert meetings[0].title == "Northwind – point hebdo"
    assert meetings[0].duration.total_seconds() == 1800
    assert set(meetings[0].contacts.all()) == {claire}


def test_outlook_invitation_with_windows_zone(fixture_path, account, claire, paul):
    import_file(fixture_path("outlook.ics"), user=account.owner)
    meeting = Interaction.objects.get()
    assert meeting.occurred_at == datetime(2026, 11, 26, 13, 0, tzinfo=UTC)
    assert set(meeting.contacts.all()) == {claire, paul}


def test_reimport_skips_and_a_moved_meeting_is_updated(fixture_path, account, claire):
    path = fixture_path("outlook.ics")
    import_file(path, user=account.owner)
    assert import_file(path, user=account.owner).skipped == {"already imported": 1}
    path.write_bytes(path.read_bytes().replace(b":20261126T", b":20261127T"))
    report = import_file(path, user=account.owner)
    assert report.updated == {"meeting": 1}
    assert Interaction.objects.get().occurred_at == datetime(2026, 11, 27, 13, 0, tzinfo=UTC)


def test_broken_calendar_saves_nothing(tmp_path, account):
    path = tmp_path / "agenda.ics"
    path.write_text(
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nDTSTART:notadate\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    report = import_file(path, user=account.owner, account=account)
    assert report.error.startswith("agenda.ics: malformed calendar")
    assert Interaction.objects.count() == 0


def test_a_cancelled_event_is_skipped_with_the_reason(fixture_path, account, claire):
    path = fixture_path("outlook.ics")
    path.write_bytes(path.read_bytes().replace(b"PRIORITY:5", b"STATUS:CANCELLED"))
    report = import_file(path, user=account.owner)
    assert report.skipped == {"cancelled in the calendar": 1}
    assert Interaction.objects.count() == 0
