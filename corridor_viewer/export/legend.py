"""The legend a reader understands: one entry per distinct symbol actually on the map.

Region fills are listed by name (Syunik, Nakhchivan and Karabakh have their own colours), each route with
its real line, point symbols by what they mark (town, checkpoint, consulate…), the selection when there
is one, and the status key (what a dash means) in a row of its own. Entries wrap whole, never mid-entry,
and the whole legend mirrors for Arabic.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from corridor_viewer.model.mapstate import LayerView, MapState
from corridor_viewer.model.style import Style
from corridor_viewer.render.labels import label_text
from corridor_viewer.render.paint import HIGHLIGHT, _fill_color, _stroke_line, draw_marker, make_pen
from corridor_viewer.render.text import draw_halo_text, text_box

KINDS = {
    "en": {"town": "town", "city": "city", "village": "village", "capital": "capital", "checkpoint": "checkpoint",
           "border-crossing": "border crossing", "consulate": "consulate", "military-base": "military base",
           "mission-hq": "EU mission headquarters", "note": "event", "railway-station": "station",
           "bridge": "bridge", "port": "port", "enclave": "enclave", "village-area": "returned villages"},
    "ar": {"town": "بلدة", "city": "مدينة", "village": "قرية", "capital": "عاصمة", "checkpoint": "نقطة تفتيش",
           "border-crossing": "معبر حدودي", "consulate": "قنصلية", "military-base": "قاعدة عسكرية",
           "mission-hq": "مقر بعثة الاتحاد الأوروبي", "note": "حدث", "railway-station": "محطة",
           "bridge": "جسر", "port": "ميناء", "enclave": "جيب", "village-area": "القرى المُعادة"},
}
STATUS_KEY = {
    "en": {"proposed": "proposed", "under-construction": "under construction", "existing": "existing",
           "historical": "historical / closed"},
    "ar": {"proposed": "مقترح", "under-construction": "قيد الإنشاء", "existing": "قائم",
           "historical": "تاريخي / مغلق"},
}
SELECTED = {"en": "Selected", "ar": "المحدَّد"}
STATUS_ORDER = ("proposed", "under-construction", "existing", "historical")


@dataclass
class Entry:
    title: str
    kind: str  # fill | line | marker | status | selection
    style: Style | None = None
    status: str = ""
    row: int = 0  # 0: symbols; 1: the status key


def _in_view(state: MapState, lv: LayerView) -> list:
    x0, y0, x1, y1 = state.extent
    out = []
    for f in lv.drawn_features():
        b = f.geometry.bounds
        if b[2] < x0 or b[0] > x1 or b[3] < y0 or b[1] > y1:
            continue
        status = state.status_of(f)
        if status is not None:
            out.append((f, status))
    return out


def entries(state: MapState, lang: str, *, selection: bool = True) -> list[Entry]:
    """What the legend lists for the map ``state`` shows (its extent, its date)."""
    out: list[Entry] = []
    seen: set = set()
    statuses: set[str] = set()
    kinds = KINDS.get(lang, KINDS["en"])
    for lv in reversed(state.layers):  # top of the map first, as the layers panel lists them
        if not lv.visible or lv.group == "context":
            continue
        shown = _in_view(state, lv)
        styles = {}
        for f, status in shown:
            st = lv.style.for_feature(f.id, f.kind, status)
            if f.geometry.kind == "line" and lv.style.base.use_status_dash:
                statuses.add("historical" if status == "closed" else status)
            styles.setdefault((f.geometry.kind, _symbol(st, f.geometry.kind)), []).append((f, st, status))
        # A layer whose features share one look is one entry under the layer's name; a layer of several
        # looks (regions, dated control states) lists each look under the name of what it shows.
        by_name = len(styles) > 1
        for (geom, symbol), items in styles.items():
            if (geom, symbol) in seen and geom != "point":
                continue
            seen.add((geom, symbol))
            f, st, status = items[0]
            if geom == "point":
                title = kinds.get(f.kind, f.kind.replace("-", " ")) if f.kind else lv.title_for(lang)
                if (title, symbol) in seen:
                    continue
                seen.add((title, symbol))
                out.append(Entry(title, "marker", st))
            elif geom == "line":
                out.append(Entry(label_text(f, lang, False, status) if by_name and lv.group != "routes"
                                 else lv.title_for(lang), "line", st, "existing" if not st.dash else status))
            else:
                names = [label_text(x, lang, False, s) for x, _st, s in items[:2]]
                out.append(Entry(" / ".join(names) if by_name else lv.title_for(lang), "fill", st))
    if selection and state.selection:
        names = [state.feature(fid).label(lang) for fid in state.selection[:2] if state.feature(fid) is not None]
        if names:
            out.append(Entry(f"{SELECTED.get(lang, SELECTED['en'])}: {', '.join(names)}", "selection"))
    keys = STATUS_KEY.get(lang, STATUS_KEY["en"])
    for status in STATUS_ORDER:
        if status in statuses:
            out.append(Entry(keys[status], "status", status=status, row=1))
    return out


def _symbol(st: Style, geom: str) -> tuple:
    if geom == "point":
        m = st.marker
        return (m.shape, m.fill, m.stroke, m.size) if m else ()
    if geom == "line":
        return (st.stroke, round(st.line_width or st.width, 1))  # the dash tells the status (the key row)
    return (st.fill, st.stroke, st.dash, round(st.fill_opacity, 2))


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
        st = replace(e.style, dash=(), offset=0.0)  # the route's colour; the status key explains the dashes
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
        w = _sizes(e, px, k)
        if (e.row != last_row and x > 0) or (x > 0 and x + w > width):
            x, y = 0.0, y + row_h + 4 * k
        out.append((e, x, y))
        x += w + ITEM_GAP * k
        last_row = e.row
    return out, (y + row_h if items else 0.0)


def draw_band(painter: QPainter, items: list[Entry], lang: str, x: float, y: float, width: float, k: float,
              vector: bool, status_dash: dict) -> float:
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
        color = "#1a1a1a" if e.row == 0 else "#444444"
        draw_halo_text(painter, e.title, QPointF(tx, y + ey + row_h * 0.72), tpx, color, None, as_text=vector,
                       raster=not vector)
    return height
