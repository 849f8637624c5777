"""The printable worksheet: an A4 PDF with an outline map (numbered markers, no names on it), questions drawn
from the scenes with lines to write on, and an answer key on its own page(s).

The map is drawn by render.paint from a MapState, as every export is, with labels switched off: nothing on
the map names a place (the scale bar's "50 km" and the north arrow's "N" are the only text in it). Each marker
is a numbered disc on its feature — a point, or an area's label anchor — pushed aside on a short leader when
it would cover another. Everything else on the page is laid out first and then drawn, so a question never
breaks across pages and the page count is known for the folio ("Page 2 of 3").
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPageSize, QPainter

from corridor_viewer.export.atomic import atomic_path
from corridor_viewer.export.compose import text_block
from corridor_viewer.export.static import pdf_painter
from corridor_viewer.model.dates import news_date
from corridor_viewer.model.export_settings import ExportError, ExportSettings
from corridor_viewer.model.mapstate import MapState
from corridor_viewer.model.scenes import Scene
from corridor_viewer.model.viewport import Viewport
from corridor_viewer.model.worksheet import Worksheet
from corridor_viewer.render.paint import (
    PaintOptions,
    draw_north_arrow,
    draw_scale_bar,
    make_pen,
    paint_base,
    paint_overlay,
)
from corridor_viewer.render.text import font, text_box

MAP_LAYERS = ("countries", "water", "regions")  # an outline map: land, rivers and lakes, the regions
MM = 300 / 25.4  # px per mm at 300 dpi

WORDS = {
    "en": {"title": "Worksheet: the South Caucasus corridors", "name": "Name", "class": "Class", "date": "Date",
           "intro": "Use the numbered map and the scenes of the story to answer. The map names no places: "
                    "the numbers are yours to name.",
           "questions": "Questions", "key": "Answer key", "markers": "The markers",
           "page": "Worksheet · page {i} of {n}", "asof": "Data as of {d}", "key_note": "For the teacher."},
    "ar": {"title": "ورقة عمل: ممرات جنوب القوقاز", "name": "الاسم", "class": "الصف", "date": "التاريخ",
           "intro": "استعن بالخريطة المرقّمة وبمشاهد القصة في الإجابة. لا تذكر الخريطة أسماء الأماكن: "
                    "عليك أنت أن تسمّي الأرقام.",
           "questions": "الأسئلة", "key": "مفتاح الإجابات", "markers": "العلامات",
           "page": "ورقة العمل · الصفحة {i} من {n}", "asof": "البيانات حتى {d}", "key_note": "للمعلم."},
}


@dataclass
class WorksheetResult:
    summary: str
    pages: int
    map_box_pt: tuple[float, float, float, float]  # x0, y0, x1, y1 on page 1, PDF points from the top left
    markers: list[tuple[int, str]] = field(default_factory=list)  # (number, feature id)

    def __str__(self) -> str:
        return self.summary


def _marker_anchor(state: MapState, fid: str) -> tuple[float, float] | None:
    f = state.feature(fid)
    if f is None:
        return None
    if f.geometry.kind == "point":
        return f.geometry.point
    if f.label_anchor is not None:
        return f.label_anchor
    b = f.geometry.bounds
    return (b[0] + b[2]) / 2, (b[1] + b[3]) / 2


def worksheet_state(base: MapState, sheet: Worksheet, lang: str) -> MapState:
    """The outline map: land, water and regions as they stand now, framed on the markers, nothing selected."""
    lids = {lv.id for lv in base.layers} & set(MAP_LAYERS)
    st = base.with_layers_visible(frozenset(lids)).with_(date=None, selection=(), hover=None, dim_except=None,
                                                         language=lang)
    pts = [p for p in (_marker_anchor(st, m.feature_id) for m in sheet.markers) if p is not None]
    if not pts:
        return st
    x0, y0 = min(p[0] for p in pts), min(p[1] for p in pts)
    x1, y1 = max(p[0] for p in pts), max(p[1] for p in pts)
    mx, my = max((x1 - x0) * 0.12, 25_000), max((y1 - y0) * 0.12, 25_000)
    return st.with_extent((x0 - mx, y0 - my, x1 + mx, y1 + my))


def _place_markers(vp: Viewport, anchors: list[tuple[int, float, float]], r: float, frame: QRectF
                   ) -> list[tuple[int, QPointF, QPointF]]:
    """(number, where the disc goes, the exact spot): discs that would overlap move out along a short leader."""
    placed: list[tuple[int, QPointF, QPointF]] = []
    for n, x, y in anchors:
        sx, sy = vp.to_screen(x, y)
        spot = QPointF(sx, sy)
        best = spot
        for ring in (0.0, 2.6, 3.6, 4.8):
            options = [spot] if ring == 0 else [
                QPointF(sx + ring * r * math.cos(a), sy - ring * r * math.sin(a))
                for a in (math.radians(d) for d in (45, 135, 315, 225, 90, 270, 0, 180))]
            ok = [p for p in options
                  if all(math.hypot(p.x() - q.x(), p.y() - q.y()) >= 2.25 * r for _, q, _ in placed)
                  and frame.adjusted(r, r, -r, -r).contains(p)]
            if ok:
                best = ok[0]
                break
        placed.append((n, best, spot))
    return placed


def _draw_markers(p: QPainter, placed: list[tuple[int, QPointF, QPointF]], r: float, k: float) -> None:
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for _n, at, spot in placed:
        if at != spot:
            p.setPen(make_pen("#222222", 1.2 * k))
            p.drawLine(spot, at)
            p.setBrush(QColor("#222222"))
            p.drawEllipse(spot, 2.2 * k, 2.2 * k)
    for n, at, _spot in placed:
        p.setPen(make_pen("#222222", 1.6 * k))
        p.setBrush(QColor("#ffffff"))
        p.drawEllipse(at, r, r)
        p.setFont(font(r * 1.05, True))
        p.setPen(QColor("#111111"))
        p.drawText(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, str(n))
    p.restore()


@dataclass
class _Block:
    kind: str  # heading | para | question | small
    text: str
    lines: int = 0
    height: float = 0.0


def export_worksheet(base: MapState, sheet: Worksheet, scenes: list[Scene], path: Path,
                     settings: ExportSettings | None = None) -> WorksheetResult:
    """Write the worksheet PDF (A4 portrait, 300 dpi) in the settings' language; atomic."""
    settings = settings or ExportSettings(preset="a4-portrait", format="pdf")
    if not sheet.questions:
        raise ExportError("there are no worksheet questions for these scenes")
    lang = settings.language
    rtl = lang == "ar"
    words = WORDS[lang]
    w, h, dpi = 2480, 3508, 300  # A4 at 300 dpi
    k = dpi / 96.0
    m = 16 * MM
    inner = w - 2 * m
    body_px, small_px = 11.5 * k, 9.5 * k
    line_gap = 8.5 * MM
    state = worksheet_state(base, sheet, lang)

    # -- measure
    title_h = text_block(None, words["title"], 0, 0, inner, 22 * k, bold=True, draw=False, rtl=rtl)
    fields_h = 14 * MM
    intro_h = text_block(None, words["intro"], 0, 0, inner, body_px, draw=False, rtl=rtl)
    map_top = m + title_h + 4 * MM + fields_h + intro_h + 4 * MM
    map_h = round(h * 0.42)
    frame = QRectF(m, map_top, inner, map_h)
    bottom = h - m - 8 * MM  # the folio sits below

    def measure(b: _Block) -> _Block:
        px = {"heading": 15 * k, "small": small_px}.get(b.kind, body_px)
        b.height = text_block(None, b.text, 0, 0, inner, px, bold=b.kind == "heading", draw=False, rtl=rtl)
        b.height += b.lines * line_gap + (3 * MM if b.kind == "question" else 2 * MM)
        return b

    questions = [measure(_Block("heading", words["questions"]))]
    questions += [measure(_Block("question", f"{q.n}. {q.text_for(lang)}", q.lines)) for q in sheet.questions]
    key = [measure(_Block("heading", words["key"])), measure(_Block("small", words["key_note"]))]
    names = {m_.feature_id: state.feature(m_.feature_id) for m_ in sheet.markers}
    marker_line = ("، " if rtl else ", ").join(
        f"{mk.n} {names[mk.feature_id].name(lang)}" for mk in sheet.markers if names.get(mk.feature_id) is not None)
    key.append(measure(_Block("para", f"{words['markers']}: {marker_line}")))
    key += [measure(_Block("para", f"{q.n}. {q.answer_for(lang)}")) for q in sheet.questions]

    pages: list[list[_Block]] = [[]]
    y = frame.bottom() + 6 * MM
    for b in questions:
        if y + b.height > bottom and pages[-1]:
            pages.append([])
            y = m
        pages[-1].append(b)
        y += b.height
    pages.append([])
    y = m
    for b in key:
        if y + b.height > bottom and pages[-1]:
            pages.append([])
            y = m
        pages[-1].append(b)
        y += b.height
    n_pages = len(pages)
    asof = ""
    if base.data_as_of:
        try:
            asof = words["asof"].format(d=news_date(base.data_as_of, lang, settings.digits))
        except ValueError:
            asof = ""
    credit = settings.credit_text(base.data_as_of)

    # -- draw
    vp = Viewport(width=frame.width(), height=frame.height()).fitted(state.extent, margin=0.0)
    anchors = [(mk.n, *a) for mk in sheet.markers if (a := _marker_anchor(state, mk.feature_id)) is not None]
    r = 9.5 * k
    placed = _place_markers(vp, anchors, r, QRectF(0, 0, frame.width(), frame.height()))
    with atomic_path(Path(path)) as tmp, pdf_painter(tmp, path, dpi, QPageSize(QPageSize.PageSizeId.A4),
                                                      words["title"], w, h) as (p, writer):
        for i, blocks in enumerate(pages):
            if i:
                writer.newPage()
            p.fillRect(QRectF(0, 0, w, h), QColor("#ffffff"))
            y = m
            if i == 0:
                y += text_block(p, words["title"], m, y, inner, 22 * k, bold=True, rtl=rtl) + 4 * MM
                _fields(p, words, m, y, inner, body_px, k, rtl)
                y += fields_h
                text_block(p, words["intro"], m, y, inner, body_px, color="#333333", rtl=rtl)
                _draw_map(p, state, vp, frame, placed, r, k, lang)
                y = frame.bottom() + 6 * MM
            for b in blocks:
                y = _draw_block(p, b, m, y, inner, k, body_px, small_px, line_gap, rtl)
            folio = words["page"].format(i=i + 1, n=n_pages) + (f" · {asof}" if asof else "")
            text_block(p, folio, m, h - m - 4 * MM, inner, 9 * k, color="#555555", rtl=rtl)
            if i == 0:
                text_block(p, credit, m, h - m + 1 * MM, inner, 7.5 * k, color="#777777", rtl=rtl)
    pt = 72 / dpi
    box = (frame.left() * pt, frame.top() * pt, frame.right() * pt, frame.bottom() * pt)
    summary = (f"{n_pages}-page A4 PDF worksheet: {len(sheet.markers)} numbered markers, {len(sheet.questions)} "
               f"questions and an answer key")
    return WorksheetResult(summary, n_pages, box, [(mk.n, mk.feature_id) for mk in sheet.markers])


