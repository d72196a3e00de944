"""``confiance demo-data``: load the demo portfolio (see docs/demo.md)."""

from __future__ import annotations

import time

import typer


def demo_data(
    if_empty: bool = typer.Option(
        False, "--if-empty", help="Do nothing when the database already holds accounts."
    ),
    seed: int | None = typer.Option(
        None, "--seed", help="Seed of the random choices; the same seed gives the same data."
    ),
) -> None:
    """Load a realistic, bilingual demo portfolio for one team, and print the logins."""
    # Imported here so that ``python -m confiance.cli`` does not import the CLI twice over.
    from confiance.cli import console, err_console, setup_django

    setup_django()
    from django.db import DatabaseError
    from django.utils.translation import gettext as _

    from confiance.accounts.models import Account
    from confiance.coach import CoachError
    from confiance.demo import DEFAULT_SEED, DEMO_PASSWORD, TEAM_NAME, demo_logins, load_demo
    from confiance.users.models import Team

    try:
        if if_empty and Account.objects.exists():
            console.print(_("The database already holds accounts: demo data not loaded."))
            if Team.objects.filter(name=TEAM_NAME).exists():  # the demo, loaded earlier
                _print_logins(demo_logins(), DEMO_PASSWORD)
            return
        if Account.objects.filter(team__name=TEAM_NAME).exists():
            # A second load would add a second copy of every account to the same team.
            err_console.print(
                "[red]error:[/red] "
                + _(
                    "The demo team “%(team)s” is already loaded; loading it again would "
                    "duplicate its accounts. Nothing was changed."
                )
                % {"team": TEAM_NAME}
            )
            _print_logins(demo_logins(), DEMO_PASSWORD)
            raise typer.Exit(1)
        started = time.perf_counter()
        result = load_demo(seed=DEFAULT_SEED if seed is None else seed)
    except DatabaseError as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        err_console.print(_("Run `confiance migrate` first if the tables are missing."))
        raise typer.Exit(1) from exc
    except CoachError as exc:  # nothing was written: the load is one transaction
        err_console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    counts = result.counts
    console.print(
        _(
            "Loaded %(accounts)s accounts, %(contacts)s contacts, %(interactions)s "
            "interactions, %(commitments)s commitments, %(opportunities)s opportunities "
            "and %(topics)s topics in %(seconds).1f s."
        )
        % {**counts, "seconds": time.perf_counter() - started}
    )
    _print_logins(result.logins, result.password)


def _print_logins(logins: list[tuple[str, str, str]], password: str) -> None:
    from django.utils.translation import gettext as _

    from confiance.cli import console
    from confiance.users.models import Role

    console.print(_("Sign in with password %(password)s as:") % {"password": password})
    for username, role, name in logins:
        console.print(f"  [bold]{username}[/bold]  {name} ({Role(role).label})")
