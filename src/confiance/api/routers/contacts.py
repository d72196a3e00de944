"""Contacts (the buying group's people), the topics they must decide and their positions."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.db import transaction
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from confiance.accounts.models import BuyingRole, Contact, StakeholderPosition, Topic
from confiance.api.access import get_or_404, require, save_clean, scoped, visible_account
from confiance.api.errors import ERRORS
from confiance.api.search import search
from confiance.api.types import Id, Input, ListQuery, Page, chars, paginate, path_id
from confiance.common import Language

router = Router(tags=["contacts, topics and positions"])

Role = Literal[tuple(BuyingRole.values)]
Lang = Literal[tuple(Language.values)]


class ContactOut(Schema):
    id: int
    account_id: int
    name: str
    job_title: str
    email: str
    phone: str
    language: str
    buying_role: str
    influence: int
    erased_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime


class ContactIn(Input):
    account_id: Id
    name: chars(200, min_length=1)
    job_title: chars(200) = ""
    email: chars(254) = ""
    phone: chars(40) = ""
    language: Lang = "en"
    buying_role: Role = "user"
    influence: int = Field(3, ge=1, le=5)


class ContactPatch(Input):
    name: chars(200, min_length=1) = None
    job_title: chars(200) = None
    email: chars(254) = None
    phone: chars(40) = None
    language: Lang = None
    buying_role: Role = None
    influence: int = Field(None, ge=1, le=5)


class ContactQuery(ListQuery):
    account_id: Id | None = None
    buying_role: Role | None = None
    q: chars(200) | None = Field(
        None,
        description="Part of the name, title or e-mail (any case, accents optional).",
    )
    ordering: Literal["name", "-name", "influence", "-influence", "created_at", "-created_at"] = (
        "name"
    )


def _contacts(request):
    return scoped(request, Contact.objects.all())


@router.get("/contacts", response={200: Page[ContactOut], **ERRORS})
def list_contacts(request, params: Query[ContactQuery]):
    """Contacts of the accounts you can see."""
    qs = _contacts(request)
    if params.account_id:
        qs = qs.filter(account_id=params.account_id)
    if params.buying_role:
        qs = qs.filter(buying_role=params.buying_role)
    if params.q:
        qs = search(qs, params.q, "name", "job_title", "email")
    return paginate(qs, params, params.ordering)


@router.post("/contacts", response={201: ContactOut, **ERRORS})
def create_contact(request, payload: ContactIn):
    """Add a person of the account's buying group."""
    account = visible_account(request, payload.account_id)
    data = payload.dict()
    data["account_id"] = account.pk
    return Status(201, save_clean(Contact(**data)))


@router.get("/contacts/{contact_id}", response={200: ContactOut, **ERRORS})
def get_contact(request, contact_id: int = path_id()):
    """One contact."""
    return get_or_404(_contacts(request), contact_id)


@router.patch("/contacts/{contact_id}", response={200: ContactOut, **ERRORS})
def update_contact(request, payload: ContactPatch, contact_id: int = path_id()):
    """Change some fields of a contact."""
    contact = get_or_404(_contacts(request), contact_id)
    # Erasure is final: writing a name or an address back would undo it.
    require(
        contact.erased_at is None,
        "body",
        _("This contact's personal data was erased; it cannot be edited."),
        "erased",
    )
    return save_clean(contact, payload.dict(exclude_unset=True))


@router.delete("/contacts/{contact_id}", response={204: None, **ERRORS})
def delete_contact(request, contact_id: int = path_id()):
    """Delete a contact with their positions. Commitments they made stay in the ledger
    without an owner; interactions stay without them. To honour a GDPR request, erase the
    person instead (``POST /people/{email}/erase``): deleting leaves their words in
    transcripts."""
    with transaction.atomic():
        get_or_404(_contacts(request), contact_id).delete()
    return Status(204, None)


class TopicOut(Schema):
    id: int
    account_id: int
    title: str
    description: str
    decided: bool
    created_at: dt.datetime
    updated_at: dt.datetime


class TopicIn(Input):
    account_id: Id
    title: chars(200, min_length=1)
    description: chars() = ""
    decided: bool = False


class TopicPatch(Input):
    title: chars(200, min_length=1) = None
    description: chars() = None
    decided: bool = None


class TopicQuery(ListQuery):
    account_id: Id | None = None
    decided: bool | None = None
    ordering: Literal["title", "-title", "created_at", "-created_at"] = "title"


def _topics(request):
    return scoped(request, Topic.objects.all())


