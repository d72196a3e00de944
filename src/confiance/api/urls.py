"""URLs under /api/: the v1 API, its docs assets and the token page."""

from __future__ import annotations

from django.urls import URLPattern, path, re_path

from confiance.api import docs, views
from confiance.api.errors import json_method_not_allowed
from confiance.api.main import api


def _with_json_405(urls):
    """ninja's own patterns, each answering a wrong method in the API's error shape."""
    patterns, app_name, namespace = urls
    wrapped = [
        URLPattern(p.pattern, json_method_not_allowed(p.callback), p.default_args, p.name)
        for p in patterns
    ]
    return wrapped, app_name, namespace


urlpatterns = [
    path("v1/", _with_json_405(api.urls)),
    path("v1/docs/assets/<str:name>", docs.docs_asset, name="api-docs-asset"),
    # Anything else under v1/ answers in the API's error shape, not with an HTML page.
    re_path(r"^v1/", views.unknown_endpoint),
    path("tokens/", views.token_list, name="api-tokens"),
    path("tokens/<int:token_id>/revoke", views.token_revoke, name="api-token-revoke"),
]
