from __future__ import annotations

from django.test import Client

from .conftest import HOSTILE

NOTE_FR = "Franchement, ils ne comprennent rien à notre offre. Il faudra tenir bon."


def test_coach_page_works_without_any_account(seller_client):
    response = seller_client.get("/coach/")
    page = response.content.decode()
    assert response.status_code == 200
    assert 'hx-trigger="keyup changed delay:400ms' in page
    assert 'name="csrfmiddlewaretoken"' in page


def test_htmx_analysis_marks_a_french_finding_with_its_explanation_and_rewrite(seller_client):
    response = seller_client.post("/coach/", {"text": NOTE_FR, "lang": ""}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in page  # a fragment for htmx
    assert '<mark class="finding" tabindex="0"' in page
    assert ">ils ne comprennent rien</mark>" in page
    assert 'role="tooltip"' in page and "aria-describedby=" in page
    assert "Copy the rewrite" in page


def test_without_javascript_the_form_posts_and_shows_the_whole_page(seller_client):
    page = seller_client.post("/coach/", {"text": NOTE_FR}).content.decode()
    assert "<html" in page and "ils ne comprennent rien</mark>" in page
    assert NOTE_FR.split(".")[0] in page  # the text stays in the box


def test_hostile_text_is_escaped_in_the_analysis(seller_client):
    text = f"{HOSTILE} They just don't get it."
    page = seller_client.post("/coach/", {"text": text}, HTTP_HX_REQUEST="true").content.decode()
    assert HOSTILE not in page
    assert "&lt;script&gt;" in page


def test_empty_text_asks_for_some(seller_client):
    page = seller_client.post("/coach/", {"text": "  "}, HTTP_HX_REQUEST="true").content.decode()
    assert "Type or paste some text" in page


def test_too_long_text_is_refused_with_a_clear_message(seller_client):
    page = seller_client.post(
        "/coach/", {"text": "a " * 15_000}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "The text is too long" in page


def test_an_unknown_language_is_ignored_rather_than_trusted(seller_client):
    page = seller_client.post("/coach/", {"text": NOTE_FR, "lang": "de"}, HTTP_HX_REQUEST="true")
    assert "ils ne comprennent rien</mark>" in page.content.decode()


def test_coach_needs_sign_in_and_a_csrf_token(seller):
    anonymous = Client()
    assert anonymous.get("/coach/").status_code == 302
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(seller)
    assert strict.post("/coach/", {"text": NOTE_FR}).status_code == 403


def test_coach_labels_follow_the_interface_language(seller_client):
    page = seller_client.post(
        "/coach/", {"text": NOTE_FR}, HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="fr"
    ).content.decode()
    assert "Reproche" in page
