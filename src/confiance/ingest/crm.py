"""CRM CSV exports (HubSpot, Salesforce, or any CSV with a mapping file) -> records.

The header row says which tool wrote the file and which object it holds (companies or
accounts, contacts, deals or opportunities); see ``crm_profiles`` for the exact labels.
Files are read twice (once to settle the encoding, once to parse), each time streamed, so
memory stays bounded whatever the size.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from confiance.ingest.crm_profiles import ENTITIES, PROFILES, Profile
from confiance.ingest.errors import IngestError, Message, Quoted
from confiance.ingest.i18n import gettext_noop

_DELIMITERS = (",", ";", "\t", "|")
# What a recognised profile holds, in words each language can order its own way.
_EXPORTS = {
    "account": gettext_noop("%(source)s account export"),
    "contact": gettext_noop("%(source)s contact export"),
    "opportunity": gettext_noop("%(source)s opportunity export"),
}
_SNIFF_BYTES = 64 * 1024


@dataclass
class CrmRecord:
    """One row, with its values under canonical field names (see ``crm_profiles``)."""

    line: int
    values: dict[str, str]

    def get(self, name: str) -> str:
        return self.values.get(name, "").strip()


@dataclass
class CrmFile:
    """A recognised CSV: who wrote it, what it holds, and how to read it."""

    path: Path
    filename: str
    source: str  # "hubspot", "salesforce", "mapping"
    entity: str  # "account", "contact", "opportunity"
    encoding: str
    delimiter: str
    headers: list[str]
    columns: dict[str, int] = field(default_factory=dict)  # canonical name -> column index

    def records(self) -> Iterator[CrmRecord]:
        """Stream the data rows; raise IngestError naming the line on a malformed row."""
        with _open_text(self.path, self.encoding) as handle:
            # strict: a quote left open at the end of the file (a truncated export) is an
            # error naming its line, not a last row that silently swallows the rest.
            reader = csv.reader(handle, delimiter=self.delimiter, strict=True)
            try:
                next(reader, None)  # header
                for row in reader:
                    if not any(cell.strip() for cell in row):
                        continue
                    if len(row) != len(self.headers):
                        raise IngestError(
                            gettext_noop(
                                "this row has %(fields)d fields but the header has "
                                "%(headers)d: a stray '%(delimiter)s' or an unclosed quote?"
                            ),
                            params={
                                "fields": len(row),
                                "headers": len(self.headers),
                                "delimiter": self.delimiter,
                            },
                            filename=self.filename,
                            line=reader.line_num,
                        )
                    values = {name: row[index] for name, index in self.columns.items()}
                    yield CrmRecord(reader.line_num, values)
            except csv.Error as exc:
                raise IngestError(
                    gettext_noop("malformed CSV: %(reason)s"),
                    params={"reason": str(exc)},
                    filename=self.filename,
                    line=reader.line_num,
                ) from exc
            except UnicodeDecodeError as exc:
                raise _not_valid(self.encoding, self.filename) from exc


def open_crm_csv(path: str | Path, filename: str = "", mapping: Path | None = None) -> CrmFile:
    """Recognise a CRM export (or apply ``mapping``); raise IngestError when unrecognised."""
    path = Path(path)
    filename = filename or path.name
    encoding = _detect_encoding(path, filename)
    try:
        with _open_text(path, encoding) as handle:
            sample = handle.read(_SNIFF_BYTES)
    except UnicodeDecodeError as exc:
        raise _not_valid(encoding, filename) from exc
    first_line = sample.splitlines()[0] if sample.strip() else ""
    if not first_line.strip():
        raise IngestError(gettext_noop("empty file: no header row"), filename=filename, line=1)
    delimiter = _detect_delimiter(first_line)
    try:
        headers = next(csv.reader(io.StringIO(sample), delimiter=delimiter))
    except (csv.Error, StopIteration) as exc:
        raise IngestError(
            gettext_noop("malformed header row: %(reason)s"),
            params={"reason": str(exc)},
            filename=filename,
            line=1,
        ) from exc
    headers = [h.strip() for h in headers]
    if mapping is not None:
        profile = _load_mapping(mapping)
    else:
        profile = _recognise(headers, filename, delimiter)
    columns = _columns(profile, headers, filename)
    return CrmFile(
        path, filename, profile.source, profile.entity, encoding, delimiter, headers, columns
    )


def _not_valid(encoding: str, filename: str) -> IngestError:
    return IngestError(
        gettext_noop("the file is not valid %(encoding)s"),
        params={"encoding": encoding},
        filename=filename,
    )


def _open_text(path: Path, encoding: str):
    # Windows-1252 leaves five bytes undefined; Excel never writes them, junk might.
    errors = "replace" if encoding == "cp1252" else "strict"
    return path.open(encoding=encoding, newline="", errors=errors)


def _detect_encoding(path: Path, filename: str) -> str:
    """UTF-8 (BOM stripped) when every byte decodes, else Windows-1252; refuse binary."""
    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES)
        # UTF-16 first: every ASCII letter in it comes with a NUL byte (Excel's "Unicode text").
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        if b"\x00" in head:
            raise IngestError(
                gettext_noop("this is a binary file, not a CSV export"), filename=filename
            )
        decoder = codecs.getincrementaldecoder("utf-8")()
        chunk, lines, multibyte = head, 0, False
        try:
            while chunk:
                text = decoder.decode(chunk)
                multibyte = multibyte or any(ord(c) > 127 for c in text)
                lines += chunk.count(b"\n")
                chunk = handle.read(1024 * 1024)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            before = exc.object[: exc.start]
            if multibyte or any(ord(c) > 127 for c in before.decode("utf-8", errors="ignore")):
                # Accents already read as UTF-8, then a byte that is not: two encodings in
                # one file (rows pasted from elsewhere). Guessing would garble one of them.
                line = lines + before.count(b"\n") + 1
                raise IngestError(
                    gettext_noop(
                        "this file mixes UTF-8 with another encoding (byte %(byte)s): "
                        "save it again as UTF-8"
                    ),
                    params={"byte": f"0x{exc.object[exc.start]:02x}"},
                    filename=filename,
                    line=line,
                ) from exc
            return "cp1252"
    return "utf-8-sig"


def _detect_delimiter(header_line: str) -> str:
    counts = {d: next(csv.reader([header_line], delimiter=d), []) for d in _DELIMITERS}
    return max(_DELIMITERS, key=lambda d: len(counts[d]))


def _normal(label: str) -> str:
    return " ".join(label.replace("\ufeff", "").replace('"', "").split()).casefold()


def _recognise(headers: list[str], filename: str, delimiter: str) -> Profile:
    present = {_normal(h) for h in headers}
    best: tuple[int, Profile] | None = None
    for profile in PROFILES:
        if not all(any(_normal(a) in present for a in group) for group in profile.signature):
            continue
        score = sum(
            1 for labels in profile.fields.values() if any(_normal(a) in present for a in labels)
        )
        if best is None or score > best[0]:
            best = (score, profile)
    if best is None:
        shown = delimiter.join(headers)[:120]
        raise IngestError(
            gettext_noop(
                "unrecognised columns %(columns)s: expected a HubSpot or Salesforce export of "
                "companies/accounts, contacts or deals/opportunities (',' or ';' separated), "
                "or give a mapping file"
            ),
            params={"columns": Quoted(shown)},
            filename=filename,
            line=1,
        )
    return best[1]


def _columns(profile: Profile, headers: list[str], filename: str) -> dict[str, int]:
    index = {_normal(h): i for i, h in reversed(list(enumerate(headers)))}
    columns: dict[str, int] = {}
    for name, labels in profile.fields.items():
        for label in labels:
            if _normal(label) in index:
                columns[name] = index[_normal(label)]
                break
    missing = [name for name in profile.required if name not in columns]
    if missing:
        raise IngestError(
            gettext_noop("missing column for %(fields)s (%(export)s)"),
            params={
                "fields": ", ".join(missing),
                "export": Message(_EXPORTS[profile.entity], {"source": profile.source}),
            },
            filename=filename,
            line=1,
        )
    return columns


def _load_mapping(path: Path) -> Profile:
    """A mapping file names the entity and, for each field, the column that holds it.

    TOML (``entity = "account"`` then ``[columns]`` with ``name = "Raison sociale"``) or the
    same structure in JSON.
    """
    name = Path(path).name
    try:
        raw = Path(path).read_bytes()
        data = json.loads(raw) if name.endswith(".json") else tomllib.loads(raw.decode("utf-8"))
    except (OSError, ValueError, tomllib.TOMLDecodeError) as exc:
        raise IngestError(
            gettext_noop("unreadable mapping file: %(reason)s"),
            params={"reason": str(exc)},
            filename=name,
        ) from exc
    entity = data.get("entity") if isinstance(data, dict) else None
    columns = data.get("columns") if isinstance(data, dict) else None
    if entity not in ENTITIES or not isinstance(columns, dict):
        raise IngestError(
            gettext_noop("a mapping needs entity = one of %(entities)s and a [columns] table"),
            params={"entities": ", ".join(ENTITIES)},
            filename=name,
        )
    unknown = sorted(set(columns) - set(ENTITIES[entity]))
    if unknown:
        raise IngestError(
            gettext_noop("unknown field(s) %(unknown)s; known: %(known)s"),
            params={"unknown": ", ".join(unknown), "known": ", ".join(ENTITIES[entity])},
            filename=name,
        )
    fields = {key: (str(value),) for key, value in columns.items()}
    required = ("name",) if entity != "opportunity" else ("title",)
    if entity == "contact":
        required = ()
    return Profile("mapping", entity, signature=(), fields=fields, required=required)
