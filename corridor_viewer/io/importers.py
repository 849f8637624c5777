"""Import a user's layer: GeoJSON, GeoPackage, zipped Shapefile, KML/KMZ, or CSV with lon/lat columns.

Pure Python. The geo stack (pyogrio, shapely, pyproj) is imported only when a file is read, never at
start-up. Every problem becomes a :class:`LayerImportError` whose message names the file, says what is
wrong and what to do; the user's file is only ever read.

This module reads each format into records (geometry + attributes); :mod:`corridor_viewer.io.layerdata`
puts every format's records through the same checks (CRS, reprojection, absurd coordinates, repair) and
:mod:`corridor_viewer.io.zipsafe` opens archives without trusting them.

GeoJSON is streamed by :mod:`corridor_viewer.io.geojson`, not read by GDAL, so that a 100 MB file reports
progress and can be cancelled while it is read. GDAL reads only GeoPackage, Shapefile and KML/KMZ, each
checked against its extension first (:mod:`corridor_viewer.io.gdalenv`).
"""

from __future__ import annotations

import contextlib
import csv
import io
import math
import os
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from corridor_viewer.io.geojson import MAX_FILE_BYTES, geojson_data_records, read_geojson, read_layer_text
from corridor_viewer.io.layerdata import (
    CHUNK,
    Cancel,
    ImportCancelledError,
    ImportResult,
    Job,
    LayerImportError,
    LayerInfo,
    Progress,
    Records,
    build_layer,
    feature_props,
    finish,
    paused_gc,
)
from corridor_viewer.io.safeio import RefusedFileError, check_regular, open_regular
from corridor_viewer.io.text import CP1256, TextEncodingError, decode_text
from corridor_viewer.io.zipsafe import check_entries, open_zip, unzipped, zip_layer_names

__all__ = ["ImportCancelledError", "ImportResult", "LayerImportError", "LayerInfo", "build_layer", "feature_props",
           "import_geojson_data", "import_layer", "layer_format", "list_layers"]

# suffix -> format key
SUFFIXES = {".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg", ".zip": "zip", ".shp": "shapefile",
            ".kml": "kml", ".kmz": "kmz", ".csv": "csv", ".tsv": "csv"}
FORMAT_NAMES = {"geojson": "GeoJSON", "gpkg": "GeoPackage", "zip": "zipped Shapefile", "shapefile": "Shapefile",
                "kml": "KML", "kmz": "KMZ", "csv": "CSV"}
FILE_FILTER = "*.geojson *.json *.gpkg *.zip *.shp *.kml *.kmz *.csv *.tsv"

LON_NAMES = {"lon", "long", "lng", "longitude", "x", "lon dd", "longitude dd", "longitude deg", "longitud",
             "خط الطول", "خطوط الطول", "الطول", "طول", "خط طول"}
LAT_NAMES = {"lat", "latitude", "y", "lat dd", "latitude dd", "latitude deg", "latitud",
             "خط العرض", "خطوط العرض", "العرض", "عرض", "خط عرض"}
WKT_NAMES = {"wkt", "geometry", "geom", "the geom"}


# -- public entry points

def layer_format(path: Path | str) -> str | None:
    """The format key for a file name, or None if it is not a layer file we read."""
    return SUFFIXES.get(Path(path).suffix.lower())


GIS_MODULES = frozenset({"pyogrio", "pyproj", "geopandas", "shapely"})


@contextlib.contextmanager
def _needs_gis(path: Path | str) -> Iterator[None]:
    """A bundle built without the GIS stack (CV_BUNDLE_GIS=0) says what to do instead of a traceback."""
    try:
        yield
    except ImportError as exc:
        top = (exc.name or "").partition(".")[0]
        if top not in GIS_MODULES:
            raise
        raise LayerImportError(
            f"{path}: this file needs the GIS libraries ({top}), and this copy of Corridor Viewer was built "
            "without them. Save the layer as GeoJSON or CSV in longitude/latitude (EPSG:4326), e.g. with "
            "QGIS, or install Corridor Viewer with Python (see the README's quick start)") from None


