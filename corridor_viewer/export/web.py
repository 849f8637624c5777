"""Interactive web map with folium, built from the model, working offline and fit to publish.

The page: a header (title, subtitle), the map with permanent labels in the map language, a legend of every
symbol on the map, and a footer with the approximate-routes note and the credit; the Arabic page mirrors
(controls, scale text "10 كم", legend side). CSS and JavaScript live in export/web_assets.py, popups and
bidi-safe text in export/web_text.py, the legend in export/legend_items.py and export/web_legend.py.

Leaflet (from the PyPI package xstatic-leaflet) is inlined, with its images as data URIs, so the export is
one self-contained .html file that makes no network request: easy to email or upload. All article text and
names are HTML-escaped before they enter a popup, a label or the page; folium and our own macro embed JSON
with Jinja's `tojson`, which escapes <, >, & and quotes, so no text can close the script.
"""

from __future__ import annotations

import base64
import html
import re
from pathlib import Path

from corridor_viewer import APP_NAME
from corridor_viewer.export.atomic import atomic_path
from corridor_viewer.export.web_annotations import annotation_specs, house_css, logo_html
from corridor_viewer.export.web_assets import PAGE_CSS, PAGE_JS
from corridor_viewer.export.web_text import WORDS, isolate, popup_html, runs, unit
from corridor_viewer.model import projection
from corridor_viewer.model.dates import news_date
from corridor_viewer.model.export_settings import ExportSettings
from corridor_viewer.model.feature import Feature
from corridor_viewer.model.house_style import CORNERS, HouseStyle, styled_state
from corridor_viewer.model.mapstate import LayerView, MapState
from corridor_viewer.model.normalize import is_rtl
from corridor_viewer.model.style import Style
from corridor_viewer.model.terms import display_label

# Labels longer than this wrap onto two lines (centred areas only): "Four Gazakh villages, …" stays compact.
WRAP_CHARS = 26
SCALE_WORDS = {"en": {"km": "km", "m": "m"}, "ar": {"km": "كم", "m": "م"}}


_COLOR = re.compile(r"#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}|(?:rgb|hsl)a?\([0-9.,%\s]+\)")


def safe_color(value: object, fallback: str = "#333333") -> str:
    """A CSS colour, or the fallback: styles can come from a user's project file, and an SVG fill such as
    url(https://…) would make the page fetch (and CSS text could close the style block)."""
    text = str(value or "").strip()
    return text if _COLOR.fullmatch(text) else fallback


def leaflet_style(style: Style, kind: str, opacity: float) -> dict:
    """The one translation of a model Style to Leaflet path options (Qt dashes are in pen widths)."""
    width = (style.line_width or style.width) if kind == "line" else style.width
    out = {"color": safe_color(style.stroke), "weight": max(width, 0.0), "opacity": style.opacity * opacity,
           "lineCap": "round" if style.cap == "round" else "butt", "lineJoin": "round"}
    if style.dash:
        out["dashArray"] = ",".join(f"{d * max(width, 1.0):g}" for d in style.dash)
    if kind == "polygon":
        out["fill"] = bool(style.fill)
        out["fillColor"] = safe_color(style.fill or style.stroke)
        out["fillOpacity"] = style.fill_opacity * opacity if style.fill else 0
        if style.width <= 0:
            out["stroke"] = False
    else:
        out["fill"] = False
    if kind == "point" and style.marker is not None:
        m = style.marker
        out.update({"radius": m.size / 2 + 1, "fill": True, "fillColor": safe_color(m.fill), "fillOpacity": opacity,
                    "color": safe_color(m.stroke, "#ffffff"), "weight": m.stroke_width, "opacity": opacity})
    return out


def _drawn(state: MapState, layer: LayerView) -> list[Feature]:
    """The layer's features that exist on the state's date (the timeline)."""
    return [f for f in layer.drawn_features() if state.status_of(f) is not None]


def _marker(style: Style) -> dict | None:
    m = style.marker
    if m is None:
        return None
    return {"shape": m.shape, "size": m.size, "fill": safe_color(m.fill), "stroke": safe_color(m.stroke, "#ffffff"),
            "sw": m.stroke_width}


def _layer_geojson(state: MapState, links, layer: LayerView, lang: str) -> dict:
    feats = []
    for f in _drawn(state, layer):
        status = state.status_of(f)
        raw = f.props.get("_geometry_lonlat")
        props = {"id": f.id, "name": unit(display_label(f, lang, status)),
                 "popup": popup_html(links, f, lang, status), "kind": f.geometry.kind}
        if f.geometry.kind == "point":
            props["marker"] = _marker(layer.style.for_feature(f.id, f.kind, status or f.status))
        feats.append({"type": "Feature", "geometry": raw or _lonlat_geometry(f), "properties": props})
    return {"type": "FeatureCollection", "features": feats}


