"""Meetings, calls, e-mails and notes; creating one with text or a transcript analyses it."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from confiance.accounts.models import Contact
from confiance.api.access import get_or_404, require, save_clean, scoped, visible_account
from confiance.api.analysis import (
    MAX_TEXT,
    MAX_TURNS,
    TranscriptFileIn,
    TurnIn,
    analyse,
    pick_input,
)
from confiance.api.errors import ERRORS
from confiance.api.types import AwareDT, Id, Input, ListQuery, Page, chars, paginate, path_id
from confiance.interactions.models import Interaction, InteractionKind, Segment, Source

router = Router(tags=["interactions"])

Kind = Literal[tuple(InteractionKind.values)]
MAX_DURATION = 7 * 24 * 3600


class TranscriptSegment(Schema):
    position: int
    speaker: str = Field(..., alias="speaker_label")
    start: float | None
    end: float | None
    text: str


class InteractionSummary(Schema):
    id: int
    account_id: int
    kind: str
    occurred_at: dt.datetime
    duration_seconds: float | None
    title: str
    text: str = Field(..., alias="body")
    language: str
    source: str
    external_id: str
    tone: float | None
    contact_ids: list[int]
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_duration_seconds(obj) -> float | None:
        return obj.duration.total_seconds() if obj.duration is not None else None

    @staticmethod
    def resolve_contact_ids(obj) -> list[int]:
        return [c.pk for c in obj.contacts.all()]


class InteractionOut(InteractionSummary):
    analysis: dict[str, Any] | None
    segments: list[TranscriptSegment]

    @staticmethod
    def resolve_segments(obj) -> list:
        return list(obj.segments.all())


class InteractionIn(Input):
    account_id: Id
    kind: Kind
    occurred_at: AwareDT
    duration_seconds: int | None = Field(None, ge=0, le=MAX_DURATION)
    title: chars(300) = ""
    text: chars(MAX_TEXT) | None = None
    transcript: list[TurnIn] | None = Field(None, max_length=MAX_TURNS)
    transcript_file: TranscriptFileIn | None = None
    language: Literal["fr", "en"] | None = Field(None, description="Detected when left out.")
    external_id: chars(300) = ""
    contact_ids: list[Id] = Field(default_factory=list, max_length=200)


class InteractionPatch(Input):
    kind: Kind = None
    occurred_at: AwareDT = None
    duration_seconds: int | None = Field(None, ge=0, le=MAX_DURATION)
    title: chars(300) = None
    text: chars(MAX_TEXT) = Field(None, description="New text; analysed again.")
    language: Literal["fr", "en"] = None
    contact_ids: list[Id] = Field(None, max_length=200)


class InteractionQuery(ListQuery):
    account_id: Id | None = None
    kind: Kind | None = None
    source: Literal[tuple(Source.values)] | None = None
    occurred_after: AwareDT | None = None
    occurred_before: AwareDT | None = None
    ordering: Literal[
        "occurred_at", "-occurred_at", "tone", "-tone", "created_at", "-created_at"
    ] = "-occurred_at"


def _interactions(request):
    return scoped(request, Interaction.objects.all()).prefetch_related("contacts")


def _contacts_of(account_id: int, ids: list[int]) -> list[Contact]:
    contacts = list(Contact.objects.filter(account_id=account_id, pk__in=set(ids)))
    require(
        len(contacts) == len(set(ids)),
        "contact_ids",
        _("Every contact must belong to the interaction's account."),
        "cross_account",
    )
    return contacts


def _store_analysis(
    interaction: Interaction, body: str | None, turns: list[TurnIn] | None, lang: str | None
) -> None:
    """Analyse the text or the turns (``lang``: None detects it) and keep the reading."""
    if not (body and body.strip()) and not turns:
        interaction.tone, interaction.analysis = None, None
        return
    reference = timezone.localdate(interaction.occurred_at)
    result = analyse(body, turns, lang=lang, reference_date=reference)
    interaction.tone = result["tone"]
    interaction.analysis = result
    interaction.language = lang or result.get("lang", "")


@router.get("/interactions", response={200: Page[InteractionSummary], **ERRORS})
def list_interactions(request, params: Query[InteractionQuery]):
    """Interactions with the accounts you can see (without their analysis; get one for it)."""
    qs = _interactions(request)
    if params.account_id:
        qs = qs.filter(account_id=params.account_id)
    if params.kind:
        qs = qs.filter(kind=params.kind)
    if params.source:
        qs = qs.filter(source=params.source)
    if params.occurred_after:
        qs = qs.filter(occurred_at__gte=params.occurred_after)
    if params.occurred_before:
        qs = qs.filter(occurred_at__lt=params.occurred_before)
    return paginate(qs, params, params.ordering)


@router.post("/interactions", response={201: InteractionOut, **ERRORS})
def create_interaction(request, payload: InteractionIn):
    """Record an interaction; its text or transcript is analysed by the coach and stored."""
    with transaction.atomic():
        return Status(201, _create(request, payload))


def _create(request, payload: InteractionIn) -> Interaction:
    account = visible_account(request, payload.account_id)
    body, turns = pick_input(payload.text, payload.transcript, payload.transcript_file)
    contacts = _contacts_of(account.pk, payload.contact_ids)
    interaction = Interaction(
        account=account,
        kind=payload.kind,
        occurred_at=payload.occurred_at,
        duration=dt.timedelta(seconds=payload.duration_seconds)
        if payload.duration_seconds is not None
        else None,
        title=payload.title,
        body=body or "",
        language=payload.language or "",
        source=Source.API,
        external_id=payload.external_id,
        created_by=request.auth.user,
    )
    _store_analysis(interaction, body, turns, payload.language)
    save_clean(interaction)
    for position, turn in enumerate(turns or []):
        Segment.objects.create(
            interaction=interaction,
            position=position,
            speaker_label=turn.speaker,
            start=turn.start,
            end=turn.end,
            text=turn.text,
        )
    interaction.contacts.set(contacts)
    return interaction


@router.get("/interactions/{interaction_id}", response={200: InteractionOut, **ERRORS})
def get_interaction(request, interaction_id: int = path_id()):
    """One interaction with the coach's analysis and its transcript turns."""
    return get_or_404(_interactions(request), interaction_id)


