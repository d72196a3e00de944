"""The ``confiance`` command: one Typer app, thin over the services."""

from __future__ import annotations

import os
import sys

import typer
from rich.console import Console

app = typer.Typer(
    help="Confiance: the relationship workbench for trust-based, collaborative selling.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()
err_console = Console(stderr=True)


def setup_django() -> None:
    """Configure Django once; commands that need no database never call this."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "confiance.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


def run_django_command(*args: str) -> None:
    setup_django()
    from django.core.management import call_command
    from django.core.management.base import CommandError

    try:
        call_command(*args)
    except CommandError as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc


@app.command()
def migrate() -> None:
    """Create or update the database tables."""
    run_django_command("migrate", "--no-input", "-v", "1")
    console.print("Database is up to date.")


@app.command()
def check(
    deploy: bool = typer.Option(False, "--deploy", help="Check production settings."),
) -> None:
    """Run Django's system checks (``--deploy`` for production settings)."""
    args = ["check", "--fail-level", "WARNING"]
    if deploy:
        args.append("--deploy")
    run_django_command(*args)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
) -> None:
    """Serve the web app (development server; use a WSGI server in production)."""
    setup_django()
    from django.core.management import call_command

    console.print(f"Serving Confiance on [bold]http://{host}:{port}/[/bold] (Ctrl+C to stop)")
    call_command("runserver", f"{host}:{port}", "--noreload", "--skip-checks")


@app.command(
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
)
def manage(ctx: typer.Context) -> None:
    """Run any Django management command, e.g. ``confiance manage createsuperuser``."""
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["confiance manage", *ctx.args])


from confiance.commands.coach import coach  # noqa: E402 - registered after the core commands

app.command("coach")(coach)

from confiance.commands import insights as _insights  # noqa: E402

app.command("scorecard")(_insights.scorecard)
app.command("radar")(_insights.radar)
app.command("plans")(_insights.plans)
app.command("map")(_insights.buying_map)
app.command("brief")(_insights.brief)

from confiance.commands.tokens import token_app  # noqa: E402

app.add_typer(token_app, name="token")

from confiance.commands.data import demo_data  # noqa: E402

app.command("demo-data")(demo_data)

from confiance.commands import imports as _imports  # noqa: E402

app.command("import")(_imports.import_files)
app.command("export")(_imports.export)
app.command("import-export")(_imports.import_export)
app.add_typer(_imports.person_app, name="person")


def database_problem(exc: Exception) -> str | None:
    """What to tell the user when ``exc`` is a database that is missing, unmigrated or down."""
    if "django.db" not in sys.modules:
        return None
    from django.db import DatabaseError

    if not isinstance(exc, DatabaseError):
        return None
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if "no such table" in text or "does not exist" in text:
        return (
            f"the database has not been set up ({text}). Run `confiance migrate` first "
            "(or `make demo` for the demo portfolio)."
        )
    return f"the database could not be used ({text}). Check DATABASE_URL and the server."


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:
        problem = database_problem(exc)
        if problem is None:
            raise
        err_console.print(f"[red]error:[/red] {problem}", highlight=False)
        sys.exit(2)


if __name__ == "__main__":
    main()
