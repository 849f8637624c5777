"""The annotation tools in the window (pytest-qt): click and drag to draw, select, move and reshape with
handles, Delete, the Annotations list, undo/redo (QUndoStack) for every edit, label edits from the canvas's
context menu, and a scene's annotations put on the map."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication
from test_annotations import five

from corridor_viewer.model import projection
from corridor_viewer.model.annotations import Text, geodesic_length_m
from corridor_viewer.model.scenes import Scene
from corridor_viewer.ui import i18n
from corridor_viewer.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, doc):
    win = MainWindow(doc, None)  # closed here, not by qtbot: unsaved annotations would ask to be saved
    win.resize(1300, 850)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.session.mark_clean()
    win.close()
    win.deleteLater()
    i18n.install(QApplication.instance(), "en")


def at(win, lon, lat) -> QPoint:
    x, y = win.canvas.viewport.to_screen(*projection.forward(lon, lat))
    return QPoint(round(x), round(y))


def drag(qtbot, w, a: QPoint, b: QPoint, modifier=Qt.KeyboardModifier.NoModifier, steps: int = 6) -> None:
    qtbot.mousePress(w, Qt.MouseButton.LeftButton, modifier, a)
    for i in range(1, steps + 1):
        p = a + (b - a) * (i / steps)
        qtbot.mouseMove(w, p)
    qtbot.mouseRelease(w, Qt.MouseButton.LeftButton, modifier, b)


def close_dialog(win) -> None:
    if win.edits.dialog is not None:
        win.edits.dialog.reject()


def test_the_toolbar_draws_each_kind_and_every_edit_undoes(qtbot, window):
    s, ed, canvas = window.session, window.edits.editor, window.canvas
    history = []
    window.edits.tool_actions["marker"].trigger()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=at(window, 46.25, 39.3))
    close_dialog(window)  # a new marker opens its dialog for the text
    history.append(s.annotations)
    assert [a.kind for a in s.annotations] == ["marker"] and ed.tool == "select"
    lon, lat = s.annotations[0].points[0]
    assert abs(lon - 46.25) < 0.02 and abs(lat - 39.3) < 0.02
    window.edits.tool_actions["arrow"].trigger()
    drag(qtbot, canvas, at(window, 46.9, 39.65), at(window, 46.45, 39.2))
    arrow = s.annotations[-1]
    assert arrow.kind == "line" and arrow.heads == "end" and arrow.curve != 0  # curved unless Shift
    history.append(s.annotations)
    window.edits.tool_actions["line"].trigger()
    drag(qtbot, canvas, at(window, 45.0, 40.0), at(window, 45.4, 40.2), Qt.KeyboardModifier.ShiftModifier)
    assert s.annotations[-1].heads == "none" and s.annotations[-1].curve == 0  # Shift: straight
    history.append(s.annotations)
    window.edits.tool_actions["distance"].trigger()
    drag(qtbot, canvas, at(window, 46.08, 38.9), at(window, 46.55, 38.93))
    d = s.annotations[-1]
    assert d.kind == "distance" and "km" in d.label("en")
    assert abs(geodesic_length_m(d.points) - 40_700) < 2_500  # the strip, as dragged on screen
    history.append(s.annotations)
    window.edits.tool_actions["polygon"].trigger()
    for p in ((45.1, 38.9), (45.6, 38.95), (45.35, 39.35)):
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=at(window, *p))
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert s.annotations[-1].kind == "area" and len(s.annotations[-1].points) == 3
    history.append(s.annotations)
    window.edits.tool_actions["circle"].trigger()
    drag(qtbot, canvas, at(window, 44.5, 40.2), at(window, 44.7, 40.2))
    assert s.annotations[-1].shape == "circle" and 10 < s.annotations[-1].radius_km < 25
    history.append(s.annotations)
    window.edits.tool_actions["callout"].trigger()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=at(window, 44.9, 40.55))
    close_dialog(window)
    assert s.annotations[-1].kind == "callout"
    history.append(s.annotations)
    assert window.edits.panel.list.count() == 7
    assert s.dirty
    stack = window.edits.history.stack
    for earlier in reversed([(), *history[:-1]]):  # Ctrl+Z back through each earlier state
        qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert s.annotations == earlier
    assert not stack.canUndo()
    for later in history:  # and Ctrl+Shift+Z forward again
        qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        assert s.annotations == later


def test_select_move_reshape_and_delete(qtbot, window):
    s, ed, canvas = window.session, window.edits.editor, window.canvas
    marker, _callout, arrow, _d, _area = five()
    window.edits.history.set_annotations((marker, arrow), "test")
    qtbot.wait(10)
    m = at(window, *marker.points[0])
    drag(qtbot, canvas, m, m + QPoint(40, 25))  # drag the marker
    moved = s.annotations[0]
    assert ed.selected == marker.id and moved.points != marker.points
    x, y = canvas.viewport.to_screen(*projection.forward(*moved.points[0]))
    assert abs(x - (m.x() + 40)) < 2 and abs(y - (m.y() + 25)) < 2
    # Reshape: the arrow's end handle
    ed.select(arrow.id)
    canvas.update()
    end = at(window, *arrow.points[1])
    drag(qtbot, canvas, end, end + QPoint(-30, 30))
    reshaped = s.annotations[1]
    assert reshaped.points[0] == arrow.points[0] and reshaped.points[1] != arrow.points[1]
    # Delete with the key; undo brings it back
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert [a.id for a in s.annotations] == [marker.id]
    window.edits.undo.trigger()
    assert s.annotations[1] == reshaped


def test_the_annotations_list_hides_renames_and_reorders(qtbot, window):
    s = window.session
    items = five()
    window.edits.history.set_annotations(items, "test")
    panel = window.edits.panel
    assert panel.list.count() == 5
    top = panel.list.item(0)  # the list shows the topmost first
    assert top.text() == items[-1].title("en")
    top.setCheckState(Qt.CheckState.Unchecked)
    assert not s.annotations[-1].visible
    top = panel.list.item(0)
    top.setText("My zone")
    assert s.annotations[-1].name == "My zone" and s.annotations[-1].title("en") == "My zone"
    panel.list.setCurrentRow(0)
    panel.buttons["down"].click()
    assert s.annotations[-2].id == items[-1].id
    for _ in range(3):
        window.edits.history.stack.undo()
    assert s.annotations == items


def test_label_edits_from_the_context_menu_and_drag(qtbot, window):
    s, ed, canvas = window.session, window.edits.editor, window.canvas
    canvas.repaint()
    labels = dict(canvas.last_labels)
    fid = "kapan" if "kapan" in labels else next(iter(labels))
    rect = labels[fid]
    menu = ed.menu_for(rect.center())
    texts = [a.text() for a in menu.actions()]
    assert "Hide this label" in texts and "Change the label's text…" in texts
    next(a for a in menu.actions() if a.text() == "Hide this label").trigger()
    canvas.repaint()
    assert s.label_edits[fid].hidden and fid not in dict(canvas.last_labels)
    window.edits.undo.trigger()
    canvas.repaint()
    assert fid in dict(canvas.last_labels)
    c = rect.center().toPoint()
    drag(qtbot, canvas, c, c + QPoint(60, -40))  # drag the label itself
    canvas.repaint()
    new = dict(canvas.last_labels)[fid]
    assert abs(new.center().x() - (rect.center().x() + 60)) < 3 and abs(new.center().y() - (rect.center().y() - 40)) < 3
    assert s.label_edits[fid].at is not None
    ed.set_label_text(fid, Text("Kapan (Ghapan)", "قافان"))
    assert s.label_edits[fid].text.en == "Kapan (Ghapan)"
    menu = ed.menu_for(QPointF(new.center()))
    next(a for a in menu.actions() if a.text() == "Reset the label to automatic").trigger()
    assert fid not in s.label_edits
    window.edits.undo.trigger()
    assert s.label_edits[fid].text.en == "Kapan (Ghapan)"


def test_a_forced_label_comes_on_from_the_feature_menu(qtbot, window):
    s, ed = window.session, window.edits.editor
    window.canvas.repaint()
    shown = {fid for fid, _ in window.canvas.last_labels}
    f = next(f for f in s.doc.features() if f.id == "jolfa")
    assert f.id not in shown
    b = f.geometry.bounds  # a point: its place in map metres
    x, y = window.canvas.viewport.to_screen(b[0], b[1])
    menu = ed.menu_for(QPointF(x, y))
    next(a for a in menu.actions() if a.text() == "Show its label always").trigger()
    assert s.label_edits[f.id].forced
    window.canvas.repaint()
    assert f.id in {fid for fid, _ in window.canvas.last_labels}


def test_a_scene_brings_its_annotations_and_a_saved_project_keeps_them(qtbot, window, tmp_path):
    s = window.session
    scene = Scene("teach", {"en": "Teach", "ar": "درس"}, {}, (44.0, 38.5, 47.5, 41.0), annotations=five()[:2])
    window.edits.scene_shown(scene)
    assert s.annotations == five()[:2]
    window.edits.scene_shown(Scene("plain", {"en": "Plain", "ar": "عادي"}, {}, (44.0, 38.5, 47.5, 41.0)))
    assert s.annotations == ()  # a scene without any clears the other scene's, never the user's own
    window.edits.undo.trigger()
    assert s.annotations == five()[:2]
    path = tmp_path / "mine.cvproj"
    s.save(path)
    s.new_project()
    assert s.annotations == () and not window.edits.history.stack.canUndo()
    s.open_project(path)
    assert s.annotations == five()[:2]


def test_the_export_dialog_applies_a_house_style_with_its_logo_and_undo_restores_the_old(qtbot, window, tmp_path):
    import json

    from PIL import Image

    from corridor_viewer.ui.export_dialog import ExportDialog

    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 40"><rect '
                                       'width="160" height="40" fill="#00a651"/></svg>', encoding="utf-8")
    (tmp_path / "tv.json").write_text(json.dumps({"format": "corridor-viewer-style", "id": "tv", "tone": "dark",
                                                  "page": "#101820", "name": {"en": "Our TV"}, "logo": "logo.svg",
                                                  "logo_corner": "tl"}), encoding="utf-8")
    window.edits.history.set_annotations(five()[:3], "test")
    dlg = ExportDialog(window.session, window.canvas.map_state, window.current_quote, window,
                       history=window.edits.history)
    qtbot.addWidget(dlg)
    names = [dlg.style.itemText(i) for i in range(dlg.style.count())]
    assert names[:3] == ["Light", "Dark (TV)", "High-contrast print"]
    assert dlg.load_style_file(tmp_path / "tv.json")
    assert dlg.style.currentData() == "custom" and dlg.style.currentText() == "Our TV"
    dlg._set_combo(dlg.scale, 2)
    dlg.transparent.setChecked(True)
    dlg._set_combo(dlg.preset, "custom")
    dlg._set_combo(dlg.unit, "px")
    dlg.custom_w.setValue(800)
    dlg.custom_h.setValue(500)
    dlg._set_combo(dlg.format, "png")
    out = tmp_path / "tv.png"
    before = window.session.export_settings.to_dict()
    assert dlg.write(dlg.settings(), out)
    with Image.open(out) as im:
        assert im.size == (1600, 1000) and im.mode == "RGBA" and im.getpixel((1, 1))[3] == 0
        assert im.getpixel((120, 90))[:3] == (0, 0xa6, 0x51)  # the logo, top left
    remembered = window.session.export_settings
    assert remembered.style == "custom" and remembered.house["id"] == "tv" and remembered.scale == 2
    window.edits.undo.trigger()  # a style change is an undoable edit
    assert window.session.export_settings.to_dict() == before


def test_the_journalists_map_from_the_issue_in_every_format(qtbot, window, tmp_path):
    """Done when: the default map, a marker, an arrow, a "43 km" distance line and a hidden-then-moved label,
    a dark house style with a logo, exported as PNG x2, SVG, PDF and HTML from the dialog: all show them."""
    import json
    import re
    import subprocess

    from corridor_viewer.model.annotations import make
    from corridor_viewer.ui.export_dialog import ExportDialog

    ed, canvas = window.edits.editor, window.canvas
    window.edits.tool_actions["marker"].trigger()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=at(window, 46.62, 39.45))
    dlg = window.edits.dialog
    dlg.text_en.setPlainText("Clashes reported here")
    dlg.text_ar.setPlainText("اشتباكات هنا")
    dlg.accept()
    window.edits.tool_actions["arrow"].trigger()
    drag(qtbot, canvas, at(window, 47.03, 39.46), at(window, 46.58, 39.05))
    from pyproj import Geod

    lon, lat, _ = Geod(ellps="WGS84").fwd(46.05, 38.87, 86, 43000)
    window.edits.history.set_annotations((*window.session.annotations, make("distance", [(46.05, 38.87), (lon, lat)],
                                                                             decimals=0)), "measure")
    assert window.session.annotations[-1].label("en") == "43\u00a0km"
    canvas.repaint()
    rect = dict(canvas.last_labels)["kapan"]
    ed.hide_label("kapan")
    ed.reset_label("kapan")  # un-hidden, then moved
    canvas.repaint()
    c = dict(canvas.last_labels)["kapan"].center().toPoint()
    drag(qtbot, canvas, c, c + QPoint(-70, -30))
    assert window.session.label_edits["kapan"].at is not None and not window.session.label_edits["kapan"].hidden
    canvas.repaint()
    assert rect != dict(canvas.last_labels)["kapan"]
    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 40"><rect '
                                       'width="160" height="40" fill="#e4002b"/></svg>', encoding="utf-8")
    style = json.loads((Path(__file__).parent.parent / "resources/styles/dark.json").read_text(encoding="utf-8"))
    style.update({"id": "tv", "logo": "logo.svg"})
    (tmp_path / "tv.json").write_text(json.dumps(style), encoding="utf-8")
    dlg = ExportDialog(window.session, window.canvas.map_state, window.current_quote, window,
                       history=window.edits.history)
    qtbot.addWidget(dlg)
    assert dlg.load_style_file(tmp_path / "tv.json")
    dlg._set_combo(dlg.scale, 2)
    outs = {}
    for fmt in ("png", "svg", "pdf", "html"):
        dlg._set_combo(dlg.format, fmt)
        outs[fmt] = tmp_path / f"map.{fmt}"
        assert dlg.write(dlg.settings(), outs[fmt]), fmt
    from PIL import Image

    with Image.open(outs["png"]) as im:
        assert im.size == (3840, 2160)  # web 1920x1080, x2
        assert im.getpixel((8, 8))[:3] == (0x14, 0x17, 0x1c)  # the dark page
    svg = outs["svg"].read_text(encoding="utf-8")
    pdf = subprocess.run(["pdftotext", str(outs["pdf"]), "-"], capture_output=True, text=True).stdout
    page = outs["html"].read_text(encoding="utf-8")
    for text in (svg, pdf):
        assert "Clashes" in text and re.search(r"43\s*km", text.replace("\u00a0", " "))
    assert "Clashes reported here" in page and ("43\\u00a0km" in page or "43\u00a0km" in page)
    assert "data:image/svg+xml;base64" in page  # the logo
