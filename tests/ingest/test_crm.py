from __future__ import annotations

import pytest

from confiance.ingest.crm import open_crm_csv
from confiance.ingest.errors import IngestError
from tests.ingest.conftest import FIXTURES


@pytest.mark.parametrize(
    ("name", "source", "entity", "delimiter"),
    [
        ("hubspot_companies.csv", "hubspot", "account", ","),
        ("hubspot_contacts.csv", "hubspot", "contact", ","),
        ("hubspot_deals.csv", "hubspot", "opportunity", ","),
        ("salesforce_accounts.csv", "salesforce", "account", ";"),
        ("salesforce_contacts.csv", "salesforce", "contact", ","),
        ("salesforce_opportunities.csv", "salesforce", "opportunity", ","),
    ],
)
def test_standard_exports_are_recognised_from_their_header(name, source, entity, delimiter):
    crm = open_crm_csv(FIXTURES / name)
    assert (crm.source, crm.entity, crm.delimiter) == (source, entity, delimiter)
    assert list(crm.records())


def test_utf8_bom_is_stripped_and_accents_kept():
    crm = open_crm_csv(FIXTURES / "hubspot_companies.csv")
    records = list(crm.records())
    assert crm.encoding == "utf-8-sig"
    assert records[0].get("external_id") == "9876543210"
    assert records[1].get("name") == "Contoso Énergie"
    assert records[1].line == 3


def test_windows_1252_semicolon_export_is_decoded():
    crm = open_crm_csv(FIXTURES / "salesforce_accounts.csv")
    assert crm.encoding == "cp1252"
    first = next(crm.records())
    assert first.get("name") == "Fabrikam Santé"
    assert first.get("external_id") == "0015g00000XyZaBAAV"


def test_any_csv_through_a_mapping_file():
    crm = open_crm_csv(FIXTURES / "custom_accounts.csv", mapping=FIXTURES / "mapping_accounts.toml")
    assert (crm.source, crm.entity) == ("mapping", "account")
    assert next(crm.records()).values == {
        "external_id": "C-001",
        "name": "Litware SA",
        "industry": "Logiciel",
        "country": "FR",
    }


def test_a_mapping_naming_a_missing_column_is_refused(tmp_path):
    mapping = tmp_path / "m.toml"
    mapping.write_text('entity = "account"\n[columns]\nname = "Société"\n')
    with pytest.raises(IngestError, match="missing column for name"):
        open_crm_csv(FIXTURES / "custom_accounts.csv", mapping=mapping)


def test_unknown_columns_ask_for_a_mapping(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("foo,bar\n1,2\n")
    with pytest.raises(IngestError, match="unrecognised columns 'foo,bar'.*mapping file") as caught:
        open_crm_csv(path)
    assert caught.value.line == 1


def test_a_row_broken_by_a_stray_delimiter_names_its_line(tmp_path):
    path = tmp_path / "companies.csv"
    path.write_text('"Record ID","Company name"\n"1","Acme"\n"2","Bad","extra"\n')
    crm = open_crm_csv(path)
    with pytest.raises(IngestError) as caught:
        list(crm.records())
    assert caught.value.line == 3
    assert "3 fields but the header has 2" in str(caught.value)


def test_a_binary_file_named_csv_is_refused(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(b"PK\x03\x04\x14\x00\x00\x00xl/workbook.xml")
    with pytest.raises(IngestError, match="binary file"):
        open_crm_csv(path)


def test_a_file_mixing_utf8_and_windows_1252_names_the_line(tmp_path):
    path = tmp_path / "companies.csv"
    path.write_bytes(
        '"Record ID","Company name"\n"1","Société Générale"\n'.encode()
        + '"2","Crédit Agricole"\n'.encode("cp1252")
    )
    with pytest.raises(IngestError) as caught:
        open_crm_csv(path)
    assert caught.value.line == 3
    assert "mixes UTF-8 with another encoding" in str(caught.value)
