"""Issue 15, making scenes: several highlighted features and passages per scene, a preview per scene
(drawn from the scene's own state, cached), new scenes named by their place in the list."""

from __future__ import annotations

import json

import pytest
from PySide6.QtGui import QColor

from corridor_viewer.io.scenes import load_scene_list, read_scenes, write_scenes
from corridor_viewer.model.scenes import Scene


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CORRIDOR_VIEWER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CORRIDOR_VIEWER_REDUCED_MOTION", "1")


@pytest.fixture
def window(qtbot, doc):
    from corridor_viewer.ui.main_window import MainWindow

    win = MainWindow(doc, None)
    qtbot.addWidget(win)
    win.resize(1300, 850)
    win.show()
    win.session.relink()
    win.load_scenes()
    win.scenes_dock.show()
    win.scenes_dock.raise_()  # the previews are drawn while the panel is on screen
    return win


def test_a_scene_gets_several_highlights_and_passages_in_the_editor(qtbot, window, tmp_path):
    from corridor_viewer.io.userdirs import scenes_file
    from corridor_viewer.ui.scenes_panel import SceneDialog

    win, doc = window, window.doc
    panel = win.scenes_panel
    row = win.session.scenes.index("nakhchivan")
    panel.list.setCurrentRow(row)
    scene = panel.current()
    dlg = SceneDialog(scene, panel, doc)
    qtbot.addWidget(dlg)
    assert dlg.highlights() == scene.highlight and dlg.passages() == scene.passages
    doc.select(["julfa", "ordubad", "nakhchivan"])  # nakhchivan is already there: not twice
    dlg.add_map_selection()
    art = doc.links.corpus.get("001_5d1d381c682fe884")
    for idx in (11, 24):
        p = art.passages[idx]
        doc.set_focus(art.id, p.start, p.end)
        dlg.add_reader_passage()
    dlg.add_reader_passage()  # the same passage again: not twice
    assert dlg.highlights() == [*scene.highlight, "julfa", "ordubad"]
    assert dlg.passages() == [*scene.passages, (art.id, 11), (art.id, 24)]
    # The list shows names and the passage's words, not ids.
    assert dlg.highlight_list.item(len(scene.highlight)).text() == doc.feature("julfa").name("en")
    assert "«" in dlg.passage_list.item(len(scene.passages)).text()
    dlg.highlight_list.item(0).setSelected(True)
    dlg._remove_selected(dlg.highlight_list)
    panel.apply_edit(scene, dlg)
    edited = win.session.scenes.get("nakhchivan")
    assert edited.highlight == [*scene.highlight[1:], "julfa", "ordubad"]
    assert len(edited.passages) == len(scene.passages) + 2
    assert edited.view == scene.view and edited.caption == scene.caption  # what was not edited stays
    # Saved at once, read back the same (the story's file format holds the lists).
    loaded, _ = load_scene_list(scenes_file())
    assert loaded.get("nakhchivan").to_dict() == edited.to_dict()
    out = tmp_path / "lesson.json"
    write_scenes(out, [edited])
    assert read_scenes(out)[0].passages == edited.passages
    # Shown on a slide: every highlight and passage of it.
    win.present(row)
    pw = win.presentation
    qtbot.addWidget(pw)
    assert list(pw.canvas.map_state().selection) == edited.highlight
    assert len(pw.citation_labels) == len(edited.passages)
    pw.close()


def test_highlighting_a_labelled_feature_moves_it_off_the_labels():
    from corridor_viewer.ui.scenes_panel import scene_edited

    s = Scene("s", {"en": "S"}, {"en": "c"}, (44.0, 38.0, 47.0, 40.0), None, ["a"], [], None, [], ["b", "c"])
    e = scene_edited(s, s.title, s.caption, None, ["a", "b"], [("x", 1), ("y", 2)])
    assert e.highlight == ["a", "b"] and e.labels == ["c"] and e.passages == [("x", 1), ("y", 2)]


def test_each_scene_has_a_preview_drawn_once_from_its_own_state(qtbot, window):
    from corridor_viewer.render.paint import HIGHLIGHT
    from corridor_viewer.ui.scenes_panel import THUMB, render_thumbnail

    win = window
    panel = win.scenes_panel
    n = len(win.session.scenes)
    qtbot.waitUntil(panel.thumbnails_done, timeout=20000)
    assert panel.rendered == n  # the story's scenes each differ in view, date or highlights
    for i in range(n):
        icon = panel.list.item(i).icon()
        assert not icon.isNull(), i
        assert icon.actualSize(THUMB).width() == THUMB.width()
    before = win.doc.map_state()
    # Refreshing the list (a rename, a move) draws nothing again: the previews are cached.
    panel.refresh()
    qtbot.waitUntil(panel.thumbnails_done, timeout=5000)
    assert panel.rendered == n
    # Editing what one scene shows draws that one only.
    s = win.session.scenes.get("tripp")
    from corridor_viewer.ui.scenes_panel import scene_edited

    win.session.scenes.replace(scene_edited(s, s.title, s.caption, s.date, [*s.highlight, "meghri"]))
    qtbot.waitUntil(panel.thumbnails_done, timeout=5000)
    assert panel.rendered == n + 1
    # The preview is the scene's map: its highlights drawn in the highlight colour; the main map untouched.
    img = render_thumbnail(panel._scene_state(win.session.scenes.get("tripp")), THUMB)
    hl = QColor(HIGHLIGHT)
    hits = sum(1 for x in range(img.width()) for y in range(img.height())
               if abs(QColor(img.pixel(x, y)).red() - hl.red()) + abs(QColor(img.pixel(x, y)).green() - hl.green())
               + abs(QColor(img.pixel(x, y)).blue() - hl.blue()) < 60)
    assert hits > 20
    other = render_thumbnail(panel._scene_state(win.session.scenes.get("region")), THUMB)
    assert other != img
    after = win.doc.map_state()
    assert (after.selection, after.date, after.look_key()) == (before.selection, before.date, before.look_key())


def test_new_scenes_are_named_by_their_place_in_the_list(qtbot, window):
    from corridor_viewer.io.userdirs import scenes_file

    panel = window.scenes_panel
    n = len(window.session.scenes)
    panel.list.setCurrentRow(n - 1)
    last = panel.add_from_view()
    assert last.title == {"en": f"Scene {n + 1}", "ar": f"المشهد {n + 1}"}
    panel.list.setCurrentRow(2)
    third = panel.add_from_view()
    assert third.title["en"] == "Scene 4" and window.session.scenes.index(third.id) == 3
    saved = json.loads(scenes_file().read_text(encoding="utf-8"))
    assert {s["id"] for s in saved["scenes"]} == {last.id, third.id}


def test_previews_wait_while_the_scenes_tab_is_hidden(qtbot, window):
    """Start-up: the Layers tab is in front, so the scene previews cost the UI thread nothing until shown."""
    win = window
    win.layers_dock.raise_()
    panel = win.scenes_panel
    panel.refresh()
    qtbot.wait(200)
    assert panel.visibleRegion().isEmpty() and panel.rendered == 0 and not panel.thumbnails_done()
    win.scenes_dock.raise_()
    qtbot.waitUntil(panel.thumbnails_done, timeout=20000)
    assert panel.rendered == len(win.session.scenes)
