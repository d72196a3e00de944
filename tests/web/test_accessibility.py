"""Every field of every page has a label; every form posts with a CSRF token; one h1 a page."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from confiance.accounts.models import Contact, StakeholderPosition, Topic
from confiance.deals.models import Opportunity


class Fields(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.fields: list[dict] = []
        self.labels: set[str] = set()
        self.forms: list[dict] = []
        self.h1 = 0
        self._form: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h1":
            self.h1 += 1
        if tag == "label" and attrs.get("for"):
            self.labels.add(attrs["for"])
        if tag == "form":
            self._form = {"method": (attrs.get("method") or "get").lower(), "csrf": False}
            self.forms.append(self._form)
        if tag in {"input", "select", "textarea"}:
            if attrs.get("name") == "csrfmiddlewaretoken" and self._form is not None:
                self._form["csrf"] = True
            if attrs.get("type") not in {"hidden", "submit", "button"}:
                self.fields.append(attrs)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def _pages(account, note, commitment, seller):
    contact = Contact.objects.create(account=account, name="Anna")
    topic = Topic.objects.create(account=account, title="Hosting")
    position = StakeholderPosition.objects.create(contact=contact, topic=topic)
    opportunity = Opportunity.objects.create(account=account, owner=seller, title="Renewal")
    return [
        "/",
        "/radar/",
        "/accounts/",
        "/accounts/new/",
        f"/accounts/{account.pk}/",
        f"/accounts/{account.pk}/edit/",
        f"/accounts/{account.pk}/brief/",
        "/coach/",
        "/profile/",
        f"/interactions/{note.pk}/",
        f"/interactions/{note.pk}/edit/",
        f"/accounts/{account.pk}/interactions/new/",
        f"/accounts/{account.pk}/contacts/new/",
        f"/contacts/{contact.pk}/edit/",
        f"/topics/{topic.pk}/edit/",
        f"/positions/{position.pk}/edit/",
        f"/opportunities/{opportunity.pk}/edit/",
        f"/commitments/{commitment.pk}/edit/",
        "/password/change/",
    ]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_field_is_labelled_and_every_post_form_has_a_csrf_token(
    seller_client, account, note, commitment, seller, language
):
    for url in _pages(account, note, commitment, seller):
        response = seller_client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, url
        page = Fields()
        page.feed(response.content.decode())
        assert page.h1 == 1, url
        for field in page.fields:
            labelled = field.get("id") in page.labels or field.get("aria-label")
            assert labelled, f"{url}: field {field.get('name')} has no label"
        for form in page.forms:
            assert form["method"] == "get" or form["csrf"], f"{url}: a POST form without CSRF"


def test_sign_in_and_password_reset_pages_are_labelled(client, db):
    for url in ("/login/", "/password/reset/"):
        page = Fields()
        page.feed(client.get(url).content.decode())
        assert page.fields and all(f.get("id") in page.labels for f in page.fields), url
