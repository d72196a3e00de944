"""Geometry for the server-side SVG charts (spider chart, sparkline).

Functions return plain numbers and labels; the templates in ``web/charts/`` draw them, so that
every label goes through the template engine's escaping.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class SpiderAxis:
    label: str
    value: float | None  # 0..1, None when unknown
    x: float  # end of the axis
    y: float
    label_x: float
    label_y: float
    anchor: str
    point_x: float | None
    point_y: float | None


def _polar(cx: float, cy: float, radius: float, index: int, count: int) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return round(cx + radius * math.cos(angle), 1), round(cy + radius * math.sin(angle), 1)


def spider(axes: list[tuple[str, float | None]], *, size: int = 260) -> dict:
    """Spider chart geometry for ``axes`` of (label, value in 0..1 or None)."""
    count = max(len(axes), 3)
    cx = cy = size / 2
    radius = size / 2 - 50
    result = []
    for index, (label, value) in enumerate(axes):
        x, y = _polar(cx, cy, radius, index, count)
        lx, ly = _polar(cx, cy, radius + 18, index, count)
        anchor = "middle" if abs(lx - cx) < 5 else ("start" if lx > cx else "end")
        px = py = None
        if value is not None:
            px, py = _polar(cx, cy, radius * max(0.0, min(1.0, value)), index, count)
        result.append(SpiderAxis(label, value, x, y, lx, ly + 4, anchor, px, py))
    rings = []
    for fraction in (0.25, 0.5, 0.75, 1.0):
        ring = [_polar(cx, cy, radius * fraction, i, count) for i in range(count)]
        rings.append(" ".join(f"{x},{y}" for x, y in ring))
    known = [(a.point_x, a.point_y) for a in result if a.point_x is not None]
    shape = " ".join(f"{x},{y}" for x, y in known) if len(known) >= 3 else ""
    # Room on both sides for labels such as "Reciprocity" / "Réciprocité".
    pad = 60
    return {
        "size": size,
        "cx": cx,
        "cy": cy,
        "axes": result,
        "rings": rings,
        "shape": shape,
        "view_box": f"{-pad} 0 {size + 2 * pad} {size}",
        "width": size + 2 * pad,
    }


def sparkline(
    values: list[float | None],
    *,
    width: int = 120,
    height: int = 28,
    low: float | None = None,
    high: float | None = None,
) -> dict:
    """Polyline points for a small trend line; gaps (None) are skipped."""
    known = [v for v in values if v is not None]
    if len(known) < 2:
        return {"width": width, "height": height, "points": "", "last": None}
    low = min(known) if low is None else low
    high = max(known) if high is None else high
    span = (high - low) or 1.0
    step = (width - 4) / max(len(values) - 1, 1)
    points = []
    last = None
    for index, value in enumerate(values):
        if value is None:
            continue
        x = round(2 + index * step, 1)
        y = round(height - 2 - (value - low) / span * (height - 4), 1)
        points.append(f"{x},{y}")
        last = (x, y)
    return {"width": width, "height": height, "points": " ".join(points), "last": last}
