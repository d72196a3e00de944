"""The application with a database that breaks when the export reaches its last tables.

Served by gunicorn in ``test_export_stream.py`` to see what an HTTP client gets when the
database fails in the middle of a streamed export. Not a test module.
"""

from __future__ import annotations

from django.db import OperationalError
from django.db.backends.signals import connection_created

from confiance.wsgi import application

__all__ = ["application"]
BREAKS_ON = 'FROM "deals_planstep"'


def _break(execute, sql, params, many, context):
    if BREAKS_ON in sql:
        raise OperationalError("server closed the connection unexpectedly")
    return execute(sql, params, many, context)


def _install(sender, connection, **kwargs) -> None:
    connection.execute_wrappers.append(_break)


connection_created.connect(_install)
