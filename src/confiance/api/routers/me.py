"""``GET /me``: who the token acts for, and what it may do."""

from __future__ import annotations

import datetime as dt

from ninja import Router, Schema

from confiance.api.errors import ERRORS

router = Router(tags=["me"])


class TeamOut(Schema):
    id: int
    name: str
    role: str


class MeOut(Schema):
    id: int
    username: str
    name: str
    teams: list[TeamOut]
    token_prefix: str
    token_scope: str
    token_created_at: dt.datetime


@router.get("/me", response={200: MeOut, **ERRORS})
def me(request):
    """The user behind the token, their teams and the token's scope."""
    token = request.auth
    user = token.user
    teams = [
        {"id": m.team_id, "name": m.team.name, "role": m.role}
        for m in user.memberships.select_related("team").order_by("team__name")
    ]
    return {
        "id": user.pk,
        "username": user.get_username(),
        "name": user.get_full_name(),
        "teams": teams,
        "token_prefix": token.prefix,
        "token_scope": token.scope,
        "token_created_at": token.created_at,
    }
