"""Lay out a publication map page (title, map, legend, scale, north, inset, quote, credit).

Everything is drawn with the canvas's own paint() so exports match the screen. Arabic pages
mirror: text aligns right, the legend and quote sit on the right, the inset on the left.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFontMetricsF,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)

from corridor_viewer.model.export_settings import ExportSettings
from corridor_viewer.model.mapstate import MapState
from corridor_viewer.model.normalize import is_rtl
from corridor_viewer.model.viewport import Viewport
from corridor_viewer.render.legend import draw_swatch
from corridor_viewer.render.paint import PaintOptions, draw_north_arrow, draw_scale_bar, make_pen, paint
from corridor_viewer.render.text import draw_halo_text, font, text_box

APPROX_NOTE = {"en": "Proposed and planned routes are approximate; see each feature's accuracy note.",
               "ar": "مسارات المشاريع المقترحة والمخطط لها تقريبية؛ انظر ملاحظة الدقة لكل معلم."}
LOCATOR_TITLE = {"en": "Location", "ar": "الموقع"}
STATUS_KEY = {
    "en": (("proposed", "proposed"), ("under-construction", "under construction"), ("existing", "existing"),
           ("historical", "historical / closed")),
    "ar": (("proposed", "مقترح"), ("under-construction", "قيد الإنشاء"), ("existing", "قائم"),
           ("historical", "تاريخي / مغلق")),
}


@dataclass
class Quote:
    text: str
    citation: str


def text_block(painter: QPainter, text: str, x: float, y: float, width: float, px: float, *, bold: bool = False,
               color: str = "#1a1a1a", rtl: bool | None = None, draw: bool = True) -> float:
    """Wrapped, bidi-aware paragraph; returns its height. rtl=None: each paragraph takes its own direction."""
    per_paragraph = rtl is None and "\n" in text
    if rtl is None:
        rtl = is_rtl(text)
    if "\n" not in text and _text_width(text, px, bold) <= width:
        # One line: draw the string whole, so SVG/PDF keep it as one searchable text run.
        fm = QFontMetricsF(font(px, bold))
        if draw:
            w = _text_width(text, px, bold)
            painter.save()
            painter.setFont(font(px, bold))
            painter.setPen(QColor(color))
            painter.drawText(QPointF(x + width - w if rtl else x, y + fm.ascent()), text)
            painter.restore()
        return fm.height()
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(font(px, bold))
    opt = QTextOption()
    if per_paragraph:
        # Mixed quotes (an Arabic paragraph, then an English post): each paragraph runs and aligns its own way.
        opt.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        opt.setAlignment(Qt.AlignmentFlag.AlignLeading)
    else:
        opt.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        # AlignAbsolute: without it Qt mirrors Left/Right for right-to-left text.
        opt.setAlignment(Qt.AlignmentFlag.AlignAbsolute
                         | (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft))
    opt.setWrapMode(QTextOption.WrapMode.WordWrap)
    doc.setDefaultTextOption(opt)
    doc.setPlainText(text)
    doc.setTextWidth(width)
    h = doc.size().height()
    if draw:
        painter.save()
        painter.translate(x, y)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QPalette.ColorRole.Text, QColor(color))
        ctx.clip = QRectF(QPointF(0, 0), QSizeF(width, h))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()
    return h


def _panel(painter: QPainter, rect: QRectF, k: float) -> None:
    painter.setPen(make_pen("#b9b6ae", 1 * k))
    painter.setBrush(QColor(255, 255, 255, 235))
    painter.drawRoundedRect(rect, 4 * k, 4 * k)


def _legend_items(state: MapState, lang: str):
    layers = [layer for layer in reversed(state.layers) if layer.visible and layer.group != "context"]
    items = [(layer.title_for(lang), layer, None) for layer in layers]
    if any(layer.style.base.use_status_dash for layer in layers):
        items += [(title, None, status) for status, title in STATUS_KEY[lang]]
    return items


def legend_band(painter: QPainter, state: MapState, lang: str, x: float, y: float, width: float, k: float,
                vector: bool, draw: bool = True) -> float:
    """The legend as rows of (swatch, title) items above the map, so it never hides the map."""
    px = 12.5 * k
    sw, sh, gap, item_gap = 30 * k, 14 * k, 6 * k, 22 * k
    rtl = lang == "ar"
    row_h = max(sh, px * 1.4)
    cx, cy = 0.0, 0.0
    for title, layer, status in _legend_items(state, lang):
        tpx = px if layer is not None else px * 0.92
        w = sw + gap + _text_width(title, tpx)
        if cx > 0 and cx + w > width:
            cx, cy = 0.0, cy + row_h + 4 * k
        if draw:
            left = x + width - cx - w if rtl else x + cx
            sx = left + w - sw if rtl else left
            sy = y + cy + (row_h - sh) / 2
            if layer is not None:
                draw_swatch(painter, QRectF(sx, sy, sw, sh), layer, k)
                color = "#1a1a1a"
            else:
                painter.setPen(make_pen("#444444", 2 * k, state.layers[0].style.status_dash.get(status, ())))
                painter.drawLine(QPointF(sx, sy + sh / 2), QPointF(sx + sw, sy + sh / 2))
                color = "#444444"
            tx = left if rtl else left + sw + gap
            _label(painter, title, QPointF(tx, y + cy + row_h * 0.72), tpx, color, vector)
        cx += w + item_gap
    return cy + row_h


def _text_width(text: str, px: float, bold: bool = False) -> float:
    return text_box(text, px, bold).width()


def _label(painter: QPainter, text: str, baseline: QPointF, px: float, color: str, vector: bool) -> None:
    draw_halo_text(painter, text, baseline, px, color, None, as_text=vector, raster=not vector)


def _inset(painter: QPainter, state: MapState, rect: QRectF, main_bounds, k: float, lang: str,
           vector: bool) -> None:
    _panel(painter, rect.adjusted(-2 * k, -2 * k, 2 * k, 2 * k), k)
    vp = Viewport(width=rect.width(), height=rect.height()).fitted(_data_bounds(state), margin=0.0)
    painter.save()
    painter.translate(rect.topLeft())
    painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
    opts = PaintOptions(labels=False, decorations=False, highlight=False, ui_scale=0.5 * k,
                        only_groups=frozenset({"context"}))
    paint(state.with_viewport(vp), painter, opts)
    x0, y0, x1, y1 = main_bounds
    ax, ay = vp.to_screen(x0, y1)
    bx, by = vp.to_screen(x1, y0)
    box = QRectF(QPointF(ax, ay), QPointF(bx, by)).intersected(
        QRectF(1 * k, 1 * k, rect.width() - 2 * k, rect.height() - 2 * k))
    if box.width() < 6 * k:  # keep a tiny extent visible
        box = QRectF(box.center() - QPointF(3 * k, 3 * k), QSizeF(6 * k, 6 * k))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(make_pen("#d62828", 2 * k))
    painter.drawRect(box)
    painter.restore()
    title = LOCATOR_TITLE[lang]
    px = 10 * k
    tx = rect.right() - 4 * k - _text_width(title, px) if lang == "ar" else rect.left() + 4 * k
    _label(painter, title, QPointF(tx, rect.top() + px + 2 * k), px, "#333333", vector)


def _data_bounds(state: MapState) -> tuple[float, float, float, float]:
    if state.data_bounds is not None:
        return state.data_bounds
    bs = [lv.layer.bounds for lv in state.layers if lv.group == "context" and lv.features]
    return (min(b[0] for b in bs), min(b[1] for b in bs), max(b[2] for b in bs), max(b[3] for b in bs))


def compose(state: MapState, settings: ExportSettings, painter: QPainter, width: float, height: float, *,
            vector: bool = False, quote: Quote | None = None) -> Viewport:
    """Draw a whole page of width x height device pixels around ``state`` (its extent fitted into the map
    frame, in the settings' language); returns the map viewport used."""
    world_bounds = state.extent
    lang = settings.language
    rtl = lang == "ar"
    k = settings.ui_scale()
    m = 28 * k
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.fillRect(QRectF(0, 0, width, height), QColor("#ffffff"))
    inner_w = width - 2 * m
    y = m
    if settings.title.strip():
        y += text_block(painter, settings.title.strip(), m, y, inner_w, 30 * k, bold=True, rtl=rtl) + 4 * k
    if settings.subtitle.strip():
        y += text_block(painter, settings.subtitle.strip(), m, y, inner_w, 17 * k, color="#444444", rtl=rtl)
    y += 12 * k if (settings.title or settings.subtitle) else 0
    if settings.legend:
        y += legend_band(painter, state, lang, m, y, inner_w, k, vector) + 12 * k
    footer = settings.credit_text() + (f"  ·  \u2066{settings.date}\u2069" if settings.date else "")
    note = APPROX_NOTE[lang]
    fpx = 11 * k
    fh = text_block(painter, footer, 0, 0, inner_w, fpx, draw=False, rtl=rtl) + text_block(
        painter, note, 0, 0, inner_w, fpx, draw=False, rtl=rtl)
    qh = 0.0
    qpx = 13 * k
    if settings.quote and quote is not None:
        body = quote.text if len(quote.text) <= 600 else quote.text[:580].rsplit(" ", 1)[0] + " …"
        body = f"«{body}»" if "\n" not in body.strip() else body.strip()  # quote marks for one paragraph
        qh = (text_block(painter, body, 0, 0, inner_w - 24 * k, qpx, draw=False)
              + text_block(painter, quote.citation, 0, 0, inner_w - 24 * k, qpx * 0.85, draw=False) + 26 * k)
    frame = QRectF(m, y, inner_w, height - y - m - fh - 10 * k - (qh + 12 * k if qh else 0))
    if frame.height() < 120 * k:
        from corridor_viewer.model.export_settings import ExportError

        raise ExportError("the page is too small for the map with this title, legend and quote")
    fy = frame.bottom() + 12 * k
    if qh:
        qrect = QRectF(m, fy, inner_w, qh)
        painter.fillRect(qrect, QColor("#f6f4ef"))
        painter.fillRect(QRectF(qrect.right() - 4 * k if rtl else qrect.left(), qrect.top(), 4 * k, qh),
                         QColor("#d62828"))
        ty = fy + 10 * k
        ty += text_block(painter, body, m + 12 * k, ty, inner_w - 24 * k, qpx)
        text_block(painter, quote.citation, m + 12 * k, ty + 4 * k, inner_w - 24 * k, qpx * 0.85, color="#555555")
        fy += qh + 12 * k
    fy += text_block(painter, note, m, fy, inner_w, fpx, color="#7a4b00", rtl=rtl)
    text_block(painter, footer, m, fy, inner_w, fpx, color="#555555", rtl=rtl)

    vp = Viewport(width=frame.width(), height=frame.height()).fitted(world_bounds, margin=0.0)
    painter.save()
    painter.translate(frame.topLeft())
    painter.setClipRect(QRectF(0, 0, frame.width(), frame.height()))
    opts = PaintOptions(decorations=False, highlight=settings.highlight, ui_scale=k,
                        text_as_text=vector, raster_labels=not vector)
    # Mention counts are for the app's panels; a published map never shows them.
    paint(state.with_(viewport=vp, language=lang, hover=None, badges=MappingProxyType({})), painter, opts)
    pad = 12 * k
    if settings.north_arrow:
        c = QPointF(32 * k, 36 * k) if rtl else QPointF(frame.width() - 32 * k, 36 * k)
        draw_north_arrow(painter, vp, k, vector, centre=c, raster=not vector)
    if settings.scale_bar:
        _km, px = vp.scale_bar(140 * k)  # the same length draw_scale_bar picks
        sx = frame.width() - pad - px - 6 * k if rtl else pad + 6 * k
        draw_scale_bar(painter, vp, lang, k, vector, anchor=QPointF(sx, frame.height() - pad - 6 * k),
                       raster=not vector)
    if settings.inset:
        iw = min(frame.width() * 0.24, 340 * k)
        b = _data_bounds(state)
        ih = iw * (b[3] - b[1]) / (b[2] - b[0])
        ix = pad if rtl else frame.width() - pad - iw
        _inset(painter, state, QRectF(ix, frame.height() - pad - ih, iw, ih), vp.world_bounds, k, lang, vector)
    painter.restore()
    painter.setPen(make_pen("#8c8a84", 1 * k))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(frame)
    painter.restore()
    return vp
