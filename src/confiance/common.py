"""Choices and validators shared by several apps."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    FR = "fr", _("French")
    EN = "en", _("English")


class Currency(models.TextChoices):
    EUR = "EUR", "EUR"
    USD = "USD", "USD"
    GBP = "GBP", "GBP"
    CHF = "CHF", "CHF"
    CAD = "CAD", "CAD"


one_to_five = [MinValueValidator(1), MaxValueValidator(5)]
non_negative = [MinValueValidator(0)]


def require_aware(value, field: str) -> dict[str, ValidationError]:
    """Return an error for ``field`` when ``value`` is a naive datetime."""
    if value is not None and timezone.is_naive(value):
        return {field: ValidationError(_("Give a date and time with its time zone."), code="naive")}
    return {}


class Timestamped(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True
