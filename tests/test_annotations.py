"""Issue 14, the model and the files: annotations as values, label edits, house styles, project and scene round
trips, simplestyle GeoJSON both ways, and bad or hostile annotation and style files refused with a message."""

from __future__ import annotations

import functools
import json
from dataclasses import replace
from pathlib import Path

import pytest
from pyproj import Geod

from corridor_viewer.io.annotation_files import (
    AnnotationFileError,
    annotations_from_geojson,
    read_annotations,
    to_geojson,
    write_annotations,
)
from corridor_viewer.io.house_styles import StyleFileError, builtin, read_style_file, resolve
from corridor_viewer.io.project import load_project, save_project
from corridor_viewer.model import label_edits
from corridor_viewer.model.annotations import (
    Annotation,
    AnnotationError,
    Text,
    format_length,
    geodesic_length_m,
    make,
    moved,
    replaced,
    without,
)
from corridor_viewer.model.export_settings import ExportSettings
from corridor_viewer.model.house_style import HouseStyle, HouseStyleError, dark_color, styled_state
from corridor_viewer.model.project import Project
from corridor_viewer.model.scenes import Scene, SceneError, scene_state

HORADIZ, BORDER = (47.0264, 39.4488), (46.66, 39.12)
MEGHRI_W, MEGHRI_E = (46.08, 38.90), (46.55, 38.93)  # the ends of Armenia's strip along the Aras, roughly


@functools.cache
def five() -> tuple[Annotation, ...]:
    """The issue's five: a point, a callout, a curved arrow, a distance line and a polygon."""
    return (make("marker", [(46.25, 39.30)], text=Text("Clashes reported here", "اشتباكات هنا"), icon="pin"),
            make("callout", [(44.9, 40.55)], text=Text("Ceasefire line\nsince 2020", "خط وقف إطلاق النار\nمنذ 2020")),
            make("line", [HORADIZ, BORDER], text=Text("Horadiz → border", "من هوراديز إلى الحدود"), curve=0.3),
            make("distance", [MEGHRI_W, MEGHRI_E], text=Text("Meghri strip", "شريط ميغري")),
            make("area", [(45.1, 38.9), (45.6, 38.95), (45.35, 39.35)], text=Text("Zone", "منطقة"), fill="#e07b00"))


# -- values

def test_annotations_are_values_and_edits_make_new_ones():
    a = five()[0]
    b = replace(a, color="#1f4e9c")
    assert a.color == "#d62828" and b.color == "#1f4e9c" and a != b
    assert Annotation.from_dict(a.to_dict()) == a
    with pytest.raises(AttributeError):
        a.color = "#000000"  # frozen
    items = five()
    assert moved(items, items[0].id, 10)[-1].id == items[0].id  # brought to the front: drawn last
    assert replaced(items, b)[0] == b and len(without(items, [a.id])) == 4


@pytest.mark.parametrize("bad, why", [
    ({"kind": "marker", "points": [[46, 39], [47, 40]]}, "needs 1"),
    ({"kind": "area", "points": [[46, 39], [47, 40]]}, "at least 3"),
    ({"kind": "line", "points": [[46, -80], [47, 40]]}, "longitude/latitude"),
    ({"kind": "line", "points": [[46, 39], [47, 40]], "color": "url(x)"}, "colour"),
    ({"kind": "marker", "points": [[46, 39]], "icon": "skull"}, "icon"),
    ({"kind": "area", "points": [[46, 39]], "shape": "circle", "radius_km": 0}, "radius"),
    ({"kind": "marker", "points": [[46, 39]], "text": {"en": "a\x00b"}}, "control"),
    ({"kind": "marker", "points": [[46, 39]], "width": "3"}, "wrong type"),
    ({"kind": "blob", "points": [[46, 39]]}, "kind"),
])
def test_malformed_annotations_say_which_field(bad, why):
    with pytest.raises(AnnotationError, match=why):
        Annotation.from_dict({"id": "a-1", **bad})


def test_the_map_language_picks_the_text_and_falls_back():
    a = five()[0]
    assert a.label("en") == "Clashes reported here" and a.label("ar") == "اشتباكات هنا"
    only_en = replace(a, text=Text("Only English"))
    assert only_en.label("ar") == "Only English"


def test_distance_label_is_the_geodesic_length_within_half_a_percent():
    d = five()[3]
    geod = Geod(ellps="WGS84")
    _, _, metres = geod.inv(*MEGHRI_W, *MEGHRI_E)  # an independent call: the inverse problem
    assert geodesic_length_m(d.points) == pytest.approx(metres, rel=1e-9)
    for lang, unit in (("en", "km"), ("ar", "كم")):
        label = d.label(lang)
        number = float(label.split("·")[-1].replace(unit, "").replace("\u00a0", "").replace(",", "").strip())
        assert unit in label
        assert abs(number * 1000 - metres) / metres < 0.005
    assert format_length(43_210, "en", 0) == "43\u00a0km" and format_length(43_210, "ar", 0) == "43\u00a0كم"
    assert format_length(850, "en") == "850\u00a0m"


