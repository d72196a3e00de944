"""``POST /coach``: analyse a text or a transcript without storing anything."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from confiance.api.analysis import (
    MAX_TEXT,
    MAX_TURNS,
    TranscriptFileIn,
    TurnIn,
    analyse,
    invalid,
    pick_input,
)
from confiance.api.auth import read_only_ok
from confiance.api.errors import ERRORS
from confiance.api.types import Input, chars

router = Router(tags=["coach"])


class CoachRequest(Input):
    text: chars(MAX_TEXT) | None = Field(None, description="Notes, an e-mail or any prose.")
    transcript: list[TurnIn] | None = Field(None, max_length=MAX_TURNS)
    transcript_file: TranscriptFileIn | None = None
    lang: Literal["fr", "en"] | None = Field(None, description="Detected when left out.")
    reference_date: dt.date | None = Field(
        None, description="Resolves relative due dates such as “by Friday”; today by default."
    )


class CoachSpan(Schema):
    start: int
    end: int
    text: str
    segment: int | None = None


class CoachFinding(CoachSpan):
    category: str
    severity: int
    rule: str
    explanation: str
    rewrite: str
    question: str


class CoachMove(CoachSpan):
    category: str
    rule: str


class CoachCommitment(CoachSpan):
    speaker: str | None = None
    party: str
    action: str
    due_date: dt.date | None = None


class CoachSpeaker(Schema):
    speaker: str
    words: int
    word_share: float
    seconds: float | None = None
    time_share: float | None = None
    questions: int
    longest_monologue_words: int
    longest_monologue_seconds: float | None = None
    tone: float


class CoachSegment(Schema):
    index: int
    speaker: str
    lang: str
    tone: float


class CoachResult(Schema):
    lang: str
    tone: float
    findings: list[CoachFinding]
    moves: list[CoachMove]
    commitments: list[CoachCommitment]
    speakers: list[CoachSpeaker]
    segments: list[CoachSegment]


@router.post("/coach", response={200: CoachResult, **ERRORS}, auth=read_only_ok)
def coach(request, payload: CoachRequest):
    """Analyse a text or a transcript and return the coach's reading; nothing is stored.

    A read-only token may call it: it changes nothing.
    """
    body, turns = pick_input(payload.text, payload.transcript, payload.transcript_file)
    if not (body and body.strip()) and not turns:
        raise invalid("text", _("Give a text, a transcript or a transcript file to analyse."))
    return analyse(body, turns, lang=payload.lang, reference_date=payload.reference_date)
