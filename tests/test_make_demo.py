"""`make demo` works: migrate, load the demo if empty, serve, and /healthz answers.

Runs the same commands as the Makefile's ``demo`` target (without ``uv sync``), against a
temporary SQLite database, with the server on a free port.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import closing
from pathlib import Path

import pytest

CONFIANCE = Path(sys.executable).parent / "confiance"
RUNNER_ONLY = (
    "DJANGO_SETTINGS_MODULE",
    "SECRET_KEY",
    "SECURE_SSL_REDIRECT",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)
START_TIMEOUT = 20.0


@pytest.fixture
def demo_env(tmp_path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in RUNNER_ONLY}
    env.update(
        DEBUG="1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'demo.sqlite3'}",
        CONFIANCE_VAR_DIR=str(tmp_path),
    )
    return env


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(CONFIANCE), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - local URL
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def wait_for(url: str, server: subprocess.Popen) -> tuple[int, bytes]:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the server exited with {server.returncode}: {server.stderr.read()}")
        try:
            return get(url)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    pytest.fail(f"no answer from {url} within {START_TIMEOUT} s")


def account_count(env: dict[str, str]) -> int:
    path = env["DATABASE_URL"].removeprefix("sqlite:///")
    with closing(sqlite3.connect(path)) as db:
        return db.execute("SELECT COUNT(*) FROM accounts_account").fetchone()[0]


@pytest.mark.slow
def test_make_demo_serves_the_demo_and_running_it_again_is_harmless(demo_env):
    run(demo_env, "migrate")
    loaded = run(demo_env, "demo-data", "--if-empty")
    assert "claire" in loaded.stdout and "confiance-demo" in loaded.stdout
    port = free_port()
    server = subprocess.Popen(
        [str(CONFIANCE), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=demo_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        status, body = wait_for(f"http://127.0.0.1:{port}/healthz", server)
        assert status == 200
        assert json.loads(body) == {"status": "ok", "database": "sqlite"}
        status, body = get(f"http://127.0.0.1:{port}/login/")
        assert status == 200 and b"csrfmiddlewaretoken" in body
    finally:
        server.terminate()
        server.wait(timeout=10)
    loaded_count = account_count(demo_env)
    assert "up to date" in run(demo_env, "migrate").stdout
    again = run(demo_env, "demo-data", "--if-empty").stdout
    assert "already holds accounts" in again
    assert "claire" in again and "confiance-demo" in again  # the logins, every time
    assert account_count(demo_env) == loaded_count == 32
