"""GET /api/v1/export streams: it starts before the team has been read, gives the CLI's file,
and a failure midway leaves a document that does not parse."""

from __future__ import annotations

import datetime as dt
import http.client
import json
import logging
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from typer.testing import CliRunner

from confiance.cli import app
from confiance.interactions.models import Interaction
from confiance.ledger.models import Commitment
from confiance.users.models import Role
from tests.conftest import make_user

from .conftest import Api, api_for

runner = CliRunner()
# More than one block of the export's writer (2,000 rows each).
MEETINGS = 2_500


@pytest.fixture
def busy_team(world, account, seller):
    """The shared world plus thousands of meetings and some commitments on the account."""
    now = timezone.now()
    Interaction.objects.bulk_create(
        Interaction(
            account=account,
            kind="meeting",
            occurred_at=now - dt.timedelta(hours=i),
            title=f"Meeting {i}",
            body="Réunion de suivi: délais, prix et hébergement à Paris.",
        )
        for i in range(MEETINGS)
    )
    Commitment.objects.bulk_create(
        Commitment(
            account=account, party="theirs", kind="information", description=f"Figures {i}",
            due_date=timezone.localdate() + dt.timedelta(days=i),
        )
        for i in range(50)
    )  # fmt: skip
    return account.team


def _cli_export(team, tmp_path) -> bytes:
    result = runner.invoke(app, ["export", "--team", team.name, "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    return (tmp_path / "confiance-export.json").read_bytes()


def test_the_streamed_body_is_the_cli_export_of_the_same_team(manager_api, busy_team, tmp_path):
    response = manager_api.get("export")

    assert response.status_code == 200
    assert response.streaming
    assert not response.has_header("Content-Length")  # sent as it is read, length unknown
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="confiance-export.json"'
    assert int(response["RateLimit-Remaining"]) < int(response["RateLimit-Limit"])
    body = b"".join(response.streaming_content)
    from_cli = _cli_export(busy_team, tmp_path)
    assert body == from_cli
    records = json.loads(body)
    assert json.loads(from_cli) == records
    meetings = [r for r in records if r["model"] == "interactions.interaction"]
    assert len(meetings) == MEETINGS + 1  # and the world's kick-off
    assert len({r["pk"] for r in records if r["model"] == "interactions.interaction"}) == len(
        meetings
    )


def test_the_first_records_leave_before_the_rest_of_the_team_is_read(manager_api, busy_team):
    response = manager_api.get("export")
    blocks = iter(response.streaming_content)
    with CaptureQueriesContext(connection) as queries:
        opening = next(blocks)
        before_any_record = len(queries)
        users = next(blocks)
        for_the_first_records = len(queries)
        rest = list(blocks)

    assert opening == b"[\n"  # before a single query: a proxy sees bytes at once
    assert before_any_record == 0
    assert b'"model": "auth.user"' in users and b"interactions.interaction" not in users
    assert for_the_first_records == 1  # the users, in one query
    meeting_blocks = [b for b in rest if b'"model": "interactions.interaction"' in b]
    assert len(meeting_blocks) >= 2  # the meetings come in several blocks, not in one piece
    assert len(queries) > 10  # every other table was read after the first records were out
    assert json.loads(opening + users + b"".join(rest))


def _fail_on(table: str):
    """A database that breaks when the export reaches ``table`` (after many blocks)."""

    def execute(run, sql, params, many, context):
        if f'FROM "{table}"' in sql:
            raise OperationalError("server closed the connection unexpectedly")
        return run(sql, params, many, context)

    return execute


def test_a_database_error_midway_leaves_a_document_that_does_not_parse(
    manager_api, busy_team, caplog
):
    response = manager_api.get("export")
    assert response.status_code == 200  # the headers were already on their way
    received = []
    with (
        caplog.at_level(logging.ERROR, logger="confiance.api.routers.privacy"),
        connection.execute_wrapper(_fail_on("deals_planstep")),
        pytest.raises(OperationalError),
    ):
        for block in response.streaming_content:
            received.append(block)

    body = b"".join(received)
    assert body.startswith(b"[\n")
    assert b'"model": "interactions.interaction"' in body  # thousands of records went out...
    assert not body.rstrip().endswith(b"]")  # ...but never the closing bracket
    with pytest.raises(json.JSONDecodeError):
        json.loads(body)
    (logged,) = caplog.records
    assert "failed midway" in logged.getMessage()
    assert logged.exc_info is not None


def _database_url() -> str:
    """The test database, for a server in another process."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    user, password = quote(db["USER"] or "", safe=""), quote(db["PASSWORD"] or "", safe="")
    host = quote(db["HOST"] or "", safe="")
    return f"postgres://{user}:{password}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


def _gunicorn(port: int) -> subprocess.Popen:
    root = Path(__file__).resolve().parents[2]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "confiance.settings",
        "DATABASE_URL": _database_url(),
        "SECRET_KEY": "test-only-secret-key-not-for-production-use-0123456789",
        "DEBUG": "0",
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "CRITICAL",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "tests.api.broken_database_wsgi:application",
         "--workers", "1", "--bind", f"127.0.0.1:{port}", "--log-level", "critical"],
        env=env, cwd=root, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            assert server.poll() is None, "gunicorn did not start"
            time.sleep(0.1)
    server.terminate()
    pytest.fail("gunicorn did not listen within 30 s")


@pytest.mark.slow
def test_over_http_a_cut_export_is_an_incomplete_chunked_transfer(
    busy_team, manager, transactional_db
):
    secret = api_for(manager, "read").headers["HTTP_AUTHORIZATION"]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = _gunicorn(port)
    try:
        client = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        client.request("GET", "/api/v1/export", headers={"Authorization": secret})
        response = client.getresponse()
        assert response.status == 200
        assert response.getheader("Transfer-Encoding") == "chunked"
        with pytest.raises(http.client.IncompleteRead) as cut:
            response.read()
    finally:
        server.terminate()
        server.wait(timeout=10)
    body = cut.value.partial
    assert b'"model": "interactions.interaction"' in body
    with pytest.raises(json.JSONDecodeError):
        json.loads(body)


def test_a_client_that_hangs_up_is_not_an_error(manager_api, busy_team, caplog):
    response = manager_api.get("export")
    blocks = iter(response.streaming_content)
    next(blocks), next(blocks)
    with caplog.at_level(logging.ERROR):
        response.close()
    assert not caplog.records


def test_a_seller_still_gets_the_403_error_shape(seller_api, world):
    response = seller_api.get("export")
    assert response.status_code == 403
    assert not response.streaming
    assert response.json()["code"] == "forbidden"
    assert set(response.json()) == {"code", "message"}


def test_a_manager_streams_only_their_own_team(team, world, other_team):
    elsewhere = make_user("oscar", other_team, Role.MANAGER)
    client = api_for(elsewhere)

    records = json.loads(b"".join(client.get("export").streaming_content))

    assert not [r for r in records if r["model"] == "interactions.interaction"]
    assert {r["fields"]["username"] for r in records if r["model"] == "auth.user"} == {"oscar"}
    refused = client.get("export", team_id=team.pk)
    assert refused.status_code == 404
    assert refused.json()["code"] == "not_found"


def test_an_administrator_streams_their_team_and_no_token_is_refused(admin_api, world):
    records = json.loads(b"".join(admin_api.get("export").streaming_content))
    accounts = [r["pk"] for r in records if r["model"] == "accounts.account"]
    assert accounts == [world["account"]]

    anonymous = Api(None).get("export")
    assert anonymous.status_code == 401
    assert anonymous.json()["code"] == "unauthenticated"
