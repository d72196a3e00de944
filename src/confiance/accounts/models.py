"""Customer and prospect accounts, their contacts (stakeholders), topics and positions."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from confiance.common import Currency, Language, Timestamped, non_negative, one_to_five


class AccountKind(models.TextChoices):
    PROSPECT = "prospect", _("Prospect")
    CUSTOMER = "customer", _("Customer")
    FORMER = "former_customer", _("Former customer")


class SizeBand(models.TextChoices):
    MICRO = "1-9", _("1–9 employees")
    SMALL = "10-49", _("10–49 employees")
    MEDIUM = "50-249", _("50–249 employees")
    LARGE = "250-999", _("250–999 employees")
    ENTERPRISE = "1000+", _("1,000+ employees")


class Account(Timestamped):
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=AccountKind.choices)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="owned_accounts",
        verbose_name=_("owner"),
    )
    team = models.ForeignKey(
        "users.Team", on_delete=models.PROTECT, related_name="accounts", verbose_name=_("team")
    )
    shared_with = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="shared_accounts",
        verbose_name=_("shared with"),
    )
    industry = models.CharField(_("industry"), max_length=100, blank=True)
    size_band = models.CharField(_("size"), max_length=8, choices=SizeBand.choices, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True, help_text=_("ISO code"))
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.EN
    )
    annual_value = models.DecimalField(
        _("annual value"), max_digits=14, decimal_places=2, default=0, validators=non_negative
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.EUR
    )
    customer_since = models.DateField(_("customer since"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("account")
        verbose_name_plural = _("accounts")
        indexes = [
            models.Index(fields=["team", "kind"]),
            models.Index(fields=["owner", "kind"]),
            models.Index(fields=["industry"]),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors = {}
        if self.kind == AccountKind.PROSPECT and self.customer_since:
            errors["customer_since"] = ValidationError(
                _("A prospect has no customer-since date."), code="prospect_since"
            )
        if self.country and not (len(self.country) == 2 and self.country.isalpha()):
            errors["country"] = ValidationError(
                _("Use the two-letter ISO country code, such as FR or GB."), code="country"
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs) -> None:
        self.country = (self.country or "").upper()
        super().save(*args, **kwargs)


class BuyingRole(models.TextChoices):
    DECISION_MAKER = "decision_maker", _("Decision maker")
    ECONOMIC_BUYER = "economic_buyer", _("Economic buyer")
    CHAMPION = "champion", _("Champion")
    TECHNICAL_EVALUATOR = "technical_evaluator", _("Technical evaluator")
    USER = "user", _("User")
    FINANCE = "finance", _("Finance")
    PROCUREMENT = "procurement", _("Procurement")
    INFLUENCER = "influencer", _("Influencer")
    BLOCKER = "blocker", _("Blocker")


class Contact(Timestamped):
    """A person in the customer's buying group."""

    account = models.ForeignKey(
        Account, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("account")
    )
    name = models.CharField(_("name"), max_length=200)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True, db_index=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.EN
    )
    buying_role = models.CharField(
        _("buying role"), max_length=24, choices=BuyingRole.choices, default=BuyingRole.USER
    )
    influence = models.PositiveSmallIntegerField(_("influence"), default=3, validators=one_to_five)
    erased_at = models.DateTimeField(_("erased at"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        indexes = [models.Index(fields=["account", "buying_role"])]

    def __str__(self) -> str:
        return self.name

    @property
    def addresses(self) -> list[str]:
        """Every address known for this contact, primary first."""
        extra = [e.address for e in self.extra_emails.all()]
        return ([self.email] if self.email else []) + extra


class ContactEmail(models.Model):
    """A further e-mail address of a contact, used to match imported mail."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="extra_emails")
    address = models.EmailField(_("e-mail"), db_index=True)

    class Meta:
        verbose_name = _("e-mail address")
        verbose_name_plural = _("e-mail addresses")
        constraints = [
            models.UniqueConstraint(fields=["contact", "address"], name="contactemail_unique")
        ]

    def __str__(self) -> str:
        return self.address


class Topic(Timestamped):
    """Something the buying group must decide."""

    account = models.ForeignKey(
        Account, on_delete=models.CASCADE, related_name="topics", verbose_name=_("account")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    decided = models.BooleanField(_("decided"), default=False)

    class Meta:
        ordering = ["title"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.title


class StakeholderPosition(Timestamped):
    """Where one stakeholder stands on one topic."""

    contact = models.ForeignKey(
        Contact, on_delete=models.CASCADE, related_name="positions", verbose_name=_("contact")
    )
    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="positions", verbose_name=_("topic")
    )
    priority = models.PositiveSmallIntegerField(_("priority"), default=3, validators=one_to_five)
    preferred_alternative = models.CharField(_("preferred alternative"), max_length=200, blank=True)
    perceived_risk = models.CharField(_("perceived risk"), max_length=300, blank=True)
    stance = models.TextField(_("stance in their words"), blank=True)

    class Meta:
        verbose_name = _("stakeholder position")
        verbose_name_plural = _("stakeholder positions")
        constraints = [models.UniqueConstraint(fields=["contact", "topic"], name="position_unique")]

    def __str__(self) -> str:
        return f"{self.contact} · {self.topic}"

    def clean(self) -> None:
        if self.contact_id and self.topic_id and self.contact.account_id != self.topic.account_id:
            raise ValidationError(
                _("The stakeholder and the topic must belong to the same account."),
                code="cross_account",
            )
