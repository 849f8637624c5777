"""Shapes of annotations in the map's plane, shared by the painter, the HTML page and the GeoJSON writer.

A curved line is a quadratic Bézier whose control point sits off the middle of the chord, by ``curve`` times
the chord's length, to the left of the direction of travel as the reader sees it (screen coordinates, y
down); ``y_up=True`` takes and returns map coordinates (y up) and bends to the same visible side.
"""

from __future__ import annotations

import itertools
import math

Pt = tuple[float, float]


def curve_control(p0: Pt, p1: Pt, curve: float, y_up: bool = False) -> Pt:
    dx, dy = p1[0] - p0[0], p1[1] - p0[1]
    mx, my = (p0[0] + p1[0]) / 2, (p0[1] + p1[1]) / 2
    # Left of the direction on screen is (dy, -dx) with y down; with y up the same side is (-dy, dx).
    nx, ny = (-dy, dx) if y_up else (dy, -dx)
    return mx + nx * curve, my + ny * curve


def bezier(p0: Pt, c: Pt, p1: Pt, t: float) -> Pt:
    u = 1 - t
    return (u * u * p0[0] + 2 * u * t * c[0] + t * t * p1[0], u * u * p0[1] + 2 * u * t * c[1] + t * t * p1[1])


def curve_points(pts: list[Pt], curve: float, n: int = 24, y_up: bool = False) -> list[Pt]:
    """The line as drawn: the points themselves, or a 2-point line's curve sampled at n + 1 points."""
    if not curve or len(pts) != 2:
        return list(pts)
    c = curve_control(pts[0], pts[1], curve, y_up)
    return [bezier(pts[0], c, pts[1], i / n) for i in range(n + 1)]


def end_tangents(pts: list[Pt], curve: float, y_up: bool = False) -> tuple[float, float]:
    """Directions (radians) of travel at the start and at the end of the drawn line."""
    if curve and len(pts) == 2:
        c = curve_control(pts[0], pts[1], curve, y_up)
        a = math.atan2(c[1] - pts[0][1], c[0] - pts[0][0])
        b = math.atan2(pts[1][1] - c[1], pts[1][0] - c[0])
        return a, b
    a = math.atan2(pts[1][1] - pts[0][1], pts[1][0] - pts[0][0])
    b = math.atan2(pts[-1][1] - pts[-2][1], pts[-1][0] - pts[-2][0])
    return a, b


def midpoint(pts: list[Pt], curve: float, y_up: bool = False) -> tuple[Pt, float]:
    """The point halfway along the drawn line and its direction there (where a length label goes)."""
    line = curve_points(pts, curve, 24, y_up)
    seg = [math.dist(a, b) for a, b in itertools.pairwise(line)]
    total = sum(seg)
    if total <= 0:
        return line[0], 0.0
    run = 0.0
    for (a, b), d in zip(itertools.pairwise(line), seg, strict=True):
        if run + d >= total / 2 and d > 0:
            t = (total / 2 - run) / d
            return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])), math.atan2(b[1] - a[1], b[0] - a[0])
        run += d
    return line[-1], 0.0


def polygon_centroid(pts: list[Pt]) -> Pt:
    """The area centroid of a simple polygon (its vertices' mean when the area is nil)."""
    a = cx = cy = 0.0
    n = len(pts)
    for i in range(n):
        x0, y0 = pts[i]
        x1, y1 = pts[(i + 1) % n]
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-9:
        return sum(p[0] for p in pts) / n, sum(p[1] for p in pts) / n
    return cx / (3 * a), cy / (3 * a)
