"""Meetings, calls, e-mails and notes, with their transcript segments."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from confiance.common import Language, Timestamped, require_aware


class InteractionKind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    CALL = "call", _("Call")
    EMAIL = "email", _("E-mail")
    NOTE = "note", _("Note")
    PREP_NOTE = "prep_note", _("Prep note")


class Source(models.TextChoices):
    MANUAL = "manual", _("Typed in")
    EML = "eml", _("E-mail file")
    MBOX = "mbox", _("Mailbox archive")
    VTT = "vtt", _("WebVTT transcript")
    SRT = "srt", _("SRT transcript")
    ICS = "ics", _("Calendar")
    CSV = "csv", _("CSV export")
    API = "api", _("API")


class Interaction(Timestamped):
    account = models.ForeignKey(
        "accounts.Account",
        on_delete=models.CASCADE,
        related_name="interactions",
        verbose_name=_("account"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=InteractionKind.choices)
    occurred_at = models.DateTimeField(_("occurred at"))
    duration = models.DurationField(_("duration"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    body = models.TextField(_("text"), blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, blank=True)
    source = models.CharField(
        _("source"), max_length=8, choices=Source.choices, default=Source.MANUAL
    )
    external_id = models.CharField(_("external id"), max_length=300, blank=True)
    content_hash = models.CharField(_("content hash"), max_length=64, blank=True)
    contacts = models.ManyToManyField(
        "accounts.Contact",
        blank=True,
        related_name="interactions",
        verbose_name=_("contacts present"),
    )
    users = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="interactions",
        verbose_name=_("colleagues present"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Cached reading of the coach, refreshed whenever the text changes.
    tone = models.FloatField(_("tone"), null=True, blank=True)
    analysis = models.JSONField(_("analysis"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-occurred_at"]
        verbose_name = _("interaction")
        verbose_name_plural = _("interactions")
        indexes = [
            models.Index(fields=["account", "occurred_at"]),
            models.Index(fields=["kind", "occurred_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["account", "source", "external_id"],
                condition=~models.Q(external_id=""),
                name="interaction_unique_external_id",
            )
        ]

    def __str__(self) -> str:
        return self.title or f"{self.get_kind_display()} {self.occurred_at:%Y-%m-%d}"

    @property
    def is_two_way(self) -> bool:
        """A meeting, call or e-mail is contact with the customer; notes are not."""
        return self.kind in {InteractionKind.MEETING, InteractionKind.CALL, InteractionKind.EMAIL}

    def clean(self) -> None:
        errors = require_aware(self.occurred_at, "occurred_at")
        if self.duration is not None and self.duration < timedelta(0):
            errors["duration"] = ValidationError(
                _("A duration cannot be negative."), code="negative"
            )
        if errors:
            raise ValidationError(errors)


class Segment(models.Model):
    """One timed turn of a transcript."""

    interaction = models.ForeignKey(Interaction, on_delete=models.CASCADE, related_name="segments")
    position = models.PositiveIntegerField(_("position"))
    speaker_label = models.CharField(_("speaker"), max_length=200, blank=True)
    contact = models.ForeignKey(
        "accounts.Contact", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    start = models.FloatField(_("start (s)"), null=True, blank=True)
    end = models.FloatField(_("end (s)"), null=True, blank=True)
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["interaction", "position"]
        verbose_name = _("transcript segment")
        verbose_name_plural = _("transcript segments")
        constraints = [
            models.UniqueConstraint(
                fields=["interaction", "position"], name="segment_unique_position"
            )
        ]

    def __str__(self) -> str:
        return f"{self.speaker_label}: {self.text[:40]}"

    def clean(self) -> None:
        if self.start is not None and self.start < 0:
            raise ValidationError({"start": _("A start time cannot be negative.")})
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValidationError({"end": _("A segment cannot end before it starts.")})
