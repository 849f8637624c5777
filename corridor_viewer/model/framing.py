"""Framing "the selection in context": the subject with room around it, widened until the reader can tell
where it is — the region it lies in and the two nearest countries in view, each with room for its name.

A 10-km-wide view of the TRIPP route names nothing; the same route with Armenia, Iran and Syunik in view
is a locator map. Pure geometry on the projected features (no Qt).
"""

from __future__ import annotations

import math
from itertools import pairwise

from corridor_viewer.model.feature import Feature
from corridor_viewer.model.hittest import in_polygon
from corridor_viewer.model.viewport import Bounds

MIN_SPAN_M = 60_000.0  # never tighter than this across: a town alone names nothing
COUNTRY_DEPTH_M = 35_000.0  # how far into a neighbouring country the view reaches (room for its name)
PAD = 0.25  # around the subject, as a share of its size


def _centre(b: Bounds) -> tuple[float, float]:
    return (b[0] + b[2]) / 2, (b[1] + b[3]) / 2


def _nearest_on_polygon(f: Feature, x: float, y: float) -> tuple[float, tuple[float, float]]:
    """Distance from (x, y) to the polygon's edge and the nearest edge point (0 and the point if inside)."""
    best = (math.inf, (x, y))
    for rings in f.geometry.parts:
        for ring in rings:
            for (x0, y0), (x1, y1) in pairwise(ring):
                dx, dy = x1 - x0, y1 - y0
                seg2 = dx * dx + dy * dy
                t = 0.0 if seg2 == 0 else max(0.0, min(1.0, ((x - x0) * dx + (y - y0) * dy) / seg2))
                px, py = x0 + t * dx, y0 + t * dy
                d = math.hypot(x - px, y - py)
                if d < best[0]:
                    best = (d, (px, py))
    return best


def _grow(b: Bounds, x: float, y: float) -> Bounds:
    return (min(b[0], x), min(b[1], y), max(b[2], x), max(b[3], y))


def in_context(subject: list[Feature], features: list[Feature], *, countries: int = 2) -> Bounds:
    """The bounds that show ``subject`` (one or more features) in context among ``features``."""
    if not subject:
        raise ValueError("nothing to frame")
    b = subject[0].geometry.bounds
    for f in subject[1:]:
        g = f.geometry.bounds
        b = (min(b[0], g[0]), min(b[1], g[1]), max(b[2], g[2]), max(b[3], g[3]))
    w, h = b[2] - b[0], b[3] - b[1]
    pad = max(w, h) * PAD
    cx, cy = _centre(b)
    half = max(MIN_SPAN_M / 2, w / 2 + pad, h / 2 + pad)
    out: Bounds = (cx - half, cy - half, cx + half, cy + half)
    ids = {f.id for f in subject}
    # The region the subject lies in (Syunik for TRIPP and Meghri, Nakhchivan for Julfa).
    regions = [f for f in features if f.kind == "region" and f.geometry.kind == "polygon" and f.id not in ids
               and f.status != "historical" and in_polygon(cx, cy, f.geometry.parts)]
    for r in regions[:1]:
        rb = r.geometry.bounds
        out = (min(out[0], rb[0]), min(out[1], rb[1]), max(out[2], rb[2]), max(out[3], rb[3]))
    # The nearest countries, each reached far enough for its name to fit inside what is shown.
    near = []
    for f in features:
        if f.kind != "country" or f.geometry.kind != "polygon" or f.id in ids:
            continue
        d, q = _nearest_on_polygon(f, cx, cy)
        inside = in_polygon(cx, cy, f.geometry.parts)
        near.append((0.0 if inside else d, inside, q, f))
    near.sort(key=lambda t: t[0])
    for d, inside, (qx, qy), _f in near[:countries]:
        if inside:
            continue  # the subject is in it: it is in view already
        ux, uy = (qx - cx) / d, (qy - cy) / d
        out = _grow(out, qx + ux * COUNTRY_DEPTH_M, qy + uy * COUNTRY_DEPTH_M)
        # Widen across the direction too, so the name has room to run.
        out = _grow(out, qx - uy * COUNTRY_DEPTH_M, qy + ux * COUNTRY_DEPTH_M)
        out = _grow(out, qx + uy * COUNTRY_DEPTH_M, qy - ux * COUNTRY_DEPTH_M)
    return out
