"""paint(state, painter): the one map painter for the canvas, PNG, SVG and PDF.

It draws a :class:`~corridor_viewer.model.mapstate.MapState` — an immutable value — never the live
document, so an export or a slide can be drawn while the user works, and draws exactly what it was given.
"""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF, QTransform

from corridor_viewer.model import projection
from corridor_viewer.model.feature import Feature
from corridor_viewer.model.mapstate import LayerView, MapState
from corridor_viewer.model.style import Marker, Style
from corridor_viewer.model.viewport import Viewport
from corridor_viewer.render import annotations as annotation_layer
from corridor_viewer.render import batch, raster
from corridor_viewer.render import labels as label_engine
from corridor_viewer.render.text import draw_halo_text, font, pt_to_px, text_box

HIGHLIGHT = "#ffb000"
HOVER = "#ffd866"


@dataclass
class PaintOptions:
    """How to draw (not what: that is the MapState)."""

    labels: bool = True
    decorations: bool = True  # scale bar and north arrow
    highlight: bool = True
    text_as_text: bool = False  # SVG: keep labels as <text>
    ui_scale: float = 1.0  # multiplies widths and text (exports at poster sizes)
    raster_labels: bool = True  # blit cached label sprites (screen, PNG); False for PDF/SVG
    only_groups: frozenset[str] | None = None  # draw only these layer groups (export inset)
    high_contrast: bool = False  # projectors: thicker routes, black labels on heavy white halos
    obstacles: tuple[QRectF, ...] = ()  # rectangles labels must keep clear of (an export's inset, arrow, bar)
    annotations: bool = True  # the state's annotations (markers, arrows, callouts …)
    ink: str = "#222222"  # scale bar and north arrow (a house style's dark page lightens them)
    paper: str = "#ffffff"


# Projected paths are built once per feature and reused for every paint (design for 8 ms repaints).
_paths: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # Layer -> {feature id: QPainterPath}


def _path_for(f: Feature, layer) -> QPainterPath:
    cache = _paths.get(layer)
    if cache is None:
        cache = _paths[layer] = {}
    path = cache.get(f.id)
    if path is None:
        path = QPainterPath()
        g = f.geometry
        if g.kind == "polygon":
            path.setFillRule(Qt.FillRule.OddEvenFill)
            for rings in g.parts:
                for ring in rings:
                    path.addPolygon(QPolygonF([QPointF(x, -y) for x, y in ring]))
                    path.closeSubpath()
        elif g.kind == "line":
            for part in g.parts:
                path.addPolygon(QPolygonF([QPointF(x, -y) for x, y in part[0]]))
        cache[f.id] = path
    return path


def world_transform(vp: Viewport) -> QTransform:
    """Maps the cached (x, -y) paths to logical pixels."""
    s = 1.0 / vp.m_per_px
    return QTransform(s, 0, 0, s, vp.width / 2 - vp.cx * s, vp.height / 2 + vp.cy * s)


_CAPS = {"round": Qt.PenCapStyle.RoundCap, "flat": Qt.PenCapStyle.FlatCap, "square": Qt.PenCapStyle.SquareCap}
_pens: dict[tuple, QPen] = {}


def make_pen(color: str, width: float, dash: tuple[float, ...] = (), cap: str = "flat") -> QPen:
    """A pen, cached (a repaint asks for the same few pens thousands of times)."""
    key = (color, width, dash, cap)
    pen = _pens.get(key)
    if pen is None:
        pen = QPen(QColor(color), width)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        pen.setCapStyle(_CAPS.get(cap, Qt.PenCapStyle.FlatCap))
        if dash:
            pen.setDashPattern(list(dash))
        if len(_pens) > 512:
            _pens.clear()
        _pens[key] = pen
    return pen


def _fill_color(style: Style) -> QColor | None:
    if not style.fill:
        return None
    c = QColor(style.fill)
    c.setAlphaF(max(0.0, min(1.0, style.fill_opacity)))
    return c


