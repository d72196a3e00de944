"""Decoding bytes into text: UTF-8 (with or without BOM) first, then Windows-1252."""

from __future__ import annotations

import codecs

from confiance.ingest.errors import IngestError
from confiance.ingest.i18n import gettext_noop

# Bytes that never occur in text files; their presence means "this is not what it claims".
_BINARY_MARKERS = (b"\x00",)

# Whole sentences per kind of file, so that each language can word them its own way.
_NOT_UTF16 = {
    "transcript": gettext_noop("not a valid UTF-16 transcript"),
    "calendar": gettext_noop("not a valid UTF-16 calendar"),
}
_BINARY = {
    "transcript": gettext_noop("this is a binary file, not a transcript"),
    "calendar": gettext_noop("this is a binary file, not a calendar"),
}


def decode_text(data: bytes | str, filename: str, *, what: str) -> str:
    """Return ``data`` as text, refusing binary content with a message naming ``what``
    ("transcript" or "calendar").

    Windows-1252 is the fallback because it is what Excel and older Windows tools write;
    it decodes almost any byte, so undefined bytes are replaced instead of failing.
    """
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(_NOT_UTF16[what], filename=filename) from exc
    head = data[:65536]
    if any(marker in head for marker in _BINARY_MARKERS):
        raise IngestError(_BINARY[what], filename=filename)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
