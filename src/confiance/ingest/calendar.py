"""iCalendar (.ics) files -> planned meetings, recurring events expanded within a window.

Parsing and recurrence come from ``icalendar`` and ``recurring-ical-events``; time zones
declared in VTIMEZONE blocks (Outlook's "Romance Standard Time" as much as Google's
"Europe/Paris") are honoured, and floating times take ``default_tz``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo

import icalendar
import recurring_ical_events

from confiance.ingest.errors import IngestError, Quoted
from confiance.ingest.i18n import gettext_noop
from confiance.ingest.text import decode_text

Address = tuple[str, str]


@dataclass
class CalendarEvent:
    uid: str
    external_id: str  # the UID, plus the start of the occurrence for recurring events
    summary: str
    description: str
    location: str
    start: datetime
    end: datetime | None
    all_day: bool
    organizer: Address
    attendees: list[Address] = field(default_factory=list)
    status: str = ""
    recurring: bool = False

    @property
    def addresses(self) -> list[str]:
        seen: dict[str, None] = {}
        for _name, address in [self.organizer, *self.attendees]:
            if address:
                seen.setdefault(address, None)
        return list(seen)


def parse_ics(
    data: bytes | str,
    filename: str,
    *,
    window_start: datetime,
    window_end: datetime,
    default_tz: tzinfo = UTC,
) -> list[CalendarEvent]:
    """Every event of the calendar; occurrences of recurring ones within the window only."""
    text = decode_text(data, filename, what="calendar")
    if not text.lstrip().upper().startswith("BEGIN:VCALENDAR"):
        raise IngestError(
            gettext_noop("not an iCalendar file: it must start with BEGIN:VCALENDAR"),
            filename=filename,
            line=1,
        )
    try:
        calendar = icalendar.Calendar.from_ical(text)
        events = _events(calendar, window_start, window_end, default_tz)
    except IngestError:
        raise
    except Exception as exc:
        # icalendar raises many exception types on malformed input; the user needs one
        # clear message, and the caller one exception type.
        raise IngestError(
            gettext_noop("malformed calendar: %(reason)s"),
            params={"reason": str(exc)},
            filename=filename,
        ) from exc
    return sorted(events, key=lambda e: (e.start, e.external_id))


def _events(calendar, window_start, window_end, default_tz) -> list[CalendarEvent]:
    result: list[CalendarEvent] = []
    seen: set[str] = set()
    # Decided on the source components: the expansion marks every copy it makes.
    recurring_uids = {
        str(c.get("UID", ""))
        for c in calendar.walk("VEVENT")
        if c.get("RRULE") or c.get("RDATE") or c.get("RECURRENCE-ID")
    }
    for component in recurring_ical_events.of(calendar).between(window_start, window_end):
        recurring = str(component.get("UID", "")) in recurring_uids
        event = _event(component, default_tz, recurring)
        if event and event.external_id not in seen:
            seen.add(event.external_id)
            result.append(event)
    # One-off events outside the window are still meetings worth keeping.
    for component in calendar.walk("VEVENT"):
        if str(component.get("UID", "")) in recurring_uids:
            continue
        event = _event(component, default_tz, False)
        if event and event.external_id not in seen:
            seen.add(event.external_id)
            result.append(event)
    return result


def _event(component, default_tz: tzinfo, recurring: bool) -> CalendarEvent | None:
    if component.name != "VEVENT" or component.get("DTSTART") is None:
        return None
    raw_start = component.decoded("DTSTART")
    start, all_day = _aware(raw_start, default_tz)
    end = None
    if component.get("DTEND") is not None:
        end, _ = _aware(component.decoded("DTEND"), default_tz)
    elif component.get("DURATION") is not None:
        duration = component.decoded("DURATION")
        end = start + duration if isinstance(duration, timedelta) else None
    uid = str(component.get("UID", "")).strip()
    external_id = f"{uid}@{start.astimezone(UTC):%Y%m%dT%H%M%SZ}" if recurring else uid
    return CalendarEvent(
        uid=uid,
        external_id=external_id[:300],
        summary=str(component.get("SUMMARY", "")).strip(),
        description=str(component.get("DESCRIPTION", "")).strip(),
        location=str(component.get("LOCATION", "")).strip(),
        start=start,
        end=end,
        all_day=all_day,
        organizer=_address(component.get("ORGANIZER")),
        attendees=[a for a in map(_address, _as_list(component.get("ATTENDEE"))) if a[1]],
        status=str(component.get("STATUS", "")).upper(),
        recurring=recurring,
    )


def _aware(value, default_tz: tzinfo) -> tuple[datetime, bool]:
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=default_tz)), False
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=default_tz), True
    raise IngestError(
        gettext_noop("an event has an unreadable start %(value)s"),
        params={"value": Quoted(str(value)) if isinstance(value, str) else repr(value)},
    )


def _as_list(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _address(value) -> Address:
    if value is None:
        return ("", "")
    text = str(value).strip()
    address = text[7:] if text.lower().startswith("mailto:") else text
    name = ""
    params = getattr(value, "params", None)
    if params is not None:
        name = str(params.get("CN", "")).strip().strip('"')
    address = address.strip().lower()
    return (name, address if "@" in address else "")
