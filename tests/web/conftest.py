"""Fixtures for the web views: signed-in clients and an account with some history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from confiance.interactions.models import Interaction, InteractionKind
from confiance.ledger.models import Commitment, CommitmentKind, Party

HOSTILE = "<script>alert(1)</script>"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def _clear_cache():
    # The login rate limit lives in the cache; each test starts with a clean count.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def seller_client(seller) -> Client:
    return signed_in(seller)


@pytest.fixture
def second_seller_client(second_seller) -> Client:
    return signed_in(second_seller)


@pytest.fixture
def manager_client(manager) -> Client:
    return signed_in(manager)


@pytest.fixture
def outsider_client(outsider) -> Client:
    return signed_in(outsider)


@pytest.fixture
def strangers(second_seller_client, outsider_client) -> list[Client]:
    """Clients that must never see the seller's own account."""
    return [second_seller_client, outsider_client]


@pytest.fixture
def commitment(account, seller) -> Commitment:
    return Commitment.objects.create(
        account=account,
        party=Party.OURS,
        kind=CommitmentKind.DELIVERABLE,
        description="Send the revised quote",
        owner_user=seller,
        due_date=timezone.localdate() - dt.timedelta(days=3),
    )


@pytest.fixture
def note(account, seller) -> Interaction:
    return Interaction.objects.create(
        account=account,
        kind=InteractionKind.PREP_NOTE,
        occurred_at=timezone.now() - dt.timedelta(days=1),
        title="Prep for the renewal",
        body="They just don't get it. We will send the quote by Friday.",
        language="en",
        created_by=seller,
    )
