"""The locator inset: where the map is, at a smaller scale — the Caucasus between the Black Sea and the
Caspian, its countries named, the main map's extent marked — in the corner where it hides least.

The corner is chosen by what lies under it: the selection, the places the map is about and the labels
that must show weigh most; a chosen corner (or none) overrides the choice. The exporter then hands the
inset's rectangle to the label engine, so no label is ever drawn under it.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPainter

from corridor_viewer.model import projection
from corridor_viewer.model.mapstate import MapState
from corridor_viewer.model.viewport import Bounds, Viewport
from corridor_viewer.render.paint import PaintOptions, make_pen, paint
from corridor_viewer.render.text import draw_halo_text, text_box

# The region a reader needs to place the map: between the Black Sea and the Caspian (lon/lat).
LOCATOR_LONLAT = (36.5, 36.0, 52.5, 45.0)
CORNERS = ("br", "bl", "tr", "tl")
COUNTRY_NAMES = {"armenia", "azerbaijan", "georgia", "iran", "turkey", "russia"}


def locator_bounds(state: MapState) -> Bounds:
    w, s, e, n = LOCATOR_LONLAT
    pts = [projection.forward(lon, lat) for lon in (w, e) for lat in (s, n)]
    b = (min(p[0] for p in pts), min(p[1] for p in pts), max(p[0] for p in pts), max(p[1] for p in pts))
    d = state.data_bounds
    if d is not None:  # never show beyond the data
        b = (max(b[0], d[0]), max(b[1], d[1]), min(b[2], d[2]), min(b[3], d[3]))
    return b


def corner_rect(corner: str, frame_w: float, frame_h: float, iw: float, ih: float, pad: float) -> QRectF:
    x = pad if corner in ("bl", "tl") else frame_w - pad - iw
    y = pad if corner in ("tl", "tr") else frame_h - pad - ih
    return QRectF(x, y, iw, ih)


# What hiding a feature costs, by what it is: the selection and the story's places most, then places and
# routes (a reader follows them), then areas; the context (countries, seas) costs nothing of itself.
WEIGHTS = {"selection": 40.0, "emphasis": 10.0, "places": 3.0, "routes": 2.0, "regions": 1.0}


def important_rects(state: MapState, vp: Viewport, k: float) -> list[tuple[QRectF, float]]:
    """What the inset must not hide, with weights per pixel covered (see WEIGHTS)."""
    out: list[tuple[QRectF, float]] = []
    x0, y0, x1, y1 = vp.world_bounds
    for lv in state.layers:
        if not lv.visible or lv.group not in WEIGHTS:
            continue
        for f in lv.drawn_features():
            b = f.geometry.bounds
            if b[2] < x0 or b[0] > x1 or b[3] < y0 or b[1] > y1 or state.status_of(f) is None:
                continue
            weight = WEIGHTS["selection"] if f.id in state.selection else \
                WEIGHTS["emphasis"] if f.id in state.emphasis else WEIGHTS[lv.group]
            if f.geometry.kind == "line":  # a route is where it runs: samples along it, ~every 25 px
                for part in f.geometry.parts:
                    pts = [vp.to_screen(x, y) for x, y in part[0]]
                    for (ax, ay), (bx, by) in pairwise(pts):
                        n = max(1, int(((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5 / (25 * k)))
                        for i in range(n):
                            cx, cy = ax + (bx - ax) * i / n, ay + (by - ay) * i / n
                            out.append((QRectF(cx - 8 * k, cy - 8 * k, 16 * k, 16 * k), weight * 0.2 / (256 * k * k)))
                continue
            ax, ay = vp.to_screen(b[0], b[3])
            bx, by = vp.to_screen(b[2], b[1])
            r = QRectF(QPointF(ax, ay), QPointF(bx, by)).normalized()
            if f.geometry.kind == "point":  # a place is its marker and its name beside it
                r = r.adjusted(-50 * k, -12 * k, 50 * k, 12 * k)
            else:  # an area is mostly its middle (its label, its identity)
                c = r.center()
                r = QRectF(c.x() - r.width() / 4, c.y() - r.height() / 4, r.width() / 2, r.height() / 2)
            out.append((r, weight / max(1.0, _area(r))))
    return out


def choose_corner(state: MapState, vp: Viewport, iw: float, ih: float, pad: float, k: float, rtl: bool,
                  avoid: list[QRectF] = ()) -> str:
    """The corner whose inset would cover the least of what matters (ties: the reading end, bottom)."""
    weights = important_rects(state, vp, k)
    order = ("bl", "br", "tl", "tr") if rtl else ("br", "bl", "tr", "tl")

    def cost(corner: str) -> float:
        r = corner_rect(corner, vp.width, vp.height, iw, ih, pad)
        c = sum(w * _area(r.intersected(x)) for x, w in weights)
        c += sum(10 * _area(r.intersected(x)) for x in avoid)
        return c

    return min(order, key=lambda c: (cost(c), order.index(c)))


def _area(r: QRectF) -> float:
    return max(0.0, r.width()) * max(0.0, r.height())


def draw_inset(painter: QPainter, state: MapState, rect: QRectF, main_bounds: Bounds, k: float, lang: str,
               vector: bool) -> None:
    """The locator map in ``rect``: the region's countries and seas, named, with the main map's extent."""
    panel = rect.adjusted(-2 * k, -2 * k, 2 * k, 2 * k)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 255, 255, 245))
    painter.drawRoundedRect(panel, 3 * k, 3 * k)
    vp = Viewport(width=rect.width(), height=rect.height()).fitted(locator_bounds(state), margin=0.0)
    painter.save()
    painter.translate(rect.topLeft())
    painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
    inset_state = state.with_(viewport=vp, selection=(), hover=None, dim_except=None)
    paint(inset_state, painter, PaintOptions(labels=False, decorations=False, highlight=False, ui_scale=0.5 * k,
                                             only_groups=frozenset({"context"}), annotations=False))
    x0, y0, x1, y1 = main_bounds
    ax, ay = vp.to_screen(x0, y1)
    bx, by = vp.to_screen(x1, y0)
    box = QRectF(QPointF(ax, ay), QPointF(bx, by)).intersected(
        QRectF(1 * k, 1 * k, rect.width() - 2 * k, rect.height() - 2 * k))
    if box.width() < 8 * k:  # keep a tiny extent visible
        box = QRectF(box.center() - QPointF(4 * k, 4 * k), QSizeF(8 * k, 8 * k))
    # Country names, small, kept off the extent box so the reader sees both.
    taken = [box.adjusted(-2 * k, -2 * k, 2 * k, 2 * k)]
    px = 9 * k
    for lv in state.layers:
        if lv.group != "context":
            continue
        for f in lv.features:
            if f.id not in COUNTRY_NAMES and f.kind not in ("sea",):
                continue
            anchor = _inside_point(f, lv.layer, vp)
            if anchor is None:
                continue
            text = f.label(lang).upper() if lang == "en" and f.kind == "country" else f.label(lang)
            tb = text_box(text, px, f.kind == "country")
            origin = QPointF(anchor.x() - tb.width() / 2, anchor.y() + tb.height() / 3)
            r = tb.translated(origin).adjusted(-3 * k, -1 * k, 3 * k, 1 * k)
            if not QRectF(0, 0, rect.width(), rect.height()).contains(r) or any(r.intersects(t) for t in taken):
                continue
            taken.append(r)
            color = "#2f5d80" if f.kind == "sea" else "#555555"
            draw_halo_text(painter, text, origin, px, color, "#ffffff", bold=f.kind == "country", halo_width=2 * k,
                           italic=f.kind == "sea", as_text=vector, raster=not vector)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(make_pen("#d62828", 2 * k))
    painter.drawRect(box)
    painter.restore()
    painter.setBrush(Qt.BrushStyle.NoBrush)  # the border last, over anything that reached the panel's edge
    painter.setPen(make_pen("#8c8a84", 1 * k))
    painter.drawRoundedRect(panel, 3 * k, 3 * k)


def _inside_point(f, layer, vp: Viewport) -> QPointF | None:
    """A point inside the part of the area shown in the inset (the label engine's method, coarser)."""
    from corridor_viewer.render.paint import _path_for, world_transform

    if f.geometry.kind != "polygon":
        return None
    path = world_transform(vp).map(_path_for(f, layer))
    view = QRectF(0, 0, vp.width, vp.height).adjusted(6, 6, -6, -6)
    area = path.boundingRect().intersected(view)
    if area.isEmpty():
        return None
    pts = [QPointF(area.left() + (i + 0.5) * area.width() / 8, area.top() + (j + 0.5) * area.height() / 6)
           for i in range(8) for j in range(6)]
    inside = [p for p in pts if path.contains(p)]
    if not inside:
        return None
    cx = sum(p.x() for p in inside) / len(inside)
    cy = sum(p.y() for p in inside) / len(inside)
    return min(inside, key=lambda p: (p.x() - cx) ** 2 + (p.y() - cy) ** 2)
