"""A team's complete data out (one JSON file, one CSV per entity) and back into an empty base.

The JSON file is a Django fixture, so loading it is ``loaddata`` inside one transaction:
primary keys, timestamps and relations come back exactly. Passwords are never exported;
people restored from an export set a new one (``confiance manage changepassword``).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.python import Serializer
from django.db import models, transaction
from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from confiance.users.models import Membership, Team

EXPORT_FILE = "confiance-export.json"
MANIFEST = "manifest.json"
APPS = ("users", "accounts", "interactions", "ledger", "deals", "insights", "imports")
# Not team data: the audit log of erasures and the progress rows of web uploads.
EXCLUDED = {"imports.importrun", "imports.erasurerecord"}
USER_FIELDS = (
    "username",
    "first_name",
    "last_name",
    "email",
    "is_active",
    "is_staff",
    "is_superuser",
    "date_joined",
)
CHUNK = 2000


class _Encoder(DjangoJSONEncoder):
    """Django's encoder, but datetimes keep their microseconds: a backup must be exact."""

    def default(self, o):
        if isinstance(o, dt.datetime):
            return o.isoformat()
        return super().default(o)


class _Serializer(Serializer):
    """Django's "python" serializer, reading many-to-many links from the block's prefetch.

    Django's own method builds a queryset per row and field even when the links are
    prefetched (as the default of a ``dict.get``): most of the export's time on big teams.
    """

    def handle_m2m_field(self, obj, field):
        linked = getattr(obj, "_prefetched_objects_cache", {}).get(field.name)
        if linked is None or not field.remote_field.through._meta.auto_created:
            return super().handle_m2m_field(obj, field)
        self._current[field.name] = [self._value_from_field(o, o._meta.pk) for o in linked]
        return None


class ExportError(Exception):
    """An export that cannot be loaded, or a database that is not empty."""


def _team_path(model, depth: int = 0) -> str | None:
    """The lookup from ``model`` to users.Team through foreign keys, not through users."""
    if model is Team:
        return "pk"
    if depth > 4:
        return None
    user_model = get_user_model()
    for field in model._meta.concrete_fields:
        if not field.is_relation or field.related_model in (None, user_model):
            continue
        if field.related_model is Team:
            return field.name
        rest = _team_path(field.related_model, depth + 1)
        if rest is not None:
            return f"{field.name}__{rest}" if rest != "pk" else field.name
    return None


def team_models() -> list[tuple[type[models.Model], str]]:
    """Every exported model with its lookup to the team, in dependency order."""
    result = []
    for label in APPS:
        for model in apps.get_app_config(label).get_models():
            if model._meta.label_lower in EXCLUDED:
                continue
            path = _team_path(model)
            if path is None:
                path = "user__memberships__team" if _has_field(model, "user") else None
            if path is not None:
                result.append((model, path))
    return result


def _has_field(model, name: str) -> bool:
    return any(f.name == name for f in model._meta.concrete_fields)


def _querysets(teams: list[Team]) -> list[tuple[type[models.Model], models.QuerySet]]:
    """Every exported queryset, users first; nothing is read from the database here."""
    ids = [t.pk for t in teams]
    pairs = []
    for model, path in team_models():
        lookup = "pk__in" if path == "pk" else f"{path}__in"
        queryset = model._default_manager.filter(**{lookup: ids}).distinct().order_by("pk")
        pairs.append((model, queryset))
    # Everyone the data points at: the members, and colleagues named on records. Subqueries
    # rather than ids gathered in Python: one query, run when the users are written, so that a
    # stream starts at once and no id list grows with the team.
    user_model = get_user_model()
    named = Q(pk__in=Membership.objects.filter(team__in=ids).values("user_id"))
    for model, queryset in pairs:
        for field in model._meta.get_fields():
            if (
                getattr(field, "related_model", None) is user_model
                and (field.many_to_many or field.many_to_one or field.one_to_one)
                and field.concrete
            ):
                named |= Q(pk__in=queryset.values(field.name))
    users = user_model.objects.filter(named).order_by("pk")
    return [(user_model, users), *pairs]


def _rows(queryset: models.QuerySet) -> Iterator[list[models.Model]]:
    """The rows of a queryset ordered by pk, in blocks of ``CHUNK``.

    Keyset pagination (``pk > last``) rather than offsets: each block costs the same however
    far the export has got, and a row added or removed meanwhile shifts nothing.
    """
    last = None
    while True:
        page = queryset if last is None else queryset.filter(pk__gt=last)
        block = list(page[:CHUNK])
        if not block:
            return
        yield block
        last = block[-1].pk


