"""Import runs, the external ids that make imports idempotent, e-mail threads, erasures."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RunStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class ImportRun(models.Model):
    """One file being imported from the web page; polled for its progress."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    account = models.ForeignKey(
        "accounts.Account", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    filename = models.CharField(_("file"), max_length=255)
    dry_run = models.BooleanField(_("dry run"), default=False)
    status = models.CharField(
        _("status"), max_length=8, choices=RunStatus.choices, default=RunStatus.PENDING
    )
    processed = models.PositiveIntegerField(_("processed"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    report = models.JSONField(_("report"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")

    def __str__(self) -> str:
        return self.filename

    @property
    def percent(self) -> int:
        if self.status == RunStatus.DONE:
            return 100
        return min(99, int(100 * self.processed / self.total)) if self.total else 0


class ExternalRef(models.Model):
    """The id a CRM gave to an account, contact or opportunity we created from its export."""

    team = models.ForeignKey("users.Team", on_delete=models.CASCADE, related_name="+")
    source = models.CharField(max_length=16)  # hubspot, salesforce, mapping
    entity = models.CharField(max_length=16)  # account, contact, opportunity
    external_id = models.CharField(max_length=300)
    object_id = models.PositiveBigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["team", "source", "entity", "external_id"], name="externalref_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source}:{self.entity}:{self.external_id}"


class EmailMessage(models.Model):
    """Mail headers kept beside an e-mail interaction so that threads stay together."""

    interaction = models.OneToOneField(
        "interactions.Interaction", on_delete=models.CASCADE, related_name="email_message"
    )
    message_id = models.CharField(max_length=300, blank=True, db_index=True)
    in_reply_to = models.CharField(max_length=300, blank=True)
    thread_key = models.CharField(max_length=300, db_index=True)
    sender_contact = models.ForeignKey(
        "accounts.Contact", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sender_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    attachments = models.JSONField(default=list, blank=True)

    def __str__(self) -> str:
        return self.message_id or self.thread_key


class ErasureRecord(models.Model):
    """The audit trail of a GDPR erasure: who and when, never whose data."""

    performed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    performed_at = models.DateTimeField(_("performed at"), auto_now_add=True)
    via = models.CharField(_("via"), max_length=8)  # "cli" or "web"
    contacts = models.PositiveIntegerField(_("contacts erased"), default=0)
    segments = models.PositiveIntegerField(_("transcript turns erased"), default=0)
    messages = models.PositiveIntegerField(_("e-mails erased"), default=0)

    class Meta:
        ordering = ["-performed_at"]
        verbose_name = _("erasure record")
        verbose_name_plural = _("erasure records")

    def __str__(self) -> str:
        return f"{self.performed_at:%Y-%m-%d %H:%M}"
