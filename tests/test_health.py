from __future__ import annotations


def test_healthz_answers_ok_with_the_database_reachable(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_home_sends_anonymous_visitors_to_sign_in(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_sign_in_page_is_translated_to_french(client, db):
    response = client.get("/login/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert "Se connecter" in response.content.decode()
