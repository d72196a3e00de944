"""The commitment ledger: what each side promised, with status changes and their history."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from confiance.accounts.models import Contact
from confiance.accounts.permissions import can_see
from confiance.api.access import get_or_404, require, save_clean, scoped, visible_account
from confiance.api.errors import ERRORS
from confiance.api.types import Id, Input, ListQuery, Money, Page, chars, paginate, path_id
from confiance.common import Currency
from confiance.interactions.models import Interaction
from confiance.ledger.models import Commitment, CommitmentKind, Party
from confiance.ledger.models import Status as CommitmentStatus

router = Router(tags=["commitments"])


class EventOut(Schema):
    from_status: str
    to_status: str
    at: dt.datetime
    by_id: int | None
    note: str


class CommitmentOut(Schema):
    id: int
    account_id: int
    party: str
    owner_user_id: int | None
    owner_contact_id: int | None
    kind: str
    description: str
    value_amount: Decimal | None
    currency: str
    value_hours: Decimal | None
    due_date: dt.date | None
    status: str
    resolved_at: dt.date | None
    is_overdue: bool
    interaction_id: int | None
    created_at: dt.datetime
    updated_at: dt.datetime


class CommitmentDetail(CommitmentOut):
    events: list[EventOut]

    @staticmethod
    def resolve_events(obj) -> list:
        return list(obj.events.all())


HoursField = Field(None, ge=0, max_digits=8, decimal_places=1)


class CommitmentIn(Input):
    account_id: Id
    party: Literal[tuple(Party.values)]
    kind: Literal[tuple(CommitmentKind.values)]
    description: chars(10_000, min_length=1)
    owner_user_id: Id | None = Field(None, description="Ours: a colleague; defaults to you.")
    owner_contact_id: Id | None = Field(None, description="Theirs: one of their people.")
    value_amount: Money | None = None
    currency: Literal[tuple(Currency.values)] = "EUR"
    value_hours: Decimal | None = HoursField
    due_date: dt.date | None = None
    interaction_id: Id | None = None


class CommitmentPatch(Input):
    kind: Literal[tuple(CommitmentKind.values)] = None
    description: chars(10_000, min_length=1) = None
    owner_contact_id: Id | None = None
    value_amount: Money | None = None
    currency: Literal[tuple(Currency.values)] = None
    value_hours: Decimal | None = HoursField
    due_date: dt.date | None = None


class StatusIn(Input):
    status: Literal[tuple(CommitmentStatus.values)]
    on: dt.date | None = Field(None, description="When it was resolved; today by default.")
    note: chars(2_000) = ""


class CommitmentQuery(ListQuery):
    account_id: Id | None = None
    party: Literal[tuple(Party.values)] | None = None
    kind: Literal[tuple(CommitmentKind.values)] | None = None
    status: Literal[tuple(CommitmentStatus.values)] | None = None
    overdue: bool | None = Field(None, description="Open and past its due date.")
    due_before: dt.date | None = None
    due_after: dt.date | None = None
    ordering: Literal["due_date", "-due_date", "created_at", "-created_at", "status", "-status"] = (
        "due_date"
    )


def _commitments(request):
    return scoped(request, Commitment.objects.all())


def _check_links(account_id: int, contact_id: int | None, interaction_id: int | None) -> None:
    if contact_id is not None:
        exists = Contact.objects.filter(pk=contact_id, account_id=account_id).exists()
        require(exists, "owner_contact_id", _("This contact belongs to another account."))
    if interaction_id is not None:
        exists = Interaction.objects.filter(pk=interaction_id, account_id=account_id).exists()
        require(exists, "interaction_id", _("This interaction belongs to another account."))


@router.get("/commitments", response={200: Page[CommitmentOut], **ERRORS})
def list_commitments(request, params: Query[CommitmentQuery]):
    """Commitments of both sides on the accounts you can see."""
    qs = _commitments(request)
    for field in ("account_id", "party", "kind", "status"):
        value = getattr(params, field)
        if value:
            qs = qs.filter(**{field: value})
    if params.overdue is not None:
        overdue = {"status": CommitmentStatus.OPEN, "due_date__lt": timezone.localdate()}
        qs = qs.filter(**overdue) if params.overdue else qs.exclude(**overdue)
    if params.due_before:
        qs = qs.filter(due_date__lt=params.due_before)
    if params.due_after:
        qs = qs.filter(due_date__gte=params.due_after)
    return paginate(qs, params, params.ordering)


@router.post("/commitments", response={201: CommitmentDetail, **ERRORS})
def create_commitment(request, payload: CommitmentIn):
    """Record a commitment of either side; ours are owned by a colleague (you by default)."""
    account = visible_account(request, payload.account_id)
    data = payload.dict()
    data["account_id"] = account.pk
    if data["party"] == Party.OURS and data["owner_user_id"] is None:
        data["owner_user_id"] = request.auth.user.pk
    if data["owner_user_id"] is not None:
        # A colleague who works on this account (sees it), never a stranger to it.
        owner = get_user_model().objects.filter(pk=data["owner_user_id"], is_active=True).first()
        works_on_it = owner is not None and can_see(owner, account)
        require(
            works_on_it, "owner_user_id", _("The owner must be a colleague who sees this account.")
        )
    _check_links(account.pk, data["owner_contact_id"], data["interaction_id"])
    return Status(201, save_clean(Commitment(**data)))


@router.get("/commitments/{commitment_id}", response={200: CommitmentDetail, **ERRORS})
def get_commitment(request, commitment_id: int = path_id()):
    """One commitment with the history of its status."""
    return get_or_404(_commitments(request), commitment_id)


@router.patch("/commitments/{commitment_id}", response={200: CommitmentDetail, **ERRORS})
def update_commitment(request, payload: CommitmentPatch, commitment_id: int = path_id()):
    """Change a commitment's details; its status changes through ``/status``."""
    commitment = get_or_404(_commitments(request), commitment_id)
    data = payload.dict(exclude_unset=True)
    if data.get("owner_contact_id") is not None:
        _check_links(commitment.account_id, data["owner_contact_id"], None)
    return save_clean(commitment, data)


@router.post("/commitments/{commitment_id}/status", response={200: CommitmentDetail, **ERRORS})
def change_status(request, payload: StatusIn, commitment_id: int = path_id()):
    """Mark a commitment kept, kept late, broken, withdrawn or open again; the change is
    recorded in its history with who made it."""
    commitment = get_or_404(_commitments(request), commitment_id)
    commitment.change_status(payload.status, on=payload.on, by=request.auth.user, note=payload.note)
    commitment.refresh_from_db()
    return commitment
