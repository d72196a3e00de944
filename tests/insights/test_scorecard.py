"""The five-principles scorecard on small hand-built ledgers."""

from __future__ import annotations

import datetime as dt

import pytest

from confiance.accounts.models import Account
from confiance.deals.models import Opportunity
from confiance.insights.common import NoSuchAccount
from confiance.insights.scorecard import PRINCIPLES, scorecard, scorecards
from confiance.users.models import Profile
from tests.insights.helpers import TODAY, at, pledge, talk

DAY = dt.timedelta(days=1)


def customer(name, seller, team, **extra) -> Account:
    return Account.objects.create(name=name, kind="customer", owner=seller, team=team, **extra)


def ledger(account, *, ours_kept, ours_total, theirs_kept, theirs_total):
    for i in range(ours_total):
        pledge(
            account,
            "ours",
            status="kept" if i < ours_kept else "broken",
            due=TODAY - (40 + i) * DAY,
        )
    for i in range(theirs_total):
        status = "kept" if i < theirs_kept else "broken"
        pledge(account, "theirs", status=status, due=TODAY - (40 + i) * DAY)


def test_their_broken_commitments_lower_their_integrity(account, seller, team):
    reliable = customer("Reliable", seller, team)
    ledger(reliable, ours_kept=8, ours_total=8, theirs_kept=5, theirs_total=5)
    ledger(account, ours_kept=8, ours_total=8, theirs_kept=2, theirs_total=5)

    good = scorecard(seller, reliable, as_of=TODAY).principle("integrity")
    bad = scorecard(seller, account, as_of=TODAY).principle("integrity")

    assert bad.theirs < good.theirs
    assert bad.ours == good.ours == 100
    assert bad.score < good.score


def test_our_broken_commitments_lower_our_side(account, seller):
    ledger(account, ours_kept=2, ours_total=6, theirs_kept=4, theirs_total=4)
    integrity = scorecard(seller, account, as_of=TODAY).principle("integrity")
    assert integrity.ours < integrity.theirs == 100


def test_late_counts_half_and_overdue_counts_against(account, seller):
    pledge(account, "ours", status="kept", due=TODAY - 50 * DAY)
    pledge(account, "ours", status="kept_late", due=TODAY - 50 * DAY)
    pledge(account, "ours", status="open", due=TODAY - 5 * DAY)
    pledge(account, "ours", status="open", due=TODAY + 5 * DAY)  # not due yet: not judged
    integrity = scorecard(seller, account, as_of=TODAY).principle("integrity")
    assert integrity.ours == 50  # (1 + 0.5 + 0) / 3
    assert "1 late" in integrity.facts[1] and "1 overdue" in integrity.facts[1]


def test_explanations_name_the_facts(account, seller):
    ledger(account, ours_kept=7, ours_total=8, theirs_kept=2, theirs_total=5)
    facts = scorecard(seller, account, as_of=TODAY).principle("integrity").facts
    assert facts[0] == "Northwind kept 2 of its 5 commitments since December 2025 (3 broken)."
    assert facts[1] == "We kept 7 of our 8 commitments since December 2025 (1 broken)."


def test_explanations_follow_the_language(account, seller):
    ledger(account, ours_kept=3, ours_total=3, theirs_kept=3, theirs_total=3)
    fr = scorecard(seller, account, as_of=TODAY, lang="fr").principle("integrity").facts
    en = scorecard(seller, account, as_of=TODAY, lang="en").principle("integrity").facts
    assert "décembre 2025" in fr[0]
    assert "December 2025" in en[0]


def test_one_side_carrying_all_the_risk_lowers_equity_and_reciprocity(account, seller, team):
    balanced = customer("Balanced", seller, team)
    for side in ("ours", "theirs"):
        pledge(balanced, side, kind="risk", status="kept", value=10_000)
        pledge(balanced, side, kind="investment", status="kept", value=5_000)
    pledge(account, "ours", kind="risk", status="kept", value=10_000)
    pledge(account, "ours", kind="risk", status="kept", value=10_000)
    pledge(account, "ours", kind="investment", status="kept", value=10_000)

    fair = scorecard(seller, balanced, as_of=TODAY)
    lopsided = scorecard(seller, account, as_of=TODAY)

    assert fair.principle("reciprocity").score == 100
    assert fair.principle("equity").score == 100
    assert lopsided.principle("reciprocity").score < 20
    assert lopsided.principle("equity").score <= 50
    assert "30,000" in lopsided.principle("reciprocity").facts[0]
    # A bare figure would leave the seller guessing what it counts.
    assert "at 80 an hour" in lopsided.principle("reciprocity").facts[-1]
    assert "100%" in lopsided.principle("equity").facts[0]


