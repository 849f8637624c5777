"""SVG that equals the PNG: the page and the map drawn by the same compose functions, assembled by us.

Qt's QSvgGenerator draws the shapes well but (Qt 6.11) declares the size in millimetres (browsers then
show a pixel preset at 2/3 size), ignores clipping (the basemap would cover the title, legend and credit)
and writes right-to-left text one word per element (parentheses come out reversed). So:

* the page furniture, the map and the locator inset are drawn into generators of their own; the map and
  the inset each go into a group with a ``clipPath`` of their frame — a real clip, in every viewer;
* text is recorded instead of drawn (``render.text.recording``) and written here as one ``<text>`` per
  run, with ``direction="rtl"`` for Arabic runs so the viewer's bidi puts parentheses and numbers in
  order, a halo as a stroked copy underneath, and the families the PNG uses;
* width and height are in px for pixel presets (in mm for print presets, with the same viewBox).
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator

from corridor_viewer import APP_NAME
from corridor_viewer.export import inset as locator
from corridor_viewer.export.atomic import write_bytes_atomic
from corridor_viewer.export.compose import (
    Quote,
    draw_map,
    draw_page,
    frame_viewport,
    layout,
    map_decor,
    page_fonts,
    page_state,
)
from corridor_viewer.model.export_settings import ExportError, ExportSettings
from corridor_viewer.model.mapstate import MapState
from corridor_viewer.render.text import TextItem, families, recording


def _font_stack() -> str:
    return ", ".join(f"'{f}'" for f in families()) + ", sans-serif"


def _generate(width: float, height: float, dpi: int, draw) -> tuple[str, list[TextItem]]:
    """Run ``draw(painter)`` into a QSvgGenerator; returns the SVG body (inside <svg>) and the text runs."""
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(buf)
    gen.setSize(QSize(round(width), round(height)))
    gen.setViewBox(QRect(0, 0, round(width), round(height)))
    gen.setResolution(dpi)
    texts: list[TextItem] = []
    p = QPainter(gen)
    try:
        with recording(texts):
            draw(p)
    finally:
        p.end()
    buf.close()
    svg = bytes(data).decode("utf-8")
    start = svg.find(">", svg.find("<svg")) + 1
    body = svg[start:svg.rfind("</svg>")]
    body = re.sub(r"<title>.*?</title>|<desc>.*?</desc>", "", body, flags=re.S)
    return body, texts


def _text_elements(items: list[TextItem]) -> str:
    out = []
    stack = _font_stack()
    for t in items:
        weight = "700" if t.bold else "400"
        style = "italic" if t.italic else "normal"
        common = (f'font-family="{stack}" font-size="{t.px:.2f}" font-weight="{weight}" '
                  f'font-style="{style}" xml:space="preserve"')
        if t.rtl:
            # The run starts at its right edge; the viewer's bidi orders it (parentheses, digits) like Qt.
            pos = f'x="{t.x + t.width:.2f}" y="{t.y:.2f}" direction="rtl" unicode-bidi="embed" text-anchor="start"'
        else:
            pos = f'x="{t.x:.2f}" y="{t.y:.2f}" direction="ltr" text-anchor="start"'
        text = escape(t.text)
        if t.halo and t.halo_width > 0:
            out.append(f'<text {pos} {common} fill={quoteattr(t.halo)} stroke={quoteattr(t.halo)} '
                       f'stroke-width="{t.halo_width:.2f}" stroke-linejoin="round" aria-hidden="true">{text}</text>')
        out.append(f'<text {pos} {common} fill={quoteattr(t.color)}>{text}</text>')
    return "\n".join(out)


def render_svg(state: MapState, settings: ExportSettings, quote: Quote | list[Quote] | None = None) -> bytes:
    w, h, dpi = settings.pixel_size()
    quotes = quote if isinstance(quote, list) else ([quote] if quote is not None else [])
    page = layout(state, settings, w, h, quotes)
    with page_fonts(page):
        return _render_svg(state, settings, page, w, h, dpi)


def _render_svg(state: MapState, settings: ExportSettings, page, w: int, h: int, dpi: int) -> bytes:
    vp = frame_viewport(state, page)
    status_dash = state.layers[0].style.status_dash if state.layers else {}
    page_body, page_texts = _generate(w, h, dpi, lambda p: draw_page(p, page, True, status_dash))
    f = page.frame
    map_body, map_texts = _generate(f.width(), f.height(), dpi, lambda p: draw_map(p, state, page, vp, settings,
                                                                                   True, inset=False))
    inset_svg = ""
    decor = map_decor(state, page, vp, settings)
    if "inset" in decor:
        k = page.k
        r = decor["inset"]
        panel = r.adjusted(-2 * k, -2 * k, 2 * k, 2 * k)
        shown = page_state(state, page).with_(viewport=vp, language=page.lang, hover=None)

        def inset(p) -> None:
            p.translate(-panel.x(), -panel.y())
            locator.draw_inset(p, shown, r, vp.world_bounds, k, page.lang, True)

        body, texts = _generate(panel.width(), panel.height(), dpi, inset)
        inset_svg = (f'<clipPath id="inset-frame"><rect x="0" y="0" width="{panel.width():.2f}" '
                     f'height="{panel.height():.2f}"/></clipPath>\n'
                     f'<g id="inset" transform="translate({panel.x():.2f},{panel.y():.2f})" '
                     f'clip-path="url(#inset-frame)">{body}\n{_text_elements(texts)}</g>\n')
    scale = settings.scale if settings.scale in (1, 2, 3) else 1  # the same drawing, declared larger
    if settings._is_print():
        size = f'width="{w / dpi * 25.4 * scale:.2f}mm" height="{h / dpi * 25.4 * scale:.2f}mm"'
    else:
        size = f'width="{w * scale}px" height="{h * scale}px"'
    title = escape(settings.title.strip() or APP_NAME)
    desc = escape(page.footer)
    lang = "ar" if settings.language == "ar" else "en"
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
           f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" '
           f'{size} viewBox="0 0 {w} {h}" xml:lang="{lang}">\n<title>{title}</title>\n<desc>{desc}</desc>\n'
           f'<g id="page">{page_body}\n</g>\n'
           f'<clipPath id="map-frame"><rect x="0" y="0" width="{f.width():.2f}" height="{f.height():.2f}"/>'
           f'</clipPath>\n'
           f'<g id="map" transform="translate({f.x():.2f},{f.y():.2f})" clip-path="url(#map-frame)">\n{map_body}\n'
           f'<g id="map-labels">{_text_elements(map_texts)}</g>\n{inset_svg}</g>\n'
           f'<g id="page-text">{_text_elements(page_texts)}</g>\n'
           f'<rect x="{f.x():.2f}" y="{f.y():.2f}" width="{f.width():.2f}" height="{f.height():.2f}" fill="none" '
           f'stroke={quoteattr(page.style.rule)} stroke-width="{page.k:.2f}"/>\n</svg>\n')
    return doc.encode("utf-8")


def export_svg(state: MapState, settings: ExportSettings, path: Path, quote: Quote | list[Quote] | None = None
               ) -> str:
    data = render_svg(state, settings, quote)
    if not data.strip():
        raise ExportError(f"could not write SVG {path}")
    write_bytes_atomic(Path(path), data)
    w, h, _dpi = settings.pixel_size()
    return f"{w}×{h} SVG (text kept as text, map clipped to its frame)" + dropped_note(state, settings, quote)


def dropped_note(state: MapState, settings: ExportSettings, quote) -> str:
    quotes = quote if isinstance(quote, list) else ([quote] if quote is not None else [])
    w, h, _dpi = settings.pixel_size()
    dropped = layout(state, settings, w, h, quotes).dropped
    return f"; too small for {', '.join(dropped)}, left out" if dropped else ""


__all__ = ["export_svg", "render_svg"]
