"""What an import produces and the checks every layer goes through, whatever its format.

:class:`Records` (plain points as coordinate columns, other shapes as shapely geometries, each with its
attributes) -> decide the CRS (a missing one is assumed to be EPSG:4326 only if every coordinate is a
plausible longitude/latitude) -> reproject to EPSG:4326 -> drop features with absurd coordinates -> check
and repair invalid geometries with bounded work (:mod:`corridor_viewer.io.geomcheck`) or skip them ->
GeoJSON features plus counts and warnings -> model geometries. Pure Python; shapely/pyproj are imported
on use.

One lon/lat copy: ``ImportResult.features`` is it (what a project saves); a line or polygon's geometry
there is a compact :class:`~corridor_viewer.io.lonlat.LonLatGeometry`, and the model feature built from
it refers to the same object as ``props["_geometry_lonlat"]`` (what the HTML export reads). The model's
projected Geometry is the only other copy of the coordinates.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import math
import re
import threading
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MIN_LAT = -60.0  # the map's conic projection cannot draw Antarctica (coordinates run to infinity)
CHUNK = 20_000  # features per progress step
NAME_FIELDS = ("name_en", "name", "name_ar", "title", "label", "اسم", "الاسم", "الإسم", "nom", "nombre", "name1")

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


class Records:
    """What a reader found, in file order: plain 2D points as two float columns (most big layers are points,
    and a shapely object per point costs several times the memory), other shapes as shapely geometries,
    each with its attributes; plus counts of what could not be read at all."""

    POINT, SHAPE = 0, 1

    def __init__(self) -> None:
        self.kinds = bytearray()  # POINT or SHAPE per record, in file order
        self.xy = array("d")  # x, y of each point record, interleaved
        self.point_props: list[dict] = []
        self.shapes: list[Any] = []
        self.shape_props: list[dict] = []
        self.missing = 0  # features without a geometry
        self.bad: dict[str, int] = {}  # reason -> count: "not a feature object", "unreadable geometry"

    def point(self, x: float, y: float, props: dict) -> None:
        self.kinds.append(self.POINT)
        self.xy.append(x)
        self.xy.append(y)
        self.point_props.append(props)

    def shape(self, g: Any, props: dict) -> None:
        self.kinds.append(self.SHAPE)
        self.shapes.append(g)
        self.shape_props.append(props)

    def count_bad(self, reason: str, n: int = 1) -> None:
        self.bad[reason] = self.bad.get(reason, 0) + n

    def add_geometries(self, geoms: Iterable[Any], props: Iterable[dict]) -> None:
        """Shapely geometries (or None) with their attributes; plain points go to the columns."""
        import numpy as np
        import shapely

        if isinstance(geoms, np.ndarray):
            arr = geoms
        else:
            arr = np.empty(len(geoms := list(geoms)), dtype=object)
            arr[:] = geoms
        props = list(props)
        if len(arr) == 0:
            return
        present = np.array([g is not None for g in arr], dtype=bool)
        simple = np.zeros(len(arr), dtype=bool)
        if present.any():
            simple[present] = (shapely.get_type_id(arr[present]) == 0) & ~shapely.is_empty(arr[present])
        xs = np.full(len(arr), np.nan)
        ys = np.full(len(arr), np.nan)
        if simple.any():
            xs[simple], ys[simple] = shapely.get_x(arr[simple]), shapely.get_y(arr[simple])
        for i, g in enumerate(arr):
            if simple[i]:
                self.point(float(xs[i]), float(ys[i]), props[i])
            elif g is None:
                self.missing += 1
            else:
                self.shape(g, props[i])


# -- the shared pipeline

_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = False


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection during a bulk import.

    Python's collector re-scans every tracked object whenever allocations outnumber frees by a margin, so
    building a million dicts, lists and features triggers about twenty full collections: half the time of a
    200,000-point import. Nothing an import builds forms a reference cycle (refcounting frees it all), so the
    collector is paused for the bulk work and restored after; nested and concurrent imports share one pause.
    """
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()


def finish(job: Job, records: Records, crs: str | None, label: str, fmt: str, crs_implied: bool) -> ImportResult:
    """Records -> checked, reprojected, repaired features with counts (see the module docstring)."""
    import numpy as np

    with np.errstate(all="ignore"):  # bad numbers are counted and reported, not printed as warnings
        return _finish(job, records, crs, label, fmt, crs_implied)


