"""Sign-in with a rate limit, the profile page (language, time zone) and the language switch."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from confiance.users.models import Profile
from confiance.web import ratelimit
from confiance.web.forms import ProfileForm


class LoginView(auth_views.LoginView):
    """Django's sign-in, refusing further attempts after 5 failures in 15 minutes."""

    template_name = "web/login.html"
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        username = request.POST.get("username", "")
        ip = ratelimit.client_ip(request)
        if ratelimit.is_locked(username, ip):
            form = self.get_form()
            form.errors.clear()
            form.add_error(
                None,
                _(
                    "Too many failed attempts. Wait 15 minutes before trying again, "
                    "or reset your password."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        ratelimit.record_failure(
            self.request.POST.get("username", ""), ratelimit.client_ip(self.request)
        )
        return super().form_invalid(form)

    def form_valid(self, form):
        ratelimit.clear(self.request.POST.get("username", ""), ratelimit.client_ip(self.request))
        return super().form_valid(form)


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    """Language and time zone of the signed-in user."""
    instance, _created = Profile.objects.get_or_create(user=request.user)
    form = ProfileForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        if instance.language:
            # Say it in the language just chosen, as the next page will be.
            translation.activate(instance.language)
        messages.success(request, _("Your preferences are saved."))
        response = redirect("profile")
        # The language cookie would otherwise keep an earlier choice over the browser's.
        if instance.language:
            response.set_cookie(settings.LANGUAGE_COOKIE_NAME, instance.language, samesite="Lax")
        else:
            response.delete_cookie(settings.LANGUAGE_COOKIE_NAME)
        return response
    return render(request, "web/profile.html", {"form": form})


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language; a signed-in user keeps the choice in their profile."""
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(_languages()):
        Profile.objects.update_or_create(user=request.user, defaults={"language": language})
    return django_set_language(request)


def _languages():
    return settings.LANGUAGES
