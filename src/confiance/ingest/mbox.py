"""Reading mbox archives message by message (mboxo/mboxrd, as Thunderbird and Gmail write).

``iter_raw_messages`` only splits the archive, so the parsing of each message can happen
elsewhere (another process: see ``confiance.ingest.parallel``); ``parse_raw`` parses one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from confiance.ingest.email import MAX_MESSAGE_BYTES, ParsedEmail, parse_eml
from confiance.ingest.errors import IngestError, Message
from confiance.ingest.i18n import gettext_noop

_SEPARATOR = re.compile(rb"^From \S+\s+\w{3} \w{3}\s+\d")


@dataclass(frozen=True)
class RawMessage:
    filename: str
    number: int  # 1-based position in the archive
    line: int  # line of the archive where the message starts
    data: bytes


def iter_raw_messages(path: str | Path) -> Iterator[RawMessage]:
    """Split an archive into messages, one in memory at a time; refuse truncated archives."""
    path = Path(path)
    name = path.name
    with path.open("rb") as handle:
        first = handle.readline()
        if not first.startswith(b"From "):
            raise IngestError(
                gettext_noop("not an mbox archive: it must start with a 'From ' separator line"),
                filename=name,
                line=1,
            )
        # A body line "From my side, ..." that a tool forgot to escape must not split a
        # message: when the first separator carries a date, as every mail tool writes it,
        # only lines with a date are separators.
        dated = bool(_SEPARATOR.match(first))
        number, start, line_no = 1, 2, 1
        chunks: list[bytes] = []
        size = 0
        previous_blank = True
        for line in handle:
            line_no += 1
            if line.startswith(b"From ") and (_SEPARATOR.match(line) if dated else previous_blank):
                yield RawMessage(name, number, start, b"".join(chunks))
                number, start, chunks, size = number + 1, line_no + 1, [], 0
                previous_blank = False
                continue
            if line.startswith(b">") and line.lstrip(b">").startswith(b"From "):
                line = line[1:]  # mboxrd escaping of body lines that start with "From "
            size += len(line)
            if size > MAX_MESSAGE_BYTES:
                raise IngestError(
                    gettext_noop("message %(number)d is larger than %(mb)d MB"),
                    params={"number": number, "mb": MAX_MESSAGE_BYTES // (1024 * 1024)},
                    filename=name,
                    line=start,
                )
            chunks.append(line)
            previous_blank = line in (b"\n", b"\r\n")
        data = b"".join(chunks)
        if not data.endswith(b"\n") or not re.search(rb"\r?\n\r?\n", data):
            raise IngestError(
                gettext_noop("the archive ends in the middle of message %(number)d (truncated?)"),
                params={"number": number},
                filename=name,
                line=line_no,
            )
        yield RawMessage(name, number, start, data)


def parse_raw(raw: RawMessage) -> ParsedEmail:
    """Parse one message of an archive; errors name the archive, message and line."""
    try:
        return parse_eml(raw.data, raw.filename)
    except IngestError as exc:
        raise IngestError(
            Message(
                gettext_noop("message %(number)d: %(reason)s"),
                {"number": raw.number, "reason": exc.text},
            ),
            filename=raw.filename,
            line=raw.line,
            part=exc.part,
        ) from exc
