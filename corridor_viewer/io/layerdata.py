"""What an import produces and the checks every layer goes through, whatever its format.

Records (a shapely geometry or None, the attributes) -> decide the CRS (a missing one is assumed to be
EPSG:4326 only if every coordinate is a plausible longitude/latitude) -> reproject to EPSG:4326 -> drop
features with absurd coordinates -> repair invalid geometries (``make_valid``) or skip them -> GeoJSON-like
features plus counts and warnings -> model geometries. Pure Python; shapely/pyproj are imported on use.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MIN_LAT = -60.0  # the map's conic projection cannot draw Antarctica (coordinates run to infinity)
CHUNK = 20_000  # features per progress step
NAME_FIELDS = ("name_en", "name", "name_ar", "title", "label", "اسم", "الاسم", "الإسم", "nom", "nombre", "name1")
BAD = object()  # a record standing for features that could not be read at all: {reason: count}

Progress = Callable[[float, str], None]
Cancel = Callable[[], bool]


class LayerImportError(Exception):
    """A layer file cannot be imported; the message names the file, the problem and what to do."""


class ImportCancelledError(Exception):
    """The user pressed Cancel."""


@dataclass
class LayerInfo:
    name: str
    geometry_type: str
    features: int  # -1 when unknown


@dataclass
class ImportResult:
    path: str
    format: str  # a FORMAT_NAMES key
    layer: str | None  # the layer inside a GeoPackage / KML / zip, if there was a choice
    features: list[dict[str, Any]]  # GeoJSON features, lon/lat; properties are the file's attributes
    geometry_kind: str  # polygon | line | point: the most common kind
    name_field: str | None
    crs: str  # the source CRS as the file gave it, or a note on what was assumed
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    projected: list[Any] = field(default_factory=list, repr=False)  # model Geometry per feature (display CRS)

    @property
    def title(self) -> str:
        return self.layer or Path(self.path).stem

    def summary(self) -> str:
        c = self.counts
        n = len(self.features)
        parts = [f"{n} feature{'s' if n != 1 else ''} imported"]
        for key, text in (("repaired", "repaired"), ("skipped", "skipped")):
            if c.get(key):
                parts.append(f"{c[key]} {text}")
        return ", ".join(parts)


class Job:
    """Progress and cancel callbacks with a fraction range, so each stage reports its share."""

    def __init__(self, progress: Progress | None, cancel: Cancel | None) -> None:
        self._progress, self._cancel = progress, cancel
        self.lo, self.hi = 0.0, 1.0

    def stage(self, lo: float, hi: float) -> None:
        self.lo, self.hi = lo, hi

    def step(self, fraction: float, message: str = "") -> None:
        if self._cancel is not None and self._cancel():
            raise ImportCancelledError()
        if self._progress is not None:
            self._progress(self.lo + (self.hi - self.lo) * max(0.0, min(1.0, fraction)), message)


# -- the shared pipeline

def finish(job: Job, records: list[tuple[Any, dict]], crs: str | None, label: str, fmt: str,
           crs_implied: bool) -> ImportResult:
    """Records -> checked, reprojected, repaired features with counts (see the module docstring)."""
    import numpy as np

    with np.errstate(all="ignore"):  # bad numbers are counted and reported, not printed as warnings
        return _finish(job, records, crs, label, fmt, crs_implied)


def _finish(job: Job, records: list[tuple[Any, dict]], crs: str | None, label: str, fmt: str,
            crs_implied: bool) -> ImportResult:
    import numpy as np
    import shapely
    from shapely.errors import ShapelyError

    counts = {"read": 0, "imported": 0, "repaired": 0, "skipped": 0}
    reasons: dict[str, int] = {}

    def skip(reason: str, n: int = 1) -> None:
        reasons[reason] = reasons.get(reason, 0) + n

    geoms: list[Any] = []
    props: list[dict] = []
    for g, p in records:
        if g is BAD:
            for reason, n in p.items():
                skip("not a feature object" if reason == "not_feature" else "unreadable geometry", n)
                counts["read"] += n
            continue
        geoms.append(g)
        props.append(p)
    counts["read"] += len(geoms)
    raw = np.empty(len(geoms), dtype=object)
    raw[:] = geoms
    present = np.array([g is not None for g in geoms], dtype=bool)
    if present.any():
        present[present] = ~shapely.is_empty(raw[present])
    if (~present).any():
        skip("no geometry", int((~present).sum()))
    if not present.any():
        detail = "; ".join(f"{n} {r}" for r, n in reasons.items()) or "the file holds no features"
        raise LayerImportError(f"{label}: nothing to draw ({detail}). Check that the file has features with "
                               "coordinates")
    props = [p for p, keep in zip(props, present, strict=True) if keep]
    geoms = raw[present]
    arr = shapely.force_2d(geoms)
    # Non-finite coordinates first: nothing downstream can use them.
    coords, index = shapely.get_coordinates(arr, return_index=True)
    finite = np.isfinite(coords).all(axis=1)
    bad_finite = np.zeros(len(arr), dtype=bool)
    bad_finite[index[~finite]] = True
    ok_idx = np.flatnonzero(~bad_finite)
    if bad_finite.any():
        skip("coordinates that are not numbers (NaN/infinite)", int(bad_finite.sum()))
    src = _resolve_crs(crs, label, coords[finite], crs_implied)
    if src is not None and ok_idx.size:
        job.step(0.0, "reprojecting")
        arr_ok = _reproject(arr[ok_idx], src, label)
    else:
        arr_ok = arr[ok_idx]
    # Out of range after reprojection: huge or swapped coordinates, or beyond the map's projection.
    b = shapely.bounds(arr_ok)
    with np.errstate(invalid="ignore"):
        # NaN bounds: a NaN GEOS kept as an empty part, or a reprojection that failed.
        numeric = np.isfinite(b).all(axis=1)
        in_globe = numeric & (b[:, 0] >= -180) & (b[:, 2] <= 180) & (b[:, 1] >= -90) & (b[:, 3] <= 90)
        drawable = b[:, 1] >= MIN_LAT
    if (~numeric).any():
        skip("coordinates that are not numbers (NaN/infinite)", int((~numeric).sum()))
    if (numeric & ~in_globe).any():
        skip("coordinates outside longitude −180…180 / latitude −90…90", int((numeric & ~in_globe).sum()))
    if (in_globe & ~drawable).any():
        skip(f"south of {abs(MIN_LAT):g}°S (this map's projection cannot draw it)", int((in_globe & ~drawable).sum()))
    keep = in_globe & drawable
    if not keep.any():
        finite_b = np.abs(b[np.isfinite(b)])
        worst = f"largest value {finite_b.max():.6g}" if finite_b.size else "no usable number"
        raise LayerImportError(f"{label}: no feature has coordinates this map can draw ({worst}). "
                               "Coordinates must be longitude/latitude in degrees, or the file must say its CRS; "
                               "reproject the layer to EPSG:4326 in a GIS and export it again")
    arr_ok = arr_ok[keep]
    props = [props[i] for i in ok_idx[keep]]
    # Repair what GEOS finds invalid; skip what cannot be repaired into the same kind of shape.
    valid = shapely.is_valid(arr_ok)
    out_feats: list[dict[str, Any]] = []
    kinds = {"polygon": 0, "line": 0, "point": 0}
    n = len(arr_ok)
    for start in range(0, n, CHUNK):
        job.step(start / n, "checking geometries")
        stop = min(n, start + CHUNK)
        part = arr_ok[start:stop]
        bad = ~valid[start:stop]
        if bad.any():
            try:
                part = part.copy()
                part[bad] = shapely.make_valid(part[bad])
            except (ShapelyError, ValueError, TypeError):  # GEOS may fail on one pathological shape: retry singly
                part = part.copy()
                for j in np.flatnonzero(bad):
                    try:
                        part[j] = shapely.make_valid(part[j])
                    except (ShapelyError, ValueError, TypeError):
                        part[j] = None
        types = shapely.get_type_id(part)
        simple_pt = (types == 0) & ~bad
        xs, ys = shapely.get_x(part), shapely.get_y(part)
        labels = _label_points(part, simple_pt)
        for j, g in enumerate(part):
            if simple_pt[j]:  # most big layers are points: no shapely round trip for them
                kinds["point"] += 1
                x, y = float(xs[j]), float(ys[j])
                out_feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [x, y]},
                                  "properties": _json_safe_props(props[start + j]), "label_lonlat": [x, y]})
                continue
            was_invalid = bool(bad[j])
            pieces = _geojson_pieces(g, _dimension(arr_ok[start + j]) if was_invalid else None)
            if not pieces:
                skip("invalid geometry that could not be repaired" if was_invalid else "unsupported geometry")
                continue
            if was_invalid:
                counts["repaired"] += 1
            attrs = _json_safe_props(props[start + j])
            for geo, kind in pieces:
                kinds[kind] += 1
                feat = {"type": "Feature", "geometry": geo, "properties": attrs}
                if labels[j] is not None and len(pieces) == 1:
                    feat["label_lonlat"] = labels[j]
                out_feats.append(feat)
    if not out_feats:
        raise LayerImportError(f"{label}: every geometry is invalid and could not be repaired; fix the layer in a "
                               "GIS (for example QGIS: Vector ▸ Geometry Tools ▸ Fix Geometries)")
    job.step(1.0, "projecting")
    projected = project_features(out_feats)
    counts["imported"] = len(out_feats)
    counts["skipped"] = sum(reasons.values())
    warnings = [f"{Path(label).name}: {n} feature(s) skipped: {r}" for r, n in reasons.items()]
    if counts["repaired"]:
        warnings.append(f"{Path(label).name}: {counts['repaired']} invalid geometr"
                        f"{'y was' if counts['repaired'] == 1 else 'ies were'} repaired")
    if crs is None and not crs_implied:
        warnings.append(f"{Path(label).name}: the file does not say its CRS; its coordinates look like "
                        "longitude/latitude, so EPSG:4326 was assumed")
    name_field = _name_field([f["properties"] for f in out_feats[:200]])
    return ImportResult(path=label, format=fmt, layer=None, features=out_feats,
                        geometry_kind=max(kinds, key=kinds.get), name_field=name_field,
                        crs=str(crs) if crs else ("EPSG:4326 (assumed)" if not crs_implied else "EPSG:4326"),
                        counts=counts, warnings=warnings, projected=projected)


def _resolve_crs(crs: str | None, label: str, finite_coords: Any, implied: bool) -> Any:
    """A pyproj CRS to reproject from, or None when the coordinates already are lon/lat (EPSG:4326)."""
    if crs is None:
        if implied:
            return None
        c = finite_coords
        plausible = c.size == 0 or bool(((abs(c[:, 0]) <= 180) & (abs(c[:, 1]) <= 90)).all())
        if not plausible:
            raise LayerImportError(f"{label}: the file does not say its coordinate system (CRS), and its coordinates "
                                   f"are not longitude/latitude (values up to {abs(c).max():.6g}). Add the CRS "
                                   "(a .prj file for a shapefile) or export the layer as EPSG:4326 from a GIS")
        return None
    from corridor_viewer.io import gdalenv

    gdalenv.configure_proj()  # no network; grids only from PROJ's data folder
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    # PROJ reads an "+init=" file while parsing and a grid file when transforming: a CRS naming a FIFO hung the
    # import. Refuse file paths before parsing and grids that are not installed PROJ data after.
    problem = gdalenv.check_crs_text(str(crs))
    if problem is None:
        try:
            src = CRS.from_user_input(crs)
        except (CRSError, ValueError, TypeError) as exc:
            raise LayerImportError(f"{label}: its coordinate system is not understood ({str(crs)[:80]}); export the "
                                   "layer as EPSG:4326 from a GIS") from exc
        problem = gdalenv.check_crs_grids(src)
    if problem:
        raise LayerImportError(f"{label}: its coordinate system cannot be used — {problem}. Export the layer as "
                               "EPSG:4326 from a GIS")
    wgs84 = CRS.from_epsg(4326)
    if src.equals(wgs84, ignore_axis_order=True) or src.to_string() in ("OGC:CRS84", "urn:ogc:def:crs:OGC:1.3:CRS84"):
        return None
    return src


def _reproject(arr: Any, src: Any, label: str) -> Any:
    import numpy as np
    import shapely
    from pyproj import Transformer
    from pyproj.exceptions import ProjError

    try:
        tr = Transformer.from_crs(src, "EPSG:4326", always_xy=True)

        def fn(xy: Any) -> Any:
            x, y = tr.transform(xy[:, 0], xy[:, 1], errcheck=False)
            return np.column_stack([x, y])

        return shapely.transform(arr, fn)
    except (ProjError, ValueError) as exc:
        raise LayerImportError(f"{label}: cannot reproject from {src.name} to longitude/latitude ({exc})") from exc


def _dimension(g: Any) -> int:
    t = g.geom_type
    return 2 if "Polygon" in t else 1 if ("Line" in t or "Ring" in t) else 0 if "Point" in t else -1


def _geojson_pieces(g: Any, want_dim: int | None) -> list[tuple[dict, str]]:
    """GeoJSON geometries the model can draw: Point, (Multi)LineString, (Multi)Polygon.

    Multi-points become one point each; collections split by kind. After a repair only parts of the
    original dimension are kept (make_valid may leave stray lines beside a repaired polygon).
    """
    if g is None or g.is_empty:
        return []
    import shapely
    from shapely.geometry import LineString, MultiLineString, MultiPolygon, mapping

    if want_dim is None and g.geom_type in ("Polygon", "LineString", "MultiPolygon", "MultiLineString"):
        return [(_lists(mapping(g)), "polygon" if "Polygon" in g.geom_type else "line")]
    parts = list(shapely.get_parts(g)) if g.geom_type in ("GeometryCollection", "MultiPoint") else [g]
    flat = []
    for p in parts:
        flat += list(shapely.get_parts(p)) if p.geom_type.startswith("Multi") or p.geom_type == "GeometryCollection" \
            else [p]
    polys = [p for p in flat if p.geom_type == "Polygon" and not p.is_empty]
    lines = [LineString(p.coords) if p.geom_type == "LinearRing" else p for p in flat
             if p.geom_type in ("LineString", "LinearRing") and not p.is_empty]
    points = [p for p in flat if p.geom_type == "Point" and not p.is_empty]
    if want_dim is not None:
        polys, lines, points = ([polys, [], []] if want_dim == 2 else [[], lines, []] if want_dim == 1
                                else [[], [], points])
    out: list[tuple[dict, str]] = []
    if polys:
        out.append((_lists(mapping(polys[0] if len(polys) == 1 else MultiPolygon(polys))), "polygon"))
    if lines:
        out.append((_lists(mapping(lines[0] if len(lines) == 1 else MultiLineString(lines))), "line"))
    out += [({"type": "Point", "coordinates": [p.x, p.y]}, "point") for p in points]
    return out


def _lists(geo: dict) -> dict:
    """shapely's mapping() holds tuples; JSON and the model want plain lists of [lon, lat]."""
    def conv(c: Any) -> Any:
        if isinstance(c, (tuple, list)) and c and isinstance(c[0], (int, float)):
            return [float(c[0]), float(c[1])]
        return [conv(x) for x in c]

    return {"type": geo["type"], "coordinates": conv(geo["coordinates"])}


