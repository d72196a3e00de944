"""The commitment ledger: what each side promised, invested, risked or conceded."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from confiance.common import Currency, Timestamped, non_negative


class Party(models.TextChoices):
    OURS = "ours", _("Ours")
    THEIRS = "theirs", _("Theirs")


class CommitmentKind(models.TextChoices):
    DELIVERABLE = "deliverable", _("Deliverable")
    INVESTMENT = "investment", _("Investment of time or money")
    RISK = "risk", _("Risk accepted")
    CONCESSION = "concession", _("Concession")
    INFORMATION = "information", _("Information")


class Status(models.TextChoices):
    OPEN = "open", _("Open")
    KEPT = "kept", _("Kept")
    KEPT_LATE = "kept_late", _("Kept late")
    BROKEN = "broken", _("Broken")
    WITHDRAWN = "withdrawn", _("Withdrawn")


RESOLVED = {Status.KEPT, Status.KEPT_LATE, Status.BROKEN, Status.WITHDRAWN}


class Commitment(Timestamped):
    account = models.ForeignKey(
        "accounts.Account",
        on_delete=models.CASCADE,
        related_name="commitments",
        verbose_name=_("account"),
    )
    party = models.CharField(_("side"), max_length=8, choices=Party.choices)
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commitments",
        verbose_name=_("owner (colleague)"),
    )
    owner_contact = models.ForeignKey(
        "accounts.Contact",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commitments",
        verbose_name=_("owner (contact)"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=CommitmentKind.choices)
    description = models.TextField(_("description"))
    value_amount = models.DecimalField(
        _("value"), max_digits=14, decimal_places=2, null=True, blank=True, validators=non_negative
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.EUR
    )
    value_hours = models.DecimalField(
        _("hours"), max_digits=8, decimal_places=1, null=True, blank=True, validators=non_negative
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    resolved_at = models.DateField(_("resolved on"), null=True, blank=True)
    interaction = models.ForeignKey(
        "interactions.Interaction",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commitments",
        verbose_name=_("from interaction"),
    )

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        indexes = [
            models.Index(fields=["account", "party", "status"]),
            models.Index(fields=["status", "due_date"]),
        ]

    def __str__(self) -> str:
        return self.description[:80]

    @property
    def is_overdue(self) -> bool:
        return (
            self.status == Status.OPEN
            and self.due_date is not None
            and self.due_date < timezone.localdate()
        )

    def clean(self) -> None:
        errors: dict[str, ValidationError] = {}
        if self.status in RESOLVED and self.resolved_at is None:
            errors["resolved_at"] = ValidationError(
                _("Give the date on which this commitment was resolved."), code="resolved_missing"
            )
        if self.status == Status.OPEN and self.resolved_at is not None:
            errors["resolved_at"] = ValidationError(
                _("An open commitment has no resolution date."), code="resolved_open"
            )
        late = self.due_date and self.resolved_at and self.resolved_at > self.due_date
        if self.status == Status.KEPT and late:
            errors["status"] = ValidationError(
                _("Kept after its due date: mark it 'kept late'."), code="kept_after_due"
            )
        if self.party == Party.OURS and self.owner_contact_id:
            errors["owner_contact"] = ValidationError(
                _("Our commitments are owned by a colleague, not a contact."), code="owner_side"
            )
        if self.party == Party.THEIRS and self.owner_user_id:
            errors["owner_user"] = ValidationError(
                _("Their commitments are owned by one of their people, not a colleague."),
                code="owner_side",
            )
        if (
            self.owner_contact_id
            and self.account_id
            and self.owner_contact.account_id != self.account_id
        ):
            errors["owner_contact"] = ValidationError(
                _("This contact belongs to another account."), code="cross_account"
            )
        if errors:
            raise ValidationError(errors)

    @transaction.atomic
    def change_status(self, new_status: str, *, on=None, by=None, note: str = "") -> None:
        """Move to ``new_status``, validate it and record the change in the history."""
        old = self.status
        if old == Status.WITHDRAWN and new_status != Status.WITHDRAWN and not note.strip():
            raise ValidationError(
                _("Say why a withdrawn commitment is reopened."), code="reopen_needs_note"
            )
        self.status = new_status
        if new_status == Status.OPEN:
            self.resolved_at = None
        else:
            self.resolved_at = on or self.resolved_at or timezone.localdate()
        self.full_clean()
        self.save()
        CommitmentEvent.objects.create(
            commitment=self, from_status=old, to_status=new_status, by=by, note=note
        )


class CommitmentEvent(models.Model):
    """The history of a commitment's status: who changed it, when and why."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=12, choices=Status.choices)
    to_status = models.CharField(max_length=12, choices=Status.choices)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"
