"""The PyInstaller bundle: build it from the repository's spec, then run the built app (slow: ~1 min).

    python -m pip install -e ".[test,bundle]"
    python -m pytest -m slow
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from corridor_viewer import __version__

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "resources" / "packaging" / "corridor-viewer.spec"
EXE_NAME = "corridor-viewer.exe" if sys.platform == "win32" else "corridor-viewer"


def _build(work: Path, gis: bool = True) -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail('PyInstaller is needed to build the bundle: python -m pip install -e ".[bundle]"')
    env = os.environ | {"CV_BUNDLE_GIS": "1" if gis else "0"}
    out = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                          "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(SPEC)],
                         capture_output=True, text=True, timeout=1800, cwd=ROOT, env=env)
    assert out.returncode == 0, out.stderr[-5000:]
    folder = work / "dist" / "corridor-viewer"
    assert (folder / EXE_NAME).is_file()
    return folder


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    return _build(tmp_path_factory.mktemp("bundle"))


@pytest.fixture(scope="module")
def bundle_without_gis(tmp_path_factory) -> Path:
    return _build(tmp_path_factory.mktemp("bundle-nogis"), gis=False)


PROBE = """\
import geopandas, pyogrio, pyproj, shapely
from corridor_viewer.resources import geodata_dir
t = pyproj.Transformer.from_crs(4326, 3857, always_xy=True)
print("pyproj", round(t.transform(46.0, 39.0)[0]), pyproj.datadir.get_data_dir())
df = geopandas.read_file(geodata_dir() / "regions.geojson", engine="pyogrio")
print("geopandas", len(df), df.crs.to_epsg(), bool(df.to_crs(3857).geometry.area.min() > 0))
print("pyogrio", len(pyogrio.list_drivers()))
"""


@pytest.fixture(scope="module")
def probe(tmp_path_factory) -> Path:
    """The spec's very settings around a script that uses the GIS stack (the app never imports it)."""
    work = tmp_path_factory.mktemp("probe")
    (work / "probe.py").write_text(PROBE, encoding="utf-8")
    spec = SPEC.read_text(encoding="utf-8")
    for old, new in (("Path(SPECPATH).resolve().parents[1]", f"Path({str(ROOT)!r})"),
                     ('[str(ROOT / "main.py")]', f"[{str(work / 'probe.py')!r}]"),
                     ('name="corridor-viewer",', 'name="probe",')):
        assert old in spec, old
        spec = spec.replace(old, new)
    (work / "probe.spec").write_text(spec, encoding="utf-8")
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(work / "probe.spec")]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=1800, cwd=work)
    assert out.returncode == 0, out.stderr[-5000:]
    return work / "dist" / "probe" / ("probe.exe" if sys.platform == "win32" else "probe")


def test_the_bundled_gis_stack_imports_and_works(probe, tmp_path):
    out = subprocess.run([str(probe)], capture_output=True, text=True, timeout=300, cwd=tmp_path,
                         env={k: v for k, v in os.environ.items() if not k.startswith(("PROJ", "GDAL"))})
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("pyproj 5120697 ") and str(probe.parent) in lines[0]  # PROJ data from the bundle
    assert lines[1] == "geopandas 3 4326 True"
    assert int(lines[2].split()[1]) > 10  # GDAL drivers registered


def _run(bundle: Path, args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QT_PLUGIN", "QT_QPA_PLATFORM_PLUGIN"))}
    env |= {"QT_QPA_PLATFORM": "offscreen", "CORRIDOR_VIEWER_CONFIG_DIR": str(tmp_path / "config"),
            "CORRIDOR_VIEWER_DATA_DIR": str(tmp_path / "data"), "XDG_DATA_HOME": str(tmp_path / "share")}
    # From a neutral folder: the bundle must use only what it carries, not this checkout.
    return subprocess.run([str(bundle / EXE_NAME), *args], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=300)


def test_the_bundle_paints_the_map_offscreen_and_exits_0(bundle, tmp_path):
    for lang in ("en", "ar"):
        out = _run(bundle, ["--exit-after-paint", "--lang", lang], tmp_path)
        assert out.returncode == 0, out.stderr
        ms = [ln for ln in out.stdout.splitlines() if ln.startswith("first-paint-ms=")]
        assert ms and int(ms[0].split("=")[1]) > 0
        assert not (tmp_path / "data" / "crash-reports").exists(), "the bundled app hit an unexpected error"


def test_the_bundle_exports_html_and_png(bundle, tmp_path):
    from PySide6.QtGui import QImage

    out = _run(bundle, ["export", "--out", "x.html", "--select", "tripp"], tmp_path)
    assert out.returncode == 0, out.stderr
    html = (tmp_path / "x.html").read_text(encoding="utf-8")
    assert "L.map(" in html and "leaflet" in html.lower()  # folium templates and Leaflet were found
    assert '<script src="http' not in html  # Leaflet inlined from xstatic-leaflet's files
    out = _run(bundle, ["export", "--out", "x.png", "--lang", "ar", "--title", "ممر زنغزور"], tmp_path)
    assert out.returncode == 0, out.stderr
    img = QImage(str(tmp_path / "x.png"))
    assert not img.isNull() and img.width() == 1920 and img.height() == 1080


def test_the_bundle_answers_the_command_line(bundle, tmp_path):
    out = _run(bundle, ["--version"], tmp_path)
    assert out.returncode == 0 and f"Corridor Viewer {__version__}" in out.stdout
    out = _run(bundle, ["links", "--format", "csv", "--out", "m.csv"], tmp_path)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "m.csv").read_text(encoding="utf-8").startswith("feature_id,")
    if sys.platform.startswith("linux"):
        out = _run(bundle, ["--install-desktop"], tmp_path)
        assert out.returncode == 0, out.stderr
        entry = (tmp_path / "share" / "applications" / "corridor-viewer.desktop").read_text(encoding="utf-8")
        assert f"Exec={bundle / EXE_NAME}\n" in entry  # the menu starts the bundle itself