def test_ultimatums_lower_autonomy(account, seller, team):
    calm = customer("Calm", seller, team)
    for i in range(3):
        talk(calm, at(TODAY - (10 + i) * DAY), tone=0.2)
        talk(account, at(TODAY - (10 + i) * DAY), tone=-0.2, findings=["ultimatum"])
    calm_autonomy = scorecard(seller, calm, as_of=TODAY).principle("autonomy")
    tense = scorecard(seller, account, as_of=TODAY).principle("autonomy")
    assert calm_autonomy.score == 100
    assert tense.score == 55
    assert tense.facts[-1].startswith("3 ultimatums in conversations since December 2025")


def test_one_way_concessions_lower_autonomy(account, seller):
    for _ in range(3):
        pledge(account, "ours", kind="concession", status="kept")
    autonomy = scorecard(seller, account, as_of=TODAY).principle("autonomy")
    assert autonomy.score == 70
    assert "3 by us, 0 by Northwind" in autonomy.facts[0]


def test_attention_dropping_after_a_win_lowers_loyalty(account, seller, team):
    kept_up = customer("Kept up", seller, team)
    won_on = dt.date(2026, 6, 15)
    for acc in (account, kept_up):
        Opportunity.objects.create(
            account=acc,
            title="Deal",
            amount=20_000,
            outcome="won",
            decided_at=won_on,
            stage="closed",
        )
        for month in (3, 4, 5):
            talk(acc, at(dt.date(2026, month, 10)), tone=0.1)
    for month in (7, 8, 9, 10):
        talk(kept_up, at(dt.date(2026, month, 10)), tone=0.1)

    faithful = scorecard(seller, kept_up, as_of=TODAY).principle("loyalty")
    neglected = scorecard(seller, account, as_of=TODAY).principle("loyalty")
    assert faithful.score == 100
    assert neglected.score == 60
    assert (
        "0.0 contacts a month lately, against 1.0 in the three months before"
        in (neglected.facts[0])
    )


def test_an_inconsistent_discount_lowers_our_integrity(account, seller, team):
    peer = customer("Peer", seller, team)
    ledger(account, ours_kept=4, ours_total=4, theirs_kept=4, theirs_total=4)
    for discount in (5, 6, 7, 8):
        Opportunity.objects.create(
            account=peer, title="D", amount=20_000, outcome="won", decided_at=TODAY - 60 * DAY,
            discount_pct=discount, stage="closed",
        )  # fmt: skip
    Opportunity.objects.create(
        account=account, title="Big discount", amount=30_000, outcome="won",
        decided_at=TODAY - 30 * DAY, discount_pct=25, stage="closed",
    )  # fmt: skip
    integrity = scorecard(seller, account, as_of=TODAY).principle("integrity")
    assert integrity.ours < 100 == integrity.theirs
    assert (
        "25% discount on a deal of 30,000; 4 comparable deals got 7% (median)"
        in (integrity.facts[2])
    )


def test_no_data_means_not_enough_data(account, seller):
    card = scorecard(seller, account, as_of=TODAY)
    assert card.overall is None and card.weakest is None
    assert all(p.score is None and not p.enough_data for p in card.principles)
    assert all(p.facts for p in card.principles)  # each says why
    assert card.summary == "Not enough data yet to score the relationship with Northwind."
    assert card.as_dict()["principles"][0]["score"] is None


def test_facts_outside_the_window_do_not_count(account, seller):
    for i in range(4):
        pledge(account, "theirs", status="broken", due=dt.date(2025, 6, 1) + i * DAY)
    assert scorecard(seller, account, as_of=TODAY).principle("integrity").score is None
    older = scorecard(seller, account, as_of=dt.date(2025, 12, 31)).principle("integrity")
    assert older.theirs == 0


def test_windows_use_the_users_time_zone(account, seller):
    # 23:30 UTC on 30 November is already 1 December in Tokyo, still 30 November in New York.
    late_evening = dt.datetime(2026, 11, 30, 23, 30, tzinfo=dt.UTC)
    for i in range(3):
        talk(account, late_evening - i * dt.timedelta(minutes=1), tone=-0.5, findings=["ultimatum"])
    profile = Profile.objects.create(user=seller, time_zone="America/New_York")
    as_of = dt.date(2026, 11, 30)
    assert scorecard(seller, account, as_of=as_of).principle("autonomy").score == 55
    profile.time_zone = "Asia/Tokyo"
    profile.save()
    seller.refresh_from_db()
    assert scorecard(seller, account, as_of=as_of).principle("autonomy").score is None


def test_the_trend_has_twelve_months_and_follows_the_facts(account, seller):
    for i in range(4):
        pledge(account, "ours", status="kept", due=dt.date(2026, 3, 1) + i * DAY)
    for i in range(4):
        pledge(account, "ours", status="broken", due=dt.date(2026, 9, 1) + i * DAY)
    trend = scorecard(seller, account, as_of=TODAY).trend
    assert [p.month for p in trend][0] == "2025-12" and trend[-1].month == "2026-11"
    by_month = {p.month: p.scores["integrity"] for p in trend}
    assert by_month["2026-02"] is None
    assert by_month["2026-04"] == 100
    assert by_month["2026-10"] == 50


