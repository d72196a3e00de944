"""Fixtures shared by the whole suite: a team with a seller, a second seller and a manager,
and an outsider from another team, so that every view test can check isolation."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone, translation

from confiance.accounts.models import Account, AccountKind
from confiance.users.models import Membership, Role, Team


@pytest.fixture(autouse=True)
def _reset_language_and_time_zone():
    """Requests leave the language they activated on the thread; start every test clean."""
    yield
    translation.deactivate()
    timezone.deactivate()


def make_user(username: str, team: Team, role: str):
    user = get_user_model().objects.create_user(
        username=username, password="correct horse battery staple", first_name=username.title()
    )
    Membership.objects.create(user=user, team=team, role=role)
    return user


@pytest.fixture
def team(db) -> Team:
    return Team.objects.create(name="Grands comptes")


@pytest.fixture
def other_team(db) -> Team:
    return Team.objects.create(name="Other team")


@pytest.fixture
def seller(team):
    return make_user("sophie", team, Role.SELLER)


@pytest.fixture
def second_seller(team):
    return make_user("tom", team, Role.SELLER)


@pytest.fixture
def manager(team):
    return make_user("marc", team, Role.MANAGER)


@pytest.fixture
def outsider(other_team):
    return make_user("olga", other_team, Role.SELLER)


@pytest.fixture
def account(seller, team) -> Account:
    return Account.objects.create(
        name="Northwind", kind=AccountKind.CUSTOMER, owner=seller, team=team, language="en"
    )
