"""Accessibility in the real browser: axe-core over every main page, in English and in French,
at desktop width and on a 375 px phone, plus keyboard journeys.

axe-core comes bundled in the ``axe-playwright-python`` package (no network at run time). It
runs every WCAG 2.0 and 2.1 level A and AA rule, plus the structural rules that check landmarks
and headings (a page a screen reader user can find their way through). A violation fails the
test with its rule id, impact, the elements concerned and axe's one-line help.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

#: Every rule tagged WCAG 2.0/2.1 A or AA…
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
#: …and axe's best-practice rules about landmarks and headings (none is weakened or skipped).
STRUCTURE_RULES = [
    "landmark-one-main",
    "landmark-unique",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-main",
    "region",
    "heading-order",
    "page-has-heading-one",
    "empty-heading",
]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_TAGS},
    "rules": {rule: {"enabled": True} for rule in STRUCTURE_RULES},
    "resultTypes": ["violations"],
}
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 800}
FRENCH_NOTE = (
    "Demain je vois Claire chez Maison Dufour. Franchement, ils ne comprennent rien à notre offre "
    "et ils essaient de nous avoir sur le prix. Il faudra tenir bon."
)


@dataclass(frozen=True)
class Demo:
    """The demo's objects that the pages below show."""

    password: str
    account: int  # Sophie's: scorecard, open commitments of ours, buying group, opportunities
    interaction: int  # a transcript with combative findings
    commitment: str  # an open commitment on that account, not yet due
    promise: int  # a conversation in which the coach found a commitment to add to the ledger


@pytest.fixture
def demo(transactional_db) -> Demo:
    """The demo portfolio (Sophie the seller, Claire her manager), loaded for the live server."""
    from django.db.models import Q
    from django.utils import timezone

    from confiance.demo import DEMO_PASSWORD, load_demo
    from confiance.interactions.models import Interaction
    from confiance.ledger.models import Commitment

    load_demo()
    # Not overdue: an overdue commitment can only be marked "kept late".
    not_due = Q(due_date__isnull=True) | Q(due_date__gte=timezone.localdate())
    commitment = (
        Commitment.objects.filter(not_due, account__owner__username="sophie", status="open")
        .filter(account__topics__isnull=False, account__opportunities__isnull=False)
        .order_by("account_id", "pk")
        .first()
    )
    account = commitment.account
    transcripts = Interaction.objects.filter(
        account__owner__username="sophie", segments__isnull=False
    ).distinct()
    interaction = next(i for i in transcripts.order_by("pk") if (i.analysis or {}).get("findings"))
    conversations = Interaction.objects.filter(account__owner__username="sophie").order_by("pk")
    promise = next(i for i in conversations if (i.analysis or {}).get("commitments"))
    return Demo(DEMO_PASSWORD, account.pk, interaction.pk, commitment.description, promise.pk)


