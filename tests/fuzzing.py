"""Hypothesis strategies for hostile inputs, and the property every reader must keep.

Shared by tests/test_fuzz.py (a few hundred cases on every run) and tests/bench/fuzz_inputs.py (tens of
thousands). The property: reading any file either succeeds or raises the reader's own error with a
message naming the file, within seconds; it never raises anything else, never changes the file and never
leaves extracted files behind. Hostile files (HOSTILE) must be refused: a layer that is really a VRT or
GML document, a FIFO or device where a file belongs, and small files built to take minutes or gigabytes.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import json
import math
import os
import struct
import tempfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

from hypothesis import strategies as st

from corridor_viewer.io.annotation_files import AnnotationFileError, read_annotations
from corridor_viewer.io.articles import ArticleError, read_article_file
from corridor_viewer.io.importers import LayerImportError, import_geojson_data, import_layer
from corridor_viewer.io.project import ProjectError, load_project, resolve_layer
from corridor_viewer.io.scenes import read_scenes
from corridor_viewer.model.scenes import SceneError

# -- JSON and GeoJSON

numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=-200, max_value=200),
    st.floats(min_value=38, max_value=42),  # in the map area: these survive to the repair step
    st.integers(min_value=-(10**20), max_value=10**20),
)
junk = st.one_of(st.none(), st.booleans(), st.text(max_size=8), numbers)
position = st.lists(numbers, min_size=0, max_size=4) | st.lists(junk, max_size=3)
ring = st.lists(position, min_size=0, max_size=8)
coords = st.one_of(position, ring, st.lists(ring, max_size=3), st.lists(st.lists(ring, max_size=2), max_size=2),
                   junk)
GEOMETRY_TYPES = ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon",
                  "GeometryCollection", "point", "Feature", "Circle", ""]


@st.composite
def geometries(draw, depth: int = 0):
    kind = draw(st.sampled_from(GEOMETRY_TYPES))
    g: dict = {"type": kind}
    if kind.lower() == "geometrycollection" and depth < 2:
        g["geometries"] = draw(st.lists(geometries(depth + 1), max_size=3) | junk)
    else:
        g["coordinates"] = draw(coords)
    if draw(st.booleans()):
        g.pop("type")
    return g


# Mostly well-formed layers in the map area, some coordinates broken: these reach reprojection and repair.
good_lon, good_lat = st.floats(min_value=43, max_value=48), st.floats(min_value=37, max_value=42)
lon = st.one_of(good_lon, good_lon, good_lon, good_lon, st.sampled_from([float("nan"), 1e300, -181.0, 45.0]))
lat = st.one_of(good_lat, good_lat, good_lat, good_lat, st.sampled_from([float("inf"), -89.0, 91.0, 40.0]))
pos = st.tuples(lon, lat).map(list)
closed_ring = st.lists(pos, min_size=3, max_size=7).map(lambda r: [*r, r[0]])
plain_geometry = st.one_of(
    st.fixed_dictionaries({"type": st.just("Point"), "coordinates": pos}),
    st.fixed_dictionaries({"type": st.just("MultiPoint"), "coordinates": st.lists(pos, max_size=4)}),
    st.fixed_dictionaries({"type": st.just("LineString"), "coordinates": st.lists(pos, min_size=0, max_size=6)}),
    st.fixed_dictionaries({"type": st.just("MultiLineString"), "coordinates": st.lists(st.lists(pos, max_size=4),
                                                                                        max_size=3)}),
    st.fixed_dictionaries({"type": st.just("Polygon"), "coordinates": st.lists(closed_ring, min_size=1, max_size=2)}),
    st.fixed_dictionaries({"type": st.just("MultiPolygon"),
                           "coordinates": st.lists(st.lists(closed_ring, min_size=1, max_size=2), max_size=3)}),
)
plain_collections = st.fixed_dictionaries({
    "type": st.just("FeatureCollection"),
    "features": st.lists(st.fixed_dictionaries({
        "type": st.just("Feature"), "geometry": plain_geometry | st.none(),
        "properties": st.dictionaries(st.sampled_from(["name", "name_ar", "pop", "الاسم"]),
                                      st.text(max_size=8) | st.integers() | st.floats(), max_size=3)}),
        min_size=1, max_size=8)})

json_values = st.recursive(junk, lambda children: st.lists(children, max_size=4)
                           | st.dictionaries(st.text(max_size=6), children, max_size=4), max_leaves=12)
properties = st.one_of(st.dictionaries(st.sampled_from(["name", "name_en", "name_ar", "الاسم", "sources", "dates",
                                                        "label_priority", "id", ""]) | st.text(max_size=5),
                                       json_values, max_size=5), junk)
features = st.one_of(
    st.fixed_dictionaries({"type": st.just("Feature"), "geometry": st.one_of(geometries(), st.none(), junk),
                           "properties": properties}),
    json_values,
)
feature_collections = st.one_of(
    plain_collections,
    plain_collections,
    st.fixed_dictionaries({"type": st.sampled_from(["FeatureCollection", "Feature", "Topology"]),
                           "features": st.lists(features, max_size=6)}),
    st.fixed_dictionaries({"type": st.just("FeatureCollection"), "features": st.lists(features, max_size=6),
                           "crs": json_values | st.just({"type": "name", "properties": {"name": "EPSG:3857"}})}),
    geometries(),
    json_values,
)


@st.composite
def damaged(draw, data: bytes):
    """The bytes as they are, cut short, or with a few bytes overwritten."""
    how = draw(st.sampled_from(["as is", "as is", "as is", "truncate", "flip"]))
    if how == "truncate" and data:
        return data[: draw(st.integers(0, len(data) - 1))]
    if how == "flip" and data:
        b = bytearray(data)
        for _ in range(draw(st.integers(1, 4))):
            b[draw(st.integers(0, len(b) - 1))] = draw(st.integers(0, 255))
        return bytes(b)
    return data


@st.composite
def geojson_files(draw):
    text = json.dumps(draw(feature_collections), allow_nan=True, ensure_ascii=draw(st.booleans()))
    return "layer.geojson", draw(damaged(text.encode("utf-8")))


# Annotation files: geometry as for layers, with simplestyle and our own cv_ properties given junk values.
STYLE_KEYS = ["title", "description", "marker-color", "marker-symbol", "marker-size", "stroke", "stroke-width",
              "stroke-opacity", "fill", "fill-opacity", "cv_kind", "cv_text", "cv_heads", "cv_curve", "cv_dash",
              "cv_direction", "cv_radius_km", "cv_shape", "cv_icon", "cv_number", "cv_id", "cv_frame"]
style_values = st.one_of(json_values, st.sampled_from(["#f00", "#zzzzzz", "url(x)", "star", "both", "circle",
                                                       "marker", "", "\x00"]), numbers)
annotation_collections = st.one_of(
    feature_collections,
    st.fixed_dictionaries({
        "type": st.just("FeatureCollection"),
        "features": st.lists(st.fixed_dictionaries({
            "type": st.just("Feature"), "geometry": plain_geometry | st.none(),
            "properties": st.dictionaries(st.sampled_from(STYLE_KEYS), style_values, max_size=6)}),
            min_size=1, max_size=8)}),
)


@st.composite
def annotation_files(draw):
    text = json.dumps(draw(annotation_collections), allow_nan=True, ensure_ascii=draw(st.booleans()))
    return "notes.geojson", draw(damaged(text.encode("utf-8")))


# -- CSV

HEADERS = ["lon", "lat", "Longitude", "Latitude", "x", "y", "خط الطول", "خط العرض", "name", "الاسم", "wkt", ""]
cells = st.one_of(st.text(max_size=10), numbers.map(str),
                  st.sampled_from(["٤٦٫٤", "39,5", "45.5°", "POINT (45 40)", "POLYGON ((45 39, 46 39, 45 39))", "",
                                   "nan"]))


@st.composite
def csv_files(draw):
    delim = draw(st.sampled_from([",", ";", "\t", "|"]))
    if draw(st.booleans()):
        header = draw(st.lists(st.sampled_from(HEADERS) | st.text(max_size=6), min_size=0, max_size=5))
        rows = draw(st.lists(st.lists(cells, max_size=6), max_size=8))
    else:  # the usual shape, with some bad cells
        header = draw(st.permutations(["name", draw(st.sampled_from(["lon", "Longitude", "خط الطول", "x"])),
                                       draw(st.sampled_from(["lat", "Latitude", "خط العرض", "y"]))]))
        rows = draw(st.lists(st.lists(st.one_of(good_lon.map(str), good_lat.map(str), cells), min_size=3,
                                      max_size=3), min_size=1, max_size=8))
    text = "\n".join(delim.join(r) for r in [header, *rows])
    enc = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1256", "utf-16", "latin-1"]))
    return "points.csv", draw(damaged(text.encode(enc, errors="ignore")))


# -- archives and GDAL formats

ENTRY_NAMES = ["a.shp", "a.shx", "a.dbf", "a.prj", "dir/b.geojson", "../evil.shp", "/abs.shp", "C:/x.shp",
               "..\\w.shp", "__MACOSX/a.shp", "x.kml", "doc.kml", "deep/../../up.csv", "ok.csv"]


@functools.cache
def shapefile_parts() -> dict[str, bytes]:
    """A small valid shapefile (two towns), so that some generated archives hold a real layer."""
    import geopandas as gpd
    from shapely.geometry import Point

    with tempfile.TemporaryDirectory() as folder:
        gpd.GeoDataFrame({"name": ["Goris", "غوريس"]}, geometry=[Point(46.34, 39.51), Point(46.4, 39.2)],
                         crs=4326).to_file(Path(folder) / "towns.shp", encoding="utf-8")
        return {p.name: p.read_bytes() for p in Path(folder).iterdir()}


@st.composite
def zip_files(draw):
    kind = draw(st.sampled_from(["zip", "kmz"]))
    if draw(st.integers(0, 9)) == 0:
        return f"layer.{kind}", draw(st.sampled_from([b"", b"PK", b"PK\x03\x04" + bytes(30), b"not a zip"]))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))) as z:
        chars = st.characters(blacklist_characters="\x00/\\", blacklist_categories=["Cs"])
        names = st.sampled_from(ENTRY_NAMES) | st.text(chars, min_size=1, max_size=8)
        for name in draw(st.lists(names, max_size=5, unique=True)):
            content = draw(st.binary(max_size=64) | geojson_files().map(lambda t: t[1])
                           | csv_files().map(lambda t: t[1]))
            z.writestr(name, content)
        if kind == "zip" and draw(st.booleans()):
            prefix = draw(st.sampled_from(["", "data/", "../", "a/b/"]))
            for part, data in shapefile_parts().items():
                if draw(st.integers(0, 5)):  # now and then a part is missing
                    z.writestr(prefix + part, data)
    return f"layer.{kind}", draw(damaged(buf.getvalue()))


@st.composite
def gdal_files(draw):
    kind = draw(st.sampled_from(["gpkg", "kml", "shp"]))
    if kind == "gpkg":
        return "layer.gpkg", b"SQLite format 3\x00" + draw(st.binary(max_size=600))
    if kind == "shp":
        return "layer.shp", draw(st.binary(max_size=200))
    coord = draw(st.lists(numbers.map(str) | st.text(max_size=5), max_size=6))
    name = draw(st.text(max_size=10)).replace("<", "&lt;").replace("&", "&amp;")
    body = (f"<Placemark><name>{name}</name><Point><coordinates>{','.join(coord)}</coordinates></Point></Placemark>"
            if draw(st.booleans()) else draw(st.text(max_size=60)))
    text = f'<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>{body}' \
           f"</Document></kml>"
    return "layer.kml", draw(damaged(text.encode("utf-8")))


# -- articles

TAGS = ["<script>", "</script>", "<style>", "</style>", "<p>", "</p>", "<br>", "<h1>", "</h1>", "<div>", "&amp;",
        "&#x41;", "&#99999999;", "<!--", "-->", "<![CDATA[", "<iframe src=x>", "<img onerror=alert(1)>", "<svg>",
        "</svg>", "<meta property='article:published_time' content='2024-99-99'>", "<title>", "</title>"]


@st.composite
def article_files(draw):
    suffix = draw(st.sampled_from(["txt", "md", "html", "htm"]))
    parts = draw(st.lists(st.sampled_from(TAGS) | st.text(max_size=20) | st.just("ممر زنغزور\n"), max_size=12))
    enc = draw(st.sampled_from(["utf-8", "cp1256", "utf-16", "latin-1"]))
    data = "".join(parts).encode(enc, errors="ignore")
    if draw(st.integers(0, 9)) == 0:
        data = draw(st.binary(max_size=100))
    return f"article.{suffix}", data


# -- projects

@st.composite
def project_files(draw):
    base = {"format": draw(st.sampled_from(["corridor-viewer-project"] * 4 + ["other", ""])),
            "version": draw(st.sampled_from([1, 1, 1, 2, 0, -1, "1", None, 1.5]))}
    keys = ["view", "layers", "imported_layers", "articles", "scenes", "export_settings", "selection", "origin"]
    for key in draw(st.lists(st.sampled_from(keys), max_size=6, unique=True)):
        base[key] = draw(json_values)
    if draw(st.booleans()):
        base["imported_layers"] = draw(st.lists(st.fixed_dictionaries({
            "id": st.sampled_from(["user-a", "user-b", "../x", "", "places"]) | st.text(max_size=5),
            "title": junk, "mode": st.sampled_from(["copy", "reference", "x"]),
            "features": feature_collections, "path": st.sampled_from(["/nonexistent/x.geojson", "", "layer.geojson"]),
            "style": json_values}), max_size=3))
    if draw(st.booleans()):
        base["articles"] = draw(st.lists(st.fixed_dictionaries({
            "id": st.sampled_from(["user-a", "user-a", "x y"]) | st.text(max_size=4), "title": junk,
            "text": st.text(max_size=30) | junk, "published": st.sampled_from(["2024-01-01", "2024-13", ""]) | junk}),
            max_size=3))
    text = json.dumps(base, allow_nan=True, ensure_ascii=False)
    return "work.cvproj", draw(damaged(text.encode("utf-8")))


# -- hostile files and situations (issue 17)

SECRET = "fuzz-secret-line"  # what a disguised VRT document would read into feature names
VRT_SOURCES = ["{secret}", "CSV:{secret}", "/vsicurl/http://127.0.0.1:9/towns.csv", "/vsizip/{secret}.zip/a.csv",
               "/etc/hostname", "/dev/zero", "{fifo}"]


@st.composite
def disguised_layers(draw):
    """VRT, GML or entity-laden XML under a layer's extension, alone or zipped: every one must be refused."""
    source = draw(st.sampled_from(VRT_SOURCES))
    body = draw(st.sampled_from(["vrt", "vrt", "gml", "entities", "html"]))
    if body == "vrt":
        text = (f"<OGRVRTDataSource><OGRVRTLayer name='towns'><SrcDataSource>{source}</SrcDataSource>"
                "<GeometryType>wkbPoint</GeometryType><GeometryField encoding='PointFromColumns' x='x' y='y'/>"
                "</OGRVRTLayer></OGRVRTDataSource>")
        text = draw(st.sampled_from(["", "<?xml version='1.0'?>", "\ufeff", "<!-- kml -->", "<kml/>"])) + text
    elif body == "gml":
        text = ("<?xml version='1.0'?><gml:FeatureCollection xmlns:gml='http://www.opengis.net/gml'><gml:featureMember>"
                "<t><gml:Point><gml:coordinates>45,40</gml:coordinates></gml:Point></t></gml:featureMember>"
                "</gml:FeatureCollection>")
    elif body == "entities":
        text = ("<?xml version='1.0'?><!DOCTYPE kml [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;'>"
                f"<!ENTITY s SYSTEM 'file://{source}'>]><kml><Document><Placemark><name>&b;&s;</name><Point>"
                "<coordinates>45,40</coordinates></Point></Placemark></Document></kml>")
    else:
        text = "<html><body><kml><Placemark/></kml></body></html>"
    data = text.encode(draw(st.sampled_from(["utf-8", "utf-8", "utf-16"])))
    where = draw(st.sampled_from(["towns.kml", "towns.gpkg", "towns.shp", "zip:towns.kml", "zip:towns.shp",
                                  "kmz:doc.kml"]))
    kind, _, inner = where.rpartition(":")
    if not kind:
        return where, data
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(inner, data)
        if inner.endswith(".shp"):
            z.writestr("towns.shx", b"\0" * 100)
            z.writestr("towns.dbf", b"\3" + b"\0" * 40)
    return f"towns.{kind}", buf.getvalue()


