"""``confiance coach``: the conversation coach on a file, on stdin, or on a JSON-lines batch.

Needs neither the database nor Django settings: it imports only ``confiance.coach`` (the
engine) and ``confiance.ingest`` (the transcript and e-mail parsers). Headings follow the
language of the analysed text, read from the shared catalogue with the standard library.
"""

from __future__ import annotations

import datetime as dt
import gettext as gettext_module
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
TRANSCRIPT_SUFFIXES = {".vtt", ".srt"}
SEVERITY_STYLES = {1: "black on yellow", 2: "black on dark_orange", 3: "bold white on red"}
MOVE_STYLE = "underline green"


class Lang(StrEnum):
    fr = "fr"
    en = "en"


def _(message: str) -> str:
    """Translate a message to the user's locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)."""
    found = gettext_module.translation("django", localedir=str(LOCALE_DIR), fallback=True)
    return found.gettext(message)


def translator(lang: str) -> Callable[[str], str]:
    """gettext for ``lang`` from the project catalogue, without Django settings."""
    found = gettext_module.translation(
        "django", localedir=str(LOCALE_DIR), languages=[lang], fallback=True
    )
    return found.gettext


class UsageProblem(Exception):
    """Bad usage or unreadable input: exit status 2 with this message."""


@dataclass
class Source:
    """What was read: plain text or transcript turns, plus what the report shows about it."""

    name: str
    format: str  # "text", "vtt", "srt" or "eml"
    text: str | None = None
    turns: list[Any] = field(default_factory=list)
    reference_date: dt.date | None = None
    headers: dict[str, str] = field(default_factory=dict)


# --------------------------------------------------------------------------- reading input


def read_bytes(file: str) -> bytes:
    """The raw content of ``file`` (``-`` is stdin); UsageProblem when unreadable."""
    if file == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(file).read_bytes()
    except IsADirectoryError as exc:
        raise UsageProblem(_("%(file)s: is a directory, not a file") % {"file": file}) from exc
    except OSError as exc:
        raise UsageProblem(_cannot_read(file, exc)) from exc


def _cannot_read(file: str, exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        # In the user's language, not the system's English "No such file or directory".
        return _("%(file)s: no such file") % {"file": file}
    return _("%(file)s: cannot read: %(reason)s") % {"file": file, "reason": exc.strerror or exc}


def decode_utf8(data: bytes, name: str) -> str:
    """Strict UTF-8 (a BOM is allowed); the error names the file and the byte offset."""
    if b"\x00" in data[:65536]:
        raise UsageProblem(_("%(file)s: this is a binary file, not text") % {"file": name})
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        message = _(
            "%(file)s: not valid UTF-8 (byte 0x%(byte)02x at offset %(offset)d); "
            "save the file as UTF-8 and try again"
        )
        raise UsageProblem(
            message % {"file": name, "byte": data[exc.start], "offset": exc.start}
        ) from exc


def load_source(file: str, data: bytes) -> Source:
    """Parse ``data`` according to the file's extension (stdin: sniffed as WebVTT or text)."""
    from confiance.coach import TranscriptTurn
    from confiance.ingest.errors import IngestError

    name = "<stdin>" if file == "-" else file
    suffix = Path(file).suffix.lower()
    if file == "-" and data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"WEBVTT"):
        suffix, name = ".vtt", "stdin.vtt"
    try:
        if suffix in TRANSCRIPT_SUFFIXES:
            from confiance.ingest.transcripts import parse_transcript

            transcript = parse_transcript(data, name)
            turns = [TranscriptTurn(t.speaker, t.text, t.start, t.end) for t in transcript.turns]
            return Source(name, transcript.format, turns=turns)
        if suffix == ".eml":
            from confiance.ingest.email import parse_eml

            mail = parse_eml(data, name)
            name_part, address = mail.sender
            sender = " ".join(p for p in (name_part, f"<{address}>" if address else "") if p)
            headers = {"from": sender, "from_name": name_part, "subject": mail.subject}
            if mail.date is not None:
                headers["date"] = mail.date.isoformat()
            day = mail.date.date() if mail.date is not None else None
            return Source(name, "eml", text=mail.body_text, reference_date=day, headers=headers)
    except IngestError as exc:
        raise UsageProblem(exc.located(name).translated(_)) from exc
    return Source(name, "text", text=decode_utf8(data, name))


def analyse_source(source: Source, lang: str | None, day: dt.date | None) -> dict[str, Any]:
    """Run the engine; an explicit ``--date`` wins over the e-mail's Date header."""
    from confiance.coach import UnknownLanguageError, analyze

    reference = day or source.reference_date
    try:
        if source.turns:
            return analyze(segments=source.turns, lang=lang, reference_date=reference)
        return analyze(source.text or "", lang=lang, reference_date=reference)
    except UnknownLanguageError as exc:
        raise UsageProblem(str(exc)) from exc


# --------------------------------------------------------------------------- JSON lines


def _line_request(raw: bytes) -> tuple[str, str | None, dt.date | None, Any]:
    """Validate one input line; ValueError carries the message for the error object."""
    try:
        decoded = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})") from exc
    if not decoded.strip():
        raise ValueError("empty line: expected a JSON object")
    try:
        item = json.loads(decoded)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON: {exc.msg} (column {exc.colno})") from exc
    if not isinstance(item, dict):
        raise ValueError('expected a JSON object with a "text" field')
    text = item.get("text")
    if not isinstance(text, str):
        raise ValueError('missing "text" (a string)' if text is None else '"text" must be a string')
    lang = item.get("lang")
    if lang is not None and lang not in {"fr", "en"}:
        raise ValueError(f'unknown language {lang!r}: "lang" must be "fr" or "en"')
    day = None
    if item.get("date") is not None:
        try:
            day = dt.date.fromisoformat(str(item["date"]))
        except ValueError as exc:
            raise ValueError(f'"date" must be YYYY-MM-DD, not {item["date"]!r}') from exc
    return text, lang, day, item.get("id")


