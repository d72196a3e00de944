"""A command run before the database is set up, or with the server down, says what to do."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

CONFIANCE = Path(sys.executable).parent / "confiance"


def run(*args: str, database_url: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(DEBUG="1", DATABASE_URL=database_url)
    return subprocess.run(
        [str(CONFIANCE), *args], env=env, capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.parametrize(
    "command", [["radar"], ["scorecard", "Atlas"], ["export", "--out", "{tmp}/export"]]
)
def test_a_command_on_an_unmigrated_database_says_to_migrate(tmp_path, command):
    command = [part.format(tmp=tmp_path) for part in command]
    result = run(*command, database_url=f"sqlite:///{tmp_path / 'new.sqlite3'}")
    assert result.returncode == 2
    assert "Run `confiance migrate` first" in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr + result.stdout


def test_an_unreachable_database_server_is_named_not_a_traceback():
    result = run("radar", database_url="postgres://nobody:secret@127.0.0.1:1/confiance")
    assert result.returncode == 2
    assert "Check DATABASE_URL" in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr + result.stdout