def _finish(job: Job, records: Records, crs: str | None, label: str, fmt: str, crs_implied: bool) -> ImportResult:
    import numpy as np
    import shapely

    reasons: dict[str, int] = {}

    def skip(reason: str, n: int = 1) -> None:
        if n:
            reasons[reason] = reasons.get(reason, 0) + n

    counts = {"read": len(records.kinds) + records.missing + sum(records.bad.values()), "imported": 0, "repaired": 0,
              "skipped": 0}
    for reason, n in records.bad.items():
        skip(reason, n)
    skip("no geometry", records.missing)
    # Points: an (n, 2) array. Shapes: an object array. `p_ok` / `s_ok` say which survive each check.
    pxy = np.frombuffer(records.xy, dtype=float).reshape(-1, 2).copy() if records.xy else np.empty((0, 2))
    shapes = np.empty(len(records.shapes), dtype=object)
    shapes[:] = records.shapes
    records.shapes = []  # from here on `shapes` holds them, so a replaced geometry is freed at once
    s_ok = ~shapely.is_empty(shapes) if len(shapes) else np.zeros(0, dtype=bool)
    skip("no geometry", int((~s_ok).sum()))
    if len(shapes):
        has_z = s_ok & shapely.has_z(shapes)
        if has_z.any():
            shapes[has_z] = shapely.force_2d(shapes[has_z])
    if not len(pxy) and not s_ok.any():
        detail = "; ".join(f"{n} {r}" for r, n in reasons.items()) or "the file holds no features"
        raise LayerImportError(f"{label}: nothing to draw ({detail}). Check that the file has features with "
                               "coordinates")
    # Non-finite coordinates first: nothing downstream can use them.
    p_ok = np.isfinite(pxy).all(axis=1)
    coords, index = shapely.get_coordinates(shapes[s_ok], return_index=True)
    finite = np.isfinite(coords).all(axis=1)
    s_idx = np.flatnonzero(s_ok)
    s_ok[s_idx[np.unique(index[~finite])]] = False
    skip("coordinates that are not numbers (NaN/infinite)", int((~p_ok).sum()) + int(np.unique(index[~finite]).size))
    src = _resolve_crs(crs, label, np.concatenate([pxy[p_ok], coords[finite]]), crs_implied)
    del coords, index, finite
    if src is not None:
        job.step(0.0, "reprojecting")
        pxy[p_ok] = _transform_xy(pxy[p_ok], src, label)
        if s_ok.any():
            shapes[s_ok] = _reproject(shapes[s_ok], src, label)
    # Out of range after reprojection: huge or swapped coordinates, or beyond the map's projection.
    pb = np.column_stack([pxy, pxy])
    sb = np.full((len(shapes), 4), np.nan)
    if s_ok.any():
        sb[s_ok] = shapely.bounds(shapes[s_ok])
    for ok, b in ((p_ok, pb), (s_ok, sb)):
        numeric = np.isfinite(b).all(axis=1)
        in_globe = numeric & (b[:, 0] >= -180) & (b[:, 2] <= 180) & (b[:, 1] >= -90) & (b[:, 3] <= 90)
        drawable = in_globe & (b[:, 1] >= MIN_LAT)
        skip("coordinates that are not numbers (NaN/infinite)", int((ok & ~numeric).sum()))
        skip("coordinates outside longitude −180…180 / latitude −90…90", int((ok & numeric & ~in_globe).sum()))
        skip(f"south of {abs(MIN_LAT):g}°S (this map's projection cannot draw it)",
             int((ok & in_globe & ~drawable).sum()))
        ok &= drawable
    if not p_ok.any() and not s_ok.any():
        allb = np.concatenate([pb, sb])
        finite_b = np.abs(allb[np.isfinite(allb)])
        worst = f"largest value {finite_b.max():.6g}" if finite_b.size else "no usable number"
        raise LayerImportError(f"{label}: no feature has coordinates this map can draw ({worst}). "
                               "Coordinates must be longitude/latitude in degrees, or the file must say its CRS; "
                               "reproject the layer to EPSG:4326 in a GIS and export it again")
    pieces, repaired = _shape_pieces(job, shapes, s_ok, skip)
    counts["repaired"] = repaired
    # Assemble in file order: one feature per point, one per drawable piece of a shape; the model geometries
    # are projected in two vectorised calls (points, then every shape vertex) and assembled alongside.
    job.step(1.0, "projecting")
    from corridor_viewer.io.lonlat import LonLatFeature, LonLatGeometry, point_geometries, shape_geometries

    kept = pxy[p_ok]
    point_geoms = iter(point_geometries(kept[:, 0], kept[:, 1]))
    point_xy = zip(kept[:, 0].tolist(), kept[:, 1].tolist(), strict=True)  # flat lists: no [x, y] per point
    shape_geos = [geo for i in sorted(pieces) for geo, _ in pieces[i][0] if type(geo) is LonLatGeometry]
    shape_geoms = iter(shape_geometries(shape_geos))
    safe = _json_safe_props
    out_feats: list[dict[str, Any]] = []
    projected: list[Any] = []
    kinds = {"polygon": 0, "line": 0, "point": 0}
    pi = si = 0
    for kind in records.kinds:
        if kind == Records.POINT:
            if p_ok[pi]:
                x, y = next(point_xy)
                out_feats.append(LonLatFeature(safe(records.point_props[pi]), x=x, y=y))
                projected.append(next(point_geoms))
                kinds["point"] += 1
            pi += 1
            continue
        got = pieces.get(si)
        if got:
            attrs = _json_safe_props(records.shape_props[si])
            geos, label_at = got
            for geo, what in geos:
                kinds[what] += 1
                if type(geo) is LonLatGeometry:
                    out_feats.append(LonLatFeature(attrs, geo, label=label_at if len(geos) == 1 else None))
                    projected.append(next(shape_geoms))
                else:  # a point split from a multipoint or collection
                    x, y = geo["coordinates"]
                    out_feats.append(LonLatFeature(attrs, x=x, y=y))
                    projected.append(point_geometries(np.array([x]), np.array([y]))[0])
        si += 1
    if not out_feats:
        raise LayerImportError(f"{label}: every geometry is invalid and could not be repaired; fix the layer in a "
                               "GIS (for example QGIS: Vector ▸ Geometry Tools ▸ Fix Geometries)")
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


