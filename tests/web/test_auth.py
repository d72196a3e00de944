from __future__ import annotations

import re

from django.core import mail

from confiance.users.models import Profile

PASSWORD = "correct horse battery staple"


def test_sign_in_and_out(client, seller):
    response = client.post("/login/", {"username": "sophie", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    client.post("/logout/")
    assert client.get("/").status_code == 302


def test_wrong_password_says_so_and_keeps_the_user_out(client, seller):
    response = client.post("/login/", {"username": "sophie", "password": "nope"})
    assert response.status_code == 200
    assert "enter a correct username and password" in response.content.decode().lower()
    assert client.get("/").status_code == 302


def test_sign_in_is_refused_after_five_failures_even_with_the_right_password(client, seller):
    for _ in range(5):
        client.post("/login/", {"username": "sophie", "password": "wrong"})
    response = client.post("/login/", {"username": "sophie", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()
    assert client.get("/").status_code == 302


def test_failures_for_one_user_do_not_lock_another(client, seller, second_seller):
    for _ in range(5):
        client.post("/login/", {"username": "sophie", "password": "wrong"})
    response = client.post("/login/", {"username": "tom", "password": PASSWORD})
    assert response.status_code == 302


def test_a_success_clears_the_failure_count(client, seller):
    for _ in range(4):
        client.post("/login/", {"username": "sophie", "password": "wrong"})
    client.post("/login/", {"username": "sophie", "password": PASSWORD})
    client.post("/logout/")
    for _ in range(4):
        client.post("/login/", {"username": "sophie", "password": "wrong"})
    assert client.post("/login/", {"username": "sophie", "password": PASSWORD}).status_code == 302


def test_password_reset_sends_a_working_link(client, seller):
    seller.email = "sophie@example.com"
    seller.save()
    response = client.post("/password/reset/", {"email": "sophie@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/password/reset/\S+/)", mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    done = client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else link,
        {"new_password1": "a new long passphrase 42", "new_password2": "a new long passphrase 42"},
    )
    assert done.status_code == 302
    assert client.login(username="sophie", password="a new long passphrase 42")


def test_profile_saves_language_and_time_zone(seller_client, seller):
    response = seller_client.post("/profile/", {"language": "fr", "time_zone": "America/Montreal"})
    assert response.status_code == 302
    profile = Profile.objects.get(user=seller)
    assert (profile.language, profile.time_zone) == ("fr", "America/Montreal")
    page = seller_client.get("/profile/").content.decode()
    assert "Profil" in page or 'lang="fr"' in page


def test_profile_rejects_an_unknown_time_zone(seller_client, seller):
    response = seller_client.post("/profile/", {"language": "en", "time_zone": "Mars/Olympus"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_language_follows_the_browser_by_default(seller_client):
    page = seller_client.get("/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert 'lang="fr"' in page


def test_language_switch_is_remembered_in_the_profile(seller_client, seller):
    response = seller_client.post("/language/", {"language": "fr", "next": "/"})
    assert response.status_code == 302
    assert Profile.objects.get(user=seller).language == "fr"
    page = seller_client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'lang="fr"' in page


def test_every_form_on_the_sign_in_page_has_a_csrf_token(client, db):
    page = client.get("/login/").content.decode()
    assert page.count("<form") == page.count("csrfmiddlewaretoken")


def test_dates_are_shown_in_the_profile_s_time_zone(seller_client, seller, note):
    import datetime as dt

    note.occurred_at = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)
    note.save()
    Profile.objects.create(user=seller, language="en", time_zone="America/Montreal")
    page = seller_client.get(f"/interactions/{note.pk}/").content.decode()
    assert "7 a.m." in page
    Profile.objects.filter(user=seller).update(time_zone="Asia/Tokyo")
    assert "9 p.m." in seller_client.get(f"/interactions/{note.pk}/").content.decode()


def test_going_back_to_the_browser_s_language(seller_client, seller):
    seller_client.post("/language/", {"language": "fr", "next": "/"})
    seller_client.post("/profile/", {"language": "", "time_zone": ""})
    page = seller_client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'lang="en"' in page


def test_choosing_french_confirms_it_in_french(seller_client, seller):
    response = seller_client.post(
        "/profile/", {"language": "fr", "time_zone": ""}, HTTP_ACCEPT_LANGUAGE="en", follow=True
    )
    page = response.content.decode()
    assert "Vos préférences sont enregistrées." in page
    assert "Your preferences are saved." not in page


def test_the_time_zone_list_offers_the_usual_zones_first_then_regions(seller_client, seller):
    page = seller_client.get("/profile/").content.decode()
    usual = page.index('<optgroup label="Usual">')
    europe = page.index('<optgroup label="Europe">')
    assert usual < page.index('value="Europe/Paris"') < europe  # first, among the usual
    assert '<option value="America/Argentina/Buenos_Aires">Argentina / Buenos Aires' in page
    Profile.objects.update_or_create(user=seller, defaults={"time_zone": "US/Eastern"})
    # A legacy name a profile already uses stays valid and selected.
    page = seller_client.get("/profile/").content.decode()
    assert '<option value="US/Eastern" selected>' in page
    response = seller_client.post("/profile/", {"language": "en", "time_zone": "US/Eastern"})
    assert response.status_code == 302


def test_the_time_zone_groups_follow_the_readers_language(seller_client, seller):
    # The grouped list is built once per process; its group names must still be translated
    # for each reader.
    english = seller_client.get("/profile/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    french = seller_client.get("/profile/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<optgroup label="Americas">' in english
    assert '<optgroup label="Amériques">' in french
