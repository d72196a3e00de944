"""Helpers shared by the insight services.

Public helpers (used by the CLI, the web app and the API):

- ``find_account(user, ref) -> Account``: an account by id or case-insensitive name among those
  ``user`` may see; raises ``NoSuchAccount`` otherwise (same error whether it does not exist or
  is hidden, so that nobody learns which accounts exist).
- ``user_language(user) -> str`` and ``user_timezone(user) -> ZoneInfo``: the user's preferences.
- ``signed(tone) -> str`` (+0.25 in English, +0,25 in French); ``local_today(tz) -> date``;
  ``add_working_days(day, n) -> date`` (Monday–Friday).
- ``Result``: base class giving dataclass results a JSON-serialisable ``as_dict()``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.db.models import QuerySet
from django.db.models.functions import Length
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from confiance.accounts.models import Account
from confiance.accounts.permissions import visible_accounts

LANGUAGES = ("en", "fr")


# The days a report can be computed "as of": windows reach 36 months back and plans a few
# weeks ahead, and both must stay within the calendar Python can represent.
EARLIEST_AS_OF = dt.date(1970, 1, 1)
LATEST_AS_OF = dt.date(2999, 12, 31)


class NoSuchAccount(LookupError):
    """The account does not exist or the user may not see it (deliberately the same error)."""

    def __init__(self, ref: object) -> None:
        self.ref = ref
        super().__init__(_("No such account: %(ref)s") % {"ref": ref})


def find_account(user, ref: object) -> Account:
    """The account ``ref`` (an id, or a name in any case) if ``user`` may see it."""
    if isinstance(ref, Account):
        ref = ref.pk
    visible = visible_accounts(user)
    text = str(ref).strip()
    if text.isdigit():
        found = visible.filter(pk=int(text)).first()
        if found is not None:
            return found
    matches = list(visible.filter(name__iexact=text)[:2])
    if not matches and not text.isascii():
        # SQLite folds the case of ASCII letters only ("É" ≠ "é"): compare in Python, among
        # the names of the same length.
        wanted = text.casefold()
        same_length = visible.annotate(name_length=Length("name")).filter(name_length=len(text))
        matches = [a for a in same_length if a.name.casefold() == wanted][:2]
    if len(matches) == 1:
        return matches[0]
    raise NoSuchAccount(ref)


def user_language(user) -> str:
    """The user's interface language (Profile.language), else the active language, else en."""
    profile = _profile(user)
    if profile is not None and profile.language in LANGUAGES:
        return profile.language
    active = (translation.get_language() or "en")[:2]
    return active if active in LANGUAGES else "en"


def user_timezone(user) -> ZoneInfo:
    """The user's time zone (Profile.time_zone), else the site's TIME_ZONE."""
    profile = _profile(user)
    name = (profile.time_zone if profile is not None else "") or settings.TIME_ZONE
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(settings.TIME_ZONE)


def _profile(user):
    if user is None or not getattr(user, "pk", None):
        return None
    try:
        return user.profile
    except Exception:  # noqa: BLE001 - no profile row: defaults apply
        return None


def signed(value: float) -> str:
    """A tone such as +0.25 / -0.10 with the active language's decimal separator."""
    return ("+" if value >= 0 else "-") + number_format(abs(value), 2)


def local_today(tz: ZoneInfo) -> dt.date:
    return timezone.now().astimezone(tz).date()


def add_working_days(day: dt.date, n: int) -> dt.date:
    """``n`` working days (Monday–Friday) after ``day``; public holidays are not known."""
    current = day
    while n > 0:
        current += dt.timedelta(days=1)
        if current.weekday() < 5:
            n -= 1
    return current


def month_start(day: dt.date, back: int = 0) -> dt.date:
    """The first day of the month ``back`` months before ``day``'s month."""
    index = day.year * 12 + day.month - 1 - back
    return dt.date(index // 12, index % 12 + 1, 1)


def month_end(day: dt.date) -> dt.date:
    """The last day of ``day``'s month."""
    return month_start(day, -1) - dt.timedelta(days=1)


@contextlib.contextmanager
def language(lang: str | None) -> Iterator[str]:
    """Render strings in ``lang`` (fr/en) inside the block; the active language otherwise."""
    code = lang if lang in LANGUAGES else (translation.get_language() or "en")[:2]
    if code not in LANGUAGES:
        code = "en"
    with translation.override(code):
        yield code


def visible_ids(user) -> QuerySet:
    """A subquery of the ids of the accounts ``user`` may see (no ids pulled into Python)."""
    return visible_accounts(user).values("pk")


def to_jsonable(value: object) -> object:
    """Dates to ISO strings, Decimals to floats, dataclasses and containers recursively."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


class Result:
    """Mixin for result dataclasses: ``as_dict()`` gives JSON-serialisable data."""

    def as_dict(self) -> dict:
        return to_jsonable(self)  # type: ignore[return-value]
