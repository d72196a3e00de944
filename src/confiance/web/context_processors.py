"""Template context shared by every page."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from confiance.web.decorators import managed_team_ids


def navigation(request: HttpRequest) -> dict:
    """``is_manager``: whether to show the Team page (computed only when a template asks)."""
    user = getattr(request, "user", None)
    return {
        "is_manager": SimpleLazyObject(
            lambda: bool(user is not None and user.is_authenticated and managed_team_ids(user))
        )
    }
