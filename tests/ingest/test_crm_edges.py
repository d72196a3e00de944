"""CRM CSV files as they really arrive: Excel's "Unicode text" (UTF-16), truncated exports."""

from __future__ import annotations

import pytest

from confiance.ingest.crm import open_crm_csv
from confiance.ingest.errors import IngestError


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_a_utf16_export_with_its_bom_is_read_not_refused_as_binary(tmp_path, encoding):
    # Excel's "Unicode text": UTF-16 with a BOM, tab separated. Every ASCII letter carries
    # a NUL byte, which the binary check used to refuse before looking at the BOM.
    path = tmp_path / "companies.csv"
    text = "Record ID\tCompany name\tCountry/Region\r\n77\tSociété Ünïe\tFrance\r\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    crm = open_crm_csv(path)
    assert (crm.source, crm.entity, crm.delimiter) == ("hubspot", "account", "\t")
    [record] = list(crm.records())
    assert record.get("name") == "Société Ünïe"
    assert record.get("external_id") == "77"


def test_a_bom_followed_by_garbage_is_a_clean_error(tmp_path):
    path = tmp_path / "companies.csv"
    path.write_bytes(b"\xff\xfe\x00\xd8")
    with pytest.raises(IngestError, match="not valid utf-16"):
        list(open_crm_csv(path).records())


def test_a_quote_left_open_by_a_truncated_export_names_its_line(tmp_path):
    path = tmp_path / "companies.csv"
    path.write_text('"Record ID","Company name"\r\n"1","Acme"\r\n"2","Unclosed\r\n')
    crm = open_crm_csv(path)
    with pytest.raises(IngestError) as caught:
        list(crm.records())
    assert caught.value.line == 3
    assert "malformed CSV" in str(caught.value)
