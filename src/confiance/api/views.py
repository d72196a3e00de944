"""The web page where people create and revoke their personal API tokens."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from confiance.api.errors import error_response
from confiance.api.models import ApiToken, Scope
from confiance.api.tokens import create_token, revoke_token


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=100,
        required=False,
        help_text=gettext_lazy("What the token is for, such as “CRM sync”."),
    )
    scope = forms.ChoiceField(
        label=gettext_lazy("Scope"), choices=Scope.choices, initial=Scope.READ
    )


@login_required
@never_cache
def token_list(request: HttpRequest) -> HttpResponse:
    """List the user's tokens; a POST creates one and shows its secret this once."""
    new_secret = None
    if request.method == "POST":
        form = TokenForm(request.POST)
        if form.is_valid():
            created = create_token(
                request.user, form.cleaned_data["scope"], form.cleaned_data["name"]
            )
            new_secret = created.secret
            form = TokenForm()
    else:
        form = TokenForm()
    tokens = ApiToken.objects.filter(user=request.user)
    context = {"form": form, "tokens": tokens, "new_secret": new_secret}
    return render(request, "api/tokens.html", context)


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    """Revoke one of the user's own tokens (someone else's answers 404)."""
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)
    if revoke_token(token):
        messages.success(request, _("Token %(prefix)s… revoked.") % {"prefix": token.prefix})
    return redirect("api-tokens")


def unknown_endpoint(request: HttpRequest) -> JsonResponse:
    return error_response(404, "not_found", _("There is no such API endpoint."))
