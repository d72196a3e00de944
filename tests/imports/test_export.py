from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from confiance.accounts.models import Account, Contact
from confiance.imports.services import import_file
from confiance.imports.services.export import EXPORT_FILE, ExportError, export_team, load_export
from confiance.interactions.models import Interaction, Segment
from confiance.users.models import Team


@pytest.fixture
def rich_team(team, account, claire, paul, seller_with_address, manager, fixture_path):
    for name in ("thunderbird.mbox", "zoom.vtt", "hubspot_companies.csv", "hubspot_deals.csv"):
        report = import_file(
            fixture_path(name),
            user=seller_with_address,
            account=None if name.endswith(".csv") else account,
        )
        assert report.ok, report.error
    account.shared_with.add(manager)
    return team


def _load(directory):
    rows = json.loads((directory / EXPORT_FILE).read_text())
    return sorted(rows, key=lambda r: (r["model"], r["pk"]))


def test_export_then_import_into_an_empty_database_gives_the_same_data(
    rich_team, other_team, outsider, tmp_path, transactional_db
):
    first = tmp_path / "first"
    counts = export_team([rich_team], first)
    assert counts["interactions.segment"] == 5
    assert counts["imports.emailmessage"] == 3
    assert counts["deals.followupplan"] == 1
    # Nothing of the other team leaves.
    dumped = (first / EXPORT_FILE).read_text()
    assert "olga" not in dumped and "Other team" not in dumped
    assert "password" not in dumped
    before = {m: m.objects.count() for m in (Account, Contact, Interaction, Segment)}

    call_command("flush", interactive=False, verbosity=0)
    assert not Team.objects.exists()
    load_export(first)

    assert {m: m.objects.count() for m in (Account, Contact, Interaction, Segment)} == before
    second = tmp_path / "second"
    export_team(list(Team.objects.all()), second)
    assert _load(second) == _load(first)
    for csv_file in first.glob("*.csv"):
        assert (second / csv_file.name).read_text() == csv_file.read_text(), csv_file.name


def test_csv_per_entity_is_written(rich_team, tmp_path):
    export_team([rich_team], tmp_path)
    header = (tmp_path / "accounts.account.csv").read_text().splitlines()[0]
    assert header.startswith("id,created_at,updated_at,name,kind")
    assert "Northwind" in (tmp_path / "accounts.account.csv").read_text()


def test_an_export_is_refused_by_a_database_that_is_not_empty(rich_team, tmp_path):
    export_team([rich_team], tmp_path)
    with pytest.raises(ExportError, match="not empty"):
        load_export(tmp_path)
    with pytest.raises(ExportError, match="not an export"):
        load_export(tmp_path / "nowhere")
