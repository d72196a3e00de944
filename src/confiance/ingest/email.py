"""E-mail (.eml) and mailbox archives (mbox) -> :class:`ParsedEmail`.

Multipart messages, HTML-only bodies turned into text, quoted replies and signatures
separated from the new text, attachments listed (never stored), charsets UTF-8,
ISO-8859-1 and Windows-1252, quoted-printable and base64. mbox archives are read one
message at a time so memory stays bounded whatever the archive size.
"""

from __future__ import annotations

import email
import email.errors
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.header import decode_header, make_header
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from confiance.ingest.errors import IngestError, Quoted
from confiance.ingest.htmltext import html_to_text
from confiance.ingest.i18n import gettext_noop
from confiance.ingest.replies import split_reply

MAX_DEPTH = 20  # real mail nests 3-4 levels; more is junk or an attack on the parser
MAX_PARTS = 500
MAX_MESSAGE_BYTES = 64 * 1024 * 1024

_HEADER_LINE = re.compile(rb"^[!-9;-~]{1,76}:")
_MSGID = re.compile(r"<([^<>\s]+)>")
_SUBJECT_PREFIX = re.compile(r"^\s*((re|fwd?|tr|aw|wg|rép|ref)\s*(\[\d+\])?\s*:\s*)+", re.I)
_BROKEN = (
    email.errors.StartBoundaryNotFoundDefect,
    email.errors.CloseBoundaryNotFoundDefect,
    email.errors.NoBoundaryInMultipartDefect,
    email.errors.MultipartInvariantViolationDefect,
)
# Labels that mail clients write but that mean Windows-1252 in practice (as browsers do).
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252"}
_CHARSET_ALIASES |= {"us-ascii": "utf-8", "ascii": "utf-8", "x-unknown": "utf-8"}

Address = tuple[str, str]
# What the stdlib raises on malformed headers and parameters.
_HEADER_ERRORS = (
    ValueError,
    TypeError,
    IndexError,
    LookupError,
    UnicodeError,
    email.errors.MessageError,
)


@dataclass
class ParsedEmail:
    """One message; ``body_text`` holds only what the sender wrote this time."""

    message_id: str
    in_reply_to: str
    references: list[str]
    subject: str
    sender: Address
    to: list[Address]
    cc: list[Address]
    date: datetime | None
    body_text: str
    quoted_text: str
    signature: str
    attachments: list[tuple[str, str, int]] = field(default_factory=list)
    thread_key: str = ""
    content_hash: str = ""
    html_only: bool = False

    @property
    def addresses(self) -> list[str]:
        """Every distinct address on the message, sender first."""
        seen: dict[str, None] = {}
        for _name, address in [self.sender, *self.to, *self.cc]:
            if address:
                seen.setdefault(address, None)
        return list(seen)