def _many_to_many(model, fields) -> list[Prefetch]:
    """The serialised many-to-many fields of ``model``, fetched once per block of rows (the
    serializer would otherwise query each row's links) and in pk order, as a stable file
    wants them."""
    return [
        Prefetch(f.name, queryset=f.related_model._default_manager.only("pk").order_by("pk"))
        for f in model._meta.many_to_many
        if fields is None or f.name in fields
    ]


def _json_pieces(pairs, counts: Counter) -> Iterator[str]:
    """The text of ``confiance-export.json``, one piece per block of rows.

    The closing bracket comes only after the last row was read: a document cut short by an
    error is never valid JSON.
    """
    user_model = get_user_model()
    yield "[\n"
    first = True
    for model, queryset in pairs:
        label = model._meta.label_lower
        fields = USER_FIELDS if model is user_model else None
        for block in _rows(queryset.prefetch_related(*_many_to_many(model, fields))):
            pieces = []
            for row in _Serializer().serialize(block, fields=fields):
                pieces.append(
                    ("" if first else ",\n") + json.dumps(row, cls=_Encoder, ensure_ascii=False)
                )
                first = False
            counts[label] += len(block)
            yield "".join(pieces)
    yield "\n]\n"


def export_json(teams: list[Team]) -> Iterator[bytes]:
    """The export of ``teams`` as UTF-8 bytes, block by block: exactly the bytes of the
    ``confiance-export.json`` that ``export_team`` writes, for a caller that streams them.

    Lazy: the database is read as the blocks are taken, one block in memory at a time.
    """
    for piece in _json_pieces(_querysets(teams), Counter()):
        yield piece.encode("utf-8")


def export_team(teams: list[Team], out: Path) -> Counter:
    """Write the export of ``teams`` into directory ``out``; return counts per model."""
    out.mkdir(parents=True, exist_ok=True)
    counts: Counter = Counter()
    user_model = get_user_model()
    pairs = _querysets(teams)
    with (out / EXPORT_FILE).open("w", encoding="utf-8") as handle:
        for piece in _json_pieces(pairs, counts):
            handle.write(piece)
    for model, queryset in pairs:
        fields = USER_FIELDS if model is user_model else None
        _write_csv(out / f"{model._meta.label_lower}.csv", model, queryset, fields)
    manifest = {"format": "confiance-export", "version": 1, "counts": dict(counts)}
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return counts


def _write_csv(path: Path, model, queryset, fields) -> None:
    columns = [
        f
        for f in model._meta.concrete_fields
        if fields is None or f.name in fields or f.primary_key
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([f.attname for f in columns])
        for obj in queryset.iterator(chunk_size=CHUNK):
            row = []
            for field in columns:
                value = getattr(obj, field.attname)
                row.append(
                    json.dumps(value, ensure_ascii=False)
                    if isinstance(value, dict | list)
                    else value
                )
            writer.writerow(row)


def is_export(path: Path) -> bool:
    """True for a directory written by ``export_team``."""
    return path.is_dir() and (path / EXPORT_FILE).is_file()


def load_export(directory: Path) -> Counter:
    """Load an export into an empty database, all or nothing."""
    if not is_export(directory):
        raise ExportError(
            _("%(dir)s is not an export: %(file)s is missing")
            % {"dir": directory, "file": EXPORT_FILE}
        )
    if Team.objects.exists() or get_user_model().objects.exists():
        raise ExportError(_("the database is not empty: load an export only into a fresh database"))
    try:
        counts: Counter = Counter(
            json.loads((directory / MANIFEST).read_text(encoding="utf-8"))["counts"]
        )
    except (OSError, ValueError, KeyError) as exc:
        raise ExportError(_("unreadable manifest: %(error)s") % {"error": exc}) from exc
    try:
        with transaction.atomic():
            call_command("loaddata", str(directory / EXPORT_FILE), verbosity=0)
    except Exception as exc:
        # loaddata wraps every failure (bad JSON, missing rows) in its own exceptions.
        raise ExportError(_("the export could not be loaded: %(error)s") % {"error": exc}) from exc
    return counts
