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


def test_server_processes_share_the_login_limit_through_the_cache(tmp_path):
    # Five failed sign-ins lock a name out; with one cache per worker process the limit would
    # be multiplied by the number of workers. Outside DEBUG, every process shares var/cache.
    env = production(CONFIANCE_VAR_DIR=str(tmp_path))
    record = (
        "from confiance.web import ratelimit\n"
        "for _ in range(ratelimit.MAX_FAILURES): ratelimit.record_failure('claire', '10.0.0.1')"
    )
    check = "from confiance.web import ratelimit; print(ratelimit.is_locked('claire', '10.0.0.1'))"
    first = confiance("manage", "shell", "-c", record, tmp_path=tmp_path, **env)
    assert first.returncode == 0, first.stderr
    second = confiance("manage", "shell", "-c", check, tmp_path=tmp_path, **env)
    assert second.returncode == 0, second.stderr
    assert second.stdout.strip().splitlines()[-1] == "True"
    assert (tmp_path / "cache").is_dir()


def test_an_unknown_cache_url_stops_with_a_clear_message(tmp_path):
    result = confiance("check", tmp_path=tmp_path, **production(CACHE_URL="redis://cache:6379"))
    assert result.returncode == 2
    assert "CACHE_URL 'redis://cache:6379' is not understood" in result.stderr
