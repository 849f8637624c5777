"""OpenStreetMap country borders as one clean, zoned coverage (maintainer tool; build.py uses it).

Input: the npm package ``@osm_borders/maritime_10m`` (OpenStreetMap boundaries, ODbL), pinned by
version and checksum. Its countries are maritime (they reach 12 nm into the sea) and each was
simplified on its own, so neighbours overlap or leave slivers of a few metres. This module

1. takes every country that reaches the data frame (a rectangle in the display CRS, so no view
   inside it ever sees a slanted data edge) and cuts the sea out with Natural Earth 10m ocean;
2. splits the sea into the Black Sea (with the Sea of Azov), the Caspian and the Mediterranean;
3. cuts everything along three nested zones (corridor, map window, far context) and cleans the
   pieces into one coverage whose shared edges are identical, vertex for vertex;
4. simplifies each zone with its own tolerance while keeping the zone seams fixed, so detail
   inside the corridor survives untouched and the far context costs few vertices;
5. dissolves the pieces back into one polygon per country and sea.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

import shapely
from shapely.geometry import Polygon, box, shape
from shapely.ops import unary_union

OSM_PACKAGE = "@osm_borders/maritime_10m"
OSM_VERSION = "1.1.0"
# sha256 of the npm tarball osm_borders-maritime_10m-1.1.0.tgz (npm's own sha512 integrity is
# checked by npm; this one is checked here, so a different file can never slip into a build).
OSM_TARBALL_SHA256 = "e9af1dc88a1854fba3e2c4375c61388987a6a00f1eec0975978410019748ac60"
OSM_MEMBER = "package/borders.geo.json"

# The data frame in display-CRS metres (LCC centred on 45°E 40°N). It holds the whole Black Sea
# and Caspian and leaves room around the home view: see max_m_per_px() for what a camera may do.
FRAME_M = (-1_650_000.0, -700_000.0, 1_150_000.0, 1_050_000.0)
# Nested zones, innermost first: (name, lon/lat box or None, only within CORE_ARAS_M of the Aras
# border?, Visvalingam–Whyatt tolerance in metres). Every vertex is projected when the app starts
# and stroked when painted, so detail goes only where it shows:
# * strip: the Aras along the Meghri strip keeps the package's detail: the meanders are what make
#   Armenia's border with Iran 46 km long (and the TRIPP scene is drawn at ~35 m/px);
# * scene: the rest of the TRIPP scene's box (the ridges around southern Syunik);
# * aras: 3 km either side of the rest of the Aras border, which the routes follow;
# * home: the home view (~300 m/px); window: the rest of the first releases' map window;
# * far: the rest of the frame, seen only when zoomed out to ~1 km/px.
CORE_ARAS_M = 3000.0
ARAS_LL = (43.6, 38.3, 48.0, 40.12)  # from the Akhurian mouth to Bahramtapa
ZONES: list[tuple[str, tuple[float, float, float, float] | None, bool, float]] = [
    ("strip", (45.95, 38.7, 46.7, 39.1), True, 40.0),
    ("scene", (45.75, 38.7, 46.75, 39.25), False, 150.0),
    ("aras", None, True, 300.0),
    ("home", (42.9, 38.0, 48.5, 41.6), False, 1200.0),
    ("window", (38.0, 36.5, 51.0, 43.5), False, 2500.0),  # the map window of the first releases
    ("far", None, False, 7000.0),
]
WINDOW_LL = ZONES[4][1]
TOLERANCE_M = {name: tol for name, _box, _aras, tol in ZONES}
FAR_ISLAND_KM2 = 300.0  # keeps Cyprus, Crete, Rhodes, Lesbos; drops the islets around them
# Slivers between independently simplified neighbours are a few metres wide; anything narrower
# than this is merged into the neighbour with the longest shared border.
GAP_WIDTH_M = 150.0

# Where OSM counts the same land in two countries, the first one named keeps it. Crimea is in
# both the Ukrainian and the Russian relation in OSM; the map follows the UN General Assembly
# (resolution 68/262, 2014) and draws it with Ukraine (the panel says so).
OVERLAP_OWNER = [("UKR", "RUS")]

# Sea basins (lon/lat): the Bosporus is cut at 41.1°N, so the Sea of Marmara goes with the
# Mediterranean; the Sea of Azov stays with the Black Sea it opens into.
BLACK_SEA_LL = [(26.0, 41.1, 42.5, 48.5), (30.2, 40.5, 42.5, 41.1)]
CASPIAN_LL = [(46.0, 35.0, 56.5, 48.5)]


def fetch_osm(arg: str | None) -> Path:
    """Path of borders.geo.json: from --osm-borders (the .tgz or the extracted file) or npm pack."""
    if arg:
        path = Path(arg)
        return _extract(path) if path.suffix == ".tgz" else path
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm not found: install Node.js/npm, or pass --osm-borders PATH to the package tarball")
    tmp = Path(tempfile.mkdtemp(prefix="cv-osm-"))
    subprocess.run([npm, "pack", f"{OSM_PACKAGE}@{OSM_VERSION}", "--silent"], cwd=tmp, check=True,
                   stdout=subprocess.DEVNULL)
    return _extract(next(tmp.glob("*.tgz")))


def _extract(tgz: Path) -> Path:
    digest = hashlib.sha256(tgz.read_bytes()).hexdigest()
    if digest != OSM_TARBALL_SHA256:
        raise SystemExit(f"{tgz.name}: sha256 {digest} is not the pinned {OSM_TARBALL_SHA256} "
                         f"({OSM_PACKAGE}@{OSM_VERSION}); update SOURCES.md and the pin only on purpose")
    out = Path(tempfile.mkdtemp(prefix="cv-osm-x-"))
    with tarfile.open(tgz) as tar:
        tar.extract(OSM_MEMBER, out, filter="data")
    return out / OSM_MEMBER


def read_osm(path: Path, lonlat_window: tuple[float, float, float, float]) -> dict[str, object]:
    """Countries (ISO 3166 alpha-3 -> lon/lat geometry) that reach the window."""
    data = json.loads(path.read_text(encoding="utf-8"))
    window = box(*lonlat_window)
    out = {}
    for feat in data["features"]:
        geom = feat["geometry"]
        parts = geom["geometries"] if geom["type"] == "GeometryCollection" else [geom]
        g = unary_union([shape(p) for p in parts])
        if g.intersects(window):
            out[feat["properties"]["isoA3"]] = g.intersection(window.buffer(0.5, join_style="mitre"))
    for keeper, loser in OVERLAP_OWNER:
        if keeper in out and loser in out:
            out[loser] = out[loser].difference(out[keeper])
    return out


def lonlat_box_m(bounds, to_m) -> Polygon:
    """A lon/lat box as a metric polygon (densified so its curved edges stay true)."""
    return shapely.make_valid(to_m(shapely.segmentize(box(*bounds), 0.05)))


def frame_lonlat(to_ll) -> tuple[float, float, float, float]:
    """Lon/lat bounds of the metric frame (the window to read inputs from)."""
    return to_ll(shapely.segmentize(box(*FRAME_M), 10_000.0)).bounds


def inscribed_lonlat(start: list[float], to_m) -> list[float]:
    """A lon/lat box (0.01° steps) whose every point lies inside the frame, grown side by side
    from ``start`` until no side can move out: meridians and parallels are curved in the conic,
    so this box is smaller than the frame's lon/lat bounds."""
    frame = box(*FRAME_M)
    bounds = [round(v, 2) for v in start]
    outward = (-1, -1, 1, 1)  # west and south grow down, east and north grow up
    for step in (1.0, 0.1, 0.01):
        moved = True
        while moved:
            moved = False
            for side in range(4):
                trial = list(bounds)
                trial[side] = round(trial[side] + outward[side] * step, 2)
                if frame.contains(lonlat_box_m(trial, to_m)):
                    bounds, moved = trial, True
    return bounds


