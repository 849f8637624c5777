"""Annotations drawn from a MapState: markers, callouts, lines and arrows, distance lines and areas.

``layout(state, k)`` places every visible annotation on the state's viewport (screen pixels): its shape,
its marker and its text block. The painter draws the shapes before the map's labels and the texts after
them, and hands the label engine the boxes of the texts and markers, so no map label is drawn over an
annotation. Text goes through ``render.text`` like every label: shaped Arabic, halos, a sprite on screen and
in PNGs, real ``<text>`` in SVGs. The canvas's editor uses the same layout to hit-test and to put handles.
"""

from __future__ import annotations

import itertools
import math
from collections import OrderedDict
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF

from corridor_viewer.model import projection
from corridor_viewer.model.annotation_geometry import curve_control, end_tangents, midpoint, polygon_centroid
from corridor_viewer.model.annotations import DASHES, Annotation, circle_ring
from corridor_viewer.model.mapstate import MapState
from corridor_viewer.model.normalize import is_rtl
from corridor_viewer.model.viewport import Viewport
from corridor_viewer.render.text import draw_halo_text, pt_to_px, text_box

_DIRS = {"e": (1.0, 0.0), "ne": (0.7071, -0.7071), "n": (0.0, -1.0), "nw": (-0.7071, -0.7071), "w": (-1.0, 0.0),
         "sw": (-0.7071, 0.7071), "s": (0.0, 1.0), "se": (0.7071, 0.7071)}


@dataclass
class TextBlock:
    lines: list[tuple[str, QPointF, bool]]  # text, baseline start, right to left
    rect: QRectF  # the block's box (padded)
    px: float
    bold: bool
    color: str
    halo: str
    box: bool  # drawn in a box rather than on a halo


@dataclass
class Placed:
    """One annotation laid out on a viewport (screen pixels)."""

    a: Annotation
    path: QPainterPath = field(default_factory=QPainterPath)  # the line or area outline
    closed: bool = False
    anchor: QPointF | None = None  # a marker's or callout's point
    icon_rect: QRectF | None = None
    heads: list[tuple[QPointF, float]] = field(default_factory=list)  # arrow tips and their directions
    leader: tuple[QPointF, QPointF] | None = None
    text: TextBlock | None = None
    screen: list[QPointF] = field(default_factory=list)  # the annotation's own points, projected

    def boxes(self) -> list[QRectF]:
        """What map labels must keep clear of: the text, the icon, the arrowheads."""
        out = [r for r in (self.icon_rect, self.text.rect if self.text else None) if r is not None]
        w = max(10.0, self.a.width * 4.2)
        out += [QRectF(tip.x() - w, tip.y() - w, 2 * w, 2 * w) for tip, _angle in self.heads]
        return out

    def segments(self) -> list[tuple[float, float, float, float]]:
        """A line's segments as drawn (labels keep off them as they keep off routes)."""
        if self.closed or self.path.isEmpty():
            return []
        out = []
        for poly in self.path.toSubpathPolygons():
            pts = [(poly[i].x(), poly[i].y()) for i in range(poly.size())]
            out += [(a[0], a[1], b[0], b[1]) for a, b in itertools.pairwise(pts)]
        return out


def _halo_for(color: str) -> str:
    c = QColor(color)
    return "#111111" if c.lightnessF() > 0.72 else "#ffffff"


def _screen(vp: Viewport, lon: float, lat: float) -> QPointF:
    x, y = projection.forward(lon, lat)
    sx, sy = vp.to_screen(x, y)
    return QPointF(sx, sy)


def _block(text: str, px: float, bold: bool, color: str, box: bool, centre: QPointF | None = None) -> TextBlock:
    """A text block of one or more lines, each aligned by its own direction, centred on ``centre``."""
    lines = [ln for ln in text.split("\n")] or [""]
    boxes = [text_box(ln, px, bold) for ln in lines]
    line_h = boxes[0].height() * 1.12
    w = max(b.width() for b in boxes)
    h = line_h * len(lines)
    pad = (6.0 if box else 2.0) * px / 13.0
    c = centre or QPointF(0, 0)
    left, top = c.x() - w / 2, c.y() - h / 2
    placed = []
    for i, (ln, b) in enumerate(zip(lines, boxes, strict=True)):
        rtl = is_rtl(ln)
        x = left + (w - b.width() if rtl else 0.0) if len(lines) > 1 else left
        placed.append((ln, QPointF(x, top + i * line_h + (line_h - b.height()) / 2 - b.top()), rtl))
    return TextBlock(placed, QRectF(left - pad, top - pad, w + 2 * pad, h + 2 * pad), px, bold, color,
                     _halo_for(color), box)