def _draw_marker_shape(painter: QPainter, pt: QPointF, m: Marker, k: float, outline: str | None = None,
                       extra: float = 0.0) -> None:
    r = (m.size / 2 + extra) * k
    painter.setPen(make_pen(outline or m.stroke, m.stroke_width * k))
    painter.setBrush(QColor(m.fill))
    if m.shape == "square":
        painter.drawRect(QRectF(pt.x() - r, pt.y() - r, 2 * r, 2 * r))
    elif m.shape == "diamond":
        painter.drawPolygon(QPolygonF([pt + QPointF(0, -r * 1.25), pt + QPointF(r * 1.25, 0),
                                       pt + QPointF(0, r * 1.25), pt + QPointF(-r * 1.25, 0)]))
    else:
        painter.drawEllipse(pt, r, r)


def _add_marker_shape(path: QPainterPath, x: float, y: float, m: Marker, k: float) -> None:
    r = m.size / 2 * k
    if m.shape == "square":
        path.addRect(QRectF(x - r, y - r, 2 * r, 2 * r))
    elif m.shape == "diamond":
        path.addPolygon(QPolygonF([QPointF(x, y - r * 1.25), QPointF(x + r * 1.25, y), QPointF(x, y + r * 1.25),
                                   QPointF(x - r * 1.25, y), QPointF(x, y - r * 1.25)]))
    else:
        path.addEllipse(QPointF(x, y), r, r)


def draw_marker(painter: QPainter, pt: QPointF, style: Style, k: float = 1.0, outline: str | None = None,
                extra: float = 0.0) -> None:
    if style.marker is not None:
        _draw_marker_shape(painter, pt, style.marker, k, outline, extra)


def _visible(b: tuple[float, float, float, float], view: tuple[float, float, float, float]) -> bool:
    return not (b[2] < view[0] or b[0] > view[2] or b[3] < view[1] or b[1] > view[3])


def _offset_path(f: Feature, vp: Viewport, offset_px: float) -> QPainterPath:
    """The line shifted ``offset_px`` to the left of its direction, in screen pixels (two routes that share
    one track are drawn side by side, so both read)."""
    path = QPainterPath()
    for part in f.geometry.parts:
        pts = [vp.to_screen(x, y) for x, y in part[0]]
        out = []
        for i, (x, y) in enumerate(pts):
            ax, ay = pts[max(0, i - 1)]
            bx, by = pts[min(len(pts) - 1, i + 1)]
            dx, dy = bx - ax, by - ay
            d = math.hypot(dx, dy) or 1.0
            out.append(QPointF(x + dy / d * offset_px, y - dx / d * offset_px))
        path.addPolygon(QPolygonF(out))
    return path


# How a route's status reads besides its dash: a proposed route's gaps show a pale tint of its own
# colour (a plan, not a road), one under construction a stronger tint; a built one is solid on white.
_CASING_TINT = {"proposed": 0.25, "under-construction": 0.5}


def _tint(color: str, amount: float) -> str:
    c = QColor(color)
    r, g, b = (round(255 - (255 - v) * amount) for v in (c.red(), c.green(), c.blue()))
    return QColor(r, g, b).name()


def _line_path(f: Feature, lv, tf: QTransform, vp: Viewport, style: Style, k: float) -> QPainterPath:
    if style.offset:
        return _offset_path(f, vp, style.offset * k)
    return tf.map(_path_for(f, lv.layer))


def _stroke_line(painter: QPainter, path: QPainterPath, style: Style, width: float, status: str, casing: bool,
                 k: float) -> None:
    if casing:
        tint = _CASING_TINT.get(status) if style.dash else None
        painter.setPen(make_pen(_tint(style.stroke, tint) if tint else "#ffffff", width + 2.0 * k, (), "round"))
        painter.drawPath(path)
    painter.setPen(make_pen(style.stroke, width, tuple(style.dash), style.cap))
    painter.drawPath(path)


