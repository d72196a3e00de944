"""The interaction page: text or transcript with findings in place, talk share, commitments."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from confiance.interactions.models import Interaction
from confiance.web.analysis import reading
from confiance.web.decorators import visible
from confiance.web.highlight import by_segment, pieces
from confiance.web.views.coach import category_labels


@login_required
def interaction_detail(request: HttpRequest, pk: int) -> HttpResponse:
    interaction = visible(Interaction, request.user, pk)
    result = reading(interaction)
    grouped = by_segment(result.get("findings", []))
    segments = list(interaction.segments.all())
    turns = [
        {
            "segment": segment,
            "pieces": pieces(segment.text, grouped.get(index, []), prefix=f"s{index}f"),
        }
        for index, segment in enumerate(segments)
    ]
    body = [] if segments else pieces(interaction.body, grouped.get(None, []))
    already = set(interaction.commitments.values_list("description", flat=True))
    found = [
        {**c, "added": (c.get("action") or c["text"]) in already or c["text"] in already}
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