def test_overall_and_weakest(account, seller):
    ledger(account, ours_kept=4, ours_total=4, theirs_kept=1, theirs_total=4)
    for i in range(3):
        talk(account, at(TODAY - (3 + i) * DAY), tone=0.3)
    card = scorecard(seller, account, as_of=TODAY)
    known = {p.principle: p.score for p in card.principles if p.score is not None}
    assert card.weakest == "integrity" == min(known, key=known.get)
    assert card.overall == round(sum(known.values()) / len(known))
    assert "weakest principle: integrity" in card.summary


def test_a_seller_cannot_see_another_sellers_account(account, second_seller, manager, outsider):
    with pytest.raises(NoSuchAccount):
        scorecard(second_seller, account)
    with pytest.raises(NoSuchAccount):
        scorecard(outsider, account.pk)
    assert scorecard(manager, "NORTHWIND").account_id == account.pk
    assert [c.account for c in scorecards(second_seller)] == []
    assert [c.account for c in scorecards(manager)] == ["Northwind"]


def build_portfolio(seller, team, n):
    for i in range(n):
        acc = customer(f"Acc {i}", seller, team)
        ledger(acc, ours_kept=2, ours_total=3, theirs_kept=1, theirs_total=2)
        pledge(acc, "ours", kind="risk", status="kept", value=1000)
        talk(acc, at(TODAY - 5 * DAY), tone=0.1, findings=["ultimatum"])
        Opportunity.objects.create(
            account=acc,
            title="D",
            amount=1000,
            outcome="won",
            decided_at=TODAY - 90 * DAY,
            discount_pct=5,
            stage="closed",
        )


@pytest.mark.parametrize("size", [5, 50])
def test_scorecards_take_a_constant_number_of_queries(
    seller, team, size, django_assert_max_num_queries
):
    build_portfolio(seller, team, size)
    with django_assert_max_num_queries(8):
        cards = scorecards(seller, as_of=TODAY)
    assert len(cards) == size
    assert all(c.principle("integrity").score is not None for c in cards)
    assert {p for c in cards for p in (x.principle for x in c.principles)} == set(PRINCIPLES)


def test_accounts_are_found_by_name_in_any_case_with_accents(seller, team):
    mercier = customer("Mercier Équipements", seller, team)
    assert scorecard(seller, "mercier équipements").account_id == mercier.pk
    assert scorecard(seller, "MERCIER ÉQUIPEMENTS").account_id == mercier.pk
    with pytest.raises(NoSuchAccount):
        scorecard(seller, "mercier equipements")


def test_discounts_are_compared_with_the_whole_team_not_other_teams(
    account, seller, second_seller, outsider, team, other_team
):
    ledger(account, ours_kept=4, ours_total=4, theirs_kept=4, theirs_total=4)
    colleague = customer("Colleague's", second_seller, team)
    elsewhere = Account.objects.create(
        name="Elsewhere", kind="customer", owner=outsider, team=other_team
    )
    for acc, discount in [(colleague, 6), (colleague, 7), (colleague, 8)] + [(elsewhere, 25)] * 5:
        Opportunity.objects.create(
            account=acc, title="D", amount=20_000, outcome="won", decided_at=TODAY - 60 * DAY,
            discount_pct=discount, stage="closed",
        )  # fmt: skip
    Opportunity.objects.create(
        account=account, title="Mine", amount=30_000, outcome="won",
        decided_at=TODAY - 30 * DAY, discount_pct=25, stage="closed",
    )  # fmt: skip
    integrity = scorecard(seller, account, as_of=TODAY).principle("integrity")
    assert integrity.ours < 100
    assert "3 comparable deals got 7.5% (median)" in integrity.facts[2]
    assert "Colleague" not in " ".join(integrity.facts)
    assert scorecard(outsider, elsewhere, as_of=TODAY).principle("integrity").facts == [
        "Fewer than 3 commitments fell due since December 2025."
    ]


def test_attention_fading_months_after_a_win_lowers_loyalty(account, seller):
    Opportunity.objects.create(
        account=account, title="Deal", amount=20_000, outcome="won",
        decided_at=dt.date(2026, 2, 10), stage="closed",
    )  # fmt: skip
    for month in (1, 1, 3, 4, 5, 6, 7):  # in touch after the win, then silent since August
        talk(account, at(dt.date(2026, month, 12)), tone=0.2)
    loyalty = scorecard(seller, account, as_of=TODAY).principle("loyalty")
    assert loyalty.score == 60
    assert loyalty.facts[0].startswith("Since the win of 10 February 2026: 0.0 contacts a month")
