"""The File menu's own-data actions through the window: layers, articles, projects, drag & drop, autosave,
recovery. Dialogs are patched to answer at once; the controller, the importers and the model are real."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox, QPushButton

from corridor_viewer.io import userdirs
from corridor_viewer.io.project import FORMAT, load_project
from corridor_viewer.ui.import_dialogs import ArticlesDialog, LayerStyleDialog
from corridor_viewer.ui.main_window import MainWindow
from corridor_viewer.ui.settings import open_settings

ROOT = Path(__file__).resolve().parent.parent
NAME_AR = "تستفيل"  # a made-up town: only the user's layer and the user's article know it


class Dialogs:
    """Stand-ins for every modal question, recording what the user would have been shown."""

    def __init__(self, monkeypatch) -> None:
        self.open_files: list[str] = []
        self.save_file = ""
        self.folder = ""
        self.item: str | None = None
        self.answer = QMessageBox.StandardButton.Discard
        self.dialog_result = QDialog.DialogCode.Accepted
        self.warnings: list[str] = []
        self.infos: list[str] = []
        self.questions: list[str] = []
        mp = monkeypatch
        mp.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (list(self.open_files), ""))
        mp.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (self.open_files[0] if self.open_files else "", ""))
        mp.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (self.save_file, ""))
        mp.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: self.folder)
        mp.setattr(QInputDialog, "getItem", lambda *a, **k: (self.item or a[3][0], self.item != ""))
        mp.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: self.warnings.append(text))
        mp.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: self.infos.append(text))
        mp.setattr(QMessageBox, "question", lambda _p, _t, text, *a, **k: (self.questions.append(text),
                                                                            self.answer)[1])
        mp.setattr(LayerStyleDialog, "exec", lambda dlg: self.dialog_result)
        mp.setattr(ArticlesDialog, "exec", lambda dlg: self.dialog_result)


@pytest.fixture
def dialogs(monkeypatch):
    return Dialogs(monkeypatch)


@pytest.fixture
def window(qtbot, doc, dialogs):
    win = MainWindow(doc, open_settings())
    qtbot.addWidget(win)
    win.resize(1000, 700)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.files.started)
    yield win
    dialogs.answer = QMessageBox.StandardButton.Discard  # let teardown close it


def layer_file(folder: Path, name: str = "towns.geojson", names=(NAME_AR, "Second")) -> Path:
    feats = [{"type": "Feature", "properties": {"name": n, "pop": i},
              "geometry": {"type": "Point", "coordinates": [45.5 + i * 0.2, 39.6]}} for i, n in enumerate(names)]
    path = folder / name
    path.write_text(json.dumps({"type": "FeatureCollection", "features": feats}), encoding="utf-8")
    return path


def article_file(folder: Path, name: str = "story.html") -> Path:
    path = folder / name
    path.write_text(f"<html><head><script>alert(1)</script></head><body><h1>خبر</h1><p>زار الوفد {NAME_AR} "
                    "ثم ممر زنغزور.</p></body></html>", encoding="utf-8")
    return path


def wait_idle(qtbot, win) -> None:
    """Until imports, project reads and linking (all on workers) are done."""
    qtbot.waitUntil(lambda: not win.files.busy and not win.linker.busy, timeout=30_000)


def user_layer(win):
    assert win.session.user_layers, "no layer was added"
    return win.doc.layer(next(iter(win.session.user_layers)))


def test_actions_sit_before_export_in_the_file_menu(window):
    texts = [a.text() for a in window.menus["file"].actions()]
    assert texts.index("&Open project…") < texts.index("Add &layer…") < texts.index("&Export map…")
    assert texts[-1] == "&Quit" and "Open &recent" in texts


def test_add_layer_from_the_menu_joins_panels_links_and_exports(qtbot, window, dialogs, tmp_path):
    dialogs.open_files = [str(layer_file(tmp_path))]
    window.files.actions["add_layer"].trigger()
    wait_idle(qtbot, window)
    layer = user_layer(window)
    assert [f.name("en") for f in layer.features] == [NAME_AR, "Second"]
    assert layer.id in window.layers_panel._items  # the panel rebuilt with the new layer
    assert window.isWindowModified() and "[*]" in window.windowTitle()
    # Linking: the user's article mentions the user's town.
    ids = window.files.imports.import_articles([article_file(tmp_path)], ask=False)
    wait_idle(qtbot, window)
    fid = layer.features[0].id
    assert window.doc.links.count(fid) == 1
    groups = window.doc.links.passages_for(fid)
    assert groups[0][0].id == ids[0] and NAME_AR in groups[0][1][0].text
    assert window.doc.links.count("zangezur-corridor") > 0  # the bundled features link to it too
    window.doc.select(fid)
    assert NAME_AR in window.feature_panel.browser.toPlainText()
    from corridor_viewer.export.web import render_html
    from corridor_viewer.model.export_settings import ExportSettings

    html = render_html(window.doc.map_state().with_extent(window.doc.home_bounds), ExportSettings(format="html"),
                       links=window.doc.links)
    assert json.dumps(NAME_AR)[1:-1] in html and layer.id in html  # (folium writes JSON with \\u escapes)


def test_style_picker_defaults_from_the_palette_and_edits_the_style(qtbot, tmp_path):
    from corridor_viewer.model.user_layers import PALETTE, user_style

    dlg = LayerStyleDialog("polygon", "Areas", user_style("polygon", PALETTE[2]), 3, ask_mode=True)
    qtbot.addWidget(dlg)
    assert dlg.fill.color == PALETTE[2] and dlg.mode() == "copy"
    dlg.width.setValue(4.0)
    dlg.dash.setCurrentIndex(dlg.dash.findData("dotted"))
    dlg.opacity.setValue(50)
    dlg.ref_radio.setChecked(True)
    s = dlg.style()
    assert s.base.width == 4.0 and s.base.dash == (1.0, 2.0) and s.base.opacity == 0.5 and s.base.fill == PALETTE[2]
    assert dlg.mode() == "reference" and not dlg.preview.pixmap().isNull()
    pts = LayerStyleDialog("point", "Towns", user_style("point", PALETTE[0]), 3)
    qtbot.addWidget(pts)
    pts.marker.setCurrentIndex(pts.marker.findData("diamond"))
    assert pts.style().base.marker.shape == "diamond"


def test_restyle_and_remove_an_imported_layer(qtbot, window, dialogs, tmp_path, monkeypatch):
    from corridor_viewer.model.user_layers import user_style

    window.files.imports.import_file(layer_file(tmp_path))
    wait_idle(qtbot, window)
    layer = user_layer(window)
    restyled = user_style("point", "#123456")
    monkeypatch.setattr(LayerStyleDialog, "style", lambda dlg: restyled)
    changed = []
    window.doc.style_changed.connect(changed.append)
    window.files.imports.restyle_layer()
    assert layer.style == restyled and changed == [layer.id]  # one signal: the painter and the swatch redraw
    assert window.isWindowModified()
    window.doc.select(layer.features[0].id)
    window.files.imports.remove_layer(layer.id)
    assert window.doc.layer(layer.id) is None and window.doc.selection == []
    assert layer.id not in window.layers_panel._items


def test_cancelling_the_style_dialog_adds_nothing(qtbot, window, dialogs, tmp_path):
    dialogs.dialog_result = QDialog.DialogCode.Rejected
    n = len(window.doc.layers)
    window.files.imports.import_file(layer_file(tmp_path))
    wait_idle(qtbot, window)
    assert len(window.doc.layers) == n


def test_bad_layer_file_is_reported_and_left_alone(qtbot, window, dialogs, tmp_path):
    bad = tmp_path / "broken.geojson"
    bad.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    n = len(window.doc.layers)
    dialogs.open_files = [str(bad)]
    window.files.imports.add_layer()
    wait_idle(qtbot, window)
    assert len(window.doc.layers) == n
    assert dialogs.warnings and str(bad) in dialogs.warnings[-1] and "not valid JSON" in dialogs.warnings[-1]
    assert bad.read_text(encoding="utf-8") == '{"type": "FeatureCollection", "features": ['


def test_geopackage_asks_which_layer(qtbot, window, dialogs, tmp_path):
    gpd = pytest.importorskip("geopandas")
    from shapely.geometry import Point

    path = tmp_path / "two.gpkg"
    for name, lon in (("first", 45.0), ("second", 46.0)):
        gpd.GeoDataFrame({"name": [name]}, geometry=[Point(lon, 39.5)], crs=4326).to_file(path, layer=name)
    dialogs.item = "second"
    window.files.imports.import_file(path)
    wait_idle(qtbot, window)
    assert [f.name("en") for f in user_layer(window).features] == ["second"]


def drop(qtbot, win, paths: list[Path]) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPoint(200, 200)
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(win.canvas, enter)
    accepted = enter.isAccepted()
    ev = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                    Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(win.canvas, ev)
    qtbot.wait(50)
    wait_idle(qtbot, win)
    return accepted


def test_drag_and_drop_a_layer_an_article_and_a_project(qtbot, window, dialogs, tmp_path):
    assert drop(qtbot, window, [layer_file(tmp_path)])
    assert len(window.session.user_layers) == 1
    assert drop(qtbot, window, [article_file(tmp_path)])
    assert [a.title for a in window.session.user_articles] == ["خبر"]
    assert window.files.write(tmp_path / "p.cvproj")
    window.files.new_project()
    assert not window.session.user_layers and not window.session.user_articles
    assert drop(qtbot, window, [tmp_path / "p.cvproj"])
    assert len(window.session.user_layers) == 1 and len(window.session.user_articles) == 1
    junk = tmp_path / "notes.docx"
    junk.write_bytes(b"x")
    drop(qtbot, window, [junk])
    assert "not a file Corridor Viewer reads" in dialogs.warnings[-1]


def test_drop_without_files_is_refused(qtbot, window):
    mime = QMimeData()
    mime.setText("just text")
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window.canvas, enter)
    assert not enter.isAccepted()


def test_100_mb_layer_shows_progress_and_cancels(qtbot, window, dialogs, tmp_path):
    from test_importers import big_geojson

    path = big_geojson(tmp_path / "big.geojson", 100)
    n = len(window.doc.layers)
    t0 = time.monotonic()
    window.files.imports.import_file(path)
    dlg = window.files.imports.progress
    assert dlg is not None
    qtbot.waitUntil(lambda: dlg.value() > 100, timeout=20_000)  # it moves while the file is read
    assert window.files.busy
    cancel = next(b for b in dlg.findChildren(QPushButton))
    assert cancel.text() == "Cancel"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert len(window.doc.layers) == n and "cancelled" in window.statusBar().currentMessage()
    assert time.monotonic() - t0 < 20


def test_add_articles_from_menu_and_folder(qtbot, window, dialogs, tmp_path):
    txt = tmp_path / "a.txt"
    txt.write_bytes("مقال أول\nعن ممر زنغزور.\n".encode("cp1256"))
    empty = tmp_path / "b.txt"
    empty.write_bytes(b"")
    dialogs.open_files = [str(txt), str(empty)]
    window.files.actions["add_articles"].trigger()
    wait_idle(qtbot, window)
    assert [a.title for a in window.session.user_articles] == ["مقال أول"]
    assert str(empty) in dialogs.warnings[-1] and "empty" in dialogs.warnings[-1]
    aid = window.session.user_articles[0].id
    assert aid in window.doc.links.corpus and window.doc.links.mentions_in(aid)
    assert window.reader.picker.findData(aid) >= 0  # the reader lists it
    folder = tmp_path / "more"
    folder.mkdir()
    article_file(folder, "one.html")
    (folder / "two.md").write_text("# Two\n\ntext", encoding="utf-8")
    dialogs.folder = str(folder)
    window.files.actions["add_folder"].trigger()
    wait_idle(qtbot, window)
    assert [a.title for a in window.session.user_articles] == ["مقال أول", "خبر", "Two"]


def test_article_dates_in_the_dialog_day_month_year_or_none(qtbot, dialogs):
    from PySide6.QtCore import QDate

    dlg = ArticlesDialog([("a.txt", "A", ""), ("b.txt", "B", "2024-13-01"), ("c.html", "C", "2025-08",
                                                                             '<meta article:published_time="2025-08">'),
                          ("d.txt", "D", "2025-08-09", "line 2: الثلاثاء 9 أغسطس 2025")])
    qtbot.addWidget(dlg)
    # A date that is not one is offered as "no date", never padded into a false one.
    assert dlg.entries() == [("A", ""), ("B", ""), ("C", "2025-08"), ("D", "2025-08-09")]
    assert "metadata" in dlg.table.item(2, 3).text() and "line 2" in dlg.table.item(3, 3).text()
    assert "not found" in dlg.table.item(0, 3).text()
    b = dlg.dates[1]
    b.precision.setCurrentIndex(b.PRECISIONS.index("day"))
    b.edit.setDate(QDate(2024, 12, 1))
    c = dlg.dates[2]
    c.precision.setCurrentIndex(c.PRECISIONS.index("year"))
    d = dlg.dates[3]
    d.precision.setCurrentIndex(d.PRECISIONS.index("none"))
    assert not d.edit.isEnabled()
    assert dlg.entries() == [("A", ""), ("B", "2024-12-01"), ("C", "2025"), ("D", "")]
    dlg.accept()
    assert dlg.result() == QDialog.DialogCode.Accepted and not dialogs.warnings


def test_save_reopen_recent_and_dirty_indicator(qtbot, window, dialogs, tmp_path):
    files = window.files
    files.imports.import_file(layer_file(tmp_path))
    wait_idle(qtbot, window)
    files.imports.import_articles([article_file(tmp_path)], ask=False)
    wait_idle(qtbot, window)
    window.doc.set_visible("places", False)
    window.canvas.zoom(2.0)
    view = window.canvas.viewport.state()
    dialogs.save_file = str(tmp_path / "work")  # the suffix is added
    assert window.isWindowModified()
    window.files.actions["save"].trigger()
    path = tmp_path / "work.cvproj"
    assert path.exists() and window.session.path == path and not window.isWindowModified()
    assert window.windowTitle().startswith("work.cvproj[*]")
    assert files.recent()[0] == str(path.resolve())
    files._fill_recent()
    assert files.recent_menu.actions()[0].text() == "work.cvproj"
    window.doc.set_visible("places", True)
    assert window.isWindowModified()
    window.doc.set_visible("places", False)
    assert window.isWindowModified()  # a revision counter: every change counts, as in QGIS
    assert window.files.save() and not window.isWindowModified()
    lid = user_layer(window).id
    files.new_project()
    assert window.doc.layer(lid) is None
    window.canvas.fit_all()
    files.recent_menu.actions()[0].trigger()
    wait_idle(qtbot, window)
    assert window.doc.layer(lid) is not None and not window.doc.layer("places").visible
    assert window.canvas.viewport.state() == pytest.approx(view)
    assert [a.title for a in window.session.user_articles] == ["خبر"] and not window.isWindowModified()


def test_reference_mode_keeps_the_project_small(qtbot, window, dialogs, tmp_path, monkeypatch):
    monkeypatch.setattr(LayerStyleDialog, "mode", lambda dlg: "reference")
    src = layer_file(tmp_path)
    window.files.imports.import_file(src)
    wait_idle(qtbot, window)
    assert window.files.write(tmp_path / "r.cvproj")
    entry = load_project(tmp_path / "r.cvproj").project.imported[0]
    assert entry.mode == "reference" and entry.features is None and entry.relative == "towns.geojson"


def test_a_corrupt_project_leaves_the_app_running_and_the_file_unchanged(qtbot, window, dialogs, tmp_path):
    path = tmp_path / "bad.cvproj"
    path.write_bytes(b'{"format": "corridor-viewer-project", "version": 1, "view": ')
    dialogs.open_files = [str(path)]
    window.files.actions["open"].trigger()
    wait_idle(qtbot, window)
    assert "not valid JSON" in dialogs.warnings[-1] and "not changed" in dialogs.warnings[-1]
    assert path.read_bytes() == b'{"format": "corridor-viewer-project", "version": 1, "view": '
    assert window.session.path is None and window.isVisible()


def test_a_damaged_project_is_kept_as_bak_before_it_is_overwritten(qtbot, window, dialogs, tmp_path):
    path = tmp_path / "half.cvproj"
    original = json.dumps({"format": FORMAT, "version": 1, "view": "broken", "articles": [
        {"id": "user-a", "title": "A", "text": "نص", "published": "2024-01-01"}]}).encode()
    path.write_bytes(original)
    assert window.files.open_project(path)
    wait_idle(qtbot, window)
    assert "map view is damaged" in dialogs.warnings[-1]
    assert [a.id for a in window.session.user_articles] == ["user-a"]
    assert window.files.save()
    assert (tmp_path / "half.cvproj.bak").read_bytes() == original
    assert load_project(path).warnings == []


def test_a_newer_project_opens_read_only(qtbot, window, dialogs, tmp_path):
    path = tmp_path / "new.cvproj"
    path.write_text(json.dumps({"format": FORMAT, "version": 99, "layers": {"places": {"visible": False}}}),
                    encoding="utf-8")
    before = path.read_bytes()
    assert window.files.open_project(path)
    wait_idle(qtbot, window)
    assert "newer Corridor Viewer" in dialogs.warnings[-1] and "(read-only)" in window.windowTitle()
    assert not window.doc.layer("places").visible
    dialogs.save_file = str(path)
    assert not window.files.save()  # Save asks for another name; the same name is refused
    assert "another name" in dialogs.warnings[-1] and path.read_bytes() == before
    dialogs.save_file = str(tmp_path / "copy.cvproj")
    assert window.files.save() and not window.session.read_only


def test_close_with_unsaved_work_asks(qtbot, window, dialogs, tmp_path):
    window.files.imports.import_articles([article_file(tmp_path)], ask=False)
    wait_idle(qtbot, window)
    dialogs.answer = QMessageBox.StandardButton.Cancel
    window.close()
    assert window.isVisible() and dialogs.questions
    dialogs.answer = QMessageBox.StandardButton.Discard
    window.close()
    assert not window.isVisible()


def test_autosave_writes_a_recovery_file_removed_on_normal_close(qtbot, doc, dialogs, monkeypatch, tmp_path):
    monkeypatch.setenv("CORRIDOR_VIEWER_AUTOSAVE_MS", "100")
    win = MainWindow(doc, open_settings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.files.started)
    rec = win.files.autosaver.recovery_path
    qtbot.wait(300)
    assert not rec.exists()  # nothing changed: nothing to recover
    win.files.imports.import_articles([article_file(tmp_path)], ask=False)
    qtbot.waitUntil(rec.exists, timeout=5000)
    assert [a.title for a in load_project(rec).project.articles] == ["خبر"]
    win.close()
    assert not rec.exists()


CRASH_SCRIPT = r"""
import os, sys, time
sys.path.insert(0, {root!r})
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["CORRIDOR_VIEWER_AUTOSAVE_MS"] = "100"
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from corridor_viewer.io.geodata import load_document
from corridor_viewer.io.importers import import_layer
from corridor_viewer.ui.main_window import MainWindow
from corridor_viewer.ui.settings import open_settings
win = MainWindow(load_document(), open_settings())
win.show()
app.processEvents()
win.session.mark_clean()
src = Path({layer!r})
result, built = win.session.storage.read_and_build(src, None, 0, lambda f, m: None, lambda: False)
win.files.imports.add_result(result, built, src, None, ask=False)
while not win.files.autosaver.recovery_path.exists():
    app.processEvents()
    time.sleep(0.02)
