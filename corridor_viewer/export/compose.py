"""Lay out a publication map page (title, legend, map, scale, north, inset, quotes, credit) and draw it.

Everything on the map is drawn by the canvas's own paint(), from a MapState, so exports match the screen.
The page is first laid out (measured, nothing drawn), then drawn: a page too small for everything drops
the quotes, then the legend, then the inset, and says so, instead of failing half-way through a drawing.
Arabic pages mirror: text aligns right, the legend reads from the right, the north arrow and the default
inset corner swap sides. The label engine is told where the inset, the arrow and the scale bar are, so no
label is drawn under them.

The house style (``io.house_styles.resolve(settings)``) gives the page its background (none when the
settings ask for a transparent page), text colours, fonts, title sizes, logo (in the corner it names, the
title or credit making room for it) and the "Map: …" credit; the map is drawn from
``model.house_style.styled_state`` (a dark style darkens the base map).
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
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

from corridor_viewer.export import inset as locator
from corridor_viewer.export import legend, logo
from corridor_viewer.io.house_styles import resolve as resolve_style
from corridor_viewer.model.export_settings import ExportError, ExportSettings
from corridor_viewer.model.house_style import CORNERS, HouseStyle, styled_state
from corridor_viewer.model.mapstate import MapState
from corridor_viewer.model.normalize import is_rtl
from corridor_viewer.model.quotes import Quote, clean_quote
from corridor_viewer.model.viewport import Viewport
from corridor_viewer.render import annotations as annotation_layer
from corridor_viewer.render.paint import (
    PaintOptions,
    draw_north_arrow,
    draw_scale_bar,
    make_pen,
    north_arrow_rect,
    paint_base,
    paint_overlay,
    scale_bar_rect,
)
from corridor_viewer.render.text import font, house_fonts, record_text, text_box

# Kept for the HTML page's note; the static pages say it in the credit line.
APPROX_NOTE = {"en": "Routes are approximate: proposed alignments are drawn from public sources, not surveys.",
               "ar": "المسارات تقريبية: رُسمت المسارات المقترحة من مصادر عامة لا من مسوح ميدانية."}
DROPPED = {"quote": "the quote box", "legend": "the legend", "inset": "the locator inset",
           "title-size": "the full-size title (set smaller)", "title": "the title"}
MIN_FRAME = 120.0  # the smallest map (in ui-scaled px) worth publishing


def text_block(painter: QPainter, text: str, x: float, y: float, width: float, px: float, *, bold: bool = False,
               color: str = "#1a1a1a", rtl: bool | None = None, draw: bool = True) -> float:
    """Wrapped, bidi-aware paragraph; returns its height. rtl=None: each paragraph takes its own direction."""
    per_paragraph = rtl is None and "\n" in text
    if rtl is None:
        rtl = is_rtl(text)
    if "\n" not in text and text_box(text, px, bold).width() <= width:
        # One line: drawn whole, so SVG/PDF keep it as one searchable text run.
        fm = QFontMetricsF(font(px, bold))
        if draw:
            w = text_box(text, px, bold).width()
            origin = QPointF(x + width - w if rtl else x, y + fm.ascent())
            if not record_text(painter, text, origin, px, color, None, bold=bold, width=w, rtl=rtl):
                painter.save()
                painter.setFont(font(px, bold))
                painter.setPen(QColor(color))
                painter.drawText(origin, text)
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
    if not draw:
        return h
    if _record_lines(painter, doc, x, y, width, px, bold, color):
        return h
    painter.save()
    painter.translate(x, y)
    ctx = QAbstractTextDocumentLayout.PaintContext()
    ctx.palette.setColor(QPalette.ColorRole.Text, QColor(color))
    ctx.clip = QRectF(QPointF(0, 0), QSizeF(width, h))
    doc.documentLayout().draw(painter, ctx)
    painter.restore()
    return h


def _record_lines(painter: QPainter, doc: QTextDocument, x: float, y: float, width: float, px: float, bold: bool,
                  color: str) -> bool:
    """For the SVG writer: each laid-out line as one run, in its own direction (see render.text.recording)."""
    from corridor_viewer.render import text as text_mod

    if text_mod._sink is None:
        return False
    block = doc.begin()
    while block.isValid():
        lay = block.layout()
        pos = lay.position()
        content = block.text()
        rtl = is_rtl(content)
        for i in range(lay.lineCount()):
            line = lay.lineAt(i)
            run = content[line.textStart():line.textStart() + line.textLength()].strip()
            if not run:
                continue
            natural = text_box(run, px, bold).width()
            left = x + pos.x() + (width - natural if rtl else 0.0)
            record_text(painter, run, QPointF(left, y + pos.y() + line.y() + line.ascent()), px, color, None,
                        bold=bold, width=natural, rtl=rtl)
        block = block.next()
    return True


@dataclass
class Page:
    """A page laid out: where everything goes (device pixels), and what had to be left out."""

    width: float
    height: float
    k: float
    lang: str
    margin: float
    title: str
    subtitle: str
    title_h: float
    subtitle_h: float
    legend_items: list = field(default_factory=list)
    legend_y: float = 0.0
    legend_h: float = 0.0
    frame: QRectF = field(default_factory=QRectF)
    quotes: list[Quote] = field(default_factory=list)
    quote_h: float = 0.0
    footer: str = ""
    footer_h: float = 0.0
    footer_px: float = 11.0
    title_px: float = 30.0
    inset: bool = False
    dropped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # small print above the credit (a handout's sources)
    notes_h: float = 0.0
    folio: str = ""  # page number and date, in the bottom margin
    style: HouseStyle = field(default_factory=HouseStyle)
    transparent: bool = False  # no page background (PNG, SVG)
    logo_rect: QRectF | None = None
    head_x: float = 0.0  # the title block's left edge and width (narrower beside a logo)
    head_w: float = 0.0
    foot_x: float = 0.0  # the credit's
    foot_w: float = 0.0

    @property
    def rtl(self) -> bool:
        return self.lang == "ar"


@contextmanager
def page_fonts(page: Page):
    """The house style's fonts while a page is measured or drawn."""
    with house_fonts(page.style.fonts):
        yield