def list_layers(path: Path | str) -> list[LayerInfo]:
    """The map layers in a file (GeoPackage, KML, zip with several shapefiles); one entry for others."""
    with _needs_gis(Path(path)):
        return _list_layers(Path(path))


def _list_layers(path: Path) -> list[LayerInfo]:
    fmt = _check_file(path)
    if fmt in ("geojson", "csv"):
        return [LayerInfo(path.stem, "", -1)]
    if fmt == "zip":
        return [LayerInfo(n, "", -1) for n in zip_layer_names(path)]
    return _ogr_layers(path, fmt)


def import_layer(path: Path | str, layer: str | None = None, progress: Progress | None = None,
                 cancel: Cancel | None = None) -> ImportResult:
    """Read a layer file into lon/lat GeoJSON features, reporting progress; see the module docstring."""
    with paused_gc(), _needs_gis(Path(path)):
        return _import_layer(Path(path), layer, progress, cancel)


def _import_layer(path: Path, layer: str | None, progress: Progress | None, cancel: Cancel | None) -> ImportResult:
    job = Job(progress, cancel)
    fmt = _check_file(path)
    job.step(0.0, "reading")
    if fmt == "geojson":
        return read_geojson(path, job)
    if fmt == "csv":
        return _import_csv(path, job)
    if fmt == "zip":
        names = zip_layer_names(path)
        if layer is None:
            if len(names) > 1:
                raise LayerImportError(f"{path}: the zip holds {len(names)} layers ({', '.join(names[:5])}); "
                                       "choose one")
            layer = names[0]
        if layer not in names:
            raise LayerImportError(f"{path}: no layer {layer!r} in the zip; it holds {', '.join(names[:5])}")
        with unzipped(path, layer) as (inner_dir, names):
            inner = inner_dir / layer
            try:
                result = _import_layer(inner, None, progress, cancel)
            except LayerImportError as exc:  # name the user's zip, not our temporary folder
                raise LayerImportError(str(exc).replace(str(inner), f"{path} ▸ {layer}")) from None
            result.path, result.format, result.layer = str(path), "zip", layer if len(names) > 1 else None
            return result
    layers = _ogr_layers(path, fmt)
    if layer is None:
        if len(layers) > 1:
            raise LayerImportError(f"{path}: the file holds {len(layers)} layers "
                                   f"({', '.join(i.name for i in layers[:5])}); choose one")
        layer = layers[0].name
    elif layer not in {i.name for i in layers}:
        raise LayerImportError(f"{path}: no layer {layer!r}; the file holds "
                               + ", ".join(i.name for i in layers[:10]))
    result = _import_ogr(path, fmt, layer, job)
    result.layer = layer if len(layers) > 1 else None
    return result


def import_geojson_data(data: Any, label: str, progress: Progress | None = None,
                        cancel: Cancel | None = None) -> ImportResult:
    """Features already parsed from JSON (a project file's copied layer), checked like a file's."""
    job = Job(progress, cancel)
    with paused_gc(), _needs_gis(label):
        records, crs = geojson_data_records(data, label, job)
        return finish(job, records, crs, label, "geojson", crs_implied=True)


# -- files and archives

def _check_file(path: Path) -> str:
    fmt = layer_format(path)
    if fmt is None:
        raise LayerImportError(f"{path}: not a layer file we can read. Use GeoJSON, GeoPackage (.gpkg), a zipped "
                               "Shapefile (.zip), KML/KMZ or CSV with longitude/latitude columns")
    try:
        # The type on the path (symlinks followed): a FIFO would block GDAL or our reader forever, a link to
        # /dev/zero would read until memory runs out. The readers check again on the handle they open.
        size = check_regular(path, "a layer file").st_size
    except RefusedFileError as exc:
        raise LayerImportError(str(exc)) from exc
    except OSError as exc:
        raise LayerImportError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc
    if size == 0:
        extra = " — it is not a zip archive" if fmt in ("zip", "kmz") else ""
        raise LayerImportError(f"{path}: the file is empty (0 bytes){extra}. Export or download it again")
    if size > MAX_FILE_BYTES:
        raise LayerImportError(f"{path}: the file is {size / 2**20:,.0f} MB; files over {MAX_FILE_BYTES >> 20} MB "
                               "are too large for this map. Clip it to the region in a GIS first")
    return fmt


