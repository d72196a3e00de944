"""Interactions keep their moment with its time zone; transcripts are ordered and timed."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from confiance.interactions.models import Interaction, InteractionKind, Segment

PARIS = ZoneInfo("Europe/Paris")


def interaction(account, **fields) -> Interaction:
    values = {"account": account, "kind": "meeting", "title": "Steering committee"}
    return Interaction(**{**values, **fields})


def test_a_moment_without_time_zone_is_refused(account):
    naive = interaction(account, occurred_at=dt.datetime(2026, 11, 20, 10, 0))
    with pytest.raises(ValidationError) as caught:
        naive.full_clean()
    assert [e.code for e in caught.value.error_dict["occurred_at"]] == ["naive"]


def test_a_moment_with_its_time_zone_is_kept_exactly(account):
    moment = dt.datetime(2026, 11, 20, 10, 0, tzinfo=PARIS)
    item = interaction(account, occurred_at=moment)
    item.full_clean()
    item.save()
    item.refresh_from_db()
    assert item.occurred_at == moment  # same instant, whatever zone the database returns
    assert item.occurred_at.astimezone(PARIS).hour == 10


def test_a_duration_cannot_be_negative(account):
    item = interaction(
        account,
        occurred_at=dt.datetime(2026, 11, 20, 10, 0, tzinfo=PARIS),
        duration=dt.timedelta(minutes=-5),
    )
    with pytest.raises(ValidationError) as caught:
        item.full_clean()
    assert set(caught.value.error_dict) == {"duration"}


def test_a_segment_cannot_end_before_it_starts_or_start_before_zero(account):
    item = interaction(account, occurred_at=dt.datetime(2026, 11, 20, 10, tzinfo=PARIS))
    item.save()
    with pytest.raises(ValidationError):
        Segment(interaction=item, position=0, text="Hello", start=10, end=4).full_clean()
    with pytest.raises(ValidationError):
        Segment(interaction=item, position=0, text="Hello", start=-1, end=4).full_clean()
    Segment(interaction=item, position=0, text="Hello", start=4, end=10).full_clean()


def test_segments_come_back_in_their_order(account):
    item = interaction(account, occurred_at=dt.datetime(2026, 11, 20, 10, tzinfo=PARIS))
    item.save()
    for position, text in [(2, "third"), (0, "first"), (1, "second")]:
        Segment.objects.create(interaction=item, position=position, text=text)
    assert [s.text for s in item.segments.all()] == ["first", "second", "third"]


def test_an_external_id_is_imported_once_per_account_and_source(account):
    moment = dt.datetime(2026, 11, 20, 10, tzinfo=PARIS)
    interaction(account, occurred_at=moment, source="eml", external_id="<a@b>").save()
    interaction(account, occurred_at=moment, source="vtt", external_id="<a@b>").save()
    interaction(account, occurred_at=moment).save()
    interaction(account, occurred_at=moment).save()  # blank ids never collide
    with pytest.raises(IntegrityError), transaction.atomic():
        interaction(account, occurred_at=moment, source="eml", external_id="<a@b>").save()


def test_only_meetings_calls_and_emails_are_two_way(account):
    kinds = {kind: interaction(account, kind=kind).is_two_way for kind in InteractionKind.values}
    assert kinds == {
        "meeting": True,
        "call": True,
        "email": True,
        "note": False,
        "prep_note": False,
    }
