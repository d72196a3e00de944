"""The interaction page: text or transcript with findings in place, talk share, commitments."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from confiance.interactions.models import Interaction, Segment
from confiance.ledger.models import Party
from confiance.web.analysis import reading
from confiance.web.decorators import visible
from confiance.web.highlight import by_segment, pieces
from confiance.web.views.coach import category_labels


def likely_side(found: dict, segments: list[Segment]) -> str:
    """Whose promise a found commitment probably is: the speaker's side when it is known.

    A colleague speaking makes it ours, a contact speaking makes it theirs; in notes (no
    speaker) the writer is one of us.
    """
    index = found.get("segment")
    if index is not None and 0 <= index < len(segments):
        segment = segments[index]
        if segment.contact_id and not segment.user_id:
            return Party.THEIRS
    return Party.OURS


def _due(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


@login_required
def interaction_detail(request: HttpRequest, pk: int) -> HttpResponse:
    interaction = visible(Interaction, request.user, pk)
    result = reading(interaction)
    findings = by_segment(result.get("findings", []))
    moves = by_segment(result.get("moves", []))
    segments = list(interaction.segments.all())
    turns = [
        {
            "segment": segment,
            "pieces": pieces(
                segment.text,
                findings.get(index, []),
                moves=moves.get(index, []),
                prefix=f"s{index}f",
            ),
        }
        for index, segment in enumerate(segments)
    ]
    body = (
        []
        if segments
        else pieces(interaction.body, findings.get(None, []), moves=moves.get(None, []))
    )
    already = set(interaction.commitments.values_list("description", flat=True))
    found = [
        {
            **c,
            "added": c["text"] in already,
            "due": _due(c.get("due_date")),
            "side": likely_side(c, segments),
        }
        for c in result.get("commitments", [])
    ]
    return render(
        request,
        "web/interaction_detail.html",
        {
            "interaction": interaction,
            "account": interaction.account,
            "result": result,
            "turns": turns,
            "body": body,
            "found": found,
            "labels": category_labels(),
            "nav": "accounts",
        },
    )