def _label_points(part: Any, done: Any) -> list[list[float] | None]:
    """Where a feature's label goes: a point inside a polygon, the middle of a line, the point itself."""
    import shapely
    from shapely.errors import ShapelyError

    out: list[list[float] | None] = []
    for g, skip in zip(part, done, strict=True):
        if skip or g is None or g.is_empty:
            out.append(None)
            continue
        t = g.geom_type
        try:
            if "Polygon" in t:
                p = shapely.point_on_surface(g)
            elif "Line" in t:
                biggest = max(shapely.get_parts(g), key=lambda s: s.length)
                p = biggest.interpolate(0.5, normalized=True)
            elif t == "Point":
                p = g
            else:
                p = None
        except (ShapelyError, ValueError, TypeError):  # a label position is a nicety, never a reason to fail
            p = None
        out.append([float(p.x), float(p.y)] if p is not None and not p.is_empty else None)
    return out


def project_features(features: list[dict]) -> list[Any]:
    """Model geometries in the display CRS (done here, off the UI thread when run by a worker)."""
    from corridor_viewer.io.geodata import project_geometry
    from corridor_viewer.model.feature import Geometry
    from corridor_viewer.model.projection import forward

    out = []
    for f in features:
        geo = f["geometry"]
        if geo["type"] == "Point":
            pt = forward(*geo["coordinates"])
            out.append(Geometry("point", [[[pt]]], (pt[0], pt[1], pt[0], pt[1])))
        else:
            out.append(project_geometry(geo))
    return out


