"""``?q=`` search that ignores case and accents on SQLite and PostgreSQL alike.

Django's ``icontains`` folds only ASCII letters on SQLite, so ``?q=énergies`` missed
"Énergies Vallée du Rhône", and neither database ignores accents (``?q=hotels`` missed
"Hôtels Belle Époque"). ``Folded`` lower-cases and strips accents in the database: on SQLite
through a function registered on each connection (``register_sqlite_fold``), on PostgreSQL
through ``LOWER(TRANSLATE(...))`` (no extension needed). ``fold`` does the same to the query.
"""

from __future__ import annotations

import unicodedata
from functools import reduce
from operator import or_

from django.db.models import CharField, Func, Q, QuerySet

SQLITE_FUNCTION = "confiance_fold"

# Latin letters with accents and their plain forms, for PostgreSQL's TRANSLATE.
_ACCENTED = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿŸ"
_PLAIN = "AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyyY"


def fold(text: str | None) -> str | None:
    """``text`` lower-cased and without accents ("Énergies" → "energies")."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.translate(str.maketrans("Øø", "Oo")).lower()


class Folded(Func):
    """A text column lower-cased and without accents, in the database."""

    function = SQLITE_FUNCTION
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template=f"LOWER(TRANSLATE(%(expressions)s, '{_ACCENTED}', '{_PLAIN}'))",
            **extra_context,
        )


def register_sqlite_fold(sender, connection, **kwargs) -> None:
    """Give each new SQLite connection the ``confiance_fold`` function (connection_created)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FUNCTION, 1, fold, deterministic=True)


def search(qs: QuerySet, text: str, *fields: str) -> QuerySet:
    """Rows of ``qs`` where one of ``fields`` contains ``text``, ignoring case and accents."""
    wanted = fold(text)
    names = {field: f"_folded_{field}" for field in fields}
    qs = qs.annotate(**{alias: Folded(field) for field, alias in names.items()})
    return qs.filter(reduce(or_, (Q(**{f"{alias}__contains": wanted}) for alias in names.values())))
