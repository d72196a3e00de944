"""Insights: scorecards, the paradox radar, perseverance, the buying-group map and the brief.

These endpoints wrap the services of ``confiance.insights`` (docs/insights.md gives the
formulas); their result dataclasses are the response schemas, so the OpenAPI document follows
the services. Sentences come back in the language of ``Accept-Language``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.utils import translation
from ninja import Field, Query, Router, Schema, Status

from confiance.accounts.models import AccountKind
from confiance.api.access import visible_account
from confiance.api.errors import ERRORS, not_found
from confiance.api.types import Id, Input, ListQuery, Page, path_id
from confiance.insights.brief import Brief, NoSuchMeeting, meeting_brief
from confiance.insights.buying_group import BuyingGroupMap, buying_group_map
from confiance.insights.common import EARLIEST_AS_OF, LATEST_AS_OF, NoSuchAccount
from confiance.insights.perseverance import PlansReport, confirm_no
from confiance.insights.perseverance import plans as plans_report
from confiance.insights.radar import Radar, radar
from confiance.insights.scorecard import Scorecard, scorecard, scorecards

router = Router(tags=["insights"])


def _lang() -> str | None:
    """The language the request asked for, when the services know it."""
    code = (translation.get_language() or "")[:2]
    return code if code in {"en", "fr"} else None


class AsOf(Schema):
    as_of: dt.date | None = Field(
        None,
        ge=EARLIEST_AS_OF,
        le=LATEST_AS_OF,
        description="Compute as on this day; today by default.",
    )


class ScorecardQuery(ListQuery, AsOf):
    months: int = Field(12, ge=1, le=36, description="Length of the window, in months.")
    trend: bool = Field(False, description="Include the month-by-month trend.")
    kind: Literal[tuple(AccountKind.values)] | None = None
    ordering: Literal["account", "-account", "overall", "-overall"] = Field(
        "account", description="Accounts without enough data for a score come last."
    )


@router.get("/scorecards", response={200: Page[Scorecard], **ERRORS})
def list_scorecards(request, params: Query[ScorecardQuery]):
    """The five-principles scorecard of every account you can see, by account name."""
    cards = scorecards(
        request.auth.user,
        as_of=params.as_of,
        lang=_lang(),
        months=params.months,
        trend=params.trend,
    )
    if params.kind:
        cards = [card for card in cards if card.kind == params.kind]
    field = params.ordering.lstrip("-")
    descending = params.ordering.startswith("-")
    if field == "overall":
        scored = [c for c in cards if c.overall is not None]
        scored.sort(key=lambda c: (c.overall, c.account.casefold()), reverse=descending)
        cards = scored + [c for c in cards if c.overall is None]
    elif descending:
        cards = list(reversed(cards))  # the service orders by account name
    items = cards[params.offset : params.offset + params.limit]
    return {"count": len(cards), "limit": params.limit, "offset": params.offset, "items": items}


class OneScorecardQuery(AsOf):
    months: int = Field(12, ge=1, le=36, description="Length of the window, in months.")


@router.get("/accounts/{account_id}/scorecard", response={200: Scorecard, **ERRORS})
def get_scorecard(request, params: Query[OneScorecardQuery], account_id: int = path_id()):
    """One account's scorecard: each principle's score, the facts behind it and the trend."""
    account = visible_account(request, account_id)
    return scorecard(
        request.auth.user, account, as_of=params.as_of, lang=_lang(), months=params.months
    )


class RadarQuery(AsOf):
    references: int = Field(3, ge=0, le=10, description="Reference customers per prospect.")


@router.get("/radar", response={200: Radar, **ERRORS})
def get_radar(request, params: Query[RadarQuery]):
    """Customers ranked by neglect, and prospects paired with reference customers."""
    return radar(request.auth.user, as_of=params.as_of, lang=_lang(), references=params.references)


class PerseveranceQuery(AsOf):
    include_closed: bool = Field(False, description="Also the plans already won back or closed.")


@router.get("/perseverance", response={200: PlansReport, **ERRORS})
def get_perseverance(request, params: Query[PerseveranceQuery]):
    """Perseverance plans with their steps, overdue first, and the reversal rates."""
    return plans_report(
        request.auth.user,
        as_of=params.as_of,
        lang=_lang(),
        include_closed=params.include_closed,
    )


class ConfirmIn(Input):
    on: dt.date | None = Field(None, description="Today by default.")


@router.post("/plans/{plan_id}/confirm-no", response={204: None, **ERRORS})
def confirm_plan_no(request, payload: ConfirmIn, plan_id: int = path_id()):
    """Close a plan: the "no" is confirmed after the follow-up."""
    try:
        confirm_no(request.auth.user, plan_id, on=payload.on)
    except (ObjectDoesNotExist, PermissionDenied):
        raise not_found() from None
    return Status(204, None)


@router.get("/accounts/{account_id}/buying-group", response={200: BuyingGroupMap, **ERRORS})
def get_buying_group(request, account_id: int = path_id()):
    """Stakeholders × topics: where they diverge, and an agenda for discussing it."""
    account = visible_account(request, account_id)
    try:
        return buying_group_map(request.auth.user, account, lang=_lang())
    except NoSuchAccount:
        raise not_found() from None


class BriefQuery(AsOf):
    meeting_id: Id | None = Field(
        None, description="A meeting of this account; its next planned meeting by default."
    )


@router.get("/accounts/{account_id}/brief", response={200: Brief, **ERRORS})
def get_brief(request, params: Query[BriefQuery], account_id: int = path_id()):
    """The one-page brief before a meeting with the account."""
    account = visible_account(request, account_id)
    try:
        return meeting_brief(
            request.auth.user,
            account,
            meeting=params.meeting_id,
            as_of=params.as_of,
            lang=_lang(),
        )
    except (NoSuchAccount, NoSuchMeeting):
        raise not_found() from None
