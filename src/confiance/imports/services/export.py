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
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils.translation import gettext as _

from confiance.users.models import Team

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
    ids = [t.pk for t in teams]
    pairs = []
    for model, path in team_models():
        lookup = "pk__in" if path == "pk" else f"{path}__in"
        queryset = model._default_manager.filter(**{lookup: ids}).distinct().order_by("pk")
        pairs.append((model, queryset))
    # Everyone the data points at: the members, and colleagues named on records.
    user_model = get_user_model()
    user_ids = set(
        user_model.objects.filter(memberships__team__in=ids).values_list("pk", flat=True)
    )
    for model, queryset in pairs:
        for field in model._meta.get_fields():
            if (
                getattr(field, "related_model", None) is user_model
                and (field.many_to_many or field.many_to_one or field.one_to_one)
                and field.concrete
            ):
                user_ids.update(
                    v for v in queryset.values_list(field.name, flat=True) if v is not None
                )
    users = user_model.objects.filter(pk__in=user_ids).order_by("pk")
    return [(user_model, users), *pairs]


def export_team(teams: list[Team], out: Path) -> Counter:
    """Write the export of ``teams`` into directory ``out``; return counts per model."""
    out.mkdir(parents=True, exist_ok=True)
    counts: Counter = Counter()
    user_model = get_user_model()
    with (out / EXPORT_FILE).open("w", encoding="utf-8") as handle:
        handle.write("[\n")
        first = True
        for model, queryset in _querysets(teams):
            label = model._meta.label_lower
            fields = USER_FIELDS if model is user_model else None
            for start in range(0, queryset.count(), CHUNK):
                chunk = list(queryset[start : start + CHUNK])
                for row in serializers.serialize("python", chunk, fields=fields):
                    handle.write(
                        ("" if first else ",\n") + json.dumps(row, cls=_Encoder, ensure_ascii=False)
                    )
                    first = False
                counts[label] += len(chunk)
            _write_csv(out / f"{label}.csv", model, queryset, fields)
        handle.write("\n]\n")
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
