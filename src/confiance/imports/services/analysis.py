"""The coach's reading of imported text (it lives in ``confiance.ingest.coaching``)."""

from __future__ import annotations

from confiance.ingest.coaching import Reading, analyse, analyse_email

__all__ = ["Reading", "analyse", "analyse_email"]