def _shape_pieces(job: Job, shapes: Any, ok: Any, skip: Callable[[str, int], None]) -> tuple[dict[int, Any], int]:
    """{shape index: ([(lon/lat geometry, kind), ...], label position)} for the shapes that can be drawn,
    repaired where GEOS finds them invalid (work bounded by geomcheck); and how many were repaired.

    Valid lines and polygons (nearly all of them) are converted and labelled in a few vectorised calls per
    chunk; only invalid ones, collections and multipoints take the slow road, one geometry at a time."""
    import numpy as np
    import shapely

    from corridor_viewer.io.geomcheck import CHECK_BATCH_VERTICES, Checker
    from corridor_viewer.io.lonlat import dimension, drawable_pieces, from_shapely_many, label_point, label_points

    idx = np.flatnonzero(ok)
    verts = shapely.get_num_coordinates(shapes[idx])
    checker = Checker(int(verts.sum()))
    out: dict[int, Any] = {}
    repaired = 0
    # Batches of at most CHUNK shapes and about CHECK_BATCH_VERTICES vertices, so that no single vectorised
    # check can run far past the layer's time budget.
    bounds = [0]
    acc = 0
    for k, v in enumerate(verts.tolist()):
        acc += v
        if acc >= CHECK_BATCH_VERTICES or k + 1 - bounds[-1] >= CHUNK:
            bounds.append(k + 1)
            acc = 0
    if bounds[-1] != len(idx):
        bounds.append(len(idx))
    for start, stop in itertools.pairwise(bounds):
        job.step(start / max(1, len(idx)), "checking geometries")
        part_idx = idx[start:stop]
        part = shapes[part_idx]
        valid, refused = checker.check(part)
        for reason in refused.values():
            skip(reason, 1)
        if refused:
            valid[list(refused)] = False
        types = shapely.get_type_id(part)
        simple = valid & np.isin(types, (1, 3, 5, 6))
        simple[list(refused)] = False
        fast = np.flatnonzero(simple)
        labels = label_points(part[fast], types[fast])
        for j, geo, lab in zip(fast.tolist(), from_shapely_many(part[fast]), labels, strict=True):
            out[int(part_idx[j])] = ([(geo, "polygon" if types[j] in (3, 6) else "line")], lab)
        for j in np.flatnonzero(~simple).tolist():
            if j in refused:
                continue
            g = part[j]
            want = None
            if not valid[j]:
                fixed, reason = checker.repair(g)
                if reason:
                    skip(reason, 1)
                    continue
                want, g = dimension(g), fixed
            geos = drawable_pieces(g, want)
            if not geos:
                skip("invalid geometry that could not be repaired" if want is not None else "unsupported geometry", 1)
                continue
            repaired += want is not None
            out[int(part_idx[j])] = (geos, label_point(g) if len(geos) == 1 else None)
    return out, repaired


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


