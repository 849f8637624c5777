"""Load the committed geodata (manifest + GeoJSON) into model layers, projected once.

Start-up path: json + pure-Python projection only (no shapely, no geopandas); the bundled layers are kept
between starts as an outline and their projected vertices (io.projcache), so a normal start parses neither
the coordinates nor projects them.
"""

from __future__ import annotations

import json
from array import array
from itertools import chain, islice
from pathlib import Path
from typing import Any

from corridor_viewer.model import projection
from corridor_viewer.model.document import Document
from corridor_viewer.model.feature import Feature, Geometry, Layer, RasterSource
from corridor_viewer.model.style import layer_style_from_manifest


class GeodataError(Exception):
    """The geodata folder is missing or damaged; the message says which file and what to do."""


def _bounds(points) -> tuple[float, float, float, float]:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


class _StaleCacheError(Exception):
    """The cached outline and vertices do not add up: read the layer files instead."""


class _Vertices:
    """Projected vertices for project_geometry: read from the cache, or computed and recorded for it.

    Reading from the cache, a line or ring is given as its vertex count (the cached outline's geometries
    hold counts in place of coordinates); recording, as its coordinates."""

    def __init__(self, cached: array | None) -> None:
        self._next = iter(cached) if cached is not None else None
        self.recorded: array | None = array("d") if cached is None else None

    def ring(self, coords: list | int) -> list[tuple[float, float]]:
        if self._next is not None:
            if type(coords) is not int or coords < 0:
                raise _StaleCacheError
            flat = islice(self._next, 2 * coords)
            pts = list(zip(flat, flat, strict=False))
            if len(pts) != coords:
                raise _StaleCacheError
            return pts
        pts = projection.forward_many(coords)
        self.recorded.extend(chain.from_iterable(pts))
        return pts

    def all_used(self) -> bool:
        return self._next is None or next(self._next, None) is None


def _shape(geom: dict[str, Any]) -> dict[str, Any]:
    """``geom`` for the cached outline: each line's and ring's coordinates replaced by its vertex count."""
    t, c = geom["type"], geom["coordinates"]
    if t == "LineString":
        c = len(c)
    elif t in ("MultiLineString", "Polygon"):
        c = [len(line) for line in c]
    elif t == "MultiPolygon":
        c = [[len(ring) for ring in poly] for poly in c]
    return {"type": t, "coordinates": c}


def project_geometry(geom: dict[str, Any], vertices: _Vertices | None = None) -> Geometry:
    t = geom["type"]
    fwd = vertices.ring if vertices is not None else projection.forward_many
    if t == "Point":
        pt = projection.forward(*geom["coordinates"][:2])
        return Geometry("point", [[[pt]]], (pt[0], pt[1], pt[0], pt[1]))
    if t in ("LineString", "MultiLineString"):
        lines = [geom["coordinates"]] if t == "LineString" else geom["coordinates"]
        parts = [[fwd(line)] for line in lines]
        return Geometry("line", parts, _bounds([p for part in parts for p in part[0]]))
    if t in ("Polygon", "MultiPolygon"):
        polys = [geom["coordinates"]] if t == "Polygon" else geom["coordinates"]
        parts = [[fwd(ring) for ring in poly] for poly in polys]
        return Geometry("polygon", parts, _bounds([p for part in parts for p in part[0]]))
    raise GeodataError(f"unsupported geometry type {t!r}")


def _projection_cache(folder: Path, manifest: dict[str, Any]):
    """The projected-vertex cache of the bundled geodata (io.projcache), or None where it cannot be kept."""
    try:
        from corridor_viewer import __version__
        from corridor_viewer.io.plancache import fingerprint_files
        from corridor_viewer.io.projcache import ProjectionCache, cache_key
        from corridor_viewer.io.userdirs import cache_dir

        files = [folder / entry["file"] for entry in manifest["layers"]]
        code = [Path(projection.__file__), Path(__file__)]  # the formulas, and how geometries are walked
        key = cache_key([__version__, projection.PROJ_STRING, fingerprint_files(code),
                         fingerprint_files(files), [entry["file"] for entry in manifest["layers"]]])
        return ProjectionCache(cache_dir(), key)
    except (OSError, KeyError, TypeError):
        return None


def load_manifest(folder: Path) -> dict[str, Any]:
    path = folder / "layers.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GeodataError(f"cannot read {path}: {exc}. Reinstall the app or rebuild geodata.") from exc