def _json_safe(v: Any, depth: int = 0) -> Any:
    if v is None or isinstance(v, (bool, str)):
        return v[:10_000] if isinstance(v, str) else v
    if isinstance(v, int):
        return v if abs(v) < 2**63 else str(v)
    if isinstance(v, float):
        return v if math.isfinite(v) else None
    if hasattr(v, "item") and not isinstance(v, (list, dict)):  # numpy scalars
        try:
            return _json_safe(v.item(), depth)
        except (ValueError, TypeError):
            return str(v)[:1000]
    if depth < 8 and isinstance(v, (list, tuple)):
        return [_json_safe(x, depth + 1) for x in list(v)[:1000]]
    if depth < 8 and isinstance(v, dict):
        return {str(k)[:200]: _json_safe(x, depth + 1) for k, x in list(v.items())[:200]}
    if isinstance(v, bytes):
        return f"<{len(v)} bytes>"
    return str(v)[:1000]


def _json_safe_props(props: dict) -> dict[str, Any]:
    if len(props) <= 200:
        # The usual case, already plain JSON, checked with a bare loop (generators cost more than the work).
        for k, v in props.items():
            t = type(v)
            if type(k) is not str or len(k) > 200:
                break
            if t is str:
                if len(v) > 10_000:
                    break
            elif t is float:
                if not math.isfinite(v):
                    break
            elif t is int:
                if not -(2**63) < v < 2**63:
                    break
            elif t is not bool and v is not None:
                break
        else:
            return props
    return {str(k)[:200]: _json_safe(v) for k, v in list(props.items())[:200]}


