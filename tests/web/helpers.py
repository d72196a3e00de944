"""Small helpers shared by the web tests."""

from __future__ import annotations


def post_outcome(client, opportunity, *, follow: bool = False, headers=None, **fields):
    """Post the "record the outcome" form of ``opportunity`` (its fields carry a prefix)."""
    prefix = f"outcome{opportunity.pk}"
    data = {f"{prefix}-{name}": value for name, value in fields.items()}
    return client.post(
        f"/opportunities/{opportunity.pk}/outcome/", data, follow=follow, **(headers or {})
    )
