"""The web page's legend panel: the entries of export/legend_items drawn as inline SVG swatches.

A swatch uses the very Leaflet options the map draws the symbol with (web.leaflet_style), so the key cannot
drift from the map. Entries are list items that wrap as whole items; the status key is its own list.
"""

from __future__ import annotations

import html

from corridor_viewer.export.legend_items import LegendEntry, legend_entries, status_entries
from corridor_viewer.export.web_text import WORDS, unit
from corridor_viewer.model.mapstate import MapState

W, H = 34, 18


def _attrs(**kw: object) -> str:
    return "".join(f" {k.replace('_', '-')}='{html.escape(str(v))}'" for k, v in kw.items() if v is not None)


def swatch_svg(entry: LegendEntry) -> str:
    from corridor_viewer.export.web import leaflet_style, safe_color

    o = leaflet_style(entry.style, entry.geometry, entry.opacity)
    dash = o.get("dashArray")
    if entry.geometry == "polygon":
        stroke = {} if o.get("stroke") is False else {
            "stroke": o["color"], "stroke_width": min(o["weight"], 3), "stroke_opacity": o["opacity"],
            "stroke_dasharray": dash}
        shape = "<rect" + _attrs(x=2, y=3, width=W - 4, height=H - 6, fill=o["fillColor"],
                                 fill_opacity=o["fillOpacity"], **stroke) + "/>"
    elif entry.geometry == "line":
        shape = "<line" + _attrs(x1=3, y1=H / 2, x2=W - 3, y2=H / 2, stroke=o["color"],
                                 stroke_width=min(o["weight"], H - 4), stroke_opacity=o["opacity"],
                                 stroke_linecap=o["lineCap"], stroke_dasharray=dash) + "/>"
    else:
        m = entry.style.marker
        paint = {"fill": safe_color(m.fill) if m else o["color"],
                 "stroke": safe_color(m.stroke if m else "", "#ffffff"),
                 "stroke_width": m.stroke_width if m else 1}
        size = m.size if m else 5.0
        cx, cy, h = W / 2, H / 2, size / 2
        if m is None or m.shape == "circle":
            shape = "<circle" + _attrs(cx=cx, cy=cy, r=h + 1, **paint) + "/>"
        elif m.shape == "square":
            shape = "<rect" + _attrs(x=cx - h, y=cy - h, width=size, height=size, **paint) + "/>"
        else:
            shape = "<polygon" + _attrs(points=f"{cx},{cy - h} {cx + h},{cy} {cx},{cy + h} {cx - h},{cy}",
                                        **paint) + "/>"
    return f"<svg viewBox='0 0 {W} {H}' width='{W}' height='{H}' aria-hidden='true' focusable='false'>{shape}</svg>"


def _item(entry: LegendEntry) -> str:
    data = f" data-status='{html.escape(entry.status)}'" if entry.status else ""
    return f"<li class='cv-key'{data}>{swatch_svg(entry)}<span>{unit(entry.title)}</span></li>"


def legend_html(state: MapState, lang: str) -> str:
    """The legend as a <details> panel (the page script closes it on phones)."""
    words = WORDS[lang]
    entries = legend_entries(state, lang)
    status = status_entries(state, lang)
    if not entries and not status:
        return ""
    parts = [f"<details class='cv-legend' id='cv-legend' open><summary>{html.escape(words['legend'])}</summary>",
             f"<ul class='cv-keys'>{''.join(_item(e) for e in entries)}</ul>"]
    if status:
        parts.append(f"<p class='cv-keyhead'>{html.escape(words['status_key'])}</p>"
                     f"<ul class='cv-keys cv-status-key'>{''.join(_item(e) for e in status)}</ul>")
    parts.append("</details>")
    return "".join(parts)
