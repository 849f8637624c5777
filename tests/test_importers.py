"""Layer importers: every format, and hostile or broken files reported clearly (never a traceback)."""

from __future__ import annotations

import hashlib
import json
import time
import zipfile
from pathlib import Path

import pytest

from corridor_viewer.io import importers as im
from corridor_viewer.io.importers import ImportCancelledError, LayerImportError, import_layer, list_layers


def fc(*features) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}


def feat(geom, **props) -> dict:
    return {"type": "Feature", "properties": props, "geometry": geom}


def pt(x, y) -> dict:
    return {"type": "Point", "coordinates": [x, y]}


def write_json(path: Path, data) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def expect_error(path: Path, *words: str, layer: str | None = None) -> str:
    before = digest(path) if path.is_file() else None
    with pytest.raises(LayerImportError) as info:
        import_layer(path, layer)
    msg = str(info.value)
    assert str(path) in msg, msg  # which file
    for w in words:
        assert w.lower() in msg.lower(), msg
    if before is not None:
        assert digest(path) == before  # never a change to the user's file
    return msg


# -- formats that work

def test_geojson_points_lines_polygons_with_names(tmp_path):
    path = write_json(tmp_path / "mine.geojson", fc(
        feat(pt(46.34, 39.51), name="Goris"),
        feat({"type": "LineString", "coordinates": [[45, 39], [46, 40]]}, name="Road"),
        feat({"type": "Polygon", "coordinates": [[[45, 39], [46, 39], [46, 40], [45, 39]]]}, name="Area")))
    r = import_layer(path)
    assert r.counts == {"read": 3, "imported": 3, "repaired": 0, "skipped": 0}
    assert r.name_field == "name" and r.warnings == []
    assert [f["geometry"]["type"] for f in r.features] == ["Point", "LineString", "Polygon"]
    assert len(r.projected) == 3 and r.projected[0].kind == "point"


def test_geopackage_lists_layers_and_reprojects(tmp_path):
    gpd = pytest.importorskip("geopandas")
    from shapely.geometry import Point, Polygon

    path = tmp_path / "data.gpkg"
    gpd.GeoDataFrame({"name": ["Goris"]}, geometry=[Point(46.34, 39.51)], crs=4326).to_crs(3857).to_file(
        path, layer="towns", driver="GPKG")
    gpd.GeoDataFrame({"name": ["Box"]}, geometry=[Polygon([(45, 39), (46, 39), (46, 40)])], crs=4326).to_crs(
        32638).to_file(path, layer="areas", driver="GPKG")  # UTM 38N, metres
    assert [i.name for i in list_layers(path)] == ["towns", "areas"]
    expect_error(path, "choose one")  # two layers: the caller must say which
    r = import_layer(path, "towns")
    assert r.crs == "EPSG:3857" and r.layer == "towns"
    x, y = r.features[0]["geometry"]["coordinates"]
    assert x == pytest.approx(46.34, abs=1e-9) and y == pytest.approx(39.51, abs=1e-9)
    r = import_layer(path, "areas")
    ring = r.features[0]["geometry"]["coordinates"][0]
    assert min(p[0] for p in ring) == pytest.approx(45, abs=1e-6)
    expect_error(path, "no layer", layer="nope")


def shapefile_zip(tmp_path: Path, crs=3857, prj=True, name="towns") -> Path:
    gpd = pytest.importorskip("geopandas")
    from shapely.geometry import Point

    folder = tmp_path / f"shp-{name}"
    folder.mkdir()
    gpd.GeoDataFrame({"name": ["Goris", "Kapan"]}, geometry=[Point(46.34, 39.51), Point(46.4, 39.2)],
                     crs=4326).to_crs(crs).to_file(folder / f"{name}.shp")
    if not prj:
        (folder / f"{name}.prj").unlink()
    out = tmp_path / f"{name}.zip"
    with zipfile.ZipFile(out, "w") as z:
        for f in folder.iterdir():
            z.write(f, f"inner/{f.name}")
    return out


def test_zipped_shapefile_is_extracted_safely_and_read(tmp_path):
    r = import_layer(shapefile_zip(tmp_path))
    assert r.counts["imported"] == 2 and r.crs == "EPSG:3857"
    assert {f["properties"]["name"] for f in r.features} == {"Goris", "Kapan"}


