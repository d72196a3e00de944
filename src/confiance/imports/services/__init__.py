"""Import one file into the database: all or nothing, idempotent, with a report.

``import_file`` recognises the format from the extension and the content, parses it with
``confiance.ingest`` and writes inside one transaction; on any IngestError the database is
left exactly as it was and the report carries the error (``report.failure``), which can be
put into words in any language (``report.error`` is in the language active when it is read).
Skip reasons are kept the same way; ``report.as_record()`` stores the report without words.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from confiance.accounts.models import Account
from confiance.accounts.permissions import can_see
from confiance.imports.services.context import ImportContext, Progress, team_of
from confiance.imports.services.report import ImportReport
from confiance.ingest.errors import IngestError

# mbox archives above this size are parsed and analysed on two cores.
PARALLEL_MIN_BYTES = 8 * 1024 * 1024
# Formats read whole into memory are refused above this size; mbox and CSV are streamed.
MAX_WHOLE_FILE_BYTES = 64 * 1024 * 1024

FORMATS = ("csv", "eml", "mbox", "vtt", "srt", "ics")
_SUFFIXES = {".csv": "csv", ".eml": "eml", ".mbox": "mbox", ".mbx": "mbox", ".vtt": "vtt"}
_SUFFIXES |= {".srt": "srt", ".ics": "ics", ".ical": "ics", ".txt": ""}


def detect_format(path: Path, filename: str = "") -> str:
    """The format of a file, from its extension, else from its first bytes."""
    suffix = Path(filename or path.name).suffix.lower()
    if _SUFFIXES.get(suffix):
        return _SUFFIXES[suffix]
    with path.open("rb") as handle:
        head = handle.read(512).lstrip(b"\xef\xbb\xbf\r\n\t ")
    if head.startswith(b"WEBVTT"):
        return "vtt"
    if head.upper().startswith(b"BEGIN:VCALENDAR"):
        return "ics"
    if head.startswith(b"From "):
        return "mbox"
    if head[:1].isdigit() and b"-->" in head:
        return "srt"
    raise IngestError(
        gettext_noop("unknown file type: expected .csv, .eml, .mbox, .vtt, .srt or .ics"),
        filename=filename or path.name,
    )


class _DryRun(Exception):
    """Raised to roll a dry run back once its report is complete."""


def import_file(
    path: str | Path,
    *,
    user,
    account: Account | None = None,
    filename: str = "",
    dry_run: bool = False,
    create_contacts: bool = False,
    mapping: Path | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
    occurred_at=None,
) -> ImportReport:
    """Import ``path`` as ``user``; never raises on bad input (see ``report.error``)."""
    path = Path(path)
    filename = filename or path.name
    report = ImportReport(filename=filename, dry_run=dry_run)
    if account is not None and not can_see(user, account):
        raise PermissionDenied(_("You may not import into this account."))
    team = team_of(user, account)
    if team is None:
        report.fail(
            IngestError(
                gettext_noop("%(user)s belongs to no team: give an account"),
                params={"user": str(user)},
            )
        )
        return report
    ctx = ImportContext(
        user=user,
        team=team,
        report=report,
        account=account,
        dry_run=dry_run,
        create_contacts=create_contacts,
        mapping=mapping,
        progress=progress,
        workers=workers,
        occurred_at=occurred_at,
    )
    try:
        report.format = detect_format(path, filename)
        with transaction.atomic():
            _dispatch(path, filename, report.format, ctx)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    except IngestError as exc:
        report.fail(exc.located(filename))
    except ValidationError as exc:
        report.fail(IngestError.verbatim("; ".join(exc.messages), filename=filename))
    except OSError as exc:
        report.fail(IngestError.verbatim(exc.strerror or str(exc), filename=filename))
    if report.error:
        # Nothing was saved: the counts would only mislead.
        report.created.clear()
        report.updated.clear()
    return report


def _dispatch(path: Path, filename: str, kind: str, ctx: ImportContext) -> None:
    from confiance.imports.services import calendars, crm, emails, transcripts
    from confiance.ingest.coaching import analyse_email
    from confiance.ingest.crm import open_crm_csv
    from confiance.ingest.email import parse_eml
    from confiance.ingest.parallel import analysed_mbox

    if kind == "csv":
        if ctx.progress is not None:
            ctx.total = max(0, count_lines(path) - 1)
        crm.import_crm(open_crm_csv(path, filename, mapping=ctx.mapping), ctx)
        return
    if kind == "mbox":
        if ctx.progress is not None:
            ctx.total = count_mbox_messages(path)
        workers = ctx.workers
        if workers is None:  # worth the start-up of worker processes only for big archives
            workers = min(2, os.cpu_count() or 1) if path.stat().st_size > PARALLEL_MIN_BYTES else 1
        emails.import_emails(analysed_mbox(path, workers=workers), ctx, "mbox")
        return
    if path.stat().st_size > MAX_WHOLE_FILE_BYTES:
        raise IngestError(
            gettext_noop("file larger than %(mb)d MB: this is not a %(kind)s file"),
            params={"mb": MAX_WHOLE_FILE_BYTES // (1024 * 1024), "kind": kind},
            filename=filename,
        )
    data = path.read_bytes()
    if kind == "eml":
        ctx.total = 1
        mail = parse_eml(data, filename)
        emails.import_emails([(mail, analyse_email(mail))], ctx, "eml")
    elif kind in ("vtt", "srt"):
        transcripts.import_transcript(data, filename, ctx)
    elif kind == "ics":
        calendars.import_calendar(data, filename, ctx)


def count_mbox_messages(path: Path) -> int:
    """Separator lines in an mbox, for the progress bar (a fast streaming pass)."""
    count = 0
    with path.open("rb") as handle:
        for line in handle:
            if line.startswith(b"From "):
                count += 1
    return count


def count_lines(path: Path) -> int:
    """Lines of a file, for the progress bar of a CSV (quoted newlines make it an estimate)."""
    with path.open("rb") as handle:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