def _moved(block: TextBlock, d: QPointF) -> TextBlock:
    block.lines = [(t, p + d, r) for t, p, r in block.lines]
    block.rect = block.rect.translated(d)
    return block


def _icon_radius(a: Annotation, k: float) -> float:
    return {"dot": 5.5, "pin": 7.0, "star": 8.5, "square": 6.0, "number": 10.0}.get(a.icon, 6.0) * k


def _marker(a: Annotation, vp: Viewport, lang: str, k: float) -> Placed:
    p = _screen(vp, *a.points[0])
    r = _icon_radius(a, k)
    if a.icon == "pin":
        head = QPointF(p.x(), p.y() - 15 * k)
        icon = QRectF(head.x() - r - k, head.y() - r - k, 2 * r + 2 * k, 22 * k + r)
        centre = head
    else:
        icon = QRectF(p.x() - r - k, p.y() - r - k, 2 * r + 2 * k, 2 * r + 2 * k)
        centre = p
    out = Placed(a, anchor=p, icon_rect=icon, screen=[p])
    label = a.label(lang)
    if label:
        block = _block(label, pt_to_px(a.text_size) * k, True, a.color, a.frame == "box")
        d = a.direction if a.direction != "auto" else ("w" if lang == "ar" else "e")
        ux, uy = _DIRS[d]
        gap = r + (34 if a.leader else 5) * k
        w, h = block.rect.width(), block.rect.height()
        target = QPointF(centre.x() + ux * gap + math.copysign(w / 2, ux) * (ux != 0),
                         centre.y() + uy * gap + math.copysign(h / 2, uy) * (uy != 0))
        out.text = _moved(block, target - block.rect.center())
        if a.leader:
            out.leader = (QPointF(centre.x() + ux * (r + 2 * k), centre.y() + uy * (r + 2 * k)),
                          QPointF(centre.x() + ux * (gap - 2 * k), centre.y() + uy * (gap - 2 * k)))
    return out


def _line(a: Annotation, vp: Viewport, lang: str, k: float) -> Placed:
    pts = [_screen(vp, *p) for p in a.points]
    path = QPainterPath(pts[0])
    tuples = [(p.x(), p.y()) for p in pts]
    if a.curve and len(pts) == 2:
        c = curve_control(tuples[0], tuples[1], a.curve)
        path.quadTo(QPointF(*c), pts[1])
    else:
        for p in pts[1:]:
            path.lineTo(p)
    out = Placed(a, path=path, screen=pts)
    start, end = end_tangents(tuples, a.curve)
    if a.heads in ("end", "both"):
        out.heads.append((pts[-1], end))
    if a.heads in ("start", "both"):
        out.heads.append((pts[0], start + math.pi))
    label = a.label(lang)
    if label:
        (mx, my), angle = midpoint(tuples, a.curve)
        block = _block(label, pt_to_px(a.text_size) * k, a.kind == "distance", a.color, a.frame == "box")
        w, h = block.rect.width(), block.rect.height()
        # Beside the line, on the side that is up on the page, far enough that the box clears the line.
        nx, ny = math.sin(angle), -math.cos(angle)
        if ny > 0:
            nx, ny = -nx, -ny
        reach = abs(nx) * w / 2 + abs(ny) * h / 2 + (a.width / 2 + 3) * k
        out.text = _moved(block, QPointF(mx + nx * reach, my + ny * reach) - block.rect.center())
    return out


def _area(a: Annotation, vp: Viewport, lang: str, k: float) -> Placed:
    if a.shape == "circle":
        ring = [_screen(vp, *p) for p in circle_ring(a.points[0], a.radius_km)]
        screen = [_screen(vp, *a.points[0])]
    elif a.shape == "rectangle":
        p0, p1 = (_screen(vp, *p) for p in a.points)
        ring = [p0, QPointF(p1.x(), p0.y()), p1, QPointF(p0.x(), p1.y())]
        screen = [p0, p1]
    else:
        ring = [_screen(vp, *p) for p in a.points]
        screen = ring
    path = QPainterPath()
    path.addPolygon(QPolygonF(ring))
    path.closeSubpath()
    out = Placed(a, path=path, closed=True, screen=screen)
    label = a.label(lang)
    if label:
        cx, cy = polygon_centroid([(p.x(), p.y()) for p in ring])
        out.text = _block(label, pt_to_px(a.text_size) * k, True, a.color, a.frame == "box", QPointF(cx, cy))
    return out