@router.delete("/interactions/{interaction_id}", response={204: None, **ERRORS})
def delete_interaction(request, interaction_id: int = path_id()):
    """Delete an interaction with its transcript turns and e-mail headers. Commitments
    recorded from it stay in the ledger, no longer linked to it."""
    with transaction.atomic():
        get_or_404(_interactions(request), interaction_id).delete()
    return Status(204, None)


@router.patch("/interactions/{interaction_id}", response={200: InteractionOut, **ERRORS})
def update_interaction(request, payload: InteractionPatch, interaction_id: int = path_id()):
    """Change an interaction; new text (or a new language) is analysed again."""
    interaction = get_or_404(_interactions(request), interaction_id)
    with transaction.atomic():
        return _update(interaction, payload)


def _update(interaction: Interaction, payload: InteractionPatch) -> Interaction:
    data = payload.dict(exclude_unset=True)
    contact_ids = data.pop("contact_ids", None)
    if "duration_seconds" in data:
        seconds = data.pop("duration_seconds")
        data["duration"] = dt.timedelta(seconds=seconds) if seconds is not None else None
    if "text" in data:
        require(
            not interaction.segments.exists(),
            "text",
            _("This interaction is a transcript; its text cannot be replaced."),
        )
        data["body"] = data.pop("text")
    for field, value in data.items():
        setattr(interaction, field, value)
    if {"body", "language"} & data.keys():
        segments = list(interaction.segments.all())
        # A transcript is read again turn by turn (in the new language), a text as a whole.
        turns = [
            TurnIn(speaker=s.speaker_label, text=s.text, start=s.start, end=s.end) for s in segments
        ]
        # New text in an unnamed language is detected again, not assumed to be the old one.
        lang = data.get("language")
        _store_analysis(interaction, None if turns else interaction.body, turns or None, lang)
    save_clean(interaction)
    if contact_ids is not None:
        interaction.contacts.set(_contacts_of(interaction.account_id, contact_ids))
    return interaction