# -- label edits

def test_label_edits_hide_force_rename_move_and_reset():
    e = label_edits.with_edit(label_edits.NO_EDITS, "iran", forced=True)
    e = label_edits.with_edit(e, "goris", hidden=True)
    e = label_edits.with_edit(e, "kapan", at=(46.4, 39.3), text=Text("Kapan (moved)"))
    assert set(e) == {"iran", "goris", "kapan"}
    assert label_edits.from_list(label_edits.to_list(e)) == e
    e2 = label_edits.with_edit(e, "goris", forced=True)  # forcing a hidden label shows it
    assert e2["goris"].forced and not e2["goris"].hidden
    assert "iran" not in label_edits.reset(e, "iran")
    with pytest.raises(label_edits.LabelEditError):
        label_edits.LabelEdit.from_dict({"fid": "kapan", "at": [300, 0]})


def test_plan_labels_honours_every_kind_of_edit(qapp, doc):
    from corridor_viewer.model import projection
    from corridor_viewer.model.viewport import Viewport
    from corridor_viewer.render.labels import plan_labels

    vp = Viewport(width=1400, height=900).fitted(doc.home_bounds, margin=0.02)
    base = doc.map_state(vp, badges=False)
    auto = {lab.fid: lab for lab in plan_labels(base)}
    assert "goris" in auto
    hidden = ["jolfa", "russian-base-102"]  # left out by the engine at this view
    assert not set(hidden) & set(auto)
    e = label_edits.with_edit(label_edits.NO_EDITS, "goris", hidden=True)
    e = label_edits.with_edit(e, "kapan", at=(45.9, 39.9), text=Text("Kapan here", "قافان هنا"))
    for fid in hidden:
        e = label_edits.with_edit(e, fid, forced=True)
    placed = {lab.fid: lab for lab in plan_labels(base.with_(label_overrides=e))}
    assert "goris" not in placed
    assert all(fid in placed for fid in hidden)
    cx, cy = vp.to_screen(*projection.forward(45.9, 39.9))
    r = placed["kapan"].rect
    assert abs(r.center().x() - cx) < 3 and abs(r.center().y() - cy) < 3
    assert placed["kapan"].text == "Kapan here"
    assert {lab.fid for lab in plan_labels(base.with_(language="ar", label_overrides=e))} >= {"kapan"}
    ar = {lab.fid: lab for lab in plan_labels(base.with_(language="ar", label_overrides=e))}
    assert ar["kapan"].text == "قافان هنا"
    others = [lab.rect for fid, lab in placed.items() if fid != "kapan"]
    assert not any(r.intersects(o) for o in others)  # the engine works around a moved label


# -- projects and scenes

def test_project_round_trip_is_identical(tmp_path):
    e = label_edits.with_edit(label_edits.NO_EDITS, "kapan", at=(46.1, 39.6), hidden=False)
    scene = Scene("lesson-1", {"en": "Lesson"}, {}, (44.0, 38.0, 47.0, 40.5), annotations=five()[:2], label_edits=e)
    p = Project(annotations=five(), label_edits=e, scenes=[scene.to_dict()],
                export_settings=ExportSettings(style="dark", transparent=True, scale=2).to_dict())
    path = tmp_path / "work.cvproj"
    save_project(path, p)
    back = load_project(path)
    assert back.warnings == []
    assert back.project.annotations == five() and dict(back.project.label_edits) == dict(e)
    assert Scene.from_dict(back.project.scenes[0]) == scene
    s = ExportSettings.from_dict(back.project.export_settings)
    assert (s.style, s.transparent, s.scale) == ("dark", True, 2)
    save_project(tmp_path / "again.cvproj", back.project)  # and again: byte for byte
    assert (tmp_path / "again.cvproj").read_bytes() == path.read_bytes()


def test_a_format_1_project_opens_and_damaged_annotations_are_left_out_with_a_warning(tmp_path):
    old = tmp_path / "old.cvproj"
    old.write_text(json.dumps({"format": "corridor-viewer-project", "version": 1, "scenes": []}), encoding="utf-8")
    loaded = load_project(old)
    assert not loaded.read_only and loaded.project.annotations == () and not loaded.warnings
    bad = tmp_path / "bad.cvproj"
    good = five()[0].to_dict()
    bad.write_text(json.dumps({"format": "corridor-viewer-project", "version": 2,
                               "annotations": [good, {"id": "x", "kind": "marker", "points": [[999, 0]]}, good],
                               "label_edits": "nope"}), encoding="utf-8")
    loaded = load_project(bad)
    assert loaded.project.annotations == (five()[0].__class__.from_dict(good),)
    assert any("annotation #2" in w for w in loaded.warnings) and any("repeats" in w for w in loaded.warnings)
    assert any("label edits" in w for w in loaded.warnings)


