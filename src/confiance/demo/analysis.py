"""Run the coach over the demo's interactions and cache its reading on each row."""

from __future__ import annotations

from collections import defaultdict

from django.utils import timezone

from confiance.coach import TranscriptTurn, analyze
from confiance.interactions.models import Interaction, Segment


def analyse_interactions(rows: list[Interaction], segments: list[Segment]) -> int:
    """Fill ``tone`` and ``analysis`` of saved ``rows`` in one bulk update; return the count."""
    turns: dict[int, list[TranscriptTurn]] = defaultdict(list)
    for segment in segments:  # already in position order
        turns[segment.interaction_id].append(
            TranscriptTurn(segment.speaker_label, segment.text, segment.start, segment.end)
        )
    for row in rows:
        when = timezone.localtime(row.occurred_at).date()
        if row.pk in turns:
            result = analyze(segments=turns[row.pk], lang=row.language, reference_date=when)
        else:
            result = analyze(row.body, lang=row.language, reference_date=when)
        row.tone, row.analysis = result["tone"], result
    Interaction.objects.bulk_update(rows, ["tone", "analysis"], batch_size=200)
    return len(rows)
