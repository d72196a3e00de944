"""``python -m confiance.coach.evaluate``: see the package docstring."""

from __future__ import annotations

import sys

from confiance.coach.evaluate import main

sys.exit(main())
