"""Create, find and revoke personal API tokens (used by the web page, the CLI and the API).

A token reads ``cf_<8 characters>_<secret>``. The first part is stored in clear as the lookup
prefix; the whole token is hashed with SHA-256. A random 32-byte secret makes a slow hash
pointless, and a fast one keeps every API call cheap.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from confiance.api.models import ApiToken, Scope

TOKEN_START = "cf_"  # noqa: S105 - a public marker, not a secret
# last_used_at is written at most this often per token, so that reads stay reads.
LAST_USED_RESOLUTION = timedelta(seconds=60)


@dataclass(frozen=True)
class NewToken:
    """A token just created: ``secret`` is the only time the full token is available."""

    token: ApiToken
    secret: str


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _split(secret: str) -> str | None:
    """Return the lookup prefix of a well-formed token, else None."""
    size = len(TOKEN_START) + 8
    # The secret part is URL-safe base64, which may itself contain "_".
    if not secret.startswith(TOKEN_START) or len(secret) < size + 2 or secret[size] != "_":
        return None
    return secret[:size]


@transaction.atomic
def create_token(user, scope: str = Scope.READ, name: str = "") -> NewToken:
    """Create a token for ``user``; raise ValueError for an unknown scope."""
    if scope not in Scope.values:
        raise ValueError(scope)
    while True:
        prefix = TOKEN_START + secrets.token_hex(4)
        if not ApiToken.objects.filter(prefix=prefix).exists():
            break
    secret = f"{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(
        user=user, name=name.strip()[:100], prefix=prefix, key_hash=hash_secret(secret), scope=scope
    )
    return NewToken(token=token, secret=secret)


def find_token(secret: str) -> ApiToken | None:
    """Return the token matching ``secret`` (revoked or not), or None."""
    prefix = _split(secret.strip())
    if prefix is None:
        return None
    # No ordering: the prefix is unique, and ordering costs query compilation on every call.
    found = list(ApiToken.objects.select_related("user").filter(prefix=prefix).order_by()[:1])
    token = found[0] if found else None
    if token is None or not hmac.compare_digest(token.key_hash, hash_secret(secret.strip())):
        return None
    return token


def touch(token: ApiToken) -> None:
    """Record that the token was used, at most once per ``LAST_USED_RESOLUTION``."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


def revoke_token(token: ApiToken) -> bool:
    """Revoke the token; return False when it already was."""
    if token.revoked_at is not None:
        return False
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    return True
