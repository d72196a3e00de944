"""The readable Rich report of ``confiance coach``: the text with findings highlighted in place,
then each finding explained with its rewrite, the collaborative moves, the commitments and,
for transcripts, the per-speaker table. Headings follow the language of the analysed text."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from confiance.commands.coach import MOVE_STYLE, SEVERITY_STYLES, Source, translator

DISPLAY_LIMIT = 20_000  # characters of text shown highlighted; --json has everything
LIST_LIMIT = 100  # findings and moves listed one by one; --json has everything

# Control characters (but tab and newline), DEL, C1 controls and bidirectional overrides would
# drive the terminal (ESC sequences) or reorder what is shown; each becomes one U+FFFD so
# that finding offsets still line up with the displayed text.
_UNSAFE = {c: "\ufffd" for c in [*range(0, 9), *range(11, 32), *range(127, 160)]}
_UNSAFE |= {c: "\ufffd" for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}


def clean(text: str) -> str:
    """``text`` safe for the terminal, of the same length (offsets stay valid)."""
    return text.translate(_UNSAFE)


def _severity_style(severity: int) -> str:
    return SEVERITY_STYLES.get(max(1, min(int(severity or 1), 3)), SEVERITY_STYLES[1])


def highlighted(text: str, findings: list[dict], moves: list[dict]) -> Text:
    """``text`` as Rich Text with moves underlined and findings coloured by severity."""
    shown = text[:DISPLAY_LIMIT].rstrip()  # trailing blank lines only pad the panel
    rich_text = Text(clean(shown))
    for move in moves:
        if move["end"] <= len(shown):
            rich_text.stylize(MOVE_STYLE, move["start"], move["end"])
    for finding in findings:
        if finding["end"] <= len(shown):
            rich_text.stylize(
                _severity_style(finding["severity"]), finding["start"], finding["end"]
            )
    if len(text) > DISPLAY_LIMIT:
        rich_text.append(f"\n… (+{len(text) - DISPLAY_LIMIT:,} characters)", style="dim")
    return rich_text


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return ""
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def quoted(text: str, gettext) -> str:
    """``text`` between the language's quotation marks (« … » in French)."""
    return gettext("“%(text)s”") % {"text": text}


def labelled(label: str, gettext) -> str:
    """``label`` followed by the language's colon (French puts a space before it)."""
    return gettext("%(label)s: ") % {"label": label}


def signed(value: float, gettext, digits: int = 2) -> str:
    """A tone such as +0.40, with the language's decimal separator."""
    # Translators: the decimal separator.
    return f"{value:+.{digits}f}".replace(".", gettext("."))


def print_heading(console: Console, title: str, items: list, gettext) -> None:
    """A section heading with its count, and "None found." under it when it is empty."""
    console.print(f"\n[bold]{escape(title)} ({len(items)})[/bold]")
    if not items:
        none_found = gettext("None found.")  # outside the f-string, where xgettext sees it
        console.print(f"  {escape(none_found)}")


def _tone_text(value: float, gettext) -> Text:
    if value <= -0.2:
        word, style = gettext("combative"), "red"
    elif value >= 0.2:
        word, style = gettext("collaborative"), "green"
    else:
        word, style = gettext("neutral"), "yellow"
    filled = round((value + 1) * 5)
    return Text.assemble(
        (f"{signed(value, gettext)} ", f"bold {style}"),
        ("█" * filled, style),
        ("░" * (10 - filled), "dim"),
        f"  {word}",
    )


def _body(source: Source, result: dict[str, Any], gettext) -> Group | Text:
    findings, moves = result["findings"], result["moves"]
    if not source.turns:
        return highlighted(source.text or "", findings, moves)
    parts = []
    segments = result.get("segments") or []
    for index, turn in enumerate(source.turns):
        mine = [f for f in findings if f.get("segment") == index]
        own_moves = [m for m in moves if m.get("segment") == index]
        line = Text.assemble(
            (f"{_clock(turn.start)} ", "dim"), (f"{clean(turn.speaker) or '—'}", "bold")
        )
        if index < len(segments):
            # Each turn's own tone, and its language when it differs from the whole call's.
            segment = segments[index]
            other = segment.get("lang") if segment.get("lang") != result.get("lang") else None
            tone = signed(segment.get("tone", 0), gettext, 1)
            line.append(f" ({tone}{', ' + other if other else ''})", "dim")
        line.append(gettext("%(label)s: ") % {"label": ""}, "bold")
        line.append_text(highlighted(turn.text, mine, own_moves))
        parts.append(line)
    return Group(*parts)


def _who(item: dict, source: Source, gettext) -> str:
    segment = item.get("segment")
    if segment is None or not source.turns or segment >= len(source.turns):
        return ""
    return labelled(clean(source.turns[segment].speaker) or "—", gettext)


