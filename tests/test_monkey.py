"""A monkey test: 1,000 random user actions on the window — clicks, keys, drags, wheel, menu actions, panel
edits, drops of good and broken files — and not one exception. Modal dialogs answer at once (patched)."""

from __future__ import annotations

import json
import random
import sys

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QColor, QWheelEvent
from PySide6.QtWidgets import QApplication, QColorDialog, QDialog, QMessageBox
from test_file_actions import Dialogs, article_file, drop, layer_file

from corridor_viewer.ui.main_window import MainWindow
from corridor_viewer.ui.settings import open_settings

ACTIONS = 1000
SEED = 20240517
SKIP_MENU = {"quit", "present", "handout", "about", "export"}  # leave the app, or modal (present has its own step)


def files_for_monkey(tmp_path) -> list[str]:
    good = layer_file(tmp_path)
    broken = tmp_path / "broken.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [{"type": ', encoding="utf-8")
    csv = tmp_path / "points.csv"
    csv.write_bytes("الاسم,خط الطول,خط العرض\nغوريس,46.34,39.51\n".encode("cp1256"))
    empty_zip = tmp_path / "empty.zip"
    empty_zip.write_bytes(b"")
    article = article_file(tmp_path)
    bad_project = tmp_path / "bad.cvproj"
    bad_project.write_text('{"format": "corridor-viewer-project", "version": 7, "view": [1]}', encoding="utf-8")
    junk_project = tmp_path / "junk.cvproj"
    junk_project.write_bytes(b"\x00\xff")
    project = tmp_path / "saved.cvproj"
    # A saved project with a scene of its own (and the teacher's marks on it), so presenting goes on after it opens.
    scene = {"id": "monkey-scene", "title": {"en": "Monkey", "ar": "قرد"}, "view": [44.0, 38.5, 47.5, 41.0],
             "annotations": [{"id": "m-1", "kind": "marker", "points": [[46.3, 39.5]], "text": {"en": "Here"}},
                             {"id": "m-2", "kind": "line", "points": [[45.5, 39.0], [46.4, 39.4]], "curve": 0.2}]}
    project.write_text(json.dumps({"format": "corridor-viewer-project", "version": 2,
                                   "layers": {"places": {"visible": False}}, "scenes": [scene]}), encoding="utf-8")
    return [str(p) for p in (good, broken, csv, empty_zip, article, bad_project, junk_project, project)] + [""]


@pytest.fixture
def monkey_window(qtbot, doc, monkeypatch, tmp_path):
    dialogs = Dialogs(monkeypatch)
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#123456"))
    monkeypatch.setattr(QMessageBox, "about", lambda *a, **k: None)
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: None)
    win = MainWindow(doc, open_settings())
    qtbot.addWidget(win)
    win.resize(1100, 750)
    win.show()
    qtbot.waitExposed(win)
    win.session.relink()
    yield win, dialogs, files_for_monkey(tmp_path), tmp_path
    dialogs.answer = QMessageBox.StandardButton.Discard
    win.files.imports.cancel()
    qtbot.waitUntil(lambda: not win.files.busy, timeout=30_000)


def all_actions(win) -> list[QAction]:
    skip = {win.actions_by_key[k] for k in SKIP_MENU if k in win.actions_by_key}
    out = []

    def walk(menu) -> None:
        for act in menu.actions():
            if act.menu() is not None:
                walk(act.menu())
            elif not act.isSeparator() and act not in skip:
                out.append(act)

    for top in win.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu())
    return out


