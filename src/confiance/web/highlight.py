"""Split a text into plain pieces and highlighted findings, for rendering in place."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Piece:
    text: str
    finding: dict | None = None
    ident: str = ""


def pieces(text: str, findings: list[dict], *, prefix: str = "f") -> list[Piece]:
    """Cut ``text`` at the findings' offsets; overlapping findings keep the earliest one."""
    result: list[Piece] = []
    cursor = 0
    for number, finding in enumerate(sorted(findings, key=lambda f: (f["start"], -f["end"]))):
        start, end = finding["start"], finding["end"]
        if start < cursor or end <= start or end > len(text):
            continue
        if start > cursor:
            result.append(Piece(text[cursor:start]))
        result.append(Piece(text[start:end], finding, f"{prefix}{number}"))
        cursor = end
    if cursor < len(text):
        result.append(Piece(text[cursor:]))
    return result


def by_segment(findings: list[dict]) -> dict[int | None, list[dict]]:
    """Group findings by the transcript segment they belong to (None for plain text)."""
    grouped: dict[int | None, list[dict]] = {}
    for finding in findings:
        grouped.setdefault(finding.get("segment"), []).append(finding)
    return grouped
