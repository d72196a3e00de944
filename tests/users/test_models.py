"""Teams and roles: a person's role is per team, and a manager manages only that team."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction

from confiance.accounts.models import Account
from confiance.accounts.permissions import visible_accounts
from confiance.users.models import Membership, Role


def test_a_person_belongs_to_a_team_once(seller, team):
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=seller, team=team, role=Role.MANAGER)


def test_a_manager_of_one_team_who_sells_in_another_sees_only_their_own_there(
    team, other_team, seller, outsider
):
    coach = get_user_model().objects.create_user("nadia", password="x" * 12)
    Membership.objects.create(user=coach, team=team, role=Role.MANAGER)
    Membership.objects.create(user=coach, team=other_team, role=Role.SELLER)
    mine = Account.objects.create(name="Own", kind="prospect", owner=coach, team=other_team)
    Account.objects.create(name="Theirs", kind="customer", owner=outsider, team=other_team)
    managed = Account.objects.create(name="Managed", kind="customer", owner=seller, team=team)
    assert set(visible_accounts(coach)) == {mine, managed}
