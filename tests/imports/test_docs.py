from __future__ import annotations

from pathlib import Path

import click
import typer.main

from confiance.cli import app

DOCS = (Path(__file__).resolve().parents[2] / "docs" / "import-export.md").read_text(
    encoding="utf-8"
)


def _commands():
    group = typer.main.get_command(app)
    for name in ("import", "export", "import-export"):
        yield name, group.commands[name]
    person = group.commands["person"]
    for name, command in person.commands.items():
        yield f"person {name}", command


def test_every_command_and_option_is_documented():
    for name, command in _commands():
        assert f"confiance {name}" in DOCS, name
        for param in command.params:
            if isinstance(param, click.Option):
                for option in param.opts:
                    if option.startswith("--") and option != "--help":
                        assert f"`{option}`" in DOCS, f"{name} {option}"


def test_every_fixture_is_documented():
    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
    for path in fixtures.iterdir():
        stem = (
            path.name.split("_")[0]
            if path.name.startswith(("hubspot_", "salesforce_"))
            else path.name
        )
        assert stem in DOCS, path.name
