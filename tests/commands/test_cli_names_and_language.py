"""The insight commands as an operator types them: names without accents, French errors,
a trend that fits a terminal, plurals."""

from __future__ import annotations

import datetime as dt

import pytest
from typer.testing import CliRunner

from confiance.accounts.models import Account, AccountKind
from confiance.cli import app
from confiance.deals.models import Opportunity
from confiance.deals.services import record_outcome

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture
def hotel(seller, team) -> Account:
    return Account.objects.create(
        name="Hôtels Belle Époque", kind=AccountKind.CUSTOMER, owner=seller, team=team
    )


@pytest.fixture
def hidden(second_seller, team) -> Account:
    return Account.objects.create(
        name="Énergies Vallée", kind=AccountKind.CUSTOMER, owner=second_seller, team=team
    )


@pytest.mark.parametrize(
    "typed",
    ["Hôtels Belle Époque", "HÔTELS BELLE ÉPOQUE", "hotels belle epoque", " Hotels Belle Epoque "],
)
@pytest.mark.parametrize("command", ["scorecard", "map", "brief"])
def test_an_account_is_found_whatever_its_case_and_accents(hotel, command, typed):
    result = run(command, typed, "--as", "sophie", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Hôtels Belle Époque" in result.output


def test_a_hidden_account_typed_without_accents_is_still_no_such_account(hotel, hidden):
    hidden_result = run("scorecard", "energies vallee", "--as", "sophie", "--lang", "en")
    missing_result = run("scorecard", "energies vallon", "--as", "sophie", "--lang", "en")
    assert hidden_result.exit_code == missing_result.exit_code == 1
    assert "No such account: energies vallee" in hidden_result.output
    assert "Hôtels" not in hidden_result.output and "Énergies" not in hidden_result.output


def test_errors_are_in_french_with_lang_fr(hotel):
    unknown = run("scorecard", "Nulle part", "--as", "sophie", "--lang", "fr")
    assert unknown.exit_code == 1
    # French punctuation: a no-break space before the colon.
    assert "erreur\u00a0:" in unknown.output and "error:" not in unknown.output
    assert "Aucun compte de ce nom\u00a0: Nulle part" in unknown.output

    nobody = run("radar", "--as", "personne", "--lang", "fr")
    assert nobody.exit_code == 2
    assert "Utilisateur introuvable\u00a0: personne" in nobody.output

    too_early = run(
        "brief", "Hôtels Belle Époque", "--as", "sophie", "--lang", "fr", "--as-of", "1900-01-01"
    )
    assert too_early.exit_code == 2
    assert "--as-of doit être compris entre" in too_early.output


def test_the_monthly_trend_shows_every_month_in_80_columns(hotel):
    result = run(
        "scorecard",
        "Hôtels Belle Époque",
        "--as",
        "sophie",
        "--lang",
        "en",
        "--as-of",
        "2026-11-20",
    )
    assert result.exit_code == 0, result.output
    trend = result.output[result.output.index("Monthly trend") :]
    assert "Monthly trend (overall), 2025-12 to 2026-11" in trend
    heads = trend.splitlines()[2]
    for month in ("12", "01", "06", "11"):
        assert f" {month} " in heads
    assert "…" not in trend


def test_plans_says_plan_in_the_singular_for_one(seller, hotel):
    opportunity = Opportunity.objects.create(account=hotel, owner=seller, title="Renewal")
    record_outcome(opportunity, "lost", reason="price", decided_at=dt.date(2026, 11, 20))
    result = run("plans", "--as", "sophie", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "1 plan shown," in result.output


@pytest.mark.parametrize("limit", ["0", "-1"])
def test_radar_refuses_a_limit_below_one_instead_of_hiding_customers(hotel, limit):
    # "--limit -1" used to slice off the last customer without a word.
    result = run("radar", "--as", "sophie", "--lang", "en", "--limit", limit)
    assert result.exit_code == 2
    assert "--limit" in result.output


def test_the_coach_says_a_missing_file_is_missing_in_french(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "LANG": "fr_FR.UTF-8", "LANGUAGE": "fr"}
    result = subprocess.run(
        [sys.executable, "-m", "confiance.cli", "coach", str(tmp_path / "notes.txt")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    message = " ".join(result.stderr.split())
    assert "notes.txt : fichier introuvable" in message
    assert "No such file" not in message


def test_no_token_is_created_for_a_deactivated_user(seller):
    from confiance.api.models import ApiToken

    seller.is_active = False
    seller.save()
    result = run("token", "create", "--user", "sophie", "--scope", "write")
    assert result.exit_code == 1
    assert "'sophie' is deactivated: a token for them would not work" in result.output
    assert not ApiToken.objects.exists()