def _star(n: int, lon: float = 45.0, lat: float = 40.0) -> dict:
    k = max(1, n // 2 - 1)
    ring = [[lon + math.cos(2 * math.pi * k * i / n), lat + math.sin(2 * math.pi * k * i / n)] for i in range(n)]
    return {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}


def _many_entries_zip(n: int) -> bytes:
    central = b"".join(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, 0, 0, 0, len(b"%x" % i), 0, 0, 0,
                                   0, 0, 0) + b"%x" % i for i in range(n))
    return central + struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, min(n, 0xFFFF), min(n, 0xFFFF), len(central), 0, 0)


HTML_UNITS = ["<a ", "<div>", "<p<", "<div x=", "<a b='", "<!--", "<![", "</", "<b><i>", "<table><tr><td>", "&#",
              "<script>", "<span title='>'>", "<p>x"]
CSV_UNITS = ['"\n', '",', ',"', ', "x', "x,'", ';"a', '"""', "'\n"]


@st.composite
def bomb_files(draw):
    """Small files that used to take minutes or gigabytes: unclosed tags, sniffer-stalling quotes, self-crossing
    polygons, zips listing many entries, integers of thousands of digits, malformed scenes versions."""
    kind = draw(st.sampled_from(["html", "csv", "star", "zip", "bigint-geojson", "bigint-project", "scenes"]))
    if kind == "html":
        unit = "".join(draw(st.lists(st.sampled_from(HTML_UNITS), min_size=1, max_size=3)))
        return "article", "bomb.html", (unit * draw(st.integers(1000, 200_000 // len(unit)))).encode()
    if kind == "csv":
        unit = draw(st.sampled_from(CSV_UNITS))
        text = "lon,lat\n" + unit * draw(st.integers(100, 65_536 // len(unit))) + "45,40\n"
        return "layer", "bomb.csv", text.encode()
    if kind == "star":
        n, count = draw(st.sampled_from([(60, 20), (150, 4), (300, 2), (5000, 1)]))
        feats = [{"type": "Feature", "properties": {}, "geometry": _star(n, 45 + i * 1e-3)} for i in range(count)]
        return "layer", "stars.geojson", json.dumps({"type": "FeatureCollection", "features": feats}).encode()
    if kind == "zip":
        return "layer", draw(st.sampled_from(["many.zip", "many.kmz"])), _many_entries_zip(draw(st.integers(
            10_001, 40_000)))
    digits = "9" * draw(st.integers(4301, 6000))
    if kind == "bigint-geojson":
        where = draw(st.sampled_from(["coordinates", "property", "id"]))
        coords = f"[{digits}, 40]" if where == "coordinates" else "[45, 40]"
        prop = digits if where == "property" else "1"
        fid = f', "id": {digits}' if where == "id" else ""
        return "layer", "big.geojson", ('{"type": "FeatureCollection", "features": [{"type": "Feature"' + fid
                                        + ', "properties": {"n": ' + prop + '}, "geometry": {"type": "Point", '
                                        '"coordinates": ' + coords + "}}]}").encode()
    if kind == "bigint-project":
        return "project", "big.cvproj", ('{"format": "corridor-viewer-project", "version": 1, "view": {"cx": '
                                         + digits + ', "cy": 0, "m_per_px": 1}}').encode()
    version = draw(st.sampled_from(['"x"', "1.5", "true", "null", "[]", "{}", "-1", digits, "2"]))
    return "scenes", "scenes.json", ('{"format": "corridor-viewer-scenes", "version": ' + version
                                     + ', "scenes": []}').encode()


SPECIAL_READERS = {"layer": ["towns.geojson", "towns.csv", "towns.kml", "towns.gpkg", "towns.shp", "towns.zip",
                             "towns.kmz"],
                   "article": ["a.txt", "a.md", "a.html"], "project": ["work.cvproj"], "scenes": ["scenes.json"],
                   "annotations": ["notes.geojson"]}


@st.composite
def special_files(draw):
    """A FIFO, a link to /dev/zero or /dev/null, a folder or a dangling link where a reader expects a file."""
    kind = draw(st.sampled_from(sorted(SPECIAL_READERS)))
    return kind, draw(st.sampled_from(SPECIAL_READERS[kind])), draw(st.sampled_from(
        ["fifo", "fifo", "devzero", "devnull", "folder", "dangling", "link-to-fifo"]))


# -- the property

@contextlib.contextmanager
def private_tmp() -> Iterator[Path]:
    """A temp folder of our own, so that checking for left-behind extractions is not confused by other
    processes (a test run in parallel) using the system's temp folder."""
    old = tempfile.tempdir
    with tempfile.TemporaryDirectory(prefix="cv-fuzz-") as folder:
        tempfile.tempdir = folder
        try:
            yield Path(folder)
        finally:
            tempfile.tempdir = old


READERS = {"layer": (import_layer, LayerImportError), "article": (read_article_file, ArticleError),
           "project": (load_project, ProjectError), "scenes": (read_scenes, SceneError),
           "annotations": (read_annotations, AnnotationFileError)}
LIMIT_S = 10.0  # "a clear message within seconds": any single read that takes longer is a failure


def check_file(kind: str, name: str, data: bytes, must_refuse: bool = False) -> str:
    """Read ``data`` saved as ``name``; returns "ok" or "error". Anything else is a failure (raised): another
    exception, a message that does not name the file, a changed input, files left beside it or in the temp
    folder, a read of more than LIMIT_S seconds, or (``must_refuse``) a hostile file that was read."""
    read, expected = READERS[kind]
    t0 = time.monotonic()
    tmp_root = Path(tempfile.gettempdir())
    before_tmp = {p.name for p in tmp_root.glob("cv-import-*")}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        sha = hashlib.sha256(data).digest()
        try:
            result = read(path)
            outcome = "ok"
            if kind == "project":  # copied layers go through the layer checks as well
                for entry in result.project.imported:
                    try:
                        resolve_layer(entry, path)
                    except LayerImportError as exc:
                        assert str(exc).strip()
        except expected as exc:
            assert str(path) in str(exc) or name in str(exc), f"the message does not name the file: {exc}"
            assert SECRET not in str(exc), "a hostile file read another file"
            outcome = "error"
        assert hashlib.sha256(path.read_bytes()).digest() == sha, "the reader changed the user's file"
        assert sorted(p.name for p in Path(folder).iterdir()) == [name], "the reader left files beside the input"
    assert {p.name for p in tmp_root.glob("cv-import-*")} <= before_tmp, "extracted files were left behind"
    elapsed = time.monotonic() - t0
    assert elapsed < LIMIT_S, f"reading took {elapsed:.1f} s"
    assert not (must_refuse and outcome == "ok"), "a disguised file was read as a layer"
    return outcome


def check_disguised(name: str, data: bytes) -> str:
    """A disguised layer, with a secret file and a FIFO beside it for its VRT sources to name."""
    with tempfile.TemporaryDirectory() as folder:
        secret = Path(folder) / "secret.csv"
        secret.write_text(f"name,x,y\n{SECRET},45,40\n", encoding="utf-8")
        fifo = Path(folder) / "fifo.csv"
        if hasattr(os, "mkfifo"):
            os.mkfifo(fifo)
        text = data.replace(b"{secret}", str(secret).encode()).replace(b"{fifo}", str(fifo).encode())
        return check_file("layer", name, text, must_refuse=True)


def check_special(kind: str, name: str, special: str) -> str:
    """A reader given something that is not a regular file: refused at once with a message naming it."""
    read, expected = READERS[kind]
    if not hasattr(os, "mkfifo"):
        return "skipped"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        if special == "fifo":
            os.mkfifo(path)
        elif special in ("devzero", "devnull"):
            os.symlink(f"/dev/{special[3:]}", path)
        elif special == "folder":
            path.mkdir()
        elif special == "dangling":
            os.symlink(Path(folder) / "gone", path)
        else:
            os.mkfifo(Path(folder) / "pipe")
            os.symlink(Path(folder) / "pipe", path)
        t0 = time.monotonic()
        try:
            read(path)
        except expected as exc:
            assert str(path) in str(exc), f"the message does not name the file: {exc}"
        else:
            raise AssertionError(f"{special} read as a file")
        assert time.monotonic() - t0 < LIMIT_S, "a reader waited on a special file"
        assert os.path.lexists(path) and {p.name for p in Path(folder).iterdir()} <= {name, "pipe"}, \
            "the reader changed what it was given"
    return "refused"


def check_bomb(kind: str, name: str, data: bytes) -> str:
    return check_file(kind, name, data)


def check_geojson_data(data) -> str:
    """Parsed GeoJSON handed straight to the pipeline (what a project's copied layer goes through)."""
    try:
        result = import_geojson_data(data, "fuzz")
    except LayerImportError as exc:
        assert "fuzz" in str(exc)
        return "error"
    assert len(result.features) == len(result.projected) == result.counts["imported"]
    for f in result.features:
        assert f["geometry"]["type"] in ("Point", "LineString", "MultiLineString", "Polygon", "MultiPolygon")
        json.dumps(f, allow_nan=False)  # what a project file will store must be plain JSON
    return "ok"


TARGETS = {
    "geojson": (geojson_files(), "layer"),
    "csv": (csv_files(), "layer"),
    "zip": (zip_files(), "layer"),
    "gdal": (gdal_files(), "layer"),
    "article": (article_files(), "article"),
    "project": (project_files(), "project"),
    "annotations": (annotation_files(), "annotations"),
}
# Hostile files and situations (issue 17): (strategy, the check its cases go through).
HOSTILE = {
    "disguised": (disguised_layers(), lambda case: check_disguised(*case)),
    "special": (special_files(), lambda case: check_special(*case)),
    "bomb": (bomb_files(), lambda case: check_bomb(*case)),
}
