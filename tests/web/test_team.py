from __future__ import annotations

import datetime as dt

from django.utils import timezone

from confiance.interactions.models import Interaction


def _analysed(account, seller, text, category, tone):
    return Interaction.objects.create(
        account=account,
        kind="prep_note",
        occurred_at=timezone.now() - dt.timedelta(days=2),
        title="Prep",
        body=text,
        created_by=seller,
        tone=tone,
        analysis={
            "lang": "en",
            "tone": tone,
            "findings": [
                {
                    "start": 0,
                    "end": len(text),
                    "text": text,
                    "category": category,
                    "severity": 2,
                    "rule": "en.x",
                    "explanation": "Why it hurts",
                    "rewrite": "A better way",
                    "segment": None,
                }
            ],
            "moves": [],
            "commitments": [],
            "speakers": [],
            "segments": [],
        },
    )


def test_team_page_is_for_managers_only(seller_client, outsider_client, manager_client):
    assert seller_client.get("/team/").status_code == 404
    assert outsider_client.get("/team/").status_code == 404
    assert manager_client.get("/team/").status_code == 200


def test_team_page_shows_each_seller_s_most_frequent_combative_framings(
    manager_client, account, seller
):
    for _ in range(3):
        _analysed(account, seller, "They just don't get it", "blame", -0.5)
    _analysed(account, seller, "We have to stand firm", "fight_metaphor", -0.3)
    page = manager_client.get("/team/").content.decode()
    assert "Sophie" in page
    assert page.index("They just don&#x27;t get it") < page.index("We have to stand firm")
    assert "(3)" in page
    assert "A better way" in page


def test_team_page_leaves_out_other_teams(manager_client, outsider, other_team):
    from confiance.accounts.models import Account

    theirs = Account.objects.create(
        name="Elsewhere", kind="customer", owner=outsider, team=other_team
    )
    _analysed(theirs, outsider, "Secret framing", "blame", -0.5)
    page = manager_client.get("/team/").content.decode()
    assert "Olga" not in page and "Secret framing" not in page


def test_team_page_shows_reversal_rates(manager_client, account, seller):
    from confiance.deals.models import Opportunity
    from confiance.deals.services import record_outcome

    opportunity = Opportunity.objects.create(account=account, owner=seller, title="Deal")
    record_outcome(opportunity, "lost", reason="price", decided_at=dt.date(2026, 10, 1), by=seller)
    page = manager_client.get("/team/").content.decode()
    assert "Reversal rate" in page


def test_examples_are_not_repeated_and_silent_managers_are_left_out(
    manager_client, manager, account, seller
):
    for _ in range(3):
        _analysed(account, seller, "stand firm", "fight_metaphor", -0.3)
    _analysed(account, seller, "fight for it", "fight_metaphor", -0.3)
    page = manager_client.get("/team/").content.decode()
    assert page.count(">stand firm<") == 1 and ">fight for it<" in page
    assert f'id="seller-{seller.pk}"' in page
    assert f'id="seller-{manager.pk}"' not in page
