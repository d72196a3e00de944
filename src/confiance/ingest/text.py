"""Decoding bytes into text: UTF-8 (with or without BOM) first, then Windows-1252."""

from __future__ import annotations

import codecs

from confiance.ingest.errors import IngestError

# Bytes that never occur in text files; their presence means "this is not what it claims".
_BINARY_MARKERS = (b"\x00",)


def decode_text(data: bytes | str, filename: str, *, what: str) -> str:
    """Return ``data`` as text, refusing binary content with a message naming ``what``.

    Windows-1252 is the fallback because it is what Excel and older Windows tools write;
    it decodes almost any byte, so undefined bytes are replaced instead of failing.
    """
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(f"not a valid UTF-16 {what}", filename=filename) from exc
    head = data[:65536]
    if any(marker in head for marker in _BINARY_MARKERS):
        raise IngestError(f"this is a binary file, not a {what}", filename=filename)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