def _callout(a: Annotation, vp: Viewport, lang: str, k: float) -> Placed:
    p = _screen(vp, *a.points[0])
    out = Placed(a, anchor=p, screen=[p])
    text = a.label(lang) or " "
    out.text = _block(text, pt_to_px(a.text_size) * k, False, a.color, a.frame == "box", p)
    return out


_MAKERS = {"marker": _marker, "line": _line, "distance": _line, "area": _area, "callout": _callout}
_cache: OrderedDict = OrderedDict()


def layout(state: MapState, k: float = 1.0) -> list[Placed]:
    """Every visible annotation of ``state`` on its viewport, in drawing order (cached per view)."""
    if not state.annotations:
        return []
    vp = state.viewport
    key = (state.annotations, vp.cx, vp.cy, vp.m_per_px, vp.width, vp.height, state.language, k)
    hit = _cache.get(key)
    if hit is not None:
        _cache.move_to_end(key)
        return hit
    out = [_MAKERS[a.kind](a, vp, state.language, k) for a in state.annotations if a.visible]
    _cache[key] = out
    if len(_cache) > 8:
        _cache.popitem(last=False)
    return out


def obstacles(placed: list[Placed]) -> tuple[QRectF, ...]:
    return tuple(r for p in placed for r in p.boxes())


def segments(placed: list[Placed]) -> tuple[tuple[float, float, float, float], ...]:
    return tuple(s for p in placed for s in p.segments())


# -- drawing

def _pen(color: str, width: float, dash: tuple[float, ...] = (), cap=Qt.PenCapStyle.RoundCap) -> QPen:
    pen = QPen(QColor(color), width, Qt.PenStyle.SolidLine, cap, Qt.PenJoinStyle.RoundJoin)
    if dash:
        pen.setDashPattern(list(dash))
    return pen


def _head(painter: QPainter, tip: QPointF, angle: float, width: float, color: str, halo: str, k: float) -> None:
    length = max(10.0 * k, 4.2 * width)
    half = length * 0.5
    back = QPointF(tip.x() - math.cos(angle) * length, tip.y() - math.sin(angle) * length)
    nx, ny = -math.sin(angle) * half, math.cos(angle) * half
    tri = QPolygonF([tip, QPointF(back.x() + nx, back.y() + ny), QPointF(back.x() - nx, back.y() - ny)])
    painter.setPen(_pen(halo, 1.6 * k))
    painter.setBrush(QColor(color))
    painter.drawPolygon(tri)


def _star(c: QPointF, r: float) -> QPolygonF:
    pts = []
    for i in range(10):
        rr = r if i % 2 == 0 else r * 0.42
        t = -math.pi / 2 + i * math.pi / 5
        pts.append(QPointF(c.x() + rr * math.cos(t), c.y() + rr * math.sin(t)))
    return QPolygonF(pts)


def _draw_icon(painter: QPainter, p: Placed, k: float, as_text: bool, raster: bool) -> None:
    a, pt = p.a, p.anchor
    r = _icon_radius(a, k)
    halo = _halo_for(a.color)
    painter.setPen(_pen(halo, 1.5 * k))
    painter.setBrush(QColor(a.color))
    if a.icon == "square":
        painter.drawRect(QRectF(pt.x() - r, pt.y() - r, 2 * r, 2 * r))
    elif a.icon == "star":
        painter.drawPolygon(_star(pt, r))
    elif a.icon == "pin":
        head = QPointF(pt.x(), pt.y() - 15 * k)
        path = QPainterPath(pt)
        path.cubicTo(QPointF(pt.x() - 2 * k, pt.y() - 6 * k), QPointF(head.x() - r * 1.05, head.y() + r * 0.9),
                     QPointF(head.x() - r, head.y()))
        path.arcTo(QRectF(head.x() - r, head.y() - r, 2 * r, 2 * r), 180, -180)
        path.cubicTo(QPointF(head.x() + r * 1.05, head.y() + r * 0.9), QPointF(pt.x() + 2 * k, pt.y() - 6 * k), pt)
        painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(halo))
        painter.drawEllipse(head, r * 0.38, r * 0.38)
    elif a.icon == "number":
        painter.drawEllipse(pt, r, r)
        text = str(a.number)
        px = r * (1.15 if len(text) < 2 else 0.95)
        b = text_box(text, px, True)
        draw_halo_text(painter, text, QPointF(pt.x() - b.width() / 2, pt.y() - b.top() - b.height() / 2), px, halo,
                       None, bold=True, as_text=as_text, raster=raster)
    else:
        painter.drawEllipse(pt, r, r)