def page_state(state: MapState, page: Page) -> MapState:
    """The map as this page draws it: in the house style's colours."""
    return styled_state(state, page.style)


QPX, FPX = 13.0, 11.0


def _quote_body(q: Quote) -> str:
    body = clean_quote(q.text)
    body = body if len(body) <= 600 else body[:580].rsplit(" ", 1)[0] + " …"
    if "\n" in body:
        return body
    return f"«{body}»" if is_rtl(body) else f"“{body}”"


def shown_quotes(quotes: list[Quote], lang: str) -> list[Quote]:
    """What a page in ``lang`` prints of each quote: an English page our translation (its citation says
    so), an Arabic page the original."""
    return [Quote(q.translation, q.citation, "", q.article_id, q.passage_index) if lang == "en" and q.translation
            else q for q in quotes if q.text.strip()]


def _quotes_height(painter: QPainter | None, quotes: list[Quote], inner_w: float, k: float) -> float:
    h = 0.0
    for q in quotes:
        w = inner_w - 24 * k
        h += text_block(painter, _quote_body(q), 0, 0, w, QPX * k, draw=False) + 20 * k
        h += text_block(painter, q.citation, 0, 0, w, QPX * 0.85 * k, draw=False) + 8 * k
    return h


NPX = 10.0  # the notes' text size


def _notes_height(notes: list[str], inner_w: float, k: float, rtl: bool) -> float:
    return sum(text_block(None, n, 0, 0, inner_w, NPX * k, draw=False, rtl=rtl) + 3 * k for n in notes)


def layout(state: MapState, settings: ExportSettings, width: float, height: float,
           quotes: list[Quote] | None = None, notes: list[str] | None = None, folio: str = "") -> Page:
    """Measure the page; drop what does not fit (quotes, legend, inset), or refuse a page with no room.
    ``notes`` (small print above the credit) and ``folio`` (in the bottom margin) are for handouts."""
    hs = resolve_style(settings)
    with house_fonts(hs.fonts):
        return _layout(state, settings, width, height, quotes, hs, notes, folio)


