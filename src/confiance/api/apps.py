from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "confiance.api"
    verbose_name = _("API")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from confiance.api.search import register_sqlite_fold

        # ?q= searches ignore case and accents; SQLite needs the folding function.
        connection_created.connect(register_sqlite_fold, dispatch_uid="confiance_sqlite_fold")
