"""``confiance demo-data``: --if-empty leaves a used database alone; a failure writes nothing."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from confiance.accounts.models import Account
from confiance.cli import app
from confiance.coach import CoachError
from confiance.demo import TEAM_NAME
from confiance.interactions.models import Interaction
from confiance.users.models import Team

runner = CliRunner()


def test_if_empty_leaves_a_database_with_accounts_alone(account):
    result = runner.invoke(app, ["demo-data", "--if-empty"])
    assert result.exit_code == 0, result.output
    assert "already holds accounts" in result.output
    assert list(Account.objects.all()) == [account]
    assert not Team.objects.filter(name__startswith="Grands comptes /").exists()


def test_a_failure_half_way_leaves_the_database_as_it_was(db, monkeypatch):
    def broken(rows, segments):
        raise CoachError("coach.E002: Language data lang/fr/findings.toml: unreadable")

    monkeypatch.setattr("confiance.demo.builder.analyse_interactions", broken)
    result = runner.invoke(app, ["demo-data"])
    assert result.exit_code == 1
    assert "coach.E002" in result.output
    assert not Account.objects.exists() and not Interaction.objects.exists()
    assert not Team.objects.exists()


@pytest.mark.parametrize("seed", ["abc", "1.5"])
def test_a_seed_must_be_a_whole_number(db, seed):
    result = runner.invoke(app, ["demo-data", "--seed", seed])
    assert result.exit_code == 2
    assert not Account.objects.exists()


def test_loading_the_demo_a_second_time_is_refused_and_changes_nothing(account):
    # The demo team is already there with its accounts (as after a first `demo-data`).
    account.team.name = TEAM_NAME
    account.team.save()
    result = runner.invoke(app, ["demo-data"])
    assert result.exit_code == 1
    assert "already loaded" in result.output
    assert "Nothing was changed" in result.output
    assert list(Account.objects.all()) == [account]
    assert Team.objects.filter(name=TEAM_NAME).count() == 1
