"""The OpenAPI document and the interactive docs page, served without any CDN."""

from __future__ import annotations

import re

import pytest


def test_the_openapi_document_describes_every_resource(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    paths = schema["paths"]
    for path in (
        "/api/v1/accounts", "/api/v1/contacts", "/api/v1/interactions", "/api/v1/commitments",
        "/api/v1/opportunities", "/api/v1/topics", "/api/v1/positions", "/api/v1/plans",
        "/api/v1/scorecards", "/api/v1/radar", "/api/v1/accounts/{account_id}/buying-group",
        "/api/v1/accounts/{account_id}/brief", "/api/v1/coach",
    ):  # fmt: skip
        assert path in paths, path
    assert schema["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"


def test_every_list_takes_limit_offset_and_ordering(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    lists = [
        p for p, ops in paths.items()
        if "get" in ops and "{" not in p and p not in {"/api/v1/me", "/api/v1/radar", "/api/v1/perseverance", "/api/v1/export"}
    ]  # fmt: skip
    assert len(lists) >= 8
    for path in lists:
        names = {param["name"] for param in paths[path]["get"]["parameters"]}
        assert {"limit", "offset"} <= names, path
        assert "ordering" in names, path


def test_every_operation_documents_the_error_shape(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path, operations in paths.items():
        for method, operation in operations.items():
            for status in ("401", "404", "422", "429"):
                assert status in operation["responses"], (method, path, status)


def test_the_docs_page_loads_nothing_from_another_site(client, db):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    page = response.content.decode()
    assert "swagger-ui-bundle.js" in page
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    assert "http://" not in page and "https://" not in page
    # Swagger UI's validator badge would call validator.swagger.io: it is switched off.
    assert '"validatorUrl": null' in page


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("swagger-ui-bundle.js", "text/javascript"),
        ("swagger-ui.css", "text/css"),
        ("swagger-init.js", "text/javascript"),
    ],
)
def test_the_docs_assets_are_served_from_here(client, db, name, content_type):
    response = client.get(f"/api/v1/docs/assets/{name}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert b"".join(response.streaming_content)


def test_no_other_file_can_be_read_through_the_assets_view(client, db):
    assert client.get("/api/v1/docs/assets/..%2F..%2Fsettings.py").status_code == 404
    assert client.get("/api/v1/docs/assets/favicon.png").status_code == 404


def test_no_two_schemas_share_a_name():
    # ninja names OpenAPI components after the class: two classes with one name would make
    # one response silently documented with the other's shape.
    import dataclasses
    import importlib
    import pkgutil

    from pydantic import BaseModel

    import confiance.api.routers as routers
    import confiance.insights as insights

    seen: dict[str, set[str]] = {}
    for package in (routers, insights):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for value in vars(module).values():
                is_model = isinstance(value, type) and issubclass(value, BaseModel)
                if is_model or (isinstance(value, type) and dataclasses.is_dataclass(value)):
                    seen.setdefault(value.__name__, set()).add(
                        f"{value.__module__}.{value.__qualname__}"
                    )
    shared = {name: where for name, where in seen.items() if len(where) > 1}
    assert shared == {}