def _layout(state: MapState, settings: ExportSettings, width: float, height: float, quotes: list[Quote] | None,
            hs: HouseStyle, notes: list[str] | None = None, folio: str = "") -> Page:
    lang = settings.language
    k = settings.ui_scale()
    # A small page (a 200-400 px social tile) keeps its map by narrowing the margins and the credit's type.
    m = max(8.0, min(28 * k, 0.05 * min(width, height)))
    footer_px = FPX * k if width - 2 * m >= 320 * k else max(8.5, FPX * k * 0.8)
    inner_w = width - 2 * m
    if inner_w < 60 * k:
        raise ExportError(f"the page ({width:.0f} px wide) is too narrow for a map; make it wider")
    corner = settings.logo_corner if settings.logo_corner in CORNERS else hs.logo_corner
    ratio = logo.aspect(hs)
    logo_w = logo_h = 0.0
    if ratio:
        logo_h = hs.logo_height * k
        logo_w = min(logo_h * ratio, inner_w * 0.3)
        logo_h = logo_w / ratio
    top_logo, bottom_logo = bool(ratio) and corner[0] == "t", bool(ratio) and corner[0] == "b"
    room = logo_w + 16 * k
    head_w = inner_w - (room if top_logo else 0.0)
    head_x = m + (room if top_logo and corner[1] == "l" else 0.0)
    foot_w = inner_w - (room if bottom_logo else 0.0)
    foot_x = m + (room if bottom_logo and corner[1] == "l" else 0.0)
    title, subtitle = settings.title.strip(), settings.subtitle.strip()
    title_px, subtitle_px = hs.title_px * k, hs.subtitle_px * k
    title_h = text_block(None, title, 0, 0, head_w, title_px, bold=True, draw=False) + 4 * k if title else 0.0
    subtitle_h = text_block(None, subtitle, 0, 0, head_w, subtitle_px, draw=False) if subtitle else 0.0
    page = Page(width, height, k, lang, m, title, subtitle, title_h, subtitle_h, title_px=title_px, style=hs,
                transparent=settings.transparent, head_x=head_x, head_w=head_w, foot_x=foot_x, foot_w=foot_w)
    if ratio:
        x = m if corner[1] == "l" else width - m - logo_w
        y = m if top_logo else height - m - logo_h
        page.logo_rect = QRectF(x, y, logo_w, logo_h)
    page.footer = settings.credit_text(state.data_as_of, hs.credit.for_lang(lang))
    page.footer_px = footer_px
    page.footer_h = text_block(None, page.footer, 0, 0, foot_w, footer_px, draw=False, rtl=lang == "ar")
    bottom_h = max(page.footer_h, logo_h if bottom_logo else 0.0)
    page.legend_items = legend.entries(page_state(state, page), lang, selection=settings.highlight) \
        if settings.legend else []
    page.quotes = shown_quotes(quotes or [], lang) if settings.quote else []
    page.inset = settings.inset
    page.notes = [n for n in (notes or []) if n.strip()]
    page.notes_h = _notes_height(page.notes, inner_w, k, lang == "ar") + 6 * k if page.notes else 0.0
    page.folio = folio

    def measure() -> bool:
        head = max(page.title_h + page.subtitle_h, logo_h if top_logo else 0.0)
        y = m + head + (12 * k if (page.title or page.subtitle or top_logo) else 0)
        page.legend_y = y
        page.legend_h = legend.band_height(page.legend_items, inner_w, k) if page.legend_items else 0.0
        if page.legend_h:
            y += page.legend_h + 12 * k
        page.quote_h = _quotes_height(None, page.quotes, inner_w, k) if page.quotes else 0.0
        bottom = (height - m - bottom_h - 10 * k - (page.quote_h + 12 * k if page.quote_h else 0)
                  - page.notes_h)
        page.frame = QRectF(m, y, inner_w, bottom - y)
        return page.frame.height() >= MIN_FRAME * k and page.frame.width() >= MIN_FRAME * k

    fits = measure()
    if page.inset and min(page.frame.width(), page.frame.height()) < 360 * k:
        page.inset = False  # a locator on a small map would cover what it locates
        page.dropped.append(DROPPED["inset"])
    for what in ("quote", "legend", "subtitle", "title-size", "title"):
        if fits:
            break
        if what == "quote" and page.quotes:
            page.quotes = []
        elif what == "legend" and page.legend_items:
            page.legend_items = []
        elif what == "subtitle" and page.subtitle:
            page.subtitle, page.subtitle_h = "", 0.0
        elif what == "title-size" and page.title:  # a social tile keeps its headline, smaller
            page.title_px = 17 * k
            page.title_h = text_block(None, page.title, 0, 0, head_w, page.title_px, bold=True, draw=False) + 3 * k
        elif what == "title" and page.title:
            page.title, page.title_h = "", 0.0
            if DROPPED["title-size"] in page.dropped:
                page.dropped.remove(DROPPED["title-size"])
        else:
            continue
        page.dropped.append(DROPPED.get(what, f"the {what}"))
        fits = measure()
    if page.frame.height() < 60 * k:
        raise ExportError("the page is too small for a map, even without the quote, legend and inset; "
                          "choose a larger size")
    if page.inset and _shows_the_region(state, page):
        page.inset = False  # a locator of what the map already shows only covers part of it
    return page


