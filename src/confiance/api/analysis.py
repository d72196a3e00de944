"""Running the coach for the API: text or transcript in, the engine's JSON result out.

The engine (``confiance.coach``) has no Django in it; this module turns its errors and the
transcript formats (WebVTT, SRT through ``confiance.ingest``) into the API's 422s.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.utils.translation import gettext as _
from ninja import Field

from confiance.api.errors import ApiError
from confiance.api.types import Input, chars

MAX_TEXT = 200_000
MAX_TURNS = 5_000


class TurnIn(Input):
    speaker: chars(200) = ""
    text: chars(20_000)
    start: float | None = Field(None, ge=0, le=1e7, allow_inf_nan=False)
    end: float | None = Field(None, ge=0, le=1e7, allow_inf_nan=False)


class TranscriptFileIn(Input):
    format: Literal["vtt", "srt"]
    content: chars(MAX_TEXT, min_length=1) = Field(
        ..., description="The whole WebVTT or SRT file, as text."
    )


def invalid(field: str, message: str, code: str = "invalid") -> ApiError:
    return ApiError(
        422,
        "invalid_request",
        _("The request is not valid; see the details."),
        details=[{"field": field, "code": code, "message": message}],
    )


def turns_from_file(upload: TranscriptFileIn) -> list[TurnIn]:
    """Parse a WebVTT/SRT upload into turns; a bad file is a 422 naming the line."""
    from confiance.ingest.errors import IngestError
    from confiance.ingest.transcripts import parse_transcript

    try:
        transcript = parse_transcript(upload.content, f"transcript.{upload.format}")
    except IngestError as exc:
        # In the request's language, like every API message.
        message = exc.translated(_)
        raise invalid("transcript_file.content", message, "unreadable_transcript") from exc
    if not transcript.turns:
        raise invalid("transcript_file.content", _("This transcript has no speech in it."))
    return [
        TurnIn(speaker=t.speaker, text=t.text, start=t.start, end=t.end) for t in transcript.turns
    ]


def pick_input(
    body: str | None, turns: list[TurnIn] | None, upload: TranscriptFileIn | None
) -> tuple[str | None, list[TurnIn] | None]:
    """Accept exactly one of text, transcript turns or a transcript file."""
    given = [
        name
        for name, value in (("text", body), ("transcript", turns), ("transcript_file", upload))
        if value
    ]
    if len(given) > 1:
        raise invalid(given[1], _("Give a text, a transcript or a transcript file, not several."))
    if upload is not None:
        return None, turns_from_file(upload)
    return body, turns


def analyse(
    body: str | None,
    turns: list[TurnIn] | None,
    *,
    lang: str | None = None,
    reference_date: dt.date | None = None,
) -> dict:
    """Run ``confiance.coach.analyze``; an unknown language is a 422."""
    from confiance.coach import TranscriptTurn, UnknownLanguageError, analyze

    segments = (
        [TranscriptTurn(speaker=t.speaker, text=t.text, start=t.start, end=t.end) for t in turns]
        if turns
        else None
    )
    try:
        if segments:
            return analyze(segments=segments, lang=lang, reference_date=reference_date)
        return analyze(body or "", lang=lang, reference_date=reference_date)
    except UnknownLanguageError as exc:
        raise invalid("lang", str(exc), "unknown_language") from exc