def drop_far_islands(ocean_m, to_m):
    """Fill islands under FAR_ISLAND_KM2 outside the window into the sea (the Aegean's hundreds of
    islets would each cost a ring of vertices and show as specks at the scales that see them)."""
    window = lonlat_box_m(WINDOW_LL, to_m)
    polys = []
    for poly in shapely.get_parts(ocean_m):
        holes = [r for r in poly.interiors
                 if Polygon(r).area >= FAR_ISLAND_KM2 * 1e6 or window.intersects(Polygon(r))]
        polys.append(Polygon(poly.exterior, holes))
    return shapely.union_all(polys)


def sea_parts(ocean_m, to_m) -> dict[str, object]:
    """The frame's sea split into named basins (metric)."""
    black = unary_union([lonlat_box_m(b, to_m) for b in BLACK_SEA_LL])
    caspian = unary_union([lonlat_box_m(b, to_m) for b in CASPIAN_LL])
    out = {"black-sea": ocean_m.intersection(black), "caspian-sea": ocean_m.intersection(caspian)}
    out["mediterranean-sea"] = ocean_m.difference(black).difference(caspian)
    return {k: _polygonal(v) for k, v in out.items()}


def _polygonal(g):
    """Keep only the polygons of an overlay result (overlays can leave stray lines or points)."""
    parts = [p for p in shapely.get_parts(g) if p.geom_type == "Polygon" and not p.is_empty]
    return shapely.MultiPolygon(parts) if len(parts) > 1 else parts[0]


