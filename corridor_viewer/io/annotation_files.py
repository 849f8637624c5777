"""Annotations as GeoJSON with the simplestyle-spec properties, so they open in geojson.io, QGIS and GitHub.

Each annotation is a Feature: a marker or callout a Point, a line or distance a LineString, an area a
Polygon (a circle as its geodesic ring, a rectangle as its four corners). The simplestyle properties
(``title``, ``description``, ``marker-color``, ``marker-symbol``, ``marker-size``, ``stroke``,
``stroke-width``, ``stroke-opacity``, ``fill``, ``fill-opacity``) say how other tools draw it; our own, all
prefixed ``cv_``, keep what they cannot say (the kind, both texts, arrowheads, curve, dash, label
direction, circle centre and radius), so a file written here reads back identical.

A file from elsewhere needs only geometry and, if it likes, simplestyle properties: a Point becomes a
marker, a LineString a line, a Polygon an area; the title becomes the text (Arabic when it is written in
Arabic). It is read with the checks every layer file gets (``io.geojson.read_layer_text``: one bounded
read of a regular file, the text decoded or refused with a reason, JSON errors with line and column); a
feature that cannot be drawn is skipped and counted, and a file with none left is refused.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corridor_viewer.model import projection
from corridor_viewer.model.annotations import (
    DASHES,
    DIRECTIONS,
    FRAMES,
    HEADS,
    MAX_LAT,
    MAX_POINTS,
    MAX_TEXT,
    MIN_LAT,
    Annotation,
    AnnotationError,
    Text,
    circle_ring,
    geodesic_length_m,
    new_id,
)

MAX_ANNOTATIONS = 10_000
SYMBOLS = {"dot": "circle", "pin": "marker", "star": "star", "square": "square"}
_FROM_SYMBOL = {"circle": "dot", "circle-stroked": "dot", "dot": "dot", "marker": "pin", "marker-stroked": "pin",
                "star": "star", "star-stroked": "star", "square": "square", "square-stroked": "square"}
_ARABIC = re.compile("[\u0600-\u06ff]")
_HEX = re.compile(r"#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


class AnnotationFileError(Exception):
    """An annotation file cannot be used; the message names the file, the problem and what to do."""


@dataclass
class AnnotationRead:
    annotations: tuple[Annotation, ...]
    skipped: int = 0
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        kinds: dict[str, int] = {}
        for a in self.annotations:
            kinds[a.kind] = kinds.get(a.kind, 0) + 1
        what = ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in sorted(kinds.items()))
        skipped = f"; {self.skipped} skipped" if self.skipped else ""
        return f"{len(self.annotations)} annotation{'s' if len(self.annotations) != 1 else ''} ({what}){skipped}"


# -- writing

def _rect_ring(a: Annotation) -> list[list[float]]:
    (x0, y0), (x1, y1) = (projection.forward(*p) for p in a.points)
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
    return [[round(v, 7) for v in projection.inverse(x, y)] for x, y in corners]


def _curve_lonlat(a: Annotation, n: int = 24) -> list[list[float]]:
    """A curved line sampled as the map draws it (quadratic Bézier in the map's projection)."""
    from corridor_viewer.model.annotation_geometry import curve_points

    pts = [projection.forward(*p) for p in a.points]
    return [[round(v, 7) for v in projection.inverse(x, y)] for x, y in curve_points(pts, a.curve, n, y_up=True)]


def feature(a: Annotation) -> dict[str, Any]:
    """One annotation as a simplestyle GeoJSON Feature."""
    text_en, text_ar = a.text.en, a.text.ar
    title = text_en or text_ar
    props: dict[str, Any] = {"title": title}
    if text_en and text_ar:
        props["description"] = text_ar
    pts = [[x, y] for x, y in a.points]
    if a.kind in ("marker", "callout"):
        geom: dict[str, Any] = {"type": "Point", "coordinates": pts[0]}
        props["marker-color"] = a.color
        props["marker-size"] = "medium"
        if a.kind == "marker":
            props["marker-symbol"] = str(a.number) if a.icon == "number" and a.number <= 9 else \
                SYMBOLS.get(a.icon, "circle")
    elif a.kind in ("line", "distance"):
        coords = _curve_lonlat(a) if a.kind == "line" and a.curve and len(pts) == 2 else pts
        geom = {"type": "LineString", "coordinates": coords}
        props.update({"stroke": a.color, "stroke-width": a.width, "stroke-opacity": 1.0})
        if a.kind == "distance":
            props["title"] = a.label("en").replace("\u00a0", " ")
            props["cv_length_km"] = round(geodesic_length_m(a.points) / 1000.0, 3)
    else:
        if a.shape == "circle":
            ring = [[round(x, 7), round(y, 7)] for x, y in circle_ring(a.points[0], a.radius_km)]
        elif a.shape == "rectangle":
            ring = _rect_ring(a)
        else:
            ring = [*pts, pts[0]]
        geom = {"type": "Polygon", "coordinates": [ring]}
        props.update({"stroke": a.color, "stroke-width": a.width, "stroke-opacity": 1.0, "fill": a.fill or a.color,
                      "fill-opacity": a.fill_opacity})
    exact = (a.kind == "line" and a.curve and len(pts) == 2) or (a.kind == "area" and a.shape != "polygon")
    own = {"cv_kind": a.kind, "cv_id": a.id, "cv_text_en": text_en, "cv_text_ar": text_ar,
           "cv_points": pts if exact else None,
           **{f"cv_{k}": getattr(a, k) for k in sorted(_RELEVANT[a.kind] | (set(a.to_dict()) & _OWN_FIELDS))
              if k != "points"}}
    props.update({k: v for k, v in own.items() if v is not None})
    return {"type": "Feature", "geometry": geom, "properties": props}


def to_geojson(items: tuple[Annotation, ...] | list[Annotation]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": [feature(a) for a in items]}


def write_annotations(path: Path | str, items: tuple[Annotation, ...] | list[Annotation]) -> None:
    from corridor_viewer.io.atomicfile import write_atomic

    text = json.dumps(to_geojson(items), ensure_ascii=False, indent=1, allow_nan=False)
    write_atomic(Path(path), (text + "\n").encode("utf-8"))


# -- reading

def read_annotations(path: Path | str) -> AnnotationRead:
    """Annotations from a GeoJSON file; AnnotationFileError names the file and says what is wrong."""
    from corridor_viewer.io.geojson import read_layer_text
    from corridor_viewer.io.layerdata import LayerImportError

    path = Path(path)
    try:
        text, _encoding = read_layer_text(path)
    except FileNotFoundError as exc:
        raise AnnotationFileError(f"{path}: no such file") from exc
    except LayerImportError as exc:
        raise AnnotationFileError(str(exc)) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AnnotationFileError(f"{path}: not valid JSON — {exc.msg} (line {exc.lineno}, column {exc.colno}). "
                                  "The file is damaged or was cut short") from exc
    except RecursionError as exc:
        raise AnnotationFileError(f"{path}: the JSON is nested too deeply to be annotations") from exc
    except ValueError as exc:  # an integer of more than 4,300 digits
        raise AnnotationFileError(f"{path}: not valid JSON — {str(exc)[:100]}") from exc
    return annotations_from_geojson(data, str(path))


def annotations_from_geojson(data: Any, label: str) -> AnnotationRead:
    if isinstance(data, dict) and data.get("type") == "FeatureCollection" and isinstance(data.get("features"), list):
        feats = data["features"]
    elif isinstance(data, dict) and data.get("type") == "Feature":
        feats = [data]
    else:
        raise AnnotationFileError(f'{label}: not GeoJSON annotations — expected {{"type": "FeatureCollection", '
                                  '"features": [...]}} with Point, LineString or Polygon features')
    if len(feats) > MAX_ANNOTATIONS:
        raise AnnotationFileError(f"{label}: {len(feats):,} features; annotations are at most {MAX_ANNOTATIONS:,} "
                                  "(load the rest as a layer: File → Add layer)")
    out: list[Annotation] = []
    warnings: list[str] = []
    seen: set[str] = set()
    skipped = 0
    for n, f in enumerate(feats, start=1):
        try:
            a = _from_feature(f)
        except (AnnotationError, _SkipError) as exc:
            skipped += 1
            if len(warnings) < 20:
                warnings.append(f"feature #{n} skipped: {exc}")
            continue
        if a.id in seen:
            a = Annotation.from_dict({**a.to_dict(), "id": new_id(a.kind)})
        seen.add(a.id)
        out.append(a)
    if not out:
        why = f" ({warnings[0]})" if warnings else ""
        raise AnnotationFileError(f"{label}: no annotation could be read{why}. Each feature needs a Point, "
                                  "LineString or Polygon geometry in longitude/latitude")
    return AnnotationRead(tuple(out), skipped, warnings)


class _SkipError(Exception):
    pass


def _num(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _position(p: Any) -> tuple[float, float]:
    if not (isinstance(p, list) and len(p) >= 2 and _num(p[0]) and _num(p[1])):
        raise _SkipError("a position is not [longitude, latitude]")
    lon, lat = float(p[0]), float(p[1])
    if not (-180 <= lon <= 180 and MIN_LAT <= lat <= MAX_LAT):
        raise _SkipError(f"({lon:.6g}, {lat:.6g}) is not a longitude/latitude this map can draw")
    return lon, lat


def _positions(v: Any, least: int) -> list[tuple[float, float]]:
    if not isinstance(v, list) or not least <= len(v) <= MAX_POINTS:
        raise _SkipError(f"expected {least} to {MAX_POINTS} positions")
    return [_position(p) for p in v]


def _color(v: Any, fallback: str, warn: list[str]) -> str:
    if isinstance(v, str):
        m = _HEX.fullmatch(v.strip())
        if m:
            return "#" + m.group(1).lower()
    if v not in (None, ""):
        warn.append(f"colour {str(v)[:20]!r} not understood")
    return fallback


def _text(props: dict) -> Text:
    en, ar = props.get("cv_text_en"), props.get("cv_text_ar")
    if isinstance(en, str) or isinstance(ar, str):
        return Text.from_value({"en": en if isinstance(en, str) else "", "ar": ar if isinstance(ar, str) else ""},
                               "text")
    title = props.get("title") if isinstance(props.get("title"), str) else props.get("name")
    title = title if isinstance(title, str) else ""
    desc = props.get("description") if isinstance(props.get("description"), str) else ""
    title, desc = title[:MAX_TEXT], desc[:MAX_TEXT]
    if _ARABIC.search(title):
        return Text.from_value({"en": desc if desc and not _ARABIC.search(desc) else "", "ar": title}, "text")
    return Text.from_value({"en": title, "ar": desc if _ARABIC.search(desc) else ""}, "text")


def _from_feature(f: Any) -> Annotation:
    if not isinstance(f, dict) or f.get("type") != "Feature":
        raise _SkipError("not a GeoJSON Feature")
    g = f.get("geometry")
    props = f.get("properties") if isinstance(f.get("properties"), dict) else {}
    if not isinstance(g, dict):
        raise _SkipError("no geometry")
    gtype, coords = g.get("type"), g.get("coordinates")
    kind = props.get("cv_kind")
    warn: list[str] = []
    own = {k[3:]: v for k, v in props.items() if isinstance(k, str) and k.startswith("cv_")
           and k[3:] in _OWN_FIELDS}
    d: dict[str, Any] = {"id": props.get("cv_id") if isinstance(props.get("cv_id"), str) else new_id("a"),
                         "text": _text(props).to_dict()}
    stroke_w = props.get("stroke-width")
    if gtype == "MultiLineString" and isinstance(coords, list) and coords:
        gtype, coords = "LineString", coords[0]
    if gtype == "MultiPolygon" and isinstance(coords, list) and coords:
        gtype, coords = "Polygon", coords[0]
    if gtype == "Point":
        d["kind"] = kind if kind in ("marker", "callout") else "marker"
        d["points"] = [list(_position(coords))]
        d["color"] = _color(props.get("marker-color"), "#d62828" if d["kind"] == "marker" else "#111111", warn)
        sym = props.get("marker-symbol")
        if isinstance(sym, str) and sym.isdigit() and len(sym) <= 3:
            d["icon"], d["number"] = "number", int(sym)
        elif isinstance(sym, str) and sym in _FROM_SYMBOL:
            d["icon"] = _FROM_SYMBOL[sym]
    elif gtype == "LineString":
        d["kind"] = kind if kind in ("line", "distance") else "line"
        d["points"] = [list(p) for p in _positions(coords, 2)]
        d["color"] = _color(props.get("stroke"), "#d62828" if d["kind"] == "line" else "#111111", warn)
        if d["kind"] == "line" and "cv_heads" not in props:
            d["heads"] = "none"  # a plain LineString from elsewhere is a line, not an arrow
    elif gtype == "Polygon":
        if not isinstance(coords, list) or not coords:
            raise _SkipError("a Polygon without rings")
        ring = _positions(coords[0], 4)
        if ring[0] == ring[-1]:
            ring = ring[:-1]
        d["kind"] = "area"
        d["points"] = [list(p) for p in ring]
        d["color"] = _color(props.get("stroke"), "#d62828", warn)
        fill = _color(props.get("fill"), "", warn)
        if fill and fill != d["color"]:
            d["fill"] = fill
        fo = props.get("fill-opacity")
        if _num(fo):
            d["fill_opacity"] = max(0.0, min(1.0, float(fo)))
    else:
        raise _SkipError(f"geometry type {str(gtype)[:30]!r} (annotations are Points, LineStrings and Polygons)")
    if _num(stroke_w) and "cv_width" not in props:
        d["width"] = max(0.5, min(24.0, float(stroke_w)))
    # Our own properties: the exact annotation written by write_annotations.
    pts = own.pop("points", None)
    if pts is not None:
        d["points"] = [list(p) for p in _positions(pts, 1)]
    for k, v in own.items():
        if k in _CHOICES and v not in _CHOICES[k]:
            warn.append(f"{k} {str(v)[:20]!r} not understood")
            continue
        d[k] = v
    if d["kind"] == "area" and d.get("shape") == "circle" and len(d["points"]) != 1:
        ring = d["points"]  # a circle without its centre: the middle of its ring
        d["points"] = [[sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)]]
    if d["kind"] == "area" and d.get("shape") == "rectangle" and len(d["points"]) != 2:
        ring = d["points"]
        d["points"] = [[min(p[0] for p in ring), min(p[1] for p in ring)],
                       [max(p[0] for p in ring), max(p[1] for p in ring)]]
    return Annotation.from_dict(d)


_OWN_FIELDS = {"points", "name", "visible", "color", "width", "dash", "fill", "fill_opacity", "icon", "number",
               "direction", "leader", "frame", "text_size", "heads", "curve", "shape", "radius_km", "decimals"}
_COMMON = {"name", "visible", "color", "text_size", "frame"}
_RELEVANT = {"marker": _COMMON | {"icon", "number", "direction", "leader"}, "callout": _COMMON,
             "line": _COMMON | {"width", "dash", "heads", "curve"},
             "distance": _COMMON | {"width", "dash", "heads", "decimals"},
             "area": _COMMON | {"width", "dash", "fill", "fill_opacity", "shape", "radius_km"}}
_CHOICES = {"dash": DASHES, "direction": DIRECTIONS, "frame": FRAMES, "heads": HEADS,
            "shape": ("polygon", "circle", "rectangle")}
