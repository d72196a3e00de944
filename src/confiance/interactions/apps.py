from __future__ import annotations

from django.apps import AppConfig


class InteractionsConfig(AppConfig):
    name = "confiance.interactions"
