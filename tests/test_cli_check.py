"""`corridor-viewer check FILE`: exit 0 for a usable file, 2 with what is wrong and what to do."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

import pytest

from corridor_viewer.app import main
from corridor_viewer.io.project import FORMAT, LayerEntry, Project, save_project

GOOD = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"name": "Goris"}, "geometry": {"type": "Point", "coordinates": [46.34, 39.51]}}]}


def check(capsys, path) -> tuple[int, str]:
    rc = main(["check", str(path)])
    return rc, capsys.readouterr().out


def test_valid_layer(tmp_path, capsys):
    path = tmp_path / "towns.geojson"
    path.write_text(json.dumps(GOOD), encoding="utf-8")
    rc, out = check(capsys, path)
    assert rc == 0 and out.startswith("OK") and "1 feature imported" in out and "names from name" in out


def test_layer_with_repairs_is_valid_with_warnings(tmp_path, capsys):
    bow = {"type": "Polygon", "coordinates": [[[45, 39], [46, 40], [46, 39], [45, 40], [45, 39]]]}
    path = tmp_path / "bow.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": bow}]}), encoding="utf-8")
    rc, out = check(capsys, path)
    assert rc == 0 and "1 repaired" in out and "warning:" in out


@pytest.mark.parametrize("name,content,words", [
    ("bad.geojson", b'{"type": ', "not valid JSON"),
    ("empty.csv", b"", "empty"),
    ("empty.zip", b"", "0 bytes"),
    ("wrong.json", b'{"a": 1}', "not GeoJSON"),
    ("x.cvproj", b"{}", "not a Corridor Viewer project"),
    ("a.txt", b"", "empty"),
    ("a.html", b"<script>alert(1)</script>", "no readable text"),
    ("a.docx", b"abc", "not a file Corridor Viewer reads"),
])
def test_invalid_files_exit_2_with_a_reason(tmp_path, capsys, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    rc, out = check(capsys, path)
    assert rc == 2 and out.startswith("INVALID") and words in out and str(path) in out


def test_zip_slip_exits_2(tmp_path, capsys):
    path = tmp_path / "evil.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("../../evil.shp", b"x")
    rc, out = check(capsys, path)
    assert rc == 2 and "outside the archive" in out


def test_article_in_cp1256(tmp_path, capsys):
    path = tmp_path / "maqal.txt"
    path.write_bytes("ممر زنغزور\nنص المقال عن ممر زنغزور.\n".encode("cp1256"))
    rc, out = check(capsys, path)
    assert rc == 0 and "'ممر زنغزور'" in out and "cp1256" in out


def test_project_with_a_missing_referenced_layer(tmp_path, capsys):
    path = tmp_path / "p.cvproj"
    save_project(path, Project(imported=[LayerEntry("user-a", "Gone", "reference", path=str(tmp_path / "gone.kml"))]))
    rc, out = check(capsys, path)
    assert rc == 2 and "was not found" in out and "Put the file back" in out
    save_project(path, Project(imported=[LayerEntry("user-a", "Here", "copy", features=GOOD)]))
    rc, out = check(capsys, path)
    assert rc == 0 and "1/1 imported layers usable" in out


def test_newer_project_is_valid_but_read_only(tmp_path, capsys):
    path = tmp_path / "n.cvproj"
    path.write_text(json.dumps({"format": FORMAT, "version": 99}), encoding="utf-8")
    rc, out = check(capsys, path)
    assert rc == 0 and "read-only" in out


def test_missing_file_and_real_process(tmp_path):
    out = subprocess.run([sys.executable, "-m", "corridor_viewer", "check", str(tmp_path / "nope.geojson")],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "no such file" in out.stdout and "Traceback" not in out.stderr


# -- hostile files (issue 17): the check reads only what the file says, and says why it will not

VRT = ("<OGRVRTDataSource><OGRVRTLayer name='towns'><SrcDataSource>{src}</SrcDataSource>"
       "<GeometryType>wkbPoint</GeometryType><GeometryField encoding='PointFromColumns' x='x' y='y'/>"
       "</OGRVRTLayer></OGRVRTDataSource>")


@pytest.mark.parametrize("name", ["towns.kml", "towns.gpkg", "towns.shp"])
def test_a_vrt_document_under_a_layer_extension_is_invalid_and_reads_nothing(tmp_path, capsys, name):
    secret = tmp_path / "secret.csv"
    secret.write_text("name,x,y\nsecret line,45,40\n", encoding="utf-8")
    path = tmp_path / name
    path.write_text(VRT.format(src=secret), encoding="utf-8")
    rc, out = check(capsys, path)
    assert rc == 2 and "nothing was read" in out and "secret line" not in out and "features imported" not in out
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, "secret.csv"])  # no .gfs, no .aux.xml


def test_a_huge_integer_and_a_bad_scenes_version_are_invalid_not_tracebacks(tmp_path, capsys):
    path = tmp_path / "big.cvproj"
    path.write_text('{"format": "corridor-viewer-project", "version": 1, "view": ' + "9" * 5000 + "}",
                    encoding="utf-8")
    rc, out = check(capsys, path)
    assert rc == 2 and "not valid JSON" in out
    layer = tmp_path / "big.geojson"
    layer.write_text('{"type": "FeatureCollection", "features": [' + "1" * 5000 + "]}", encoding="utf-8")
    rc, out = check(capsys, layer)
    assert rc == 2 and "not valid JSON" in out


def test_a_fifo_is_invalid_at_once(tmp_path):
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    for name in ("towns.geojson", "towns.kml", "work.cvproj", "a.txt"):
        path = tmp_path / name
        os.mkfifo(path)
        out = subprocess.run([sys.executable, "-m", "corridor_viewer", "check", str(path)], capture_output=True,
                             text=True, timeout=60)
        assert out.returncode == 2 and "named pipe (FIFO)" in out.stdout and "Traceback" not in out.stderr, out


NO_GIS = """\
import sys
for name in ("pyogrio", "pyproj", "geopandas"):  # as in a bundle built with CV_BUNDLE_GIS=0
    sys.modules[name] = None
from corridor_viewer.app import main
sys.exit(main(["check", sys.argv[1]]))
"""


def test_without_the_gis_stack_layers_that_need_it_say_so(tmp_path):
    import geopandas
    from shapely.geometry import Point

    gpkg = tmp_path / "towns.gpkg"
    geopandas.GeoDataFrame({"name": ["Goris"]}, geometry=[Point(46.34, 39.51)], crs=4326).to_file(gpkg)
    utm = tmp_path / "utm.geojson"
    utm.write_text(json.dumps(GOOD | {"crs": {"type": "name", "properties": {"name": "EPSG:32638"}}, "features": [
        {"type": "Feature", "properties": {"name": "Goris"},
         "geometry": {"type": "Point", "coordinates": [616000, 4373000]}}]}), encoding="utf-8")
    lonlat = tmp_path / "towns.geojson"
    lonlat.write_text(json.dumps(GOOD), encoding="utf-8")
    env = os.environ | {"CORRIDOR_VIEWER_DATA_DIR": str(tmp_path / "data")}
    for path, rc, words in ((gpkg, 2, "(pyogrio), and this copy of Corridor Viewer was built without them"),
                            (utm, 2, "(pyproj), and this copy"), (lonlat, 0, "1 feature imported")):
        out = subprocess.run([sys.executable, "-c", NO_GIS, str(path)], capture_output=True, text=True, timeout=120,
                             env=env)
        assert out.returncode == rc and words in out.stdout, out.stdout + out.stderr
        assert "Traceback" not in out.stderr and not (tmp_path / "data" / "crash-reports").exists()
