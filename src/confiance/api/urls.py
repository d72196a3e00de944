"""URLs under /api/: the v1 API, its docs assets and the token page."""

from __future__ import annotations

from django.urls import path, re_path

from confiance.api import docs, views
from confiance.api.main import api

urlpatterns = [
    path("v1/", api.urls),
    path("v1/docs/assets/<str:name>", docs.docs_asset, name="api-docs-asset"),
    # Anything else under v1/ answers in the API's error shape, not with an HTML page.
    re_path(r"^v1/", views.unknown_endpoint),
    path("tokens/", views.token_list, name="api-tokens"),
    path("tokens/<int:token_id>/revoke", views.token_revoke, name="api-token-revoke"),
]
