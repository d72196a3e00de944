from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from confiance.accounts.models import Contact, ContactEmail

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


@pytest.fixture
def fixture_path(tmp_path):
    """A copy of a fixture in a temporary directory (so tests may damage it)."""

    def copy(name: str, as_name: str | None = None) -> Path:
        target = tmp_path / (as_name or name)
        shutil.copy(FIXTURES / name, target)
        return target

    return copy


@pytest.fixture
def claire(account) -> Contact:
    return Contact.objects.create(
        account=account, name="Claire Dubois", email="Claire.Dubois@northwind.example"
    )


@pytest.fixture
def paul(account) -> Contact:
    contact = Contact.objects.create(account=account, name="Paul Léroy", email="")
    ContactEmail.objects.create(contact=contact, address="paul.leroy@northwind.example")
    return contact


@pytest.fixture
def seller_with_address(seller):
    seller.first_name, seller.last_name = "Sophie", "Martin"
    seller.email = "sophie.martin@confiance.example"
    seller.save()
    return seller
