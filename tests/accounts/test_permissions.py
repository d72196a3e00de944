"""visible_accounts: a seller sees their own and shared accounts, a manager the team's,
an outsider nothing of the team, an admin everything."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from confiance.accounts.models import Account
from confiance.accounts.permissions import can_see, visible_accounts
from confiance.users.models import Membership, Role


@pytest.fixture
def portfolio(team, other_team, seller, second_seller, outsider):
    def make(name, owner, team):
        return Account.objects.create(name=name, kind="customer", owner=owner, team=team)

    accounts = {
        "own": make("Northwind", seller, team),
        "colleague": make("Contoso", second_seller, team),
        "shared": make("Fabrikam", second_seller, team),
        "other_team": make("Tailspin", outsider, other_team),
    }
    accounts["shared"].shared_with.add(seller)
    return accounts


def names(user) -> set[str]:
    return set(visible_accounts(user).values_list("name", flat=True))


def test_a_seller_sees_own_and_shared_accounts_only(portfolio, seller):
    assert names(seller) == {"Northwind", "Fabrikam"}
    assert not can_see(seller, portfolio["colleague"])


def test_a_manager_sees_every_account_of_the_team_and_no_other(portfolio, manager):
    assert names(manager) == {"Northwind", "Contoso", "Fabrikam"}


def test_an_outsider_sees_nothing_of_the_team(portfolio, outsider):
    assert names(outsider) == {"Tailspin"}
    assert not any(can_see(outsider, portfolio[key]) for key in ("own", "colleague", "shared"))


def test_an_admin_sees_every_account(portfolio, team):
    admin = get_user_model().objects.create_user("ada", password="x" * 12)
    Membership.objects.create(user=admin, team=team, role=Role.ADMIN)
    assert names(admin) == {"Northwind", "Contoso", "Fabrikam", "Tailspin"}


def test_a_superuser_sees_every_account(portfolio):
    root = get_user_model().objects.create_superuser("root", password="x" * 12)
    assert len(names(root)) == 4


def test_a_deactivated_or_anonymous_user_sees_nothing(portfolio, seller):
    from django.contrib.auth.models import AnonymousUser

    seller.is_active = False
    seller.save()
    assert names(seller) == set()
    assert names(AnonymousUser()) == set()
    assert names(None) == set()


def test_sharing_an_account_twice_does_not_list_it_twice(portfolio, seller, manager):
    portfolio["own"].shared_with.add(manager)
    ids = list(visible_accounts(manager).values_list("pk", flat=True))
    assert len(ids) == len(set(ids)) == 3
