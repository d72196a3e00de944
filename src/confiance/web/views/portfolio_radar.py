"""The paradox radar, loaded into the portfolio page on its own (it is the slow part)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from confiance.web import sections
from confiance.web.decorators import is_htmx


@login_required
def radar(request: HttpRequest) -> HttpResponse:
    context = {"nav": "home", **sections.radar_sections(request, request.user)}
    if is_htmx(request):
        return render(request, "web/partials/radar.html", context)
    return render(request, "web/radar.html", context)
