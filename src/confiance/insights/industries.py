"""Sectors under their French and English names, so that similarity crosses languages.

An account's ``industry`` is free text, written in the account's language ("Logistique" for
a French account, "Logistics" for a British one) or copied from a CRM export. To compare two
accounts, ``sector`` turns the names of one sector in either language into the same key;
any other text is compared as before, ignoring case (and accents).

The French names are the ones French companies and CRMs use (INSEE's NAF headings where
they fit: "Enseignement", "Industrie agroalimentaire"; "Services aux collectivités" is the
French heading of the ICB "Utilities" sector). The demo writes each account's industry with
``industry_name`` in the account's language.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from django.utils.translation import get_language

#: key -> its name per language, then other names read as the same sector.
SECTORS: dict[str, dict[str, str | tuple[str, ...]]] = {
    "aerospace": {
        "en": "Aerospace",
        "fr": "Aéronautique",
        "also": ("Aéronautique et spatial", "Aviation & Aerospace"),
    },
    "education": {"en": "Education", "fr": "Enseignement", "also": ("Éducation",)},
    "facilities_management": {
        "en": "Facilities management",
        "fr": "Facility management",
        "also": ("Facilities services", "Services généraux"),
    },
    "food_manufacturing": {
        "en": "Food manufacturing",
        "fr": "Industrie agroalimentaire",
        "also": ("Agroalimentaire", "Food production", "Industrie alimentaire"),
    },
    "healthcare": {
        "en": "Healthcare",
        "fr": "Santé",
        "also": ("Health care", "Hospital & Health Care", "Hôpitaux et santé"),
    },
    "hospitality": {
        "en": "Hospitality",
        "fr": "Hôtellerie",
        "also": ("Hôtellerie-restauration",),
    },
    "industrial_equipment": {
        "en": "Industrial equipment",
        "fr": "Équipements industriels",
        "also": ("Biens d'équipement",),
    },
    "logistics": {
        "en": "Logistics",
        "fr": "Logistique",
        "also": ("Transport et logistique", "Logistics & Supply Chain"),
    },
    "pharmaceutical_distribution": {
        "en": "Pharmaceutical distribution",
        "fr": "Distribution pharmaceutique",
        "also": ("Répartition pharmaceutique",),
    },
    "public_sector": {
        "en": "Public sector",
        "fr": "Secteur public",
        "also": ("Administration publique", "Government administration"),
    },
    "utilities": {"en": "Utilities", "fr": "Services aux collectivités"},
}


def _fold(text: str) -> str:
    """Lower case, no accents, single spaces: "  Santé " and "sante" fold alike."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.split())


def _names(entry: dict[str, str | tuple[str, ...]]) -> list[str]:
    names: list[str] = []
    for value in entry.values():
        names.extend((value,) if isinstance(value, str) else value)
    return names


_KEYS = {_fold(name): key for key, entry in SECTORS.items() for name in _names(entry)}


@lru_cache(maxsize=4096)
def sector(industry: str) -> str:
    """The key two accounts of the same sector share, whatever the language of their names.

    Known names give their sector's key ("Logistique" and "logistics" give ``logistics``);
    other text is only folded (case, accents, spaces), so that "Retail" matches "retail".
    """
    folded = _fold(industry)
    return _KEYS.get(folded, folded)


def industry_name(key: str, language: str) -> str:
    """The name of a known sector in ``language`` ("fr", "en"); English when it has none."""
    entry = SECTORS[key]
    name = entry.get((language or "en")[:2], entry["en"])
    return name if isinstance(name, str) else entry["en"]  # type: ignore[return-value]


def industry_label(industry: str) -> str:
    """An account's industry for the reader: in the active language when it is a known sector.

    A name already in the reader's language is kept as the account holds it.
    """
    key = _KEYS.get(_fold(industry))
    if key is None:
        return industry
    name = industry_name(key, get_language() or "en")
    return industry if _fold(name) == _fold(industry) else name
