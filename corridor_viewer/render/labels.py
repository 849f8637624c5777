"""Label placement: priority order, candidate positions, no two labels overlap."""

from __future__ import annotations

import math
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter

from corridor_viewer.model.mapstate import MapState
from corridor_viewer.model.viewport import Viewport
from corridor_viewer.render.text import draw_halo_text, pt_to_px, text_box


def label_text(feature, lang: str, caps: bool) -> str:
    text = feature.label(lang)
    return text.upper() if caps and lang == "en" else text


def _candidates(anchor: QPointF, box: QRectF, placement: str, marker: float, rtl: bool, along=()):
    w, h = box.width(), box.height()
    asc = -box.top()
    if placement in ("centroid", "line"):
        for a in (anchor, *along):
            yield QPointF(a.x() - w / 2, a.y() + asc - h / 2)
            if placement == "line":
                yield QPointF(a.x() - w / 2, a.y() - h / 2 - 2)
                yield QPointF(a.x() - w / 2, a.y() + h + 2)
        return
    gap = marker / 2 + 3
    right = QPointF(anchor.x() + gap, anchor.y() + asc - h / 2)
    left = QPointF(anchor.x() - gap - w, anchor.y() + asc - h / 2)
    above = QPointF(anchor.x() - w / 2, anchor.y() - gap - h + asc)
    below = QPointF(anchor.x() - w / 2, anchor.y() + gap + asc)
    # Arabic maps conventionally put a point's name on its left, English maps on its right.
    yield from ((left, right) if rtl else (right, left))
    yield above
    yield below


def _along(feature, anchor_world, vp: Viewport) -> list[QPointF]:
    """Fallback spots for a line label: points along the part of the line nearest its anchor."""
    g = feature.geometry
    if g.kind != "line":
        return []
    ax, ay = anchor_world
    part = min((p[0] for p in g.parts), key=lambda line: min((x - ax) ** 2 + (y - ay) ** 2 for x, y in line))
    seg = [math.dist(a, b) for a, b in pairwise(part)]
    total = sum(seg)
    out = []
    for frac in (0.35, 0.65, 0.2, 0.8):
        target, run = total * frac, 0.0
        for (a, b), d in zip(pairwise(part), seg, strict=True):
            if run + d >= target and d > 0:
                t = (target - run) / d
                out.append(QPointF(*vp.to_screen(a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))))
                break
            run += d
    return out


def draw_labels(painter: QPainter, state: MapState, k: float = 1.0, as_text: bool = False,
                raster: bool = False, high_contrast: bool = False) -> list[tuple[str, QRectF]]:
    """Place and draw labels; returns what was placed (tests and exports use it)."""
    vp = state.viewport
    lang = state.language
    badges = state.badges
    dim_except = state.dim_except
    scale = vp.m_per_px / k  # exports at poster size show the labels of the equivalent screen view
    rtl = lang == "ar"
    todo = []
    obstacles: list[QRectF] = []
    for lv in state.layers:
        ls = lv.style.labels
        if not lv.visible or ls is None or not (ls.min_m_per_px <= scale <= ls.max_m_per_px):
            continue
        # Umbrellas (e.g. the Zangezur corridor) are drawn through their segments but keep their label.
        for f in lv.features:
            if f.label_anchor is None:
                continue
            status = state.status_of(f)
            if status is None:
                continue
            if dim_except is not None and f.id not in dim_except and lv.group != "context":
                continue
            if scale > state.label_limits.get(f.priority, 700.0):
                continue
            x, y = vp.to_screen(*f.label_anchor)
            if not (-50 <= x <= vp.width + 50 and -50 <= y <= vp.height + 50):
                continue
            style = lv.style.for_feature(f.id, f.kind, status)
            marker = (style.marker.size * k) if (style.marker and f.geometry.kind == "point") else 0.0
            if marker:
                obstacles.append(QRectF(x - marker / 2, y - marker / 2, marker, marker))
            placement = "point" if f.geometry.kind == "point" else ls.placement
            order = (f.priority, placement != "centroid", -lv.z)  # areas first: they need the room
            todo.append((order, f, ls, QPointF(x, y), marker, placement))
    todo.sort(key=lambda t: t[0])
    placed: list[tuple[str, QRectF]] = []
    taken: list[QRectF] = []
    view = QRectF(0, 0, vp.width, vp.height)
    for _, f, ls, anchor, marker, placement in todo:
        text = label_text(f, lang, ls.caps)
        count = badges.get(f.id)
        if count:
            text = f"{text} ({count})"
        px = pt_to_px(ls.size_pt) * k
        box = text_box(text, px, ls.bold, ls.italic)
        along = _along(f, f.label_anchor, vp) if placement == "line" else ()
        for origin in _candidates(anchor, box, placement, marker, rtl, along):
            rect = box.translated(origin).adjusted(-2 * k, -1 * k, 2 * k, 1 * k)
            if not view.contains(rect):
                continue
            if any(rect.intersects(r) for r in taken):
                continue
            if placement == "point" and any(rect.intersects(o) for o in obstacles
                                               if not o.contains(anchor)):
                continue
            color, halo, hw = ("#000000", "#ffffff", 5 * k) if high_contrast else (ls.color, ls.halo, 3 * k)
            draw_halo_text(painter, text, origin, px, color, halo, bold=ls.bold or high_contrast, italic=ls.italic,
                           as_text=as_text, halo_width=hw, raster=raster)
            taken.append(rect)
            placed.append((f.id, rect))
            break
    return placed
