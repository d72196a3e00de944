"""Schemathesis against the OpenAPI document, in process through the WSGI app.

Every operation gets generated requests, valid and invalid, with a valid read-write token on
a seeded portfolio; no answer may be a server error and every answer must match the schema
(status code, content type and body).
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from confiance.api.main import api
from confiance.api.tokens import create_token

CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
]
EXAMPLES = 20
ADMIN_PATHS = ("/api/v1/export", "/api/v1/people/")

SCHEMA = schemathesis.openapi.from_dict(api.get_openapi_schema())
OPERATIONS = {result.ok().label: result.ok().label for result in SCHEMA.get_all_operations()}


_LOADED: dict[str, object] = {}


@pytest.fixture
def keep_the_test_connection():
    # Through the real WSGI handler every request ends by closing old database connections,
    # which would close the test's transaction on PostgreSQL; Django's test client does this.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def fuzz_schema(db, world, settings, keep_the_test_connection):
    # Generated requests come fast; the rate limit has its own tests.
    settings.CONFIANCE_API_RATE_LIMIT = "0/min"
    # The document does not depend on the data: load it once for every operation.
    if "wsgi" not in _LOADED:
        _LOADED["wsgi"] = schemathesis.openapi.from_wsgi(
            "/api/v1/openapi.json", get_wsgi_application()
        )
    return _LOADED["wsgi"]


@pytest.mark.slow
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_no_server_error_and_no_answer_outside_the_schema(label, mode, fuzz_schema, request):
    operation = next(r.ok() for r in fuzz_schema.get_all_operations() if r.ok().label == label)
    # The export and a person's data are for managers and administrators: a seller's token
    # would only ever meet the 403.
    caller = "admin" if label.split()[1].startswith(ADMIN_PATHS) else "seller"
    user = request.getfixturevalue(caller)
    headers = {"Authorization": f"Bearer {create_token(user, 'write', 'fuzz').secret}"}

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        case.call_and_validate(headers=headers, checks=CHECKS)

    run()
