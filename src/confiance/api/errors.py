"""One JSON shape for every error of the API: ``{"code": "...", "message": "...", "details"?}``.

Messages are translated in the language the request asked for (``Accept-Language``, applied by
Django's LocaleMiddleware). ``code`` is stable snake_case for programs; ``message`` is for
people.
"""

from __future__ import annotations

import logging
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.exceptions import (
    ObjectDoesNotExist,
    PermissionDenied,
    RequestDataTooBig,
    SuspiciousOperation,
)
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError

logger = logging.getLogger(__name__)


class ErrorDetail(Schema):
    field: str
    code: str
    message: str


class ErrorOut(Schema):
    code: str
    message: str
    details: list[ErrorDetail] | None = None


# Every operation documents these, so that clients and the schema checks know the shape.
ERRORS: dict[int, Any] = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    413: ErrorOut,
    422: ErrorOut,
    429: ErrorOut,
}


class ApiError(Exception):
    """An error with a status, a stable code and a translated message."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        details: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.headers = headers or {}


def not_found() -> ApiError:
    return ApiError(404, "not_found", _("Not found, or not visible to you."))


def error_response(
    status: int,
    code: str,
    message: str,
    *,
    details: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> JsonResponse:
    body: dict[str, Any] = {"code": code, "message": str(message)}
    if details is not None:
        body["details"] = details
    response = JsonResponse(body, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def unauthenticated_response() -> JsonResponse:
    return error_response(
        401,
        "unauthenticated",
        _("Give a valid API token in the Authorization header: Bearer <token>."),
        headers={"WWW-Authenticate": 'Bearer realm="confiance"'},
    )


def _pydantic_message(error: dict[str, Any]) -> str:
    """Translate one pydantic error into a sentence in the active language."""
    kind = str(error.get("type", ""))
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return _("This field is required.")
    if kind == "extra_forbidden":
        return _("This field is not accepted.")
    if kind in {"string_too_long", "too_long"}:
        return _("Too long: at most %(max)s characters.") % {"max": ctx.get("max_length")}
    if kind in {"string_too_short", "too_short"}:
        return _("Too short: at least %(min)s characters.") % {"min": ctx.get("min_length")}
    if kind in {"greater_than_equal", "greater_than"}:
        return _("Too small: the minimum is %(limit)s.") % {"limit": ctx.get("ge", ctx.get("gt"))}
    if kind in {"less_than_equal", "less_than"}:
        return _("Too large: the maximum is %(limit)s.") % {"limit": ctx.get("le", ctx.get("lt"))}
    if kind in {"literal_error", "enum"}:
        return _("Choose one of: %(choices)s.") % {"choices": ctx.get("expected", "")}
    if kind.startswith("datetime") or kind == "timezone_aware":
        return _("Give a date and time in ISO 8601 with its time zone, such as %(example)s.") % {
            "example": "2026-11-27T14:30:00+01:00"
        }
    if kind.startswith("date"):
        return _("Give a date as YYYY-MM-DD.")
    if kind.startswith(("int_", "float_", "decimal_")) or kind in {"finite_number"}:
        return _("Give a number.")
    if kind.startswith("bool"):
        return _("Give true or false.")
    if kind == "json_invalid":
        return _("The body is not valid JSON.")
    if kind == "value_error":
        # Our own validators raise translated messages; pydantic prefixes them.
        return str(error.get("msg", "")).removeprefix("Value error, ")
    return _("Not a valid value.")


def _field_name(loc: Any) -> str:
    parts = [str(p) for p in (loc or ())]
    # ninja prefixes the location ("body", "query", "path") and the parameter's name.
    if parts and parts[0] in {"body", "query", "path", "header", "form", "file"}:
        parts = parts[1:]
    if len(parts) > 1 and parts[0] in {"payload", "params", "filters"}:
        parts = parts[1:]
    return ".".join(parts) or "body"


def validation_response(errors: list[dict[str, Any]]) -> JsonResponse:
    details = [
        {
            "field": _field_name(e.get("loc")),
            "code": str(e.get("type", "invalid")),
            "message": _pydantic_message(e),
        }
        for e in errors
    ]
    return error_response(
        422, "invalid_request", _("The request is not valid; see the details."), details=details
    )


def django_validation_response(exc: DjangoValidationError) -> JsonResponse:
    details: list[dict[str, str]] = []
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            for error in errors:
                message = error.message % error.params if error.params else error.message
                details.append(
                    {
                        "field": "body" if field == "__all__" else field,
                        "code": error.code or "invalid",
                        "message": str(message),
                    }
                )
    else:
        for error in exc.error_list:
            message = error.message % error.params if error.params else error.message
            details.append(
                {"field": "body", "code": error.code or "invalid", "message": str(message)}
            )
    return error_response(
        422, "invalid_request", _("The request is not valid; see the details."), details=details
    )


STATUS_CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    429: "rate_limited",
}


def install(api) -> None:
    """Replace ninja's default error handlers with ours."""

    def on_api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        return error_response(
            exc.status, exc.code, exc.message, details=exc.details, headers=exc.headers
        )

    def on_validation(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        return validation_response(list(exc.errors))

    def on_django_validation(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        return django_validation_response(exc)

    def on_not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        error = not_found()
        return error_response(error.status, error.code, error.message)

    def on_authentication(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return unauthenticated_response()

    def on_permission(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return error_response(403, "forbidden", _("You may not do this."))

    def on_throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
        wait = max(1, int(exc.wait or 1))
        return rate_limited_response(wait)

    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if exc.status_code == 400:
            # ninja's only 400: a body it cannot parse.
            return error_response(
                400, "bad_request", _("The request body could not be read; send valid JSON.")
            )
        code = STATUS_CODES.get(exc.status_code, "error")
        return error_response(exc.status_code, code, str(exc))

    def on_too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0
        return error_response(
            413,
            "too_large",
            _("The request body is larger than %(mb)s MB; send a file to /imports instead.")
            # "5,0" in French: the number in the language of the message.
            % {"mb": number_format(round(limit / (1024 * 1024), 1), decimal_pos=1)},
        )

    def on_suspicious(request: HttpRequest, exc: SuspiciousOperation) -> HttpResponse:
        return error_response(400, "bad_request", _("The request could not be read."))

    def on_exception(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("API error on %s %s", request.method, request.path)
        return error_response(500, "server_error", _("Something went wrong on our side."))

    api.add_exception_handler(Exception, on_exception)
    api.add_exception_handler(SuspiciousOperation, on_suspicious)
    api.add_exception_handler(RequestDataTooBig, on_too_big)
    api.add_exception_handler(HttpError, on_http_error)
    api.add_exception_handler(Throttled, on_throttled)
    api.add_exception_handler(AuthenticationError, on_authentication)
    api.add_exception_handler(PermissionDenied, on_permission)
    api.add_exception_handler(Http404, on_not_found)
    api.add_exception_handler(ObjectDoesNotExist, on_not_found)
    api.add_exception_handler(DjangoValidationError, on_django_validation)
    api.add_exception_handler(NinjaValidationError, on_validation)
    api.add_exception_handler(ApiError, on_api_error)


def rate_limited_response(wait: int) -> JsonResponse:
    return error_response(
        429,
        "rate_limited",
        _("Too many requests for this token; try again in %(seconds)s seconds.")
        % {"seconds": wait},
        headers={"Retry-After": str(wait)},
    )


def json_method_not_allowed(view):
    """Wrap a ninja path view so that its 405 answers in the API's error shape."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code != 405:
            return response
        replaced = error_response(
            405,
            "method_not_allowed",
            _("This endpoint does not accept %(method)s.") % {"method": request.method},
        )
        replaced["Allow"] = response.get("Allow", "")
        return replaced

    return wrapper
