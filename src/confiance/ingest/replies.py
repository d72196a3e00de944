"""Separate the new text of an e-mail from the quoted reply and the signature.

The markers are the ones Gmail, Outlook, Apple Mail and Thunderbird write, in English and
French; see docs/import-export.md.
"""

from __future__ import annotations

import re

_ATTRIBUTION = re.compile(
    r"^(On .{4,200}wrote:|Le .{4,200}a [ée]crit\s?:|.{0,80}<[^>\s]+@[^>\s]+> (a [ée]crit|wrote)\s?:)\s*$",
    re.I,
)
_ATTRIBUTION_START = re.compile(r"^(On|Le) .{4,200}$")
_OUTLOOK_SEPARATOR = re.compile(
    r"^\s*(-{2,}\s*(Original Message|Message d'origine|Forwarded message|Message transf[ée]r[ée])\s*-{2,}|_{20,})\s*$",
    re.I,
)
_OUTLOOK_HEADER = re.compile(r"^\s*\*?(From|De)\s?:\*?\s.+", re.I)
_OUTLOOK_NEXT = re.compile(r"^\s*\*?(Sent|Envoy[ée]|Date|To|[ÀA])\s?:\*?\s", re.I)
_MOBILE = re.compile(
    r"^(Sent from my |Envoy[ée] (de|depuis) mon |Get Outlook for |Obtenir Outlook pour )", re.I
)
_VALEDICTION = re.compile(
    r"^(best( regards)?|kind regards|regards|warm regards|many thanks|thanks( again)?|cheers|"
    r"cordialement|bien cordialement|bien [àa] (vous|toi)|belle journ[ée]e|merci( encore)?|"
    r"bonne journ[ée]e|sinc[èe]rement|salutations)[,.!]?\s*$",
    re.I,
)
_MAX_SIGNATURE_LINES = 8


def split_reply(text: str) -> tuple[str, str, str]:
    """Return ``(new_text, quoted_text, signature)`` of a plain-text body."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cut = _quote_start(lines)
    own, quoted = lines[:cut], lines[cut:]
    body, signature = _split_signature(own)
    return (
        "\n".join(body).strip(),
        "\n".join(quoted).strip(),
        "\n".join(signature).strip(),
    )


def _quote_start(lines: list[str]) -> int:
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith(">"):
            # An attribution line just above the quote belongs to the quote.
            above = index
            while above > 0 and not lines[above - 1].strip():
                above -= 1
            if above > 0 and _is_attribution(lines, above - 1):
                return _attribution_top(lines, above - 1)
            return index
        if _ATTRIBUTION.match(stripped) or _OUTLOOK_SEPARATOR.match(stripped):
            return _attribution_top(lines, index)
        if (
            _OUTLOOK_HEADER.match(stripped)
            and index + 1 < len(lines)
            and _OUTLOOK_NEXT.match(lines[index + 1])
        ):
            return index
    return len(lines)


def _is_attribution(lines: list[str], index: int) -> bool:
    stripped = lines[index].strip()
    if _ATTRIBUTION.match(stripped):
        return True
    # Gmail wraps long attributions: "On Mon, ... Sophie Martin <" / "sophie@x.com> wrote:"
    return index > 0 and bool(_ATTRIBUTION.match(f"{lines[index - 1].strip()} {stripped}"))


def _attribution_top(lines: list[str], index: int) -> int:
    stripped = lines[index].strip()
    if (
        index > 0
        and not _ATTRIBUTION.match(stripped)
        and _ATTRIBUTION_START.match(lines[index - 1].strip())
    ):
        return index - 1
    if (
        _ATTRIBUTION.match(stripped)
        and not _ATTRIBUTION_START.match(stripped)
        and index > 0
        and _ATTRIBUTION_START.match(lines[index - 1].strip())
    ):
        return index - 1
    return index


def _split_signature(lines: list[str]) -> tuple[list[str], list[str]]:
    for index, line in enumerate(lines):
        if line.rstrip() in {"--", "-- "} or line == "-- ":
            return lines[:index], lines[index + 1 :]
        if _MOBILE.match(line.strip()):
            return lines[:index], lines[index:]
    # A closing ("Best regards,", "Cordialement") followed by a few short lines (name,
    # title, phone) is a signature without the "-- " delimiter, as Outlook writes it.
    content = [i for i, line in enumerate(lines) if line.strip()]
    for position, index in enumerate(content):
        if position > 0 and _VALEDICTION.match(lines[index].strip()):
            rest = content[position + 1 :]
            if len(rest) <= _MAX_SIGNATURE_LINES and all(len(lines[i]) <= 80 for i in rest):
                return lines[:index], lines[index:]
    return lines, []