def test_one_thousand_random_actions_raise_nothing(qtbot, monkey_window, monkeypatch):
    win, dialogs, files, tmp_path = monkey_window
    rnd = random.Random(SEED)
    errors: list[str] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, v, tb: errors.append(f"{t.__name__}: {v}"))
    canvas = win.canvas

    def point() -> QPoint:
        return QPoint(rnd.randint(0, canvas.width() - 1), rnd.randint(0, canvas.height() - 1))

    def click() -> None:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point())

    def double_click() -> None:
        qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=point())

    def drag() -> None:
        a, b = point(), point()
        qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=a)
        qtbot.mouseMove(canvas, b)
        qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=b)

    def hover() -> None:
        qtbot.mouseMove(canvas, point())

    def wheel() -> None:
        p = QPointF(point())
        ev = QWheelEvent(p, QPointF(canvas.mapToGlobal(p.toPoint())), QPoint(0, 0), QPoint(0, rnd.choice([-240, -120,
                         -15, 15, 120, 240])), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                         Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(canvas, ev)

    def key() -> None:
        k = rnd.choice([Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Plus,
                        Qt.Key.Key_Minus, Qt.Key.Key_Home, Qt.Key.Key_Escape, Qt.Key.Key_A, Qt.Key.Key_Space])
        qtbot.keyClick(canvas, k)

    menu_actions = all_actions(win)

    def menu_action() -> None:
        dialogs.open_files = [rnd.choice(files)]
        dialogs.save_file = rnd.choice(["", str(tmp_path / "monkey.cvproj"), str(tmp_path / "missing" / "x")])
        dialogs.folder = rnd.choice(["", str(tmp_path)])
        dialogs.answer = rnd.choice([QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No,
                                     QMessageBox.StandardButton.Discard, QMessageBox.StandardButton.Cancel])
        dialogs.dialog_result = rnd.choice([QDialog.DialogCode.Accepted, QDialog.DialogCode.Rejected])
        act = rnd.choice(menu_actions)
        if act.isEnabled():
            act.trigger()

    def toggle_layer() -> None:
        items = list(win.layers_panel._items.values())
        if items:
            item = rnd.choice(items)
            item.setCheckState(0, Qt.CheckState.Unchecked if item.checkState(0) == Qt.CheckState.Checked
                               else Qt.CheckState.Checked)

    def opacity() -> None:
        sliders = list(win.layers_panel._sliders.values())
        if sliders:
            rnd.choice(sliders).setValue(rnd.randint(0, 100))

    def drop_file() -> None:
        from pathlib import Path

        pick = [Path(p) for p in rnd.sample([f for f in files if f], rnd.randint(1, 2))]
        drop(qtbot, win, pick)

    def search() -> None:
        win.search_panel.box.setText(rnd.choice(["زنغزور", "Meghri", "", "نخ", "x" * 50, "<b>"]))

    def resize() -> None:
        win.resize(rnd.randint(700, 1400), rnd.randint(500, 900))

    def language() -> None:
        win.set_language(rnd.choice(["ar", "en"]))

    presented: list[int] = []

    def present() -> None:
        # F5, a few clicker keys and pen strokes, Esc: the map and the panels must still answer afterwards.
        win.actions_by_key["present"].trigger()  # F5 (its shortcut needs the window focused)
        pw = win.presentation
        if pw is None:
            return
        presented.append(pw.index)
        for _ in range(rnd.randint(1, 4)):
            qtbot.keyClick(pw, rnd.choice([Qt.Key.Key_PageDown, Qt.Key.Key_PageUp, Qt.Key.Key_P, Qt.Key.Key_H]))
        qtbot.mouseClick(pw.overlay, Qt.MouseButton.LeftButton, pos=QPoint(50, 50))
        qtbot.keyClick(pw, Qt.Key.Key_Escape)
        QApplication.processEvents()

    weighted = ([click] * 12 + [double_click] * 4 + [drag] * 10 + [hover] * 10 + [wheel] * 10 + [key] * 12
                + [menu_action] * 14 + [toggle_layer] * 6 + [opacity] * 6 + [drop_file] * 4 + [search] * 3
                + [resize] * 2 + [language] * 2 + [present] * 3)
    done = {}
    for _ in range(ACTIONS):
        fn = rnd.choice(weighted)
        fn()
        done[fn.__name__] = done.get(fn.__name__, 0) + 1
        QApplication.processEvents()
    qtbot.waitUntil(lambda: not win.files.busy, timeout=30_000)
    QApplication.processEvents()
    print(f"monkey: {sum(done.values())} actions {done}")
    assert sum(done.values()) == ACTIONS
    assert len(presented) >= 3  # entered and left several times (an opened project may have no scenes)
    assert win.presentation is None
    assert errors == []
    assert win.isVisible()
    assert dialogs.warnings  # the broken files were tried, and refused with a message
    assert any("not valid JSON" in w for w in dialogs.warnings)