def aras_m(owners: dict[str, object], to_m):
    """The raw Aras borders (Iran and Turkey against Armenia and Azerbaijan), metric."""
    south = lonlat_box_m(ARAS_LL, to_m)
    north_bank = unary_union([owners[k] for k in ("ARM", "AZE")]).buffer(200.0)
    lines = [owners[k].boundary.intersection(north_bank).intersection(south) for k in ("IRN", "TUR")]
    return unary_union(lines)


def zones_m(owners: dict[str, object], to_m) -> dict[str, object]:
    """Each zone as a metric polygon: its area minus the zones inside it (so they tile the frame)."""
    frame = box(*FRAME_M)
    out: dict[str, object] = {}
    inner = None
    along = aras_m(owners, to_m).buffer(CORE_ARAS_M)
    for name, bounds, aras_only, _tol in ZONES:
        area = frame if bounds is None else lonlat_box_m(bounds, to_m).intersection(frame)
        if aras_only:
            area = area.intersection(along)
        out[name] = area if inner is None else area.difference(inner)
        inner = area if inner is None else inner.union(area)
    return out


def clean_coverage(owners: dict[str, object], to_m, floors_m: tuple[float, ...] = (0.0,)) -> list[dict[str, object]]:
    """Cut owners (country codes and sea ids -> metric polygons) by zone, clean, then simplify and
    dissolve once per floor: each zone's tolerance is raised to at least that floor (0: the zones'
    own tolerances; a larger floor gives the overview copy). Returns one result per floor."""
    zones = zones_m(owners, to_m)
    keys: list[tuple[str, str]] = []
    pieces = []
    for owner in sorted(owners):
        for zone, zpoly in zones.items():
            piece = owners[owner].intersection(zpoly)
            for part in shapely.get_parts(piece):
                if part.geom_type == "Polygon" and part.area > 1.0:
                    keys.append((owner, zone))
                    pieces.append(part)
    cleaned = shapely.coverage_clean(pieces, gap_width=GAP_WIDTH_M, merge_strategy="longest_border")
    # Wider gaps: holes the package leaves (the UK bases on Cyprus, a hole in the Volga delta) and
    # a few slivers of up to ~1 km along the Armenia–Azerbaijan line. Each goes to the owner it
    # shares the longest border with, as a piece of its own, and the coverage is cleaned again.
    gaps = box(*FRAME_M).difference(shapely.union_all(cleaned))
    tree = shapely.STRtree(cleaned)
    for gap in shapely.get_parts(gaps):
        if gap.area < 1.0:
            continue
        near = tree.query(gap.buffer(1.0))
        best = max(near, key=lambda i: gap.boundary.intersection(cleaned[i].buffer(1.0)).length)
        owner = keys[best][0]
        for zone, zpoly in zones.items():
            for part in shapely.get_parts(gap.intersection(zpoly)):
                if part.geom_type == "Polygon" and part.area > 1.0:
                    keys.append((owner, zone))
                    pieces.append(part)
    cleaned = shapely.coverage_clean(pieces, gap_width=GAP_WIDTH_M, merge_strategy="longest_border")
    if not bool(shapely.coverage_is_valid(cleaned)):
        raise SystemExit("coverage_clean did not give a valid coverage")
    return [_simplified(keys, cleaned, sorted(owners), floor) for floor in floors_m]


def _simplified(keys: list[tuple[str, str]], cleaned, owners: list[str], floor_m: float) -> dict[str, object]:
    simplified = list(cleaned)
    for zone, tol in TOLERANCE_M.items():
        idx = [i for i, (_o, z) in enumerate(keys) if z == zone and not cleaned[i].is_empty]
        if max(tol, floor_m) > 0 and idx:
            out = shapely.coverage_simplify([cleaned[i] for i in idx], max(tol, floor_m), simplify_boundary=False)
            for i, g in zip(idx, out, strict=True):
                simplified[i] = g
    result: dict[str, object] = {}
    for owner in owners:
        mine = [simplified[i] for i, (o, _z) in enumerate(keys) if o == owner and not simplified[i].is_empty]
        if mine:
            merged = shapely.coverage_union_all(mine)
            result[owner] = _polygonal(merged) if not merged.is_valid else merged
    bad = [k for k, g in result.items() if not g.is_valid]
    if bad:
        raise SystemExit(f"invalid geometry after coverage simplification: {', '.join(bad)}")
    return result


def uncovered_m2(owners: dict[str, object]) -> float:
    """Area of the frame that no owner covers (gaps the cleaner merged or left)."""
    return box(*FRAME_M).difference(unary_union(list(owners.values()))).area


def max_m_per_px(centre_m: tuple[float, float], width_px: int = 1920, height_px: int = 1080) -> float:
    """The widest scale at which a view of this size centred here stays inside the frame."""
    cx, cy = centre_m
    x0, y0, x1, y1 = FRAME_M
    return min((cx - x0) / (width_px / 2), (x1 - cx) / (width_px / 2),
               (cy - y0) / (height_px / 2), (y1 - cy) / (height_px / 2))