@router.get("/topics", response={200: Page[TopicOut], **ERRORS})
def list_topics(request, params: Query[TopicQuery]):
    """What the buying groups you can see must decide."""
    qs = _topics(request)
    if params.account_id:
        qs = qs.filter(account_id=params.account_id)
    if params.decided is not None:
        qs = qs.filter(decided=params.decided)
    return paginate(qs, params, params.ordering)


@router.post("/topics", response={201: TopicOut, **ERRORS})
def create_topic(request, payload: TopicIn):
    """Add something the account's buying group must decide."""
    account = visible_account(request, payload.account_id)
    return Status(201, save_clean(Topic(**{**payload.dict(), "account_id": account.pk})))


@router.get("/topics/{topic_id}", response={200: TopicOut, **ERRORS})
def get_topic(request, topic_id: int = path_id()):
    """One topic."""
    return get_or_404(_topics(request), topic_id)


@router.patch("/topics/{topic_id}", response={200: TopicOut, **ERRORS})
def update_topic(request, payload: TopicPatch, topic_id: int = path_id()):
    """Change a topic, or mark it decided."""
    topic = get_or_404(_topics(request), topic_id)
    return save_clean(topic, payload.dict(exclude_unset=True))


@router.delete("/topics/{topic_id}", response={204: None, **ERRORS})
def delete_topic(request, topic_id: int = path_id()):
    """Delete a topic and every stakeholder's position on it."""
    with transaction.atomic():
        get_or_404(_topics(request), topic_id).delete()
    return Status(204, None)


class PositionOut(Schema):
    id: int
    contact_id: int
    topic_id: int
    priority: int
    preferred_alternative: str
    perceived_risk: str
    stance: str
    created_at: dt.datetime
    updated_at: dt.datetime


class PositionIn(Input):
    contact_id: Id
    topic_id: Id
    priority: int = Field(3, ge=1, le=5)
    preferred_alternative: chars(200) = ""
    perceived_risk: chars(300) = ""
    stance: chars() = ""


class PositionPatch(Input):
    priority: int = Field(None, ge=1, le=5)
    preferred_alternative: chars(200) = None
    perceived_risk: chars(300) = None
    stance: chars() = None


class PositionQuery(ListQuery):
    account_id: Id | None = None
    topic_id: Id | None = None
    contact_id: Id | None = None
    ordering: Literal["priority", "-priority", "created_at", "-created_at"] = "-priority"


def _positions_of(request):
    return scoped(request, StakeholderPosition.objects.all(), "topic__account")


@router.get("/positions", response={200: Page[PositionOut], **ERRORS})
def list_positions(request, params: Query[PositionQuery]):
    """Where each stakeholder stands on each topic."""
    qs = _positions_of(request)
    if params.account_id:
        qs = qs.filter(topic__account_id=params.account_id)
    if params.topic_id:
        qs = qs.filter(topic_id=params.topic_id)
    if params.contact_id:
        qs = qs.filter(contact_id=params.contact_id)
    return paginate(qs, params, params.ordering)


@router.post("/positions", response={201: PositionOut, **ERRORS})
def create_position(request, payload: PositionIn):
    """Record where a stakeholder stands on a topic of the same account."""
    contact = get_or_404(_contacts(request), payload.contact_id)
    topic = get_or_404(_topics(request), payload.topic_id)
    require(
        contact.account_id == topic.account_id,
        "topic_id",
        _("The stakeholder and the topic must belong to the same account."),
        "cross_account",
    )
    taken = StakeholderPosition.objects.filter(contact=contact, topic=topic).exists()
    require(
        not taken,
        "topic_id",
        _("This stakeholder already has a position on this topic; change it instead."),
        "duplicate",
    )
    position = StakeholderPosition(**payload.dict())
    return Status(201, save_clean(position))


@router.get("/positions/{position_id}", response={200: PositionOut, **ERRORS})
def get_position(request, position_id: int = path_id()):
    """One stakeholder's position on one topic."""
    return get_or_404(_positions_of(request), position_id)


@router.patch("/positions/{position_id}", response={200: PositionOut, **ERRORS})
def update_position(request, payload: PositionPatch, position_id: int = path_id()):
    """Change a stakeholder's position."""
    position = get_or_404(_positions_of(request), position_id)
    return save_clean(position, payload.dict(exclude_unset=True))


@router.delete("/positions/{position_id}", response={204: None, **ERRORS})
def delete_position(request, position_id: int = path_id()):
    """Delete one stakeholder's position on one topic."""
    with transaction.atomic():
        get_or_404(_positions_of(request), position_id).delete()
    return Status(204, None)
