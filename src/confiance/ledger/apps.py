from __future__ import annotations

from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "confiance.ledger"
