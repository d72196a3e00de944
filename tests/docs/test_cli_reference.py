"""The command reference in docs/ is generated from --help and must stay current."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_generator():
    spec = importlib.util.spec_from_file_location(
        "cli_reference", ROOT / "scripts" / "cli_reference.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_command_is_documented_in_the_reference():
    generator = load_generator()
    from typer.main import get_command

    from confiance.cli import app

    documented = (ROOT / "docs" / "cli-reference.md").read_text(encoding="utf-8")
    for path in generator.command_paths(get_command(app)):
        assert f"## `confiance {' '.join(path)}`" in documented, (
            f"`confiance {' '.join(path)}` is missing from docs/cli-reference.md: run `make cli-docs`"
        )


def test_the_reference_matches_the_commands_help():
    generator = load_generator()
    committed = (ROOT / "docs" / "cli-reference.md").read_text(encoding="utf-8")
    assert committed == generator.render(), "docs/cli-reference.md is stale: run `make cli-docs`"
