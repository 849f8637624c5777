"""The annotations and the house style on the HTML page: data for the page script, and the page's own CSS.

Each annotation becomes a plain spec (longitude/latitude, colours checked by ``safe_color``, texts as runs the
script puts in the DOM with ``textContent``, never as markup), drawn by ``cvAnnotations`` in
export/web_assets.py: areas and lines as Leaflet paths (a curved line sampled as the static map draws it),
arrowheads turned to the line's end after every zoom, marker icons built with DOM calls, and the texts as
label elements the map's own labels keep clear of.
"""

from __future__ import annotations

import html
import math

from corridor_viewer.export.web_text import runs
from corridor_viewer.model import projection
from corridor_viewer.model.annotation_geometry import curve_points, midpoint, polygon_centroid
from corridor_viewer.model.annotations import DASHES, Annotation, circle_ring
from corridor_viewer.model.house_style import HouseStyle
from corridor_viewer.model.mapstate import MapState
from corridor_viewer.model.normalize import is_rtl

_AT = {"e": "r", "w": "l", "n": "t", "s": "b", "ne": "tr", "nw": "tl", "se": "br", "sw": "bl"}
_RADIUS = {"dot": 5.5, "pin": 7.0, "star": 8.5, "square": 6.0, "number": 10.0}


def _lonlat(x: float, y: float) -> list[float]:
    lon, lat = projection.inverse(x, y)
    return [round(lat, 6), round(lon, 6)]


def _lines(text: str) -> list[dict]:
    return [{"runs": [list(r) for r in runs(line, is_rtl(line))], "dir": "rtl" if is_rtl(line) else "ltr"}
            for line in text.split("\n")]


def _halo(color: str) -> str:
    c = color.lstrip("#")
    if len(c) == 3:
        c = "".join(ch * 2 for ch in c)
    r, g, b = (int(c[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return "#111111" if (max(r, g, b) + min(r, g, b)) / 2 > 0.72 else "#ffffff"


def _side(angle: float) -> str:
    """Which side of a line's middle its label goes (``angle``: the line's direction on screen, y down): the
    side that is up on the page, as render/annotations.py puts it, so a steep line's label sits beside it."""
    nx, ny = math.sin(angle), -math.cos(angle)
    if ny > 0:
        nx, ny = -nx, -ny
    if abs(nx) > 0.92:
        return "r" if nx > 0 else "l"
    if abs(nx) > 0.38:
        return "tr" if nx > 0 else "tl"
    return "t"


def annotation_specs(state: MapState, lang: str, safe_color) -> list[dict]:
    """What the page script draws for each visible annotation, in drawing order."""
    out = []
    for a in state.annotations:
        if a.visible:
            out.append(_spec(a, lang, safe_color))
    return out


def _spec(a: Annotation, lang: str, safe_color) -> dict:
    color = safe_color(a.color, "#d62828")
    d: dict = {"id": a.id, "kind": a.kind, "color": color, "halo": _halo(color), "width": a.width,
               "dash": ",".join(f"{v * a.width:g}" for v in DASHES.get(a.dash, ())),
               "px": round(a.text_size * 4 / 3, 2), "frame": a.frame}
    label = a.label(lang)
    xy = [projection.forward(*p) for p in a.points]
    if a.kind in ("marker", "callout"):
        d["lat"], d["lon"] = round(a.points[0][1], 6), round(a.points[0][0], 6)
    if a.kind == "marker":
        d.update({"icon": a.icon, "number": a.number, "r": _RADIUS.get(a.icon, 6.0)})
        direction = a.direction if a.direction != "auto" else ("w" if lang == "ar" else "e")
        if label:
            d["text"] = {"lat": d["lat"], "lon": d["lon"], "lines": _lines(label), "at": _AT[direction],
                         "gap": d["r"] + (34 if a.leader else 5), "lift": 15 if a.icon == "pin" else 0,
                         "bold": True, "leader": a.leader}
    elif a.kind == "callout":
        d["text"] = {"lat": d["lat"], "lon": d["lon"], "lines": _lines(label or " "), "at": "c", "gap": 0,
                     "lift": 0, "bold": False}
    elif a.kind in ("line", "distance"):
        drawn = curve_points(xy, a.curve, 32, y_up=True)
        d["latlngs"] = [_lonlat(x, y) for x, y in drawn]
        d["heads"] = {"end": ["end"], "start": ["start"], "both": ["start", "end"]}.get(a.heads, [])
        if label:
            (mx, my), angle = midpoint(xy, a.curve, y_up=True)
            lat, lon = _lonlat(mx, my)
            d["text"] = {"lat": lat, "lon": lon, "lines": _lines(label), "at": _side(-angle),
                         "gap": a.width / 2 + 4, "lift": 0, "bold": a.kind == "distance"}
    else:
        if a.shape == "circle":
            ring_xy = [projection.forward(*p) for p in circle_ring(a.points[0], a.radius_km)]
        elif a.shape == "rectangle":
            (x0, y0), (x1, y1) = xy
            ring_xy = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
        else:
            ring_xy = xy
        d["rings"] = [[_lonlat(x, y) for x, y in ring_xy]]
        d["fill"] = safe_color(a.fill or a.color, color)
        d["fill_opacity"] = a.fill_opacity
        if label:
            lat, lon = _lonlat(*polygon_centroid(ring_xy))
            d["text"] = {"lat": lat, "lon": lon, "lines": _lines(label), "at": "c", "gap": 0, "lift": 0,
                         "bold": True}
    return d


def house_css(hs: HouseStyle) -> str:
    """The page in the house style: colours, fonts (names are checked to letters, digits and spaces)."""
    fonts = "".join(f"'{f}'," for f in hs.fonts)
    return (f"body{{background:{hs.page};color:{hs.ink};font-family:{fonts}'Noto Sans','Liberation Sans',Arial,"
            f"sans-serif}}html[lang=ar] body{{font-family:{fonts}'Noto Sans Arabic','Noto Naskh Arabic',Tahoma,"
            f"'Segoe UI',Arial,sans-serif}}.cv-head,.cv-foot,.cv-legend{{border-color:{hs.rule}}}"
            f".cv-head p,.cv-foot,.cv-head .cv-asof,.cv-keyhead{{color:{hs.muted}}}"
            f".cv-head h1{{font-size:{hs.title_px * 0.85 / 16:.3f}rem}}"
            f".cv-head p.cv-sub{{font-size:{hs.subtitle_px * 0.95 / 16:.3f}rem}}"
            + (f".cv-foot .cv-note{{color:{hs.muted}}}" if hs.tone == "dark" else ""))


def logo_html(hs: HouseStyle, corner: str) -> str:
    """The logo as an <img> of a data: URI (an SVG shown through <img> runs no script)."""
    if not hs.logo:
        return ""
    mime = "image/svg+xml" if hs.logo_type == "svg" else "image/png"
    import base64

    src = f"data:{mime};base64,{base64.b64encode(hs.logo).decode('ascii')}"
    side = "right" if corner.endswith("r") else "left"
    name = html.escape(hs.name.for_lang("en"), quote=True)
    return (f"<img class='cv-logo' src='{src}' alt='{name}' style='float:{side};height:{hs.logo_height:.0f}px;"
            f"margin-{'left' if side == 'right' else 'right'}:12px'>")