def test_kml_and_its_driver(tmp_path):
    gpd = pytest.importorskip("geopandas")
    import pyogrio
    from shapely.geometry import Point

    drivers = pyogrio.list_drivers()
    assert "KML" in drivers or "LIBKML" in drivers
    path = tmp_path / "places.kml"
    gpd.GeoDataFrame({"Name": ["Goris"]}, geometry=[Point(46.34, 39.51)], crs=4326).to_file(path, driver="KML")
    r = import_layer(path)
    assert r.name_field == "Name" and r.features[0]["geometry"]["coordinates"] == [46.34, 39.51]
    assert "tessellate" not in r.features[0]["properties"]  # GDAL's bookkeeping columns are dropped
    if "LIBKML" in drivers:
        kmz = tmp_path / "places.kmz"
        gpd.GeoDataFrame({"Name": ["Kapan"]}, geometry=[Point(46.4, 39.2)], crs=4326).to_file(kmz, driver="LIBKML")
        assert import_layer(kmz).features[0]["properties"]["Name"] == "Kapan"


def test_csv_with_arabic_headers_in_cp1256_is_detected_and_said(tmp_path):
    path = tmp_path / "مدن.csv"
    path.write_bytes("الاسم;خط الطول;خط العرض\nغوريس;46,34;39,51\nكابان;46.4;39.2\nbad;x;y\n".encode("cp1256"))
    r = import_layer(path)
    assert r.counts["imported"] == 2 and r.counts["skipped"] == 1
    assert r.features[0]["properties"]["الاسم"] == "غوريس"
    assert r.features[0]["geometry"]["coordinates"] == [46.34, 39.51]
    assert any("cp1256" in w for w in r.warnings) and any("line 4" in w for w in r.warnings)