def _shows_the_region(state: MapState, page: Page) -> bool:
    x0, y0, x1, y1 = frame_viewport(state, page).world_bounds
    lx0, ly0, lx1, ly1 = locator.locator_bounds(state)
    return (x1 - x0) >= 0.7 * (lx1 - lx0) or (y1 - y0) >= 0.7 * (ly1 - ly0)


def frame_viewport(state: MapState, page: Page) -> Viewport:
    """The map frame's view: the state's extent fitted in, kept inside the data (no edge ever shows)."""
    f = page.frame
    return Viewport(width=f.width(), height=f.height()).fitted(state.extent, margin=0.0).clamped(state.data_bounds)


def draw_page(painter: QPainter, page: Page, vector: bool, status_dash: dict) -> None:
    """Everything outside the map frame: title, subtitle, legend, quotes, credit, the frame's border."""
    k, m, rtl, hs = page.k, page.margin, page.rtl, page.style
    inner_w = page.width - 2 * m
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    if not page.transparent:
        painter.fillRect(QRectF(0, 0, page.width, page.height), QColor(hs.page))
    y = m
    if page.title:
        text_block(painter, page.title, page.head_x, y, page.head_w, page.title_px, bold=True, color=hs.ink,
                   rtl=rtl)
        y += page.title_h
    if page.subtitle:
        text_block(painter, page.subtitle, page.head_x, y, page.head_w, hs.subtitle_px * k, color=hs.muted, rtl=rtl)
    if page.legend_items:
        legend.draw_band(painter, page.legend_items, page.lang, m, page.legend_y, inner_w, k, vector, status_dash,
                         ink=hs.ink)
    fy = page.frame.bottom() + 12 * k
    for q in page.quotes:
        fy = _draw_quote(painter, q, m, fy, inner_w, k, rtl, hs) + 8 * k
    if not page.quotes:
        fy = page.frame.bottom() + 10 * k
    for note in page.notes:
        fy += text_block(painter, note, m, fy, inner_w, NPX * k, color=hs.muted, rtl=rtl) + 3 * k
    if page.notes:
        fy += 6 * k
    text_block(painter, page.footer, page.foot_x, fy, page.foot_w, page.footer_px, color=hs.muted, rtl=rtl)
    if page.folio:
        fw = min(inner_w, text_box(page.folio, FPX * k).width() + 2 * k)  # at the page's end side
        text_block(painter, page.folio, m if rtl else m + inner_w - fw, page.height - m + 8 * k, fw, FPX * k,
                   color=hs.muted, rtl=rtl)
    painter.setPen(make_pen(hs.rule, 1 * k))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(page.frame)
    if page.logo_rect is not None:
        logo.draw(painter, hs, page.logo_rect)
    painter.restore()


