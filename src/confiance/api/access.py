"""Object-level permissions for the API: everything hangs off ``visible_accounts(user)``.

An object the token's user may not see answers 404, exactly like one that does not exist.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model, QuerySet

from confiance.accounts.models import Account
from confiance.accounts.permissions import visible_accounts
from confiance.api.errors import not_found


def accounts_for(request) -> QuerySet[Account]:
    return visible_accounts(request.auth.user)


def scoped(request, queryset: QuerySet, path: str = "account") -> QuerySet:
    """Restrict ``queryset`` to rows whose ``path`` account is visible to the token's user."""
    return queryset.filter(**{f"{path}__in": accounts_for(request).values("pk")})


def get_or_404(queryset: QuerySet, pk: int) -> Model:
    obj = queryset.filter(pk=pk).first()
    if obj is None:
        raise not_found()
    return obj


def visible_account(request, pk: int) -> Account:
    return get_or_404(accounts_for(request), pk)


@transaction.atomic
def save_clean(obj: Model, data: dict | None = None, *, exclude: list[str] | None = None) -> Model:
    """Apply ``data``, run the model's validation and save; a ValidationError leaves the
    database untouched and becomes a 422."""
    for field, value in (data or {}).items():
        setattr(obj, field, value)
    obj.full_clean(exclude=exclude)
    obj.save()
    # Read back what the database kept (rounded decimals, normalised fields).
    obj.refresh_from_db()
    return obj


def require(condition: bool, field: str, message: str, code: str = "invalid") -> None:
    if not condition:
        raise ValidationError({field: ValidationError(message, code=code)})
