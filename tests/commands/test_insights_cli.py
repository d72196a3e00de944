"""``confiance scorecard|radar|plans|map|brief``: tables, JSON, --as, --lang and privacy."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.contrib.auth import get_user_model
from typer.testing import CliRunner

from confiance.accounts.models import Contact, StakeholderPosition, Topic
from confiance.cli import app
from confiance.deals.models import Opportunity
from confiance.deals.services import record_outcome
from confiance.ledger.models import Commitment
from confiance.users.models import Profile

runner = CliRunner()
TODAY = dt.date(2026, 11, 20)


def run(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture
def data(account, seller):
    for i in range(4):
        for party, status in (("ours", "kept"), ("theirs", "broken")):
            Commitment.objects.create(
                account=account, party=party, kind="deliverable", description=f"{party} {i}",
                status=status, due_date=TODAY - dt.timedelta(days=30 + i),
                resolved_at=TODAY - dt.timedelta(days=30 + i),
            )  # fmt: skip
    a = Contact.objects.create(account=account, name="Alice", influence=5)
    b = Contact.objects.create(account=account, name="Bruno", influence=3)
    topic = Topic.objects.create(account=account, title="Hosting")
    StakeholderPosition.objects.create(
        contact=a, topic=topic, priority=5, preferred_alternative="Cloud"
    )
    StakeholderPosition.objects.create(
        contact=b, topic=topic, priority=3, preferred_alternative="On premise"
    )
    opp = Opportunity.objects.create(account=account, owner=seller, title="Renewal", amount=10_000)
    record_outcome(
        opp, "lost", reason="competitor", decided_at=TODAY, competitor="Acme", price_gap_pct=20
    )
    return account


def test_every_command_prints_a_table_for_the_seller(data):
    checks = {
        ("scorecard", "northwind"): ["Integrity", "Northwind kept 0 of its 4 commitments"],
        ("radar",): ["Customers taken for granted", "Northwind"],
        ("plans",): ["Perseverance plans", "Renewal", "Call back", "A 20% gap"],
        ("map", "Northwind"): ["Hosting", "Ask Alice what makes Cloud the right choice"],
        ("brief", str(data.pk)): ["Suggested agenda", "Hosting", "Questions worth asking"],
    }
    for args, expected in checks.items():
        dated = [] if args[0] == "map" else ["--as-of", "2026-11-20"]
        result = run(*args, "--as", "sophie", *dated)
        assert result.exit_code == 0, (args, result.output)
        flat = " ".join(result.output.split())
        for text in expected:
            assert text in flat, (args, text, result.output)


def test_json_gives_the_full_result(data):
    result = run("scorecard", "Northwind", "--as", "sophie", "--json", "--as-of", "2026-11-20")
    assert result.exit_code == 0, result.output
    card = json.loads(result.stdout)
    assert card["account"] == "Northwind" and len(card["trend"]) == 12
    integrity = next(p for p in card["principles"] if p["principle"] == "integrity")
    assert integrity["theirs"] == 0 and integrity["ours"] == 100


def test_hidden_and_missing_accounts_look_the_same(data, second_seller, manager):
    hidden = run("scorecard", "Northwind", "--as", "tom")
    missing = run("scorecard", "Nowhere", "--as", "tom")
    assert hidden.exit_code == missing.exit_code == 1
    assert "No such account: Northwind" in hidden.output
    assert "No such account: Nowhere" in missing.output
    assert run("map", "northwind", "--as", "marc").exit_code == 0


def test_the_acting_user_defaults_to_the_only_administrator(data, seller):
    assert run("radar").exit_code == 2  # no administrator yet: say who you are
    get_user_model().objects.create_superuser("root", password="x")
    result = run("radar", "--json")
    assert (
        result.exit_code == 0
        and json.loads(result.stdout)["customers"][0]["account"] == "Northwind"
    )
    get_user_model().objects.create_superuser("root2", password="x")
    again = run("radar")
    assert again.exit_code == 2 and "--as" in again.output
    assert run("radar", "--as", "nobody").exit_code == 2


def test_the_language_comes_from_the_profile_or_lang(data, seller):
    Profile.objects.create(user=seller, language="fr")
    out = run("scorecard", "Northwind", "--as", "sophie", "--json", "--as-of", "2026-11-20")
    assert "décembre 2025" in out.stdout
    out = run(
        "scorecard",
        "Northwind",
        "--as",
        "sophie",
        "--json",
        "--lang",
        "en",
        "--as-of",
        "2026-11-20",
    )
    assert "December 2025" in out.stdout


def test_every_insight_command_and_option_is_documented():
    from pathlib import Path

    import typer.main

    docs = (Path(__file__).resolve().parents[2] / "docs" / "insights.md").read_text("utf-8")
    group = typer.main.get_command(app)
    for name in ("scorecard", "radar", "plans", "map", "brief"):
        command = group.get_command(None, name)
        line = next((ln for ln in docs.splitlines() if ln.startswith(f"confiance {name} ")), None)
        assert line is not None, f"confiance {name} is not documented"
        options = [o for p in command.params for o in p.opts if o.startswith("--")]
        assert [o for o in options if o not in line and o != "--help"] == [], name


def test_every_result_is_json(data, seller):
    from confiance.insights.brief import meeting_brief
    from confiance.insights.buying_group import buying_group_map
    from confiance.insights.perseverance import plans
    from confiance.insights.radar import radar
    from confiance.insights.scorecard import scorecards

    for result in (
        scorecards(seller)[0],
        radar(seller),
        plans(seller),
        buying_group_map(seller, data),
        meeting_brief(seller, data),
    ):
        assert json.loads(json.dumps(result.as_dict()))


@pytest.mark.parametrize("command", [["radar"], ["plans"], ["scorecard", "northwind"]])
def test_an_as_of_day_outside_the_calendar_is_refused_clearly(data, command):
    result = run(*command, "--as", "sophie", "--as-of", "0001-01-01")
    assert result.exit_code == 2
    assert "--as-of must be between 1970-01-01 and 2999-12-31" in " ".join(result.output.split())
