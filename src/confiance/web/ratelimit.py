"""Login rate limit: at most 5 failed sign-ins per user name and address in 15 minutes.

Failures are counted in Django's cache. With several server processes, configure a shared
cache (``CACHES``) so that they count together; see docs/web.md.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import HttpRequest

MAX_FAILURES = 5
WINDOW_SECONDS = 15 * 60


def client_ip(request: HttpRequest) -> str:
    """The address the request came from (REMOTE_ADDR; a proxy must set it correctly)."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _key(username: str, ip: str) -> str:
    digest = hashlib.sha256(f"{username.strip().lower()}|{ip}".encode()).hexdigest()
    return f"confiance:login-failures:{digest}"


def is_locked(username: str, ip: str) -> bool:
    return cache.get(_key(username, ip), 0) >= MAX_FAILURES


def record_failure(username: str, ip: str) -> int:
    """Count one failure and return the number in the current window."""
    key = _key(username, ip)
    if cache.add(key, 1, WINDOW_SECONDS):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        return 1


def clear(username: str, ip: str) -> None:
    cache.delete(_key(username, ip))
