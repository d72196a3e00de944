from __future__ import annotations

from django.core import checks
from django.test import override_settings


def test_both_interface_languages_have_coach_data():
    assert [e.id for e in checks.run_checks() if e.id.startswith("coach.")] == []


@override_settings(LANGUAGES=[("en", "English"), ("fr", "French"), ("de", "German")])
def test_a_language_without_coach_data_is_reported_as_coach_e001():
    errors = [e for e in checks.run_checks() if e.id == "coach.E001"]
    assert len(errors) == 1
    assert "'de'" in errors[0].msg
