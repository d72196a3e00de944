"""Run the coach on an interaction and keep its reading on the interaction."""

from __future__ import annotations

from confiance.interactions.models import Interaction

EMPTY = {
    "lang": None,
    "tone": None,
    "findings": [],
    "moves": [],
    "commitments": [],
    "speakers": [],
    "segments": [],
}


def analyse_interaction(interaction: Interaction, *, save: bool = True) -> dict:
    """The coach's reading of ``interaction`` (its transcript when it has one), cached."""
    from confiance.coach import TranscriptTurn, analyze

    segments = list(interaction.segments.all())
    if not segments and not (interaction.body or "").strip():
        # Nothing was said (a planned meeting, say): no reading, and no tone to skew trends.
        if save and (interaction.analysis is not None or interaction.tone is not None):
            interaction.analysis = interaction.tone = None
            interaction.save(update_fields=["analysis", "tone", "updated_at"])
        return dict(EMPTY)
    lang = interaction.language or None
    reference = interaction.occurred_at.date() if interaction.occurred_at else None
    if segments:
        turns = [
            TranscriptTurn(speaker=s.speaker_label or "?", text=s.text, start=s.start, end=s.end)
            for s in segments
        ]
        result = analyze(segments=turns, lang=lang, reference_date=reference)
    else:
        result = analyze(interaction.body or "", lang=lang, reference_date=reference)
    if save:
        interaction.analysis = result
        interaction.tone = result.get("tone")
        if not interaction.language and result.get("lang") in {"fr", "en"}:
            interaction.language = result["lang"]
        interaction.save(update_fields=["analysis", "tone", "language", "updated_at"])
    return result


def reading(interaction: Interaction) -> dict:
    """The cached reading, computed on first use."""
    if interaction.analysis:
        return interaction.analysis
    return analyse_interaction(interaction)