def _draw_quote(painter: QPainter, q: Quote, x: float, y: float, w: float, k: float, rtl: bool,
                hs: HouseStyle) -> float:
    inner = w - 24 * k
    body = _quote_body(q)
    h = _quotes_height(painter, [q], w, k) - 8 * k
    painter.fillRect(QRectF(x, y, w, h), QColor(hs.panel))
    painter.fillRect(QRectF(x + w - 4 * k if rtl else x, y, 4 * k, h), QColor("#d62828"))
    ty = y + 10 * k
    ty += text_block(painter, body, x + 12 * k, ty, inner, QPX * k, color=hs.ink)
    text_block(painter, q.citation, x + 12 * k, ty + 4 * k, inner, QPX * 0.85 * k, color=hs.muted)
    return y + h


def map_decor(state: MapState, page: Page, vp: Viewport, settings: ExportSettings) -> dict:
    """Where the inset, north arrow and scale bar go in the frame (frame coordinates).

    The inset takes the corner where it hides least; the arrow then takes a free top corner (the reading
    end's first) and the scale bar a free bottom corner, so none of them ever covers another."""
    k, rtl = page.k, page.rtl
    pad = 12 * k
    out: dict = {}
    corner = None
    if page.inset:
        b = locator.locator_bounds(state)
        iw = min(vp.width * 0.26, 360 * k)
        ih = iw * (b[3] - b[1]) / (b[2] - b[0])
        corner = settings.inset_corner if settings.inset_corner in locator.CORNERS else \
            locator.choose_corner(state, vp, iw, ih, pad, k, rtl)
        out["inset"] = locator.corner_rect(corner, vp.width, vp.height, iw, ih, pad)
    if settings.north_arrow:
        top = ("tl", "tr") if rtl else ("tr", "tl")
        side = next(c for c in top if c != corner)
        out["arrow"] = QPointF(32 * k, 36 * k) if side == "tl" else QPointF(vp.width - 32 * k, 36 * k)
    if settings.scale_bar:
        _km, px = vp.scale_bar(140 * k)
        bottom = ("br", "bl") if rtl else ("bl", "br")
        side = next(c for c in bottom if c != corner)
        out["scale"] = QPointF(vp.width - pad - px - 6 * k if side == "br" else pad + 6 * k, vp.height - pad - 6 * k)
    return out


def draw_map(painter: QPainter, state: MapState, page: Page, vp: Viewport, settings: ExportSettings,
             vector: bool, *, inset: bool = True) -> list:
    """The map in frame coordinates (0, 0)-(frame size): layers, labels clear of the furniture, furniture.
    ``inset=False`` leaves the inset out (the SVG writer draws it on a clipped surface of its own; the labels
    still keep clear of it). Returns the placed labels (feature id, box)."""
    k, lang, hs = page.k, page.lang, page.style
    state = page_state(state, page)
    decor = map_decor(state, page, vp, settings)
    obstacles = []
    if "arrow" in decor:
        obstacles.append(north_arrow_rect(vp, k, decor["arrow"]))
    if "scale" in decor:
        obstacles.append(scale_bar_rect(vp, lang, k, decor["scale"]))
    if "inset" in decor:
        obstacles.append(decor["inset"].adjusted(-4 * k, -4 * k, 4 * k, 4 * k))
    ink, paper = furniture_colors(hs)
    opts = PaintOptions(decorations=False, highlight=settings.highlight, ui_scale=k, text_as_text=vector,
                        raster_labels=not vector, obstacles=tuple(obstacles), high_contrast=hs.high_contrast,
                        ink=ink, paper=paper)
    # Mention counts are for the app's panels; a published map never shows them.
    shown = state.with_(viewport=vp, language=lang, hover=None, badges=MappingProxyType({}))
    if not settings.highlight:
        shown = shown.with_(selection=())
    paint_base(shown, painter, opts)
    placed = paint_overlay(shown, painter, opts)
    if "arrow" in decor:
        draw_north_arrow(painter, vp, k, vector, centre=decor["arrow"], raster=not vector, ink=ink, paper=paper)
    if "scale" in decor:
        draw_scale_bar(painter, vp, lang, k, vector, anchor=decor["scale"], raster=not vector, ink=ink, paper=paper)
    if "inset" in decor and inset:
        locator.draw_inset(painter, shown, decor["inset"], vp.world_bounds, k, lang, vector)
    return placed


