"""What a published legend lists: one entry per distinct symbol on the map, then the status key (pure Python).

A layer-per-entry legend hides what a reader needs: Syunik, Nakhchivan and Karabakh are three fills in one
layer, and the places layer has a symbol per kind. So entries come from the styles the features are actually
drawn with on the state's date. Parts of a route that differ only in their status dash are one entry (the
status key explains the dashes), drawn with the dash most of its parts have.

Only the data is computed here, so the HTML page and the static pages can draw the same legend each their own
way (render/legend.py draws swatches with QPainter; export/web_legend.py writes SVG).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from corridor_viewer.model.feature import Feature
from corridor_viewer.model.mapstate import LayerView, MapState
from corridor_viewer.model.style import Style
from corridor_viewer.model.terms import STATUS_KEY, STATUS_OF_DASH, display_label, kind_name

STATUS_SWATCH = Style(stroke="#444444", width=2.0)


@dataclass(frozen=True)
class LegendEntry:
    title: str
    geometry: str  # polygon | line | point: how the swatch is drawn
    style: Style  # the feature style the symbol is drawn with (dash removed where it only encodes status)
    opacity: float = 1.0  # the layer's opacity
    layer_id: str = ""
    status: str | None = None  # set on the status key's rows


def _layers(state: MapState) -> list[LayerView]:
    # Base context (countries, water) explains itself; top layers first, as the reader sees them.
    return [lv for lv in reversed(state.layers) if lv.visible and lv.group != "context"]


def _symbols(state: MapState, lv: LayerView) -> dict[tuple[str, Style], list[tuple[Feature, Style, str]]]:
    groups: dict[tuple[str, Style], list[tuple[Feature, Style, str]]] = {}
    vx0, vy0, vx1, vy1 = state.viewport.world_bounds
    for f in lv.drawn_features():
        x0, y0, x1, y1 = f.geometry.bounds
        if x1 < vx0 or x0 > vx1 or y1 < vy0 or y0 > vy1:
            continue  # off the map: a key to a symbol the reader cannot see is only clutter
        status = state.status_of(f)
        if status is None:
            continue
        style = lv.style.for_feature(f.id, f.kind, status)
        geom = f.geometry.kind
        if geom == "point":
            key_style = replace(style, dash=(), use_status_dash=False)
        elif style.use_status_dash:
            key_style = replace(style, dash=())
        else:
            key_style = style
        groups.setdefault((geom, key_style), []).append((f, style, status))
    return groups


def _kinds(members: list[tuple[Feature, Style, str]], lang: str) -> str:
    kinds = list(dict.fromkeys(f.kind for f, _, _ in members if f.kind))
    return ("، " if lang == "ar" else ", ").join(kind_name(k, lang) for k in kinds)


def _title(lv: LayerView, geom: str, members: list[tuple[Feature, Style, str]], lang: str, single: bool) -> str:
    layer_title = lv.title_for(lang)
    if single:
        return layer_title
    if geom != "point" and len(members) == 1:
        f, _, status = members[0]
        return display_label(f, lang, status)  # e.g. Syunik, Nakhchivan, Nagorno-Karabakh (former)
    kinds = _kinds(members, lang)
    if geom == "point" and lv.style.kind_markers and kinds:
        return kinds[:1].upper() + kinds[1:] if lang == "en" else kinds  # a symbol per kind: "City", "Village"
    if geom == "line" or not kinds:
        return layer_title
    return f"{layer_title}: {kinds}"


def legend_entries(state: MapState, lang: str) -> list[LegendEntry]:
    """One entry per distinct symbol drawn in the state's view, top layer first."""
    out: list[LegendEntry] = []
    seen: set[tuple[str, str, Style]] = set()
    for lv in _layers(state):
        groups = _symbols(state, lv)
        for (geom, key_style), members in groups.items():
            # A route whose parts have different statuses shows its most common dash, never a solid line
            # that the status key would read as "existing".
            dash = () if geom == "point" else Counter(st.dash for _, st, _ in members).most_common(1)[0][0]
            style = replace(key_style, dash=dash)
            title = _title(lv, geom, members, lang, single=len(groups) == 1)
            if (title, geom, style) in seen:
                continue
            seen.add((title, geom, style))
            out.append(LegendEntry(title, geom, style, lv.opacity, lv.id))
    return out


def status_entries(state: MapState, lang: str) -> list[LegendEntry]:
    """The status key: one row per status whose dash is drawn on a route of the map, in the key's order."""
    present: set[str] = set()
    dash_of: dict[str, tuple[float, ...]] = {}
    for lv in _layers(state):
        dash_of = dash_of or dict(lv.style.status_dash)
        for (geom, _), members in _symbols(state, lv).items():
            if geom == "point":
                continue
            present.update(STATUS_OF_DASH.get(status, status) for _, st, status in members if st.use_status_dash)
    return [LegendEntry(title, "line", replace(STATUS_SWATCH, dash=dash_of.get(status, ())), status=status)
            for status, title in STATUS_KEY.get(lang, STATUS_KEY["en"]) if status in present]
