"""An opportunity's outcome: a "no" says why and when; percentages stay in range."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from confiance.deals.models import Opportunity

DECIDED = dt.date(2026, 11, 2)


def opportunity(account, **fields) -> Opportunity:
    return Opportunity(**{"account": account, "title": "Renewal", "amount": 10_000, **fields})


def invalid_fields(instance) -> set[str]:
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return set(caught.value.error_dict)


@pytest.mark.parametrize("outcome", ["lost", "no_decision"])
def test_a_no_needs_a_reason_and_a_date(account, outcome):
    assert invalid_fields(opportunity(account, outcome=outcome)) == {"loss_reason", "decided_at"}
    opportunity(account, outcome=outcome, loss_reason="timing", decided_at=DECIDED).full_clean()


def test_a_win_has_a_date_but_no_reason_for_a_no(account):
    assert invalid_fields(opportunity(account, outcome="won")) == {"decided_at"}
    won = opportunity(account, outcome="won", decided_at=DECIDED, loss_reason="price")
    assert invalid_fields(won) == {"loss_reason"}


def test_an_open_opportunity_has_no_decision_date(account):
    assert invalid_fields(opportunity(account, decided_at=DECIDED)) == {"decided_at"}


def test_a_price_gap_names_the_competitor(account):
    lost = {"outcome": "lost", "loss_reason": "price", "decided_at": DECIDED}
    assert invalid_fields(opportunity(account, competitor_price_gap_pct=20, **lost)) == {
        "competitor"
    }
    opportunity(account, competitor_price_gap_pct=20, competitor="Maintivo", **lost).full_clean()


@pytest.mark.parametrize("gap", [-100, -12.5, 0, 20, 100])
def test_competitor_gap_accepts_minus_100_to_100(account, gap):
    opportunity(account, competitor="Maintivo", competitor_price_gap_pct=gap).full_clean()


@pytest.mark.parametrize("gap", [-100.1, 100.1, 250])
def test_competitor_gap_outside_minus_100_to_100_is_refused(account, gap):
    wrong = opportunity(account, competitor="Maintivo", competitor_price_gap_pct=gap)
    assert "competitor_price_gap_pct" in invalid_fields(wrong)


@pytest.mark.parametrize(("discount", "valid"), [(0, True), (100, True), (-1, False), (101, False)])
def test_discount_is_a_percentage_from_0_to_100(account, discount, valid):
    deal = opportunity(account, discount_pct=discount)
    if valid:
        deal.full_clean()
    else:
        assert invalid_fields(deal) == {"discount_pct"}


def test_amount_cannot_be_negative_and_currency_must_be_known(account):
    assert invalid_fields(opportunity(account, amount=-5, currency="BTC")) == {
        "amount",
        "currency",
    }