def _fields(p: QPainter, words: dict, x: float, y: float, w: float, px: float, k: float, rtl: bool) -> None:
    """Name, class and date, each with a line to write on."""
    widths = (0.5, 0.25, 0.25)
    left = x
    for key, share in zip(("name", "class", "date"), widths, strict=True):
        cell = w * share
        cx = x + w - (left - x) - cell if rtl else left
        label = words[key] + ":"
        lw = text_box(label, px).width()
        text_block(p, label, cx, y, cell, px, rtl=rtl)
        p.setPen(make_pen("#555555", 1.0 * k))
        base = y + text_box(label, px).height() + 1.5 * k
        if rtl:
            p.drawLine(QPointF(cx + 4 * MM, base), QPointF(cx + cell - lw - 3 * MM, base))
        else:
            p.drawLine(QPointF(cx + lw + 3 * MM, base), QPointF(cx + cell - 4 * MM, base))
        left += cell


def _draw_map(p: QPainter, state: MapState, vp: Viewport, frame: QRectF, placed, r: float, k: float,
              lang: str) -> None:
    p.save()
    p.translate(frame.topLeft())
    p.setClipRect(QRectF(0, 0, frame.width(), frame.height()))
    shown = state.with_(viewport=vp)
    # No labels, no highlight: nothing on the map names a place.
    opts = PaintOptions(labels=False, decorations=False, highlight=False, ui_scale=k, text_as_text=True,
                        raster_labels=False)
    paint_base(shown, p, opts)
    paint_overlay(shown, p, opts)
    rtl = lang == "ar"
    draw_scale_bar(p, vp, lang, k, True, anchor=QPointF(vp.width - 12 * k - vp.scale_bar(140 * k)[1] - 6 * k
                                                        if rtl else 18 * k, vp.height - 18 * k))
    draw_north_arrow(p, vp, k, True, centre=QPointF(32 * k if rtl else vp.width - 32 * k, 36 * k))
    _draw_markers(p, placed, r, k)
    p.restore()
    p.save()
    p.setPen(make_pen("#8c8a84", 1 * k))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(frame)
    p.restore()


def _draw_block(p: QPainter, b: _Block, x: float, y: float, w: float, k: float, body: float, small: float,
                gap: float, rtl: bool) -> float:
    px = {"heading": 15 * k, "small": small}.get(b.kind, body)
    color = "#666666" if b.kind == "small" else "#1a1a1a"
    th = text_block(p, b.text, x, y, w, px, bold=b.kind == "heading", color=color, rtl=rtl)
    yy = y + th
    if b.lines:
        p.save()
        p.setPen(make_pen("#9a978f", 0.9 * k))
        for _ in range(b.lines):
            yy += gap
            p.drawLine(QPointF(x + (0 if rtl else 6 * MM), yy), QPointF(x + w - (6 * MM if rtl else 0), yy))
        p.restore()
    return y + b.height
