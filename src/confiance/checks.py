"""System checks with stable ids, run by ``confiance check`` and at server start."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, register

from confiance.coach import resources
from confiance.coach.errors import CoachError


@register()
def coach_languages(app_configs=None, **kwargs) -> list[Error]:
    """coach.E001: every interface language needs the coach's language data, and it must load."""
    errors = []
    for code, _name in settings.LANGUAGES:
        try:
            resources.get(code)
        except CoachError as exc:
            errors.append(
                Error(
                    f"no usable lexicon for language {code!r}: {exc}",
                    hint="Add or repair src/confiance/coach/lang/<code>/ (see docs/coach.md).",
                    id="coach.E001",
                )
            )
    return errors
