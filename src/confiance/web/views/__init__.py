"""Web views, one module per page family."""

from __future__ import annotations

from confiance.web.views.health import healthz
from confiance.web.views.portfolio import home

__all__ = ["healthz", "home"]
