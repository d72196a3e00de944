"""Bearer-token authentication, token scope and the per-token rate limit."""

from __future__ import annotations

import re
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from confiance.api.errors import ApiError
from confiance.api.models import ApiToken
from confiance.api.tokens import find_token, touch
from confiance.env import env_str

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
DEFAULT_RATE = "600/min"
PERIODS = {"s": 1, "sec": 1, "second": 1, "min": 60, "minute": 60, "h": 3600, "hour": 3600}


def _now() -> float:
    """The clock of the rate windows (a function so that tests can hold it still)."""
    return time.time()


def parse_rate(rate: str) -> tuple[int, int]:
    """``"600/min"`` -> ``(600, 60)``; raise ValueError on anything else."""
    match = re.fullmatch(r"\s*(\d+)\s*/\s*([a-z]+)\s*", rate or "")
    if not match or match.group(2) not in PERIODS:
        raise ValueError(f"rate limit {rate!r}: write it as 600/min, 20/s or 5000/hour")
    return int(match.group(1)), PERIODS[match.group(2)]


def current_rate() -> tuple[int, int]:
    """The configured rate: setting CONFIANCE_API_RATE_LIMIT, else the same environment
    variable, else 600 requests a minute. ``0/min`` turns the limit off."""
    configured = getattr(settings, "CONFIANCE_API_RATE_LIMIT", None)
    return parse_rate(configured or env_str("CONFIANCE_API_RATE_LIMIT", DEFAULT_RATE))


def check_rate(token: ApiToken, request: HttpRequest | None = None) -> None:
    """Count this request in the token's fixed window; raise a 429 past the limit.

    The figures are kept on the request for the ``RateLimit-*`` response headers.
    """
    limit, period = current_rate()
    if limit <= 0:
        return
    now = _now()
    window = int(now // period)
    key = f"confiance:api:rate:{token.pk}:{window}"
    # add() is atomic in every cache backend: the first request of a window creates the key.
    if cache.add(key, 1, timeout=period + 1):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout=period + 1)
            count = 1
    wait = max(1, int((window + 1) * period - now + 0.999))
    if request is not None:
        request.rate_limit = (limit, max(0, limit - count), wait)
    if count > limit:
        raise ApiError(
            429,
            "rate_limited",
            _("Too many requests for this token; try again in %(seconds)s seconds.")
            % {"seconds": wait},
            headers={"Retry-After": str(wait)},
        )


class TokenAuth(HttpBearer):
    """``Authorization: Bearer cf_…``. Writes need a read-write token unless ``read_ok``."""

    def __init__(self, *, read_ok: bool = False) -> None:
        super().__init__()
        # True for endpoints that change nothing even though they are POSTs (the coach).
        self.read_ok = read_ok

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = find_token(token)
        if found is None or not found.user.is_active:
            return None
        if found.revoked_at is not None:
            raise ApiError(
                401,
                "token_revoked",
                _("This token has been revoked; create a new one."),
                headers={"WWW-Authenticate": 'Bearer realm="confiance", error="invalid_token"'},
            )
        check_rate(found, request)
        if request.method not in SAFE_METHODS and not self.read_ok and not found.can_write:
            raise ApiError(
                403,
                "read_only_token",
                _("This token may only read; use a read-write token to make changes."),
            )
        touch(found)
        request.user = found.user
        return found


token_auth = TokenAuth()
read_only_ok = TokenAuth(read_ok=True)
