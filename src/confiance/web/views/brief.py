"""The meeting prep brief: one printable page before a meeting."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from confiance.accounts.models import Account
from confiance.interactions.models import Interaction, InteractionKind
from confiance.web.decorators import account_view, visible
from confiance.web.sections import ui_lang


def _render(request: HttpRequest, account: Account, meeting: Interaction | None) -> HttpResponse:
    from confiance.insights.brief import meeting_brief

    brief = meeting_brief(request.user, account, meeting=meeting, lang=ui_lang())
    if meeting is None and brief.meeting:
        # The service picked the account's next planned meeting: show it as such.
        meeting = Interaction.objects.filter(pk=brief.meeting["id"], account=account).first()
    return render(
        request,
        "web/brief.html",
        {"brief": brief, "account": account, "meeting": meeting, "nav": "accounts"},
    )


@login_required
def meeting_brief_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The brief for one meeting (an interaction of kind meeting) of a visible account."""
    interaction = visible(Interaction, request.user, pk)
    meeting = interaction if interaction.kind == InteractionKind.MEETING else None
    return _render(request, interaction.account, meeting)


@account_view
def account_brief(request: HttpRequest, account: Account) -> HttpResponse:
    """The brief for the account's next planned meeting (or for no meeting in particular)."""
    return _render(request, account, None)
