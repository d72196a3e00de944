"""The journeys a seller makes in a real browser (Chromium through Playwright)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import shot, sign_in

pytestmark = pytest.mark.browser

DOCS_SHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "account.png"
FRENCH_NOTE = (
    "Demain je vois Claire chez Maison Dufour. Franchement, ils ne comprennent rien à notre offre "
    "et ils essaient de nous avoir sur le prix. Il faudra tenir bon."
)


def test_sign_in(page, seller):
    sign_in(page, "sophie")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Portfolio")
    shot(page, "portfolio")


def test_coach_highlights_a_french_finding_with_its_rewrite(page, seller):
    sign_in(page, "sophie")
    page.goto(page.base + "/coach/")
    page.get_by_label("Your text").press_sequentially(FRENCH_NOTE[:40])
    page.get_by_label("Your text").fill(FRENCH_NOTE)
    page.get_by_label("Your text").press("End")  # a keyup: the debounced analysis runs
    mark = page.locator("#analysis mark.finding").first
    expect(mark).to_be_visible()
    tip = page.locator("#" + mark.get_attribute("aria-describedby"))
    expect(tip).to_be_hidden()
    mark.focus()  # keyboard users get the explanation and the rewrite too
    expect(tip).to_be_visible()
    rewrite = page.locator("#analysis .rewrite").first
    expect(rewrite).not_to_be_empty()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=page.base)
    rewrite.get_by_role("button", name="Copy the rewrite").click()
    expect(rewrite.get_by_role("button")).to_have_text("Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == rewrite.locator("span").first.inner_text().strip()
    shot(page, "coach")


def test_recording_a_no_on_price_shows_the_plan(page, story):
    sign_in(page, "sophie")
    page.goto(f"{page.base}/accounts/{story.pk}/")
    opportunity = page.locator("article.opportunity").first
    opportunity.get_by_text("Record the outcome").click()
    opportunity.get_by_label("Outcome").select_option("lost")
    opportunity.get_by_label("Reason for the no").select_option("price")
    opportunity.get_by_label("Competitor", exact=True).fill("Globex")
    opportunity.get_by_label("Competitor price gap (%)").fill("20")
    opportunity.get_by_role("button", name="Record").click()
    plan = page.locator(".plan").first
    expect(plan).to_contain_text("Perseverance plan")
    expect(plan.locator("li").first).to_be_visible()
    shot(page, "plan")


def test_marking_a_commitment_broken_changes_the_integrity_score(page, story):
    sign_in(page, "sophie")
    page.goto(f"{page.base}/accounts/{story.pk}/")
    score = page.get_by_test_id("score-integrity")
    before = score.inner_text()
    row = page.locator("tr", has_text="Envoyer le devis révisé")
    row.get_by_role("button", name="Broken").click()
    expect(row.locator(".badge")).to_have_text("Broken")
    expect(score).not_to_have_text(before)
    shot(page, "account")


def test_switching_the_language(page, seller):
    sign_in(page, "sophie")
    page.get_by_label("Language").select_option("fr")
    page.locator("form[action='/language/'] button").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    page.goto(page.base + "/accounts/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    shot(page, "french")


def test_a_seller_opening_another_seller_s_account_gets_404(page, story, second_seller):
    sign_in(page, "tom")
    response = page.goto(f"{page.base}/accounts/{story.pk}/")
    assert response.status == 404
    expect(page.locator("body")).not_to_contain_text("Maison Dufour")


def test_pages_fit_a_phone_screen(page, story):
    sign_in(page, "sophie")
    page.set_viewport_size({"width": 375, "height": 800})
    for path in (
        "/",
        f"/accounts/{story.pk}/",
        "/accounts/",
        "/coach/",
        "/profile/",
        f"/accounts/{story.pk}/brief/",
    ):
        page.goto(page.base + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} is {width}px wide at 375px"
    page.goto(f"{page.base}/accounts/{story.pk}/")
    # The ledger's one-click buttons stay on screen, not behind a sideways scroll.
    kept = page.get_by_role("button", name=re.compile(r"^Mark kept:")).first
    box = kept.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 375, box
    shot(page, "account-phone")


def test_the_ledger_works_with_the_keyboard_alone(page, story):
    sign_in(page, "sophie")
    page.goto(f"{page.base}/accounts/{story.pk}/")
    button = page.locator("tr", has_text="Envoyer le devis révisé").get_by_role(
        "button", name=re.compile(r"^Mark kept:")
    )
    button.focus()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    expect(page.locator("tr", has_text="Envoyer le devis révisé").locator(".badge")).to_have_text(
        re.compile("Kept")
    )


def test_readme_screenshot_of_a_demo_account(page, transactional_db):
    """The demo's Atlas Freight Lines, as James sees it: the README's screenshot.

    Always taken (artifacts/screenshots/readme-account.png); copied to
    docs/screenshots/account.png only with UPDATE_SCREENSHOTS=1, so that test runs leave the
    committed file alone.
    """
    from confiance.accounts.models import Account
    from confiance.demo import DEMO_PASSWORD, load_demo

    load_demo()
    atlas = Account.objects.get(name="Atlas Freight Lines")
    page.goto(page.base + "/login/")
    page.get_by_label("User name").fill("james")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{page.base}/accounts/{atlas.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Atlas Freight Lines")
    expect(page.locator("#scorecard svg[role=img]").first).to_be_visible()
    expect(page.get_by_test_id("score-integrity")).to_have_text(re.compile(r"\d+/100"))
    path = shot(page, "readme-account", full_page=False)
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        DOCS_SHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, DOCS_SHOT)


def test_a_demo_meeting_brief_prints_on_one_page(page, transactional_db):
    """Northbridge's hosting meeting, the fullest brief of the demo, fits one A4 sheet."""
    from confiance.demo import DEMO_PASSWORD, load_demo
    from confiance.interactions.models import Interaction

    load_demo()
    meeting = Interaction.objects.get(title="Hosting decision meeting")
    page.goto(page.base + "/login/")
    page.get_by_label("User name").fill("james")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{page.base}/meetings/{meeting.pk}/brief/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Northbridge")
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, f"the brief prints on {pages} pages"