def _lonlat_geometry(f: Feature) -> dict:
    inv = projection.inverse
    g = f.geometry

    def ring(r):
        return [[round(c, 6) for c in inv(x, y)] for x, y in r]

    if g.kind == "point":
        return {"type": "Point", "coordinates": ring([g.point])[0]}
    if g.kind == "line":
        return {"type": "MultiLineString", "coordinates": [ring(part[0]) for part in g.parts]}
    return {"type": "MultiPolygon", "coordinates": [[ring(r) for r in rings] for rings in g.parts]}


def label_specs(state: MapState, lang: str) -> list[dict]:
    """Every label the page may show, most important first: the script shows them in this order and hides
    any that would overlap one already shown (the same order as render/labels.py: priority, then areas
    before lines and points, then upper layers). Mention counts are for the app's panels and never shown.
    The user's label edits apply as on the static maps: hidden labels are left out, a label's own text
    replaces its name, a forced label is shown even where it must cross something, a moved one is "fixed"
    with its centre where it was put and placed first."""
    from corridor_viewer.render.labels import FORCED_STYLE

    out = []
    overrides = state.label_overrides or {}
    for lv in state.layers:
        if not lv.visible:
            continue
        for f in lv.features:  # umbrellas (the Zangezur corridor) are drawn through their parts but labelled
            edit = overrides.get(f.id)
            forced = edit is not None and (edit.forced or edit.at is not None)
            ls = lv.style.labels or (FORCED_STYLE if forced else None)
            status = state.status_of(f)
            if ls is None or (f.label_anchor is None and not forced) or status is None or (edit and edit.hidden):
                continue
            own = edit.text.for_lang(lang).strip() if edit is not None and edit.text else ""
            text = own or display_label(f, lang, status)
            placement = "point" if f.geometry.kind == "point" else ls.placement
            style = lv.style.for_feature(f.id, f.kind, status)
            marker = style.marker.size if (style.marker and f.geometry.kind == "point") else 0.0
            b = f.geometry.bounds
            lon, lat = projection.inverse(*(f.label_anchor or ((b[0] + b[2]) / 2, (b[1] + b[3]) / 2)))
            if edit is not None and edit.at is not None:
                lon, lat = edit.at
                placement = "fixed"
            # What the map is about (the selection, the story's places) and the countries come first, as on
            # the static maps; a lower-priority label yields to them.
            must = f.id in state.selection or f.id in state.emphasis or f.kind == "country" or forced
            order = (-1 if placement == "fixed" else (0 if must else 1), f.priority, placement != "centroid", -lv.z)
            parts = ([s.id for s in lv.features if s.part_of == f.id and state.status_of(s) is not None]
                     if lv.style.umbrella_hidden else [])
            out.append((order, {
                "id": f.id, "layer": lv.id, "lat": round(lat, 6), "lon": round(lon, 6),
                "runs": [list(r) for r in runs(text, is_rtl(text))], "dir": "rtl" if is_rtl(text) else "ltr",
                "px": round(ls.size_pt * 4 / 3, 2), "bold": ls.bold,
                "italic": ls.italic, "caps": ls.caps and lang == "en",
                "color": safe_color(ls.color, "#222222"), "halo": safe_color(ls.halo, "#ffffff"),
                "min": 0 if forced else ls.min_m_per_px,
                "max": 1e9 if must else min(ls.max_m_per_px, state.label_limits.get(f.priority, 700.0)),
                "place": placement if placement in ("point", "line", "fixed") else "area",
                "force": forced,
                "gap": round(marker / 2 + 3, 1) if placement == "point" else 3,
                "wrap": placement == "centroid" and len(text) > WRAP_CHARS,
                **({"parts": parts} if parts else {}),
            }))
    out.sort(key=lambda t: t[0])
    return [spec for _, spec in out]


def _leaflet_assets() -> tuple[str, str]:
    import xstatic.pkg.leaflet as xl

    base = Path(xl.BASE_DIR)
    js = (base / "leaflet.js").read_text(encoding="utf-8")
    css = (base / "leaflet.css").read_text(encoding="utf-8")

    def inline(m: re.Match) -> str:
        img = base / "images" / m.group(1)
        return f"url(data:image/png;base64,{base64.b64encode(img.read_bytes()).decode()})"

    css = re.sub(r"url\(images/([\w.-]+\.png)\)", inline, css)
    # A literal "</script" inside the library would end our inline block early.
    return js.replace("</script", "<\\/script"), css


