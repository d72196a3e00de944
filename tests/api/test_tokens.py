"""Personal API tokens: stored hashed, shown once, scoped, revocable, with a last-used time."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.utils import timezone
from typer.testing import CliRunner

from confiance.api.models import ApiToken
from confiance.api.tokens import create_token, find_token, revoke_token
from confiance.cli import app

from .conftest import Api


def test_only_the_hash_of_the_secret_is_stored(seller):
    created = create_token(seller, "read", "CRM")
    row = ApiToken.objects.get(pk=created.token.pk)
    assert created.secret.startswith(row.prefix + "_")
    assert row.key_hash == hashlib.sha256(created.secret.encode()).hexdigest()
    stored = [str(v) for v in ApiToken.objects.filter(pk=row.pk).values().first().values()]
    assert created.secret not in stored


def test_a_token_is_found_by_its_secret_and_not_by_a_forgery(seller):
    created = create_token(seller, "write")
    assert find_token(created.secret) == created.token
    forged = created.secret[:-3] + ("aaa" if not created.secret.endswith("aaa") else "bbb")
    assert find_token(forged) is None
    assert find_token(created.token.prefix) is None
    assert find_token("") is None


def test_using_a_token_records_when_it_was_last_used(seller):
    created = create_token(seller, "read")
    assert created.token.last_used_at is None
    assert Api(created.secret).get("me").status_code == 200
    created.token.refresh_from_db()
    assert timezone.now() - created.token.last_used_at < dt.timedelta(seconds=5)


def test_me_tells_who_the_token_acts_for(seller, team):
    created = create_token(seller, "read")
    body = Api(created.secret).get("me").json()
    assert body["username"] == "sophie"
    assert body["token_scope"] == "read"
    assert body["teams"] == [{"id": team.pk, "name": team.name, "role": "seller"}]


def test_a_deactivated_user_token_stops_working(seller):
    created = create_token(seller, "read")
    seller.is_active = False
    seller.save()
    assert Api(created.secret).get("me").status_code == 401


# The web page


def test_the_token_page_needs_a_signed_in_user(client, db):
    response = client.get("/api/tokens/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_a_token_created_on_the_page_is_shown_once_and_works(client, seller):
    client.force_login(seller)
    response = client.post("/api/tokens/", {"name": "CRM sync", "scope": "write"})
    assert response.status_code == 200
    secret = response.context["new_secret"]
    assert secret in response.content.decode()
    token = ApiToken.objects.get(user=seller)
    assert (token.name, token.scope) == ("CRM sync", "write")
    assert Api(secret).get("me").status_code == 200
    again = client.get("/api/tokens/").content.decode()
    assert secret not in again
    assert token.prefix in again


def test_the_page_lists_only_my_own_tokens(client, seller, outsider):
    mine = create_token(seller, "read", "mine").token
    theirs = create_token(outsider, "read", "theirs").token
    client.force_login(seller)
    page = client.get("/api/tokens/").content.decode()
    assert mine.prefix in page
    assert theirs.prefix not in page


def test_revoking_on_the_page_stops_the_token(client, seller):
    created = create_token(seller, "read")
    client.force_login(seller)
    response = client.post(f"/api/tokens/{created.token.pk}/revoke")
    assert response.status_code == 302
    assert Api(created.secret).get("me").json()["code"] == "token_revoked"


def test_nobody_can_revoke_someone_elses_token(client, seller, outsider):
    created = create_token(outsider, "read")
    client.force_login(seller)
    assert client.post(f"/api/tokens/{created.token.pk}/revoke").status_code == 404
    assert Api(created.secret).get("me").status_code == 200


def test_revoking_needs_a_post_with_a_csrf_token(seller):
    from django.test import Client

    created = create_token(seller, "read")
    client = Client(enforce_csrf_checks=True)
    client.force_login(seller)
    assert client.get(f"/api/tokens/{created.token.pk}/revoke").status_code == 405
    assert client.post(f"/api/tokens/{created.token.pk}/revoke").status_code == 403
    created.token.refresh_from_db()
    assert created.token.revoked_at is None


def test_the_page_escapes_token_names(client, seller):
    create_token(seller, "read", "<script>alert(1)</script>")
    client.force_login(seller)
    page = client.get("/api/tokens/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_the_page_speaks_french(client, seller):
    client.force_login(seller)
    page = client.get("/api/tokens/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Vos jetons" in page or "Vous n’avez encore aucun jeton d’API." in page
    assert "Créer le jeton" in page


# The CLI

runner = CliRunner()


def test_the_cli_creates_a_token_and_prints_it_once(seller):
    result = runner.invoke(app, ["token", "create", "--user", "sophie", "--scope", "write"])
    assert result.exit_code == 0, result.output
    secret = result.stdout.strip().splitlines()[-1]
    assert Api(secret).get("me").json()["token_scope"] == "write"


def test_the_cli_refuses_an_unknown_user_or_scope_and_creates_nothing(seller):
    assert runner.invoke(app, ["token", "create", "--user", "nobody"]).exit_code == 1
    assert runner.invoke(app, ["token", "create", "--user", "sophie", "-s", "root"]).exit_code == 2
    assert not ApiToken.objects.exists()


def test_the_cli_lists_tokens_without_their_secrets(seller):
    created = create_token(seller, "read", "nightly export")
    result = runner.invoke(app, ["token", "list"])
    assert result.exit_code == 0
    assert created.token.prefix[:6] in result.stdout
    assert created.secret not in result.stdout
    assert "1 token." in result.stdout


def test_the_cli_revokes_a_token(seller):
    created = create_token(seller, "read")
    result = runner.invoke(app, ["token", "revoke", str(created.token.pk)])
    assert result.exit_code == 0
    assert "Revoked" in result.stdout
    assert Api(created.secret).get("me").status_code == 401
    assert runner.invoke(app, ["token", "revoke", "424242"]).exit_code == 1


def test_revoking_twice_says_so(seller):
    created = create_token(seller, "read")
    assert revoke_token(created.token) is True
    assert revoke_token(created.token) is False


def test_every_token_command_and_option_is_documented():
    import re
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text(encoding="utf-8")
    for command in ("create", "list", "revoke"):
        assert f"confiance token {command}" in docs
        result = runner.invoke(app, ["token", command, "--help"], terminal_width=200)
        for option in set(re.findall(r"--[a-z][a-z-]+", result.stdout)) - {"--help"}:
            assert option in docs, (command, option)


def test_an_administrator_revokes_tokens_in_the_admin_without_seeing_secrets(client, seller):
    from django.contrib.auth import get_user_model

    created = create_token(seller, "write", "CRM")
    admin_user = get_user_model().objects.create_superuser("root", password="x-very-long-pw-1")
    client.force_login(admin_user)
    page = client.get("/admin/api/apitoken/").content.decode()
    assert created.token.prefix in page
    assert created.token.key_hash not in page
    detail = client.get(f"/admin/api/apitoken/{created.token.pk}/change/").content.decode()
    assert created.token.key_hash not in detail
    response = client.post(
        "/admin/api/apitoken/",
        {"action": "revoke", "_selected_action": [created.token.pk]},
    )
    assert response.status_code == 302
    assert Api(created.secret).get("me").json()["code"] == "token_revoked"
