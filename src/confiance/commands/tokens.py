"""``confiance token create|list|revoke``: personal API tokens from the command line."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

token_app = typer.Typer(help="Create, list and revoke personal API tokens.", no_args_is_help=True)


def _find_user(username: str):
    from django.contrib.auth import get_user_model
    from django.utils.translation import gettext as _

    from confiance.cli import err_console

    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        message = _("no user named %(name)s") % {"name": repr(username)}
        err_console.print(f"[red]{_('error:')}[/red] {escape(message)}")
        raise typer.Exit(1)
    return user


@token_app.command("create")
def create(
    user: Annotated[str, typer.Option("--user", "-u", help="Username the token acts for.")],
    scope: Annotated[
        str, typer.Option("--scope", "-s", help="read (read only) or write (read and write).")
    ] = "read",
    name: Annotated[str, typer.Option("--name", "-n", help="What the token is for.")] = "",
) -> None:
    """Create a token and print it once: it cannot be shown again."""
    from confiance.cli import console, err_console, setup_django

    setup_django()
    from django.utils.translation import gettext as _

    from confiance.api.tokens import create_token

    if scope not in {"read", "write"}:
        message = _("scope must be read or write, not %(scope)s") % {"scope": repr(scope)}
        err_console.print(f"[red]{_('error:')}[/red] {escape(message)}")
        raise typer.Exit(2)
    owner = _find_user(user)
    if not owner.is_active:
        # A deactivated user's tokens are refused by the API: do not hand out a dead token.
        message = _("%(name)s is deactivated: a token for them would not work") % {
            "name": repr(user)
        }
        err_console.print(f"[red]{_('error:')}[/red] {escape(message)}")
        raise typer.Exit(1)
    created = create_token(owner, scope, name)
    # The secret alone on stdout, so that scripts can capture it; the rest on stderr.
    summary = _(
        "Created %(scope)s token %(prefix)s… (id %(id)s) for %(user)s. "
        "Copy it now: it will not be shown again."
    ) % {"scope": scope, "prefix": created.token.prefix, "id": created.token.pk, "user": user}
    err_console.print(escape(summary))
    console.print(created.secret, markup=False, highlight=False, soft_wrap=True)


@token_app.command("list")
def list_tokens(
    user: Annotated[
        str | None, typer.Option("--user", "-u", help="Only this user's tokens.")
    ] = None,
) -> None:
    """List tokens (never their secrets) with their scope and last use."""
    from confiance.cli import console, setup_django

    setup_django()
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    from confiance.api.models import ApiToken

    tokens = ApiToken.objects.select_related("user").order_by("user__username", "-created_at")
    if user:
        tokens = tokens.filter(user=_find_user(user))
    table = Table(
        _("id"), _("token"), _("user"), _("name"), _("scope"), _("created"), _("last used"),
        _("status"),
    )  # fmt: skip
    count = 0
    for token in tokens:
        count += 1
        table.add_row(
            str(token.pk),
            f"{token.prefix}…",
            escape(token.user.get_username()),
            escape(token.name),
            token.scope,
            f"{token.created_at:%Y-%m-%d %H:%M %Z}",
            f"{token.last_used_at:%Y-%m-%d %H:%M %Z}" if token.last_used_at else _("never"),
            _("revoked %(day)s") % {"day": f"{token.revoked_at:%Y-%m-%d}"}
            if token.revoked_at
            else _("active"),
        )
    console.print(table)
    console.print(ngettext("%(n)d token.", "%(n)d tokens.", count) % {"n": count})


@token_app.command("revoke")
def revoke(
    token_id: Annotated[int, typer.Argument(help="The token's id (see `token list`).")],
) -> None:
    """Revoke a token: every request with it is refused from now on."""
    from confiance.cli import console, err_console, setup_django

    setup_django()
    from django.utils.translation import gettext as _

    from confiance.api.models import ApiToken
    from confiance.api.tokens import revoke_token

    token = ApiToken.objects.filter(pk=token_id).first()
    if token is None:
        message = _("no token with id %(id)s") % {"id": token_id}
        err_console.print(f"[red]{_('error:')}[/red] {escape(message)}")
        raise typer.Exit(1)
    values = {"prefix": token.prefix, "id": token_id}
    if not revoke_token(token):
        console.print(_("Token %(prefix)s… (id %(id)s) was already revoked.") % values)
        return
    console.print(_("Revoked token %(prefix)s… (id %(id)s).") % values)
