"""What an import did: created, updated, skipped (and why), addresses nobody knows."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from confiance.ingest.errors import IngestError

ENTITY_LABELS = {
    "account": gettext_lazy("accounts"),
    "contact": gettext_lazy("contacts"),
    "opportunity": gettext_lazy("opportunities"),
    "email": gettext_lazy("e-mails"),
    "meeting": gettext_lazy("meetings"),
    "segment": gettext_lazy("transcript turns"),
}


def entity_label(entity: str) -> str:
    """The translated name of what was imported ("e-mails", "meetings"...)."""
    return str(ENTITY_LABELS.get(entity, entity))


_EXAMPLES = 20  # skipped items listed by name; the rest are only counted


def localised(error: IngestError) -> str:
    """The error, located, in the active language (the request's, the CLI's ``--lang``)."""
    return error.translated(_)


def stored_error(report: Mapping[str, Any] | None, fallback: str = "") -> str:
    """The error of a stored report (``as_dict``) in the active language.

    Reports stored before errors were kept whole only have their text: ``fallback``.
    """
    failure = (report or {}).get("failure")
    if not failure:
        return fallback
    try:
        return localised(IngestError.from_dict(failure))
    except (KeyError, TypeError, ValueError):
        return fallback


@dataclass
class ImportReport:
    filename: str
    format: str = ""
    dry_run: bool = False
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)  # reason -> count
    skipped_examples: list[tuple[str, str]] = field(default_factory=list)
    unknown: Counter = field(default_factory=Counter)  # address or speaker -> occurrences
    notes: list[str] = field(default_factory=list)
    error: str = ""  # the failure in the language active when it happened
    failure: IngestError | None = None

    def create(self, entity: str, count: int = 1) -> None:
        self.created[entity] += count

    def update(self, entity: str, count: int = 1) -> None:
        self.updated[entity] += count

    def skip(self, item: str, reason: str) -> None:
        self.skipped[reason] += 1
        if len(self.skipped_examples) < _EXAMPLES:
            self.skipped_examples.append((item, reason))

    def note(self, text: str) -> None:
        if text not in self.notes and len(self.notes) < _EXAMPLES:
            self.notes.append(text)

    def fail(self, error: IngestError) -> None:
        """Record why nothing was imported."""
        self.failure = error
        self.error = localised(error)

    @property
    def ok(self) -> bool:
        return not self.error

    def summary(self) -> str:
        """One line: what was done to which file."""
        if self.error:
            return _("%(file)s: failed, nothing imported: %(error)s") % {
                "file": self.filename,
                "error": self.error,
            }
        created = sum(self.created.values())
        updated = sum(self.updated.values())
        skipped = sum(self.skipped.values())
        parts = [
            ngettext("%(n)d created", "%(n)d created", created) % {"n": created},
            ngettext("%(n)d updated", "%(n)d updated", updated) % {"n": updated},
            ngettext("%(n)d skipped", "%(n)d skipped", skipped) % {"n": skipped},
        ]
        if self.unknown:
            count = len(self.unknown)
            parts.append(
                ngettext(
                    "%(n)d unknown address or speaker", "%(n)d unknown addresses or speakers", count
                )
                % {"n": count}
            )
        # Through the catalogue for French punctuation ("call.srt : 4 créés").
        line = _("%(file)s: %(counts)s") % {"file": self.filename, "counts": ", ".join(parts)}
        if self.dry_run:
            line += " " + _("(dry run: nothing was saved)")
        return line

    def as_dict(self) -> dict:
        return {
            "file": self.filename,
            "format": self.format,
            "dry_run": self.dry_run,
            "created": dict(self.created),
            "updated": dict(self.updated),
            "skipped": dict(self.skipped),
            "skipped_examples": [list(pair) for pair in self.skipped_examples],
            "unknown": dict(self.unknown.most_common(100)),
            "notes": list(self.notes),
            "error": self.error,
            "failure": self.failure.as_dict() if self.failure else None,
            "summary": self.summary(),
        }
