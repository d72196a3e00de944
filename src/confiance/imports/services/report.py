"""What an import did: created, updated, skipped (and why), addresses nobody knows.

A report keeps its words out of its data: skip reasons and the failure are English templates
with their values (``Message``), rendered only when someone reads them. The web page stores
``as_record()`` in ``ImportRun.report`` and shows ``from_record()`` in the reader's language,
whoever started the run; the command line and the API render at once (``as_dict()``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop, ngettext

from confiance.ingest.errors import IngestError, Message
from confiance.ingest.i18n import catalogue

ENTITY_LABELS = {
    "account": gettext_lazy("accounts"),
    "contact": gettext_lazy("contacts"),
    "opportunity": gettext_lazy("opportunities"),
    "email": gettext_lazy("e-mails"),
    "meeting": gettext_lazy("meetings"),
    "segment": gettext_lazy("transcript turns"),
}

# Bump when the stored shape changes; records without it were stored as rendered text.
RECORD_VERSION = 2

# The reasons without values, to recognise them in records stored as text (in English or
# French) and show those in the reader's language too.
PLAIN_REASONS = (
    gettext_noop("unchanged"),
    gettext_noop("already imported"),
    gettext_noop("no company name"),
    gettext_noop("no deal name"),
    gettext_noop("no name and no e-mail"),
    gettext_noop("this person asked to be erased"),
    gettext_noop("cancelled in the calendar"),
    gettext_noop("no account: no known contact on the message (give --account)"),
    gettext_noop("no account: no known contact among the attendees (give --account)"),
)
UNEXPECTED = gettext_noop("The import stopped on an unexpected error; nothing was saved.")


def entity_label(entity: str) -> str:
    """The translated name of what was imported ("e-mails", "meetings"...)."""
    return str(ENTITY_LABELS.get(entity, entity))


def reason(template: str, **params: Any) -> Message:
    """A skip reason: ``template`` marked with ``gettext_noop``, and its values."""
    return Message(template, params)


_EXAMPLES = 20  # skipped items listed by name; the rest are only counted


def localised(error: IngestError) -> str:
    """The error, located, in the active language (the request's, the CLI's ``--lang``)."""
    return error.translated(_)


def render(text: str | Message) -> str:
    """A reason or an item label in the active language (plain text is shown as it is)."""
    return text.render(_) if isinstance(text, Message) else text


def _key(message: Message) -> str:
    return json.dumps(message.as_dict(), sort_keys=True, ensure_ascii=False, default=str)


def _dump(text: str | Message) -> Any:
    return {"message": text.as_dict()} if isinstance(text, Message) else text


def _load(value: Any) -> str | Message:
    if isinstance(value, dict) and "message" in value:
        return Message.from_dict(value["message"])
    return str(value)


def _recognised(text: str) -> Message:
    """A reason stored as text before reasons were kept whole: its template when known."""
    french = catalogue("fr")
    for template in PLAIN_REASONS:
        if text in (template, french(template)):
            return Message(template)
    return Message(text, translate=False)


@dataclass
class ImportReport:
    filename: str
    format: str = ""
    dry_run: bool = False
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    reasons: dict[str, Message] = field(default_factory=dict)  # key -> why items were skipped
    skip_counts: Counter = field(default_factory=Counter)  # key -> how many
    examples: list[tuple[str | Message, Message]] = field(default_factory=list)
    unknown: Counter = field(default_factory=Counter)  # address or speaker -> occurrences
    notes: list[str] = field(default_factory=list)
    failure: IngestError | None = None
    stored_error: str = ""  # a failure stored as text only, by an older version

    def create(self, entity: str, count: int = 1) -> None:
        self.created[entity] += count

    def update(self, entity: str, count: int = 1) -> None:
        self.updated[entity] += count

    def skip(self, item: str | Message, why: Message | str) -> None:
        """Count ``item`` as skipped because of ``why`` (see ``reason``)."""
        if not isinstance(why, Message):
            why = Message(why, translate=False)
        self._count_skips(why, 1)
        if len(self.examples) < _EXAMPLES:
            self.examples.append((item, why))

    def _count_skips(self, why: Message, count: int) -> None:
        key = _key(why)
        self.reasons.setdefault(key, why)
        self.skip_counts[key] += count

    def note(self, text: str) -> None:
        if text not in self.notes and len(self.notes) < _EXAMPLES:
            self.notes.append(text)

    def fail(self, error: IngestError) -> None:
        """Record why nothing was imported."""
        self.failure = error

    @property
    def error(self) -> str:
        """Why nothing was imported, in the active language ("" when all went well)."""
        return localised(self.failure) if self.failure else self.stored_error

    @property
    def skipped(self) -> Counter:
        """Reason, in the active language -> how many items were skipped for it."""
        counts: Counter = Counter()
        for key, count in self.skip_counts.items():
            counts[render(self.reasons[key])] += count
        return counts

    @property
    def skipped_examples(self) -> list[tuple[str, str]]:
        """``(item, reason)`` of the first skipped items, in the active language."""
        return [(render(item), render(why)) for item, why in self.examples]

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
        skipped = sum(self.skip_counts.values())
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
        """The report in words of the active language (the CLI's ``--json``, the API)."""
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

    def as_record(self) -> dict:
        """The report without words of any language, to store and render later (JSON-ready)."""
        return {
            "version": RECORD_VERSION,
            "file": self.filename,
            "format": self.format,
            "dry_run": self.dry_run,
            "created": dict(self.created),
            "updated": dict(self.updated),
            "skipped": [
                {"reason": self.reasons[key].as_dict(), "count": count}
                for key, count in self.skip_counts.most_common()
            ],
            "skipped_examples": [
                {"item": _dump(item), "reason": why.as_dict()} for item, why in self.examples
            ],
            "unknown": dict(self.unknown.most_common(100)),
            "notes": list(self.notes),
            "failure": self.failure.as_dict() if self.failure else None,
        }

    @classmethod
    def from_record(cls, data: Mapping[str, Any], filename: str = "") -> ImportReport:
        """The report ``as_record`` stored; also reads the rendered ``as_dict`` of older runs.

        In those, reasons are text in the language of whoever started the run: the common
        ones are recognised and shown in the reader's language, the others as stored.
        """
        report = cls(
            filename=str(data.get("file") or filename),
            format=str(data.get("format") or ""),
            dry_run=bool(data.get("dry_run")),
            created=Counter(data.get("created") or {}),
            updated=Counter(data.get("updated") or {}),
            unknown=Counter(data.get("unknown") or {}),
            notes=[str(note) for note in data.get("notes") or []],
            stored_error=str(data.get("error") or ""),
        )
        failure = data.get("failure")
        if failure:
            # Unreadable: its text, in stored_error, is shown instead.
            with suppress(KeyError, TypeError, ValueError):
                report.failure = IngestError.from_dict(failure)
        if data.get("version") == RECORD_VERSION:
            report._load_skips(data)
        else:
            report._load_legacy_skips(data)
        return report

    def _load_skips(self, data: Mapping[str, Any]) -> None:
        for entry in data.get("skipped") or []:
            self._count_skips(Message.from_dict(entry["reason"]), int(entry["count"]))
        for entry in data.get("skipped_examples") or []:
            self.examples.append((_load(entry["item"]), Message.from_dict(entry["reason"])))

    def _load_legacy_skips(self, data: Mapping[str, Any]) -> None:
        for text, count in (data.get("skipped") or {}).items():
            self._count_skips(_recognised(str(text)), int(count))
        for item, text in data.get("skipped_examples") or []:
            self.examples.append((str(item), _recognised(str(text))))
