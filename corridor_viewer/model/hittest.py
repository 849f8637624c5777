"""Which feature is under a point: pure geometry, so clicks are testable without a screen.

Small layers are scanned; a layer with thousands of features is asked through its spatial index
(:mod:`corridor_viewer.model.spatial`, built once when the layer is imported), so hovering over a
200,000-point layer costs a tree query, not 200,000 distance checks.
"""

from __future__ import annotations

import math
from itertools import pairwise

from corridor_viewer.model.feature import Feature, Layer, Ring
from corridor_viewer.model.timeline import state_at


def _in_ring(x: float, y: float, ring: Ring) -> bool:
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def in_polygon(x: float, y: float, parts: list[list[Ring]]) -> bool:
    for rings in parts:
        if _in_ring(x, y, rings[0]) and not any(_in_ring(x, y, h) for h in rings[1:]):
            return True
    return False


def dist_to_line(x: float, y: float, line: Ring) -> float:
    best = math.inf
    for (x0, y0), (x1, y1) in pairwise(line):
        dx, dy = x1 - x0, y1 - y0
        seg2 = dx * dx + dy * dy
        t = 0.0 if seg2 == 0 else max(0.0, min(1.0, ((x - x0) * dx + (y - y0) * dy) / seg2))
        best = min(best, math.hypot(x - (x0 + t * dx), y - (y0 + t * dy)))
    return best


def distance(feature: Feature, x: float, y: float) -> float:
    """0 inside polygons; distance in metres to lines and points."""
    g = feature.geometry
    if g.kind == "point":
        px, py = g.point
        return math.hypot(x - px, y - py)
    if g.kind == "line":
        return min(dist_to_line(x, y, part[0]) for part in g.parts)
    return 0.0 if in_polygon(x, y, g.parts) else math.inf


# Points and lines win over the polygons under them; among polygons the smallest wins.
_RANK = {"point": 0, "line": 1, "polygon": 2}


def pick(features: list[Feature], x: float, y: float, tolerance: float) -> Feature | None:
    best: tuple | None = None
    for f in features:
        b = f.geometry.bounds
        if x < b[0] - tolerance or x > b[2] + tolerance or y < b[1] - tolerance or y > b[3] + tolerance:
            continue
        d = distance(f, x, y)
        limit = 0.0 if f.geometry.kind == "polygon" else tolerance
        if d <= limit:
            area = (b[2] - b[0]) * (b[3] - b[1])
            key = (_RANK[f.geometry.kind], d, area)
            if best is None or key < best[0]:
                best = (key, f)
    return best[1] if best else None


def pick_in_layers(layers: list[Layer], x: float, y: float, tolerance: float,
                   date: str | None = None) -> Feature | None:
    """The feature under (x, y) among the drawn features of ``layers`` on ``date`` (None: today)."""
    candidates: list[Feature] = []
    for layer in layers:
        index = layer.spatial_index()
        feats = layer.drawn_features()
        if index is not None:
            drawn = feats if feats is layer.features else None
            hits = index.query(x - tolerance, y - tolerance, x + tolerance, y + tolerance)
            feats = [layer.features[i] for i in hits]
            if drawn is None:
                keep = {id(f) for f in layer.drawn_features()}
                feats = [f for f in feats if id(f) in keep]
        feats = [f for f in feats if state_at(f.props, f.status, date) is not None]
        candidates += feats
    return pick(candidates, x, y, tolerance)
