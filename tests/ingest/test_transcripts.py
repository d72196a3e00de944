from __future__ import annotations

import pytest

from confiance.ingest.errors import IngestError
from confiance.ingest.transcripts import parse_transcript


def test_zoom_vtt_gives_speakers_from_name_prefixes(fixture_bytes):
    transcript = parse_transcript(fixture_bytes("zoom.vtt"), "zoom.vtt")
    assert transcript.format == "vtt"
    assert transcript.speakers == ["Sophie Martin", "Claire Dubois"]
    first, second = transcript.turns[:2]
    assert (first.start, first.end) == (1.35, 6.12)
    assert first.text.startswith("Thanks for making the time today.")
    # A cue written over two lines is one turn.
    assert second.text.endswith("paying too much for the same licences.")


def test_teams_vtt_reads_voice_tags_ids_notes_and_entities(fixture_bytes):
    transcript = parse_transcript(fixture_bytes("teams.vtt"), "teams.vtt")
    assert transcript.speakers == ["Sophie Martin", "Claire Dubois", "Paul Leroy"]
    assert transcript.turns[0].text == "Bonjour à tous, merci d'être là."
    assert "12 & quelque" in transcript.turns[1].text
    # One cue with two voices gives two turns at the same time.
    assert [(t.speaker, t.start) for t in transcript.turns[-2:]] == [
        ("Claire Dubois", 23.0),
        ("Paul Leroy", 23.0),
    ]
    assert not any("NOTE" in t.text for t in transcript.turns)


def test_srt_is_parsed(fixture_bytes):
    transcript = parse_transcript(fixture_bytes("call.srt"), "call.srt")
    assert transcript.format == "srt"
    assert [t.speaker for t in transcript.turns] == [
        "Sophie Martin",
        "Claire Dubois",
        "Sophie Martin",
    ]
    assert transcript.turns[1].text == "Better than expected, but the team needs more training."
    assert transcript.turns[2].end == 15.75


def test_srt_in_windows_1252_is_decoded():
    data = "1\r\n00:00:01,000 --> 00:00:02,000\r\nHélène: Très bien.\r\n".encode("cp1252")
    transcript = parse_transcript(data, "call.srt")
    assert transcript.turns[0].speaker == "Hélène"
    assert transcript.turns[0].text == "Très bien."


def test_timestamps_and_hours_are_optional_in_vtt():
    transcript = parse_transcript("WEBVTT\n\n01:02.500 --> 01:03.000\nhello\n", "a.vtt")
    assert transcript.turns[0].start == 62.5
    assert transcript.turns[0].speaker == ""


def test_a_clock_time_is_not_taken_for_a_speaker():
    transcript = parse_transcript("WEBVTT\n\n00:01.000 --> 00:02.000\n10: 30 then\n", "a.vtt")
    assert transcript.turns[0].speaker == ""


@pytest.mark.parametrize(
    ("content", "line", "needle"),
    [
        ("WEBVTT\n\n1\n00:00:6.5 --> 00:00:07.000\nhi\n", 4, "invalid timestamp '00:00:6.5'"),
        ("WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nhi\n", 3, "before it starts"),
        ("WEBVTT\n\n1\nno timing here\nhi\n", 3, "expected a cue timing line"),
        ("WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nhi\n", 3, "invalid timestamp"),
    ],
)
def test_invalid_vtt_names_the_line(content, line, needle):
    with pytest.raises(IngestError) as caught:
        parse_transcript(content.encode(), "call.vtt")
    assert caught.value.line == line
    assert needle in str(caught.value)
    assert str(caught.value).startswith(f"call.vtt, line {line}:")


def test_a_file_that_is_not_what_its_extension_says_is_refused():
    with pytest.raises(IngestError, match="not a WebVTT file"):
        parse_transcript(b"Hello, this is a plain text file.\n", "meeting.vtt")
    with pytest.raises(IngestError, match="binary file"):
        parse_transcript(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "meeting.srt")
    with pytest.raises(IngestError, match="not an SRT cue"):
        parse_transcript(b"name,email\nSophie,s@x.example\n", "meeting.srt")


def test_a_transcript_without_text_is_refused():
    with pytest.raises(IngestError, match="no cue with text"):
        parse_transcript(b"WEBVTT\n\nNOTE nothing said\n", "empty.vtt")