def _transformer(src: Any, label: str) -> Any:
    from pyproj import Transformer
    from pyproj.exceptions import ProjError

    try:
        return Transformer.from_crs(src, "EPSG:4326", always_xy=True)
    except (ProjError, ValueError) as exc:
        raise LayerImportError(f"{label}: cannot reproject from {src.name} to longitude/latitude ({exc})") from exc


def _transform_xy(xy: Any, src: Any, label: str) -> Any:
    import numpy as np

    x, y = _transformer(src, label).transform(xy[:, 0], xy[:, 1], errcheck=False)
    return np.column_stack([x, y])


def _reproject(arr: Any, src: Any, label: str) -> Any:
    import numpy as np
    import shapely
    from pyproj.exceptions import ProjError

    tr = _transformer(src, label)

    def fn(xy: Any) -> Any:
        x, y = tr.transform(xy[:, 0], xy[:, 1], errcheck=False)
        return np.column_stack([x, y])

    try:
        return shapely.transform(arr, fn)
    except (ProjError, ValueError) as exc:
        raise LayerImportError(f"{label}: cannot reproject from {src.name} to longitude/latitude ({exc})") from exc


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
    # Only what differs from the model's defaults (kind and status are "" unless set; readers fall back from
    # description_ar to description_en; the layer's group, "user", says it was imported): a dict of five keys
    # or fewer is half the size of one of eight, and a layer may hold a million of them.
    props: dict[str, Any] = {"attributes": attrs}
    if name_en:
        props["name_en"] = name_en
    if name_ar:
        props["name_ar"] = name_ar
    if shown:
        props["description_en"] = " · ".join(shown)
    return props


def build_layer(result: ImportResult, layer_id: str, title: str, style: Any, z: int) -> Any:
    """A model Layer from an import: feature ids are ``<layer id>/<n>``; named features get labels.

    A line or polygon's ``props["_geometry_lonlat"]`` is its LonLatGeometry in ``result.features`` (the same
    object, not a copy): the HTML export reads the lon/lat the file gave instead of undoing the projection.
    """
    with paused_gc():
        return _build_layer(result, layer_id, title, style, z)


def _build_layer(result: ImportResult, layer_id: str, title: str, style: Any, z: int) -> Any:
    from corridor_viewer.io.lonlat import LonLatFeature, project_features
    from corridor_viewer.model import projection
    from corridor_viewer.model.feature import Feature, Layer

    projected = result.projected if len(result.projected) == len(result.features) else project_features(result.features)
    layer = Layer(id=layer_id, title={"en": title, "ar": title}, style=style, z=z, group=USER_GROUP)
    append = layer.features.append
    name_field = result.name_field
    for i, (feat, geom) in enumerate(zip(result.features, projected, strict=True)):
        if type(feat) is LonLatFeature:
            props = feature_props(feat.properties, name_field)
            lonlat, anchor = feat.geometry, feat.label
        else:  # a plain GeoJSON feature (tests, other callers)
            props = feature_props(feat.get("properties") or {}, name_field)
            lonlat, anchor = feat.get("geometry"), feat.get("label_lonlat")
        if lonlat is not None and geom.kind != "point":
            props["_geometry_lonlat"] = lonlat
        label = None
        if "name_en" in props:
            label = projection.forward(*anchor) if anchor else geom.point if geom.kind == "point" else None
        append(Feature(id=f"{layer_id}/{i}", layer_id=layer_id, props=props, geometry=geom, label_anchor=label))
    return layer
