"""Confiance: a relationship workbench for trust-based, collaborative B2B selling."""

from __future__ import annotations

__version__ = "0.1.0"
