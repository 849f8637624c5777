"""Project files: round trip, damage reported section by section, newer versions read-only, atomic saves."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corridor_viewer.io.project import (
    FORMAT,
    VERSION,
    ArticleEntry,
    LayerEntry,
    Project,
    ProjectError,
    backup,
    load_project,
    resolve_layer,
    save_project,
)
from corridor_viewer.model.user_layers import style_from_dict, style_to_dict, user_style

ROOT = Path(__file__).resolve().parent.parent
FEATURES = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"name": "Goris"}, "geometry": {"type": "Point", "coordinates": [46.34, 39.51]}}]}


def sample_project(tmp_path: Path) -> Project:
    src = tmp_path / "towns.geojson"
    src.write_text(json.dumps(FEATURES), encoding="utf-8")
    return Project(
        view={"cx": 1000.0, "cy": -2000.0, "m_per_px": 250.0},
        layer_state={"places": {"visible": False, "opacity": 0.5}},
        imported=[LayerEntry("user-a", "Copied", "copy", user_style("point", "#d62728"), 500, str(src), None,
                             features=FEATURES, name_field="name"),
                  LayerEntry("user-b", "Referenced", "reference", user_style("point", "#1f77b4"), 510, str(src))],
        articles=[ArticleEntry("user-x", "عنوان", "نص عن ممر زنغزور", "2024-05-17", "/somewhere/x.txt")],
        scenes=[{"id": "s1", "title": {"en": "One"}}],
        export_settings={"title": "My map", "preset": "square-1080"},
        selection=["meghri"])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_round_trip(tmp_path):
    p = sample_project(tmp_path)
    path = tmp_path / "work.cvproj"
    save_project(path, p)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["format"] == FORMAT and raw["version"] == VERSION
    assert raw["imported_layers"][1]["relative"] == "towns.geojson" and "features" not in raw["imported_layers"][1]
    loaded = load_project(path)
    assert loaded.warnings == [] and not loaded.read_only
    q = loaded.project
    assert q.view == p.view and q.layer_state == p.layer_state and q.scenes == p.scenes
    assert q.articles == p.articles and q.selection == ["meghri"]
    assert q.export_settings["title"] == "My map" and q.export_settings["preset"] == "square-1080"
    assert [e.id for e in q.imported] == ["user-a", "user-b"]
    assert style_to_dict(q.imported[0].style) == style_to_dict(p.imported[0].style)
    assert resolve_layer(q.imported[0], path).counts["imported"] == 1
    assert resolve_layer(q.imported[1], path).features[0]["properties"]["name"] == "Goris"


def test_referenced_file_found_beside_a_moved_project(tmp_path):
    save_project(tmp_path / "work.cvproj", sample_project(tmp_path))
    moved = tmp_path / "moved"
    moved.mkdir()
    for name in ("work.cvproj", "towns.geojson"):
        (tmp_path / name).rename(moved / name)
    entry = load_project(moved / "work.cvproj").project.imported[1]
    assert resolve_layer(entry, moved / "work.cvproj").counts["imported"] == 1
    (moved / "towns.geojson").unlink()
    from corridor_viewer.io.importers import LayerImportError

    with pytest.raises(LayerImportError, match=r"was not found\. Put the file back"):
        resolve_layer(entry, moved / "work.cvproj")


def test_styles_round_trip_for_every_bundled_layer(doc):
    for layer in doc.layers:
        assert style_to_dict(style_from_dict(json.loads(json.dumps(style_to_dict(layer.style))))) == \
            style_to_dict(layer.style), layer.id


@pytest.mark.parametrize("content,words", [
    (b"", ["empty"]),
    (b"   \n", ["empty"]),
    (b"\xff\xfe\x00garbage", ["not UTF-8"]),
    (b'{"format": "corridor-viewer-project", "version": 1,', ["not valid JSON", "line 1"]),
    (b"[1, 2]", ["not a Corridor Viewer project"]),
    (b'{"type": "FeatureCollection", "features": []}', ["not a Corridor Viewer project"]),
    (b'{"format": "corridor-viewer-project"}', ["version"]),
    (b'{"format": "corridor-viewer-project", "version": "one"}', ["version"]),
    (b'{"format": "corridor-viewer-project", "version": 0}', ["version"]),
    (b"[" * 100_000, ["nested too deeply"]),
])
def test_unreadable_projects_are_refused_clearly_and_left_alone(tmp_path, content, words):
    path = tmp_path / "bad.cvproj"
    path.write_bytes(content)
    before = digest(path)
    with pytest.raises(ProjectError) as info:
        load_project(path)
    msg = str(info.value)
    assert str(path) in msg
    for w in words:
        assert w in msg, msg
    assert digest(path) == before


def test_damaged_sections_are_dropped_with_a_warning_each(tmp_path):
    path = tmp_path / "half.cvproj"
    path.write_text(json.dumps({
        "format": FORMAT, "version": 1, "future_key": {"kept": True},
        "view": {"cx": "a", "cy": 1, "m_per_px": 1},
        "layers": {"places": {"visible": "yes", "opacity": 7}, "water": {"visible": False}},
        "imported_layers": [5, {"id": "../../etc", "mode": "copy"}, {"id": "ok", "mode": "teleport"},
                            {"id": "s", "mode": "copy", "features": {}, "style": {"base": {"stroke": "red"}}},
                            {"id": "r", "mode": "reference"}],
        "articles": [{"id": "a"}, {"id": "b", "text": "t", "published": "yesterday"}, "x"],
        "scenes": {"not": "a list"}, "export_settings": [], "selection": "meghri"}), encoding="utf-8")
    loaded = load_project(path)
    p = loaded.project
    text = "\n".join(loaded.warnings)
    for phrase in ("map view is damaged", "layer setting", "imported layer #1", "repeated id", "unknown mode",
                   "style is damaged", "refers to no file", "its text is missing", "date dropped",
                   "scenes are damaged", "export settings are damaged"):
        assert phrase in text, phrase
    assert p.view is None and p.layer_state["water"] == {"visible": False}
    assert [e.id for e in p.imported] == ["s"] and p.imported[0].style is None
    assert [a.id for a in p.articles] == ["b"] and p.articles[0].published == ""
    assert p.extra == {"future_key": {"kept": True}}  # kept for the next save


def test_newer_version_opens_read_only_with_a_message(tmp_path):
    path = tmp_path / "new.cvproj"
    path.write_text(json.dumps({"format": FORMAT, "version": VERSION + 1, "view": {"cx": 0, "cy": 0, "m_per_px": 9},
                                "holograms": [1]}), encoding="utf-8")
    loaded = load_project(path)
    assert loaded.read_only and loaded.version == VERSION + 1
    assert "newer Corridor Viewer" in loaded.warnings[0] and "read-only" in loaded.warnings[0]
    assert loaded.project.view == {"cx": 0.0, "cy": 0.0, "m_per_px": 9.0}


def test_backup_copies_the_original_bytes(tmp_path):
    path = tmp_path / "p.cvproj"
    path.write_bytes(b"original \x00 bytes")
    bak = backup(path)
    assert bak.name == "p.cvproj.bak" and bak.read_bytes() == b"original \x00 bytes"


def test_save_to_a_missing_folder_says_so(tmp_path):
    with pytest.raises(ProjectError, match="does not exist"):
        save_project(tmp_path / "nope" / "p.cvproj", Project())


KILL_SCRIPT = r"""
import os, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from corridor_viewer.io.project import Project, ArticleEntry, save_project

