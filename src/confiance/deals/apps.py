from __future__ import annotations

from django.apps import AppConfig


class DealsConfig(AppConfig):
    name = "confiance.deals"
