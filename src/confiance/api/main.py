"""The NinjaAPI instance mounted at /api/v1/."""

from __future__ import annotations

from ninja import NinjaAPI

from confiance.api import errors
from confiance.api.auth import token_auth
from confiance.api.docs import SelfHostedSwagger
from confiance.api.routers import (
    accounts,
    coach,
    commitments,
    contacts,
    deals,
    imports,
    insights,
    interactions,
    me,
    privacy,
)


class ConfianceAPI(NinjaAPI):
    """NinjaAPI that tells each client where it stands against its rate limit."""

    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        return with_rate_headers(request, response)

    def on_exception(self, request, exc):
        return with_rate_headers(request, super().on_exception(request, exc))


def with_rate_headers(request, response):
    figures = getattr(request, "rate_limit", None)
    if figures is not None:
        limit, remaining, reset = figures
        response["RateLimit-Limit"] = str(limit)
        response["RateLimit-Remaining"] = str(remaining)
        response["RateLimit-Reset"] = str(reset)
    return response


api = ConfianceAPI(
    title="Confiance API",
    version="1",
    description=(
        "The relationship workbench's JSON API. Authenticate with a personal token: "
        "`Authorization: Bearer cf_…` (create one at /api/tokens/). Every list takes "
        "`limit`, `offset`, filters and `ordering`; every error is "
        '`{"code": "...", "message": "..."}` in the language of `Accept-Language`.'
    ),
    auth=token_auth,
    urls_namespace="api-v1",
    docs=SelfHostedSwagger(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
errors.install(api)

for module in (
    me, accounts, contacts, interactions, commitments, deals, insights, coach, imports,
    privacy,
):  # fmt: skip
    api.add_router("/", module.router)
