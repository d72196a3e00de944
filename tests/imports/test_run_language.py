"""The import run page speaks the reader's language, whoever started the run and when."""

from __future__ import annotations

import html
import json
import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from confiance.imports.models import ImportRun, RunStatus
from confiance.imports.services import import_file
from confiance.imports.services.report import ImportReport
from confiance.users.models import Profile, Role
from tests.conftest import make_user
from tests.imports.conftest import FIXTURES

NBSP = "\u00a0"
BAD_VTT = b"WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nok\n\n2\n00:00:3.5 --> 00:00:04.000\nbad\n"


@pytest.fixture(autouse=True)
def inline_runs(settings):
    settings.IMPORTS_RUN_INLINE = True


def _speaks(user, language: str) -> None:
    Profile.objects.update_or_create(user=user, defaults={"language": language})


@pytest.fixture
def reader(team):
    """An administrator of the team: the one other person who may open a seller's run."""
    user = make_user("ada", team, Role.ADMIN)
    user.is_superuser = True
    user.save()
    return user


def _upload(client, name: str, data: bytes | None = None, **extra) -> None:
    data = data if data is not None else (FIXTURES / name).read_bytes()
    client.post(reverse("imports:upload"), {"file": SimpleUploadedFile(name, data), **extra})


def _page(client, user, run: ImportRun) -> str:
    client.force_login(user)
    return html.unescape(client.get(reverse("imports:run", args=[run.pk])).content.decode())


def _twice(client, seller) -> ImportRun:
    """Import the HubSpot companies twice: the second run skips both as unchanged."""
    client.force_login(seller)
    _upload(client, "hubspot_companies.csv")
    _upload(client, "hubspot_companies.csv")
    return ImportRun.objects.order_by("-pk").first()


def test_a_run_a_french_seller_started_reads_in_english_for_an_english_reader(
    client, seller, reader
):
    _speaks(seller, "fr")
    _speaks(reader, "en")
    run = _twice(client, seller)
    page = _page(client, reader, run)
    assert "hubspot_companies.csv: 0 created, 0 updated, 2 skipped" in page
    assert "skipped: unchanged" in page
    assert "inchangé" not in page
    assert "ignoré" not in page
    # And the French seller still reads the same run in French.
    page = _page(client, seller, run)
    assert f"hubspot_companies.csv{NBSP}: 0 créé, 0 mis à jour, 2 ignorés" in page
    assert f"ignoré{NBSP}: inchangé" in page
    assert "unchanged" not in page


def test_a_run_an_english_seller_started_reads_in_french_for_a_french_reader(
    client, seller, reader
):
    _speaks(seller, "en")
    _speaks(reader, "fr")
    client.force_login(seller)
    _upload(client, "hubspot_contacts.csv")  # before the companies: both contacts skipped
    run = ImportRun.objects.get()
    page = _page(client, reader, run)
    assert f"aucun compte nommé 'Northwind Traders'{NBSP}: importez d’abord les entreprises" in page
    assert "no account named" not in page
    assert f"hubspot_contacts.csv{NBSP}: 0 créé" in page
    assert "Résultat" in page and "Result" not in page


def test_a_failed_run_reads_in_the_readers_language_both_ways(client, seller, reader, account):
    _speaks(seller, "fr")
    _speaks(reader, "en")
    client.force_login(seller)
    _upload(client, "call.vtt", BAD_VTT, account=account.pk)
    run = ImportRun.objects.get()
    assert run.status == RunStatus.FAILED
    english = _page(client, reader, run)
    assert "call.vtt, line 8: invalid timestamp '00:00:3.5'" in english
    assert "Nothing was saved." in english
    assert "horodatage" not in english
    _speaks(reader, "fr")
    french = _page(client, reader, run)
    assert f"call.vtt, ligne 8{NBSP}: horodatage invalide «{NBSP}00:00:3.5{NBSP}»" in french