def test_the_bundle_carries_its_data_plugins_and_libraries_and_leaves_out_the_rest(bundle):
    from PyInstaller.archive.readers import CArchiveReader

    internal = bundle / "_internal"
    dangling = [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()]
    assert dangling == []
    # Symlinks are counted once, by their target.
    files = [p.relative_to(internal).as_posix() for p in internal.rglob("*") if p.is_file() and not p.is_symlink()]

    def has(pattern: str) -> bool:
        return any(Path(f).match(pattern) for f in files)

    for needed in ("geodata/layers.json", "geodata/regions.geojson", "resources/articles/catalog.json",
                   "resources/translations/corridor_viewer_ar.qm", "resources/icons/corridor-viewer-256.png",
                   "resources/icons/corridor-viewer.svg", "PySide6/Qt/translations/qtbase_ar.qm",
                   "pyproj/proj_dir/share/proj/proj.db", "xstatic/pkg/leaflet/data/leaflet.js"):
        assert needed in files, needed
    for plugin in ("platforms/*qoffscreen*", "platforms/*qxcb*", "platforms/*qwayland*", "iconengines/*qsvgicon*",
                   "imageformats/*qsvg*", "imageformats/*qjpeg*"):
        assert has(f"PySide6/Qt/plugins/{plugin}"), plugin
    assert has("folium/templates/*") and has("branca/templates/*")
    assert has("pyogrio/gdal_data/*")
    pyz = CArchiveReader(str(bundle / EXE_NAME)).open_embedded_archive("PYZ.pyz").toc
    for module in ("corridor_viewer.cli.export", "corridor_viewer.cli.links", "folium", "geopandas", "pyogrio",
                   "pyproj", "shapely", "xstatic.pkg.leaflet", "lxml.html", "ijson.backends.yajl2_c"):
        assert module in pyz, module
    for unwanted in ("*WebEngine*", "*Qt6Quick*", "*Qt6Qml*", "*Qt63D*", "*Qt6Pdf*", "*Qt6Multimedia*",
                     "*Qt6Charts*", "*botocore*", "*matplotlib*", "*tkinter*"):
        assert not has(unwanted) and not has(f"**/{unwanted}"), unwanted
    size = sum((internal / f).stat().st_size for f in files)
    assert size < 420 * 2**20, f"the bundle grew to {size / 2**20:.0f} MiB"


GPKG_HEADER = b"SQLite format 3\x00"


def test_a_bundle_without_the_gis_stack_says_what_it_cannot_read(bundle_without_gis, tmp_path):
    """CV_BUNDLE_GIS=0: GeoPackage/Shapefile/KML and reprojection say why and what to do; the rest works."""
    gpkg = tmp_path / "towns.gpkg"
    gpkg.write_bytes(GPKG_HEADER + bytes(4096 - len(GPKG_HEADER)))  # its header is all the check reads first
    out = _run(bundle_without_gis, ["check", str(gpkg)], tmp_path)
    assert out.returncode == 2 and "built without them" in out.stdout + out.stderr, out.stdout + out.stderr
    assert "Traceback" not in out.stderr and not (tmp_path / "data" / "crash-reports").exists()
    lonlat = tmp_path / "towns.geojson"
    lonlat.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "Goris"}, '
                      '"geometry": {"type": "Point", "coordinates": [46.34, 39.51]}}]}', encoding="utf-8")
    out = _run(bundle_without_gis, ["check", str(lonlat)], tmp_path)
    assert out.returncode == 0 and "1 feature imported" in out.stdout, out.stdout + out.stderr
    article = tmp_path / "a.html"
    article.write_text("<html><head><title>Goris</title></head><body><p>Goris and Kapan.</p></body></html>",
                       encoding="utf-8")
    out = _run(bundle_without_gis, ["check", str(article)], tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr  # lxml is in every bundle
    out = _run(bundle_without_gis, ["export", "--out", "x.png"], tmp_path)
    assert out.returncode == 0, out.stderr
