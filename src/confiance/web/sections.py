"""The bridge between pages and the relationship services in ``confiance.insights``.

Pages never compute scores, the radar, the map or briefs themselves: they call the services
(which apply ``visible_accounts``) and draw their ``as_dict()`` results.
"""

from __future__ import annotations

from confiance.accounts.models import Account


def account_sections(user, account: Account) -> dict:
    """Scorecard and buying-group map of ``account`` for the account page."""
    return {}


def portfolio_sections(request, user) -> dict:
    """The paradox radar for the portfolio page."""
    return {}


def team_sections(user, team_ids: list[int]) -> dict:
    """Reversal rates of the perseverance plans, per seller."""
    return {}
