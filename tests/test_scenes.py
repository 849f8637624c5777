"""Issue 6: scenes as data, the timeline's states, presentation keys, the handout, the scenes CLI."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, Qt

from corridor_viewer.io.scenes import builtin_story_path, load_scene_list, read_scenes, write_scenes
from corridor_viewer.model.scenes import Scene, SceneError, SceneList, apply_to
from corridor_viewer.model.timeline import state_at


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CORRIDOR_VIEWER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CORRIDOR_VIEWER_REDUCED_MOTION", "1")


def story() -> list[Scene]:
    return read_scenes(builtin_story_path())


def test_builtin_story_is_complete_and_consistent(doc):
    from corridor_viewer.io.articles import load_corpus

    corpus = load_corpus()
    scenes = story()
    assert len(scenes) >= 8
    layer_ids = {layer.id for layer in doc.layers}
    for s in scenes:
        for lang in ("en", "ar"):
            assert s.title.get(lang) and s.caption.get(lang), (s.id, lang)
            sentences = [x for x in re.split(r"(?<=[.!?؟])\s+", s.caption[lang].strip()) if x]
            assert 1 <= len(sentences) <= 3, (s.id, lang, len(sentences))
        assert set(s.layers or []) <= layer_ids, s.id
        assert all(doc.feature(f) is not None for f in s.highlight), s.id
        for aid, idx in s.passages:
            assert 0 <= idx < len(corpus.get(aid).passages), (s.id, aid, idx)


def test_scenes_round_trip_and_edits(tmp_path):
    lst = SceneList(story())
    path = tmp_path / "scenes.json"
    events = []
    lst.changed.connect(lambda: events.append(1))
    lst.move("tripp", -1)
    lst.remove("region")
    lst.add(Scene("mine", {"ar": "مشهدي"}, {"en": "x"}, (44.0, 38.0, 47.0, 40.0), None, [], [], "2024-05"))
    write_scenes(path, lst)
    again = read_scenes(path)
    assert [s.to_dict() for s in again] == lst.to_list()
    assert again[-1].date == "2024-05-01" and len(events) == 3
    with pytest.raises(SceneError):
        lst.add(Scene("mine", {"en": "dup"}, {}, (44.0, 38.0, 47.0, 40.0)))


@pytest.mark.parametrize("bad", [
    {"id": "../x", "title": {"en": "t"}, "view": [44, 38, 47, 40]},
    {"id": "a", "title": {"en": ""}, "view": [44, 38, 47, 40]},
    {"id": "a", "title": {"en": "t"}, "view": [47, 38, 44, 40]},
    {"id": "a", "title": {"en": "t"}, "view": [44, 38, 47, 40], "date": "soon"},
    {"id": "a", "title": {"en": "t"}, "view": [44, 38, 47, 40], "passages": [["000", "x"]]},
    ["not", "an", "object"],
])
def test_bad_scene_records_are_refused_with_a_reason(bad):
    with pytest.raises(SceneError):
        Scene.from_dict(bad)


def test_a_damaged_user_file_is_kept_and_the_story_loads(tmp_path):
    path = tmp_path / "scenes.json"
    path.write_text("{ not json", encoding="utf-8")
    scenes, warning = load_scene_list(path)
    assert len(scenes) >= 8 and "kept" in warning
    assert (tmp_path / "scenes.json.bak").read_text(encoding="utf-8") == "{ not json"


def test_state_at_a_date(doc):
    def st(fid, date):
        f = doc.feature(fid)
        return state_at(f.props, f.status, date)

    assert st("zangezur-horadiz-aghband", "2021-01-31") is None
    assert st("zangezur-horadiz-aghband", "2021-02-14") == "under-construction"
    assert st("crossroads-of-peace", "2023-10-25") is None
    assert st("crossroads-of-peace", "2023-10-26") == "proposed"
    assert st("tripp", "2025-08-07") is None and st("tripp", "2025-08-08") == "proposed"
    assert st("zangezur-kars-dilucu", "2020-02-24") is None  # first date: the 25 Feb 2020 memorandum
    assert st("zangezur-kars-dilucu", "2025-08-21") == "proposed"
    assert st("zangezur-kars-dilucu", "2025-09-01") == "under-construction"
    assert st("soviet-railway", "2020-11-10") == "historical"
    assert st("iran-consulate-kapan", "2022-01-15") == "proposed"
    assert st("iran-consulate-kapan", "2022-10-21") == "existing"
    assert st("syunik", "2020-01-01") == "existing"  # no milestones: always there
    assert st("tripp", None) == "proposed"


def test_the_date_hides_features_on_the_map_and_in_clicks(doc):
    from corridor_viewer.model import projection

    doc.set_date("2022-01-01")
    ids = {f.id for f in doc.visible_features()}
    assert "tripp" not in ids and "zangezur-horadiz-aghband" in ids
    meghri_strip = doc.feature("tripp").geometry.parts[0][0][5]
    picked = doc.pick(*meghri_strip, tolerance_m=300)
    assert picked is None or picked.id != "tripp"
    doc.set_date(None)
    assert "tripp" in {f.id for f in doc.visible_features()}
    assert projection  # keep import for clarity of the coordinate space above


def test_apply_scene_sets_layers_selection_date_and_passage(doc):
    from corridor_viewer.io.articles import load_corpus
    from corridor_viewer.model.links import Links

    corpus = load_corpus()
    doc.set_links(Links.build(corpus, doc.features())[0])
    scene = next(s for s in story() if s.id == "crossroads")
    apply_to(doc, scene)
    assert doc.date == "2023-11-18" and doc.selection == ["crossroads-of-peace"]
    assert {layer.id for layer in doc.layers if layer.visible} == set(scene.layers)
    art = corpus.get(scene.passages[0][0])
    assert doc.focus[0] == art.id and doc.focus[1] == art.passages[scene.passages[0][1]].start


# -- presentation mode


@pytest.fixture
def presenting(qtbot, doc):
    from corridor_viewer.ui.main_window import MainWindow

    win = MainWindow(doc, None)
    qtbot.addWidget(win)
    win.show()
    win.session.relink()
    win.load_scenes()
    win.present(0)
    pw = win.presentation
    qtbot.addWidget(pw)
    qtbot.waitExposed(pw)
    return win, pw


def test_clicker_keys_step_through_the_scenes(qtbot, presenting):
    win, pw = presenting
    assert pw.isFullScreen() and pw.index == 0
    def click_until_scene_changes(key):  # PageDown/PageUp scroll a long passage before they step
        start = pw.index
        for _ in range(40):
            qtbot.keyClick(pw, key)
            if pw.index != start:
                return

    for key, expected in ((Qt.Key.Key_PageDown, 1), (Qt.Key.Key_Space, 2), (Qt.Key.Key_Right, 3),
                          (Qt.Key.Key_PageUp, 2), (Qt.Key.Key_Left, 1),
                          (Qt.Key.Key_End, len(win.session.scenes) - 1),
                          (Qt.Key.Key_Right, len(win.session.scenes) - 1), (Qt.Key.Key_Home, 0)):
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_PageUp):
            click_until_scene_changes(key)
        else:
            qtbot.keyClick(pw, key)
        assert pw.index == expected, key
    qtbot.keyClick(pw, Qt.Key.Key_Right)
    scene = win.session.scenes[1]
    # The slide shows the scene's own state; the main map is left as it was.
    slide = pw.canvas.map_state()
    assert list(slide.selection) == scene.highlight and scene.title_for("en") in pw.title.text()
    assert win.doc.selection == [] and win.doc.date is None
    qtbot.keyClick(pw, Qt.Key.Key_Escape)
    assert not pw.isVisible() and win.presentation is None


def test_pen_marks_are_cleared_at_the_next_scene_and_contrast_toggles(qtbot, presenting):
    _, pw = presenting
    qtbot.keyClick(pw, Qt.Key.Key_P)
    assert pw.overlay.mode == "pen"
    qtbot.mousePress(pw.overlay, Qt.MouseButton.LeftButton, pos=QPoint(100, 100))
    qtbot.mouseMove(pw.overlay, QPoint(200, 150))
    qtbot.mouseRelease(pw.overlay, Qt.MouseButton.LeftButton, pos=QPoint(200, 150))
    assert len(pw.overlay.strokes) == 1
    qtbot.keyClick(pw, Qt.Key.Key_Right)
    assert pw.overlay.strokes == []
    qtbot.keyClick(pw, Qt.Key.Key_L)
    assert pw.overlay.mode == "pointer"
    qtbot.keyClick(pw, Qt.Key.Key_H)
    assert pw.high_contrast and pw.canvas.options.high_contrast


def test_reduced_motion_jumps_and_motion_animates(qtbot, doc, monkeypatch):
    from corridor_viewer.ui.presentation import PresentationWindow

    scenes = SceneList(story())
    pw = PresentationWindow(doc, scenes, 0, reduced_motion=True)
    qtbot.addWidget(pw)
    pw.resize(1280, 720)
    pw.show()
    pw.go(4)
    assert pw.canvas._flight is None  # no animation at all
    pw.reduced_motion = False
    pw.go(5)
    assert pw.canvas._flight is not None
    qtbot.waitUntil(lambda: pw.canvas._flight.state() == pw.canvas._flight.State.Stopped, timeout=3000)


def test_caption_text_is_large_at_1080p_and_4k(qtbot, doc):
    from corridor_viewer.ui.presentation import PresentationWindow

    pw = PresentationWindow(doc, SceneList(story()), 0, reduced_motion=True)
    qtbot.addWidget(pw)
    for h in (1080, 2160):
        pw.resize(h * 16 // 9, h)
        pw._restyle()
        px = int(re.search(r"font-size:(\d+)px", pw.caption.styleSheet())[1])
        assert px >= h / 34  # ~32 px at 1080p: readable from the back of a classroom
        assert pw.canvas.options.ui_scale >= 1.4


# -- timeline and scenes panel


def test_timeline_slider_and_scene_dates(qtbot, presenting):
    win, pw = presenting
    pw.close()
    tl = win.timeline
    assert len(tl.slider.marks) == 5  # one tick per article
    tl.enabled.setChecked(True)
    tl.slider.setValue(tl.slider.minimum())
    assert win.doc.date == "2020-01-01"
    win.scenes_panel.show_scene(win.session.scenes.index("tripp"))
    assert win.doc.date == "2025-08-08" and tl.date_for(tl.slider.value()) == "2025-08-08"
    tl.enabled.setChecked(False)
    assert win.doc.date is None


def test_scenes_panel_edits_are_saved_at_once(qtbot, presenting, tmp_path):
    from corridor_viewer.io.userdirs import scenes_file

    win, pw = presenting
    pw.close()
    panel = win.scenes_panel
    n = len(win.session.scenes)
    win.doc.select("tripp")
    panel.list.setCurrentRow(2)
    scene = panel.add_from_view()
    assert scene.highlight == ["tripp"] and len(win.session.scenes) == n + 1
    assert scene.title["en"] == "Scene 4"  # named by its place in the list
    saved = json.loads(scenes_file().read_text(encoding="utf-8"))
    # The file holds what the user made (the new scene) and the order; the story comes from the app.
    assert [s["id"] for s in saved["scenes"]] == [scene.id] and len(saved["order"]) == n + 1
    panel._move(-1)
    panel.delete_current()
    loaded, _ = load_scene_list(scenes_file())
    assert [s.id for s in loaded] == [s.id for s in story()]  # the new scene moved up, then deleted
    assert not win.isWindowModified()  # the user's own scenes are saved, never "unsaved changes"


# -- handout and CLI


def cli(*args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "corridor_viewer", *args], capture_output=True, text=True,
                          env=env, timeout=300)


def test_handout_has_one_page_per_scene(tmp_path):
    out = tmp_path / "handout.pdf"
    r = cli("export", "--scene", "all", "--out", str(out), "--lang", "ar")
    assert r.returncode == 0, r.stderr
    n = len(story())
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
        assert re.search(r"Pages:\s+(\d+)", info)[1] == str(n)
    else:
        assert len(re.findall(rb"/Type\s*/Page\b", out.read_bytes())) == n


def test_scenes_cli_and_single_scene_export(tmp_path):
    r = cli("scenes", "--format", "json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert [x["id"] for x in rows] == [s.id for s in story()]
    assert {"id", "title_en", "title_ar", "date"} <= rows[0].keys()
    out = tmp_path / "s.png"
    assert cli("export", "--scene", "construction", "--out", str(out)).returncode == 0
    assert out.stat().st_size > 10_000
    bad = cli("export", "--scene", "atlantis", "--out", str(out))
    assert bad.returncode == 2 and "scenes" in bad.stderr
