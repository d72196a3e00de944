"""Playwright driving Debian's Chromium against pytest-django's live server.

Chromium missing: a failure in CI (CI=true), a skip with the reason elsewhere.
Screenshots go to artifacts/screenshots/.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from django.utils import timezone

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
PASSWORD = "correct horse battery staple"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@pytest.fixture(scope="module")
def chromium():
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} not found: install Debian's chromium package"
        if IN_CI:
            pytest.fail(message + " (required in CI)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run
    # next to one unless told that it is safe (it is: the loop belongs to Playwright). Only
    # while the browser is up, so that the rest of the suite keeps Django's check.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(chromium, live_server, transactional_db):
    context = chromium.new_context(
        locale="en-GB", viewport={"width": 1280, "height": 900}, timezone_id="Europe/Paris"
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.base = live_server.url
    yield page
    context.close()


def shot(page, name: str, *, full_page: bool = True) -> Path:
    """Save a screenshot under artifacts/screenshots/ and return its path."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def sign_in(page, username: str) -> None:
    page.goto(page.base + "/login/")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(page.base + "/")


@pytest.fixture
def story(seller, second_seller, manager, team):
    """A demo-like account: a buying group, a ledger on both sides, conversations."""
    from confiance.accounts.models import Account, Contact, StakeholderPosition, Topic
    from confiance.deals.models import Opportunity
    from confiance.interactions.models import Interaction
    from confiance.ledger.models import Commitment, Status

    today = timezone.localdate()
    account = Account.objects.create(
        name="Maison Dufour",
        kind="customer",
        owner=seller,
        team=team,
        language="fr",
        industry="Agroalimentaire",
        size_band="250-999",
        annual_value=480000,
        customer_since=dt.date(2019, 3, 1),
    )
    people = [
        Contact.objects.create(
            account=account,
            name=name,
            job_title=title,
            buying_role=role,
            influence=influence,
            language="fr",
        )
        for name, title, role, influence in [
            ("Claire Martin", "Directrice achats", "economic_buyer", 5),
            ("Hugo Bernard", "DSI", "technical_evaluator", 4),
            ("Léa Petit", "Responsable qualité", "user", 3),
        ]
    ]
    topics = [
        Topic.objects.create(account=account, title=t) for t in ("Hébergement", "Budget 2027")
    ]
    for person, alt, priority in zip(
        people, ["Cloud", "Sur site", "Cloud"], [5, 4, 3], strict=True
    ):
        StakeholderPosition.objects.create(
            contact=person, topic=topics[0], priority=priority, preferred_alternative=alt
        )
    StakeholderPosition.objects.create(
        contact=people[0],
        topic=topics[1],
        priority=5,
        preferred_alternative="Gel des prix",
        perceived_risk="Dépassement du budget",
    )
    for months in range(1, 10):
        day = today - dt.timedelta(days=30 * months)
        Commitment.objects.create(
            account=account,
            party="ours" if months % 2 else "theirs",
            kind="deliverable",
            description=f"Livrable du mois -{months}",
            due_date=day,
            status=Status.KEPT,
            resolved_at=day - dt.timedelta(days=1),
        )
        Interaction.objects.create(
            account=account,
            kind="meeting" if months % 3 else "call",
            occurred_at=timezone.now() - dt.timedelta(days=30 * months),
            title=f"Point mensuel {months}",
            language="fr",
            tone=0.1 * ((months % 5) - 2),
        )
    Commitment.objects.create(
        account=account,
        party="ours",
        kind="deliverable",
        description="Envoyer le devis révisé",
        owner_user=seller,
        due_date=today + dt.timedelta(days=4),
    )
    Commitment.objects.create(
        account=account,
        party="theirs",
        kind="information",
        description="Partager les volumes 2026",
        owner_contact=people[0],
        due_date=today - dt.timedelta(days=6),
    )
    Opportunity.objects.create(
        account=account,
        owner=seller,
        title="Renouvellement 2027",
        amount=520000,
        stage="negotiation",
    )
    Interaction.objects.create(
        account=account,
        kind="meeting",
        title="Revue annuelle",
        occurred_at=timezone.now() + dt.timedelta(days=3),
        language="fr",
    )
    return account
