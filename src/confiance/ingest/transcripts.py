"""WebVTT (as Zoom and Microsoft Teams write it) and SRT transcripts -> timed turns.

Shapes handled (see docs/import-export.md for where each comes from):

* Zoom: numbered cues, the speaker as a ``Name: text`` prefix.
* Microsoft Teams: cue ids such as ``3f2a.../12-0``, the speaker in a voice tag
  ``<v Sophie Martin>text</v>``; one cue may hold several voice tags.
* Any WebVTT: header text, ``NOTE``/``STYLE``/``REGION`` blocks, cue settings, multi-line
  cues, inline tags (``<c>``, ``<b>``, karaoke timestamps) and HTML entities.
* SRT: index line, ``00:00:01,000 --> 00:00:04,000`` timing, text lines.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import PurePath

from confiance.ingest.errors import IngestError, Quoted
from confiance.ingest.i18n import gettext_noop
from confiance.ingest.text import decode_text

_VTT_TIME = re.compile(r"^(?:(\d{1,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$")
_SRT_TIME = re.compile(r"^(\d{1,}):([0-5]\d):([0-5]\d)[,.](\d{1,3})$")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:\s+([^>]*))?>(.*?)(?:</v>|(?=<v[\s.>])|$)", re.S)
_TAG = re.compile(r"</?[^>]*>")
# "Sophie Martin: text" — a short name of letters, no digits, so "10:30" is not a speaker.
_PREFIX = re.compile(r"^([^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]{1,2}[^\W\d_]+){0,4})\s?:\s+(\S.*)$", re.S)


@dataclass(frozen=True)
class Turn:
    """One cue (or one voice inside a cue): who spoke, when, what."""

    speaker: str
    start: float
    end: float
    text: str


@dataclass
class Transcript:
    format: str  # "vtt" or "srt"
    turns: list[Turn] = field(default_factory=list)

    @property
    def speakers(self) -> list[str]:
        """Named speakers in order of first appearance."""
        seen: dict[str, None] = {}
        for turn in self.turns:
            if turn.speaker:
                seen.setdefault(turn.speaker, None)
        return list(seen)


def parse_transcript(data: bytes | str, filename: str) -> Transcript:
    """Parse a WebVTT or SRT transcript; the content decides, the extension must agree.

    Raises IngestError naming the file and line for anything that is not a transcript.
    """
    text = decode_text(data, filename, what="transcript").replace("\r\n", "\n").replace("\r", "\n")
    suffix = PurePath(filename).suffix.lower()
    stripped = text.lstrip("\n \t")
    if stripped.startswith("WEBVTT"):
        if suffix == ".srt":
            raise IngestError(
                gettext_noop("this is a WebVTT file, not SRT: rename it .vtt"), filename=filename
            )
        transcript = Transcript("vtt", _parse_vtt(text, filename))
    elif suffix == ".vtt":
        raise IngestError(
            gettext_noop("not a WebVTT file: the first line must be 'WEBVTT'"),
            filename=filename,
            line=1,
        )
    else:
        transcript = Transcript("srt", _parse_srt(text, filename))
    if not transcript.turns:
        raise IngestError(gettext_noop("the transcript holds no cue with text"), filename=filename)
    return transcript


def _blocks(text: str):
    """Yield (first line number, lines) for each blank-line separated block."""
    lines: list[str] = []
    start = 1
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not lines:
                start = number
            lines.append(line)
        elif lines:
            yield start, lines
            lines = []
    if lines:
        yield start, lines


def _seconds(match: re.Match[str], millis_digits: int | None = None) -> float:
    hours, minutes, seconds, fraction = match.groups()
    fraction_value = int(fraction) / (10 ** len(fraction)) if fraction else 0.0
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + fraction_value


def _timing(line: str, pattern: re.Pattern[str], filename: str, number: int) -> tuple[float, float]:
    left, _arrow, rest = line.partition("-->")
    parts = rest.split()
    if not parts:
        raise IngestError(
            gettext_noop("cue timing without an end time: %(timing)s"),
            params={"timing": Quoted(line.strip())},
            filename=filename,
            line=number,
        )
    times = []
    for raw in (left.strip(), parts[0]):
        match = pattern.match(raw)
        if not match:
            raise IngestError(
                gettext_noop("invalid timestamp %(value)s"),
                params={"value": Quoted(raw)},
                filename=filename,
                line=number,
            )
        times.append(_seconds(match))
    start, end = times
    if end < start:
        raise IngestError(
            gettext_noop("cue ends (%(end)s) before it starts (%(start)s)"),
            params={"end": parts[0], "start": left.strip()},
            filename=filename,
            line=number,
        )
    return start, end


def _parse_vtt(text: str, filename: str) -> list[Turn]:
    turns: list[Turn] = []
    for index, (number, lines) in enumerate(_blocks(text)):
        if index == 0 and lines[0].lstrip().startswith("WEBVTT"):
            if any("-->" in line for line in lines[1:]):
                raise IngestError(
                    gettext_noop("a blank line must follow the WEBVTT header"),
                    filename=filename,
                    line=number,
                )
            continue
        head = lines[0].strip()
        if head.startswith(("NOTE", "STYLE", "REGION")) and "-->" not in head:
            continue
        timing_at = 0 if "-->" in lines[0] else 1
        if timing_at >= len(lines) or "-->" not in lines[timing_at]:
            raise IngestError(
                gettext_noop(
                    "expected a cue timing line such as '00:00:01.000 --> 00:00:04.000', "
                    "got %(got)s"
                ),
                params={"got": Quoted(head[:60])},
                filename=filename,
                line=number,
            )
        start, end = _timing(lines[timing_at], _VTT_TIME, filename, number + timing_at)
        payload = "\n".join(lines[timing_at + 1 :])
        turns.extend(_turns_of(payload, start, end))
    return turns


def _parse_srt(text: str, filename: str) -> list[Turn]:
    turns: list[Turn] = []
    for number, lines in _blocks(text):
        timing_at = 0 if "-->" in lines[0] else 1
        if timing_at == 1 and not lines[0].strip().isdigit():
            raise IngestError(
                gettext_noop("not an SRT cue: expected a cue number, got %(got)s"),
                params={"got": Quoted(lines[0].strip()[:60])},
                filename=filename,
                line=number,
            )
        if timing_at >= len(lines) or "-->" not in lines[timing_at]:
            raise IngestError(
                gettext_noop("expected a timing line such as '00:00:01,000 --> 00:00:04,000'"),
                filename=filename,
                line=number + timing_at,
            )
        start, end = _timing(lines[timing_at], _SRT_TIME, filename, number + timing_at)
        turns.extend(_turns_of("\n".join(lines[timing_at + 1 :]), start, end))
    return turns


def _clean(fragment: str) -> str:
    text = html.unescape(_TAG.sub("", fragment))
    text = text.replace("\u200e", "").replace("\u200f", "").replace("\xa0", " ")
    return " ".join(text.split())


def _turns_of(payload: str, start: float, end: float) -> list[Turn]:
    """Split a cue payload into turns: one per voice tag, else one with a name prefix."""
    if "<v" in payload:
        voices = [
            (_clean(name or ""), _clean(body))
            for name, body in _VOICE.findall(payload)
            if _clean(body)
        ]
        if voices:
            return [Turn(speaker, start, end, body) for speaker, body in voices]
    text = _clean(payload)
    if not text:
        return []
    match = _PREFIX.match(text)
    if match:
        return [Turn(match.group(1).strip(), start, end, match.group(2).strip())]
    return [Turn("", start, end, text)]
