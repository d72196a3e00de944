"""The bridge between pages and the relationship services in ``confiance.insights``.

Pages never compute scores, the radar, the map, plans or briefs themselves: they call the
services (which apply ``visible_accounts``) and draw their results. This module only shapes
those results for the templates (chart geometry, pagination, the matrix grid).
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.translation import get_language

from confiance.accounts.models import Account
from confiance.accounts.permissions import visible_accounts
from confiance.web.charts import sparkline, spider

RADAR_PAGE = 10
CAMP_COLOURS = 4
DIVIDED = 50  # divergence from which a topic counts as strongly divided (as in the insights)


def ui_lang() -> str:
    return "fr" if (get_language() or "").startswith("fr") else "en"


def scorecard_context(user, account: Account) -> dict:
    """The five-principles scorecard with its spider chart and monthly trend lines."""
    from confiance.insights.scorecard import scorecard

    card = scorecard(user, account, lang=ui_lang())
    chart = spider([(p.label, None if p.score is None else p.score / 100) for p in card.principles])
    trend = {
        p.principle: sparkline(
            [point.scores.get(p.principle) for point in card.trend], low=0, high=100
        )
        for p in card.principles
    }
    overall_trend = sparkline([point.overall for point in card.trend], low=0, high=100)
    return {"scorecard": card, "spider": chart, "trend": trend, "overall_trend": overall_trend}


def group_map_context(user, account: Account) -> dict:
    """The buying group as a stakeholders × topics matrix, with each topic's divergence."""
    from confiance.insights.buying_group import buying_group_map

    group = buying_group_map(user, account, lang=ui_lang())
    cells = {(c.contact_id, c.topic_id): c for c in group.cells}
    # Which camp (preferred alternative, as the service groups them) each person is in, so
    # that cells of the same camp share a colour and a split topic shows at a glance.
    camps = {
        (topic.id, name): index
        for topic in group.topics
        for index, camp in enumerate(topic.camps)
        for name in camp.supporters
    }
    from confiance.accounts.models import StakeholderPosition

    # Position ids, so that each cell links to its form (the map itself carries none).
    ids = {
        (contact, topic): pk
        for contact, topic, pk in StakeholderPosition.objects.filter(
            topic__account=account
        ).values_list("contact_id", "topic_id", "pk")
    }
    rows = [
        {
            "stakeholder": s,
            "cells": [
                {
                    "cell": cells.get((s.id, t.id)),
                    "camp": _colour(camps.get((t.id, s.name))),
                    "position_id": ids.get((s.id, t.id)),
                    "contact_id": s.id,
                    "topic_id": t.id,
                }
                for t in group.topics
            ],
        }
        for s in group.stakeholders
    ]
    return {
        "group": group,
        "group_divided": sum(
            1 for t in group.topics if not t.decided and (t.divergence or 0) >= DIVIDED
        ),
        "matrix_rows": rows,
        "group_map_template": "web/partials/group_map.html",
    }


def _colour(camp: int | None) -> int | None:
    return None if camp is None else camp % CAMP_COLOURS


def account_sections(user, account: Account) -> dict:
    """Scorecard and buying-group map of ``account`` for the account page."""
    return {**scorecard_context(user, account), **group_map_context(user, account)}


def comparison_checklist(price_gap_pct) -> list[str]:
    from confiance.insights.perseverance import comparison_checklist as checklist

    return checklist(None if price_gap_pct is None else float(price_gap_pct))


def sellers_to_choose(user):
    """The people whose portfolio a manager may look at on its own (none for a seller)."""
    from django.contrib.auth import get_user_model

    from confiance.web.decorators import managed_team_ids

    teams = managed_team_ids(user)
    if not teams:
        return get_user_model().objects.none()
    return (
        get_user_model()
        .objects.filter(memberships__team_id__in=teams, is_active=True)
        .distinct()
        .order_by("first_name", "username")
    )


def chosen_seller(request):
    """The seller picked in the portfolio's filter (``?seller=<id>``), if the user may."""
    wanted = request.GET.get("seller", "")
    if not wanted.isdigit():
        return None
    return sellers_to_choose(request.user).filter(pk=int(wanted)).first()


def portfolio_sections(request, user) -> dict:
    """The "no"s waiting for a second try, paginated (the radar arrives on its own)."""
    from confiance.insights.perseverance import plans

    report = plans(user, lang=ui_lang())
    seller = chosen_seller(request)
    waiting = [p for p in report.plans if seller is None or p.seller_id == seller.pk]
    return {
        "sellers": sellers_to_choose(user),
        "seller": seller,
        "waiting": Paginator(waiting, RADAR_PAGE).get_page(request.GET.get("waiting")),
        "brief_available": True,
    }


def radar_sections(request, user) -> dict:
    """The paradox radar, one page of each list; cached until the visible data changes."""
    from confiance.web.radar_cache import radar_pages

    pages = {"customers": request.GET.get("radar"), "prospects": request.GET.get("prospects")}
    seller = chosen_seller(request)
    only = None
    if seller is not None:
        only = set(visible_accounts(user).filter(owner=seller).values_list("pk", flat=True))
    found = radar_pages(user, ui_lang(), pages, RADAR_PAGE, only=only)
    return {"as_of": found["as_of"], "neglected": found["customers"], "packs": found["prospects"]}


def team_sections(user, team_ids: list[int]) -> dict:
    """Reversal rates of the perseverance plans, per seller and for the team."""
    from confiance.insights.perseverance import plans

    report = plans(user, lang=ui_lang(), include_closed=True)
    return {"reversal": report, "reversal_template": "web/partials/reversal.html"}
