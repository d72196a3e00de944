"""A WebVTT or SRT transcript -> one meeting interaction with timed segments."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from datetime import timedelta

from django.utils.translation import gettext_noop

from confiance.imports.services.analysis import analyse
from confiance.imports.services.context import ImportContext
from confiance.imports.services.people import NameMatcher, accounts_with_contacts_named
from confiance.imports.services.report import reason
from confiance.ingest.transcripts import parse_transcript
from confiance.interactions.models import Interaction, InteractionKind, Segment, Source

# Zoom names its files "GMT20261117-094213_Recording.transcript.vtt".
_ZOOM_NAME = re.compile(r"GMT(\d{8})-(\d{6})")


def import_transcript(data: bytes, filename: str, ctx: ImportContext) -> None:
    transcript = parse_transcript(data, filename)
    ctx.total = len(transcript.turns)
    account = ctx.account
    if account is None:
        candidates = accounts_with_contacts_named(ctx.visible, transcript.speakers)
        if len(candidates) != 1:
            ctx.report.skip(
                filename,
                reason(
                    gettext_noop("no account: give --account (speakers match %(n)d accounts)"),
                    n=len(candidates),
                ),
            )
            return
        account = candidates[0]
    ext = f"sha256:{hashlib.sha256(data).hexdigest()}"
    source = Source.VTT if transcript.format == "vtt" else Source.SRT
    if Interaction.objects.filter(account=account, source=source, external_id=ext).exists():
        ctx.report.skip(filename, reason(gettext_noop("already imported")))
        return
    occurred_at = ctx.occurred_at or _date_from_name(filename) or ctx.now
    tone, analysis, problem = analyse(turns=transcript.turns, reference_date=occurred_at.date())
    if problem:
        ctx.report.note(problem)
    end = max((t.end for t in transcript.turns), default=0.0)
    interaction = Interaction.objects.create(
        account=account,
        kind=InteractionKind.MEETING,
        occurred_at=occurred_at,
        duration=timedelta(seconds=round(end)),
        title=filename.rsplit("/", 1)[-1][:300],
        language=(analysis or {}).get("lang", "") if analysis else "",
        source=source,
        external_id=ext,
        content_hash=ext.removeprefix("sha256:"),
        created_by=ctx.user,
        tone=tone,
        analysis=analysis,
    )
    matcher = NameMatcher(account, account.team)
    segments = []
    contacts, users = set(), set()
    for position, turn in enumerate(transcript.turns):
        contact, user = matcher.match(turn.speaker) if turn.speaker else (None, None)
        if turn.speaker and contact is None and user is None:
            ctx.report.unknown[turn.speaker] += 1
        contacts.update([contact] if contact else [])
        users.update([user] if user else [])
        segments.append(
            Segment(
                interaction=interaction,
                position=position,
                speaker_label=turn.speaker[:200],
                contact=contact,
                user=user,
                start=turn.start,
                end=turn.end,
                text=turn.text,
            )
        )
        ctx.tick()
    Segment.objects.bulk_create(segments)
    interaction.contacts.set(contacts)
    interaction.users.set(users)
    ctx.report.create("meeting")
    ctx.report.create("segment", len(segments))


def _date_from_name(filename: str) -> dt.datetime | None:
    match = _ZOOM_NAME.search(filename)
    if not match:
        return None
    try:
        return dt.datetime.strptime("".join(match.groups()), "%Y%m%d%H%M%S").replace(tzinfo=dt.UTC)
    except ValueError:
        return None
