"""Field types shared by the API's schemas: bounded ids, clean text, aware datetimes, pages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Generic, TypeVar

from django.utils.translation import gettext as _
from ninja import Field, Path, Schema
from pydantic import AfterValidator, AwareDatetime, ConfigDict

# Ids are 64-bit: anything larger cannot exist and would overflow the database driver.
MAX_ID = 2**63 - 1
MAX_OFFSET = 10**9


def _clean_text(value: str) -> str:
    # Neither PostgreSQL nor UTF-8 can store a NUL or a lone surrogate; refuse them politely.
    if "\x00" in value:
        raise ValueError(_("Text cannot contain a NUL character."))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(_("Text must be valid Unicode.")) from exc
    return value


def _storable_datetime(value: dt.datetime) -> dt.datetime:
    # In UTC: PostgreSQL refuses offsets beyond ±15:59 that ISO 8601 allows.
    try:
        return value.astimezone(dt.UTC)
    except OverflowError as exc:
        raise ValueError(_("This date is out of range.")) from exc


Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Text = Annotated[str, AfterValidator(_clean_text)]
AwareDT = Annotated[AwareDatetime, AfterValidator(_storable_datetime)]
Money = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2)]
Percent = Annotated[Decimal, Field(ge=-100, le=100, max_digits=5, decimal_places=1)]


def chars(max_length: int | None = None, *, min_length: int = 0):
    """A text field of at most ``max_length`` characters (the column's size)."""
    return Annotated[Text, Field(min_length=min_length, max_length=max_length)]


T = TypeVar("T")


class Input(Schema):
    """A JSON request body. An unknown field is refused ("This field is not accepted.")
    rather than dropped: a misspelt field (``date`` for ``reference_date``, the answer's
    ``competitor_price_gap_pct`` for ``price_gap_pct``) would otherwise lose its value
    without a word while the request succeeds."""

    model_config = ConfigDict(extra="forbid")


class ListQuery(Schema):
    """Paging shared by every list: ``limit`` (1–500, default 50) and ``offset``."""

    limit: int = Field(50, ge=1, le=500, description="How many items to return (1–500).")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="How many items to skip.")


class Page(Schema, Generic[T]):
    """One page of a list: ``count`` is the total number of items matching the filters."""

    count: int
    limit: int
    offset: int
    items: list[T]


def paginate(queryset, params: ListQuery, ordering: str | None = None) -> dict:
    """Order (with the primary key as tie-breaker), count and slice a queryset."""
    if ordering:
        tie = "-pk" if ordering.startswith("-") else "pk"
        queryset = queryset.order_by(ordering, tie)
    count = queryset.count()
    items = list(queryset[params.offset : params.offset + params.limit])
    return {"count": count, "limit": params.limit, "offset": params.offset, "items": items}


def path_id():
    """A path parameter holding a database id."""
    return Path(..., ge=1, le=MAX_ID)