def analyse_line(number: int, raw: bytes, tone_only: bool) -> dict[str, Any]:
    """The output object for one input line: a result, or ``{"line": N, "error": ...}``."""
    from confiance.coach import analyze, tone

    try:
        text, lang, day, ident = _line_request(raw)
        if tone_only:
            result: dict[str, Any] = {"tone": tone(text, lang=lang)}
        else:
            result = analyze(text, lang=lang, reference_date=day)
    except ValueError as exc:  # includes UnknownLanguageError
        return {"line": number, "error": str(exc)}
    except Exception as exc:  # noqa: BLE001 - one bad text must never stop a batch
        return {"line": number, "error": f"engine error: {type(exc).__name__}: {exc}"}
    head: dict[str, Any] = {"line": number}
    if ident is not None:
        head["id"] = ident
    return head | result


def run_jsonl(
    stream: IO[bytes], out: IO[str], show_progress: bool, total: int | None, tone_only: bool
) -> tuple[int, int]:
    """Stream the batch line by line (constant memory); returns (lines, failed lines).

    ``total`` is the input size in bytes when known (a file), else the bar counts lines.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    lines = failed = 0
    progress = Progress(
        TextColumn("coach"),
        BarColumn(),
        MofNCompleteColumn() if total is None else TextColumn("{task.percentage:>3.0f}%"),
        TextColumn("{task.fields[errors]} errors"),
        console=Console(stderr=True),
        disable=not show_progress,
    )
    with progress:
        task = progress.add_task("coach", total=total, errors=0)
        for raw in stream:
            lines += 1
            result = analyse_line(lines, raw.rstrip(b"\r\n"), tone_only)
            failed += "error" in result
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
            progress.update(task, advance=len(raw) if total is not None else 1, errors=failed)
    out.flush()
    return lines, failed


# --------------------------------------------------------------------------- the command


def coach(
    file: str | None = typer.Argument(
        None,
        metavar="FILE",
        help="Text (.txt, .md), transcript (.vtt, .srt) or e-mail (.eml) to analyse; "
        "'-' reads stdin. With --jsonl: the JSON-lines file (default stdin).",
        show_default=False,
    ),
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang", help="Language of the text; detected when omitted.", show_default=False
        ),
    ] = None,
    date: str | None = typer.Option(
        None,
        "--date",
        metavar="YYYY-MM-DD",
        help="Reference date for due dates such as 'by Friday' (default: today, or the "
        "e-mail's Date header).",
        show_default=False,
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the full result as JSON."),
    jsonl: bool = typer.Option(
        False,
        "--jsonl",
        help='Batch: one {"text": ..., "lang": ...} object per input line, one JSON result '
        "per output line, in order.",
    ),
    tone_only: bool = typer.Option(
        False, "--tone-only", help="With --jsonl: compute only the tone (fast path)."
    ),
    progress: bool = typer.Option(
        False, "--progress", help="With --jsonl: show the progress bar even when not a TTY."
    ),
) -> None:
    """Find combative framings and collaborative moves in notes, e-mails and transcripts.

    Exit status: 0 ok, 1 some --jsonl lines failed (each has an error object), 2 bad usage.
    """
    err = Console(stderr=True)
    try:
        day = _parse_date(date)
        if jsonl:
            _batch(file, progress, tone_only, err)
            return
        if file is None:
            raise UsageProblem(_("give a FILE to analyse, '-' for stdin, or --jsonl for a batch"))
        if tone_only:
            raise UsageProblem(_("--tone-only only applies to --jsonl"))
        source = load_source(file, read_bytes(file))
        result = analyse_source(source, lang.value if lang else None, day)
    except UsageProblem as exc:
        label = _("error:")
        err.print(f"[red]{escape(label)}[/red] {escape(str(exc))}", highlight=False)
        raise typer.Exit(2) from exc
    if as_json:
        payload = result | {"source": _source_info(source, day)}
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    from confiance.commands.coach_report import render_report

    render_report(Console(), source, result, day or source.reference_date)


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise UsageProblem(
            _("--date must be YYYY-MM-DD, not '%(value)s'") % {"value": value}
        ) from exc


def _source_info(source: Source, day: dt.date | None) -> dict[str, Any]:
    reference = day or source.reference_date
    info: dict[str, Any] = {"file": source.name, "format": source.format}
    info["reference_date"] = reference.isoformat() if reference else None
    if source.turns:
        info["turns"] = [
            {"speaker": t.speaker, "start": t.start, "end": t.end, "text": t.text}
            for t in source.turns
        ]
    return info | source.headers


def _batch(file: str | None, progress: bool, tone_only: bool, err: Console) -> None:
    if file in (None, "-"):
        stream, total = sys.stdin.buffer, None
    else:
        path = Path(file)
        try:
            stream, total = path.open("rb"), path.stat().st_size
        except OSError as exc:
            raise UsageProblem(_cannot_read(file, exc)) from exc
    show = progress or sys.stderr.isatty()
    try:
        lines, failed = run_jsonl(stream, sys.stdout, show, total, tone_only)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    summary = _("coach: analysed %(ok)d of %(lines)d, failed %(failed)d")
    err.print(escape(summary % {"lines": lines, "ok": lines - failed, "failed": failed}))
    if failed:
        raise typer.Exit(1)
