from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from confiance.ingest.calendar import parse_ics
from confiance.ingest.errors import IngestError
from tests.ingest.conftest import FIXTURES

WINDOW = {
    "window_start": datetime(2026, 11, 1, tzinfo=UTC),
    "window_end": datetime(2027, 3, 1, tzinfo=UTC),
}


def test_google_weekly_rrule_is_expanded_honouring_exdate_and_time_zone():
    events = parse_ics((FIXTURES / "google.ics").read_bytes(), "google.ics", **WINDOW)
    assert [e.start.astimezone(UTC).strftime("%m-%d %H:%M") for e in events] == [
        "11-03 09:00",
        "11-10 09:00",
        "11-24 09:00",
        "12-01 09:00",
        "12-08 09:00",
    ]
    assert len({e.external_id for e in events}) == 5
    assert events[0].attendees[0] == ("Claire Dubois", "claire.dubois@northwind.example")
    assert all(e.recurring for e in events)


def test_recurrences_outside_the_window_are_left_out():
    window = {
        "window_start": datetime(2026, 11, 20, tzinfo=UTC),
        "window_end": datetime(2026, 12, 2, tzinfo=UTC),
    }
    events = parse_ics((FIXTURES / "google.ics").read_bytes(), "google.ics", **window)
    assert [e.start.day for e in events] == [24, 1]


def test_outlook_windows_time_zone_name_is_honoured():
    (event,) = parse_ics((FIXTURES / "outlook.ics").read_bytes(), "outlook.ics", **WINDOW)
    # 14:00 "Romance Standard Time" in November is 13:00 UTC.
    assert event.start.astimezone(UTC) == datetime(2026, 11, 26, 13, 0, tzinfo=UTC)
    assert event.end - event.start == (datetime(2026, 1, 1, 15, 30) - datetime(2026, 1, 1, 14))
    assert event.summary == "Revue renouvellement 2027 – Northwind"
    assert "- écarts de prix" in event.description
    assert event.organizer == ("Sophie Martin", "sophie.martin@confiance.example")
    assert ("Paul Léroy", "paul.leroy@northwind.example") in event.attendees
    assert not event.recurring


def test_floating_times_take_the_default_zone():
    data = (
        "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:x1\nDTSTART:20261201T090000\n"
        "SUMMARY:Call\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    (event,) = parse_ics(data, "f.ics", default_tz=ZoneInfo("Europe/Paris"), **WINDOW)
    assert event.start.astimezone(UTC).hour == 8


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"Subject: hello\n\nnot a calendar", "not an iCalendar file"),
        (
            b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2026-13-45\nEND:VEVENT\nEND:VCALENDAR\n",
            "malformed calendar",
        ),
        (b"\x00\x01\x02", "binary file"),
    ],
)
def test_bad_calendars_are_refused(data, needle):
    with pytest.raises(IngestError, match=needle):
        parse_ics(data, "bad.ics", **WINDOW)