def test_a_scene_carries_its_annotations_into_its_state(doc):
    scene = Scene("s", {"en": "S"}, {}, (44.0, 38.0, 47.0, 40.5), annotations=five(),
                  label_edits=label_edits.with_edit(label_edits.NO_EDITS, "goris", hidden=True))
    st = scene_state(doc.map_state(), scene)
    assert st.annotations == five() and "goris" in st.label_overrides
    assert "annotations" not in Scene("t", {"en": "T"}, {}, (44.0, 38.0, 47.0, 40.5)).to_dict()  # old shape kept
    with pytest.raises(SceneError, match="scene s"):
        Scene.from_dict({**scene.to_dict(), "annotations": [{"id": "a", "kind": "marker", "points": []}]})


# -- simplestyle GeoJSON

def test_simplestyle_geojson_round_trips_every_kind(tmp_path):
    items = (*five(), make("area", [(44.5, 39.7)], shape="circle", radius_km=25.0, text=Text("25 km")),
             make("area", [(47.2, 40.3), (47.8, 40.7)], shape="rectangle", dash="dashed"),
             make("marker", [(45.5, 39.6)], icon="number", number=3, direction="ne", leader=True))
    path = tmp_path / "notes.geojson"
    write_annotations(path, items)
    data = json.loads(path.read_text(encoding="utf-8"))
    props = [f["properties"] for f in data["features"]]
    assert props[0]["title"] == "Clashes reported here" and props[0]["marker-symbol"] == "marker"
    assert props[0]["marker-color"] == "#d62828"
    assert props[2]["stroke"] == "#d62828" and props[2]["stroke-width"] == 2.5 and props[2]["cv_heads"] == "end"
    assert props[4]["fill"] == "#e07b00" and props[4]["fill-opacity"] == 0.2
    assert props[7]["marker-symbol"] == "3"
    assert [f["geometry"]["type"] for f in data["features"]] == ["Point", "Point", "LineString", "LineString",
                                                                 "Polygon", "Polygon", "Polygon", "Point"]
    ring = data["features"][5]["geometry"]["coordinates"][0]
    geod = Geod(ellps="WGS84")
    assert all(abs(geod.inv(44.5, 39.7, lon, lat)[2] - 25_000) < 1 for lon, lat in ring)  # a real circle
    assert read_annotations(path).annotations == items


def test_a_file_from_geojson_io_becomes_annotations():
    data = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"marker-color": "#7e7e7e", "marker-size": "medium",
                                           "marker-symbol": "star", "title": "Goris"},
         "geometry": {"type": "Point", "coordinates": [46.34, 39.51]}},
        {"type": "Feature", "properties": {"stroke": "#555555", "stroke-width": 2, "title": "طريق"},
         "geometry": {"type": "LineString", "coordinates": [[46.0, 39.0], [46.3, 39.2], [46.5, 39.1]]}},
        {"type": "Feature", "properties": {"fill": "#f00", "fill-opacity": 0.5},
         "geometry": {"type": "Polygon", "coordinates": [[[46, 39], [46.2, 39], [46.1, 39.2], [46, 39]]]}},
        {"type": "Feature", "properties": {}, "geometry": {"type": "GeometryCollection", "geometries": []}},
    ]}
    read = annotations_from_geojson(data, "drawn.geojson")
    star, road, area = read.annotations
    assert (star.kind, star.icon, star.color, star.text.en) == ("marker", "star", "#7e7e7e", "Goris")
    assert (road.kind, road.heads, road.text.ar, road.width, len(road.points)) == ("line", "none", "طريق", 2.0, 3)
    assert (area.kind, area.fill, area.fill_opacity, len(area.points)) == ("area", "#f00", 0.5, 3)
    assert read.skipped == 1 and "GeometryCollection" in read.warnings[0]