def render_findings(console: Console, source: Source, result: dict, names: dict, gettext) -> None:
    """Each finding: what, why, a rewrite the seller could say and a question to ask instead."""
    findings = result["findings"]
    print_heading(console, gettext("Combative framings"), findings, gettext)
    for number, finding in enumerate(findings[:LIST_LIMIT], start=1):
        label = names.get(finding["category"], finding["category"])
        head = Text.assemble(
            f"{number:>3}. ",
            (_who(finding, source, gettext), "bold"),
            (quoted(clean(finding["text"]), gettext), _severity_style(finding["severity"])),
            f"  {label}",
            (" · " + gettext("severity %(level)d of 3") % {"level": finding["severity"]}, "dim"),
        )
        console.print(head)
        for title, key, style in (
            (gettext("Why it hurts"), "explanation", ""),
            (gettext("Say instead"), "rewrite", "green"),
            (gettext("Ask"), "question", "cyan"),
        ):
            if finding.get(key):
                console.print(
                    Text.assemble(
                        "     ", (labelled(title, gettext), "bold"), (clean(finding[key]), style)
                    )
                )
    _more(console, len(findings), gettext)


def _more(console: Console, total: int, gettext) -> None:
    if total > LIST_LIMIT:
        more = gettext("… and %(count)d more (use --json for all)") % {"count": total - LIST_LIMIT}
        console.print(Text(f"  {more}", style="dim"))


def render_moves(console: Console, source: Source, result: dict, names: dict, gettext) -> None:
    """Collaborative moves, one line each."""
    moves = result["moves"]
    print_heading(console, gettext("Collaborative moves"), moves, gettext)
    for move in moves[:LIST_LIMIT]:
        label = names.get(move["category"], move["category"])
        console.print(
            Text.assemble(
                "  • ",
                (_who(move, source, gettext), "bold"),
                (labelled(label, gettext), "green"),
                quoted(clean(move["text"]), gettext),
            )
        )
    _more(console, len(moves), gettext)


def render_commitments(console: Console, source: Source, result: dict, gettext) -> None:
    """Promises found in the text, with who made them and when they are due."""
    commitments = result["commitments"]
    print_heading(console, gettext("Commitments"), commitments, gettext)
    if not commitments:
        return
    table = Table(show_edge=False)
    for title in (gettext("Who"), gettext("Action"), gettext("Due"), gettext("Text")):
        table.add_column(title)
    for item in commitments:
        who = item.get("speaker") or ""
        if not who and item.get("party") == "speaker":
            # Plain text: the writer promised; for an e-mail that is the sender.
            who = source.headers.get("from_name") or gettext("writer")
        who = who or item.get("party") or ""
        cells = (who, item.get("action") or "", item.get("due_date") or "—", item["text"])
        table.add_row(*(Text(clean(str(cell))) for cell in cells))
    console.print(table)


def render_speakers(console: Console, result: dict, gettext) -> None:
    """Talk share, questions, longest monologue and tone per speaker (transcripts)."""
    table = Table(title=gettext("Speakers"), title_justify="left")
    headings = (
        gettext("Speaker"),
        gettext("Words"),
        gettext("Talk share"),
        gettext("Time share"),
        gettext("Questions"),
        gettext("Longest monologue (words / time)"),
        gettext("Tone"),
    )
    for number, title in enumerate(headings):
        table.add_column(title, justify="left" if number == 0 else "right")
    for row in result["speakers"]:
        seconds = row.get("longest_monologue_seconds")
        monologue = str(row.get("longest_monologue_words", 0))
        if seconds:
            monologue += f" / {seconds:.0f}s"
        table.add_row(
            Text(clean(row["speaker"] or "—")),
            str(row.get("words", 0)),
            f"{row.get('word_share', 0):.0%}",
            f"{row['time_share']:.0%}" if row.get("time_share") is not None else "—",
            str(row.get("questions", 0)),
            monologue,
            signed(row.get("tone", 0), gettext),
        )
    console.print()
    console.print(table)


def render_report(
    console: Console, source: Source, result: dict[str, Any], reference: dt.date | None
) -> None:
    """Print the whole report for one analysed file."""
    from confiance.coach import labels

    lang = result.get("lang") or "en"
    gettext = translator(lang)
    names = labels(lang)
    title = Text.assemble(("Coach", "bold"), f" — {clean(source.name)} ({source.format}, {lang})")
    if reference:
        reference_label = gettext("reference date")
        title.append(f" · {reference_label} {reference.isoformat()}", style="dim")
    console.print(title)
    for key in ("from", "subject", "date"):
        if source.headers.get(key):
            console.print(Text(f"{key.title()}: {clean(source.headers[key])}", style="dim"))
    tone_label = labelled(gettext("Tone"), gettext)
    console.print(Text.assemble((tone_label, "bold"), _tone_text(result["tone"], gettext)))
    console.print(Panel(_body(source, result, gettext), border_style="dim"))
    render_findings(console, source, result, names, gettext)
    render_moves(console, source, result, names, gettext)
    render_commitments(console, source, result, gettext)
    if result.get("speakers"):
        render_speakers(console, result, gettext)
    summary = " · ".join(
        labelled(title, gettext) + str(count)
        for title, count in (
            (gettext("Combative framings"), len(result["findings"])),
            (gettext("Collaborative moves"), len(result["moves"])),
            (gettext("Commitments"), len(result["commitments"])),
        )
    )
    console.print(Text(f"\n{summary} · {tone_label}{signed(result['tone'], gettext)}"))