print("AUTOSAVED", flush=True)
time.sleep(60)
"""


def test_after_a_crash_the_next_start_offers_recovery(qtbot, doc, dialogs, tmp_path):
    src = layer_file(tmp_path)
    env = dict(os.environ)
    proc = subprocess.Popen([sys.executable, "-c", CRASH_SCRIPT.format(root=str(ROOT), layer=str(src))],
                            stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout.readline().strip() == "AUTOSAVED"
        proc.send_signal(signal.SIGKILL)  # the crash: no close event, the recovery file stays
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    left = list(userdirs.recovery_dir().glob("autosave-*.cvproj"))
    assert len(left) == 1
    dialogs.answer = QMessageBox.StandardButton.Yes
    win = MainWindow(doc, open_settings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: bool(win.session.user_layers), timeout=10_000)
    assert "did not close normally" in dialogs.questions[0]
    assert [f.name("en") for f in user_layer(win).features] == [NAME_AR, "Second"]
    assert win.isWindowModified() and not left[0].exists()
    dialogs.answer = QMessageBox.StandardButton.Discard


def test_declined_or_corrupt_recovery_is_kept_as_bak(qtbot, doc, dialogs):
    folder = userdirs.recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    dead = folder / "autosave-999999999.cvproj"
    dead.write_bytes(b"\x00\x01 not json")
    dialogs.answer = QMessageBox.StandardButton.Yes
    win = MainWindow(doc, open_settings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: bool(dialogs.warnings), timeout=5000)
    assert "not valid JSON" in dialogs.warnings[-1] and "kept as autosave-999999999.cvproj.bak" in dialogs.warnings[-1]
    assert not dead.exists() and (folder / "autosave-999999999.cvproj.bak").read_bytes() == b"\x00\x01 not json"
    assert win.isVisible() and not win.session.user_layers


def test_corrupt_settings_store_with_a_project_in_recent(qtbot, doc, dialogs):
    from corridor_viewer.ui.settings import settings_path

    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"[project]\nrecent=\x00\xff\xfe garbage")
    win = MainWindow(doc, open_settings())
    qtbot.addWidget(win)
    assert Path(str(path) + ".bak").read_bytes() == b"[project]\nrecent=\x00\xff\xfe garbage"
    assert win.files.recent() == []


def test_the_file_menu_speaks_arabic(window):
    window.set_language("ar")
    try:
        texts = {k: a.text() for k, a in window.files.actions.items()}
        assert texts["open"] == "&فتح مشروع…" and texts["add_layer"] == "إضافة &طبقة…"
        assert window.files.imports.tr("Cannot add the layer") == "تعذّرت إضافة الطبقة"
        assert window.files.tr("Unsaved changes") == "تغييرات غير محفوظة"
    finally:
        window.set_language("en")


def test_loading_the_scenes_after_the_first_paint_is_not_an_edit(qtbot, window):
    window.load_scenes()
    assert len(window.session.scenes) and not window.isWindowModified()


def test_scenes_travel_with_the_project(qtbot, window, tmp_path):
    window.load_scenes()
    before = window.session.scenes.to_list()
    assert before
    assert window.files.write(tmp_path / "s.cvproj")
    assert load_project(tmp_path / "s.cvproj").project.scenes == before
    window.session.scenes.from_list(before[:1])
    assert window.isWindowModified()  # with a project open, editing scenes is an edit of the project
    assert window.files.open_project(tmp_path / "s.cvproj")  # asks first (answered Discard)
    wait_idle(qtbot, window)
    assert window.session.scenes.to_list() == before and not window.isWindowModified()


def test_a_big_layer_lists_its_first_features_in_the_panel(qtbot, window):
    from corridor_viewer.io.importers import import_geojson_data
    from corridor_viewer.ui.layers_panel import MAX_LISTED

    n = MAX_LISTED + 500
    result = import_geojson_data({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": f"p{i}"},
         "geometry": {"type": "Point", "coordinates": [44 + i / n, 39.5]}} for i in range(n)]}, "many")
    built = window.session.storage.build_layer(result, "user-many", "many", window.session.storage.default_style(
        result, 0), 0)
    lid = window.files.imports.add_result(result, built, None, None, ask=False)
    item = window.layers_panel._items[lid]
    assert item.childCount() == MAX_LISTED + 1 and item.child(MAX_LISTED).text(0) == "… and 500 more"
    assert len(window.doc.layer(lid).features) == n  # the map has them all