@pytest.mark.parametrize("content, says", [
    (b"", "blank"),
    (b'{"type": "FeatureCollection", "features": [', "not valid JSON"),
    (b'{"type": "Topology"}', "not GeoJSON annotations"),
    (b"\x00\x01\x02binary", "binary"),
    (b'{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", '
     b'"coordinates": [NaN, 40]}}]}', "no annotation could be read"),
    (b"[" * 100_000, "nested too deeply"),
    (('{"type": "FeatureCollection", "features": [' + ",".join(['{"type": "Feature", "geometry": {"type": "Point",'
      ' "coordinates": [45, 40]}}'] * 10_001) + "]}").encode(), "at most 10,000"),
])
def test_bad_annotation_files_get_a_clear_message(tmp_path, content, says):
    path = tmp_path / "notes.geojson"
    path.write_bytes(content)
    with pytest.raises(AnnotationFileError, match=says) as info:
        read_annotations(path)
    assert str(path) in str(info.value)


# -- house styles

def test_builtin_styles_and_the_default_is_the_old_look():
    light, dark, print_ = builtin("light"), builtin("dark"), builtin("print")
    assert light.page == "#ffffff" and light.title_px == 30 and light.tone == "light"
    assert dark.tone == "dark" and dark.page < "#333333" and print_.high_contrast
    assert resolve(ExportSettings()) == light
    assert resolve(ExportSettings(style="dark")) == dark


def test_a_style_file_with_its_logo_travels_whole(tmp_path):
    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 50"><rect width="200"'
                                       ' height="50" fill="#c00"/></svg>', encoding="utf-8")
    (tmp_path / "outlet.json").write_text(json.dumps({
        "format": "corridor-viewer-style", "id": "outlet", "name": {"en": "Outlet", "ar": "المنفذ"},
        "fonts": ["DejaVu Serif"], "page": "#101820", "ink": "#f0f0f0", "tone": "dark", "logo": "logo.svg",
        "credit": {"en": "Outlet graphics", "ar": "رسوم المنفذ"}, "defaults": {"legend": False, "scale": 2}}),
        encoding="utf-8")
    hs = read_style_file(tmp_path / "outlet.json")
    assert hs.logo_type == "svg" and hs.logo.startswith(b"<svg") and hs.fonts == ("DejaVu Serif",)
    s = ExportSettings.from_dict({"style": "custom", "house": hs.to_dict()})
    (tmp_path / "logo.svg").unlink()  # the settings (and a project) keep the logo itself
    assert resolve(s) == hs
    assert s.credit_text(None, hs.credit.for_lang("en")).endswith("Map: Outlet graphics")


@pytest.mark.parametrize("style, says", [
    ({"id": "x", "page": "red"}, "page"),
    ({"id": "x", "fonts": ["Arial'; } body {"]}, "fonts"),
    ({"id": "x", "logo": "data:image/gif;base64,R0lGOD"}, "logo"),
    ({"id": "x", "defaults": {"explode": True}}, "unknown option"),
    ({"id": "x", "tone": "neon"}, "tone"),
])
def test_bad_styles_are_refused_with_the_field(style, says):
    with pytest.raises(HouseStyleError, match=says):
        HouseStyle.from_dict(style)


def test_style_files_are_read_with_the_safe_reader(tmp_path):
    import os

    fifo = tmp_path / "style.json"
    os.mkfifo(fifo)
    with pytest.raises(StyleFileError, match="named pipe"):
        read_style_file(fifo)
    svg = tmp_path / "s.json"
    (tmp_path / "bomb.svg").write_text('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>')
    svg.write_text(json.dumps({"format": "corridor-viewer-style", "logo": "bomb.svg"}), encoding="utf-8")
    with pytest.raises(StyleFileError, match="entities"):
        read_style_file(svg)
    assert ExportSettings.from_dict({"style": "custom", "house": {"page": 5}}).style == "light"  # damaged: default


def test_a_dark_style_restyles_a_copy_of_the_map(doc):
    st = doc.map_state()
    dark = styled_state(st, builtin("dark"))
    countries = next(lv for lv in dark.layers if lv.id == "countries")
    assert countries.style.base.fill != next(lv for lv in st.layers if lv.id == "countries").style.base.fill
    assert doc.layer("countries").style.base.fill == "#e4e2dc"  # the document is untouched
    assert dark_color("#d62828") == "#d62828"  # vivid route colours keep their meaning
    assert dark_color("#ffffff") < "#333333"


def test_annotation_files_work_without_qt():
    import subprocess
    import sys

    code = ("import sys\nfrom corridor_viewer.io.annotation_files import annotations_from_geojson\n"
            "from corridor_viewer.io.house_styles import builtin\nbuiltin('dark')\n"
            "annotations_from_geojson({'type': 'FeatureCollection', 'features': [{'type': 'Feature', 'geometry': "
            "{'type': 'Point', 'coordinates': [45, 40]}}]}, 'x')\n"
            "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NO-QT')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parents[1])
    assert out.stdout.strip() == "NO-QT", out.stderr


def test_geojson_written_is_plain_json():
    text = json.dumps(to_geojson(five()), allow_nan=False)
    assert "NaN" not in text