def furniture_colors(hs: HouseStyle) -> tuple[str, str]:
    """(ink, paper) of the scale bar and north arrow: dark on white, or light on the page of a dark style."""
    return (hs.ink, hs.page) if hs.tone == "dark" else ("#222222", "#ffffff")


def page_boxes(state: MapState, settings: ExportSettings, width: float, height: float,
               quotes: list[Quote] | None = None) -> dict:
    """Where everything on the page goes, in page pixels (tests check nothing overlaps): "labels" is a list of
    (feature id, box); "legend", "frame", "inset", "arrow", "scale" and "logo" are boxes (absent when not
    drawn); "annotations" the boxes of the annotations' texts and markers."""
    page = layout(state, settings, width, height, quotes or [])
    with page_fonts(page):
        return _page_boxes(page_state(state, page), settings, page)


def _page_boxes(state: MapState, settings: ExportSettings, page: Page) -> dict:
    from corridor_viewer.render.labels import plan_labels

    vp = frame_viewport(state, page)
    decor = map_decor(state, page, vp, settings)
    k = page.k
    obstacles = []
    out: dict = {"frame": page.frame}
    origin = page.frame.topLeft()
    if "arrow" in decor:
        r = north_arrow_rect(vp, k, decor["arrow"])
        obstacles.append(r)
        out["arrow"] = r.translated(origin)
    if "scale" in decor:
        r = scale_bar_rect(vp, page.lang, k, decor["scale"])
        obstacles.append(r)
        out["scale"] = r.translated(origin)
    if "inset" in decor:
        obstacles.append(decor["inset"].adjusted(-4 * k, -4 * k, 4 * k, 4 * k))
        out["inset"] = decor["inset"].translated(origin)
    if page.legend_items:
        out["legend"] = QRectF(page.margin, page.legend_y, page.width - 2 * page.margin, page.legend_h)
    if page.logo_rect is not None:
        out["logo"] = page.logo_rect
    shown = state.with_(viewport=vp, language=page.lang, hover=None, badges=MappingProxyType({}))
    if not settings.highlight:
        shown = shown.with_(selection=())
    notes = annotation_layer.layout(shown, k)
    out["annotations"] = [(p.a.id, r.translated(origin)) for p in notes for r in p.boxes()]
    planned = plan_labels(shown, k, tuple(obstacles) + annotation_layer.obstacles(notes), page.style.high_contrast,
                          annotation_layer.segments(notes))
    out["labels"] = [(lab.fid, lab.rect.translated(origin)) for lab in planned]
    return out


def compose(state: MapState, settings: ExportSettings, painter: QPainter, width: float, height: float, *,
            vector: bool = False, quote: Quote | list[Quote] | None = None, page: Page | None = None,
            notes: list[str] | None = None, folio: str = "") -> Viewport:
    """Draw a whole page of width x height device pixels around ``state`` (its extent fitted into the map
    frame, in the settings' language); returns the map viewport used."""
    quotes = quote if isinstance(quote, list) else ([quote] if quote is not None else [])
    page = page or layout(state, settings, width, height, quotes, notes, folio)
    vp = frame_viewport(state, page)
    status_dash = state.layers[0].style.status_dash if state.layers else {}
    with page_fonts(page):
        draw_page(painter, page, vector, status_dash)
        painter.save()
        painter.translate(page.frame.topLeft())
        painter.setClipRect(QRectF(0, 0, page.frame.width(), page.frame.height()))
        draw_map(painter, state, page, vp, settings, vector)
        painter.restore()
    return vp


__all__ = ["APPROX_NOTE", "Page", "Quote", "clean_quote", "compose", "draw_map", "draw_page", "frame_viewport",
           "layout", "page_fonts", "page_state", "text_block"]
