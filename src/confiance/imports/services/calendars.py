"""iCalendar events -> planned meetings with their attendees matched to people."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from confiance.imports.services.analysis import analyse
from confiance.imports.services.context import ImportContext
from confiance.imports.services.report import reason
from confiance.ingest.calendar import CalendarEvent, parse_ics
from confiance.ingest.errors import Message
from confiance.interactions.models import Interaction, InteractionKind, Source

# Recurring events are expanded this far back and ahead of the import.
WINDOW_BEFORE = timedelta(days=90)
WINDOW_AFTER = timedelta(days=365)


def import_calendar(data: bytes, filename: str, ctx: ImportContext) -> None:
    events = parse_ics(
        data,
        filename,
        window_start=ctx.now - WINDOW_BEFORE,
        window_end=ctx.now + WINDOW_AFTER,
        default_tz=ZoneInfo(settings.TIME_ZONE),
    )
    ctx.total = len(events)
    ctx.resolve_addresses({a for e in events for a in e.addresses})
    for event in events:
        _import_event(event, ctx)
        ctx.tick()


def _fingerprint(event: CalendarEvent) -> str:
    parts = [event.summary, event.description, event.location, event.start.isoformat()]
    parts += [event.end.isoformat() if event.end else "", *sorted(event.addresses)]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _import_event(event: CalendarEvent, ctx: ImportContext) -> None:
    label = event.summary or event.uid or Message(gettext_noop("(untitled event)"))
    account = ctx.account
    if account is None:
        for address in event.addresses:
            found = ctx.contacts_for(address)
            if found:
                account = found[0].account
                break
    if account is None:
        ctx.report.skip(
            label,
            reason(
                gettext_noop("no account: no known contact among the attendees (give --account)")
            ),
        )
        return
    if event.status == "CANCELLED":
        ctx.report.skip(label, reason(gettext_noop("cancelled in the calendar")))
        return
    fingerprint = _fingerprint(event)
    ext = event.external_id or f"sha256:{fingerprint}"
    existing = Interaction.objects.filter(
        account=account, source=Source.ICS, external_id=ext
    ).first()
    if existing is not None and existing.content_hash == fingerprint:
        ctx.report.skip(label, reason(gettext_noop("already imported")))
        return
    tone, analysis, problem = analyse(event.description)
    if problem:
        ctx.report.note(problem)
    interaction = existing or Interaction(account=account, source=Source.ICS, external_id=ext)
    interaction.kind = InteractionKind.MEETING
    interaction.occurred_at = event.start
    interaction.duration = (
        (event.end - event.start) if event.end and event.end >= event.start else None
    )
    interaction.title = (event.summary or _("Meeting"))[:300]
    interaction.body = event.description
    interaction.content_hash = fingerprint
    interaction.tone, interaction.analysis = tone, analysis
    interaction.language = (analysis or {}).get("lang", "") if analysis else ""
    interaction.created_by = interaction.created_by or ctx.user
    interaction.save()
    contacts, users = [], []
    for address in event.addresses:
        found = ctx.contacts_for(address, account)
        user = ctx.user_for(address)
        if not found and user is None:
            ctx.report.unknown[address] += 1
        contacts += found
        users += [user] if user else []
    interaction.contacts.set(contacts)
    interaction.users.set(users)
    if existing is not None:
        ctx.report.update("meeting")
    else:
        ctx.report.create("meeting")
