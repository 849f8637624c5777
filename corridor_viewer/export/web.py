"""Interactive web map with folium, built from the model, working offline.

Leaflet (from the PyPI package xstatic-leaflet) is inlined, with its images as data URIs, so the
export is one self-contained .html file that makes no network request: easy to email or upload.
All article text and names are HTML-escaped before they enter a popup, and folium embeds the
GeoJSON with Jinja's `tojson`, which escapes <, >, & and quotes, so no text can close the script.
"""

from __future__ import annotations

import base64
import html
import re
from pathlib import Path

from corridor_viewer import APP_NAME
from corridor_viewer.export.atomic import atomic_path
from corridor_viewer.model import projection
from corridor_viewer.model.export_settings import ExportSettings
from corridor_viewer.model.feature import Feature
from corridor_viewer.model.mapstate import LayerView, MapState
from corridor_viewer.model.style import Style

STATUS = {
    "en": {"existing": "existing", "under-construction": "under construction", "proposed": "proposed",
           "historical": "historical", "closed": "closed"},
    "ar": {"existing": "قائم", "under-construction": "قيد الإنشاء", "proposed": "مقترح", "historical": "تاريخي",
           "closed": "مغلق"},
}
WORDS = {
    "en": {"sources": "Sources", "accuracy": "Accuracy", "passages": "In the articles",
           "attribution": "© OpenStreetMap contributors (ODbL) · Natural Earth (public domain) · "
                          "GeoNames (CC BY 4.0) · routes from dated public sources · Corridor Viewer"},
    "ar": {"sources": "المصادر", "accuracy": "الدقة", "passages": "في المقالات",
           "attribution": "© OpenStreetMap contributors (ODbL) · Natural Earth (ملكية عامة) · "
                          "GeoNames (CC BY 4.0) · المسارات من مصادر عامة مؤرخة · Corridor Viewer"},
}


def leaflet_style(style: Style, kind: str, opacity: float) -> dict:
    """The one translation of a model Style to Leaflet path options (Qt dashes are in pen widths)."""
    width = (style.line_width or style.width) if kind == "line" else style.width
    out = {"color": style.stroke, "weight": max(width, 0.0), "opacity": style.opacity * opacity,
           "lineCap": "round" if style.cap == "round" else "butt", "lineJoin": "round"}
    if style.dash:
        out["dashArray"] = ",".join(f"{d * max(width, 1.0):g}" for d in style.dash)
    if kind == "polygon":
        out["fill"] = bool(style.fill)
        out["fillColor"] = style.fill or style.stroke
        out["fillOpacity"] = style.fill_opacity * opacity if style.fill else 0
        if style.width <= 0:
            out["stroke"] = False
    else:
        out["fill"] = False
    if kind == "point" and style.marker is not None:
        m = style.marker
        out.update({"radius": m.size / 2 + 1, "fill": True, "fillColor": m.fill, "fillOpacity": opacity,
                    "color": m.stroke, "weight": m.stroke_width, "opacity": opacity})
    return out


def _safe_url(url: str) -> str | None:
    return url if re.match(r"^https?://", url or "") else None


def popup_html(links, f: Feature, lang: str) -> str:
    e = html.escape
    p = f.props
    other = "ar" if lang == "en" else "en"
    w = WORDS[lang]
    parts = [f"<div class='cv-popup' dir='{'rtl' if lang == 'ar' else 'ltr'}'>",
             f"<h3>{e(f.name(lang))}</h3><div class='alt'>{e(f.name(other))}</div>",
             f"<p class='status'>{e(STATUS[lang].get(f.status, f.status))}"
             + "".join(f" · {e(k)}: <span dir='ltr'>{e(str(v))}</span>" for k, v in (p.get('dates') or {}).items())
             + "</p>",
             f"<p>{e(p.get(f'description_{lang}') or p.get('description_en') or '')}</p>"]
    acc = p.get(f"accuracy_{lang}") or p.get("accuracy")
    if acc:
        parts.append(f"<p class='acc'><b>{e(w['accuracy'])}:</b> {e(acc)}</p>")
    if links is not None:
        groups = links.passages_for(f.id)
        if groups:
            items = []
            for art, passages in groups:
                for ps in passages[:3]:
                    items.append(f"<li><q dir='rtl'>{_highlighted(ps)}</q> <cite>{e(art.title)} "
                                 f"(<span dir='ltr'>{e(art.published)}</span>)</cite></li>")
            parts.append(f"<p><b>{e(w['passages'])}</b></p><ul class='passages'>{''.join(items[:8])}</ul>")
    srcs = []
    for s in p.get("sources") or []:
        title = e(s.get("title", ""))
        url = _safe_url(s.get("url", ""))
        label = f"<a href='{e(url)}' target='_blank' rel='noopener'>{title}</a>" if url else title
        srcs.append(f"<li>{label} — {e(s.get('publisher', ''))} (<span dir='ltr'>{e(str(s.get('date', '')))}"
                    "</span>)</li>")
    if srcs:
        parts.append(f"<p><b>{e(w['sources'])}</b></p><ul>{''.join(srcs)}</ul>")
    parts.append("</div>")
    return "".join(parts)


def _highlighted(passage_view) -> str:
    """Passage text (escaped) with the mention wrapped in <mark>; passage_view has text/spans."""
    return "".join(f"<mark>{html.escape(t)}</mark>" if hit else html.escape(t) for t, hit in passage_view.pieces())