def load_document(folder: Path | None = None) -> Document:
    bundled = folder is None
    if folder is None:
        from corridor_viewer.resources import geodata_dir

        folder = geodata_dir()
    manifest = load_manifest(folder)
    # The bundled layers as the last start read them, when nothing they depend on changed (io.projcache).
    cache = _projection_cache(folder, manifest) if bundled else None
    cached = cache.load() if cache is not None else None
    if cached is not None:
        try:
            outline = json.loads(cached[0])
            vertices = _Vertices(cached[1])
            layers = _layers(manifest, outline, vertices)
            if not vertices.all_used():
                raise _StaleCacheError
            return _document(folder, manifest, layers)
        except (_StaleCacheError, GeodataError, ValueError, TypeError, KeyError, IndexError, AttributeError):
            pass  # not what we wrote (or another build's): read the layer files
    collections = []
    for entry in manifest["layers"]:
        path = folder / entry["file"]
        try:
            collections.append(json.loads(path.read_text(encoding="utf-8")).get("features", []))
        except (OSError, ValueError, AttributeError) as exc:
            raise GeodataError(f"cannot read layer file {path}: {exc}") from exc
    vertices = _Vertices(None) if cache is not None else None  # another folder: projected, nothing kept
    layers = _layers(manifest, collections, vertices)
    if cache is not None:
        outline = [[{"properties": raw.get("properties"), "id": raw.get("id"), "geometry": _shape(raw["geometry"])}
                    for raw in features] for features in collections]
        cache.save(json.dumps(outline, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), vertices.recorded)
    return _document(folder, manifest, layers)


def _layers(manifest: dict[str, Any], collections: list, vertices: _Vertices | None) -> list[Layer]:
    """The manifest's layers with the features of each file (GeoJSON features, or the cache's outline)."""
    if len(collections) != len(manifest["layers"]):
        raise _StaleCacheError
    layers = []
    for entry, features in zip(manifest["layers"], collections, strict=True):
        style = layer_style_from_manifest(entry, manifest.get("status_dash", {}))
        layer = Layer(id=entry["id"], title={"en": entry.get("title_en", entry["id"]),
                                             "ar": entry.get("title_ar", "")},
                      style=style, z=int(entry.get("z", 0)), group=entry.get("group", ""))
        for raw in features:
            props = raw.get("properties") or {}
            if not isinstance(props, dict):
                raise GeodataError(f"a feature of layer {entry['id']!r} has properties that are not an object")
            fid = props.get("id") or raw.get("id")
            if not isinstance(fid, str):
                raise GeodataError(f"a feature of layer {entry['id']!r} has no id (properties.id)")
            geom = project_geometry(raw["geometry"], vertices)
            anchor = props.get("label_lonlat")
            layer.features.append(Feature(
                id=fid, layer_id=layer.id, props=props, geometry=geom,
                label_anchor=projection.forward(*anchor) if anchor else None))
        layers.append(layer)
    return layers


def _document(folder: Path, manifest: dict[str, Any], layers: list[Layer]) -> Document:
    layers += _raster_layers(folder, manifest)
    home = manifest.get("home_lonlat")
    home_bounds = None
    if home:
        corners = [projection.forward(lon, lat) for lon in (home[0], home[2]) for lat in (home[1], home[3])]
        home_bounds = _bounds(corners)
    limits = {int(k): float(v) for k, v in manifest.get("label_scale_by_priority", {}).items()}
    extent = manifest.get("data_extent_lonlat")
    data_bounds = None
    if extent:
        corners = [projection.forward(lon, lat) for lon in (extent[0], extent[2]) for lat in (extent[1], extent[3])]
        data_bounds = _bounds(corners)
    return Document(layers, background=manifest.get("background", "#eef1ec"), home_bounds=home_bounds,
                    label_limits=limits, data_bounds=data_bounds,
                    emphasis=frozenset(manifest.get("always_label", [])), data_as_of=_as_of(manifest, layers))


def _raster_layers(folder: Path, manifest: dict[str, Any]) -> list[Layer]:
    """Image layers (the Terrain tint): placed as one rectangle each, loaded when first drawn."""
    out = []
    for entry in manifest.get("rasters", []):
        path = folder / entry["file"]
        if not path.is_file():
            raise GeodataError(f"raster layer file {path} is missing. Reinstall the app or rebuild geodata.")
        source = RasterSource(str(path), tuple(float(v) for v in entry["bounds_m"]), entry.get("blend", "multiply"),
                              float(entry.get("opacity", 1.0)), float(entry.get("min_m_per_px", 0.0)),
                              float(entry.get("max_m_per_px", float("inf"))), entry.get("attribution", ""))
        out.append(Layer(id=entry["id"], title={"en": entry.get("title_en", entry["id"]),
                                                "ar": entry.get("title_ar", "")},
                         style=layer_style_from_manifest({}, {}), z=int(entry.get("z", 0)),
                         group=entry.get("group", "context"), visible=bool(entry.get("visible", False)),
                         raster=source))
    return out


def _as_of(manifest: dict[str, Any], layers: list[Layer]) -> str | None:
    """The month of the newest dated source behind the map: the manifest says it, or the features do."""
    if isinstance(manifest.get("data_as_of"), str):
        return manifest["data_as_of"]
    dates = [str(s.get("date", ""))[:7] for layer in layers for f in layer.features
             for s in f.props.get("sources") or [] if str(s.get("date", ""))[:4].isdigit()]
    valid = [d for d in dates if len(d) == 7 and d[4] == "-" and d[5:7].isdigit()]
    return max(valid) if valid else None
