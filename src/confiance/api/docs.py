"""The interactive API docs page, served entirely from this server (no CDN).

Swagger UI's files come from the ``swagger-ui-dist`` build that django-ninja vendors in its
package; they are served by :func:`docs_asset` so that the page works without
``collectstatic`` or a static-file server.
"""

from __future__ import annotations

import json
from pathlib import Path

import ninja
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from ninja.openapi.docs import DocsBase

NINJA_STATIC = Path(ninja.__file__).resolve().parent / "static" / "ninja"
OWN_STATIC = Path(__file__).resolve().parent / "static_docs"

ASSETS = {
    "swagger-ui-bundle.js": (NINJA_STATIC / "swagger-ui-bundle.js", "text/javascript"),
    "swagger-ui.css": (NINJA_STATIC / "swagger-ui.css", "text/css"),
    "swagger-init.js": (OWN_STATIC / "swagger-init.js", "text/javascript"),
}


class SelfHostedSwagger(DocsBase):
    """Swagger UI with local assets and no call to the public validator."""

    def render_page(self, request: HttpRequest, api, **kwargs) -> HttpResponse:
        settings = {
            "url": self.get_openapi_url(api, kwargs),
            "dom_id": "#swagger-ui",
            "deepLinking": True,
            # The default validator badge fetches https://validator.swagger.io.
            "validatorUrl": None,
            "persistAuthorization": False,
        }
        # Escaped like json_script so that nothing in it can close the <script> element.
        embedded = json.dumps(settings).replace("<", "\\u003c").replace(">", "\\u003e")
        context = {"api": api, "swagger_settings": embedded}
        return render(request, "api/docs.html", context)


@require_GET
@cache_control(public=True, max_age=86400)
def docs_asset(request: HttpRequest, name: str) -> FileResponse:
    """Serve one of the docs page's files."""
    if name not in ASSETS:
        raise Http404(name)
    path, content_type = ASSETS[name]
    return FileResponse(path.open("rb"), content_type=content_type)
