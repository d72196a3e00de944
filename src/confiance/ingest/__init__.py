"""Parsers for the files sellers already have: CRM CSV, e-mail, transcripts, calendars.

Everything here turns bytes into plain dataclasses and raises
:class:`confiance.ingest.errors.IngestError` on bad input; nothing imports Django, so the
CLI, batch jobs and tests use these parsers directly.
"""
