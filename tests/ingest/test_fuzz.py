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
        # Whatever the bytes, the message also renders in French (no placeholder missing).
        assert exc.render("fr")


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


_HTML_TOKENS = ["<div>", "</div>", "<blockquote>", "</blockquote>", "<br>", "<p>", "</p>"]
_HTML_TOKENS += ['<div class="gmail_quote">', "<script>", "</script>", "&amp;", "&#0;", "<", ">"]


@FUZZ
@given(tokens=st.lists(st.one_of(st.sampled_from(_HTML_TOKENS), st.text(max_size=12)), max_size=60))
def test_html_to_text_never_crashes_and_leaves_no_tags(tokens):
    from confiance.ingest.htmltext import html_to_text

    text = html_to_text("".join(tokens))
    assert "<div>" not in text and "<blockquote>" not in text


def _lines(part: str) -> list[str]:
    return [line.strip() for line in part.splitlines() if line.strip()]


@FUZZ
@given(
    pieces=st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "> quoted",
                    "-- ",
                    "Best regards,",
                    "Cordialement,",
                    "On Mon, Nov 16 X wrote:",
                    "From: a",
                    "Sent: b",
                    "Sent from my iPhone",
                    "",
                ]
            ),
            st.text(max_size=40),
        ),
        max_size=25,
    )
)
def test_reply_splitting_loses_no_line(pieces):
    from confiance.ingest.replies import split_reply

    text = "\n".join(pieces)
    body, quoted, signature = split_reply(text)
    everything = _lines(text)
    got = _lines(body) + _lines(signature) + _lines(quoted)
    if got != everything:
        # Only the "-- " delimiter between text and signature may be dropped.
        at = len(_lines(body))
        assert everything[at] == "--"
        assert everything[:at] + everything[at + 1 :] == got
