"""Read gettext catalogues without gettext tools or polib: the .po we write, the .mo we ship.

CI is not guaranteed to have msgfmt or msgattrib, so the tests parse both formats here.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass, field
from pathlib import Path

ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f"}
KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"\s*$')
CONTINUATION = re.compile(r'^"(.*)"\s*$')


@dataclass
class Entry:
    """One message of a .po file; ``msgstr`` holds one string, or one per plural form."""

    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr)

    @property
    def key(self) -> str:
        """The key gettext uses in a compiled catalogue."""
        key = self.msgid if self.msgctxt is None else f"{self.msgctxt}\x04{self.msgid}"
        return key if self.msgid_plural is None else f"{key}\x00{self.msgid_plural}"


def unescape(text: str) -> str:
    """Undo the C-style escapes of a quoted .po string."""

    def one(match: re.Match[str]) -> str:
        if match.group(1) not in ESCAPES:
            raise ValueError(f"unknown escape \\{match.group(1)}")
        return ESCAPES[match.group(1)]

    return re.sub(r"\\(.)", one, text)


def parse_po(path: Path) -> list[Entry]:
    """Every live entry of a .po file, header included; obsolete (#~) entries are left out."""
    entries: list[Entry] = []
    current = Entry()
    target: tuple[str, int | None] | None = None  # the field a continuation line extends

    def finish() -> None:
        nonlocal current, target
        if target is not None:
            entries.append(current)
        current, target = Entry(), None

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
        elif line.startswith("#~"):
            continue
        elif line.startswith("#"):
            if target is not None:
                finish()  # comments open the next entry even without a blank line
            if line.startswith("#,"):
                current.flags.update(flag.strip() for flag in line[2:].split(","))
        elif match := KEYWORD.match(line):
            keyword, index, text = match.group(1), match.group(2), unescape(match.group(3))
            if keyword in ("msgctxt", "msgid") and target and target[0].startswith("msgstr"):
                finish()
            if keyword.startswith("msgstr"):
                slot = int(index) if index is not None else 0
                while len(current.msgstr) <= slot:
                    current.msgstr.append("")
                current.msgstr[slot] = text
                target = ("msgstr", slot)
            else:
                setattr(current, keyword, text)
                target = (keyword, None)
                current.line = current.line or number
        elif match := CONTINUATION.match(line):
            if target is None:
                raise ValueError(f"{path}:{number}: string outside an entry")
            text = unescape(match.group(1))
            if target[0] == "msgstr":
                current.msgstr[target[1]] += text
            else:
                setattr(current, target[0], getattr(current, target[0]) + text)
        else:
            raise ValueError(f"{path}:{number}: cannot read {raw!r}")
    finish()
    return entries


def read_mo(path: Path) -> dict[str, str]:
    """The messages of a compiled catalogue: key (see ``Entry.key``) to translation.

    Plural translations are joined with NUL, as the .mo format stores them.
    """
    data = path.read_bytes()
    magic = struct.unpack("<I", data[:4])[0]
    order = "<" if magic == 0x950412DE else ">"
    _, count, originals, translations = struct.unpack(order + "4I", data[4:20])
    messages = {}
    for i in range(count):
        length, offset = struct.unpack(
            order + "2I", data[originals + 8 * i : originals + 8 * i + 8]
        )
        key = data[offset : offset + length].decode("utf-8")
        length, offset = struct.unpack(
            order + "2I", data[translations + 8 * i : translations + 8 * i + 8]
        )
        messages[key] = data[offset : offset + length].decode("utf-8")
    return messages


def header(entries: list[Entry]) -> dict[str, str]:
    """The header fields of a catalogue (the entry whose msgid is empty)."""
    text = next(e.msgstr[0] for e in entries if e.msgid == "" and e.msgctxt is None)
    return dict(
        (name.strip(), value.strip())
        for name, _, value in (line.partition(":") for line in text.splitlines())
        if name
    )