def _draw_feature(painter: QPainter, lv: LayerView, f: Feature, tf: QTransform, vp: Viewport, k: float,
                  state: str) -> None:
    # The timeline's state (e.g. proposed in 2023, under construction in 2025) picks the dash.
    style = lv.style.for_feature(f.id, f.kind, state)
    g = f.geometry
    if g.kind == "point":
        x, y = vp.to_screen(*g.point)
        draw_marker(painter, QPointF(x, y), style, k)
        return
    if g.kind == "line":
        painter.setBrush(Qt.BrushStyle.NoBrush)
        width = (style.line_width or style.width) * k
        # A casing keeps a route readable over any fill beneath it (routes only: rivers and context lines
        # don't need it, and each stroke costs paint time).
        casing = lv.group == "routes" and style.opacity >= 0.9 and width >= 2
        _stroke_line(painter, _line_path(f, lv, tf, vp, style, k), style, width, state, casing, k)
        return
    path = tf.map(_path_for(f, lv.layer))
    if g.kind == "polygon":
        fill = _fill_color(style)
        if fill is not None:
            # Interiors without antialiasing (half the cost); the antialiased outline drawn next
            # covers the stair-steps along the edge.
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.fillPath(path, QBrush(fill))
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if style.width > 0:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(make_pen(style.stroke, style.width * k, tuple(style.dash)))
            painter.drawPath(path)


def _draw_highlight(painter: QPainter, state: MapState, f: Feature, tf: QTransform, color: str, k: float) -> None:
    """A halo *under* the feature, which is then drawn again in its own colours and dashes on top, so the
    highlight never hides what the feature is (its status is in its dash)."""
    lv = state.layer_of(f)
    if lv is None:
        return
    vp = state.viewport
    feats = [f]
    if lv.style.umbrella_hidden:  # an umbrella shows through its segments
        feats += [s for s in lv.features if s.part_of == f.id]
    halo = QColor(color)
    halo.setAlphaF(0.75)
    for item in feats:
        g = item.geometry
        status = state.status_of(item)
        if status is None:
            continue
        style = lv.style.for_feature(item.id, item.kind, status)
        if g.kind == "point":
            x, y = vp.to_screen(*g.point)
            if style.marker is not None:
                r = (style.marker.size / 2 + 5) * k
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(halo)
                painter.drawEllipse(QPointF(x, y), r, r)
                draw_marker(painter, QPointF(x, y), style, k)
            continue
        if g.kind == "polygon" and item is not f and any(s.part_of == item.id for s in lv.features):
            continue
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if g.kind == "line":
            width = (style.line_width or style.width) * k
            path = _line_path(item, lv, tf, vp, style, k)
            painter.setPen(QPen(halo, width + 9 * k, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                                Qt.PenJoinStyle.RoundJoin))
            painter.drawPath(path)
            _stroke_line(painter, path, style, width, status, True, k)
        else:
            path = tf.map(_path_for(item, lv.layer))
            painter.setPen(QPen(halo, 7 * k, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                                Qt.PenJoinStyle.RoundJoin))
            painter.drawPath(path)
            if style.width > 0:
                painter.setPen(make_pen(style.stroke, max(style.width, 1.5) * k, tuple(style.dash)))
                painter.drawPath(path)


def paint(state: MapState, painter: QPainter, options: PaintOptions | None = None) -> None:
    """Draw ``state`` onto any QPainter (widget, QImage, QPdfWriter, QSvgGenerator), at its viewport's size."""
    opt = options or PaintOptions()
    paint_base(state, painter, opt)
    paint_overlay(state, painter, opt)


def _draw_raster_layer(painter: QPainter, lv, vp: Viewport) -> None:
    src = lv.layer.raster
    if not src.shown_at(vp.m_per_px):  # zoomed in past its pixels it is blur, not terrain
        return
    try:
        image = raster.cached_raster(src.path, src.blend)
    except OSError:
        return  # a damaged image file leaves the map as it is without it (the layer list still shows it)
    painter.save()
    painter.setOpacity(1.0)
    raster.draw_raster(painter, image, src.bounds_m, vp.to_screen, (vp.width, vp.height),
                       opacity=src.opacity * lv.opacity)
    painter.restore()


