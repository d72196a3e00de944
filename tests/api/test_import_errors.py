"""A file the API cannot import is explained in the request's language, and nothing is saved."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from confiance.accounts.models import Account, Contact
from confiance.interactions.models import Interaction, Segment
from tests.api.conftest import api_for

NBSP = "\u00a0"
BAD_VTT = b"WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nok\n\n2\n00:00:3.5 --> 00:00:04.000\nbad\n"


def _rows() -> dict[str, int]:
    return {
        "interactions": Interaction.objects.count(),
        "segments": Segment.objects.count(),
        "contacts": Contact.objects.count(),
        "accounts": Account.objects.count(),
    }


def _import(api, account, data: bytes = BAD_VTT, name: str = "call.vtt"):
    upload = SimpleUploadedFile(name, data)
    return api.client.post(
        "/api/v1/imports", {"file": upload, "account_id": str(account.pk)}, **api.headers
    )


@pytest.fixture
def french_api(seller):
    return api_for(seller, lang="fr")


def test_accept_language_fr_gives_the_french_message_naming_file_and_line(french_api, account):
    before = _rows()
    response = _import(french_api, account)

    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "import_failed"
    assert body["message"] == (
        f"call.vtt, ligne 8{NBSP}: horodatage invalide «{NBSP}00:00:3.5{NBSP}»"
    )
    assert body["details"][0]["code"] == "import_failed"
    assert "ligne 8" in body["details"][0]["message"]
    assert "invalid timestamp" not in response.content.decode()
    assert _rows() == before


def test_english_is_unchanged(seller_api, account):
    before = _rows()
    response = _import(seller_api, account)

    assert response.status_code == 422
    assert response.json()["message"] == "call.vtt, line 8: invalid timestamp '00:00:3.5'"
    assert _rows() == before


def test_a_file_that_is_not_what_it_says_is_explained_in_french(french_api, account):
    response = _import(french_api, account, b"%PDF-1.7\n%\xb5\xb5\n", "deck.vtt")

    assert response.status_code == 422
    assert response.json()["message"] == (
        f"deck.vtt, ligne 1{NBSP}: ce n’est pas un fichier WebVTT{NBSP}: "
        f"la première ligne doit être «{NBSP}WEBVTT{NBSP}»"
    )


def test_a_broken_transcript_given_to_the_coach_is_explained_in_french(french_api):
    broken = "WEBVTT\n\n00:00:01.000 --> later\nhi\n"
    response = french_api.post("coach", {"transcript_file": {"format": "vtt", "content": broken}})

    assert response.status_code == 422
    detail = response.json()["details"][0]
    assert detail["code"] == "unreadable_transcript"
    assert detail["message"] == (
        f"transcript.vtt, ligne 3{NBSP}: horodatage invalide «{NBSP}later{NBSP}»"
    )
