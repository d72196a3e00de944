"""Create and edit forms for contacts, topics, positions, opportunities and interactions."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Model
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from confiance.accounts.models import Account, Contact, StakeholderPosition, Topic
from confiance.deals.models import Opportunity
from confiance.interactions.models import Interaction
from confiance.web.analysis import analyse_interaction
from confiance.web.decorators import account_view, visible
from confiance.web.forms import (
    ContactForm,
    InteractionForm,
    OpportunityForm,
    PositionForm,
    TopicForm,
)


def _edit(
    request: HttpRequest,
    account: Account,
    form_class: type[ModelForm],
    title: str,
    instance: Model | None = None,
    *,
    needs_account: bool = False,
    anchor: str = "",
    after_save=None,
) -> HttpResponse:
    kwargs = {"account": account} if needs_account else {}
    if request.method == "GET" and instance is None:
        # Links such as the buying-group matrix's "unknown" cells pre-fill the form.
        kwargs["initial"] = {k: v for k, v in request.GET.items() if k in form_class.base_fields}
        # A deal on a dollar account is in dollars, a contact of a French account speaks French,
        # unless the user says otherwise.
        for field in ("currency", "language"):
            if field in form_class.base_fields and form_class is not InteractionForm:
                kwargs["initial"].setdefault(field, getattr(account, field))
    form = form_class(request.POST or None, instance=instance, **kwargs)
    if hasattr(form.instance, "account_id") and not form.instance.account_id:
        form.instance.account = account
    back = reverse("account_detail", args=[account.pk]) + anchor
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        if after_save is not None:
            return after_save(saved)
        return redirect(back)
    return render(
        request,
        "web/form.html",
        {"form": form, "account": account, "title": title, "cancel_url": back},
        status=400 if request.method == "POST" else 200,
    )


@account_view
def contact_create(request: HttpRequest, account: Account) -> HttpResponse:
    return _edit(request, account, ContactForm, _("New contact"), anchor="#group")


@login_required
def contact_edit(request: HttpRequest, pk: int) -> HttpResponse:
    contact = visible(Contact, request.user, pk)
    return _edit(request, contact.account, ContactForm, _("Edit contact"), contact, anchor="#group")


@account_view
def topic_create(request: HttpRequest, account: Account) -> HttpResponse:
    return _edit(request, account, TopicForm, _("New topic"), anchor="#group")


@login_required
def topic_edit(request: HttpRequest, pk: int) -> HttpResponse:
    topic = visible(Topic, request.user, pk)
    return _edit(request, topic.account, TopicForm, _("Edit topic"), topic, anchor="#group")


@account_view
def position_create(request: HttpRequest, account: Account) -> HttpResponse:
    return _edit(
        request, account, PositionForm, _("New position"), needs_account=True, anchor="#group"
    )


@login_required
def position_edit(request: HttpRequest, pk: int) -> HttpResponse:
    position = visible(StakeholderPosition, request.user, pk, path="topic__account")
    return _edit(
        request,
        position.topic.account,
        PositionForm,
        _("Edit position"),
        position,
        needs_account=True,
        anchor="#group",
    )


@account_view
def opportunity_create(request: HttpRequest, account: Account) -> HttpResponse:
    def save_owner(opportunity: Opportunity) -> HttpResponse:
        if opportunity.owner_id is None:
            opportunity.owner = request.user
            opportunity.save(update_fields=["owner"])
        return redirect(reverse("account_detail", args=[account.pk]) + "#opportunities")

    return _edit(request, account, OpportunityForm, _("New opportunity"), after_save=save_owner)


@login_required
def opportunity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = visible(Opportunity, request.user, pk)
    return _edit(
        request,
        opportunity.account,
        OpportunityForm,
        _("Edit opportunity"),
        opportunity,
        anchor="#opportunities",
    )


def _analysed(interaction: Interaction) -> HttpResponse:
    analyse_interaction(interaction)
    return redirect("interaction_detail", interaction.pk)


@account_view
def interaction_create(request: HttpRequest, account: Account) -> HttpResponse:
    def save(interaction: Interaction) -> HttpResponse:
        if interaction.created_by_id is None:
            interaction.created_by = request.user
            interaction.save(update_fields=["created_by"])
        return _analysed(interaction)

    return _edit(
        request, account, InteractionForm, _("New interaction"), needs_account=True, after_save=save
    )


@login_required
def interaction_edit(request: HttpRequest, pk: int) -> HttpResponse:
    interaction = visible(Interaction, request.user, pk)
    return _edit(
        request,
        interaction.account,
        InteractionForm,
        _("Edit interaction"),
        interaction,
        needs_account=True,
        after_save=_analysed,
    )
