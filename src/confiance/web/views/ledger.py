"""The commitment ledger: add, edit, and mark kept / late / broken in one click."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from confiance.accounts.models import Account
from confiance.interactions.models import Interaction
from confiance.ledger.models import Commitment, CommitmentKind, Party, Status
from confiance.web import sections
from confiance.web.decorators import account_view, is_htmx, visible
from confiance.web.forms import CommitmentEditForm, CommitmentForm

ONE_CLICK = {Status.KEPT, Status.KEPT_LATE, Status.BROKEN, Status.OPEN}


@account_view
def commitment_create(request: HttpRequest, account: Account) -> HttpResponse:
    form = CommitmentForm(request.POST or None, account=account, prefix="new")
    form.instance.account = account
    if request.method == "POST" and form.is_valid():
        commitment = form.save()
        messages.success(request, _("Commitment added to the ledger."))
        return redirect(reverse("account_detail", args=[account.pk]) + f"#c{commitment.pk}")
    return render(
        request,
        "web/form.html",
        {
            "form": form,
            "account": account,
            "title": _("New commitment"),
            "cancel_url": reverse("account_detail", args=[account.pk]),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def commitment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = visible(Commitment, request.user, pk)
    account = commitment.account
    form = CommitmentEditForm(request.POST or None, instance=commitment, account=account)
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect(reverse("account_detail", args=[account.pk]) + f"#c{commitment.pk}")
    return render(
        request,
        "web/form.html",
        {
            "form": form,
            "account": account,
            "title": _("Edit commitment"),
            "cancel_url": reverse("account_detail", args=[account.pk]),
        },
    )


@require_POST
@login_required
def commitment_status(request: HttpRequest, pk: int) -> HttpResponse:
    """One click: kept, kept late, broken (or reopen). HTMX gets the row and the new scorecard."""
    commitment = visible(Commitment, request.user, pk)
    new_status = request.POST.get("status", "")
    if new_status not in ONE_CLICK:
        return HttpResponseBadRequest(_("Unknown status."))
    try:
        commitment.change_status(new_status, by=request.user, on=timezone.localdate())
    except ValidationError as exc:
        commitment.refresh_from_db()
        error = " ".join(exc.messages)
        if is_htmx(request):
            return render(
                request, "web/partials/commitment_row.html", {"c": commitment, "error": error}
            )
        messages.error(request, error)
    if not is_htmx(request):
        return redirect(reverse("account_detail", args=[commitment.account_id]) + f"#c{pk}")
    context = {"c": commitment, "account": commitment.account, "oob": True}
    context.update(sections.account_sections(request.user, commitment.account))
    return render(request, "web/partials/commitment_status.html", context)


@require_POST
@login_required
def commitment_from_interaction(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a commitment the coach found in an interaction to the ledger, in one click."""
    interaction = visible(Interaction, request.user, pk)
    description = request.POST.get("description", "").strip()
    party = request.POST.get("party", Party.OURS)
    due = request.POST.get("due_date") or None
    if not description or party not in Party.values:
        return HttpResponseBadRequest(_("A commitment needs a description and a side."))
    commitment = Commitment(
        account=interaction.account,
        party=party,
        kind=CommitmentKind.DELIVERABLE,
        description=description[:2000],
        due_date=due,
        interaction=interaction,
        owner_user=request.user if party == Party.OURS else None,
    )
    try:
        commitment.full_clean()
    except ValidationError as exc:
        return HttpResponseBadRequest(" ".join(exc.messages))
    commitment.save()
    if is_htmx(request):
        return render(request, "web/partials/commitment_added.html", {"c": commitment})
    messages.success(request, _("Commitment added to the ledger."))
    return redirect("interaction_detail", interaction.pk)
