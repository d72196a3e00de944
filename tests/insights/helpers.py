"""Builders for small hand-made ledgers and conversations."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from confiance.interactions.models import Interaction
from confiance.ledger.models import Commitment

PARIS = ZoneInfo("Europe/Paris")
TODAY = dt.date(2026, 11, 20)  # a Friday


def pledge(
    account, party, *, kind="deliverable", status="kept", due=None, resolved=None, value=None
):
    """A commitment; ``resolved`` defaults to ``due`` for a resolved one."""
    due = due or TODAY - dt.timedelta(days=30)
    if status in ("kept", "kept_late", "broken", "withdrawn") and resolved is None:
        resolved = due + dt.timedelta(days=5) if status == "kept_late" else due
    return Commitment.objects.create(
        account=account,
        party=party,
        kind=kind,
        description=f"{party} {kind} {status}",
        status=status,
        due_date=due,
        resolved_at=resolved if status != "open" else None,
        value_amount=value,
    )


def talk(account, when: dt.datetime, *, kind="meeting", tone=None, findings=()):
    """An interaction with an optional coach reading (findings: category ids)."""
    analysis = None
    if tone is not None or findings:
        analysis = {
            "lang": "en",
            "tone": tone or 0.0,
            "findings": [
                {
                    "start": 0,
                    "end": 1,
                    "text": "x",
                    "category": c,
                    "severity": 2,
                    "rule": f"en.{c}.x",
                }
                for c in findings
            ],
            "moves": [],
            "commitments": [],
            "speakers": [],
            "segments": [],
        }
    return Interaction.objects.create(
        account=account, kind=kind, occurred_at=when, tone=tone, analysis=analysis, body="..."
    )


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=PARIS)