def _approx_note(lang: str) -> str:
    from corridor_viewer.export.compose import APPROX_NOTE

    return APPROX_NOTE[lang]


def _bounds(state: MapState) -> list[list[float]]:
    x0, y0, x1, y1 = state.extent
    corners = [projection.inverse(x, y) for x in (x0, x1) for y in (y0, y1)]
    south, north = min(c[1] for c in corners), max(c[1] for c in corners)
    west, east = min(c[0] for c in corners), max(c[0] for c in corners)
    return [[south, west], [north, east]]


def _inscribed_lonlat(b: tuple[float, float, float, float], steps: int = 24) -> list[list[float]]:
    """The largest lon/lat box inside a display-CRS rectangle (its edges sampled: the conic's parallels curve,
    so a corner is not where an edge's latitude is highest)."""
    x0, y0, x1, y1 = b
    xs = [x0 + (x1 - x0) * i / steps for i in range(steps + 1)]
    ys = [y0 + (y1 - y0) * i / steps for i in range(steps + 1)]
    south = max(projection.inverse(x, y0)[1] for x in xs)
    north = min(projection.inverse(x, y1)[1] for x in xs)
    west = max(projection.inverse(x0, y)[0] for y in ys)
    east = min(projection.inverse(x1, y)[0] for y in ys)
    return [[south, west], [north, east]]


def _logo_corner(settings: ExportSettings, hs: HouseStyle) -> str:
    return settings.logo_corner if settings.logo_corner in CORNERS else hs.logo_corner


def _header(state: MapState, settings: ExportSettings, hs: HouseStyle | None = None) -> str:
    lang = settings.language
    e = html.escape
    title, subtitle = settings.title.strip(), settings.subtitle.strip()
    hs = hs or HouseStyle()
    top_logo = logo_html(hs, _logo_corner(settings, hs)) if _logo_corner(settings, hs).startswith("t") else ""
    bare = not (title or subtitle or state.date or top_logo)
    parts = [f"<header class='cv-head{' cv-bare' if bare else ''}'>", top_logo]
    # One heading always, for screen readers; without a title it is not shown (a page titled "Map" is not
    # something an editor would publish).
    rtl = lang == "ar"
    parts.append(f"<h1>{isolate(title, rtl)}</h1>" if title
                 else f"<h1 class='cv-untitled'>{e(WORDS[lang]['map'])}</h1>")
    if subtitle:
        parts.append(f"<p class='cv-sub'>{isolate(subtitle, rtl)}</p>")
    if state.date:
        try:
            parts.append(f"<p class='cv-asof'>{e(WORDS[lang]['as_of'])} <bdi>{e(news_date(state.date, lang))}"
                         "</bdi></p>")
        except ValueError:
            pass
    parts.append("</header>")
    return "".join(parts)


def _footer(settings: ExportSettings, hs: HouseStyle | None = None) -> str:
    lang = settings.language
    e = html.escape
    hs = hs or HouseStyle()
    credit = isolate(settings.credit_text(maker=hs.credit.for_lang(lang)), lang == "ar")
    try:
        credit += f" · <bdi>{e(news_date(settings.date, lang))}</bdi>" if settings.date else ""
    except ValueError:
        credit += f" · <bdi>{e(settings.date)}</bdi>"
    bottom_logo = logo_html(hs, _logo_corner(settings, hs)) if _logo_corner(settings, hs).startswith("b") else ""
    return (f"<footer class='cv-foot'>{bottom_logo}<p class='cv-note'>{isolate(_approx_note(lang), lang == 'ar')}"
            f"</p><p class='cv-credit'>{credit}</p></footer>")


