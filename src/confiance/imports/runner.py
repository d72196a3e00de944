"""Running a web upload in the background, with progress the page can poll.

The import holds one transaction until it ends, so its progress cannot go through the
database (other connections would not see it before the commit; SQLite would even block).
Progress lives in this process's memory, keyed by run id; the status and the report go
to the ImportRun row when the run ends. With several server processes, a poll answered by
another process shows the row's state (running, then done) rather than the live count.

The row keeps the report without words (``ImportReport.as_record``: counts, reason templates
and their values, the failure kept whole), so that the page writes it in the language of
whoever reads it, not of whoever started the run. Only ``ImportRun.error``, a plain-text
trace for the admin, is in the starter's language (a background thread would otherwise use
the site's default).
"""

from __future__ import annotations

import logging
import shutil
import threading
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone, translation

from confiance.accounts.models import Account
from confiance.imports.models import ImportRun, RunStatus
from confiance.imports.services import import_file
from confiance.imports.services.report import UNEXPECTED, ImportReport
from confiance.ingest.errors import IngestError

logger = logging.getLogger(__name__)
_progress: dict[int, tuple[int, int]] = {}
_lock = threading.Lock()


def live_progress(run: ImportRun) -> tuple[int, int]:
    """``(processed, total)`` of a run, live when it runs in this process."""
    with _lock:
        return _progress.get(run.pk, (run.processed, run.total))


def start(
    run: ImportRun,
    path: Path,
    *,
    create_contacts: bool,
    occurred_at=None,
    language: str | None = None,
) -> None:
    """Run the import now (tests, IMPORTS_RUN_INLINE) or in a background thread.

    ``language``: the one its report is written in (default: the active language).
    """
    args = (run.pk, path, create_contacts, occurred_at, language or translation.get_language())
    if getattr(settings, "IMPORTS_RUN_INLINE", False):
        _execute(*args)
        return
    threading.Thread(target=_threaded, args=args, daemon=True, name=f"import-{run.pk}").start()


def _threaded(*args) -> None:
    try:
        _execute(*args)
    finally:
        connection.close()  # the thread's own connection


def _execute(
    run_id: int, path: Path, create_contacts: bool, occurred_at, language: str | None
) -> None:
    with translation.override(language):
        _run(run_id, path, create_contacts, occurred_at)


def _run(run_id: int, path: Path, create_contacts: bool, occurred_at) -> None:
    run = ImportRun.objects.get(pk=run_id)
    run.status = RunStatus.RUNNING
    run.save(update_fields=["status"])

    def progress(processed: int, total: int) -> None:
        with _lock:
            _progress[run_id] = (processed, total)

    try:
        user = get_user_model().objects.get(pk=run.created_by_id)
        account = Account.objects.filter(pk=run.account_id).first() if run.account_id else None
        report = import_file(
            path,
            user=user,
            account=account,
            filename=run.filename,
            dry_run=run.dry_run,
            create_contacts=create_contacts,
            occurred_at=occurred_at,
            progress=progress,
        )
    except Exception:
        logger.exception("import run %s failed", run_id)
        report = ImportReport(filename=run.filename, dry_run=run.dry_run)
        report.fail(IngestError(UNEXPECTED))
    finally:
        with _lock:
            run.processed, run.total = _progress.pop(run_id, (run.processed, run.total))
        shutil.rmtree(path.parent, ignore_errors=True)
    run.report = report.as_record()
    run.error = report.error
    run.status = RunStatus.FAILED if report.error else RunStatus.DONE
    run.finished_at = timezone.now()
    run.save()
