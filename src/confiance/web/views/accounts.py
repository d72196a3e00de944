"""The account list, the account page and the account form."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from confiance.accounts.models import Account, AccountKind
from confiance.accounts.permissions import visible_accounts
from confiance.api.search import Folded, search
from confiance.deals.models import Outcome, PlanResult, StepKind
from confiance.ledger.models import Commitment, Status
from confiance.web import sections
from confiance.web.decorators import account_view
from confiance.web.forms import AccountForm, CommitmentForm, OutcomeForm

PAGE_SIZE = 25
LEDGER_PAGE = 20


@login_required
def account_list(request: HttpRequest) -> HttpResponse:
    """Every account the user may see, searchable by name and filtered by kind."""
    accounts = visible_accounts(request.user).select_related("owner")
    query = request.GET.get("q", "").strip()
    kind = request.GET.get("kind", "")
    if query:
        # "energies" or "équipements" finds "Énergies…" and "…Équipements…" (icontains folds
        # neither accents nor, on SQLite, the case of accented letters).
        accounts = search(accounts, query, "name", "industry")
    if kind in AccountKind.values:
        accounts = accounts.filter(kind=kind)
    # Sorted as a reader expects: "Énergies" among the E's, not after "Val-de-Loire".
    accounts = accounts.annotate(sort_name=Folded("name")).order_by("sort_name", "pk")
    page = Paginator(accounts, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "web/account_list.html",
        {"page": page, "q": query, "kind": kind, "kinds": AccountKind.choices, "nav": "accounts"},
    )


@login_required
def account_create(request: HttpRequest) -> HttpResponse:
    form = AccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        account = form.save()
        return redirect("account_detail", account.pk)
    return render(
        request,
        "web/form.html",
        {"form": form, "title": _("New account"), "cancel_url": reverse("account_list")},
    )


@account_view
def account_edit(request: HttpRequest, account: Account) -> HttpResponse:
    form = AccountForm(request.POST or None, instance=account, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect("account_detail", account.pk)
    return render(
        request,
        "web/form.html",
        {
            "form": form,
            "account": account,
            "title": _("Edit %(name)s") % {"name": account.name},
            "cancel_url": reverse("account_detail", args=[account.pk]),
        },
    )


def ledger(account: Account) -> list[Commitment]:
    """Open commitments first (by due date), then the resolved ones, most recent first."""
    rows = account.commitments.select_related("owner_user", "owner_contact")
    open_rows = list(rows.filter(status=Status.OPEN).order_by("due_date", "pk"))
    resolved = list(rows.exclude(status=Status.OPEN).order_by("-resolved_at", "-pk"))
    return open_rows + resolved


def opportunities(account: Account) -> list[tuple]:
    """Each opportunity with its outcome form (while open) and its like-for-like checklist."""
    rows = []
    for o in account.opportunities.select_related("plan").prefetch_related("plan__steps"):
        plan = getattr(o, "plan", None)
        compare = plan is not None and any(s.kind == StepKind.COMPARE for s in plan.steps.all())
        o.checklist = sections.comparison_checklist(o.competitor_price_gap_pct) if compare else []
        # An open deal gets its outcome; a "no" still in its plan can be won back.
        won_back = o.is_no and plan is not None and plan.result == PlanResult.PENDING
        form = None
        if o.outcome == Outcome.OPEN or won_back:
            initial = {"outcome": Outcome.WON} if won_back else None
            form = OutcomeForm(prefix=f"outcome{o.pk}", initial=initial)
        rows.append((o, form))
    return rows


@account_view
def account_detail(request: HttpRequest, account: Account) -> HttpResponse:
    """Scorecard, ledger, timeline, buying group and opportunities of one account."""
    timeline = Paginator(account.interactions.order_by("-occurred_at", "-pk"), 15).get_page(
        request.GET.get("page")
    )
    context = {
        "account": account,
        "nav": "accounts",
        "commitments": Paginator(ledger(account), LEDGER_PAGE).get_page(request.GET.get("ledger")),
        "commitment_form": CommitmentForm(account=account, prefix="new"),
        "timeline": timeline,
        "contacts": account.contacts.filter(erased_at__isnull=True),
        "opportunities": opportunities(account),
        **sections.account_sections(request.user, account),
    }
    return render(request, "web/account_detail.html", context)
