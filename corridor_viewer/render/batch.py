"""Drawing big layers: features grouped by style and drawn a group at a time.

A user's layer may hold 200,000 points or polygons with 50,000 vertices. Drawing them one call each costs
seconds in Python, so a big layer is drawn as groups of features that share a style (and a state on the
timeline's date): a group of lines or polygons is one cached QPainterPath (one draw call). A group of
points is culled to the view with numpy; up to STAMP_MAX visible points are stamped from one pre-rendered,
antialiased marker image (exactly the look of a small layer's markers), more are drawn in one
``drawPoints`` call per pass (outline, then fill), filled from the numpy array at C speed — the way
QGIS-like renderers draw dense point clouds. Vector devices (PDF, SVG) get real shapes.

The groups are cached per layer and per (style, date, dimmed set): a pan or a zoom reuses them.
"""

from __future__ import annotations

import weakref
from math import ceil
from typing import Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPolygonF, QTransform

BATCH_MIN_FEATURES = 300  # smaller layers are drawn feature by feature (dashes by status, casings…)
BATCH_MIN_VERTICES = 20_000  # … unless their geometry is big
STAMP_MAX = 20_000  # visible points drawn as antialiased stamps; beyond, one drawPoints call per pass


class _Group:
    __slots__ = ("areas", "dimmed", "kind", "path", "status", "style", "xs", "ys")

    def __init__(self, kind: str, style: Any, status: str, dimmed: bool) -> None:
        self.kind, self.style, self.status, self.dimmed = kind, style, status, dimmed
        self.path: QPainterPath | None = None
        # One entry per feature: its bounds (to cull), its fill path (polygons) and its rings or lines as
        # polylines. Measured: one path holding every outline strokes 20x slower than the same outlines
        # one by one, and in one fill path overlapping polygons would cancel out under the odd-even rule.
        self.areas: list[tuple[tuple[float, float, float, float], QPainterPath | None, list[QPolygonF]]] = []
        self.xs: Any = None  # numpy arrays of projected point coordinates
        self.ys: Any = None


_groups: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # Layer -> (key, [groups])


def is_big(layer: Any) -> bool:
    """Whether a layer is drawn in groups (counted once per layer and feature list)."""
    n = len(layer.features)
    if n >= BATCH_MIN_FEATURES:
        return True
    cached = _sizes.get(layer)
    if cached is None or cached[0] != n:
        vertices = sum(len(ring) for f in layer.features for rings in f.geometry.parts for ring in rings)
        cached = _sizes[layer] = (n, vertices >= BATCH_MIN_VERTICES)
    return cached[1]


_sizes: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _polygon_from(xy: Any) -> QPolygonF:
    """A QPolygonF filled from an (n, 2) float array through its buffer (no Python loop)."""
    import numpy as np
    import shiboken6

    poly = QPolygonF()
    poly.resize(len(xy))
    if len(xy):
        buf = shiboken6.VoidPtr(poly.data(), len(xy) * 16, True)
        np.frombuffer(buf, np.double).reshape(-1, 2)[:] = xy
    return poly


def groups_for(lv: Any, state: Any) -> list[_Group]:
    """The layer's features grouped by (geometry kind, style, status, dimmed), built once per key."""
    import numpy as np

    dim = state.dim_except
    key = (lv.style.fingerprint(), state.date, dim, len(lv.layer.features))
    cached = _groups.get(lv.layer)
    if cached is not None and cached[0] == key:
        return cached[1]
    by: dict[tuple, tuple[_Group, list]] = {}
    style_of = lv.style.for_feature
    for f in lv.drawn_features():
        status = state.status_of(f)
        if status is None:
            continue
        dimmed = dim is not None and f.id not in dim and f.part_of not in dim
        g = f.geometry
        style = style_of(f.id, f.kind, status)
        k = (g.kind, style, status, dimmed)  # styles are frozen values: equal styles share a group
        entry = by.get(k)
        if entry is None:
            entry = by[k] = (_Group(g.kind, style, status, dimmed), [])
        entry[1].append(g)
    out = []
    for group, geoms in by.values():
        if group.kind == "point":
            pts = np.array([geom.parts[0][0][0] for geom in geoms], dtype=float).reshape(-1, 2)
            group.xs, group.ys = pts[:, 0], pts[:, 1]
        else:
            for geom in geoms:
                area = QPainterPath() if group.kind == "polygon" else None
                lines = []
                for rings in geom.parts:
                    for ring in (rings if group.kind == "polygon" else rings[:1]):
                        poly = _polygon_from(np.asarray(ring, dtype=float).reshape(-1, 2) * (1.0, -1.0))
                        lines.append(poly)
                        if area is not None:
                            area.addPolygon(poly)
                            area.closeSubpath()
                if area is not None:
                    area.setFillRule(Qt.FillRule.OddEvenFill)
                group.areas.append((geom.bounds, area, lines))
        out.append(group)
    _groups[lv.layer] = (key, out)
    return out


