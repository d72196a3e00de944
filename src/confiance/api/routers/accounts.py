"""Customer and prospect accounts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from django.db import transaction
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from confiance.accounts.models import Account, AccountKind, SizeBand
from confiance.api.access import accounts_for, require, save_clean, visible_account
from confiance.api.errors import ERRORS, ApiError
from confiance.api.search import search
from confiance.api.types import Id, Input, ListQuery, Money, Page, chars, paginate, path_id
from confiance.common import Currency, Language
from confiance.users.models import Membership, Role

router = Router(tags=["accounts"])

Kind = Literal[tuple(AccountKind.values)]
Size = Literal[("", *SizeBand.values)]
Lang = Literal[tuple(Language.values)]
Cur = Literal[tuple(Currency.values)]


class AccountOut(Schema):
    id: int
    name: str
    kind: str
    owner_id: int
    team_id: int
    industry: str
    size_band: str
    country: str
    language: str
    annual_value: Decimal
    currency: str
    customer_since: dt.date | None
    notes: str
    created_at: dt.datetime
    updated_at: dt.datetime


class AccountIn(Input):
    name: chars(200, min_length=1)
    kind: Kind
    team_id: Id | None = Field(None, description="Defaults to your only team.")
    owner_id: Id | None = Field(None, description="Defaults to you.")
    industry: chars(100) = ""
    size_band: Size = ""
    country: chars(2) = ""
    language: Lang = "en"
    annual_value: Money = Decimal(0)
    currency: Cur = "EUR"
    customer_since: dt.date | None = None
    notes: chars() = ""


class AccountPatch(Input):
    name: chars(200, min_length=1) = None
    kind: Kind = None
    owner_id: Id = None
    industry: chars(100) = None
    size_band: Size = None
    country: chars(2) = None
    language: Lang = None
    annual_value: Money = None
    currency: Cur = None
    customer_since: dt.date | None = None
    notes: chars() = None


class AccountQuery(ListQuery):
    kind: Kind | None = None
    industry: chars(100) | None = None
    owner_id: Id | None = None
    team_id: Id | None = None
    q: chars(200) | None = Field(None, description="Part of the name (any case, accents optional).")
    ordering: Literal[
        "name", "-name", "created_at", "-created_at", "updated_at", "-updated_at",
        "annual_value", "-annual_value",
    ] = "name"  # fmt: skip


def _check_owner(user, team_id: int, owner_id: int) -> None:
    is_member = Membership.objects.filter(user_id=owner_id, team_id=team_id).exists()
    require(is_member, "owner_id", _("The owner must belong to the account's team."))
    if owner_id != user.pk and not user.is_superuser:
        may_assign = Membership.objects.filter(
            user=user, team_id=team_id, role__in=[Role.MANAGER, Role.ADMIN]
        ).exists()
        require(may_assign, "owner_id", _("Only a manager may give an account to someone else."))


@router.get("/accounts", response={200: Page[AccountOut], **ERRORS})
def list_accounts(request, params: Query[AccountQuery]):
    """Accounts you can see, filtered and ordered."""
    qs = accounts_for(request)
    if params.kind:
        qs = qs.filter(kind=params.kind)
    if params.industry:
        qs = qs.filter(industry__iexact=params.industry)
    if params.owner_id:
        qs = qs.filter(owner_id=params.owner_id)
    if params.team_id:
        qs = qs.filter(team_id=params.team_id)
    if params.q:
        qs = search(qs, params.q, "name")
    return paginate(qs, params, params.ordering)


@router.post("/accounts", response={201: AccountOut, **ERRORS})
def create_account(request, payload: AccountIn):
    """Create an account in one of your teams."""
    user = request.auth.user
    data = payload.dict()
    team_id = data.pop("team_id")
    if team_id is None:
        teams = list(Membership.objects.filter(user=user).values_list("team_id", flat=True))
        require(len(teams) == 1, "team_id", _("Say which of your teams the account is for."))
        team_id = teams[0]
    elif not user.is_superuser:
        is_member = Membership.objects.filter(user=user, team_id=team_id).exists()
        require(is_member, "team_id", _("You can only create accounts in your own teams."))
    owner_id = data.pop("owner_id") or user.pk
    _check_owner(user, team_id, owner_id)
    account = Account(team_id=team_id, owner_id=owner_id, **data)
    return Status(201, save_clean(account))


@router.get("/accounts/{account_id}", response={200: AccountOut, **ERRORS})
def get_account(request, account_id: int = path_id()):
    """One account."""
    return visible_account(request, account_id)


@router.patch("/accounts/{account_id}", response={200: AccountOut, **ERRORS})
def update_account(request, payload: AccountPatch, account_id: int = path_id()):
    """Change some fields of an account; the others stay as they are."""
    account = visible_account(request, account_id)
    data = payload.dict(exclude_unset=True)
    if "owner_id" in data:
        _check_owner(request.auth.user, account.team_id, data["owner_id"])
    return save_clean(account, data)


def _may_delete(user, account: Account) -> bool:
    """Managers of the account's team and administrators: deleting an account removes its
    whole history (contacts, interactions, opportunities), too much for one seller."""
    if user.is_superuser:
        return True
    roles = Membership.objects.filter(user=user)
    return (
        roles.filter(role=Role.ADMIN).exists()
        or roles.filter(role=Role.MANAGER, team_id=account.team_id).exists()
    )


@router.delete("/accounts/{account_id}", response={204: None, **ERRORS})
def delete_account(request, account_id: int = path_id()):
    """Delete an account with everything recorded about it (managers and administrators).

    An account holding commitments is refused: the ledger is never deleted."""
    with transaction.atomic():
        account = visible_account(request, account_id)
        if not _may_delete(request.auth.user, account):
            raise ApiError(
                403,
                "forbidden",
                _("Only a manager of the account's team or an administrator may delete it."),
            )
        require(
            not account.commitments.exists(),
            "body",
            _(
                "This account has commitments, and the commitment ledger is never deleted: "
                "the account cannot be deleted."
            ),
            "has_commitments",
        )
        account.delete()
    return Status(204, None)
