"""Record how an opportunity ended: a "no" opens its perseverance plan at once."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from confiance.deals.models import FollowUpPlan, Opportunity, PlanStep
from confiance.web.decorators import visible
from confiance.web.forms import OutcomeForm


@require_http_methods(["GET", "POST"])
@login_required
def opportunity_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    """POST records the outcome; GET shows the form on its own page (after an error, a reload
    or a language switch lands here)."""
    from confiance.deals.services import record_outcome

    opportunity = visible(Opportunity, request.user, pk)
    account = opportunity.account
    prefix = f"outcome{opportunity.pk}"
    if request.method == "GET":
        context = {"form": OutcomeForm(prefix=prefix), "o": opportunity, "account": account}
        return render(request, "web/outcome_form.html", context)
    form = OutcomeForm(request.POST, prefix=prefix)
    if form.is_valid():
        data = form.cleaned_data
        try:
            record_outcome(
                opportunity,
                data["outcome"],
                reason=data["reason"] or "",
                decided_at=data["decided_at"],
                competitor=data["competitor"],
                price_gap_pct=data["price_gap_pct"],
                by=request.user,
            )
        except ValidationError as exc:
            _copy_errors(form, exc)
        else:
            opportunity.refresh_from_db()
            if opportunity.is_no:
                messages.success(
                    request, _("The no is recorded and its perseverance plan is open.")
                )
            else:
                messages.success(request, _("The outcome is recorded."))
            return redirect(reverse("account_detail", args=[account.pk]) + f"#o{opportunity.pk}")
    return render(
        request,
        "web/outcome_form.html",
        {"form": form, "o": opportunity, "account": account},
        status=400,
    )


FIELD_MAP = {"loss_reason": "reason", "competitor_price_gap_pct": "price_gap_pct"}


def _copy_errors(form: OutcomeForm, exc: ValidationError) -> None:
    """Show the model's validation errors next to the matching form fields."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            name = FIELD_MAP.get(field, field)
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _back_to(opportunity: Opportunity) -> HttpResponse:
    return redirect(
        reverse("account_detail", args=[opportunity.account_id]) + f"#o{opportunity.pk}"
    )


@require_POST
@login_required
def plan_step_done(request: HttpRequest, pk: int) -> HttpResponse:
    """Tick a step of a perseverance plan, with an optional note of what happened."""
    from confiance.insights.perseverance import complete_step

    step = visible(PlanStep, request.user, pk, path="plan__opportunity__account")
    complete_step(request.user, step.pk, note=request.POST.get("note", "")[:2000])
    messages.success(request, _("Step done: %(step)s.") % {"step": step.get_kind_display()})
    return _back_to(step.plan.opportunity)


@require_POST
@login_required
def plan_confirm_no(request: HttpRequest, pk: int) -> HttpResponse:
    """Close a plan: after the second try, the customer's no stands."""
    from confiance.insights.perseverance import confirm_no

    plan = visible(FollowUpPlan, request.user, pk, path="opportunity__account")
    confirm_no(request.user, plan.pk)
    messages.success(request, _("The no is confirmed; the plan is closed."))
    return _back_to(plan.opportunity)