def parse_eml(data: bytes, filename: str = "") -> ParsedEmail:
    """Parse one RFC 5322 message; raise IngestError naming the file and part when broken."""
    if isinstance(data, str):
        data = data.encode("utf-8", errors="surrogateescape")
    if len(data) > MAX_MESSAGE_BYTES:
        raise IngestError(
            gettext_noop("message larger than %(mb)d MB"),
            params={"mb": MAX_MESSAGE_BYTES // (1024 * 1024)},
            filename=filename,
        )
    data = _strip_mbox_line(data)
    _check_looks_like_mail(data, filename)
    try:
        message = email.message_from_bytes(data)
    except RecursionError as exc:
        raise _too_deep(filename) from exc
    if not any(message.get(name) for name in ("From", "Date", "Message-ID", "Subject", "To")):
        raise IngestError(
            gettext_noop("not an e-mail: none of From, To, Date, Subject or Message-ID is present"),
            filename=filename,
            line=1,
        )
    try:
        return _build(message, data, filename)
    except RecursionError as exc:
        raise _too_deep(filename) from exc


def _strip_mbox_line(data: bytes) -> bytes:
    # Some tools save a single message with its mbox "From " line; drop it.
    if data.startswith(b"From "):
        _first, _nl, rest = data.partition(b"\n")
        return rest
    return data


def _check_looks_like_mail(data: bytes, filename: str) -> None:
    head = data.lstrip(b"\r\n")[:4096]
    if not head:
        raise IngestError(gettext_noop("empty file, not an e-mail"), filename=filename)
    header_end = re.search(rb"\r?\n\r?\n", head)
    header_block = head[: header_end.start()] if header_end else head
    if b"\x00" in header_block:
        raise IngestError(
            gettext_noop("this is a binary file, not an e-mail"), filename=filename, line=1
        )
    if not _HEADER_LINE.match(head):
        first = head.split(b"\n", 1)[0][:60].decode("utf-8", errors="replace")
        raise IngestError(
            gettext_noop(
                "not an e-mail: it must start with header lines such as 'From:', found %(found)s"
            ),
            params={"found": Quoted(first)},
            filename=filename,
            line=1,
        )


def _build(message: Message, data: bytes, filename: str) -> ParsedEmail:
    plain, html, attachments = _walk(message, filename)
    html_only = plain is None and html is not None
    if plain is not None:
        text = plain
    elif html is not None:
        text = html_to_text(html)
    else:
        text = ""
    body, quoted, signature = split_reply(text)
    message_id = _first_id(_header(message, "Message-ID"))
    in_reply_to = _first_id(_header(message, "In-Reply-To"))
    references = _MSGID.findall(_header(message, "References"))
    subject = _header(message, "Subject").strip()
    if references:
        thread_key = references[0]
    elif in_reply_to:
        thread_key = in_reply_to
    elif message_id:
        thread_key = message_id
    else:
        thread_key = "subject:" + _SUBJECT_PREFIX.sub("", subject).strip().lower()
    senders = _addresses(message, "From")
    return ParsedEmail(
        message_id=message_id,
        in_reply_to=in_reply_to,
        references=references,
        subject=subject,
        sender=senders[0] if senders else ("", ""),
        to=_addresses(message, "To"),
        cc=_addresses(message, "Cc"),
        date=_date(_header(message, "Date")),
        body_text=body,
        quoted_text=quoted,
        signature=signature,
        attachments=attachments,
        thread_key=thread_key,
        content_hash=hashlib.sha256(data).hexdigest(),
        html_only=html_only,
    )


def _walk(message: Message, filename: str) -> tuple[str | None, str | None, list]:
    """Find the first plain and HTML bodies and list attachments, depth-first, iteratively."""
    plain: str | None = None
    html_part: Message | None = None
    attachments: list[tuple[str, str, int]] = []
    stack: list[tuple[Message, str, int]] = [(message, "1", 0)]
    seen = 0
    while stack:
        part, path, depth = stack.pop()
        seen += 1
        if depth > MAX_DEPTH:
            raise _too_deep(filename, path)
        if seen > MAX_PARTS:
            raise IngestError(
                gettext_noop("more than %(count)d MIME parts"),
                params={"count": MAX_PARTS},
                filename=filename,
                part=path,
            )
        _check_defects(part, path, filename)
        if part.is_multipart():
            children = part.get_payload()
            if not isinstance(children, list):
                continue
            if part.get_content_type() == "message/rfc822":
                # A forwarded message travels as an attachment; its text is not ours.
                attachments.append((_filename(part) or "message.eml", "message/rfc822", 0))
                continue
            for index in range(len(children) - 1, -1, -1):
                stack.append((children[index], f"{path}.{index + 1}", depth + 1))
            continue
        content_type = part.get_content_type()
        name = _filename(part)
        disposition = _disposition(part)
        if content_type == "text/plain" and disposition != "attachment" and not name:
            if plain is None:
                text = _payload_text(part)
                plain = text if text.strip() else None
        elif content_type == "text/html" and disposition != "attachment" and not name:
            if html_part is None:
                html_part = part  # decoded only if no plain text turns up
        else:
            payload = part.get_payload(decode=True)
            size = len(payload) if isinstance(payload, bytes) else 0
            attachments.append((name, content_type, size))
    html = _payload_text(html_part) if plain is None and html_part is not None else None
    return plain, html, attachments


def _check_defects(part: Message, path: str, filename: str) -> None:
    for defect in getattr(part, "defects", []):
        if isinstance(defect, _BROKEN):
            message = _BROKEN_MESSAGES.get(type(defect), _INCONSISTENT)
            raise IngestError(message, filename=filename, part=path)


_BROKEN_MESSAGES = {
    email.errors.StartBoundaryNotFoundDefect: gettext_noop(
        "broken MIME structure: multipart part its boundary never appears"
    ),
    email.errors.CloseBoundaryNotFoundDefect: gettext_noop(
        "broken MIME structure: multipart part its closing boundary is missing (truncated?)"
    ),
    email.errors.NoBoundaryInMultipartDefect: gettext_noop(
        "broken MIME structure: multipart part it declares no boundary"
    ),
}
_INCONSISTENT = gettext_noop("broken MIME structure: multipart part its structure is inconsistent")


def _too_deep(filename: str, part: str | None = None) -> IngestError:
    return IngestError(
        gettext_noop("MIME parts nested deeper than %(depth)d levels"),
        params={"depth": MAX_DEPTH},
        filename=filename,
        part=part,
    )


def _disposition(part: Message) -> str:
    try:
        return part.get_content_disposition() or ""
    except _HEADER_ERRORS:
        return ""


def _filename(part: Message) -> str:
    try:
        name = part.get_filename() or ""
    except _HEADER_ERRORS:
        return "attachment"
    return _decode_header_value(name) if "=?" in name else name


def _payload_text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    try:
        declared = (part.get_content_charset() or "").lower()
    except _HEADER_ERRORS:
        declared = ""
    return decode_bytes(payload, declared)


def decode_bytes(payload: bytes, declared: str = "") -> str:
    """Decode with the declared charset; fall back to UTF-8, then Windows-1252."""
    charset = _CHARSET_ALIASES.get(declared, declared)
    for candidate in (charset, "utf-8"):
        if not candidate:
            continue
        try:
            return payload.decode(candidate)
        except (LookupError, ValueError):  # unknown label, bad bytes, NUL in label
            continue
    return payload.decode("cp1252", errors="replace")


def _header(message: Message, name: str) -> str:
    try:
        raw = message.get(name)
    except _HEADER_ERRORS:
        return ""
    if raw is None:
        return ""
    return _decode_header_value(raw)


def _decode_header_value(raw) -> str:
    text = str(raw) if not isinstance(raw, str) else raw
    if any("\udc80" <= ch <= "\udcff" for ch in text):
        # 8-bit bytes in a header (no RFC 2047 encoding): recover them.
        return decode_bytes(text.encode("utf-8", errors="surrogateescape"))
    try:
        chunks = decode_header(text)
    except _HEADER_ERRORS:
        return text
    try:
        return str(make_header(chunks))
    except _HEADER_ERRORS:
        # An unknown or malformed charset label: decode each chunk as best we can.
        return " ".join(
            chunk if isinstance(chunk, str) else decode_bytes(chunk, (charset or "").lower())
            for chunk, charset in chunks
        )


def _first_id(value: str) -> str:
    match = _MSGID.search(value)
    if match:
        return match.group(1)
    return value.strip()[:300]


# "Name <addr>" or a bare address: most headers, parsed without the slow general parser.
_SIMPLE_ADDRESS = re.compile(r'^\s*(?:"?([^"<>,;]*?)"?\s*)?<?([^<>\s,;"]+@[^<>\s,;"]+)>?\s*$')


def _addresses(message: Message, name: str) -> list[Address]:
    try:
        raw = [str(value) for value in message.get_all(name) or []]
        simple = [_SIMPLE_ADDRESS.match(value) for value in raw]
        if raw and all(simple):
            pairs = [(m.group(1) or "", m.group(2)) for m in simple]
        else:
            pairs = getaddresses(raw)
    except _HEADER_ERRORS:
        return []
    result: list[Address] = []
    for display, address in pairs:
        address = address.strip().strip("<>").lower()
        if "@" not in address:
            continue
        result.append((_decode_header_value(display).strip().strip('"'), address))
    return result


def _date(value: str) -> datetime | None:
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def iter_mbox(path: str | Path) -> Iterator[ParsedEmail]:
    """Yield each message of an mbox archive, reading one message at a time.

    Raises IngestError naming the archive, the message number and its first line when the
    archive is not an mbox, a message is broken, or the archive ends mid-message.
    """
    from confiance.ingest.mbox import iter_raw_messages, parse_raw  # mbox builds on this module

    for raw in iter_raw_messages(path):
        yield parse_raw(raw)