_stamps: dict[tuple, tuple[QImage, float]] = {}


def _stamp(marker: Any, k: float, dpr: float, draw_marker) -> tuple[QImage, float]:
    """The marker rendered once (with its outline and antialiasing); returns the image and its half size."""
    key = (marker, k, dpr)
    hit = _stamps.get(key)
    if hit is None:
        half = (marker.size / 2 * 1.25 + marker.stroke_width) * k + 1
        n = ceil(2 * half * dpr)
        img = QImage(n, n, QImage.Format.Format_ARGB32_Premultiplied)
        img.setDevicePixelRatio(dpr)
        img.fill(0)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        draw_marker(p, QPointF(half, half), marker, k)
        p.end()
        hit = _stamps[key] = (img, half)
        if len(_stamps) > 256:
            _stamps.pop(next(iter(_stamps)))
    return hit


def draw_groups(painter: QPainter, lv: Any, state: Any, tf: QTransform, k: float, base_opacity: float, *,
                vector: bool, pen_for, fill_for, draw_marker, marker_shape) -> None:
    """Draw a big layer group by group (see the module docstring)."""
    import numpy as np

    vp = state.viewport
    for group in groups_for(lv, state):
        painter.setOpacity(base_opacity * (0.25 if group.dimmed else 1.0))
        style = group.style
        if group.kind == "point":
            if style.marker is None:
                continue
            sx = (group.xs - vp.cx) / vp.m_per_px + vp.width / 2
            sy = (vp.cy - group.ys) / vp.m_per_px + vp.height / 2
            pad = style.marker.size * k
            inside = (sx > -pad) & (sx < vp.width + pad) & (sy > -pad) & (sy < vp.height + pad)
            sx, sy = sx[inside], sy[inside]
            if vector:
                path = QPainterPath()
                for x, y in zip(sx.tolist(), sy.tolist(), strict=True):
                    marker_shape(path, x, y, style.marker, k)
                painter.setPen(pen_for(style.marker.stroke, style.marker.stroke_width * k))
                painter.setBrush(QColor(style.marker.fill))
                painter.drawPath(path)
                continue
            if len(sx) > STAMP_MAX:
                _draw_dense(painter, np.column_stack((sx, sy)), style.marker, k, pen_for)
                continue
            dev = painter.device()
            dpr = dev.devicePixelRatioF() if dev is not None else 1.0
            img, half = _stamp(style.marker, k, dpr, draw_marker)
            # Points on the same device pixel would stamp the same image twice: keep one.
            q = np.unique(np.round(sy * dpr).astype(np.int64) * 1_000_003 + np.round(sx * dpr).astype(np.int64),
                          return_index=True)[1]
            draw = painter.drawImage
            for x, y in zip((sx[q] - half).tolist(), (sy[q] - half).tolist(), strict=True):
                draw(QPointF(x, y), img)
            continue
        x0, y0, x1, y1 = vp.world_bounds
        shown = [a for a in group.areas if a[0][2] >= x0 and a[0][0] <= x1 and a[0][3] >= y0 and a[0][1] <= y1]
        if group.kind == "polygon":
            fill = fill_for(style)
            if fill is not None:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # the outline covers the edges
                brush = QBrush(fill)
                for _b, area, _lines in shown:
                    painter.fillPath(tf.map(area), brush)
            # Outlines of a big polygon layer are drawn 1 px wide at most: Qt strokes hairlines ~7x faster
            # than 1.5 px lines (measured), and at this density the difference is not visible.
            width = min(style.width * k, 1.0) if style.width > 0 else 0.0
        else:
            width = (style.line_width or style.width) * k
        if width > 0:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            pen = pen_for(style.stroke, width, tuple(style.dash), style.cap if group.kind == "line" else "flat")
            painter.setPen(pen)
            draw = painter.drawPolygon if group.kind == "polygon" else painter.drawPolyline
            for _b, _area, lines in shown:
                for line in lines:
                    draw(tf.map(line))


def _draw_dense(painter: QPainter, xy: Any, marker: Any, k: float, pen_for) -> None:
    """Many points in one drawPoints call per pass: the outline (a larger dot), then the fill."""
    poly = _polygon_from(xy)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # 10x faster; dots this dense need none
    if marker.shape == "diamond":  # a square turned 45 degrees: rotate the painter, counter-rotate the points
        painter.rotate(45)
        poly = QTransform().rotate(-45).map(poly)
    size = marker.size * k * (0.9 if marker.shape == "circle" else 1.0)
    for color, width in ((marker.stroke, size + 2 * marker.stroke_width * k), (marker.fill, size)):
        if width <= 0:
            continue
        pen = pen_for(color, width, (), "square")
        painter.setPen(pen)
        painter.drawPoints(poly)
    painter.restore()
