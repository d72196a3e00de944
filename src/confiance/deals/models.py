"""Opportunities, the "no"s among them and the perseverance plans they open."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from confiance.common import Currency, Timestamped, non_negative


class Stage(models.TextChoices):
    DISCOVERY = "discovery", _("Discovery")
    QUALIFICATION = "qualification", _("Qualification")
    PROPOSAL = "proposal", _("Proposal")
    NEGOTIATION = "negotiation", _("Negotiation")
    CLOSED = "closed", _("Closed")


class Outcome(models.TextChoices):
    OPEN = "open", _("Open")
    WON = "won", _("Won")
    LOST = "lost", _("Lost")
    NO_DECISION = "no_decision", _("No decision")


NO_OUTCOMES = {Outcome.LOST, Outcome.NO_DECISION}


class LossReason(models.TextChoices):
    PRICE = "price", _("Price")
    COMPETITOR = "competitor", _("Competitor")
    TIMING = "timing", _("Timing")
    NO_NEED = "no_need", _("No need")
    OTHER = "other", _("Other")


class Opportunity(Timestamped):
    account = models.ForeignKey(
        "accounts.Account",
        on_delete=models.CASCADE,
        related_name="opportunities",
        verbose_name=_("account"),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="opportunities",
        verbose_name=_("seller"),
    )
    title = models.CharField(_("title"), max_length=200)
    stage = models.CharField(
        _("stage"), max_length=16, choices=Stage.choices, default=Stage.DISCOVERY
    )
    amount = models.DecimalField(
        _("amount"), max_digits=14, decimal_places=2, default=0, validators=non_negative
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.EUR
    )
    expected_close = models.DateField(_("expected close"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=12, choices=Outcome.choices, default=Outcome.OPEN
    )
    loss_reason = models.CharField(
        _("reason for the no"), max_length=12, choices=LossReason.choices, blank=True
    )
    competitor = models.CharField(_("competitor"), max_length=200, blank=True)
    competitor_price_gap_pct = models.DecimalField(
        _("competitor price gap (%)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(-100), MaxValueValidator(100)],
        help_text=_(
            "How much cheaper (positive) or dearer (negative) the competitor claims to be."
        ),
    )
    decided_at = models.DateField(_("decided on"), null=True, blank=True)
    discount_pct = models.DecimalField(
        _("discount (%)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        indexes = [
            models.Index(fields=["account", "outcome"]),
            models.Index(fields=["outcome", "decided_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_no(self) -> bool:
        return self.outcome in NO_OUTCOMES

    def clean(self) -> None:
        errors: dict[str, ValidationError] = {}
        if self.outcome in NO_OUTCOMES and not self.loss_reason:
            errors["loss_reason"] = ValidationError(
                _("Say why the customer said no."), code="reason_missing"
            )
        if self.outcome != Outcome.OPEN and not self.decided_at:
            errors["decided_at"] = ValidationError(
                _("Give the date of the decision."), code="decided_missing"
            )
        if self.outcome == Outcome.OPEN and self.decided_at:
            errors["decided_at"] = ValidationError(
                _("An open opportunity has no decision date."), code="decided_open"
            )
        if self.outcome not in NO_OUTCOMES and self.loss_reason:
            errors["loss_reason"] = ValidationError(
                _("Only a lost or undecided opportunity has a reason for the no."),
                code="reason_not_no",
            )
        if self.competitor_price_gap_pct is not None and not self.competitor:
            errors["competitor"] = ValidationError(
                _("Name the competitor whose price is compared."), code="competitor_missing"
            )
        if errors:
            raise ValidationError(errors)


class PlanResult(models.TextChoices):
    PENDING = "pending", _("In progress")
    REVERSED = "reversed", _("Won back")
    CONFIRMED = "confirmed", _("No confirmed")


class FollowUpPlan(Timestamped):
    """The perseverance plan that a "no" opens."""

    opportunity = models.OneToOneField(
        Opportunity, on_delete=models.CASCADE, related_name="plan", verbose_name=_("opportunity")
    )
    opened_on = models.DateField(_("opened on"))
    result = models.CharField(
        _("result"), max_length=12, choices=PlanResult.choices, default=PlanResult.PENDING
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    class Meta:
        ordering = ["-opened_on"]
        verbose_name = _("perseverance plan")
        verbose_name_plural = _("perseverance plans")
        indexes = [models.Index(fields=["result", "opened_on"])]

    def __str__(self) -> str:
        return f"{self.opportunity}"


class StepKind(models.TextChoices):
    CALL_BACK = "call_back", _("Call back")
    COMPARE = "compare", _("Compare like for like")
    RESTATE_NEEDS = "restate_needs", _("Re-state what the customer needs")
    DECIDE_TOGETHER = "decide_together", _("Decide together")
    CHECK_TIMING = "check_timing", _("Check the timing again")


class PlanStep(models.Model):
    plan = models.ForeignKey(FollowUpPlan, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(_("position"))
    kind = models.CharField(_("kind"), max_length=16, choices=StepKind.choices)
    due_date = models.DateField(_("due date"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["plan", "position"]
        verbose_name = _("plan step")
        verbose_name_plural = _("plan steps")
        indexes = [models.Index(fields=["done_on", "due_date"])]

    def __str__(self) -> str:
        return self.get_kind_display()

    @property
    def hint(self) -> str:
        """What this step is about, in the reader's language (the comparison's price gap)."""
        if self.kind != StepKind.COMPARE:
            return ""
        opportunity = self.plan.opportunity
        return comparison_hint(opportunity.competitor, opportunity.competitor_price_gap_pct)


def comparison_hint(competitor: str, gap) -> str:
    """The like-for-like reminder of a comparison step, in the active language."""
    from django.utils.translation import gettext

    if competitor and gap is not None:
        return gettext("%(competitor)s is said to be %(gap)s%% cheaper: compare like for like.") % {
            "competitor": competitor,
            "gap": f"{float(gap):g}",
        }
    if competitor:
        return gettext("Compare our offer with %(competitor)s's, like for like.") % {
            "competitor": competitor
        }
    return gettext("Compare like for like before accepting the price gap.")
