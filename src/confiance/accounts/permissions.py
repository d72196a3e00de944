"""Who may see which account: the one rule every view, command and endpoint goes through."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from confiance.accounts.models import Account
from confiance.users.models import Membership, Role


def visible_accounts(user) -> QuerySet[Account]:
    """Accounts ``user`` may see.

    A seller sees the accounts they own and those shared with them; a manager sees every
    account of the teams they manage; an admin (role or superuser) sees everything.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return Account.objects.none()
    if user.is_superuser:
        return Account.objects.all()
    roles = Membership.objects.filter(user=user).values_list("team_id", "role")
    if any(role == Role.ADMIN for _team, role in roles):
        return Account.objects.all()
    managed = [team for team, role in roles if role == Role.MANAGER]
    condition = Q(owner=user) | Q(shared_with=user) | Q(team_id__in=managed)
    return Account.objects.filter(pk__in=Account.objects.filter(condition).values("pk"))


def can_see(user, account: Account) -> bool:
    return visible_accounts(user).filter(pk=account.pk).exists()