def paint_base(state: MapState, painter: QPainter, opt: PaintOptions) -> None:
    """The layers themselves: what the canvas caches between hover and selection changes."""
    k = opt.ui_scale
    vp = state.viewport
    vector = opt.text_as_text or not opt.raster_labels
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.fillRect(QRectF(0, 0, vp.width, vp.height), QColor(state.background))
    tf = world_transform(vp)
    view = vp.world_bounds
    dim = state.dim_except
    for lv in state.layers:
        if not lv.visible or (opt.only_groups is not None and lv.group not in opt.only_groups):
            continue
        if lv.layer.raster is not None:
            _draw_raster_layer(painter, lv, vp)
            continue
        base_opacity = lv.opacity * lv.style.base.opacity
        boost = 1.7 if opt.high_contrast and lv.group in ("routes", "regions", "places") else 1.0
        if batch.is_big(lv.layer):
            batch.draw_groups(painter, lv, state, tf, k * boost, base_opacity, vector=vector, pen_for=make_pen,
                              fill_for=_fill_color, draw_marker=_draw_marker_shape, marker_shape=_add_marker_shape)
            continue
        for f in lv.drawn_features():
            if not _visible(f.geometry.bounds, view):
                continue
            status = state.status_of(f)
            if status is None:  # not yet announced or built on the state's date
                continue
            dimmed = dim is not None and f.id not in dim and f.part_of not in dim
            painter.setOpacity(base_opacity * (0.25 if dimmed and lv.group != "context" else 1.0))
            _draw_feature(painter, lv, f, tf, vp, k * boost, status)
    painter.restore()


def paint_overlay(state: MapState, painter: QPainter, opt: PaintOptions) -> list[tuple[str, QRectF]]:
    """Highlights, labels and map furniture, drawn over the layers on every paint; returns the placed labels."""
    lang = state.language
    k = opt.ui_scale
    vp = state.viewport
    tf = world_transform(vp)
    placed: list[tuple[str, QRectF]] = []
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if opt.highlight:
        if state.hover and state.hover not in state.selection:
            hf = state.feature(state.hover)
            lv = state.layer_of(hf) if hf is not None else None
            if hf is not None and lv is not None and lv.visible:
                _draw_highlight(painter, state, hf, tf, HOVER, k)
        for fid in state.selection:
            sf = state.feature(fid)
            if sf is not None:
                _draw_highlight(painter, state, sf, tf, HIGHLIGHT, k)
    notes = annotation_layer.layout(state, k) if opt.annotations else []
    if notes:
        annotation_layer.draw_shapes(painter, notes, k, opt.text_as_text, raster=opt.raster_labels)
    if opt.labels:
        obstacles = opt.obstacles + ((scale_bar_rect(vp, lang, k), north_arrow_rect(vp, k)) if opt.decorations else ())
        # Map labels keep clear of the annotations' texts and markers: what the user added is never covered.
        obstacles += annotation_layer.obstacles(notes)
        placed = label_engine.draw_labels(painter, state, k, opt.text_as_text, raster=opt.raster_labels,
                                          high_contrast=opt.high_contrast, obstacles=obstacles,
                                          lines=annotation_layer.segments(notes))
    if notes:
        annotation_layer.draw_texts(painter, notes, k, opt.text_as_text, raster=opt.raster_labels)
    if opt.decorations:
        draw_scale_bar(painter, vp, lang, k, opt.text_as_text, raster=opt.raster_labels, ink=opt.ink, paper=opt.paper)
        draw_north_arrow(painter, vp, k, opt.text_as_text, raster=opt.raster_labels, ink=opt.ink, paper=opt.paper)
    painter.restore()
    return placed


def _scale_bar_origin(vp: Viewport, lang: str, k: float, anchor: QPointF | None) -> tuple[float, float, float, float]:
    """The bar's length (km, px) and where it starts: bottom left (bottom right in Arabic), or ``anchor``."""
    km, px = vp.scale_bar(min(140 * k, max(40 * k, 0.3 * vp.width)))  # its end label stays on a small map
    margin = 16 * k
    x0 = (vp.width - margin - px) if lang == "ar" else margin
    y0 = vp.height - margin - 6 * k
    if anchor is not None:
        x0, y0 = anchor.x(), anchor.y()
    return km, px, x0, y0


