"""The demo portfolio: a deterministic, bilingual story for one key-accounts team.

``load_demo(seed=..., today=...)`` writes it in one transaction; ``confiance demo-data``
is the command around it. The story (who is neglected, which deal was lost on price...)
is told in docs/demo.md and written down in ``stories.py``.
"""

from __future__ import annotations

from .builder import DEFAULT_SEED, DemoResult, load_demo
from .people import DEMO_PASSWORD, TEAM_NAME, demo_logins

__all__ = [
    "DEFAULT_SEED",
    "DEMO_PASSWORD",
    "TEAM_NAME",
    "DemoResult",
    "demo_logins",
    "load_demo",
]
