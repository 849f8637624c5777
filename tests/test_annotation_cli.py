"""`corridor-viewer export` with --annotations, --project [--scene], --style, --transparent and --scale: the same
map the app exports, from files; bad files get a clear message and exit 2, never a traceback."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from PIL import Image
from test_annotations import five
from test_export import cli

from corridor_viewer.io.annotation_files import write_annotations
from corridor_viewer.io.project import save_project
from corridor_viewer.model import label_edits
from corridor_viewer.model.annotations import Text
from corridor_viewer.model.export_settings import ExportSettings
from corridor_viewer.model.project import Project
from corridor_viewer.model.scenes import Scene


def svg_words(path) -> list[str]:
    root = ET.parse(path).getroot()
    return [el.text or "" for el in root.iter("{http://www.w3.org/2000/svg}text") if el.get("aria-hidden") != "true"]


def test_annotations_from_a_geojson_file_are_drawn(tmp_path):
    notes = tmp_path / "notes.geojson"
    write_annotations(notes, five())
    out = tmp_path / "m.svg"
    r = cli("--out", str(out), "--annotations", str(notes), "--size", "1200x800")
    assert r.returncode == 0, r.stderr
    assert "5 annotations" in r.stdout
    words = svg_words(out)
    assert "Clashes reported here" in words and "Zone" in words
    assert any(w.startswith("Meghri strip · ") and w.endswith("km") for w in words)


@pytest.mark.parametrize("content, says", [
    (b"", "blank"),
    (b'{"type": "FeatureCollection", "features": [', "not valid JSON"),
    (b'{"type": "Topology"}', "not GeoJSON annotations"),
    (b"\x00\x01binary", "binary"),
])
def test_a_bad_annotation_file_exits_2_with_a_message(tmp_path, content, says):
    bad = tmp_path / "bad.geojson"
    bad.write_bytes(content)
    r = cli("--out", str(tmp_path / "m.png"), "--annotations", str(bad))
    assert r.returncode == 2
    assert says in r.stderr and "bad.geojson" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "m.png").exists()


def test_bad_style_and_project_arguments_exit_2(tmp_path):
    r = cli("--out", str(tmp_path / "m.png"), "--style", str(tmp_path / "none.json"))
    assert r.returncode == 2 and "Traceback" not in r.stderr and "light|dark|print" in r.stderr
    r = cli("--out", str(tmp_path / "m.png"), "--project", str(tmp_path / "none.cvproj"))
    assert r.returncode == 2 and "no such project file" in r.stderr
    junk = tmp_path / "junk.cvproj"
    junk.write_bytes(b"\x00\xff")
    r = cli("--out", str(tmp_path / "m.png"), "--project", str(junk))
    assert r.returncode == 2 and "Traceback" not in r.stderr and "junk.cvproj" in r.stderr


def saved_project(tmp_path):
    edits = label_edits.with_edit(label_edits.NO_EDITS, "goris", hidden=True)
    edits = label_edits.with_edit(edits, "jolfa", forced=True)
    scene = Scene("lesson", {"en": "Lesson", "ar": "درس"}, {}, (45.5, 38.7, 46.8, 39.6),
                  annotations=five()[:1], label_edits=label_edits.with_edit(label_edits.NO_EDITS, "kapan",
                                                                             text=Text("Ghapan")))
    settings = ExportSettings(title="From the project", style="dark", language="en")
    p = Project(view=None, annotations=five(), label_edits=edits, export_settings=settings.to_dict(),
                scenes=[scene.to_dict()])
    path = tmp_path / "work.cvproj"
    save_project(path, p)
    return path


def test_a_project_renders_its_annotations_label_edits_and_house_style(tmp_path):
    project = saved_project(tmp_path)
    out = tmp_path / "p.svg"
    r = cli("--out", str(out), "--project", str(project), "--size", "1200x800")
    assert r.returncode == 0, r.stderr
    words = svg_words(out)
    assert "From the project" in words  # the project's title
    assert "Clashes reported here" in words and "Goris" not in words and "Jolfa" in words
    assert "#141" in out.read_text(encoding="utf-8")  # the dark page (#14171c)


def test_a_projects_scene_with_its_own_annotations(tmp_path):
    project = saved_project(tmp_path)
    out = tmp_path / "s.svg"
    r = cli("--out", str(out), "--project", str(project), "--scene", "lesson", "--size", "1200x800",
            "--style", "light")
    assert r.returncode == 0, r.stderr
    words = svg_words(out)
    assert "Clashes reported here" in words and "Zone" not in words  # the scene's one, not the project's five
    assert "Ghapan" in words


def test_dark_transparent_times_two_from_the_command_line(tmp_path):
    out1, out2 = tmp_path / "one.png", tmp_path / "two.png"
    notes = tmp_path / "notes.geojson"
    write_annotations(notes, five())
    base = ("--annotations", str(notes), "--size", "800x600", "--style", "dark", "--transparent")
    assert cli("--out", str(out1), *base).returncode == 0
    r = cli("--out", str(out2), *base, "--scale", "2")
    assert r.returncode == 0, r.stderr
    a, b = Image.open(out1), Image.open(out2)
    assert a.size == (800, 600) and b.size == (1600, 1200) and b.mode == "RGBA"
    assert b.getpixel((2, 2))[3] == 0  # clear outside the map frame
    assert b.getpixel((800, 650))[3] == 255  # the map is opaque
    assert "×2" in r.stdout and "transparent" in r.stdout


def test_the_written_geojson_is_what_geojson_io_reads(tmp_path):
    notes = tmp_path / "notes.geojson"
    write_annotations(notes, five())
    data = json.loads(notes.read_text(encoding="utf-8"))
    props = [f["properties"] for f in data["features"]]
    assert props[0]["marker-color"] == "#d62828" and props[0]["title"] == "Clashes reported here"
    assert props[2]["stroke"] == "#d62828" and "stroke-width" in props[2]
    assert props[4]["fill"] == "#e07b00" and props[4]["fill-opacity"] == 0.2


def test_check_tells_whether_an_annotation_file_is_usable(tmp_path, capsys):
    from corridor_viewer.app import main

    notes = tmp_path / "notes.geojson"
    write_annotations(notes, five())
    assert main(["check", "--annotations", str(notes)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK") and "5 annotations" in out
    bad = tmp_path / "bad.geojson"
    bad.write_bytes(b'{"type": "Topology"}')
    assert main(["check", "--annotations", str(bad)]) == 2
    out = capsys.readouterr().out
    assert out.startswith("INVALID") and "bad.geojson" in out and "not GeoJSON annotations" in out