real_replace = os.replace
def slow_replace(src, dst):
    print("WRITTEN", flush=True)  # the new data is in the temp file; the rename has not happened yet
    time.sleep(60)
    real_replace(src, dst)
os.replace = slow_replace
big = "x" * 2_000_000
save_project(Path({path!r}), Project(articles=[ArticleEntry("user-new", "new", big)]))
print("RENAMED", flush=True)
"""


def test_a_save_killed_half_way_leaves_the_previous_file_intact(tmp_path):
    path = tmp_path / "work.cvproj"
    save_project(path, Project(articles=[ArticleEntry("user-old", "old", "the old text")]))
    before = digest(path)
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT.format(root=str(ROOT), path=str(path))],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "WRITTEN"
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert digest(path) == before
    assert [a.text for a in load_project(path).project.articles] == ["the old text"]
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]
    assert all(n.startswith(".work.cvproj.") for n in leftovers)  # a hidden temp file at most, never the project


def test_a_save_killed_while_writing_the_data_leaves_the_previous_file_intact(tmp_path):
    path = tmp_path / "work.cvproj"
    save_project(path, Project(articles=[ArticleEntry("user-old", "old", "the old text")]))
    before = digest(path)
    script = KILL_SCRIPT.replace('real_replace = os.replace', 'import pathlib\nreal_write = pathlib.Path.write_bytes\n'
                                 'def slow_write(self, data):\n'
                                 '    with open(self, "wb") as fh:\n'
                                 '        fh.write(data[:1000]); fh.flush()\n'
                                 '        print("WRITTEN", flush=True); time.sleep(60)\n'
                                 'pathlib.Path.write_bytes = slow_write\nreal_replace = os.replace')
    script = script.replace('    print("WRITTEN", flush=True)  # the new data', '    pass  # the new data')
    proc = subprocess.Popen([sys.executable, "-c", script.format(root=str(ROOT), path=str(path))],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "WRITTEN"
        time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert digest(path) == before
