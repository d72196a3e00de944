"""Template tags of the web app: localised money, pagination links, percentages."""

from __future__ import annotations

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
