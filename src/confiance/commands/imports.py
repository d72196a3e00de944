"""``confiance import|export|import-export|person``: data in and out, thin over the services.

Who is acting: ``--as USERNAME``, by default the one administrator when there is exactly one.
Every command ends with a one-line summary; bad input gives a message naming the file and
line or part, exit status 1, and an unchanged database. ``import`` reports in ``--lang``, by
default the acting user's profile language, else English.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress
from rich.table import Table

from confiance.commands.common import (
    AsUser,
    Lang,
    LangOpt,
    acting_user,
    err_console,
    fail,
    print_error,
)

console = Console()


def _cannot_write(path: Path, exc: OSError) -> str:
    """Why ``path`` cannot be written, without a traceback (a file where a directory is
    expected, a missing parent, no permission)."""
    from django.utils.translation import gettext as _

    if isinstance(exc, FileExistsError | NotADirectoryError):
        return _("cannot write to %(path)s: a file is in the way (give a directory)") % {
            "path": path
        }
    if isinstance(exc, IsADirectoryError):
        return _("cannot write to %(path)s: it is a directory (give a file name)") % {"path": path}
    return _("cannot write to %(path)s: %(reason)s") % {
        "path": path,
        "reason": exc.strerror or exc,
    }


def _setup():
    from confiance.cli import setup_django

    setup_django()


def _account(user, name_or_id: str | None):
    """The account ``--account`` names (id, or name in any case, accents optional)."""
    from django.utils.translation import gettext as _

    from confiance.commands.lookup import find_visible_account
    from confiance.insights.common import NoSuchAccount

    if not name_or_id:
        return None
    try:
        return find_visible_account(user, name_or_id)
    except NoSuchAccount as exc:
        raise fail(_("No such account: %(name)s") % {"name": name_or_id}) from exc


def import_files(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Files to import (.csv .eml .mbox .vtt .srt .ics) or an export directory."
        ),
    ],
    account: Annotated[
        str | None,
        typer.Option(
            "--account",
            help="Account id or name (any case, accents optional) the files belong to.",
        ),
    ] = None,
    as_user: AsUser = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would be imported; save nothing.")
    ] = False,
    create_contacts: Annotated[
        bool,
        typer.Option("--create-contacts", help="Create contacts for unknown e-mail addresses."),
    ] = False,
    mapping: Annotated[
        Path | None,
        typer.Option(
            "--mapping",
            help="Mapping file (TOML or JSON) for a CSV that is not a HubSpot or Salesforce export.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the reports as JSON.")] = False,
    lang: Annotated[
        Lang | None,
        typer.Option("--lang", help="fr or en (default: the user's profile language)."),
    ] = None,
    date: Annotated[
        datetime | None,
        typer.Option(
            "--date",
            formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
            help="When the meeting of a transcript took place (default: from a Zoom file name, else now).",
        ),
    ] = None,
) -> None:
    """Import CRM exports, e-mails, transcripts and calendars (each file all or nothing)."""
    _setup()
    from django.utils import translation
    from django.utils.translation import gettext as _

    from confiance.imports.services.export import is_export
    from confiance.insights.common import user_language

    if len(files) == 1 and is_export(files[0]):
        import_export(files[0])
        return
    with translation.override(lang.value if lang else translation.get_language()):
        user = acting_user(as_user)
    with translation.override(lang.value if lang else user_language(user)):
        if mapping is not None and not mapping.is_file():
            # Before any file: not the system's "[Errno 2] No such file or directory" per file.
            raise fail(_("%(file)s: no such file") % {"file": mapping})
        _import_as(
            user,
            files,
            target=_account(user, account),
            dry_run=dry_run,
            create_contacts=create_contacts,
            mapping=mapping,
            as_json=as_json,
            occurred_at=_aware(date),
        )


def _import_as(user, files: list[Path], *, target, as_json: bool, **options) -> None:
    """Import each file as ``user``, print the reports, exit 1 when any file failed."""
    from django.utils.translation import gettext as _

    from confiance.imports.services import import_file

    reports = []
    for path in files:
        if not path.is_file():
            reports.append(None)
            if path.is_dir():
                message = _(
                    "%(file)s: this is a directory, not a file nor an export written by "
                    "'confiance export'"
                ) % {"file": path}
            else:
                message = _("%(file)s: no such file") % {"file": path}
            print_error(message)
            continue
        with _progress_bar(path.name) as progress:
            reports.append(
                import_file(path, user=user, account=target, progress=progress, **options)
            )
    done = [r for r in reports if r is not None]
    if as_json:
        console.print_json(json.dumps([r.as_dict() for r in done]))
    else:
        for report in done:
            _print_report(report)
    for report in done:
        if report.error:
            print_error(report.summary())
        elif as_json:
            # stdout holds the JSON alone, so that scripts can parse it.
            err_console.print(escape(report.summary()), soft_wrap=True)
        else:
            console.print(escape(report.summary()), soft_wrap=True)
    if len(done) != len(files) or any(r.error for r in done):
        raise typer.Exit(1)


def _aware(value: datetime | None) -> datetime | None:
    from django.utils import timezone

    return timezone.make_aware(value) if value is not None else None


@contextmanager
def _progress_bar(name: str):
    """A progress bar on a terminal's stderr (nothing when output is redirected)."""
    if not err_console.is_terminal:
        yield None
        return
    with Progress(console=err_console, transient=True) as bar:
        task = bar.add_task(escape(name), total=None)

        def update(processed: int, total: int) -> None:
            bar.update(task, completed=processed, total=total or None)

        yield update