def build_map(state: MapState, settings: ExportSettings, links=None, *, collapse_layers: bool = True):
    """The folium map of ``state`` with the page around it. The layer control is a button that opens on hover
    or tap (``collapse_layers=False`` keeps it open on wide screens): the legend already says what is drawn,
    and an open control would hide a corner of the map and the labels under it."""
    import folium
    from branca.element import Element, MacroElement
    from folium.utilities import JsCode
    from jinja2 import Template

    from corridor_viewer.export.web_legend import legend_html
    from corridor_viewer.io.house_styles import resolve

    hs = resolve(settings)
    state = styled_state(state, hs)
    lang = settings.language
    rtl = lang == "ar"
    bounds = _bounds(state)
    (south, west), (north, east) = bounds
    m = folium.Map(location=[(south + north) / 2, (west + east) / 2], tiles=None, control_scale=False,
                   zoom_control=False, prefer_canvas=False, attribution_control=False, zoom_snap=0.25,
                   zoom_delta=0.5)
    # Offline: no CDN links at all; Leaflet is inlined below.
    m.default_js = []
    m.default_css = []
    root = m.get_root()
    js, css = _leaflet_assets()
    root.header.add_child(Element(f"<style>{css}</style><style>{PAGE_CSS}</style><style>{house_css(hs)}</style>"),
                          name="cv_css")
    root.header.add_child(Element(f"<script>{js}</script><script>{PAGE_JS}</script>"), name="cv_leaflet")
    background = safe_color(state.background, "#eef1ec")
    root.header.add_child(Element(f"<style>.cv-map,.leaflet-container{{background:{background}}}</style>"),
                          name="cv_bg")
    groups = []
    for layer in state.layers:
        if not layer.visible or layer.layer.raster is not None:  # the Terrain image is in the display CRS
            continue
        group = folium.FeatureGroup(name=html.escape(layer.title_for(lang)), show=True, control=False)
        styles = {}
        for f in _drawn(state, layer):
            st = layer.style.for_feature(f.id, f.kind, state.status_of(f) or f.status)
            styles[f.id] = leaflet_style(st, f.geometry.kind, layer.opacity)
        folium.GeoJson(
            _layer_geojson(state, links, layer, lang),
            name=layer.id,
            style_function=lambda feat, styles=styles: styles[feat["properties"]["id"]],
            highlight_function=lambda feat: {"weight": 5, "color": "#ffb000"},
            zoom_on_click=False,
            control=False,
            on_each_feature=JsCode("cvFeature"),
            pointToLayer=JsCode("cvPoint"),
        ).add_to(group)
        group.add_to(m)
        groups.append((layer, group))

    config = {
        "rtl": rtl, "lang": lang, "bounds": bounds, "collapse_layers": collapse_layers,
        # Where the base data stops: the page cannot be panned or zoomed out past it (no bare edge shows).
        "data_bounds": _inscribed_lonlat(state.data_bounds) if state.data_bounds else None,
        "labels": label_specs(state, lang),
        "annotations": annotation_specs(state, lang, safe_color),
        "layers": [{"id": lv.id, "name": unit(lv.title_for(lang))} for lv, _ in groups],
        "words": {**{k: WORDS[lang][k] for k in ("zoom_in", "zoom_out", "layers")}, **SCALE_WORDS[lang]},
    }

    class Page(MacroElement):
        """Calls the page script once every layer group exists (it is added to the map last)."""

        _template = Template(
            "{% macro script(this, kwargs) %}cvPage({{ this._parent.get_name() }}, {{ this.config|tojson }}, { "
            "{% for lid, var in this.groups %}{{ lid|tojson }}: {{ var }},{% endfor %}});{% endmacro %}")

        def __init__(self) -> None:
            super().__init__()
            self.config = config
            self.groups = [(lv.id, g.get_name()) for lv, g in groups]

    m.add_child(Page())
    page = (_header(state, settings, hs) + legend_html(state, lang)
            + f"<main class='cv-map' id='cv-map' aria-label='{html.escape(WORDS[lang]['map'])}'></main>"
            + _footer(settings, hs))
    root.html.add_child(Element(page), name="cv_page")
    # branca writes the title into <title> unescaped.
    root.title = html.escape(settings.title.strip() or APP_NAME)
    return m


def render_html(state: MapState, settings: ExportSettings, links=None, *, collapse_layers: bool = True) -> str:
    m = build_map(state, settings, links, collapse_layers=collapse_layers)
    text = m.get_root().render()
    lang = settings.language
    text = text.replace("<html>", f"<html lang='{lang}' dir='{'rtl' if lang == 'ar' else 'ltr'}'>", 1)
    # Anything that would make the browser fetch: script/img src, stylesheet links, CSS url().
    external = re.findall(r"""<(?:script|img|iframe)[^>]+src\s*=\s*["']?(?:https?:)?//|"""
                          r"""<link[^>]+href\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//""", text)
    if external:
        raise RuntimeError("the web export would load an external resource")  # guarded by tests
    return text


def export_html(state: MapState, settings: ExportSettings, path: Path, quote=None, links=None) -> str:
    text = render_html(state, settings, links)
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    n = sum(1 for layer in state.layers if layer.visible)
    return f"self-contained HTML ({len(text.encode()) // 1024} KB, {n} layers, Leaflet inlined, works offline)"
