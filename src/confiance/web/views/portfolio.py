"""The portfolio (home): radar, "no"s waiting for a second try, overdue promises, meetings."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from confiance.accounts.permissions import visible_accounts
from confiance.interactions.models import Interaction, InteractionKind
from confiance.ledger.models import Commitment, Party, Status
from confiance.web import sections

PAGE_SIZE = 10
MEETING_HORIZON_DAYS = 14


def _page(request: HttpRequest, queryset, name: str):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get(name))


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    accounts = visible_accounts(user)
    seller = sections.chosen_seller(request)
    if seller is not None:
        accounts = accounts.filter(owner=seller)
    today = timezone.localdate()
    overdue = (
        Commitment.objects.filter(account__in=accounts, status=Status.OPEN, due_date__lt=today)
        .select_related("account")
        .order_by("due_date", "pk")
    )
    now = timezone.now()
    meetings = (
        Interaction.objects.filter(
            account__in=accounts,
            kind=InteractionKind.MEETING,
            occurred_at__gte=now,
            occurred_at__lte=now + timedelta(days=MEETING_HORIZON_DAYS),
        )
        .select_related("account")
        .order_by("occurred_at", "pk")
    )
    context = {
        "nav": "home",
        "ours": _page(request, overdue.filter(party=Party.OURS), "ours"),
        "theirs": _page(request, overdue.filter(party=Party.THEIRS), "theirs"),
        "meetings": _page(request, meetings, "meetings"),
        "today": today,
        **sections.portfolio_sections(request, user),
    }
    return render(request, "web/home.html", context)
