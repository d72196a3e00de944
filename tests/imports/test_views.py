from __future__ import annotations

import html
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from confiance.accounts.models import Account, AccountKind, Contact
from confiance.imports.models import ErasureRecord, ImportRun, RunStatus
from confiance.interactions.models import Interaction, Segment
from confiance.users.models import Profile, Role
from tests.conftest import make_user
from tests.imports.conftest import FIXTURES


@pytest.fixture(autouse=True)
def inline_runs(settings):
    settings.IMPORTS_RUN_INLINE = True


def _upload(client, name, data=None, **extra):
    data = data if data is not None else (FIXTURES / name).read_bytes()
    return client.post(
        reverse("imports:upload"), {"file": SimpleUploadedFile(name, data), **extra}, follow=True
    )


def test_the_upload_page_needs_a_login(client, db):
    response = client.get(reverse("imports:upload"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_the_form_offers_only_visible_accounts(client, seller, account, outsider, other_team):
    Account.objects.create(
        name="Secret", kind=AccountKind.PROSPECT, owner=outsider, team=other_team
    )
    client.force_login(seller)
    page = client.get(reverse("imports:upload")).content.decode()
    assert "Northwind" in page
    assert "Secret" not in page
    assert 'enctype="multipart/form-data"' in page


def test_an_upload_runs_and_shows_its_report(client, seller, account, claire):
    client.force_login(seller)
    response = _upload(client, "thunderbird.mbox", account=account.pk)
    page = response.content.decode()
    assert response.status_code == 200
    run = ImportRun.objects.get()
    assert run.status == RunStatus.DONE
    assert (run.processed, run.total) == (3, 3)
    assert 'value="100"' in page
    assert "thunderbird.mbox: 3 created" in page
    assert "hx-trigger" not in page  # finished: the polling stops
    assert Interaction.objects.count() == 3


def test_a_running_import_is_polled(client, seller):
    client.force_login(seller)
    run = ImportRun.objects.create(
        created_by=seller, filename="big.mbox", status=RunStatus.RUNNING, processed=50, total=200
    )
    fragment = client.get(reverse("imports:progress", args=[run.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in fragment
    assert 'value="25"' in fragment
    assert "50 of 200 items" in fragment


def test_bad_file_fails_clearly_and_saves_nothing(client, seller, account):
    client.force_login(seller)
    page = _upload(
        client, "notes.vtt", b"this is not a transcript", account=account.pk
    ).content.decode()
    assert "notes.vtt, line 1: not a WebVTT file" in page
    assert "Nothing was saved." in page
    assert ImportRun.objects.get().status == RunStatus.FAILED
    assert Interaction.objects.count() == 0


def test_too_big_an_upload_is_refused_with_the_limit(client, seller, settings):
    settings.IMPORT_UPLOAD_MAX_BYTES = 1024 * 1024
    client.force_login(seller)
    response = _upload(client, "big.mbox", b"From x\n" + b"a" * (2 * 1024 * 1024))
    page = response.content.decode()
    assert response.status_code == 413
    assert "uploads are limited to 1 MB" in page
    assert "confiance import FILE" in page
    assert not ImportRun.objects.exists()


def test_someone_elses_run_is_not_found(client, seller, second_seller):
    run = ImportRun.objects.create(created_by=seller, filename="x.eml")
    client.force_login(second_seller)
    assert client.get(reverse("imports:run", args=[run.pk])).status_code == 404
    assert client.get(reverse("imports:progress", args=[run.pk])).status_code == 404


def test_the_form_is_protected_by_csrf(seller, db):
    client = Client(enforce_csrf_checks=True)
    client.force_login(seller)
    response = client.post(
        reverse("imports:upload"), {"file": SimpleUploadedFile("a.eml", b"From: a@b.c\n\nhi")}
    )
    assert response.status_code == 403


@pytest.fixture
def admin(team):
    return make_user("ada", team, Role.ADMIN)


def test_person_page_is_for_admins_only(client, seller, manager, admin):
    for user in (seller, manager):
        client.force_login(user)
        assert client.get(reverse("imports:people")).status_code == 403
    client.force_login(admin)
    assert client.get(reverse("imports:people")).status_code == 200


def test_admin_exports_then_erases_a_person(client, admin, account, claire):
    client.force_login(admin)
    url = reverse("imports:people")
    response = client.post(url, {"email": "claire.dubois@northwind.example", "action": "export"})
    assert response["Content-Disposition"] == 'attachment; filename="person-export.json"'
    assert json.loads(response.content)["contacts"][0]["name"] == "Claire Dubois"
    # Erasure asks for confirmation first.
    page = client.post(
        url, {"email": "claire.dubois@northwind.example", "action": "erase"}
    ).content.decode()
    assert "Tick the box" in page
    assert Contact.objects.get().erased_at is None
    response = client.post(
        url,
        {"email": "claire.dubois@northwind.example", "action": "erase", "confirm": "on"},
        follow=True,
    )
    assert "Erased 1 contact(s)" in response.content.decode()
    assert Contact.objects.get().erased_at is not None
    record = ErasureRecord.objects.get()
    assert (record.performed_by, record.via) == (admin, "web")


def test_a_csv_upload_counts_its_rows_for_the_progress_bar(client, seller):
    client.force_login(seller)
    _upload(client, "hubspot_companies.csv")
    run = ImportRun.objects.get()
    assert (run.status, run.processed, run.total) == (RunStatus.DONE, 2, 2)


def test_without_inline_runs_the_import_happens_in_a_background_thread(
    client, seller, account, claire, settings, transactional_db
):
    import threading
    import time

    settings.IMPORTS_RUN_INLINE = False
    client.force_login(seller)
    _upload(client, "thunderbird.mbox", account=account.pk)
    run = ImportRun.objects.get()
    for thread in threading.enumerate():
        if thread.name == f"import-{run.pk}":
            thread.join(timeout=60)
    deadline = time.monotonic() + 10
    while run.status not in (RunStatus.DONE, RunStatus.FAILED) and time.monotonic() < deadline:
        time.sleep(0.05)
        run.refresh_from_db()
    assert run.status == RunStatus.DONE, run.error
    fragment = client.get(reverse("imports:progress", args=[run.pk])).content.decode()
    assert "thunderbird.mbox: 3 created" in fragment
    assert Interaction.objects.count() == 3


def test_the_upload_form_dates_a_transcript(client, seller, account):
    client.force_login(seller)
    _upload(client, "call.srt", account=account.pk, occurred_at="2026-11-20T14:00")
    assert Interaction.objects.get().occurred_at.isoformat() == "2026-11-20T13:00:00+00:00"


def test_admins_find_the_person_page_from_the_upload_page(client, seller, admin):
    client.force_login(seller)
    assert reverse("imports:people") not in client.get(reverse("imports:upload")).content.decode()
    client.force_login(admin)
    assert reverse("imports:people") in client.get(reverse("imports:upload")).content.decode()


# The error in the reader's language

BAD_VTT = b"WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nok\n\n2\n00:00:3.5 --> 00:00:04.000\nbad\n"
NBSP = "\u00a0"
FRENCH_ERROR = f"call.vtt, ligne 8{NBSP}: horodatage invalide «{NBSP}00:00:3.5{NBSP}»"


def _speaks_french(user) -> None:
    Profile.objects.update_or_create(user=user, defaults={"language": "fr"})


def _rows() -> dict[str, int]:
    return {
        "interactions": Interaction.objects.count(),
        "segments": Segment.objects.count(),
        "contacts": Contact.objects.count(),
        "accounts": Account.objects.count(),
    }


def test_a_french_user_sees_a_bad_timestamp_in_french_with_file_and_line(
    client, seller, account, claire
):
    _speaks_french(seller)
    client.force_login(seller)
    before = _rows()
    page = html.unescape(_upload(client, "call.vtt", BAD_VTT, account=account.pk).content.decode())
    assert FRENCH_ERROR in page
    assert "invalid timestamp" not in page
    assert ImportRun.objects.get().status == RunStatus.FAILED
    assert _rows() == before


def test_an_english_user_still_reads_the_error_in_english(client, seller, account):
    client.force_login(seller)
    page = html.unescape(_upload(client, "call.vtt", BAD_VTT, account=account.pk).content.decode())
    assert "call.vtt, line 8: invalid timestamp '00:00:3.5'" in page
    assert "ligne" not in page


def test_a_failed_run_is_shown_in_the_language_of_whoever_reads_it(client, seller, account):
    # The run failed for an English reader; the same page read later in French is French.
    client.force_login(seller)
    _upload(client, "call.vtt", BAD_VTT, account=account.pk)
    run = ImportRun.objects.get()
    assert run.error == "call.vtt, line 8: invalid timestamp '00:00:3.5'"
    _speaks_french(seller)
    fragment = html.unescape(
        client.get(reverse("imports:progress", args=[run.pk])).content.decode()
    )
    assert FRENCH_ERROR in fragment


def test_a_background_run_stores_its_failure_whole_for_any_reader(
    client, seller, account, settings, transactional_db
):
    import threading

    settings.IMPORTS_RUN_INLINE = False
    _speaks_french(seller)
    client.force_login(seller)
    _upload(client, "call.vtt", BAD_VTT, account=account.pk)
    run = ImportRun.objects.get()
    for thread in threading.enumerate():
        if thread.name == f"import-{run.pk}":
            thread.join(timeout=60)
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED
    # The admin's plain-text trace is in the language the run was started in...
    assert run.error == FRENCH_ERROR
    # ...the report itself in none: the page writes it for whoever reads it.
    assert run.report["failure"]["message"]["template"].startswith("invalid timestamp")
    assert "summary" not in run.report
    assert Interaction.objects.count() == 0
