"""Validity checks and repairs with a bound on the work a hostile geometry can cause.

GEOS's validity check and repair are superlinear in the number of self-crossings: a 100-vertex "star"
polygon (every edge crossing almost every other) took 13 s in ``make_valid``, 200 vertices 110 s; an 8 MB
self-crossing polygon took 263 s and 6.3 GB before it was refused; ``is_valid`` alone needs 126 s for a
400,000-vertex star. Crossings are counted first, with work bounded by the geometry's size
(:func:`self_crossings`), and only geometries with few of them reach GEOS. Repairs use GEOS's
"structure" method (faster than "linework" by orders of magnitude on tangled rings, and it keeps only
areas for a polygon), and a layer's checks and repairs together stop when its time budget (proportional to
its size) is spent.
"""

from __future__ import annotations

import time
from typing import Any

MAX_FEATURE_VERTICES = 1_000_000  # more than the map can draw in one feature
PRECHECK_VERTICES = 4096  # above this, crossings are counted before GEOS's own check (<= 12 ms below it)
MAX_CHECK_CROSSINGS = 10_000  # more than this and the validity check itself takes too long
REPAIR_PRECHECK_VERTICES = 64  # below this a ring cannot cross itself more than ~2,000 times
MAX_REPAIR_CROSSINGS = 2_000  # a repair with more takes seconds (it grows like crossings^1.5)
BASE_SECONDS, SECONDS_PER_VERTEX = 5.0, 5e-6  # the time a layer's checks and repairs may take, in all
CHECK_BATCH_VERTICES = 100_000  # checked in batches of about this many vertices, so the budget is kept to
_FIRST_PAIRS = 1 << 16  # the most pairs the first crossing query may return: small rings need one query


def self_crossings(g: Any, limit: int) -> int:
    """How many pairs of non-adjacent segments of ``g``'s rings and lines touch, counted until ``limit`` is
    passed (then some number above ``limit``), with work and memory bounded for any geometry.

    A tree query returns every pair between its segments and all others. Segments are queried in a fixed
    pseudo-random order, in chunks that start at one segment and double: a chunk's answer is then about as
    large as everything counted before it, so no query can return millions of pairs before the count has
    passed ``limit``. With few crossings (real data) the work is about n log n for n segments.
    """
    import numpy as np
    import shapely

    lines = _linework(g)
    if not lines:
        return 0
    counts = shapely.get_num_coordinates(lines)
    coords = shapely.get_coordinates(lines)
    ends = np.cumsum(counts)
    starts = ends - counts
    ok = np.ones(max(0, len(coords) - 1), dtype=bool)  # segment k joins vertices k and k + 1 of one line
    ok[ends[:-1] - 1] = False
    seg_from = np.flatnonzero(ok)
    if seg_from.size == 0:
        return 0
    line_of = np.searchsorted(ends, seg_from, side="right")
    pos = seg_from - starts[line_of]
    nseg = (counts - 1)[line_of]
    segs = shapely.linestrings(np.stack([coords[seg_from], coords[seg_from + 1]], axis=1))
    tree = shapely.STRtree(segs)
    order = np.random.default_rng(17).permutation(len(segs))
    chunk, s, total = max(1, min(len(segs), _FIRST_PAIRS // len(segs))), 0, 0
    while s < len(segs):
        q, t = tree.query(segs[order[s:s + chunk]])  # boxes only: GEOS would prepare every queried segment
        q = order[s:s + chunk][q]
        d = np.abs(pos[q] - pos[t])
        # itself, its neighbours, and a ring's last and first segments touch by construction
        other = ~((line_of[q] == line_of[t]) & ((d <= 1) | (d == nseg[q] - 1)))
        q, t = q[other], t[other]
        total += int(shapely.intersects(segs[q], segs[t]).sum())
        if total > 2 * limit:  # each pair is counted from both of its segments
            break
        s += chunk
        chunk = min(chunk * 2, 1 << 16)
    return total // 2


def _linework(g: Any) -> list:
    import shapely

    out = []
    stack = [g]
    while stack:
        x = stack.pop()
        if x is None or x.is_empty:
            continue
        t = x.geom_type
        if t == "Polygon":
            out += list(shapely.get_rings(x))
        elif t in ("LineString", "LinearRing"):
            out.append(x)
        elif t.startswith("Multi") or t == "GeometryCollection":
            stack += list(shapely.get_parts(x))
    return out


class Checker:
    """Validity and repair for one layer, within a time budget for all of it (BASE_SECONDS plus a few
    microseconds a vertex: proportional to the file, so a small file cannot buy minutes)."""

    def __init__(self, vertices: int = 0) -> None:
        self.budget = BASE_SECONDS + SECONDS_PER_VERTEX * vertices
        self.spent = 0.0

    @property
    def exhausted(self) -> bool:
        return self.spent > self.budget

    def check(self, geoms: Any) -> tuple[Any, dict[int, str]]:
        """(valid flags, {index: reason to skip}) for an array of geometries."""
        import numpy as np
        import shapely

        t = time.monotonic()
        n = len(geoms)
        skip: dict[int, str] = {}
        if self.exhausted:
            return np.zeros(n, dtype=bool), dict.fromkeys(range(n), "not checked: the time allowed for checking "
                                                                    "this layer's shapes was used up")
        verts = shapely.get_num_coordinates(geoms)
        for i in np.flatnonzero(verts > MAX_FEATURE_VERTICES):
            skip[int(i)] = f"more than {MAX_FEATURE_VERTICES:,} vertices in one feature (simplify it in a GIS)"
        for i in np.flatnonzero((verts > PRECHECK_VERTICES) & (verts <= MAX_FEATURE_VERTICES)):
            if self.spent + time.monotonic() - t > self.budget:
                skip[int(i)] = "not checked: the time allowed for checking this layer's shapes was used up"
            elif self_crossings(geoms[i], MAX_CHECK_CROSSINGS) > MAX_CHECK_CROSSINGS:
                skip[int(i)] = (f"a shape that crosses itself more than {MAX_CHECK_CROSSINGS:,} times (it cannot be "
                                "checked or repaired)")
        valid = np.zeros(n, dtype=bool)
        todo = np.array([i not in skip for i in range(n)], dtype=bool)
        if todo.any():
            valid[todo] = shapely.is_valid(geoms[todo])
        self.spent += time.monotonic() - t
        return valid, skip

    def repair(self, g: Any) -> tuple[Any, str | None]:
        """(repaired geometry or None, reason it was not repaired)."""
        import shapely
        from shapely.errors import ShapelyError

        if self.exhausted:
            return None, "invalid geometry not repaired: the time allowed for repairs was used up"
        t = time.monotonic()
        try:
            if shapely.get_num_coordinates(g) >= REPAIR_PRECHECK_VERTICES and \
                    self_crossings(g, MAX_REPAIR_CROSSINGS) > MAX_REPAIR_CROSSINGS:
                return None, f"invalid geometry that crosses itself more than {MAX_REPAIR_CROSSINGS:,} times"
            try:
                return shapely.make_valid(g, method="structure", keep_collapsed=False), None
            except (ShapelyError, ValueError, TypeError):  # GEOS gave up on this shape
                return None, None
        finally:
            self.spent += time.monotonic() - t
