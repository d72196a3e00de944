"""API fixtures: tokens for each person of the shared fixtures and a small JSON client."""

from __future__ import annotations

import json

import pytest
from django.core.cache import cache
from django.test import Client

from confiance.api.tokens import create_token
from confiance.users.models import Role
from tests.conftest import make_user


class Api:
    """A test client that speaks JSON with a bearer token."""

    def __init__(self, secret: str | None, lang: str = "en") -> None:
        self.client = Client()
        self.headers = {"HTTP_ACCEPT_LANGUAGE": lang}
        if secret:
            self.headers["HTTP_AUTHORIZATION"] = f"Bearer {secret}"

    def call(self, method: str, path: str, body=None, **params):
        url = path if path.startswith("/") else f"/api/v1/{path}"
        if method == "get":
            return self.client.get(url, params, **self.headers)
        data = json.dumps(body if body is not None else {})
        send = getattr(self.client, method)
        return send(url, data, content_type="application/json", **self.headers)

    def get(self, path: str, **params):
        return self.call("get", path, **params)

    def post(self, path: str, body=None):
        return self.call("post", path, body)

    def patch(self, path: str, body=None):
        return self.call("patch", path, body)

    def delete(self, path: str):
        return self.call("delete", path)


@pytest.fixture(autouse=True)
def _fresh_rate_windows():
    # The rate limit counts in the cache; every test starts with empty windows.
    cache.clear()
    yield
    cache.clear()


def api_for(user, scope: str = "write", lang: str = "en") -> Api:
    return Api(create_token(user, scope, "test").secret, lang)


@pytest.fixture
def seller_api(seller) -> Api:
    return api_for(seller)


@pytest.fixture
def manager_api(manager) -> Api:
    return api_for(manager)


@pytest.fixture
def outsider_api(outsider) -> Api:
    return api_for(outsider)


@pytest.fixture
def admin(team):
    """An administrator of the team: sees every account, may export and erase."""
    return make_user("ada", team, Role.ADMIN)


@pytest.fixture
def admin_api(admin) -> Api:
    return api_for(admin)


@pytest.fixture
def reader_api(seller) -> Api:
    return api_for(seller, "read")


@pytest.fixture
def anonymous_api(db) -> Api:
    return Api(None)


@pytest.fixture
def world(seller, account):
    """One of everything on the seller's account, for the permission matrix and round trips."""
    import datetime as dt

    from django.utils import timezone

    from confiance.accounts.models import Contact, StakeholderPosition, Topic
    from confiance.deals.models import FollowUpPlan, Opportunity, PlanStep, StepKind
    from confiance.interactions.models import Interaction
    from confiance.ledger.models import Commitment

    contact = Contact.objects.create(
        account=account,
        name="Claire Martin",
        email="claire.martin@northwind.example",
        buying_role="champion",
    )
    topic = Topic.objects.create(account=account, title="Hosting")
    position = StakeholderPosition.objects.create(contact=contact, topic=topic, priority=4)
    interaction = Interaction.objects.create(
        account=account,
        kind="meeting",
        occurred_at=timezone.now() - dt.timedelta(days=3),
        title="Kick-off",
    )
    commitment = Commitment.objects.create(
        account=account, party="ours", owner_user=seller, kind="deliverable",
        description="Send the quote", due_date=timezone.localdate() + dt.timedelta(days=5),
    )  # fmt: skip
    opportunity = Opportunity.objects.create(account=account, owner=seller, title="Renewal")
    lost = Opportunity.objects.create(
        account=account, owner=seller, title="Extension", outcome="lost", loss_reason="price",
        decided_at=timezone.localdate(),
    )  # fmt: skip
    plan = FollowUpPlan.objects.create(opportunity=lost, opened_on=timezone.localdate())
    step = PlanStep.objects.create(
        plan=plan, position=1, kind=StepKind.CALL_BACK, due_date=timezone.localdate()
    )
    return {
        "account": account.pk,
        "contact": contact.pk,
        "topic": topic.pk,
        "position": position.pk,
        "interaction": interaction.pk,
        "commitment": commitment.pk,
        "opportunity": opportunity.pk,
        "plan": plan.pk,
        "step": step.pk,
        "email": contact.email,
    }
