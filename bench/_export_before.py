"""The export endpoint as it answered before streaming, for ``bench_export.py`` only.

Served by its own gunicorn: the same application, except that ``GET /api/v1/export`` first
writes the whole export into a temporary file with ``export_team`` (as ``confiance export``
does) and only then sends the file in blocks, which is what the endpoint did until it
streamed. Not a ``bench_*.py`` file: ``make bench`` does not run it by itself.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from django.http import FileResponse

from confiance.wsgi import application  # sets Django up; gunicorn serves it

__all__ = ["application"]


def _written_first(teams):
    """The former ``_exported_file``: the whole export on disk, then its blocks."""
    from confiance.imports.services.export import EXPORT_FILE, export_team

    directory = Path(tempfile.mkdtemp(prefix="confiance-export-"))
    try:
        export_team(teams, directory)
        handle = (directory / EXPORT_FILE).open("rb")
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    return FileResponse(handle).streaming_content


def _install() -> None:
    from confiance.api.routers import privacy  # only once Django is set up

    privacy.export_json = _written_first


_install()