@pytest.fixture
def open_page(chromium, live_server):
    """Open a page in a fresh browser context (the browser itself is shared by the module)."""
    contexts = []

    def open_(language: str = "en", viewport: dict = DESKTOP):
        context = chromium.new_context(
            locale={"en": "en-GB", "fr": "fr-FR"}[language],
            viewport=viewport,
            timezone_id="Europe/Paris",
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.base = live_server.url
        return page

    yield open_
    for context in contexts:
        context.close()


def speak(language: str, *usernames: str) -> None:
    """Make these users' profile language ``language``: the profile wins over the browser."""
    from confiance.users.models import Profile

    for username in usernames:
        Profile.objects.update_or_create(user__username=username, defaults={"language": language})


def sign_in(page, username: str, password: str, *, radar: bool = False) -> None:
    """Sign in through the form, whatever the interface language; wait for the radar if asked."""
    page.goto(page.base + "/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(page.base + "/")
    if radar:  # loaded by htmx after the page
        expect(page.locator("#radar-slot #radar-h")).to_be_visible()
        expect(page.locator("#radar-slot [aria-busy]")).to_have_count(0)


def axe(page, where: str) -> list[str]:
    """Run axe on the page as it is now; one line per violated rule."""
    page.evaluate(AXE_SCRIPT)
    results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    lines = []
    for v in results["violations"]:
        targets = "; ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        more = f" (+{len(v['nodes']) - 5} more)" if len(v["nodes"]) > 5 else ""
        lines.append(f"{where}: {v['id']} [{v['impact']}] {targets}{more} — {v['help']}")
    return lines


def visit(page, path: str, status: int = 200) -> None:
    response = page.goto(page.base + path)
    assert response.status == status, f"{path} answered {response.status}"


def open_details(page) -> None:
    """Unfold the "add a commitment" and "record the outcome" forms so that axe sees them."""
    page.evaluate("document.querySelectorAll('main details').forEach(d => { d.open = true; })")


def analyse_french_note(page) -> None:
    visit(page, "/coach/")
    box = page.locator("#coach-text")
    box.fill(FRENCH_NOTE)
    box.press("End")  # a keyup: the debounced analysis runs
    expect(page.locator("#analysis mark.finding").first).to_be_visible()


def report(found: list[str], what: str) -> str:
    return f"{len(found)} accessibility violation(s) {what}:\n" + "\n".join(found)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_seller_s_pages_pass_axe(open_page, demo, language):
    speak(language, "sophie")
    page = open_page(language)
    found: list[str] = []
    visit(page, "/login/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    found += axe(page, "sign-in")
    page.locator("#id_username").fill("sophie")
    page.locator("#id_password").fill("not the password")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main [role=alert]")).to_be_visible()
    found += axe(page, "sign-in refused")

    sign_in(page, "sophie", demo.password, radar=True)
    expect(page.locator("html")).to_have_attribute("lang", language)
    found += axe(page, "portfolio")
    visit(page, "/accounts/")
    found += axe(page, "accounts list")

    visit(page, f"/accounts/{demo.account}/")
    for part in ("#scorecard svg[role=img]", "#ledger tbody tr", "table.matrix", "article"):
        expect(page.locator(part).first).to_be_visible()
    open_details(page)
    found += axe(page, "account page")

    visit(page, f"/interactions/{demo.interaction}/")
    expect(page.locator(".turn").first).to_be_visible()
    page.locator("mark.finding").first.focus()  # its explanation shows: check it too
    expect(page.locator(".tip:visible")).to_have_count(1)
    found += axe(page, "interaction page")

    analyse_french_note(page)
    page.locator("#analysis mark.finding").first.focus()
    found += axe(page, "coach")

    for where, path in [
        ("brief", f"/accounts/{demo.account}/brief/"),
        ("import", "/imports/"),
        ("profile", "/profile/"),
    ]:
        visit(page, path)
        found += axe(page, where)

    visit(page, "/api/tokens/")
    page.locator("main form input[type=text]").first.fill("CRM")
    page.locator("main form button[type=submit]").first.click()
    expect(page.locator("#new-token")).to_be_visible()
    found += axe(page, "API tokens")

    visit(page, "/accounts/new/")
    page.locator("main form button[type=submit]").click()  # everything empty
    expect(page.locator("main .errorlist").first).to_be_visible()
    found += axe(page, "account form with errors")

    visit(page, "/accounts/999999/", status=404)
    found += axe(page, "not found")
    visit(page, "/imports/people/", status=403)  # administrators only
    found += axe(page, "not allowed")
    assert not found, report(found, f"in {language}")


FORMS = {  # each form once, half of them in each language
    "en": ["contacts", "topics", "positions", "opportunities"],
    "fr": ["interactions", "commitments"],
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_forms_pass_axe_with_their_errors_showing(open_page, demo, language):
    speak(language, "sophie")
    page = open_page(language)
    found: list[str] = []
    if language == "fr":
        visit(page, "/password/reset/")
        found += axe(page, "password reset")
    sign_in(page, "sophie", demo.password)
    paths = [f"/accounts/{demo.account}/{kind}/new/" for kind in FORMS[language]]
    if language == "fr":
        paths.append("/password/change/")
    for path in paths:
        visit(page, path)
        page.locator("main form button[type=submit]").first.click()  # everything empty
        expect(page.locator("main .errorlist").first).to_be_visible()
        expect(page.locator("main [aria-invalid=true]").first).to_be_visible()
        found += axe(page, f"{path} with errors")
    assert not found, report(found, f"in the forms in {language}")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_manager_s_pages_pass_axe(open_page, demo, language):
    speak(language, "claire")
    page = open_page(language)
    sign_in(page, "claire", demo.password, radar=True)
    found = axe(page, "team portfolio")
    visit(page, "/team/")
    expect(page.locator("main section").first).to_be_visible()
    found += axe(page, "team page")
    visit(page, f"/accounts/{demo.account}/")
    open_details(page)
    found += axe(page, "a seller's account page")
    assert not found, report(found, f"for a manager in {language}")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_key_pages_pass_axe_on_a_phone(open_page, demo, language):
    speak(language, "sophie")
    page = open_page(language, PHONE)
    visit(page, "/login/")
    found = axe(page, "sign-in")
    sign_in(page, "sophie", demo.password, radar=True)
    found += axe(page, "portfolio")
    for where, path in [
        ("account page", f"/accounts/{demo.account}/"),
        ("interaction page", f"/interactions/{demo.interaction}/"),
    ]:
        visit(page, path)
        found += axe(page, where)
    found += explanations_off_screen(page, "interaction page")
    analyse_french_note(page)
    found += axe(page, "coach")
    found += explanations_off_screen(page, "coach")
    assert not found, report(found, f"at 375 px in {language}")


def explanations_off_screen(page, where: str) -> list[str]:
    """Focus every marked passage: its explanation must not make the page scroll sideways."""
    marks = page.locator("mark.finding, mark.move")
    assert marks.count(), f"no marked passage on the {where}"
    wide = []
    for i in range(marks.count()):
        marks.nth(i).focus()
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide.append(f"{where}: the explanation of mark {i} makes the page {width} px wide")
    return wide


FOCUS_STYLE = """e => { const s = getComputedStyle(e);
    return {outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, shadow: s.boxShadow}; }"""


def tab_to(page, predicate: str, limit: int = 300) -> bool:
    """Press Tab until ``predicate`` (a JS function of the focused element) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"({predicate})(document.activeElement)"):
            return True
    return False


def assert_focus_is_visible(page) -> None:
    """The focused element looks different from itself unfocused: an outline or a shadow."""
    focused = page.evaluate_handle("document.activeElement")
    with_focus = focused.evaluate(FOCUS_STYLE)
    page.evaluate("document.activeElement.blur()")
    without_focus = focused.evaluate(FOCUS_STYLE)
    focused.evaluate("e => e.focus()")
    assert with_focus != without_focus, f"no visible focus: {with_focus}"
    assert not with_focus["outline"].startswith("none") or with_focus["shadow"] != "none"


def test_tab_from_the_top_of_the_account_page_reaches_mark_kept(open_page, demo):
    speak("en", "sophie")
    page = open_page("en")
    sign_in(page, "sophie", demo.password)
    visit(page, f"/accounts/{demo.account}/")
    # From the top: the first Tab lands on the skip link, then the header and the page.
    label = f"Mark kept: {demo.commitment[:30]}"
    assert tab_to(page, f"e => (e.getAttribute('aria-label') || '').startsWith({label!r})"), (
        f"Tab never reached the ledger's '{label}…' button"
    )
    assert_focus_is_visible(page)
    row_id = page.evaluate("document.activeElement.closest('tr').id")
    page.keyboard.press("Enter")
    expect(page.locator(f"#{row_id} .badge")).to_have_text(re.compile("Kept"))
    # The row was replaced: the focus stays in it (on "Reopen"), not lost to the page.
    expect(page.locator(f"#{row_id} button").first).to_be_focused()


def test_adding_a_found_commitment_keeps_the_keyboard_focus(open_page, demo):
    speak("en", "sophie")
    page = open_page("en")
    sign_in(page, "sophie", demo.password)
    visit(page, f"/interactions/{demo.promise}/")
    assert tab_to(page, "e => e.matches('li[id^=found] form button')"), "no 'Add to the ledger'"
    item = page.evaluate("document.activeElement.closest('li').id")
    page.keyboard.press("Enter")
    expect(page.locator(f"#{item} [role=status]")).to_be_visible()
    # The buttons are gone; the focus is on the link to the new ledger entry, not lost.
    expect(page.locator(f"#{item} [role=status] a")).to_be_focused()
    found = axe(page, "interaction page after adding")
    assert not found, report(found, "after adding a commitment")


def test_every_keyboard_stop_shows_where_the_focus_is(open_page, demo):
    """Tab through whole pages: every stop has an outline or a shadow that it lacks at rest."""
    speak("en", "sophie")
    page = open_page("en")
    sign_in(page, "sophie", demo.password)
    invisible: list[str] = []
    for path in (f"/accounts/{demo.account}/", f"/interactions/{demo.interaction}/"):
        visit(page, path)
        seen = set()
        for _ in range(400):
            page.keyboard.press("Tab")
            stop = page.evaluate(
                """() => { const e = document.activeElement; if (e === document.body) return null;
                const s = getComputedStyle(e);
                const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2)
                    || s.boxShadow !== 'none';
                const at = [...document.querySelectorAll('*')].indexOf(e);
                return {ring, at, what: e.outerHTML.slice(0, 90)}; }"""
            )
            if stop is None or stop["at"] in seen:
                break  # round the page and back to the start
            seen.add(stop["at"])
            if not stop["ring"]:
                invisible.append(f"{path}: {stop['what']}")
        assert len(seen) > 10, f"only {len(seen)} keyboard stops on {path}"
    assert not invisible, "no visible focus on:\n" + "\n".join(invisible)


def test_the_coach_s_rewrite_can_be_copied_with_the_keyboard(open_page, demo):
    speak("en", "sophie")
    page = open_page("en")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    sign_in(page, "sophie", demo.password)
    analyse_french_note(page)  # the focus is in the text box
    # What a screen reader announces after each pause in typing: the count, not the whole page.
    status = page.get_by_role("status")
    expect(status).to_have_text(re.compile(r"^\d+ combative framings?$"))
    expect(page.locator("[aria-live] mark, [role=status] mark")).to_have_count(0)

    # The first marked framing: Tab shows its explanation, Escape hides it, focus stays.
    assert tab_to(page, "e => e.matches('mark.finding')")
    tip = page.locator(
        "#" + page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    )
    expect(tip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    assert page.evaluate("document.activeElement.matches('mark.finding')")

    assert tab_to(page, "e => e.matches('[data-copy]')"), "Tab never reached a Copy button"
    assert_focus_is_visible(page)
    source = page.evaluate("document.activeElement.getAttribute('data-copy')")
    page.keyboard.press("Enter")
    copied_button = page.locator(f"[data-copy='{source}']")
    expect(copied_button).to_have_text("Copied")
    rewrite = page.locator(f"#{source}").inner_text().strip()
    assert page.evaluate("navigator.clipboard.readText()") == rewrite
    # Space works as well as Enter, on the next rewrite's button.
    page.evaluate("navigator.clipboard.writeText('')")
    assert tab_to(page, "e => e.matches('[data-copy]')", limit=40)
    source = page.evaluate("document.activeElement.getAttribute('data-copy')")
    page.keyboard.press("Space")
    expect(page.locator(f"[data-copy='{source}']")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == (
        page.locator(f"#{source}").inner_text().strip()
    )


def test_the_admins_person_page_sets_erasure_apart_from_export(demo, open_page):
    # Erasing a person cannot be undone: its button must not look like "Export as JSON".
    page = open_page("fr")
    sign_in(page, "admin", demo.password)
    visit(page, "/imports/people/")
    style = "b => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]"
    export = page.locator("button[value=export]").evaluate(style)
    erase = page.locator("button[value=erase]").evaluate(style)
    assert export != erase
    found = axe(page, "person page (admin)")
    assert not found, report(found, "in fr")
