from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "confiance.imports"
    verbose_name = _("Imports and exports")
    default_auto_field = "django.db.models.BigAutoField"
