"""``POST /imports``: the same files as ``confiance import`` (CSV, .eml, mbox, WebVTT, SRT,
iCalendar), through ``confiance.imports.services.import_file``: all or nothing, idempotent."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Router, Schema
from ninja.files import UploadedFile

from confiance.api.access import visible_account
from confiance.api.errors import ERRORS, ApiError
from confiance.api.types import AwareDT, Id

router = Router(tags=["imports"])

DEFAULT_MAX_BYTES = 100 * 1024 * 1024


class ImportResult(Schema):
    file: str
    format: str
    dry_run: bool
    created: dict[str, int]
    updated: dict[str, int]
    skipped: dict[str, int]
    skipped_examples: list[list[str]]
    unknown: dict[str, int]
    notes: list[str]
    error: str
    summary: str


class ImportForm(Schema):
    account_id: Id | None = Field(
        None, description="Import into this account (needed for transcripts and e-mail)."
    )
    dry_run: bool = Field(False, description="Report what would happen; save nothing.")
    create_contacts: bool = Field(False, description="Create contacts for unknown people.")
    occurred_at: AwareDT | None = Field(
        None,
        description="When a transcript's meeting took place (default: from the file name, "
        "else now).",
    )


def _max_bytes() -> int:
    return int(getattr(settings, "CONFIANCE_API_MAX_IMPORT_BYTES", DEFAULT_MAX_BYTES))


MAX_MAPPING_BYTES = 1024 * 1024
MAPPING_FILE = File(
    None,
    description="For a CSV that is not a HubSpot or Salesforce export: its mapping file "
    "(TOML, or JSON when its name ends in .json), as `confiance import --mapping` takes.",
)


@router.post("/imports", response={200: ImportResult, **ERRORS})
def import_upload(
    request,
    form: Form[ImportForm],
    file: File[UploadedFile],
    mapping: UploadedFile | None = MAPPING_FILE,
):
    """Import one uploaded file; the report says what was created, updated and skipped.

    A file that cannot be read leaves the database exactly as it was and answers 422 with
    the parser's message (file, line) in the request's language (``Accept-Language``).
    """
    from confiance.imports.services import import_file

    account = visible_account(request, form.account_id) if form.account_id else None
    if file.size is not None and file.size > _max_bytes():
        raise ApiError(
            413,
            "too_large",
            _("This file is larger than %(mb)s MB.") % {"mb": _max_bytes() // (1024 * 1024)},
        )
    name = Path(file.name or "upload").name
    with tempfile.TemporaryDirectory(prefix="confiance-api-import-") as folder:
        path = Path(folder) / name
        with path.open("wb") as handle:
            for chunk in file.chunks():
                handle.write(chunk)
        mapping_path = _save_mapping(mapping, Path(folder)) if mapping is not None else None
        report = import_file(
            path,
            user=request.auth.user,
            account=account,
            filename=name,
            dry_run=form.dry_run,
            create_contacts=form.create_contacts,
            occurred_at=form.occurred_at,
            mapping=mapping_path,
        )
    if report.error:
        raise ApiError(
            422,
            "import_failed",
            report.error,
            details=[{"field": "file", "code": "import_failed", "message": report.summary()}],
        )
    return report.as_dict()


def _save_mapping(mapping: UploadedFile, folder: Path) -> Path:
    """The uploaded mapping file, in its own folder (its name may be the CSV's)."""
    if mapping.size is not None and mapping.size > MAX_MAPPING_BYTES:
        raise ApiError(
            413,
            "too_large",
            _("This file is larger than %(mb)s MB.") % {"mb": MAX_MAPPING_BYTES // (1024 * 1024)},
        )
    # Under its own name, which error messages quote (.json is read as JSON, the rest TOML).
    target = folder / "mapping" / (Path(mapping.name or "").name or "mapping.toml")
    target.parent.mkdir()
    with target.open("wb") as handle:
        for chunk in mapping.chunks():
            handle.write(chunk)
    return target