def _drawn(state: MapState, layer: LayerView) -> list[Feature]:
    """The layer's features that exist on the state's date (the timeline)."""
    return [f for f in layer.drawn_features() if state.status_of(f) is not None]


def _layer_geojson(state: MapState, links, layer: LayerView, lang: str) -> dict:
    feats = []
    for f in _drawn(state, layer):
        raw = f.props.get("_geometry_lonlat")
        feats.append({"type": "Feature", "geometry": raw or _lonlat_geometry(f),
                      "properties": {"id": f.id, "name": html.escape(f.name(lang)), "popup": popup_html(links, f, lang),
                                     "kind": f.geometry.kind}})
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


PAGE_CSS = """
html,body{margin:0;height:100%;font-family:'Noto Sans','Noto Sans Arabic',Tahoma,Arial,sans-serif}
.cv-head{position:absolute;z-index:1000;top:10px;left:60px;right:60px;pointer-events:none}
.cv-head h1{margin:0;font-size:22px;text-shadow:0 0 4px #fff,0 0 4px #fff}
.cv-head p{margin:2px 0 0;font-size:14px;color:#333;text-shadow:0 0 3px #fff}
.cv-popup{max-width:340px;font-size:13px}.cv-popup h3{margin:0 0 2px}.cv-popup .alt{color:#666}
.cv-popup .acc{color:#7a4b00}.cv-popup mark{background:#ffe08a}.cv-popup ul{padding-inline-start:18px}
.cv-note{position:absolute;z-index:1000;bottom:22px;left:8px;background:#fffd;padding:2px 6px;font-size:11px;
color:#7a4b00}
"""


def build_map(state: MapState, settings: ExportSettings, links=None):
    import folium
    from branca.element import Element, MacroElement
    from jinja2 import Template

    lang = settings.language
    x0, y0, x1, y1 = state.extent
    corners = [projection.inverse(x, y) for x in (x0, x1) for y in (y0, y1)]
    south, north = min(c[1] for c in corners), max(c[1] for c in corners)
    west, east = min(c[0] for c in corners), max(c[0] for c in corners)
    m = folium.Map(location=[(south + north) / 2, (west + east) / 2], tiles=None, control_scale=True,
                   zoom_control=True, prefer_canvas=False)
    # Offline: no CDN links at all; Leaflet is inlined below.
    m.default_js = []
    m.default_css = []
    root = m.get_root()
    js, css = _leaflet_assets()
    root.header.add_child(Element(f"<style>{css}</style><style>{PAGE_CSS}</style>"), name="cv_css")
    root.header.add_child(Element(f"<script>{js}</script>"), name="cv_leaflet")
    root.header.add_child(Element(f"<style>.leaflet-container{{background:{state.background}}}</style>"),
                          name="cv_bg")
    for layer in state.layers:
        if not layer.visible:
            continue
        group = folium.FeatureGroup(name=html.escape(layer.title_for(lang)), show=True)
        styles = {}
        for f in _drawn(state, layer):
            st = layer.style.for_feature(f.id, f.kind, state.status_of(f) or f.status)
            styles[f.id] = leaflet_style(st, f.geometry.kind, layer.opacity)
        marker_style = next((s for s in styles.values() if "radius" in s), None)
        gj = folium.GeoJson(
            _layer_geojson(state, links, layer, lang),
            name=layer.id,
            style_function=lambda feat, styles=styles: styles[feat["properties"]["id"]],
            highlight_function=lambda feat: {"weight": 5, "color": "#ffb000"},
            tooltip=folium.GeoJsonTooltip(fields=["name"], labels=False),
            popup=folium.GeoJsonPopup(fields=["popup"], labels=False, max_width=360),
            marker=folium.CircleMarker(radius=marker_style["radius"]) if marker_style else None,
            zoom_on_click=False,
        )
        gj.add_to(group)
        group.add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    m.fit_bounds([[south, west], [north, east]])
    attribution = html.escape(WORDS[lang]["attribution"])

    class Attribution(MacroElement):
        _template = Template("{% macro script(this, kwargs) %}"
                             "{{ this._parent.get_name() }}.attributionControl.setPrefix(false)"
                             ".addAttribution({{ this.text|tojson }});{% endmacro %}")

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    m.add_child(Attribution(attribution))
    title = html.escape(settings.title.strip())
    subtitle = html.escape(settings.subtitle.strip())
    direction = "rtl" if lang == "ar" else "ltr"
    head = (f"<div class='cv-head' dir='{direction}'>" + (f"<h1>{title}</h1>" if title else "")
            + (f"<p>{subtitle}</p>" if subtitle else "") + "</div>"
            f"<div class='cv-note' dir='{direction}'>{html.escape(_approx_note(lang))}</div>")
    root.html.add_child(Element(head), name="cv_head")
    # branca writes the title into <title> unescaped.
    root.title = html.escape(settings.title.strip() or APP_NAME)
    return m


def _approx_note(lang: str) -> str:
    from corridor_viewer.export.compose import APPROX_NOTE

    return APPROX_NOTE[lang]


def render_html(state: MapState, settings: ExportSettings, links=None) -> str:
    m = build_map(state, settings, links)
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