# -- CSV

def _norm_header(h: str) -> str:
    h = re.sub("[\u064b-\u0652\u0640]", "", h)  # Arabic diacritics and tatweel
    h = re.sub(r"[\s_\-()\[\]°]+", " ", h.strip().strip("\ufeff").lower()).strip()
    return h


_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫−", "01234567890123456789.-", "٬° \u00a0\u200f\u200e")


def _number(s: str, decimal_comma: bool) -> float | None:
    s = s.strip().translate(_DIGITS)
    if decimal_comma and "," in s and "." not in s:
        s = s.replace(",", ".")
    try:
        v = float(s)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


SNIFF_LINES, SNIFF_CHARS = 50, 65536


def sniff_delimiter(sample: str, default: str) -> str:
    """The delimiter among , ; tab | that splits the first lines into the same number (2+) of fields most often.

    csv.Sniffer guesses quotes with a regex that is quadratic in the sample (a 64 KB file stalled it for 39 s);
    this reads at most SNIFF_LINES lines of SNIFF_CHARS characters with the csv module itself, in linear time.
    """
    lines = [line for line in sample[:SNIFF_CHARS].splitlines()[:SNIFF_LINES] if line.strip()]
    best, best_score = default, 0
    for d in (default, *(c for c in ",;\t|" if c != default)):
        try:
            widths = [len(row) for row in csv.reader(lines, delimiter=d)]
        except csv.Error:
            continue
        if not widths:
            continue
        mode = max(set(widths), key=widths.count)
        score = widths.count(mode) if mode > 1 else 0
        if score > best_score:
            best, best_score = d, score
    return best


def _import_csv(path: Path, job: Job) -> ImportResult:
    text, encoding = read_layer_text(path)
    warnings = []
    if encoding == CP1256:
        warnings.append(f"{path.name}: read as {CP1256}; save it as UTF-8 to be sure")
    delimiter = sniff_delimiter(text, "\t" if path.suffix.lower() == ".tsv" else ",")
    total_lines = max(1, text.count("\n"))
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    records = Records()
    try:
        header = next(reader, None)
        if not header or not any(h.strip() for h in header):
            raise LayerImportError(f"{path}: the first line should name the columns (for example lon,lat,name)")
        names = [_norm_header(h) for h in header]
        lon_i = next((i for i, h in enumerate(names) if h in LON_NAMES), None)
        lat_i = next((i for i, h in enumerate(names) if h in LAT_NAMES), None)
        wkt_i = next((i for i, h in enumerate(names) if h in WKT_NAMES), None)
        if (lon_i is None or lat_i is None) and wkt_i is None:
            shown = ", ".join(repr(h.strip())[:30] for h in header[:10])
            raise LayerImportError(f"{path}: no longitude/latitude columns among {shown}. Name them lon and lat "
                                   "(or longitude/latitude, x/y, خط الطول/خط العرض), in decimal degrees")
        header = [h.strip().strip("\ufeff") or f"column{i + 1}" for i, h in enumerate(header)]
        decimal_comma = delimiter != ","
        import shapely
        from shapely.errors import ShapelyError

        bad_rows: list[int] = []
        for rowno, row in enumerate(reader, start=2):
            if rowno % CHUNK == 0:
                job.step(rowno / total_lines * 0.5, "reading")
            if not any(c.strip() for c in row):
                continue
            props = {h: v for h, v in zip(header, row, strict=False) if h}
            if lon_i is not None and lat_i is not None:
                lon = _number(row[lon_i], decimal_comma) if lon_i < len(row) else None
                lat = _number(row[lat_i], decimal_comma) if lat_i < len(row) else None
                if lon is not None and lat is not None:
                    records.point(lon, lat, props)
                    continue
            if wkt_i is not None and wkt_i < len(row) and row[wkt_i].strip():
                try:
                    records.shape(shapely.from_wkt(row[wkt_i].strip()), props)
                    continue
                except (ShapelyError, ValueError, TypeError):
                    pass
            bad_rows.append(rowno)
    except csv.Error as exc:
        raise LayerImportError(f"{path}: the CSV is malformed at line {reader.line_num} ({exc})") from exc
    if bad_rows:
        shown = ", ".join(map(str, bad_rows[:5])) + (" …" if len(bad_rows) > 5 else "")
        warnings.append(f"{path.name}: {len(bad_rows)} row(s) without usable coordinates were skipped "
                        f"(line {shown})")
    if not records.kinds:
        raise LayerImportError(f"{path}: no row has usable coordinates; the lon/lat columns must hold decimal "
                               "degrees such as 45.12")
    job.stage(0.5, 1.0)
    result = finish(job, records, None, str(path), "csv", crs_implied=True)
    result.counts["skipped"] = result.counts.get("skipped", 0) + len(bad_rows)
    result.counts["read"] = result.counts.get("read", 0) + len(bad_rows)
    result.warnings[:0] = warnings
    return result


