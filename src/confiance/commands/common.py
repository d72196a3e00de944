"""Pieces shared by the commands that work on the database: options, error exit, acting user."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

err_console = Console(stderr=True)


class Lang(StrEnum):
    fr = "fr"
    en = "en"


AsUser = Annotated[
    str | None,
    typer.Option(
        "--as",
        help="Username to act as (default: the only administrator, if there is exactly one).",
    ),
]
LangOpt = Annotated[
    Lang | None, typer.Option("--lang", help="fr or en (default: the user's profile language).")
]


def print_error(message: str) -> None:
    """``error: message`` on stderr, in the active language (French: ``erreur : …``)."""
    from django.utils.translation import gettext as _

    prefix = escape(_("error:"))
    err_console.print(f"[red]{prefix}[/red] {escape(message)}", soft_wrap=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``message`` as an error; the exit to raise."""
    print_error(message)
    return typer.Exit(code)


def acting_user(username: str | None):
    """The active user ``--as`` names, else the only administrator; exit 2 otherwise."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q
    from django.utils.translation import gettext as _

    from confiance.users.models import Role

    users = get_user_model().objects.filter(is_active=True)
    if username:
        found = users.filter(username=username).first()
        if found is None:
            raise fail(_("No such user: %(name)s") % {"name": username}, 2)
        return found
    admins = list(
        users.filter(Q(is_superuser=True) | Q(memberships__role=Role.ADMIN)).distinct()[:3]
    )
    if len(admins) == 1:
        return admins[0]
    raise fail(_("Say who you are with --as USERNAME (there is not exactly one administrator)."), 2)
