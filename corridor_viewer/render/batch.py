"""Drawing big layers: features grouped by style and drawn a group at a time.

A user's layer may hold 200,000 points or polygons with 50,000 vertices. Drawing them one call each costs
seconds in Python, so a big layer is drawn as groups of features that share a style (and a state on the
timeline's date): a group of lines or polygons is one cached QPainterPath (one draw call); a group of
points is stamped from one pre-rendered marker image at every point inside the view (the loop does one
C++ call per point; culling and merging points that fall on the same pixel keep it short). Vector
devices (PDF, SVG) get real shapes instead of stamps.

The groups are cached per layer and per (style, date, dimmed set): a pan or a zoom reuses them.
"""

from __future__ import annotations

import weakref
from math import ceil
from typing import Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPolygonF, QTransform

BATCH_MIN_FEATURES = 300  # smaller layers are drawn feature by feature (dashes by status, casings…)


class _Group:
    __slots__ = ("dimmed", "kind", "path", "status", "style", "xs", "ys")

    def __init__(self, kind: str, style: Any, status: str, dimmed: bool) -> None:
        self.kind, self.style, self.status, self.dimmed = kind, style, status, dimmed
        self.path: QPainterPath | None = None
        self.xs: Any = None  # numpy arrays of projected point coordinates
        self.ys: Any = None


_groups: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # Layer -> (key, [groups])


def groups_for(lv: Any, state: Any) -> list[_Group]:
    """The layer's features grouped by (geometry kind, style, status, dimmed), built once per key."""
    import numpy as np

    dim = state.dim_except
    key = (lv.style, state.date, dim, len(lv.layer.features))
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
            path = QPainterPath()
            if group.kind == "polygon":
                path.setFillRule(Qt.FillRule.OddEvenFill)
            for geom in geoms:
                for rings in geom.parts:
                    for ring in (rings if group.kind == "polygon" else rings[:1]):
                        path.addPolygon(QPolygonF([QPointF(x, -y) for x, y in ring]))
                        if group.kind == "polygon":
                            path.closeSubpath()
            group.path = path
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
        path = tf.map(group.path)
        if group.kind == "polygon":
            fill = fill_for(style)
            if fill is not None:
                painter.fillPath(path, QBrush(fill))
            if style.width > 0:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(pen_for(style.stroke, style.width * k, tuple(style.dash)))
                painter.drawPath(path)
        else:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(pen_for(style.stroke, (style.line_width or style.width) * k, tuple(style.dash), style.cap))
            painter.drawPath(path)
