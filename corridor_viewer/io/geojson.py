"""GeoJSON layers, parsed here rather than by GDAL, streamed from the open file.

A 100 MB file must report progress and stop at Cancel while it is read (GDAL reads it in one
uninterruptible call), a file of the wrong shape needs a precise message, and memory must not hold the
file's text, its parsed features and the results at once. So features are parsed one at a time by ijson
(yajl, in C) straight from the open file and turned into compact :class:`~corridor_viewer.io.layerdata.
Records` as they arrive; progress is the file position.

What ijson refuses goes through Python's own ``json`` instead, from the whole text: files that are not UTF-8
(UTF-16, Windows Arabic), JSON extensions Python accepts (NaN, Infinity) and damaged files, which then get
Python's message with the line and column of the damage.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, BinaryIO

from corridor_viewer.io.layerdata import CHUNK, ImportResult, Job, LayerImportError, Records, finish
from corridor_viewer.io.safeio import FileTooLargeError, RefusedFileError, open_regular, read_limited
from corridor_viewer.io.text import CP1256, TextEncodingError, decode_text

MAX_FILE_BYTES = 1 << 30  # 1 GiB: beyond this a desktop map is the wrong tool
_STEP = 2000  # features between progress reports
_GEOMETRY_TYPES = {"point", "multipoint", "linestring", "multilinestring", "polygon", "multipolygon",
                   "geometrycollection"}
_NUM = (int, float)


class _NotStreamableError(Exception):
    """The streaming parser cannot read this file; the whole-text parser will, or will say why."""


def read_geojson(path: Path, job: Job) -> ImportResult:
    try:
        return _stream(path, job)
    except _NotStreamableError:
        return _whole_text(path, job)


def geojson_data_records(data: Any, label: str, job: Job) -> tuple[Records, str | None]:
    """Records from already parsed GeoJSON (a whole document), and its legacy "crs" member if any."""
    kind = data.get("type") if isinstance(data, dict) else None
    if isinstance(data, dict) and isinstance(data.get("features"), list) and kind in ("FeatureCollection", None):
        feats = data["features"]
    elif kind == "Feature":
        feats = [data]
    elif isinstance(kind, str) and kind.lower() in _GEOMETRY_TYPES:
        feats = [{"type": "Feature", "geometry": data, "properties": {}}]
    else:
        raise LayerImportError(f"{label}: valid JSON, but not GeoJSON — {_describe(data)}. A layer must be a "
                               'FeatureCollection: {"type": "FeatureCollection", "features": [...]}')
    crs = _legacy_crs(data, label) if isinstance(data, dict) else None
    sink = _Sink()
    for k, feat in enumerate(feats):
        if k % CHUNK == 0:
            job.step(k / max(1, len(feats)), "checking features")
        sink.add(feat)
    return sink.records, crs


class _Sink:
    """Turns GeoJSON feature objects into Records, one at a time."""

    def __init__(self) -> None:
        import numpy as np
        import shapely
        from shapely.errors import ShapelyError
        from shapely.geometry import shape

        # Imported once: an import statement costs microseconds per call in the app (PySide6 hooks __import__),
        # seconds over a million features.
        self._np, self._shapely, self._shape = np, shapely, shape
        self._errors = (ShapelyError, ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError,
                        OverflowError)
        self.records = Records()
        self._keys: dict[str, str] = {}

    def add(self, feat: Any) -> None:
        rec = self.records
        if not isinstance(feat, dict):
            rec.count_bad("not a feature object")
            return
        props = feat.get("properties")
        if isinstance(props, dict):
            # ijson makes a new string for every key of every feature; share them (a third of the memory of a
            # point layer's attributes)
            keys = self._keys
            props = {keys.setdefault(k, k): v for k, v in props.items()}
        else:
            props = {}
        if "id" in feat and "id" not in props and isinstance(feat["id"], (str, int)):
            props = {"id": feat["id"], **props}
        geom = feat.get("geometry")
        if geom is None:
            rec.missing += 1
            return
        coords = geom.get("coordinates") if isinstance(geom, dict) else None
        if (type(coords) is list and geom.get("type") == "Point" and 2 <= len(coords) <= 3
                and type(coords[0]) in _NUM and type(coords[1]) in _NUM and type(coords[-1]) in _NUM):
            try:
                rec.point(float(coords[0]), float(coords[1]), props)
            except OverflowError:  # an integer too large for a float: counted as not a number later
                rec.point(float("nan"), float("nan"), props)
            return
        g = None
        if isinstance(geom, dict):
            with self._np.errstate(all="ignore"):
                try:
                    g = self._fast(geom)
                except self._errors:
                    g = None
                if g is None:
                    try:
                        g = self._shape(geom)  # shapely's own reader: the reference, but per vertex in Python
                    except self._errors:
                        g = None
        if g is None:
            rec.count_bad("unreadable geometry")
            return
        rec.shape(g, props)


    def _fast(self, geom: dict) -> Any:
        """Lines and polygons built from numpy arrays (a C loop per ring); None for other types, an exception
        for malformed ones (then shapely's own reader decides)."""
        c = geom.get("coordinates")
        if type(c) is not list or not c:
            return None
        kind = geom.get("type")
        sh = self._shapely
        if kind == "LineString":
            return sh.linestrings(self._array(c))
        if kind == "Polygon":
            return self._polygon(c)
        if kind == "MultiLineString":
            return sh.multilinestrings([sh.linestrings(self._array(line)) for line in c])
        if kind == "MultiPolygon":
            return sh.multipolygons([self._polygon(rings) for rings in c])
        return None

    def _array(self, coords: Any) -> Any:
        a = self._np.asarray(coords, dtype=float)  # ValueError if ragged or not numbers
        if a.ndim != 2 or a.shape[1] not in (2, 3):
            raise ValueError("not a list of positions")
        return a

    def _polygon(self, rings: Any) -> Any:
        sh = self._shapely
        if type(rings) is not list or not rings:
            raise ValueError("a polygon needs rings")
        if len(rings) == 1:
            return sh.polygons(self._array(rings[0]))
        return sh.polygons(sh.linearrings(self._array(rings[0])),
                           holes=[sh.linearrings(self._array(r)) for r in rings[1:]])


# -- streaming, with ijson

class _Counted:
    """A read-only view of an open file for ijson: starts after a BOM, counts bytes, stops at the limit."""

    def __init__(self, fh: BinaryIO, start: int, path: Path) -> None:
        self.fh, self.start, self.path = fh, start, path
        self.fh.seek(start)
        self.pos = start

    def rewind(self) -> None:
        self.fh.seek(self.start)
        self.pos = self.start

    def read(self, n: int = -1) -> bytes:
        data = self.fh.read(n if n is not None and n >= 0 else 1 << 20)
        self.pos += len(data)
        if self.pos > MAX_FILE_BYTES:
            raise FileTooLargeError(self.path, f"is larger than {MAX_FILE_BYTES >> 20} MB, the limit for a layer file")
        return data


def _stream(path: Path, job: Job) -> ImportResult:
    import ijson

    try:
        fh = open_regular(path, "a layer file")
    except RefusedFileError as exc:
        raise LayerImportError(str(exc)) from exc
    except OSError as exc:
        raise LayerImportError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc
    with fh:
        size = max(1, os.fstat(fh.fileno()).st_size)
        head = fh.read(4)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise _NotStreamableError  # UTF-16: the whole-text path decodes it
        src = _Counted(fh, 3 if head.startswith(b"\xef\xbb\xbf") else 0, path)
        errors = (ijson.JSONError, ijson.IncompleteJSONError, UnicodeDecodeError, ValueError, OverflowError,
                  StopIteration, RecursionError)
        try:
            top = _members_before_features(src)
            if top is None:  # not a FeatureCollection with a features array: parse the document whole
                src.rewind()
                docs = list(ijson.items(src, "", use_float=True))
                if len(docs) != 1:
                    raise _NotStreamableError
                job.stage(0.5, 0.6)
                records, crs = geojson_data_records(docs[0], str(path), job)
            else:
                src.rewind()
                job.stage(0.0, 0.5)
                sink = _Sink()
                n = 0
                for feat in ijson.items(src, "features.item", use_float=True):
                    sink.add(feat)
                    n += 1
                    if n % _STEP == 0:
                        job.step(src.pos / size, "reading")
                records = sink.records
                crs_member = top.get("crs")
                if "crs" not in top and _mentions_crs(fh):  # written after the features (rare)
                    src.rewind()
                    found = list(ijson.items(src, "crs", use_float=True))
                    crs_member = found[0] if found else None
                crs = _legacy_crs({"crs": crs_member}, str(path)) if crs_member is not None else None
        except FileTooLargeError as exc:
            raise LayerImportError(f"{path}: the file is over {MAX_FILE_BYTES >> 20} MB, too large for this map. "
                                   "Clip it to the region in a GIS first") from exc
        except errors as exc:
            raise _NotStreamableError from exc
    result = finish(job, records, crs, str(path), "geojson", crs_implied=True)
    return result


def _members_before_features(src: _Counted) -> dict[str, Any] | None:
    """The top-level members that come before a top-level "features" array (type, name, crs: a few hundred
    bytes), or None if the document is not an object with a features array, or says it is not a collection."""
    import ijson

    events = ijson.parse(src, use_float=True)
    first = next(events, None)
    if first is None or first[1] != "start_map":
        return None
    members: dict[str, Any] = {}
    for prefix, event, value in events:
        if prefix == "" and event == "end_map":
            return None  # the object ended without a features array
        if not (prefix == "" and event == "map_key"):
            return None  # cannot happen in valid JSON: every top-level value is consumed below
        key = value
        _, event, value = next(events)
        if key == "features":
            return members if event == "start_array" and members.get("type") in (None, "FeatureCollection") else None
        if event not in ("start_map", "start_array"):
            members[key] = value
            continue
        builder = ijson.ObjectBuilder()
        builder.event(event, value)
        depth = 1
        while depth:
            _, event, value = next(events)
            builder.event(event, value)
            depth += 1 if event in ("start_map", "start_array") else -1 if event in ("end_map", "end_array") else 0
        members[key] = builder.value
    return None


def _mentions_crs(fh: BinaryIO) -> bool:
    """Whether the bytes '"crs"' occur anywhere: a 30 MB file is scanned in milliseconds, where a second
    parse for a member that is almost never there would take half a second."""
    fh.seek(0)
    tail = b""
    while True:
        block = fh.read(1 << 20)
        if not block:
            return False
        if b'"crs"' in tail + block:
            return True
        tail = block[-4:]


# -- the whole text, with Python's json (messages with line and column)

_WS = re.compile(r"[ \t\n\r]*")


def _whole_text(path: Path, job: Job) -> ImportResult:
    text, encoding = read_layer_text(path)
    warnings = [f"{path.name}: read as {CP1256}; save it as UTF-8 to be sure"] if encoding == CP1256 else []
    job.stage(0.0, 0.5)
    data = _parse_json_text(text, path, job)
    del text
    job.stage(0.5, 0.6)
    records, crs = geojson_data_records(data, str(path), job)
    result = finish(job, records, crs, str(path), "geojson", crs_implied=True)
    result.warnings[:0] = warnings
    return result


def read_layer_text(path: Path) -> tuple[str, str]:
    """A text layer file (GeoJSON, CSV) read with the layer limit and decoded; LayerImportError says why not."""
    try:
        data = read_limited(path, MAX_FILE_BYTES, "a layer file")
    except FileTooLargeError as exc:
        raise LayerImportError(f"{path}: the file is over {MAX_FILE_BYTES >> 20} MB, too large for this map. Clip it "
                               "to the region in a GIS first") from exc
    except RefusedFileError as exc:
        raise LayerImportError(str(exc)) from exc
    except OSError as exc:
        raise LayerImportError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc
    if not data.strip():
        raise LayerImportError(f"{path}: the file holds only blank space; export or download it again")
    try:
        return decode_text(data)
    except TextEncodingError as exc:
        raise LayerImportError(f"{path}: {exc}") from exc


def _json_error(path: Any, text: str, pos: int, msg: str) -> LayerImportError:
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return LayerImportError(f"{path}: not valid JSON — {msg} at line {line}, column {col}. The file is damaged or "
                            "was cut short; export or download it again")


def _parse_json_text(text: str, path: Path, job: Job) -> Any:
    """json.loads, but a top-level object's "features" array is decoded feature by feature with progress."""
    decoder = json.JSONDecoder()
    n = len(text)
    try:
        i = _WS.match(text, 0).end()
        if i >= n or text[i] != "{":
            return json.loads(text)
        out: dict[str, Any] = {}
        i = _WS.match(text, i + 1).end()
        if text.startswith("}", i):
            i += 1
        else:
            while True:
                if not text.startswith('"', i):
                    raise _json_error(path, text, i, "expected a property name in double quotes")
                key, i = decoder.raw_decode(text, i)
                i = _WS.match(text, i).end()
                if not text.startswith(":", i):
                    raise _json_error(path, text, i, "expected ':'")
                i = _WS.match(text, i + 1).end()
                if key == "features" and text.startswith("[", i):
                    items: list[Any] = []
                    i = _WS.match(text, i + 1).end()
                    if text.startswith("]", i):
                        i += 1
                    else:
                        while True:
                            value, i = decoder.raw_decode(text, i)
                            items.append(value)
                            if len(items) % _STEP == 0:
                                job.step(i / n, "reading")
                            i = _WS.match(text, i).end()
                            if text.startswith(",", i):
                                i = _WS.match(text, i + 1).end()
                            elif text.startswith("]", i):
                                i += 1
                                break
                            else:
                                raise _json_error(path, text, i, "expected ',' or ']' between features")
                    out[key] = items
                else:
                    out[key], i = decoder.raw_decode(text, i)
                i = _WS.match(text, i).end()
                if text.startswith(",", i):
                    i = _WS.match(text, i + 1).end()
                elif text.startswith("}", i):
                    i += 1
                    break
                else:
                    raise _json_error(path, text, i, "expected ',' or '}'")
        if _WS.match(text, i).end() != n:
            raise _json_error(path, text, i, "extra data after the end of the JSON")
        return out
    except json.JSONDecodeError as exc:
        raise _json_error(path, text, exc.pos, exc.msg) from exc
    except RecursionError as exc:
        raise LayerImportError(f"{path}: the JSON is nested too deeply to be a map layer") from exc
    except ValueError as exc:  # an integer of more than 4,300 digits: Python's int-parsing limit
        raise LayerImportError(f"{path}: not valid JSON — {str(exc)[:100]}. The file is damaged; export or "
                               "download it again") from exc


def _describe(data: Any) -> str:
    if isinstance(data, dict):
        keys = ", ".join(repr(k)[:30] for k in list(data)[:6]) or "no keys"
        t = data.get("type")
        return f"found an object with type {t!r:.40} and keys {keys}" if t is not None else \
            f"found an object with keys {keys}"
    return f"found a JSON {type(data).__name__.replace('dict', 'object').replace('NoneType', 'null')}"


def _legacy_crs(data: dict, label: str) -> str | None:
    crs = data.get("crs")
    if crs is None:
        return None
    name = crs.get("properties", {}).get("name") if isinstance(crs, dict) and isinstance(
        crs.get("properties"), dict) else None
    if not isinstance(name, str) or not name.strip():
        try:
            shown = json.dumps(crs)[:80]
        except (TypeError, ValueError):
            shown = repr(crs)[:80]
        raise LayerImportError(f"{label}: the \"crs\" member is not understood ({shown}); remove it "
                               "if the coordinates are longitude/latitude, or export the layer as EPSG:4326")
    return name.strip()
