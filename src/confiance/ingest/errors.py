"""The one exception every parser raises on bad input, readable in the user's language.

An error keeps its message as an English template with named ``%(placeholders)s`` plus the
values to put in them, and where it was found (file, line, MIME part); it is put into words
only when shown, in the language of whoever reads it:

>>> error = IngestError(gettext_noop("invalid timestamp %(value)s"),
...                     params={"value": Quoted("00:00:6.5")}, filename="call.vtt", line=7)
>>> str(error)
"call.vtt, line 7: invalid timestamp '00:00:6.5'"
>>> error.render("fr")  # doctest: +SKIP
'call.vtt, ligne 7 : horodatage invalide « 00:00:6.5 »'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from confiance.ingest.i18n import Gettext, catalogue, gettext_noop, untranslated

# Translators: how a value copied from the user's file is quoted inside an error message.
QUOTE = gettext_noop("'%(text)s'")
LINE = gettext_noop("line %(line)d")
PART = gettext_noop("part %(part)s")
# Translators: an error message after where it was found ("call.vtt, line 7").
LOCATED = gettext_noop("%(where)s: %(message)s")


@dataclass(frozen=True)
class Quoted:
    """A value from the user's file, quoted the way the reader's language quotes.

    English shows ``repr()`` (escapes make stray control characters visible); a translation
    of ``QUOTE`` (French « ») is used for the other languages.
    """

    value: str

    def render(self, gettext: Gettext) -> str:
        quote = gettext(QUOTE)
        if quote == QUOTE:
            return repr(self.value)
        return quote % {"text": repr(self.value)[1:-1]}


@dataclass(frozen=True)
class Message:
    """An English template with ``%(name)s`` placeholders and the values that fill them.

    Values are plain (numbers, technical names: never translated), ``Quoted``, or a nested
    ``Message`` (translated in turn). ``translate=False`` marks text that is already in its
    final words (an operating system's message, say).
    """

    template: str
    params: Mapping[str, Any] = field(default_factory=dict)
    translate: bool = True

    def render(self, gettext: Gettext = untranslated) -> str:
        """The message in the language of ``gettext``."""
        template = gettext(self.template) if self.translate else self.template
        if not self.params:
            return template
        return template % {name: _value(value, gettext) for name, value in self.params.items()}

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready form, to store the message and render it later (``from_dict``)."""
        return {
            "template": self.template,
            "params": {name: _dump(value) for name, value in self.params.items()},
            "translate": self.translate,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Message:
        params = data.get("params") or {}
        return cls(
            str(data["template"]),
            {str(name): _load(value) for name, value in params.items()},
            bool(data.get("translate", True)),
        )


def _value(value: Any, gettext: Gettext) -> Any:
    if isinstance(value, Message | Quoted):
        return value.render(gettext)
    return value


def _dump(value: Any) -> Any:
    if isinstance(value, Message):
        return {"message": value.as_dict()}
    if isinstance(value, Quoted):
        return {"quoted": value.value}
    return value


def _load(value: Any) -> Any:
    if isinstance(value, dict) and "message" in value:
        return Message.from_dict(value["message"])
    if isinstance(value, dict) and "quoted" in value:
        return Quoted(str(value["quoted"]))
    return value


class IngestError(ValueError):
    """Bad input, with where it was found: the file, and the line or MIME part when known.

    ``str(error)`` is the message in English, e.g.
    ``call.vtt, line 7: invalid timestamp '00:00:6.5'``; ``error.render("fr")`` (or
    ``error.translated(gettext)`` with any gettext function) gives it in another language.
    """

    def __init__(
        self,
        message: str | Message,
        *,
        params: Mapping[str, Any] | None = None,
        filename: str = "",
        line: int | None = None,
        part: str | None = None,
    ) -> None:
        self.text = message if isinstance(message, Message) else Message(message, params or {})
        self.filename = filename
        self.line = line
        self.part = part
        super().__init__(self.__str__())

    @classmethod
    def verbatim(cls, text: str, **where: Any) -> IngestError:
        """An error whose text is already in its final words; only the location is translated."""
        return cls(Message(text, translate=False), **where)

    @property
    def message(self) -> str:
        """The message alone, in English, without its location."""
        return self.text.render()

    def __str__(self) -> str:
        return self.translated(untranslated)

    def translated(self, gettext: Gettext) -> str:
        """The located message in the language of ``gettext`` (stdlib's or Django's)."""
        where = []
        if self.filename:
            where.append(self.filename)
        if self.line is not None:
            where.append(gettext(LINE) % {"line": self.line})
        if self.part:
            where.append(gettext(PART) % {"part": self.part})
        message = self.text.render(gettext)
        if not where:
            return message
        return gettext(LOCATED) % {"where": ", ".join(where), "message": message}

    def render(self, lang: str | None = "en") -> str:
        """The located message in ``lang`` ("fr", "en"), from the project's catalogue."""
        return self.translated(catalogue(lang))

    def located(self, filename: str) -> IngestError:
        """A copy of this error that names ``filename`` (when it named no file yet)."""
        if self.filename:
            return self
        return IngestError(self.text, filename=filename, line=self.line, part=self.part)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready form (for a worker process or a database row); see ``from_dict``."""
        return {
            "message": self.text.as_dict(),
            "filename": self.filename,
            "line": self.line,
            "part": self.part,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> IngestError:
        """The error ``as_dict`` described; raises KeyError or TypeError on other data."""
        line = data.get("line")
        return cls(
            Message.from_dict(data["message"]),
            filename=str(data.get("filename") or ""),
            line=int(line) if line is not None else None,
            part=str(data["part"]) if data.get("part") else None,
        )
