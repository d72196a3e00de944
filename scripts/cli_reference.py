"""Generate docs/cli-reference.md from the commands' own ``--help``.

``python scripts/cli_reference.py`` rewrites the file; ``--check`` exits 1 when it is stale.
The reference is generated, never written by hand, so that it cannot drift from the code.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from typer.main import get_command
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "cli-reference.md"
HEADER = """# `confiance` command reference

Generated from each command's `--help` by `python scripts/cli_reference.py`; do not edit by
hand (`make cli-docs` refreshes it, and a test fails when a command is missing or stale).
Guides with examples: [coach](coach.md), [insights](insights.md),
[import and export](import-export.md), [API tokens](api.md), [operating](operating.md).
"""


def command_paths(group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command path of the app, groups included, in registration order."""
    paths = []
    for name, command in getattr(group, "commands", {}).items():
        path = (*prefix, name)
        paths.append(path)
        paths.extend(command_paths(command, path))
    return paths


def render() -> str:
    os.environ.update({"COLUMNS": "100", "TERM": "dumb", "NO_COLOR": "1"})
    from confiance.cli import app

    click_app = get_command(app)
    runner = CliRunner()
    parts = [HEADER]
    for path in [(), *command_paths(click_app)]:
        result = runner.invoke(app, [*path, "--help"], prog_name="confiance", terminal_width=100)
        if result.exit_code != 0:
            raise SystemExit(f"confiance {' '.join(path)} --help failed:\n{result.output}")
        title = " ".join(("confiance", *path))
        body = "\n".join(line.rstrip() for line in result.output.strip("\n").splitlines())
        parts.append(f"## `{title}`\n\n```text\n{body}\n```\n")
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if not TARGET.exists() or TARGET.read_text(encoding="utf-8") != text:
            print(f"{TARGET.relative_to(ROOT)} is stale: run `make cli-docs`", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"Wrote {TARGET.relative_to(ROOT)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
