"""What a seller notices when the interface speaks their language badly: colons, quotation
marks, percentages, dates and decimals written the local way, and wording that adds up."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

from django.contrib.staticfiles import finders
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format

from confiance.accounts.models import Account, Topic
from confiance.deals.models import FollowUpPlan, Opportunity, Outcome
from confiance.deals.services import record_outcome
from confiance.ledger.models import Commitment
from tests.web.helpers import post_outcome

NBSP = "\u00a0"


def _coach(client, text: str, language: str) -> str:
    response = client.post(
        "/coach/", {"text": text}, HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 200
    return response.content.decode()


def test_coach_quotes_and_colons_follow_the_interface_language(seller_client):
    english = _coach(seller_client, "Thank you. They just don't get it.", "en")
    assert "«" not in english and "»" not in english
    assert "“They just don&#x27;t get it”" in english
    assert "Gratitude: <span" in english
    assert "“Thank”" in english
    french = _coach(seller_client, "Merci. Ils ne comprennent rien.", "fr")
    assert f"«{NBSP}ils ne comprennent rien{NBSP}»".casefold() in french.casefold()
    assert f"Remerciement{NBSP}: <span" in french
    assert f"«{NBSP}Merci{NBSP}»" in french


def test_coach_names_the_language_and_dates_a_promise_instead_of_printing_codes(seller_client):
    page = _coach(seller_client, "I will send you the revised quote by 30 November 2026.", "en")
    assert "Language: English" in page
    assert "Language: en<" not in page
    assert "2026-11-30" not in page
    assert "due Nov. 30, 2026" in page


def _opportunity(account, seller, **kwargs) -> Opportunity:
    return Opportunity.objects.create(
        account=account, owner=seller, title="Renewal 2027", amount=120000, **kwargs
    )


def test_a_french_seller_types_a_price_gap_with_a_comma(seller_client, account, seller):
    opportunity = _opportunity(account, seller)
    response = post_outcome(
        seller_client, opportunity, outcome="lost", reason="price", decided_at="2026-11-20",
        competitor="Globex", price_gap_pct="20,5", headers={"HTTP_ACCEPT_LANGUAGE": "fr"},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    opportunity.refresh_from_db()
    assert opportunity.competitor_price_gap_pct == Decimal("20.5")
    page = seller_client.get(f"/accounts/{account.pk}/", HTTP_ACCEPT_LANGUAGE="fr")
    assert f"(Globex, 20,5{NBSP}%)" in page.content.decode()
    english = seller_client.get(f"/accounts/{account.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    assert "(Globex, 20.5%)" in english.content.decode()


def test_amounts_are_typed_and_shown_the_local_way(seller_client, account):
    url = f"/accounts/{account.pk}/commitments/new/"
    base = {
        "new-party": "ours",
        "new-kind": "investment",
        "new-description": "Pilot",
        "new-currency": "EUR",
    }
    response = seller_client.post(
        url,
        {**base, "new-value_amount": "1 234,56", "new-value_hours": "7,5"},
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    seller_client.post(url, {**base, "new-value_amount": "2,500.5"}, HTTP_ACCEPT_LANGUAGE="en")
    amounts = sorted(Commitment.objects.values_list("value_amount", flat=True))
    assert amounts == [Decimal("1234.56"), Decimal("2500.50")]
    assert Commitment.objects.get(value_amount=Decimal("1234.56")).value_hours == Decimal("7.5")
    account.annual_value = Decimal("260000")
    account.save()
    form = seller_client.get(f"/accounts/{account.pk}/edit/", HTTP_ACCEPT_LANGUAGE="fr")
    assert 'value="260000,00"' in form.content.decode()
    assert 'inputmode="decimal"' in form.content.decode()


def test_a_bad_amount_is_refused_next_to_its_field(seller_client, account):
    response = seller_client.post(
        f"/accounts/{account.pk}/commitments/new/",
        {
            "new-party": "ours",
            "new-kind": "investment",
            "new-description": "Pilot",
            "new-currency": "EUR",
            "new-value_amount": "lots",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert "Enter a number." in response.content.decode()
    assert not Commitment.objects.exists()


def test_sharing_lists_colleagues_by_name(seller_client, account, seller):
    page = seller_client.get(f"/accounts/{account.pk}/edit/").content.decode()
    shared = page[page.index('name="shared_with"') :]
    shared = shared[: shared.index("</select>")]
    assert seller.get_full_name() in shared
    assert f">{seller.username}<" not in shared


def test_the_outcome_form_has_a_page_of_its_own(seller_client, strangers, account, seller):
    # After an error, the language switch and a reload both come back to this address.
    opportunity = _opportunity(account, seller)
    response = seller_client.get(f"/opportunities/{opportunity.pk}/outcome/")
    assert response.status_code == 200
    assert f'name="outcome{opportunity.pk}-outcome"' in response.content.decode()
    for client in strangers:
        assert client.get(f"/opportunities/{opportunity.pk}/outcome/").status_code == 404


def test_missed_plan_steps_are_marked_overdue_and_the_no_is_dated(seller_client, account, seller):
    opportunity = _opportunity(account, seller)
    decided = timezone.localdate() - dt.timedelta(days=30)
    record_outcome(opportunity, Outcome.LOST, reason="price", decided_at=decided, by=seller)
    plan = FollowUpPlan.objects.get(opportunity=opportunity)
    page = seller_client.get(f"/accounts/{account.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    html = page.content.decode()
    plan_html = html[html.index(f'id="plan{plan.pk}"') :]
    assert plan_html.count('class="overdue"') == plan.steps.count()
    assert "overdue since" in plan_html
    with translation.override("en"):
        long_date = date_format(decided, "DATE_FORMAT")
    assert f"decided on {long_date}" in html  # not "expected close" on a closed deal
    home = seller_client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"said no on {long_date}" in home
    # Won back: the steps left undone are no longer late.
    record_outcome(opportunity, Outcome.WON, decided_at=timezone.localdate(), by=seller)
    html = seller_client.get(f"/accounts/{account.pk}/", HTTP_ACCEPT_LANGUAGE="en").content
    plan_html = html.decode()[html.decode().index(f'id="plan{plan.pk}"') :]
    assert "overdue since" not in plan_html
    assert decided.strftime("%m/%d/%Y") not in home


def test_the_buying_group_summary_counts_in_good_grammar(seller_client, account):
    html = seller_client.get(f"/accounts/{account.pk}/", HTTP_ACCEPT_LANGUAGE="en").content
    assert "0 topics" not in html.decode()
    assert "No topic recorded yet" in html.decode()
    Topic.objects.create(account=account, title="Hosting")
    html = seller_client.get(f"/accounts/{account.pk}/", HTTP_ACCEPT_LANGUAGE="en").content
    assert "1 topic." in html.decode()
    assert "1 topics" not in html.decode()


def test_french_pages_put_a_space_before_colons(seller_client, account):
    page = seller_client.get(f"/accounts/{account.pk}/", HTTP_ACCEPT_LANGUAGE="fr").content
    assert f"Réciprocité{NBSP}:" in page.decode()
    assert "Réciprocité:" not in page.decode()
    brief = seller_client.get(f"/accounts/{account.pk}/brief/", HTTP_ACCEPT_LANGUAGE="fr")
    assert "Réciprocité:" not in brief.content.decode()


def test_pages_carry_an_icon_so_browsers_stop_asking_for_one(seller_client):
    page = seller_client.get("/").content.decode()
    assert 'rel="icon"' in page
    assert finders.find("web/favicon.svg")


def test_password_forms_label_their_fields_like_every_other_form(client, seller_client):
    reset = client.get("/password/reset/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert ">E-mail</label>" in reset
    assert "Courriel" not in reset
    change = seller_client.get("/password/change/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "New password confirmation</label>" in change
    assert "confirmation:</label>" not in change


def test_the_radar_does_not_score_a_well_kept_customer_as_neglected(rf, seller):
    entries = [
        SimpleNamespace(account_id=1, account="Hexagone", neglect=66, reasons=["Silent."]),
        SimpleNamespace(account_id=2, account="Northbridge", neglect=0, reasons=[]),
    ]
    request = rf.get("/radar/")
    request.user = seller
    with translation.override("en"):
        page = render_to_string(
            "web/partials/radar.html",
            {"neglected": Paginator(entries, 10).page(1), "packs": Paginator([], 10).page(1)},
            request=request,
        )
    assert "neglect 66/100" in page
    assert "neglect 0/100" not in page
    assert page.index("Northbridge") < page.index("no sign of neglect")


def test_the_timeline_does_not_number_each_page_from_the_same_figure(seller_client, account, note):
    # A reversed list restarted at 15 on every page: "15" meant two different conversations.
    page = seller_client.get(f"/accounts/{account.pk}/").content.decode()
    assert "reversed>" not in page


def test_the_team_page_says_what_its_figures_are(manager_client, account, seller, note):
    note.tone = -0.5
    note.save()
    opportunity = _opportunity(account, seller)
    record_outcome(opportunity, Outcome.LOST, reason="price", decided_at=timezone.localdate())
    record_outcome(opportunity, Outcome.WON, decided_at=timezone.localdate())
    other = _opportunity(account, seller)
    record_outcome(other, Outcome.LOST, reason="price", decided_at=timezone.localdate())
    page = manager_client.get("/team/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "(latest month -0.50)" in page  # not a bare "(-0.50)"
    assert "50%" in page and "50 %" not in page  # one of two "no"s won back, written in English
    french = manager_client.get("/team/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert f"50{NBSP}%" in french


def test_ledger_dates_cannot_be_misread_across_the_channel(seller_client, account, commitment):
    # 03/12/2026 is 12 March to a British seller and 3 December to an American one.
    commitment.due_date = dt.date(2026, 12, 3)
    commitment.save()
    page = seller_client.get(f"/accounts/{account.pk}/", HTTP_ACCEPT_LANGUAGE="en").content
    assert "Dec. 3, 2026" in page.decode()
    assert "12/03/2026" not in page.decode()
    french = seller_client.get(f"/accounts/{account.pk}/", HTTP_ACCEPT_LANGUAGE="fr").content
    assert "3 décembre 2026" in french.decode()


def test_new_deals_and_promises_start_in_the_account_s_currency(seller_client, account):
    account.currency = "USD"
    account.save()
    for url in (f"/accounts/{account.pk}/opportunities/new/", f"/accounts/{account.pk}/"):
        page = seller_client.get(url).content.decode()
        assert '<option value="USD" selected>' in page, url
    contact = seller_client.get(f"/accounts/{account.pk}/contacts/new/").content.decode()
    assert '<option value="en" selected>' in contact  # the account's language


def test_a_pasted_amount_keeps_its_figures_without_its_currency_sign(seller_client, account):
    response = seller_client.post(
        f"/accounts/{account.pk}/opportunities/new/",
        {"title": "Columbus", "stage": "discovery", "amount": "$85,000", "currency": "USD"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert Opportunity.objects.get(title="Columbus").amount == Decimal("85000")
    seller_client.post(
        f"/accounts/{account.pk}/opportunities/new/",
        {"title": "Lyon", "stage": "discovery", "amount": "120 000 €", "currency": "EUR"},
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert Opportunity.objects.get(title="Lyon").amount == Decimal("120000")


def test_the_portfolio_title_names_whose_portfolio_is_shown(
    manager_client, manager, seller_client, seller, second_seller, account
):
    # A manager looking at Tom's portfolio must not read "Portfolio of <the manager>".
    only_tom = manager_client.get(f"/?seller={second_seller.pk}", HTTP_ACCEPT_LANGUAGE="en")
    title = only_tom.content.decode().split("<h1>")[1].split("</h1>")[0]
    assert title == f"Portfolio of {second_seller.get_full_name() or second_seller.username}"
    everyone = manager_client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<h1>Portfolio of the whole team</h1>" in everyone
    own = seller_client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"<h1>Portfolio of {seller.get_full_name() or seller.username}</h1>" in own


def test_each_reopen_and_edit_button_names_its_commitment(seller_client, account, commitment):
    # A screen reader listing the page's buttons otherwise hears "Reopen, Reopen, Reopen".
    commitment.status = "kept_late"
    commitment.resolved_at = timezone.localdate()
    commitment.save()
    page = seller_client.get(f"/accounts/{account.pk}/", HTTP_ACCEPT_LANGUAGE="en").content
    assert 'aria-label="Reopen: Send the revised quote"' in page.decode()
    assert 'aria-label="Edit: Send the revised quote"' in page.decode()


def test_a_comma_that_is_not_grouping_thousands_is_refused_in_english(seller_client, account):
    opportunity = _opportunity(account, seller=account.owner)
    response = post_outcome(
        seller_client, opportunity, outcome="lost", reason="price", decided_at="2026-11-20",
        price_gap_pct="20,5", headers={"HTTP_ACCEPT_LANGUAGE": "en"},  # not 205
    )  # fmt: skip
    assert response.status_code == 400
    assert "Enter a number." in response.content.decode()
    opportunity.refresh_from_db()
    assert opportunity.outcome == Outcome.OPEN


def test_the_account_list_finds_and_sorts_names_the_french_way(seller_client, seller, team):
    for name in ("Val-de-Loire Habitat", "Énergies Vallée du Rhône", "Mercier Équipements"):
        Account.objects.create(name=name, kind="customer", owner=seller, team=team)
    page = seller_client.get("/accounts/").content.decode()
    assert page.index("Énergies Vallée") < page.index("Mercier Équipements")
    assert page.index("Mercier Équipements") < page.index("Val-de-Loire")
    for typed in ("energies", "ÉNERGIES", "énergies"):
        found = seller_client.get("/accounts/", {"q": typed}).content.decode()
        assert "Énergies Vallée du Rhône" in found, typed
        assert "Val-de-Loire" not in found
    assert "Mercier" in seller_client.get("/accounts/", {"q": "équipements"}).content.decode()
