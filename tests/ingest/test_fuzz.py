"""Any bytes give a result or an IngestError, never another exception."""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from confiance.ingest.calendar import parse_ics
from confiance.ingest.crm import open_crm_csv
from confiance.ingest.email import iter_mbox, parse_eml
from confiance.ingest.errors import IngestError
from confiance.ingest.transcripts import parse_transcript
from tests.ingest.conftest import FIXTURES

FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _mutations(name: str):
    """Random bytes, and real fixtures with random slices replaced: near-valid inputs."""
    seed = (FIXTURES / name).read_bytes()
    mutated = st.tuples(st.integers(0, len(seed)), st.integers(0, 64), st.binary(max_size=64)).map(
        lambda t: seed[: t[0]] + t[2] + seed[t[0] + t[1] :]
    )
    return st.one_of(st.binary(max_size=2048), mutated)


def _accepts(function, *args) -> None:
    try:
        function(*args)
    except IngestError as exc:
        assert str(exc)


@FUZZ
@given(data=_mutations("zoom.vtt"))
def test_vtt_parser_never_crashes(data):
    _accepts(parse_transcript, data, "fuzz.vtt")


@FUZZ
@given(data=_mutations("teams.vtt"))
def test_teams_vtt_parser_never_crashes(data):
    _accepts(parse_transcript, data, "fuzz.vtt")


@FUZZ
@given(data=_mutations("call.srt"))
def test_srt_parser_never_crashes(data):
    _accepts(parse_transcript, data, "fuzz.srt")


@FUZZ
@given(data=st.one_of(_mutations("gmail_reply.eml"), _mutations("outlook_reply.eml")))
def test_eml_parser_never_crashes(data):
    _accepts(parse_eml, data, "fuzz.eml")


@FUZZ
@given(data=_mutations("html_only.eml"))
def test_html_mail_parser_never_crashes(data):
    _accepts(parse_eml, data, "fuzz.eml")


@FUZZ
@given(data=_mutations("thunderbird.mbox"))
def test_mbox_reader_never_crashes(data):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "fuzz.mbox"
        path.write_bytes(data)
        _accepts(lambda: list(iter_mbox(path)))


@FUZZ
@given(data=st.one_of(_mutations("google.ics"), _mutations("outlook.ics")))
def test_calendar_parser_never_crashes(data):
    window_start = datetime(2026, 11, 1, tzinfo=UTC)
    _accepts(
        lambda: parse_ics(
            data,
            "fuzz.ics",
            window_start=window_start,
            window_end=window_start + timedelta(days=90),
        )
    )


@FUZZ
@given(
    data=st.one_of(
        *(
            _mutations(n)
            for n in ("hubspot_companies.csv", "salesforce_accounts.csv", "hubspot_deals.csv")
        )
    )
)
def test_crm_csv_reader_never_crashes(data):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "fuzz.csv"
        path.write_bytes(data)
        _accepts(lambda: list(open_crm_csv(path).records()))
