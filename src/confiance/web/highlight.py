"""Split a text into plain pieces, combative findings and collaborative moves, in place."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Piece:
    text: str
    finding: dict | None = None
    ident: str = ""
    move: dict | None = None


def pieces(
    text: str, findings: list[dict], *, prefix: str = "f", moves: list[dict] | None = None
) -> list[Piece]:
    """Cut ``text`` at the offsets of findings (and moves, if given).

    When spans overlap, a finding wins over a move and the earlier span over the later one:
    nothing is marked twice and the text comes back whole.
    """
    spans = [(f["start"], f["end"], 0, "finding", f) for f in findings]
    spans += [(m["start"], m["end"], 1, "move", m) for m in moves or []]
    spans.sort(key=lambda s: (s[0], s[2], -s[1]))
    result: list[Piece] = []
    cursor = 0
    for number, (start, end, _rank, kind, span) in enumerate(spans):
        if start < cursor or end <= start or end > len(text):
            continue
        if start > cursor:
            result.append(Piece(text[cursor:start]))
        ident = f"{prefix}{number}"
        if kind == "finding":
            result.append(Piece(text[start:end], finding=span, ident=ident))
        else:
            result.append(Piece(text[start:end], move=span, ident=ident))
        cursor = end
    if cursor < len(text):
        result.append(Piece(text[cursor:]))
    return result


def by_segment(spans: list[dict]) -> dict[int | None, list[dict]]:
    """Group findings or moves by their transcript segment (None for plain text)."""
    grouped: dict[int | None, list[dict]] = {}
    for span in spans:
        grouped.setdefault(span.get("segment"), []).append(span)
    return grouped
