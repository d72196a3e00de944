from __future__ import annotations

from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "confiance.users"

    def ready(self) -> None:
        from confiance import checks  # noqa: F401 - registers the system checks
