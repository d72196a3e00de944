"""Small view decorators for what every page repeats: sign-in, roles, object-level access.

Every account-scoped object is fetched through ``visible_accounts(user)``; an id the user may
not see answers 404 (never 403), so that ids reveal nothing about other teams.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from confiance.accounts.permissions import visible_accounts
from confiance.users.models import Membership, Role

View = Callable[..., HttpResponse]


def account_view(view: View) -> View:
    """Sign-in required; the ``account_id`` URL argument becomes a visible ``account`` or 404."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, account_id: int, *args, **kwargs) -> HttpResponse:
        account = get_object_or_404(visible_accounts(request.user), pk=account_id)
        return view(request, account, *args, **kwargs)

    return wrapper


def visible(model: type[Model], user, pk: int, *, path: str = "account") -> Model:
    """Fetch ``model`` ``pk`` if its account (reached through ``path``) is visible, else 404."""
    queryset: QuerySet = model.objects.filter(**{f"{path}__in": visible_accounts(user)})
    return get_object_or_404(queryset, pk=pk)


def managed_team_ids(user) -> list[int]:
    """Teams ``user`` manages (all teams for an admin or superuser)."""
    if not user.is_authenticated:
        return []
    memberships = Membership.objects.filter(user=user)
    if user.is_superuser or memberships.filter(role=Role.ADMIN).exists():
        from confiance.users.models import Team

        return list(Team.objects.values_list("pk", flat=True))
    return list(memberships.filter(role=Role.MANAGER).values_list("team_id", flat=True))


def manager_required(view: View) -> View:
    """Managers and admins only; a seller gets 404 like any page they may not see."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not managed_team_ids(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def user_teams(user):
    """Teams ``user`` belongs to, in any role."""
    from confiance.users.models import Team

    if user.is_superuser:
        return Team.objects.all()
    return Team.objects.filter(memberships__user=user).distinct()


def is_htmx(request: HttpRequest) -> bool:
    """Whether the request was sent by htmx (and wants a fragment back)."""
    return request.headers.get("HX-Request") == "true"