def test_an_unexpected_error_reads_in_the_readers_language(client, seller, reader, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("confiance.imports.runner.import_file", broken)
    _speaks(seller, "fr")
    client.force_login(seller)
    _upload(client, "hubspot_companies.csv")
    run = ImportRun.objects.get()
    assert run.status == RunStatus.FAILED
    page = _page(client, reader, run)
    assert "The import stopped on an unexpected error; nothing was saved." in page
    assert "disk on fire" not in page  # the cause goes to the log, not to the page


def test_a_background_run_is_read_in_the_readers_language(
    client, seller, reader, settings, transactional_db
):
    settings.IMPORTS_RUN_INLINE = False
    _speaks(seller, "fr")
    _speaks(reader, "en")
    client.force_login(seller)
    _upload(client, "hubspot_companies.csv")
    run = ImportRun.objects.get()
    for thread in threading.enumerate():
        if thread.name == f"import-{run.pk}":
            thread.join(timeout=60)
    run.refresh_from_db()
    assert run.status == RunStatus.DONE, run.error
    assert "hubspot_companies.csv: 2 created" in _page(client, reader, run)
    assert f"hubspot_companies.csv{NBSP}: 2 créés" in _page(client, seller, run)


def test_the_stored_report_holds_no_words_of_either_language(client, seller):
    _speaks(seller, "fr")
    run = _twice(client, seller)
    stored = json.dumps(run.report, ensure_ascii=False)
    assert "inchangé" not in stored and "ignoré" not in stored
    assert run.report["skipped"] == [
        {"reason": {"template": "unchanged", "params": {}, "translate": True}, "count": 2}
    ]
    with translation.override("en"):
        assert ImportReport.from_record(run.report).skipped == {"unchanged": 2}
    with translation.override("fr"):
        assert ImportReport.from_record(run.report).skipped == {"inchangé": 2}


def test_a_run_stored_as_french_text_by_an_older_version_still_shows(client, seller, reader):
    # What the page stored before reports were kept without words: as_dict() in French.
    legacy = {
        "file": "contacts.csv",
        "format": "csv",
        "dry_run": False,
        "created": {"contact": 1},
        "updated": {},
        "skipped": {
            "inchangé": 2,
            "aucun compte nommé 'Acme' : importez d’abord les entreprises, ou donnez --account": 1,
        },
        "skipped_examples": [["Jo", "inchangé"]],
        "unknown": {},
        "notes": [],
        "error": "",
        "failure": None,
        "summary": "contacts.csv : 1 créé, 0 mis à jour, 3 ignorés",
    }
    run = ImportRun.objects.create(
        created_by=seller, filename="contacts.csv", status=RunStatus.DONE, report=legacy
    )
    _speaks(reader, "en")
    page = _page(client, reader, run)
    assert "contacts.csv: 1 created, 0 updated, 3 skipped" in page
    assert "skipped: unchanged" in page  # a reason without values is recognised
    # One with values cannot be taken apart again: it shows as it was stored.
    assert "skipped: aucun compte nommé 'Acme'" in page


def test_a_run_that_failed_before_reports_were_kept_shows_its_stored_error(client, seller):
    run = ImportRun.objects.create(
        created_by=seller, filename="x.eml", status=RunStatus.FAILED, error="x.eml: cassé"
    )
    client.force_login(seller)
    assert "x.eml: cassé" in _page(client, seller, run)


def test_the_command_line_report_still_comes_in_the_asked_language(fixture_path, seller):
    path = fixture_path("hubspot_companies.csv")
    import_file(path, user=seller)
    with translation.override("fr"):
        again = import_file(path, user=seller)
        assert again.skipped == {"inchangé": 2}
        assert again.as_dict()["summary"].startswith(f"hubspot_companies.csv{NBSP}: 0 créé")
    # The same report, read later in English.
    with translation.override("en"):
        assert again.skipped == {"unchanged": 2}
        assert again.as_dict()["skipped_examples"][0][1] == "unchanged"
