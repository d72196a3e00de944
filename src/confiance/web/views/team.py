"""The team page for managers: coaching points from real conversations, tone trends."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from confiance.users.models import Team
from confiance.web import sections
from confiance.web.charts import sparkline
from confiance.web.coaching import team_coaching
from confiance.web.decorators import managed_team_ids, manager_required
from confiance.web.views.coach import category_labels


@manager_required
def team(request: HttpRequest) -> HttpResponse:
    team_ids = managed_team_ids(request.user)
    sellers = team_coaching(request.user, team_ids)
    for entry in sellers:
        entry.sparkline = sparkline([tone for _month, tone in entry.tone_by_month], low=-1, high=1)
    return render(
        request,
        "web/team.html",
        {
            "nav": "team",
            "teams": Team.objects.filter(pk__in=team_ids),
            "sellers": sellers,
            "labels": category_labels(),
            **sections.team_sections(request.user, team_ids),
        },
    )
