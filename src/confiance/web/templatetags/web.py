"""Template tags of the web app: localised money, pagination links, percentages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import get_language

register = template.Library()

SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CAD": "CA$"}


@register.simple_tag
def money(amount, currency: str = "EUR", decimals: int = 0) -> str:
    """``amount`` in ``currency`` written the local way: 1 234 € in French, €1,234 in English."""
    if amount in (None, ""):
        return "—"
    number = number_format(Decimal(amount), decimals, use_l10n=True, force_grouping=True)
    symbol = SYMBOLS.get(currency)
    if (get_language() or "en").startswith("fr") or symbol is None:
        return f"{number}\u00a0{symbol or currency}"
    return f"{symbol}{number}"


@register.simple_tag(takes_context=True)
def page_query(context, param: str, number: int) -> str:
    """The current query string with ``param`` set to ``number`` (other filters kept)."""
    query = context["request"].GET.copy()
    query[param] = number
    return query.urlencode()


@register.filter
def percent(value, decimals: int = 0) -> str:
    """0.42 -> 42 % (localised)."""
    if value in (None, ""):
        return "—"
    number = number_format(float(value) * 100, decimals, use_l10n=True)
    sep = "\u00a0" if (get_language() or "en").startswith("fr") else ""
    return f"{number}{sep}%"


@register.filter
def get_item(mapping, key):
    """``mapping[key]`` in a template (None when missing)."""
    if mapping is None:
        return None
    return mapping.get(key)


@register.simple_tag
def colon() -> str:
    """A colon the local way: "Owner: Sophie" in English, "Responsable : Sophie" in French."""
    return "\u00a0:" if (get_language() or "en").startswith("fr") else ":"


def _french() -> bool:
    return (get_language() or "en").startswith("fr")


@register.simple_tag
def open_quote() -> str:
    """An opening quotation mark the local way: « in French, “ in English."""
    return "«\u00a0" if _french() else "“"


@register.simple_tag
def close_quote() -> str:
    """The matching closing quotation mark: » in French, ” in English."""
    return "\u00a0»" if _french() else "”"


@register.filter
def pct(value, decimals=None) -> str:
    """A figure already in percent, the local way: 20.5 -> "20,5 %" in French, "20.5%" in English.

    Without ``decimals``, whole numbers lose their ".0" (a 20.0 % gap reads "20 %")."""
    if value in (None, ""):
        return "—"
    number = float(value)
    if decimals is None:
        decimals = 0 if number == int(number) else 1
    text = number_format(number, decimals, use_l10n=True)
    return f"{text}\u00a0%" if _french() else f"{text}%"


@register.filter
def iso_date(value):
    """A date the coach gives as an ISO string ("2026-11-30") as a date, for the ``date`` filter."""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


@register.filter
def before_today(value) -> bool:
    """True when the date ``value`` is before today in the user's time zone (a missed deadline)."""
    from django.utils import timezone

    return value is not None and value < timezone.localdate()