# -- GDAL formats (GeoPackage, Shapefile, KML, KMZ)

def _ogr_errors() -> tuple[type[BaseException], ...]:
    from pyogrio.errors import DataLayerError, DataSourceError

    return (DataSourceError, DataLayerError, RuntimeError, ValueError, TypeError, OSError)


_SHP_SIDECARS = (".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".shp.xml")


def _gdal_guard(path: Path, fmt: str) -> None:
    """Before GDAL sees a user's file: GDAL restricted for the process, and the file's first bytes checked
    against the format its extension names (GDAL itself would pick a driver by content; see io.gdalenv)."""
    from corridor_viewer.io import gdalenv

    try:
        gdalenv.configure_gdal()
    except gdalenv.UnsafeGdalError as exc:
        raise LayerImportError(f"{path}: {exc}. Restart Corridor Viewer and add the layer again") from exc
    if fmt == "kmz":
        with open_zip(path) as zf:
            infos = check_entries(path, zf)  # GDAL reads it in place; refuse bombs and hostile names first
            for info in infos:
                if info.filename.lower().endswith(".kml") and not info.is_dir():
                    try:
                        with zf.open(info) as fh:
                            head = fh.read(gdalenv.HEAD_BYTES)
                    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError,
                            OSError) as exc:
                        raise LayerImportError(f"{path}: the KMZ entry {info.filename!r} is damaged ({exc})") from exc
                    problem = gdalenv.kml_problem(head)
                    if problem:
                        raise LayerImportError(f"{path}: its entry {info.filename!r} is not KML ({problem}); "
                                               "nothing was read")
        return
    try:
        with open_regular(path, "a layer file") as fh:
            head = fh.read(gdalenv.HEAD_BYTES)
    except RefusedFileError as exc:
        raise LayerImportError(str(exc)) from exc
    except OSError as exc:
        raise LayerImportError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc
    problem = gdalenv.check_content(fmt, head)
    if problem:
        noun = {"shapefile": "a shapefile", "gpkg": "a GeoPackage", "kml": "a KML file"}[fmt]
        raise LayerImportError(f"{path}: not {noun} ({problem}); nothing was read. Export the layer again "
                               f"as {FORMAT_NAMES[fmt]}, or give the file the extension of its real format")
    if fmt == "shapefile":  # GDAL opens the parts beside it too: a FIFO .dbf would hang it
        for suffix in _SHP_SIDECARS:
            for part in (path.with_suffix(suffix), path.with_suffix(suffix.upper())):
                if os.path.lexists(part):
                    try:
                        check_regular(part, "a shapefile part")
                    except OSError as exc:
                        raise LayerImportError(f"{part}: {getattr(exc, 'reason', None) or exc.strerror or exc}; "
                                               "the shapefile cannot be read") from exc