def draw_shapes(painter: QPainter, placed: list[Placed], k: float, as_text: bool = False,
                raster: bool = False) -> None:
    """Areas, lines, arrowheads, leader lines and marker icons (under the map's labels)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for p in placed:
        a = p.a
        width = a.width * k
        dash = DASHES.get(a.dash, ())
        if p.closed:
            fill = QColor(a.fill or a.color)
            fill.setAlphaF(a.fill_opacity)
            painter.fillPath(p.path, QBrush(fill))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(_pen(a.color, width, dash))
            painter.drawPath(p.path)
        elif not p.path.isEmpty():
            halo = _halo_for(a.color)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(_pen(halo, width + 2.5 * k, (), Qt.PenCapStyle.RoundCap))
            painter.drawPath(p.path)
            painter.setPen(_pen(a.color, width, dash, Qt.PenCapStyle.FlatCap if dash else Qt.PenCapStyle.RoundCap))
            painter.drawPath(p.path)
            for tip, angle in p.heads:
                _head(painter, tip, angle, width, a.color, halo, k)
        if p.leader is not None:
            painter.setPen(_pen(a.color, 1.3 * k))
            painter.drawLine(*p.leader)
        if a.kind == "marker":
            _draw_icon(painter, p, k, as_text, raster)
    painter.restore()


def draw_texts(painter: QPainter, placed: list[Placed], k: float, as_text: bool = False,
               raster: bool = False) -> None:
    """The annotations' texts, over everything else."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for p in placed:
        t = p.text
        if t is None:
            continue
        if t.box:
            painter.setPen(_pen(t.color, 1.2 * k))
            painter.setBrush(QColor(t.halo))
            painter.drawRoundedRect(t.rect, 3 * k, 3 * k)
        for line, origin, _rtl in t.lines:
            if line.strip():
                draw_halo_text(painter, line, origin, t.px, t.color, None if t.box else t.halo, bold=t.bold,
                               as_text=as_text, halo_width=3 * k, raster=raster)
    painter.restore()


# -- for the editor

def hit(placed: list[Placed], pos: QPointF, tol: float) -> Annotation | None:
    """The topmost annotation under ``pos`` (its text, icon, line or area), within ``tol`` px."""
    stroker = QPainterPathStroker()
    stroker.setWidth(2 * tol)
    for p in reversed(placed):
        near = QRectF(pos.x() - tol, pos.y() - tol, 2 * tol, 2 * tol)
        if any(r.intersects(near) for r in p.boxes()):
            return p.a
        if p.anchor is not None and QRectF(p.anchor.x() - tol, p.anchor.y() - tol, 2 * tol, 2 * tol).contains(pos):
            return p.a
        if not p.path.isEmpty():
            stroker.setWidth(2 * tol + p.a.width)
            if stroker.createStroke(p.path).contains(pos) or (p.closed and p.path.contains(pos)):
                return p.a
    return None


def handles(p: Placed, vp: Viewport) -> list[tuple[tuple, QPointF]]:
    """Where the reshape handles go: ("pt", i) for each point, ("curve",) for a 2-point line's bend,
    ("radius",) for a circle's edge."""
    a = p.a
    out: list[tuple[tuple, QPointF]] = [(("pt", i), q) for i, q in enumerate(p.screen)]
    if a.kind == "line" and len(p.screen) == 2:
        s0, s1 = (p.screen[0].x(), p.screen[0].y()), (p.screen[1].x(), p.screen[1].y())
        c = curve_control(s0, s1, a.curve)
        out.append((("curve",), QPointF(0.25 * s0[0] + 0.5 * c[0] + 0.25 * s1[0],
                                        0.25 * s0[1] + 0.5 * c[1] + 0.25 * s1[1])))
    if a.kind == "area" and a.shape == "circle":
        east = circle_ring(a.points[0], a.radius_km)[24]  # a quarter of the way round: due east
        out.append((("radius",), _screen(vp, *east)))
    return out


__all__ = ["Placed", "draw_shapes", "draw_texts", "handles", "hit", "layout", "obstacles"]