def _print_report(report) -> None:
    from django.utils.translation import gettext as _

    from confiance.imports.services.report import entity_label

    if report.error:
        return
    table = Table(title=f"{report.filename} ({report.format})", title_justify="left")
    table.add_column(_("What"))
    table.add_column(_("Result"))
    table.add_column(_("Count"), justify="right")
    for entity, count in sorted(report.created.items()):
        table.add_row(entity_label(entity), _("created"), str(count))
    for entity, count in sorted(report.updated.items()):
        table.add_row(entity_label(entity), _("updated"), str(count))
    for reason, count in report.skipped.most_common():
        table.add_row("", _("skipped: %(reason)s") % {"reason": reason}, str(count))
    if table.row_count:
        console.print(table)
    if report.unknown:
        shown = ", ".join(list(report.unknown)[:10])
        more = len(report.unknown) - 10
        console.print(
            escape(_("Unknown: %(list)s") % {"list": shown})
            + (escape(_(" and %(n)d more") % {"n": more}) if more > 0 else "")
        )
    for note in report.notes:
        console.print(escape(note), style="yellow")


def export(
    out: Annotated[Path, typer.Option("--out", help="Directory to write the export to.")],
    team: Annotated[
        str | None, typer.Option("--team", help="Team name (default: every team).")
    ] = None,
) -> None:
    """Write a team's complete data as JSON (one file) plus one CSV per entity."""
    _setup()
    from django.utils.translation import gettext as _

    from confiance.imports.services.export import export_team
    from confiance.users.models import Team

    teams = Team.objects.all()
    if team:
        teams = teams.filter(name=team)
        if not teams.exists():
            raise fail(_("No such team: %(name)s") % {"name": team})
    try:
        counts = export_team(list(teams), out)
    except OSError as exc:
        raise fail(_cannot_write(out, exc)) from exc
    total = sum(counts.values())
    console.print(
        escape(
            _("Exported %(n)d records of %(m)d kinds to %(dir)s")
            % {"n": total, "m": len(counts), "dir": out}
        )
    )


def import_export(
    directory: Annotated[Path, typer.Argument(help="A directory written by 'confiance export'.")],
) -> None:
    """Load an export into an empty database."""
    _setup()
    from django.utils.translation import gettext as _

    from confiance.imports.services.export import ExportError, load_export

    try:
        counts = load_export(directory)
    except ExportError as exc:
        raise fail(str(exc)) from exc
    console.print(
        escape(
            _("Loaded %(n)d records from %(dir)s") % {"n": sum(counts.values()), "dir": directory}
        )
    )


person_app = typer.Typer(
    help="Everything held about one person (GDPR): export or erase.", no_args_is_help=True
)


@person_app.command("export")
def person_export(
    email: Annotated[str, typer.Argument(help="The person's e-mail address.")],
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Write the JSON to this file instead of the screen."),
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Everything held about the contact(s) with this address, as JSON."""
    _setup()
    from django.utils import translation

    with translation.override(lang.value if lang else translation.get_language()):
        _person_export(email, out)


def _person_export(email: str, out: Path | None) -> None:
    from django.utils.translation import gettext as _

    from confiance.imports.services.gdpr import export_person

    data = export_person(email)
    if not data["contacts"]:
        raise fail(_("Nobody with the address %(email)s") % {"email": email})
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str)
    if out:
        try:
            out.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise fail(_cannot_write(out, exc)) from exc
        console.print(escape(_("Wrote %(file)s") % {"file": out}))
    else:
        print(text)


@person_app.command("erase")
def person_erase(
    email: Annotated[str, typer.Argument(help="The person's e-mail address.")],
    as_user: AsUser = None,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
    lang: LangOpt = None,
) -> None:
    """Erase a person's data everywhere; keep anonymised aggregates; log the erasure."""
    _setup()
    from django.utils import translation

    from confiance.insights.common import user_language

    with translation.override(lang.value if lang else translation.get_language()):
        user = acting_user(as_user)
    with translation.override(lang.value if lang else user_language(user)):
        _person_erase(email, user, yes)


def _person_erase(email: str, user, yes: bool) -> None:
    from django.utils.translation import gettext as _

    from confiance.imports.services.gdpr import erase_person, find_contacts

    if not find_contacts(email).exists():
        raise fail(_("Nobody with the address %(email)s") % {"email": email})
    if not yes and not typer.confirm(_("Erase everything about %(email)s?") % {"email": email}):
        raise typer.Exit(1)
    record = erase_person(email, by=user, via="cli")
    console.print(
        escape(
            _(
                "Erased %(c)d contact(s), %(s)d transcript turn(s), %(m)d e-mail(s); logged as erasure #%(id)d"
            )
            % {"c": record.contacts, "s": record.segments, "m": record.messages, "id": record.pk}
        )
    )