def _name_field(props: list[dict]) -> str | None:
    keys: dict[str, str] = {}
    for p in props:
        for k, v in p.items():
            if isinstance(v, str) and v.strip():
                keys.setdefault(k.strip().lower(), k)
    for cand in NAME_FIELDS:
        if cand in keys:
            return keys[cand]
    return next((orig for low, orig in keys.items() if low.startswith("name")), None)


# -- into the model

_ARABIC = re.compile("[\u0600-\u06ff]")
USER_GROUP = "user"


def _text(v: Any) -> str:
    return "" if v is None else (v if type(v) is str and len(v) <= 200 and not v[:1].isspace() and not v[-1:].isspace()
                                 else str(v).strip()[:200])


def feature_props(attrs: dict[str, Any], name_field: str | None) -> dict[str, Any]:
    """Model properties for an imported feature. The file's own attributes stay under "attributes", so a
    column that happens to be called "sources" or "dates" can never be mistaken for the map's own data."""
    name = _text(attrs.get(name_field)) if name_field else ""
    name_en = _text(attrs.get("name_en")) or name
    name_ar = _text(attrs.get("name_ar")) or (name if _ARABIC.search(name) else "")
    shown = []
    for k, v in attrs.items():  # a plain loop: this runs once per feature of layers with 10^5-10^6 features
        if v is None or v == "" or k == name_field or k == "name_en" or k == "name_ar":
            continue
        t = _text(v)
        if t:
            shown.append(f"{k}: {t}")
            if len(shown) == 12:
                break
    props: dict[str, Any] = {"kind": "", "status": "", "attributes": attrs, "imported": True}
    if name_en:
        props["name_en"] = name_en
    if name_ar:
        props["name_ar"] = name_ar
    if shown:
        props["description_en"] = props["description_ar"] = " · ".join(shown)
    return props


def build_layer(result: ImportResult, layer_id: str, title: str, style: Any, z: int) -> Any:
    """A model Layer from an import: feature ids are ``<layer id>/<n>``; named features get labels."""
    from corridor_viewer.model import projection
    from corridor_viewer.model.feature import Feature, Layer

    projected = result.projected if len(result.projected) == len(result.features) else project_features(result.features)
    layer = Layer(id=layer_id, title={"en": title, "ar": title}, style=style, z=z, group=USER_GROUP)
    for i, (feat, geom) in enumerate(zip(result.features, projected, strict=True)):
        props = feature_props(feat.get("properties") or {}, result.name_field)
        anchor = feat.get("label_lonlat")
        label = projection.forward(*anchor) if anchor and "name_en" in props else None
        layer.features.append(Feature(id=f"{layer_id}/{i}", layer_id=layer_id, props=props, geometry=geom,
                                      label_anchor=label))
    return layer
