"""The legend a reader understands: one entry per distinct symbol actually on the map.

Region fills are listed by name (Syunik, Nakhchivan and Karabakh have their own colours), each route with
its real line, point symbols by what they mark (town, checkpoint, consulate…), the selection when there
is one, and the status key (what a dash means) in a row of its own. Entries wrap whole, never mid-entry,
and the whole legend mirrors for Arabic.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen

from corridor_viewer.export.legend_items import legend_entries, status_entries
from corridor_viewer.model.mapstate import MapState
from corridor_viewer.model.style import Style
from corridor_viewer.render.paint import HIGHLIGHT, _fill_color, _stroke_line, draw_marker, make_pen
from corridor_viewer.render.text import draw_halo_text, font, text_box

SELECTED = {"en": "Selected", "ar": "المحدَّد"}


@dataclass
class Entry:
    title: str
    kind: str  # fill | line | marker | status | selection
    style: Style | None = None
    status: str = ""
    row: int = 0  # 0: symbols; 1: the status key
    names: tuple[str, ...] = ()  # a selection entry's names, to shorten it to the band's width
    lang: str = "en"


_KIND = {"polygon": "fill", "line": "line", "point": "marker"}


def entries(state: MapState, lang: str, *, selection: bool = True) -> list[Entry]:
    """What the legend lists for the map ``state`` shows: legend_items' entries (shared with the HTML page),
    the selection when there is one, and the status key in a row of its own."""
    shown = state.with_extent(state.extent)
    out = [Entry(e.title, _KIND[e.geometry], e.style) for e in legend_entries(_in_view(shown), lang)]
    if selection and state.selection:
        names = [state.feature(fid).label(lang) for fid in state.selection if state.feature(fid) is not None]
        if names:
            out.append(_selection_entry(tuple(names), lang, len(names)))
    out += [Entry(e.title, "status", status=e.status or "", row=1) for e in status_entries(_in_view(shown), lang)]
    return out


def _in_view(state: MapState) -> MapState:
    """The state with only the features inside its extent (the legend lists what the reader can see)."""
    from corridor_viewer.model.feature import Layer
    from corridor_viewer.model.mapstate import LayerView

    x0, y0, x1, y1 = state.extent
    layers = []
    for lv in state.layers:
        feats = [f for f in lv.features if not (f.geometry.bounds[2] < x0 or f.geometry.bounds[0] > x1
                                                or f.geometry.bounds[3] < y0 or f.geometry.bounds[1] > y1)]
        layer = Layer(lv.layer.id, lv.layer.title, lv.style, lv.layer.z, lv.layer.group, feats, lv.visible,
                      lv.opacity)
        layers.append(LayerView(layer, lv.visible, lv.opacity, lv.style))
    return state.with_(layers=tuple(layers))


def _swatch(painter: QPainter, e: Entry, rect: QRectF, k: float, status_dash: dict) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    y = rect.center().y()
    line = QPainterPath(QPointF(rect.left() + 2 * k, y))
    line.lineTo(QPointF(rect.right() - 2 * k, y))
    if e.kind == "fill" and e.style is not None:
        fill = _fill_color(e.style)
        painter.setBrush(fill if fill else Qt.BrushStyle.NoBrush)
        painter.setPen(make_pen(e.style.stroke, max(1.0, e.style.width) * k, tuple(e.style.dash)))
        painter.drawRect(rect.adjusted(2 * k, 2 * k, -2 * k, -2 * k))
    elif e.kind == "line" and e.style is not None:
        width = min(e.style.line_width or e.style.width, 6.0) * k
        st = replace(e.style, offset=0.0)  # its most common dash (legend_items): a dash never reads as "existing"
        _stroke_line(painter, line, st, width, e.status, True, k)
    elif e.kind == "marker" and e.style is not None:
        draw_marker(painter, rect.center(), e.style, k)
    elif e.kind == "selection":
        halo = QColor(HIGHLIGHT)
        halo.setAlphaF(0.75)
        painter.setPen(QPen(halo, 9 * k, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawPath(line)
        painter.setPen(make_pen("#555555", 2 * k, (), "round"))
        painter.drawPath(line)
    elif e.kind == "status":
        dash = status_dash.get(e.status, ())
        st = Style(stroke="#444444", width=2.4, dash=tuple(dash), cap="flat")
        _stroke_line(painter, line, st, 2.4 * k, e.status, True, k)
    painter.restore()


SW, SH, GAP, ITEM_GAP = 30.0, 14.0, 6.0, 22.0


MORE = {"en": "and {n} more", "ar": "وغيرها ({n})"}  # ar: "and others (n)", right for any n


def _selection_entry(names: tuple[str, ...], lang: str, keep: int) -> Entry:
    """'Selected: A; B and 3 more'. A semicolon between names, as a name may hold a comma of its own
    ('Left to the Karabakh Armenian authorities, Nov 2020 - Sep 2023')."""
    shown = list(names[:keep])
    if keep < len(names):
        shown.append(MORE.get(lang, MORE["en"]).format(n=len(names) - keep))
    joined = ("؛ " if lang == "ar" else "; ").join(shown)
    return Entry(f"{SELECTED.get(lang, SELECTED['en'])}: {joined}", "selection", names=names, lang=lang)


def _fitted(e: Entry, width: float, px: float, k: float) -> Entry:
    """A selection entry shortened by whole names until it fits the band (never cut at the page's edge)."""
    if e.kind != "selection" or not e.names:
        return e
    keep = min(len(e.names), 4)
    fitted = _selection_entry(e.names, e.lang, keep)
    while keep > 1 and _sizes(fitted, px, k) > width:
        keep -= 1
        fitted = _selection_entry(e.names, e.lang, keep)
    if _sizes(fitted, px, k) > width:  # one long name: elide its end
        fm = QFontMetricsF(font(px))
        avail = max(10.0, width - SW * k - GAP * k)
        return Entry(fm.elidedText(fitted.title, Qt.TextElideMode.ElideRight, avail), "selection",
                     names=e.names, lang=e.lang)
    return fitted


def _muted(ink: str) -> str:
    """The status key's text: a little lighter than the legend's ink (or darker, on a dark page)."""
    c = QColor(ink)
    return "#444444" if c.lightnessF() < 0.5 else c.darker(125).name()


def _sizes(e: Entry, px: float, k: float) -> float:
    return SW * k + GAP * k + text_box(e.title, px if e.row == 0 else px * 0.92).width()


def band_height(items: list[Entry], width: float, k: float) -> float:
    return _layout(items, width, k)[1]


def _layout(items: list[Entry], width: float, k: float) -> tuple[list[tuple[Entry, float, float]], float]:
    """(entry, x, y) of each entry, in reading order from the start edge, and the band's height."""
    px = 12.5 * k
    row_h = max(SH * k, px * 1.4)
    out = []
    x = y = 0.0
    last_row = 0
    for e in items:
        e = _fitted(e, width, px, k)
        w = _sizes(e, px, k)
        if (e.row != last_row and x > 0) or (x > 0 and x + w > width):
            x, y = 0.0, y + row_h + 4 * k
        out.append((e, x, y))
        x += w + ITEM_GAP * k
        last_row = e.row
    return out, (y + row_h if items else 0.0)


def draw_band(painter: QPainter, items: list[Entry], lang: str, x: float, y: float, width: float, k: float,
              vector: bool, status_dash: dict, ink: str = "#1a1a1a") -> float:
    """Draw the legend as rows of entries above the map (it never hides the map); returns its height."""
    px = 12.5 * k
    rtl = lang == "ar"
    row_h = max(SH * k, px * 1.4)
    placed, height = _layout(items, width, k)
    for e, ex, ey in placed:
        tpx = px if e.row == 0 else px * 0.92
        w = _sizes(e, px, k)
        left = x + width - ex - w if rtl else x + ex
        sx = left + w - SW * k if rtl else left
        sy = y + ey + (row_h - SH * k) / 2
        _swatch(painter, e, QRectF(sx, sy, SW * k, SH * k), k, status_dash)
        tx = left if rtl else left + SW * k + GAP * k
        color = ink if e.row == 0 else _muted(ink)
        draw_halo_text(painter, e.title, QPointF(tx, y + ey + row_h * 0.72), tpx, color, None, as_text=vector,
                       raster=not vector)
    return height
