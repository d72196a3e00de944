"""Find a due date in a promise ("by Friday", "d'ici la fin du mois") and resolve it."""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from dataclasses import dataclass

_NUMERIC = (
    r"(?P<iso>(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2}))"
    r"|(?P<dmy>(?P<dd>\d{1,2})[/.](?P<dm>\d{1,2})(?:[/.](?P<dy>\d{2,4}))?)"
)
_FIXED_KINDS = ("today", "tomorrow", "day_after_tomorrow", "next_week", "end_of_week")
_PERIOD_KINDS = ("end_of_month", "next_month")


@dataclass
class DateFinder:
    """The compiled date expressions of one language (built from commitments.toml)."""

    regex: re.Pattern[str]
    weekdays: dict[str, int]
    months: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, float]
    working_days: frozenset[str]

    @classmethod
    def build(cls, spec: dict) -> DateFinder:
        weekdays = {k.lower(): int(v) for k, v in spec["weekdays"].items()}
        months = {k.lower(): int(v) for k, v in spec["months"].items()}

        def alt(words) -> str:
            return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

        parts = [_NUMERIC]
        for kind in _FIXED_KINDS + _PERIOD_KINDS:
            if spec.get(kind):
                parts.append(f"(?P<{kind}>{alt(spec[kind])})")
        month = alt(months)
        parts.append(
            rf"(?P<daymonth>(?P<dmd>\d{{1,2}})(?:{spec['ordinal']})?\s+(?P<dmm>{month})\.?(?:\s+(?P<dmy2>\d{{4}}))?)"
        )
        parts.append(
            rf"(?P<monthday>(?P<mdm>{month})\.?\s+(?:the\s+)?(?P<mdd>\d{{1,2}})(?:{spec['ordinal']})?(?:,?\s+(?P<mdy>\d{{4}}))?)"
        )
        parts.append(rf"(?P<weekday>{alt(weekdays)})")
        parts.append(spec["in_period"])
        # "le 3" alone is a day of this month; "le 3 décembre" is matched above.
        parts.append(spec["day_of_month"] + rf"(?!\.?\s+(?:{month})\b)")
        body = "|".join(parts)
        regex = re.compile(rf"(?:{spec['prepositions']})?\b(?:{body})\b", re.IGNORECASE)
        return cls(
            regex,
            weekdays,
            months,
            {k.lower(): int(v) for k, v in spec.get("numbers", {}).items()},
            {k.lower(): float(v) for k, v in spec["units"].items()},
            frozenset(w.lower() for w in spec.get("working_day_units", [])),
        )

    def find(self, text: str, ref: dt.date) -> tuple[re.Match[str] | None, dt.date | None]:
        """The first date expression of ``text`` that resolves, and its date."""
        for m in self.regex.finditer(text):
            try:
                when = self._resolve(m, ref)
            except (ValueError, OverflowError):
                when = None
            if when is not None:
                return m, when
        return None, None

    def _resolve(self, m: re.Match[str], ref: dt.date) -> dt.date | None:
        g = m.groupdict()
        if g["iso"]:
            return dt.date(int(g["iy"]), int(g["im"]), int(g["id"]))
        if g["dmy"]:
            first, second = int(g["dd"]), int(g["dm"])
            if second > 12 >= first:  # 12/15: month first, as written in the US
                first, second = second, first
            return _with_year(ref, second, first, g["dy"])
        if g.get("today"):
            return ref
        if g.get("tomorrow"):
            return ref + dt.timedelta(days=1)
        if g.get("day_after_tomorrow"):
            return ref + dt.timedelta(days=2)
        if g.get("next_week"):
            # The Friday of next week: the end of the working week being promised.
            return ref + dt.timedelta(days=7 - ref.weekday() + 4)
        if g.get("end_of_week"):
            return ref + dt.timedelta(days=(4 - ref.weekday()) % 7)
        if g.get("end_of_month"):
            return ref.replace(day=calendar.monthrange(ref.year, ref.month)[1])
        if g.get("next_month"):
            year, month = (ref.year + 1, 1) if ref.month == 12 else (ref.year, ref.month + 1)
            return dt.date(year, month, calendar.monthrange(year, month)[1])
        if g["daymonth"]:
            month = self.months[g["dmm"].lower()]
            return _with_year(ref, month, int(g["dmd"]), g["dmy2"])
        if g["monthday"]:
            month = self.months[g["mdm"].lower()]
            return _with_year(ref, month, int(g["mdd"]), g["mdy"])
        if g["weekday"]:
            ahead = (self.weekdays[g["weekday"].lower()] - ref.weekday()) % 7 or 7
            return ref + dt.timedelta(days=ahead)
        if g.get("n"):
            raw = g["n"].lower()
            n = int(raw) if raw.isdigit() else self.numbers.get(raw)
            unit_name = " ".join(g["unit"].lower().split())
            unit = self.units.get(unit_name)
            if n is None or unit is None:
                return None
            if unit_name in self.working_days:
                return _add_working_days(ref, n)
            return ref + dt.timedelta(days=math.ceil(round(n * unit, 4)))
        if g.get("day"):
            day = int(g["day"])
            year, month = ref.year, ref.month
            if day < ref.day:
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
            return dt.date(year, month, day)
        return None


def _add_working_days(ref: dt.date, n: int) -> dt.date:
    when = ref
    while n > 0:
        when += dt.timedelta(days=1)
        if when.weekday() < 5:
            n -= 1
    return when


def _with_year(ref: dt.date, month: int, day: int, year: str | None) -> dt.date:
    if year:
        y = int(year)
        return dt.date(y + 2000 if y < 100 else y, month, day)
    when = dt.date(ref.year, month, day)
    # A date without a year that has already passed means next year's.
    return when if when >= ref else dt.date(ref.year + 1, month, day)
