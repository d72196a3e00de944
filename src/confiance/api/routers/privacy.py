"""Data out and the GDPR: a team's export, and a person's access and erasure.

Thin over the services behind ``confiance export``, ``confiance person export`` and
``confiance person erase`` so that the API gives exactly what the command line gives.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema

from confiance.api.access import scoped
from confiance.api.errors import ERRORS, ApiError, not_found
from confiance.api.types import Id, Text
from confiance.imports.services.export import EXPORT_FILE, export_json
from confiance.imports.services.gdpr import erase_person, export_person, find_contacts
from confiance.users.models import Membership, Role, Team

logger = logging.getLogger(__name__)
router = Router(tags=["export and privacy"])


class ExportRecord(Schema):
    """One row of the export: a Django fixture entry, as ``confiance export`` writes it."""

    model: str
    pk: int
    fields: dict[str, Any]


class ExportQuery(Schema):
    team_id: Id | None = Field(None, description="One of your teams (default: all of them).")


def _exportable_teams(user) -> QuerySet[Team]:
    """The teams whose data ``user`` may take out: those they manage or administer."""
    if user.is_superuser:
        return Team.objects.all()
    managed = Membership.objects.filter(user=user, role__in=[Role.MANAGER, Role.ADMIN])
    return Team.objects.filter(pk__in=managed.values("team_id"))


@router.get("/export", response={200: list[ExportRecord], **ERRORS})
def export(request, params: Query[ExportQuery]):
    """Your team's complete data as the JSON file ``confiance export`` writes (managers and
    administrators). Streamed as it is read: the first bytes leave at once and memory stays
    bounded. A failure midway cuts the stream before the closing ``]``: the document never
    parses, so a truncated export cannot pass for a complete one."""
    teams = _exportable_teams(request.auth.user)
    if not teams.exists():
        raise ApiError(
            403, "forbidden", _("Only managers and administrators may export a team's data.")
        )
    if params.team_id is not None:
        teams = teams.filter(pk=params.team_id)
        if not teams.exists():
            raise not_found()
    chosen = list(teams)
    response = StreamingHttpResponse(
        _logged(export_json(chosen), [t.pk for t in chosen]), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="{EXPORT_FILE}"'
    from confiance.api.main import with_rate_headers  # main imports this module

    return with_rate_headers(request, response)


def _logged(blocks: Iterator[bytes], team_ids: list[int]) -> Iterator[bytes]:
    """Pass the blocks on, logging a failure midway before letting it end the response.

    The view has returned by then, so Django's own error logging never sees it; re-raising
    makes the server drop the connection without ending the chunked body, which HTTP clients
    report as an incomplete transfer.
    """
    try:
        yield from blocks
    except Exception:
        logger.exception(
            "The export of teams %s failed midway; the client got a cut stream", team_ids
        )
        raise


class PositionData(Schema):
    topic: str
    priority: int
    preferred_alternative: str
    perceived_risk: str
    stance: str


class CommitmentData(Schema):
    description: str
    kind: str
    due_date: str | None
    status: str


class InteractionData(Schema):
    id: int
    kind: str
    occurred_at: str
    title: str
    written_by_them: bool
    text: str = Field(..., description="Only the interactions they wrote themselves.")
    tone: float | None


class TurnData(Schema):
    interaction: int
    start: float | None
    end: float | None
    text: str


class ContactData(Schema):
    id: int
    account: str
    name: str
    job_title: str
    email: str
    other_emails: list[str]
    phone: str
    language: str
    buying_role: str
    influence: int
    erased_at: str | None
    positions: list[PositionData]
    commitments: list[CommitmentData]
    interactions: list[InteractionData]
    transcript_turns: list[TurnData]


class PersonOut(Schema):
    """Everything held about the contacts with one address (``confiance person export``)."""

    email: str
    exported_at: str
    contacts: list[ContactData]


class ErasureOut(Schema):
    """The audit record of the erasure: who and when, and how much, never whose data."""

    id: int
    performed_at: dt.datetime
    performed_by_id: int | None
    via: str
    contacts: int
    segments: int
    messages: int


# The path parameter of both person endpoints (a shared default, as ruff's B008 wants).
EMAIL = Path(..., min_length=1, max_length=254, description="The person's e-mail address.")


def _require_admin(user) -> None:
    is_admin = user.is_superuser or Membership.objects.filter(user=user, role=Role.ADMIN).exists()
    if not is_admin:
        raise ApiError(
            403, "forbidden", _("Only administrators may export or erase a person's data.")
        )


def _nobody(email: str) -> ApiError:
    return ApiError(404, "not_found", _("Nobody with the address %(email)s") % {"email": email})


def _visible_ids(request, email: str) -> tuple[set[int], set[int]]:
    """Ids of every contact with this address, and of those the caller may see."""
    found = find_contacts(email)
    return set(found.values_list("pk", flat=True)), set(
        scoped(request, found).values_list("pk", flat=True)
    )


@router.get("/people/{email}", response={200: PersonOut, **ERRORS})
def get_person(request, email: Text = EMAIL):
    """Everything held about the contacts with this address, as ``confiance person export``
    gives it (administrators; GDPR right of access)."""
    _require_admin(request.auth.user)
    _found, visible = _visible_ids(request, email)
    if not visible:
        raise _nobody(email)
    data = export_person(email)
    data["contacts"] = [c for c in data["contacts"] if c["id"] in visible]
    return data


@router.post("/people/{email}/erase", response={200: ErasureOut, **ERRORS})
def erase(request, email: Text = EMAIL):
    """Erase the person everywhere, as ``confiance person erase`` does: names, addresses and
    their words become ``[erased]``, tones and counts stay, and the erasure is logged with
    your name (administrators, read-write token; cannot be undone)."""
    _require_admin(request.auth.user)
    with transaction.atomic():
        found, visible = _visible_ids(request, email)
        # The service erases every contact with the address; refuse if any is out of sight
        # (administrators see every account today, but the API must not rely on it).
        if not found or found != visible:
            raise _nobody(email)
        return erase_person(email, by=request.auth.user, via="api")