def scale_bar_rect(vp: Viewport, lang: str, k: float = 1.0, anchor: QPointF | None = None) -> QRectF:
    """Where draw_scale_bar draws (labels keep clear of it)."""
    _km, px, x0, y0 = _scale_bar_origin(vp, lang, k, anchor)
    return QRectF(x0 - 6 * k - 12 * k, y0 - 24 * k, px + 12 * k + 24 * k, 34 * k)


def north_arrow_rect(vp: Viewport, k: float = 1.0, centre: QPointF | None = None) -> QRectF:
    c = centre or QPointF(vp.width - 30 * k, 40 * k)
    return QRectF(c.x() - 21 * k, c.y() - 21 * k, 42 * k, 42 * k + 10 * k)


def _paper(color: str) -> QColor:
    c = QColor(color)
    c.setAlpha(210)
    return c


def draw_scale_bar(painter: QPainter, vp: Viewport, lang: str, k: float = 1.0, as_text: bool = False,
                   anchor: QPointF | None = None, raster: bool = False, ink: str = "#222222",
                   paper: str = "#ffffff") -> None:
    km, px, x0, y0 = _scale_bar_origin(vp, lang, k, anchor)
    rtl = lang == "ar"
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(_paper(paper))
    painter.drawRoundedRect(QRectF(x0 - 6 * k, y0 - 24 * k, px + 12 * k, 34 * k), 4 * k, 4 * k)
    half = px / 2
    painter.setBrush(QColor(ink))
    painter.drawRect(QRectF(x0, y0, half, 5 * k))
    painter.setBrush(QColor(paper))
    painter.setPen(make_pen(ink, 1 * k))
    painter.drawRect(QRectF(x0 + half, y0, half, 5 * k))
    painter.drawRect(QRectF(x0, y0, px, 5 * k))
    value = f"{km:g}"
    text = f"{value} كم" if rtl else f"{value} km"
    px_font = 11 * k
    for t, x in (("0", x0), (text, x0 + px)):
        box = text_box(t, px_font)
        draw_halo_text(painter, t, QPointF(x - box.width() / 2, y0 - 5 * k), px_font, ink, None,
                       as_text=as_text, raster=raster)


def draw_north_arrow(painter: QPainter, vp: Viewport, k: float = 1.0, as_text: bool = False,
                     centre: QPointF | None = None, raster: bool = False, ink: str = "#222222",
                     paper: str = "#ffffff") -> None:
    """North arrow rotated by the conic's meridian convergence at the view centre."""
    lon, _ = projection.inverse(vp.cx, vp.cy)
    gamma = projection._N * math.radians(lon - projection.LON0)
    c = centre or QPointF(vp.width - 30 * k, 40 * k)
    painter.save()
    painter.translate(c)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(_paper(paper))
    painter.drawEllipse(QPointF(0, 0), 20 * k, 20 * k)
    painter.rotate(-math.degrees(gamma))
    r = 15 * k
    painter.setBrush(QColor(ink))
    painter.drawPolygon(QPolygonF([QPointF(0, -r), QPointF(6 * k, 4 * k), QPointF(0, 0)]))
    painter.setBrush(QColor(paper))
    painter.setPen(make_pen(ink, 1 * k))
    painter.drawPolygon(QPolygonF([QPointF(0, -r), QPointF(-6 * k, 4 * k), QPointF(0, 0)]))
    painter.restore()
    painter.setFont(font(10 * k, True))
    draw_halo_text(painter, "N", c + QPointF(-4 * k, 16 * k), 10 * k, ink, paper, bold=True,
                   as_text=as_text, halo_width=2 * k, raster=raster)


__all__ = ["PaintOptions", "draw_marker", "make_pen", "paint", "pt_to_px", "world_transform"]