def test_csv_common_headers_and_arabic_digits(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("\ufeffName,Longitude,Latitude\nA,٤٦٫٤,٣٩٫٢\nB,45.5°,40\n", encoding="utf-8")
    r = import_layer(path)
    assert [f["geometry"]["coordinates"] for f in r.features] == [[46.4, 39.2], [45.5, 40.0]]


def test_csv_without_coordinate_columns_names_the_columns(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("town,population\nGoris,20000\n", encoding="utf-8")
    expect_error(path, "no longitude/latitude columns", "'town'", "lon and lat")


# -- bad input

@pytest.mark.parametrize("name", ["empty.geojson", "empty.csv", "empty.gpkg", "empty.kml", "empty.zip"])
def test_empty_files(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")
    expect_error(path, "empty")


def test_invalid_json_says_where(tmp_path):
    path = tmp_path / "cut.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Po',
                    encoding="utf-8")
    expect_error(path, "not valid JSON", "line 1", "column")


@pytest.mark.parametrize("data,words", [
    ([1, 2, 3], ["not GeoJSON", "list"]),
    ({"hello": "world"}, ["not GeoJSON", "'hello'"]),
    ({"type": "Topology", "objects": {}}, ["not GeoJSON", "Topology"]),
    ({"type": "FeatureCollection", "features": []}, ["nothing to draw"]),
    ({"type": "FeatureCollection", "features": [1, "x", None]}, ["nothing to draw", "not a feature"]),
])
def test_valid_json_with_the_wrong_schema(tmp_path, data, words):
    expect_error(write_json(tmp_path / "wrong.geojson", data), *words)


def test_invalid_geometries_are_repaired_or_skipped_with_counts(tmp_path):
    bowtie = {"type": "Polygon", "coordinates": [[[45, 39], [46, 40], [46, 39], [45, 40], [45, 39]]]}
    two_points = {"type": "Polygon", "coordinates": [[[45, 39], [46, 40]]]}
    collapsed = {"type": "Polygon", "coordinates": [[[45, 39], [46, 39], [45, 39], [45, 39]]]}
    r = import_layer(write_json(tmp_path / "bad.geojson", fc(
        feat(bowtie, name="Bow"), feat(two_points), feat(collapsed), feat(pt(45, 39)),
        feat({"type": "Pointy", "coordinates": [1, 2]}), feat(None))))
    assert r.counts["repaired"] == 1
    assert r.counts["skipped"] == 4 and r.counts["imported"] == 2
    assert r.features[0]["geometry"]["type"] == "MultiPolygon"
    text = " ".join(r.warnings)
    assert "repaired" in text and "could not be repaired" in text and "no geometry" in text


def test_huge_and_non_finite_coordinates(tmp_path):
    path = tmp_path / "huge.geojson"
    path.write_text('{"type":"FeatureCollection","features":['
                    '{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1e300,1e300]}},'
                    '{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[NaN,1]}},'
                    '{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[45,-80]}},'
                    '{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[45,40]}}]}')
    r = import_layer(path)
    assert r.counts["imported"] == 1 and r.counts["skipped"] == 3
    text = " ".join(r.warnings)
    assert "outside longitude" in text and "NaN" in text and "60°S" in text
    only_huge = write_json(tmp_path / "only.geojson", fc(feat(pt(4.5e6, 5.1e6))))
    expect_error(only_huge, "no feature has coordinates this map can draw", "EPSG:4326")


def test_missing_crs_assumed_only_for_lon_lat(tmp_path):
    r = import_layer(shapefile_zip(tmp_path, crs=4326, prj=False, name="lonlat"))
    assert r.counts["imported"] == 2 and any("EPSG:4326 was assumed" in w for w in r.warnings)
    msg = expect_error(shapefile_zip(tmp_path, crs=3857, prj=False, name="metres"), "coordinate system",
                       ".prj")
    assert "5.1" in msg  # shows the offending values


def test_legacy_geojson_crs_member_is_honoured(tmp_path):
    data = fc(feat(pt(5158265.0, 4793630.0)))
    data["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}}
    r = import_layer(write_json(tmp_path / "m.geojson", data))
    x, y = r.features[0]["geometry"]["coordinates"]
    assert 46 < x < 46.5 and 39 < y < 40
    data["crs"] = {"type": "name", "properties": {"name": "EPSG:bogus"}}
    expect_error(write_json(tmp_path / "b.geojson", data), "coordinate system")


def test_zero_byte_and_damaged_zip(tmp_path):
    empty = tmp_path / "empty.zip"
    empty.write_bytes(b"")
    expect_error(empty, "empty (0 bytes)", "not a zip")
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04 this is not really a zip")
    expect_error(junk, "not a valid zip")


@pytest.mark.parametrize("entry", ["../evil.shp", "a/../../evil.shp", "/etc/evil.shp", "C:/evil.shp",
                                   "..\\evil.shp"])
def test_zip_entries_escaping_the_archive_are_refused(tmp_path, entry):
    path = tmp_path / "evil.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("ok.shp", b"x")
        z.writestr(entry, b"x")
    expect_error(path, "outside the archive", "nothing was extracted")
    assert not (tmp_path.parent / "evil.shp").exists()


def test_zip_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.geojson", b" " * (30 << 20))
    expect_error(path, "zip bomb")


def test_zip_without_a_layer_lists_what_it_holds(tmp_path):
    path = tmp_path / "docs.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", b"hello")
    expect_error(path, "no .shp", "readme.txt")


def test_shapefile_zip_missing_its_parts(tmp_path):
    path = tmp_path / "part.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("a.shp", b"x")
    expect_error(path, ".shx", ".dbf")


def test_damaged_geopackage_and_unknown_suffix(tmp_path):
    path = tmp_path / "bad.gpkg"
    path.write_bytes(b"SQLite format 3\x00" + b"\x01" * 300)
    expect_error(path, "cannot open it as GeoPackage", "damaged")
    other = tmp_path / "x.docx"
    other.write_bytes(b"abc")
    expect_error(other, "not a layer file", "GeoJSON")


def test_binary_junk_as_geojson(tmp_path):
    path = tmp_path / "junk.geojson"
    path.write_bytes(bytes(range(256)) * 4)
    expect_error(path, "binary")


def test_attribute_columns_named_like_model_fields_stay_apart(tmp_path):
    """A column called "sources" or "dates" must not reach the feature panel as the map's own data."""
    r = import_layer(write_json(tmp_path / "x.geojson", fc(feat(pt(45, 40), name="X", sources="oops", dates=[1],
                                                                label_priority="high"))))
    props = im.feature_props(r.features[0]["properties"], r.name_field)
    assert "sources" not in props and "dates" not in props and "label_priority" not in props
    assert props["attributes"]["sources"] == "oops" and props["name_en"] == "X"


# -- big files: progress and cancel

def big_geojson(path: Path, mb: int) -> Path:
    one = ('{"type":"Feature","properties":{"name":"p%d","v":0.123456789},'
           '"geometry":{"type":"Point","coordinates":[45.%06d,39.%06d]}}')
    with open(path, "w", encoding="ascii") as fh:
        fh.write('{"type":"FeatureCollection","features":[')
        n, size = 0, 0
        chunk = []
        while size < mb * 1_000_000:
            s = one % (n, n % 999_999, (n * 7) % 999_999)
            chunk.append(s)
            size += len(s) + 1
            n += 1
            if len(chunk) == 10_000:
                fh.write(",".join(chunk) + ",")
                chunk = []
        fh.write(",".join([*chunk, one % (n, 1, 1)]) + "]}")
    return path


def test_100_mb_file_reports_progress_and_cancels_quickly(tmp_path):
    path = big_geojson(tmp_path / "big.geojson", 100)
    assert path.stat().st_size >= 100_000_000
    seen: list[float] = []
    state = {"cancel_at": None}

    def progress(fraction: float, _msg: str) -> None:
        seen.append(fraction)
        if fraction > 0.2 and state["cancel_at"] is None:
            state["cancel_at"] = time.monotonic()

    with pytest.raises(ImportCancelledError):
        import_layer(path, progress=progress, cancel=lambda: state["cancel_at"] is not None)
    stopped = time.monotonic() - state["cancel_at"]
    assert stopped < 2.0, stopped  # Cancel takes effect at once, not after the whole file
    assert len(seen) > 20 and seen == sorted(seen) and 0.2 < seen[-1] < 0.6


def test_zip_from_an_unknown_zip_version(tmp_path):
    """Found by the fuzzer: zipfile raises NotImplementedError for a future 'version needed to extract'."""
    path = tmp_path / "future.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("a.geojson", b"{}")
    data = bytearray(path.read_bytes())
    central = data.index(b"PK\x01\x02")
    data[central + 6:central + 8] = (101).to_bytes(2, "little")  # version 10.1
    path.write_bytes(bytes(data))
    expect_error(path, "not a valid zip")


def test_zip_entry_without_a_name(tmp_path):
    """Found by the fuzzer: a damaged zip whose entry name is empty."""
    path = tmp_path / "noname.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("abcde", b"x")
    data = path.read_bytes()
    central = data.index(b"PK\x01\x02")
    # Name length 0 in the central directory; the five name bytes then read as the entry's comment.
    data = (data[:central + 28] + (0).to_bytes(2, "little") + (0).to_bytes(2, "little") + (5).to_bytes(2, "little")
            + data[central + 34:])
    path.write_bytes(data)
    expect_error(path, "damaged")


# -- streaming GeoJSON and the one lon/lat copy

def test_geojson_is_read_as_it_streams_whatever_the_member_order(tmp_path):
    """Sorted keys put "crs" before and "type" after the features; a crs after them is found too."""
    square = {"type": "Polygon", "coordinates": [[[5009377.1, 4865942.3], [5120697.0, 4865942.3],
                                                  [5120697.0, 5009377.1], [5009377.1, 4865942.3]]]}
    crs = {"type": "name", "properties": {"name": "EPSG:3857"}}
    for order in ({"crs": crs, "features": [feat(square, name="Box")], "type": "FeatureCollection"},
                  {"type": "FeatureCollection", "features": [feat(square, name="Box")], "crs": crs}):
        r = import_layer(write_json(tmp_path / "sq.geojson", order))
        assert r.crs == "EPSG:3857" and r.features[0]["geometry"]["type"] == "Polygon"
        assert r.features[0]["geometry"]["coordinates"][0][0] == pytest.approx([45.0, 40.0], abs=1e-6)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1256"])
def test_geojson_in_other_encodings(tmp_path, encoding):
    path = tmp_path / "enc.geojson"
    path.write_bytes(json.dumps(fc(feat(pt(46.34, 39.51), name="غوريس")), ensure_ascii=False).encode(encoding))
    r = import_layer(path)
    assert r.features[0]["properties"]["name"] == "غوريس"
    assert any("cp1256" in w for w in r.warnings) == (encoding == "cp1256")


def test_imported_features_are_one_compact_lon_lat_copy(tmp_path):
    """result.features is what a project saves and what the HTML export reads: exact lon/lat, plain JSON."""
    from corridor_viewer.io.lonlat import LonLatFeature, LonLatGeometry

    ring = [[45.12345678, 39.5], [46.5, 39.5], [46.5, 40.87654321], [45.12345678, 39.5]]
    data = fc(feat(pt(46.34, 39.51), name="Goris"), feat({"type": "Polygon", "coordinates": [ring]}, name="Area"),
              feat({"type": "MultiLineString", "coordinates": [[[45, 39], [46, 40]], [[45.5, 39], [45.5, 40]]]}))
    r = import_layer(write_json(tmp_path / "c.geojson", data))
    poly = r.features[1]
    assert isinstance(poly, LonLatFeature) and isinstance(poly["geometry"], LonLatGeometry)
    assert poly["geometry"].xy.dtype == float and poly["geometry"]["coordinates"] == [ring]
    saved = json.loads(json.dumps({"features": r.features}))["features"]  # the project writer's json.dumps
    assert saved == json.loads(json.dumps({"features": r.features}, indent=1))["features"]
    assert [f["geometry"] for f in saved] == [pt(46.34, 39.51), {"type": "Polygon", "coordinates": [ring]},
                                              data["features"][2]["geometry"] | {"coordinates": [
                                                  [[45.0, 39.0], [46.0, 40.0]], [[45.5, 39.0], [45.5, 40.0]]]}]
    assert saved[0]["properties"] == {"name": "Goris"} and saved[1]["label_lonlat"] == r.features[1]["label_lonlat"]
    assert dict(poly) == saved[1] and poly == saved[1]
    with pytest.raises(TypeError):
        poly["geometry"] = None  # the copy the project saves cannot be changed behind its back
    # A project's copied layer is read back from those plain dicts into the same features.
    again = im.import_geojson_data({"type": "FeatureCollection", "features": saved}, "project")
    assert json.loads(json.dumps(again.features)) == saved
    # The model shares the copy: a polygon's props point at the very same LonLatGeometry object.
    layer = im.build_layer(r, "user-c", "C", None, 0)
    assert layer.features[1].props["_geometry_lonlat"] is poly["geometry"]
    assert "_geometry_lonlat" not in layer.features[0].props  # a point's lon/lat comes from the projected point


def test_html_export_writes_the_files_own_lon_lat(tmp_path, doc):
    from corridor_viewer.export.web import render_html
    from corridor_viewer.model.export_settings import ExportSettings
    from corridor_viewer.model.user_layers import PALETTE, user_style
    from corridor_viewer.model.viewport import Viewport

    ring = [[45.12345678, 39.5], [46.5, 39.5], [46.5, 40.87654321], [45.12345678, 39.5]]
    r = import_layer(write_json(tmp_path / "h.geojson", fc(feat({"type": "Polygon", "coordinates": [ring]},
                                                                name="Area"))))
    doc.add_layer(im.build_layer(r, "user-h", "H", user_style("polygon", PALETTE[0]), 900))
    html = render_html(doc.map_state(Viewport.for_bounds(doc.home_bounds)), ExportSettings(format="html"))
    assert "45.12345678" in html and "40.87654321" in html  # not 45.123457, an undone projection rounded


def test_projected_geometry_matches_the_model_projection(tmp_path):
    from corridor_viewer.io.lonlat import forward_array
    from corridor_viewer.model import projection

    lon, lat = [44.5, 46.24, 43.08, -120.0], [40.1, 38.9, 40.6, -50.0]
    x, y = forward_array(lon, lat)
    for i in range(len(lon)):
        fx, fy = projection.forward(lon[i], lat[i])
        assert abs(x[i] - fx) < 1e-6 and abs(y[i] - fy) < 1e-6
    r = import_layer(write_json(tmp_path / "p.geojson", fc(
        feat(pt(46.34, 39.51)), feat({"type": "LineString", "coordinates": [[45, 39], [46, 40]]}))))
    assert r.projected[0].point == pytest.approx(projection.forward(46.34, 39.51), abs=1e-6)
    assert r.projected[1].parts[0][0][1] == pytest.approx(projection.forward(46, 40), abs=1e-6)
    (ax, ay), (bx, by) = projection.forward(45, 39), projection.forward(46, 40)
    assert r.projected[1].bounds == pytest.approx((min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)), abs=1e-6)