def _ogr_layers(path: Path, fmt: str) -> list[LayerInfo]:
    _gdal_guard(path, fmt)
    import pyogrio

    try:
        with _quiet():
            raw = pyogrio.list_layers(str(path))
    except _ogr_errors() as exc:
        raise LayerImportError(f"{path}: cannot open it as {FORMAT_NAMES[fmt]} ({_gdal_msg(exc)}). The file may be "
                               "damaged; export the layer again") from exc
    layers = [LayerInfo(str(name), str(gtype or ""), -1) for name, gtype in raw if gtype]
    if not layers:
        raise LayerImportError(f"{path}: holds no map layer (only tables without geometry)")
    return layers


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """GDAL's warnings on a damaged file go to stderr as RuntimeWarning; our error message replaces them."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        yield


# KML bookkeeping columns GDAL adds to every placemark; they mean nothing to a reader of the map.
_KML_NOISE = {"tessellate", "extrude", "visibility", "drawOrder", "icon", "altitudeMode", "begin", "end",
              "timestamp"}


def _gdal_msg(exc: BaseException) -> str:
    msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return msg[:200]


def _import_ogr(path: Path, fmt: str, layer: str, job: Job) -> ImportResult:
    import pyogrio
    import shapely
    from pyogrio import raw

    from corridor_viewer.io.gdalenv import check_driver

    _gdal_guard(path, fmt)
    errors = _ogr_errors()
    try:
        with _quiet():
            info = pyogrio.read_info(str(path), layer=layer)
    except errors as exc:
        raise LayerImportError(f"{path}: cannot read layer {layer!r} ({_gdal_msg(exc)})") from exc
    problem = check_driver(fmt, info.get("driver"))
    if problem:
        raise LayerImportError(f"{path}: {problem}")
    total = int(info.get("features") or -1)
    crs = info.get("crs")
    encoding = _shapefile_encoding(path, fmt, layer, info)
    warnings = []
    if encoding == "cp1256":
        warnings.append(f"{path.name}: attribute text read as {CP1256} (the shapefile has no .cpg file)")
    records = Records()
    job.stage(0.0, 0.5)
    # Chunks only where GDAL seeks cheaply (GeoPackage, Shapefile); KML is small and read at once.
    chunked = total > CHUNK and fmt in ("gpkg", "shapefile", "zip")
    skip = 0
    while True:
        try:
            with _quiet():
                meta, _fids, geoms, fields = raw.read(str(path), layer=layer, encoding=encoding, skip_features=skip,
                                                      max_features=CHUNK if chunked else None,
                                                      datetime_as_string=True)
        except errors as exc:
            raise LayerImportError(f"{path}: cannot read layer {layer!r} ({_gdal_msg(exc)}). The file may be "
                                   "damaged; open it in a GIS and export the layer again") from exc
        names = [str(n) for n in meta["fields"]]
        shapes = shapely.from_wkb(geoms, on_invalid="ignore") if geoms is not None else [None] * len(fields[0])
        columns = [list(col) for col in fields]
        noise = _KML_NOISE if fmt in ("kml", "kmz") else set()
        records.add_geometries(shapes, ({name: col[k] for name, col in zip(names, columns, strict=True)
                                         if name not in noise and not (col[k] is None and name == "description")}
                                        for k in range(len(shapes))))
        skip += len(shapes)
        job.step(skip / total if total > 0 else 0.5, "reading")
        if not chunked or len(shapes) < CHUNK:
            break
    job.stage(0.5, 1.0)
    result = finish(job, records, crs, str(path), fmt, crs_implied=fmt in ("kml", "kmz"))
    result.warnings[:0] = warnings
    return result


def _shapefile_encoding(path: Path, fmt: str, layer: str, info: dict) -> str | None:
    """cp1256 for an Arabic shapefile without a .cpg file (GDAL would read it as Latin-1)."""
    if fmt != "shapefile" or path.with_suffix(".cpg").exists() or path.with_suffix(".CPG").exists():
        return None
    dbf = next((p for p in (path.with_suffix(".dbf"), path.with_suffix(".DBF")) if p.exists()), None)
    if dbf is None:
        return None
    try:
        with open_regular(dbf, "a shapefile's .dbf part") as fh:
            head = fh.read(32)
            data = fh.read(1 << 20)
    except OSError:  # not a regular file: _check_parts has refused it already
        return None
    if len(head) > 29 and head[29] in (0x57, 0x7E):  # LDID 87/126: ANSI / Windows Arabic per ESRI
        return "cp1256"
    if not any(b > 127 for b in data):
        return None
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    try:
        _text, enc = decode_text(data.replace(b"\x00", b" "))
    except TextEncodingError:
        return None
    return "cp1256" if enc == CP1256 else None


