"""What GDAL and PROJ may do in this process when they read a user's layer: only the formats the app lists,
no network, no files written beside the user's, grids only from PROJ's own data folder.

GDAL picks a driver by content, not by extension, so a file named ``towns.kml`` that holds an OGR VRT
document is opened by the VRT driver, which reads any local file (or a ``/vsicurl/`` URL) it names, and
GML content writes a ``.gfs`` file beside the input. Three layers of defence, all applied here:

1. :func:`configure_gdal` (called by the importers before their first pyogrio use) deregisters every
   driver except those of the formats the app lists (GPKG, Shapefile, KML/LIBKML), blocks ``/vsicurl/``
   and HTTP, and turns off the ``.aux.xml`` side files. GML (and its ``.gfs`` files) and the VRT driver are
   gone with the rest; if they are still registered afterwards, GDAL is refused outright.
2. :func:`check_content` checks the first bytes of the file against the format its extension names,
   before GDAL sees the file: a ``.kml`` must be a KML document, a ``.gpkg`` a SQLite database, a
   ``.shp`` a shapefile.
3. :func:`check_driver` checks, after opening, that GDAL used the driver expected for the extension.

:func:`configure_proj` turns off PROJ's network access; :func:`check_crs_text` and :func:`check_crs_grids`
refuse a CRS that names a grid (or an ``+init`` file) by path, or a grid that is not an installed file in
PROJ's data folder — a CRS naming a FIFO as its grid used to hang the import.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# The GDAL driver(s) each GDAL-read format may be opened with; every other driver is deregistered.
DRIVERS: dict[str, frozenset[str]] = {
    "gpkg": frozenset({"GPKG"}),
    "shapefile": frozenset({"ESRI Shapefile"}),
    "kml": frozenset({"KML", "LIBKML"}),
    "kmz": frozenset({"LIBKML", "KML"}),
}
ALLOWED_DRIVERS = frozenset().union(*DRIVERS.values()) | {"MEM", "Memory"}  # MEM: in-memory, opens no file
MUST_BE_GONE = ("OGR_VRT", "GML", "CSV", "GeoJSON")  # always built in; if any is left, the restriction failed

GDAL_CONFIG = {
    # No /vsicurl/ (every URL fails the allowed-name test) and no HTTP: a proxy on the discard port of this
    # machine refuses every connection at once, for any driver that would fetch something.
    "CPL_VSIL_CURL_ALLOWED_FILENAME": "/corridor-viewer/network-is-off",
    "CPL_VSIL_CURL_ALLOWED_EXTENSIONS": ".corridor-viewer-network-is-off",
    "GDAL_HTTP_PROXY": "127.0.0.1:9",
    "GDAL_HTTPS_PROXY": "127.0.0.1:9",
    "GDAL_HTTP_MAX_RETRY": "0",
    "GDAL_HTTP_TIMEOUT": "2",
    "GDAL_HTTP_CONNECTTIMEOUT": "2",
    "LIBKML_EXTERNAL_STYLE": "NO",  # KML styles from a URL
    "GDAL_PAM_ENABLED": "NO",  # no .aux.xml written beside the user's file
}
PROJ_ENV = {"PROJ_NETWORK": "OFF"}  # in the environment, so GDAL's own PROJ sees it as well as pyproj's

_lock = threading.Lock()
_gdal_ready = False
_proj_ready = False


class UnsafeGdalError(RuntimeError):
    """GDAL could not be restricted in this process; no user file may be handed to it."""


def configure_gdal() -> None:
    """Restrict GDAL for the whole process; idempotent and cheap after the first call. Call before any
    pyogrio use on a user's file (the importers do). Raises UnsafeGdalError if the restriction did not take.

    The drivers to skip are those this GDAL build registered, minus ALLOWED_DRIVERS (GDAL warns about unknown
    names in GDAL_SKIP, so the list is not written by hand). GDAL applies GDAL_SKIP when it registers its
    drivers; pyogrio registered them at import, so they are registered again (pyogrio's ``_register_drivers``,
    GDALAllRegister), which deregisters the skipped ones — whether or not pyogrio was imported before us.
    """
    global _gdal_ready
    with _lock:
        if _gdal_ready:
            return
        configure_proj()
        import pyogrio

        skip = [*sorted(set(pyogrio.list_drivers()) - ALLOWED_DRIVERS), "VRT"]  # VRT: the raster flavour
        pyogrio.set_gdal_config_options({**GDAL_CONFIG, "GDAL_SKIP": ",".join(skip)})  # commas: "MapInfo File"
        try:
            from pyogrio._ogr import _register_drivers

            with _quiet_gdal():
                _register_drivers()
        except (ImportError, AttributeError):  # a pyogrio without it: caught by the check below
            pass
        left = set(pyogrio.list_drivers()) - ALLOWED_DRIVERS
        if left & set(MUST_BE_GONE) or left & set(skip):
            raise UnsafeGdalError("GDAL could not be limited to the formats Corridor Viewer reads (still active: "
                                  f"{', '.join(sorted(left)[:8])}), so no layer file is opened with it")
        _gdal_ready = True


@contextlib.contextmanager
def _quiet_gdal() -> Iterator[None]:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        yield


def configure_proj() -> None:
    """No network for PROJ (ours through pyproj, and GDAL's own copy); grids only from PROJ's data folder."""
    global _proj_ready
    if _proj_ready:
        return
    os.environ.update(PROJ_ENV)
    try:
        import pyproj.datadir
        import pyproj.network
    except ImportError:  # pyproj is a dependency; a broken install fails later with its own message
        return
    pyproj.network.set_network_enabled(False)
    # PROJ also looks in a per-user folder (where it caches downloaded grids); point that at its data folder
    # too, so every grid lookup stays inside PROJ's own installed data.
    os.environ["PROJ_USER_WRITABLE_DIRECTORY"] = pyproj.datadir.get_data_dir()
    _proj_ready = True


# -- the first bytes of a file against the format its extension names

HEAD_BYTES = 64 << 10
_SQLITE = b"SQLite format 3\x00"
_SHP_CODE = b"\x00\x00\x27\x0a"  # file code 9994, big-endian, at the start of every .shp
_XML_PROLOGUE = re.compile(r"\s*(?:<\?xml[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>\s*)*", re.S | re.I)
_ROOT = re.compile(r"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")


def check_content(fmt: str, head: bytes) -> str | None:
    """None if ``head`` (the file's first bytes) looks like ``fmt``; else what is wrong, as a phrase."""
    if fmt == "gpkg":
        return None if head.startswith(_SQLITE) else "it does not start with the SQLite header every GeoPackage has"
    if fmt == "shapefile":
        return None if len(head) >= 100 and head.startswith(_SHP_CODE) else \
            "it does not start with the header every .shp file has"
    if fmt == "kml":
        return kml_problem(head)
    return None


def kml_problem(head: bytes) -> str | None:
    """Why these first bytes are not a KML document, or None. GDAL would read VRT or GML content instead."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", errors="ignore")
    else:
        text = head.decode("utf-8", errors="ignore").lstrip("\ufeff")
    if "OGRVRTDataSource" in text:
        return "it holds an OGR VRT document, which can read other files and URLs"
    if "<!ENTITY" in text.upper():
        return "it declares XML entities, which KML never needs"
    m = _ROOT.match(text, _XML_PROLOGUE.match(text).end())
    if m is None:
        return "it does not start with an XML element"
    if m.group(2).lower() != "kml":
        return f"its XML root element is <{(m.group(1) or '') + m.group(2)}>, not <kml>"
    return None


def check_driver(fmt: str, driver: str | None) -> str | None:
    """None if GDAL opened the file with a driver expected for ``fmt``; else the reason."""
    allowed = DRIVERS.get(fmt)
    if allowed is None or driver in allowed:
        return None
    return f"GDAL read it as {driver}, not as {' or '.join(sorted(allowed))}; nothing was imported"


# -- coordinate systems: no file paths, grids only from PROJ's data folder

MAX_CRS_CHARS = 20_000  # a WKT definition is a few kilobytes
_PROJ_FILE_PARAM = re.compile(r"\+?\b(init|nadgrids|geoidgrids|grids|file)\s*=\s*(\S+)", re.I)


def check_crs_text(text: str) -> str | None:
    """Before PROJ parses a CRS string (``+init=`` is read while parsing): the reason to refuse it, or None."""
    if len(text) > MAX_CRS_CHARS:
        return f"its definition is {len(text):,} characters long, far more than a coordinate system needs"
    for key, value in _PROJ_FILE_PARAM.findall(text):
        for name in value.split(","):
            if _path_like(name.lstrip("@").split(":")[0] if key.lower() == "init" else name.lstrip("@")):
                return f"it names a file by path ({key}={value[:80]}); only grids installed with PROJ are used"
    return None


def check_crs_grids(crs: Any) -> str | None:
    """After parsing: every grid a CRS names must be an installed regular file in PROJ's data folder."""
    for name in _grid_names(crs.to_json_dict()):
        optional = name.startswith("@")
        bare = name.lstrip("@")
        if not bare or bare == "null":  # "@null": PROJ's built-in no-op grid
            continue
        if _path_like(bare):
            return f"it names a grid file by path ({bare[:80]}); only grids installed with PROJ are used"
        found = _installed_grid(bare)
        if found is False:
            return f"its grid {bare[:80]} in PROJ's data folder is not a regular file"
        if found is None and not optional:
            return f"it needs the grid file {bare[:80]}, which is not installed with PROJ"
    return None


def _grid_names(node: Any) -> list[str]:
    out: list[str] = []
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, dict):
            for p in n.get("parameters", []) if isinstance(n.get("parameters"), list) else []:
                if isinstance(p, dict) and isinstance(p.get("value"), str):  # string values are file names
                    out += [s.strip() for s in p["value"].split(",")]
            stack += [v for v in n.values() if isinstance(v, (dict, list))]
        elif isinstance(n, list):
            stack += [v for v in n if isinstance(v, (dict, list))]
    return out


def _path_like(name: str) -> bool:
    return ("/" in name or "\\" in name or name.startswith((".", "~")) or re.match(r"^[A-Za-z]:", name) is not None
            or "://" in name)


def _installed_grid(name: str) -> bool | None:
    """True: a regular file in PROJ's data folder; False: there but not a regular file; None: not there."""
    import pyproj.datadir

    path = Path(pyproj.datadir.get_data_dir()) / name
    try:
        st = os.stat(path)
    except OSError:
        return None
    return stat.S_ISREG(st.st_mode)
