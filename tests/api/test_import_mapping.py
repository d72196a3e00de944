"""``POST /imports`` takes a mapping file, as ``confiance import --mapping`` does."""

from __future__ import annotations

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from confiance.accounts.models import Account
from confiance.api.tokens import create_token

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


def _upload(seller, lang: str = "en", **files):
    secret = create_token(seller, "write", "test").secret
    data = {
        name: SimpleUploadedFile(upload_name, content)
        for name, (upload_name, content) in files.items()
    }
    return Client().post(
        "/api/v1/imports",
        data,
        HTTP_AUTHORIZATION=f"Bearer {secret}",
        HTTP_ACCEPT_LANGUAGE=lang,
    )


def test_a_custom_csv_imports_with_its_mapping(seller, team):
    response = _upload(
        seller,
        file=("custom_accounts.csv", (FIXTURES / "custom_accounts.csv").read_bytes()),
        mapping=("mapping_accounts.toml", (FIXTURES / "mapping_accounts.toml").read_bytes()),
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["format"] == "mapping account csv"
    assert body["created"] == {"account": 1}
    assert Account.objects.get().name == "Litware SA"


def test_without_its_mapping_a_custom_csv_is_refused(seller, team):
    response = _upload(
        seller, file=("custom_accounts.csv", (FIXTURES / "custom_accounts.csv").read_bytes())
    )
    assert response.status_code == 422
    assert "or give a mapping file" in response.json()["message"]


def test_a_broken_mapping_is_named_and_nothing_is_imported(seller, team):
    response = _upload(
        seller,
        file=("custom_accounts.csv", (FIXTURES / "custom_accounts.csv").read_bytes()),
        mapping=("clients.toml", b'entity = "account"\n[columns\n'),
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "import_failed"
    assert body["message"].startswith("clients.toml: unreadable mapping file")
    assert not Account.objects.exists()
