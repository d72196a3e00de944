"""Relationship intelligence: services over querysets, one module per capability.

Every service takes the acting user, reads only what ``visible_accounts(user)`` allows, renders
its sentences in the user's language (``lang``, else the active language) and returns
dataclasses with ``.as_dict()`` (JSON-serialisable). Import from the modules (this package
imports nothing, so that Django can load the app):

- ``confiance.insights.scorecard``: ``scorecard(user, account)``, ``scorecards(user)``
- ``confiance.insights.radar``: ``radar(user)``
- ``confiance.insights.perseverance``: ``plans(user)``, ``comparison_checklist(gap)``,
  ``complete_step(user, step_id)``, ``confirm_no(user, plan_id)``
- ``confiance.insights.buying_group``: ``buying_group_map(user, account)``
- ``confiance.insights.brief``: ``meeting_brief(user, account, meeting=None)``
- ``confiance.insights.common``: ``find_account(user, ref)`` / ``NoSuchAccount``,
  ``user_language(user)``, ``user_timezone(user)``, ``add_working_days(day, n)``
- ``confiance.deals.services``: ``record_outcome(opportunity, outcome, ...)`` (a "no" opens
  its perseverance plan)

Formulas, weights and their reasoning: docs/insights.md.
"""
