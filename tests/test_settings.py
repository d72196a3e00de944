"""Production settings: ``confiance check --deploy`` passes, and nothing starts without a key.

Each case runs the real ``confiance`` command in a subprocess with a clean environment, as
an operator would, so that the test suite's own settings play no part.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

# The console script installed next to this Python, as `make demo` runs it.
CONFIANCE = Path(sys.executable).parent / "confiance"
# Variables the test runner sets for itself; an operator's shell has none of them.
RUNNER_ONLY = (
    "DJANGO_SETTINGS_MODULE",
    "SECRET_KEY",
    "SECURE_SSL_REDIRECT",
    "DEBUG",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests for their live server
)


def confiance(*args: str, tmp_path, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in RUNNER_ONLY}
    clean["DATABASE_URL"] = f"sqlite:///{tmp_path / 'check.sqlite3'}"
    return subprocess.run(
        [str(CONFIANCE), *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def production(**overrides: str) -> dict[str, str]:
    return {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "confiance.example.com",
        **overrides,
    }


def test_check_deploy_passes_with_production_settings(tmp_path):
    result = confiance("check", "--deploy", tmp_path=tmp_path, **production())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_fails_on_a_weak_secret_key(tmp_path):
    result = confiance("check", "--deploy", tmp_path=tmp_path, **production(SECRET_KEY="short"))
    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr


def test_check_deploy_fails_when_debug_is_on(tmp_path):
    result = confiance("check", "--deploy", tmp_path=tmp_path, **production(DEBUG="1"))
    assert result.returncode != 0
    assert "security.W018" in result.stdout + result.stderr


@pytest.mark.parametrize("command", [["check"], ["serve", "--port", "8999"], ["migrate"]])
def test_nothing_starts_in_production_without_a_secret_key(tmp_path, command):
    result = confiance(*command, tmp_path=tmp_path, ALLOWED_HOSTS="confiance.example.com")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stdout + result.stderr
    assert not (tmp_path / "check.sqlite3").exists()


def test_a_development_server_runs_without_a_key_when_debug_is_on(tmp_path):
    result = confiance("check", tmp_path=tmp_path, DEBUG="1")
    assert result.returncode == 0, result.stdout + result.stderr


def read_settings(tmp_path, **env: str) -> dict:
    """The settings a fresh process builds from ``env`` (the suite's own are already loaded)."""
    clean = {k: v for k, v in os.environ.items() if k not in RUNNER_ONLY + ("DATABASE_URL",)}
    script = (
        "import json, confiance.settings as s; print(json.dumps({"
        "'engine': s.DATABASES['default']['ENGINE'], 'name': str(s.DATABASES['default']['NAME']),"
        "'hosts': s.ALLOWED_HOSTS, 'tz': s.TIME_ZONE, 'use_tz': s.USE_TZ,"
        "'languages': [code for code, _ in s.LANGUAGES], 'debug': s.DEBUG}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={**clean, "CONFIANCE_VAR_DIR": str(tmp_path), **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def test_by_default_a_development_server_uses_sqlite_under_var(tmp_path):
    settings = read_settings(tmp_path, DEBUG="1")
    assert settings["engine"] == "django.db.backends.sqlite3"
    assert settings["name"] == str(tmp_path / "confiance.sqlite3")
    assert settings["hosts"] == ["127.0.0.1", "localhost"]
    assert settings["use_tz"] and settings["languages"] == ["en", "fr"]


def test_database_hosts_and_time_zone_come_from_the_environment(tmp_path):
    settings = read_settings(
        tmp_path,
        **production(
            DATABASE_URL="postgres://confiance:secret@db.internal:5432/confiance",
            ALLOWED_HOSTS="confiance.example.com, www.confiance.example.com,",
            TIME_ZONE="America/Toronto",
        ),
    )
    assert settings["engine"] == "django.db.backends.postgresql"
    assert settings["name"] == "confiance"
    assert settings["hosts"] == ["confiance.example.com", "www.confiance.example.com"]
    assert settings["tz"] == "America/Toronto" and settings["debug"] is False
