"""Template source checks for mistakes that show up as stray text on a page."""

from __future__ import annotations

import re
from pathlib import Path

import confiance

PACKAGE = Path(confiance.__file__).parent
# Django's {# … #} comment ends at the end of its line; an unclosed one is printed as text.
UNCLOSED_COMMENT = re.compile(r"\{#(?![^\n]*#\})")


def test_no_template_opens_a_one_line_comment_it_does_not_close_on_that_line():
    templates = sorted(PACKAGE.glob("*/templates/**/*.html"))
    assert templates
    broken = [
        f"{path.relative_to(PACKAGE)}:{source[: match.start()].count(chr(10)) + 1}"
        for path in templates
        for source in [path.read_text(encoding="utf-8")]
        for match in UNCLOSED_COMMENT.finditer(source)
    ]
    assert not broken, "use {% comment %} for comments over several lines: " + ", ".join(broken)
