"""Bringing data in (CRM CSV, e-mail, transcripts, calendars) and out (export, GDPR)."""
