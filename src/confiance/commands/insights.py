"""``confiance scorecard|radar|plans|map|brief``: the insight services in the terminal.

Thin over ``confiance.insights``: each command resolves who is asking (``--as USERNAME``; by
default the one administrator, when there is exactly one), the language (``--lang``; by default
that user's profile language, else English), calls one service and prints Rich tables, or the
full result as JSON with ``--json``. An account the user may not see is reported exactly like
one that does not exist: "no such account", exit status 1.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from confiance.commands.common import AsUser, Lang, LangOpt, acting_user, fail

console = Console()


JsonOpt = Annotated[bool, typer.Option("--json", help="Print the full result as JSON.")]
AsOf = Annotated[
    dt.datetime | None,
    typer.Option("--as-of", formats=["%Y-%m-%d"], help="Compute as of this day (YYYY-MM-DD)."),
]
AccountArg = Annotated[str, typer.Argument(help="Account id or name (any case, accents optional).")]


@contextmanager
def _session(username: str | None, lang: Lang | None) -> Iterator[tuple[object, str]]:
    """``(user, language)`` with that language active for everything the command prints,
    its errors included (``--lang`` is active already while the user is looked up)."""
    from confiance.cli import setup_django

    setup_django()
    from django.utils import translation

    from confiance.insights.common import user_language

    with translation.override(lang.value if lang else translation.get_language()):
        user = acting_user(username)
        code = lang.value if lang else user_language(user)
        with translation.override(code):
            yield user, code


def _account(user, ref: str):
    """The account named ``ref`` (any case, accents optional) if ``user`` may see it."""
    from confiance.commands.lookup import find_visible_account
    from confiance.insights.common import NoSuchAccount

    try:
        return find_visible_account(user, ref)
    except NoSuchAccount as exc:
        raise fail(str(exc)) from exc


def _run(service, *args, **kwargs):
    """Call a service; an unknown or hidden account is 'no such account', exit 1."""
    from confiance.insights.brief import NoSuchMeeting
    from confiance.insights.common import NoSuchAccount

    try:
        return service(*args, **kwargs)
    except (NoSuchAccount, NoSuchMeeting) as exc:
        raise fail(str(exc)) from exc


def _print_json(result) -> None:
    console.print_json(json.dumps(result.as_dict(), ensure_ascii=False))


def _words() -> dict[str, str]:
    """Headings and words used inside formatted lines, translated in the active language."""
    from django.utils.translation import gettext as _

    return {
        "not_enough": _("not enough data"),
        "overdue": _("overdue"),
        "divergence": _("divergence"),
        "none": _("none"),
        "noes": _("“No”s to come back to"),
        "diverges": _("Where the buying group diverges"),
        "tone": _("Tone of the last conversations"),
        "prep": _("Your prep note, read by the coach"),
        "agenda": _("Suggested agenda"),
        "questions": _("Questions worth asking"),
    }


def _score(value) -> str:
    w = _words()

    if value is None:
        return f"[dim]{w['not_enough']}[/dim]"
    style = "green" if value >= 70 else "yellow" if value >= 50 else "red"
    return f"[{style}]{value}[/{style}]"


def _day(value: dt.datetime | None) -> dt.date | None:
    """The ``--as-of`` day, refused with a clear message outside the calendar reports cover."""
    if value is None:
        return None
    from django.utils.translation import gettext as _

    from confiance.insights.common import EARLIEST_AS_OF, LATEST_AS_OF

    if not EARLIEST_AS_OF <= value.date() <= LATEST_AS_OF:
        message = _("--as-of must be between %(first)s and %(last)s.") % {
            "first": EARLIEST_AS_OF.isoformat(),
            "last": LATEST_AS_OF.isoformat(),
        }
        raise fail(message, 2)
    return value.date()


def scorecard(
    account: AccountArg, as_user: AsUser = None, lang: LangOpt = None, as_json: JsonOpt = False,
    as_of: AsOf = None,
) -> None:  # fmt: skip
    """Five-principles scorecard of an account, with the facts behind each score."""
    with _session(as_user, lang) as (user, code):
        from confiance.insights.scorecard import scorecard as service

        card = _run(service, user, _account(user, account), as_of=_day(as_of), lang=code)
        if as_json:
            return _print_json(card)
        _print_scorecard(card)


def _print_scorecard(card) -> None:
    from django.utils.translation import gettext as _

    table = Table(title=escape(card.summary), show_lines=True)
    table.add_column(_("Principle"))
    table.add_column(_("Score"), justify="right")
    table.add_column(_("Facts"))
    for p in card.principles:
        table.add_row(p.label, _score(p.score), escape("\n".join(p.facts)))
    console.print(table)
    if not card.trend:
        return
    # Month numbers as column heads, the years in the title: twelve "2026-05" heads do not
    # fit in 80 columns and Rich cut them to "26-…".
    first, last = card.trend[0].month, card.trend[-1].month
    trend = Table(
        title=_("Monthly trend (overall), %(first)s to %(last)s") % {"first": first, "last": last}
    )
    for point in card.trend:
        trend.add_column(point.month[5:], justify="right", min_width=3)
    trend.add_row(*[_score(p.overall) if p.overall is not None else "·" for p in card.trend])
    console.print(trend)


def radar(
    as_user: AsUser = None, lang: LangOpt = None, as_json: JsonOpt = False, as_of: AsOf = None,
    limit: Annotated[int, typer.Option(min=1, help="Show this many customers.")] = 15,
) -> None:  # fmt: skip
    """Customers ranked by neglect, and reference customers for each prospect."""
    from django.utils.translation import gettext as _

    with _session(as_user, lang) as (user, code):
        from confiance.insights.radar import radar as service

        result = _run(service, user, as_of=_day(as_of), lang=code)
        if as_json:
            return _print_json(result)
        table = Table(title=_("Customers taken for granted"), show_lines=True)
        for column in (_("#"), _("Customer"), _("Neglect"), _("Why")):
            table.add_column(column)
        for e in result.customers[:limit]:
            table.add_row(
                str(e.rank), escape(e.account), str(e.neglect), escape("\n".join(e.reasons))
            )
        console.print(table)
        packs = Table(title=_("Prospects: customers like them to cite"), show_lines=True)
        packs.add_column(_("Prospect"))
        packs.add_column(_("References"))
        for pack in result.prospects[:limit]:
            refs = [
                f"{escape(r.account)} ({r.overall}/100): {escape(', '.join(r.reasons))}"
                for r in pack.references
            ] or [escape(pack.note)]
            packs.add_row(escape(pack.account), "\n".join(refs))
        console.print(packs)
        console.print(
            _("%(customers)d customers, %(prospects)d prospects.")
            % {"customers": len(result.customers), "prospects": len(result.prospects)}
        )


def plans(
    as_user: AsUser = None, lang: LangOpt = None, as_json: JsonOpt = False, as_of: AsOf = None,
    include_closed: Annotated[bool, typer.Option("--all", help="Include closed plans.")] = False,
) -> None:  # fmt: skip
    """Perseverance plans opened by every "no": overdue first, and the reversal rate."""
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    with _session(as_user, lang) as (user, code):
        from confiance.insights.perseverance import plans as service

        report = _run(service, user, as_of=_day(as_of), lang=code, include_closed=include_closed)
        if as_json:
            return _print_json(report)
        w = _words()
        table = Table(title=_("Perseverance plans"), show_lines=True)
        for column in (_("Opportunity"), _("Reason"), _("Next step"), _("Due"), _("Steps")):
            table.add_column(column)
        for p in report.plans:
            step = p.next_step
            due = "" if step is None else str(step.due_date)
            if p.overdue:
                due = f"[red]{due} ({w['overdue']})[/red]"
            lines = []
            for s in p.steps:
                mark = "✓" if s.done_on else ("!" if s.overdue else "·")
                lines.append(f"{mark} {s.due_date} {escape(s.label)}")
                if s.hint:
                    lines.append(f"    {escape(s.hint)}")
                lines.extend(f"    - {escape(item)}" for item in s.checklist)
            title = f"{escape(p.account)} · {escape(p.opportunity)}\n[dim]{escape(p.seller)}[/dim]"
            reason = escape(p.reason_label + (f" · {p.competitor}" if p.competitor else ""))
            table.add_row(
                title, reason, escape(step.label) if step else p.result_label, due, "\n".join(lines)
            )
        console.print(table)
        rates = Table(title=_("Reversal rate (a “no” later won)"))
        for column in (_("Seller"), _("Noes"), _("Won back"), _("Rate")):
            rates.add_column(column)
        for r in [*report.sellers, report.team]:
            rate = "–" if r.rate_pct is None else f"{r.rate_pct:g}%"
            rates.add_row(escape(r.seller), str(r.noes), str(r.reversed), rate)
        console.print(rates)
        console.print(
            ngettext(
                "%(plans)d plan shown, %(overdue)d overdue.",
                "%(plans)d plans shown, %(overdue)d overdue.",
                len(report.plans),
            )
            % {"plans": len(report.plans), "overdue": report.overdue}
        )


def buying_map(
    account: AccountArg, as_user: AsUser = None, lang: LangOpt = None, as_json: JsonOpt = False
) -> None:
    """Buying-group map: positions per topic, divergences and a discussion agenda."""
    from django.utils.translation import gettext as _

    with _session(as_user, lang) as (user, code):
        from confiance.insights.buying_group import buying_group_map

        result = _run(buying_group_map, user, _account(user, account), lang=code)
        if as_json:
            return _print_json(result)
        w = _words()
        if not result.topics:
            console.print(escape(result.summary))
            console.print(
                _("No topic recorded yet: add the decisions this buying group must make.")
            )
            return None
        cells = {(c.contact_id, c.topic_id): c for c in result.cells}
        table = Table(title=escape(result.summary), show_lines=True)
        table.add_column(_("Stakeholder"))
        for t in result.topics:
            div = "–" if t.divergence is None else str(t.divergence)
            table.add_column(f"{escape(t.title)}\n[dim]{w['divergence']} {div}[/dim]")
        for s in result.stakeholders:
            row = [f"{escape(s.name)}\n[dim]{escape(s.role_label)} · {s.influence}/5[/dim]"]
            for t in result.topics:
                c = cells.get((s.id, t.id))
                row.append(
                    "[dim]?[/dim]"
                    if c is None
                    else f"{escape(c.preferred_alternative or '–')} (P{c.priority})"
                    + (f"\n[dim]{escape(c.perceived_risk)}[/dim]" if c.perceived_risk else "")
                )
            table.add_row(*row)
        console.print(table)
        for item in result.agenda:
            console.print(
                f"\n[bold]{escape(item.topic)}[/bold] ({w['divergence']} {item.divergence})"
            )
            for q in item.questions:
                console.print(f"  • {escape(q.question)}")
            for line in item.understand:
                console.print(f"  ↔ {escape(line)}")


def brief(
    account: AccountArg, as_user: AsUser = None, lang: LangOpt = None, as_json: JsonOpt = False,
    as_of: AsOf = None,
    meeting: Annotated[int | None, typer.Option(help="Id of the upcoming meeting.")] = None,
) -> None:  # fmt: skip
    """One-page brief before meeting an account."""
    with _session(as_user, lang) as (user, code):
        from confiance.insights.brief import meeting_brief

        target = _account(user, account)
        result = _run(meeting_brief, user, target, meeting=meeting, as_of=_day(as_of), lang=code)
        if as_json:
            return _print_json(result)
        _print_brief(result)


def _print_brief(b) -> None:
    w = _words()
    from django.utils.translation import gettext as _

    title = escape(b.account)
    if b.meeting:
        label = b.meeting["title"] or _("meeting")
        when = b.meeting["occurred_at"][:16].replace("T", " ")
        title += f" · {escape(label)} {when}"
    console.rule(f"[bold]{title}[/bold]")
    console.print(escape(b.scorecard.summary))
    for label, lines in (
        (_("Our open commitments"), b.ours),
        (_("Their open commitments"), b.theirs),
    ):
        console.print(f"\n[bold]{label}[/bold]")
        for c in lines or []:
            days = _("%(n)d d") % {"n": c.days_overdue}
            late = f" [red]({w['overdue']} {days})[/red]" if c.overdue else ""
            console.print(f"  • {escape(c.description)} — {c.due_date or '–'}{late}")
        if not lines:
            console.print(f"  [dim]{w['none']}[/dim]")
    if b.plans:
        console.print(f"\n[bold]{w['noes']}[/bold]")
        for p in b.plans:
            step = p.next_step
            late = f" [red]({w['overdue']})[/red]" if p.overdue else ""
            nxt = f"{escape(step.label)} — {step.due_date}{late}" if step else ""
            console.print(f"  • {escape(p.opportunity)} ({escape(p.reason_label)}): {nxt}")
    console.print(f"\n[bold]{w['diverges']}[/bold]")
    for t in b.divergences:
        camps = "; ".join(
            _("%(alternative)s: %(names)s")
            % {"alternative": c.alternative, "names": ", ".join(c.supporters)}
            for c in t.camps
        )
        console.print(f"  • {escape(t.title)} ({t.divergence}/100) — {escape(camps)}")
    if b.unknown:
        console.print(
            "  " + escape(_("No known position for: %(names)s.") % {"names": ", ".join(b.unknown)})
        )
    console.print(f"\n[bold]{w['tone']}[/bold]\n  {escape(b.tone_summary)}")
    if b.prep:
        console.print(f"\n[bold]{w['prep']}[/bold]\n  {escape(b.prep.summary)}")
        for f in b.prep.findings:
            console.print(f"  ✗ [yellow]{escape(f['text'])}[/yellow] ({escape(f['label'])})")
            if f["rewrite"]:
                console.print(f"    → {escape(f['rewrite'])}")
    console.print(f"\n[bold]{w['agenda']}[/bold]")
    for i, line in enumerate(b.agenda, 1):
        console.print(f"  {i}. {escape(line)}")
    console.print(f"\n[bold]{w['questions']}[/bold]")
    for q in b.questions:
        console.print(f"  ? {escape(q)}")
