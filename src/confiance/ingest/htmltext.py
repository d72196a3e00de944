"""HTML e-mail bodies -> plain text, keeping quoted blocks recognisable (``> `` prefixes)."""

from __future__ import annotations

from html.parser import HTMLParser

_BLOCK = {
    "p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "pre", "section", "article", "header", "footer",
}  # fmt: skip
_SKIP = {"script", "style", "head", "title", "template"}
# Where Gmail and Outlook put the earlier message of a reply.
_QUOTE_CLASSES = ("gmail_quote", "yahoo_quoted", "moz-cite-prefix")
_QUOTE_IDS = ("divrplyfwdmsg", "appendonsend", "mail-editor-reference-message-container")


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip = 0
        self.quote_depth = 0
        self.stack: list[bool] = []  # for each open element: did it start a quote?

    def _flush(self) -> None:
        line = " ".join("".join(self.current).split())
        self.current = []
        prefix = "> " * self.quote_depth
        self.lines.append(f"{prefix}{line}".rstrip() if line else prefix.rstrip())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
            return
        if tag in _BLOCK:
            self._flush()
        if tag in {"br", "hr", "img", "meta", "link", "input"}:
            return  # void elements never close
        values = {k: (v or "").lower() for k, v in attrs}
        quoting = tag == "blockquote" or any(c in values.get("class", "") for c in _QUOTE_CLASSES)
        quoting = quoting or values.get("id", "") in _QUOTE_IDS
        if quoting:
            self._flush()
            self.quote_depth += 1
        if len(self.stack) < 200:  # deeply nested junk must not grow without bound
            self.stack.append(quoting)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if tag in _BLOCK:
            self._flush()
        if tag in {"br", "hr", "img", "meta", "link", "input"} or not self.stack:
            return
        if self.stack.pop():
            self._flush()
            self.quote_depth = max(0, self.quote_depth - 1)

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.current.append(data)


def html_to_text(markup: str) -> str:
    """Readable text of an HTML body; quoted replies come out prefixed with ``> ``."""
    converter = _Converter()
    converter.feed(markup)
    converter.close()
    converter._flush()
    text = "\n".join(converter.lines)
    # Collapse the runs of blank lines that nested blocks leave behind.
    out: list[str] = []
    for line in text.split("\n"):
        if line.strip(" >") or (out and out[-1].strip(" >")):
            out.append(line)
    return "\n".join(out).strip("\n")
