"""pytest-qt tests of the window: clicks, keys, panels, languages, settings, --exit-after-paint."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from corridor_viewer.model import projection
from corridor_viewer.ui import i18n
from corridor_viewer.ui.main_window import MainWindow
from corridor_viewer.ui.settings import open_settings, settings_path


@pytest.fixture
def window(qtbot, doc):
    win = MainWindow(doc, None)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    i18n.install(QApplication.instance(), "en")


def screen_point(win, lon, lat) -> QPoint:
    x, y = win.canvas.viewport.to_screen(*projection.forward(lon, lat))
    return QPoint(round(x), round(y))


def test_click_inside_syunik_selects_it_and_esc_clears(qtbot, window):
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=screen_point(window, 46.1, 39.35))
    assert window.doc.selection == ["syunik"]
    assert "Syunik" in window.feature_panel.browser.toPlainText()
    assert "4,506" in window.feature_panel.browser.toPlainText()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert window.doc.selection == []


def test_hover_sets_the_model_hover(qtbot, window):
    qtbot.mouseMove(window.canvas, screen_point(window, 46.1, 39.35))
    assert window.doc.hover == "syunik"


def test_drag_pans_and_wheel_free_keys_zoom(qtbot, window):
    def vp():
        return window.canvas.viewport  # a value: read it again after each step

    cx, m = vp().cx, vp().m_per_px
    qtbot.keyClick(window.canvas, Qt.Key.Key_Right)
    assert vp().cx > cx
    qtbot.keyClick(window.canvas, Qt.Key.Key_Plus)
    assert vp().m_per_px < m
    qtbot.keyClick(window.canvas, Qt.Key.Key_Home)
    assert vp().m_per_px == pytest.approx(m)
    assert window.doc.camera == vp().camera  # the main map's camera lives in the model
    before = vp().cx
    start = QPoint(300, 300)
    qtbot.mousePress(window.canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(window.canvas, QPoint(400, 300))
    qtbot.mouseRelease(window.canvas, Qt.MouseButton.LeftButton, pos=QPoint(400, 300))
    assert vp().cx < before and window.doc.selection == []


def test_zoom_to_feature_contains_it(window):
    for fid in ("syunik", "tripp", "meghri", "zangezur-kars-dilucu"):
        window.canvas.zoom_to_feature(fid)
        x0, y0, x1, y1 = window.canvas.viewport.world_bounds
        b = window.doc.feature(fid).geometry.bounds
        assert x0 <= b[0] and y0 <= b[1] and x1 >= b[2] and y1 >= b[3], fid


def test_layers_panel_toggles_and_zooms(qtbot, window):
    panel = window.layers_panel
    item = panel._items["places"]
    item.setCheckState(0, Qt.CheckState.Unchecked)
    assert not window.doc.layer("places").visible
    child = next(item.child(i) for i in range(item.childCount()) if item.child(i).text(0) == "Meghri")
    panel._on_double_click(child, 0)
    assert window.doc.selection == ["meghri"]
    assert window.canvas.viewport.m_per_px <= 100
    panel._sliders["regions"].setValue(40)
    assert window.doc.layer("regions").opacity == pytest.approx(0.4)


def test_switching_to_arabic_flips_the_layout_and_translates(qtbot, window):
    window.set_language("ar")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.menus["file"].title() != "&File"
    assert window.doc.language == "ar"
    window.doc.select("syunik")
    assert "سيونيك" in window.feature_panel.browser.toPlainText()
    window.set_language("en")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.menus["file"].title() == "&File"


def test_settings_round_trip(qtbot, doc):
    s = open_settings()
    win = MainWindow(doc, s)
    qtbot.addWidget(win)
    win.show()
    doc.set_visible("water", False)
    win.canvas.zoom(2.0)
    m = win.canvas.viewport.m_per_px
    win.save()
    from corridor_viewer.io.geodata import load_document

    doc2 = load_document()
    win2 = MainWindow(doc2, open_settings())
    qtbot.addWidget(win2)
    win2.show()
    win2.restore()
    assert not doc2.layer("water").visible
    assert win2.canvas.viewport.m_per_px == pytest.approx(m)


def test_a_corrupt_settings_store_is_kept_as_bak_and_the_app_starts(tmp_path):
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    junk = b"\x00\xff\xfe garbage \x00" * 100
    path.write_bytes(junk)
    out = _run_app(["--exit-after-paint", "--lang", "en"])
    assert out.returncode == 0, out.stderr
    assert (path.parent / (path.name + ".bak")).read_bytes() == junk


def _run_app(args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "corridor_viewer", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_exit_after_paint_prints_the_figure_in_both_languages():
    for lang in ("en", "ar"):
        out = _run_app(["--exit-after-paint", "--lang", lang])
        assert out.returncode == 0, out.stderr
        line = [ln for ln in out.stdout.splitlines() if ln.startswith("first-paint-ms=")]
        assert line and int(line[0].split("=")[1]) > 0


def test_main_py_starts_the_app():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, str(root / "main.py"), "--exit-after-paint"], capture_output=True,
                         text=True, env=env, timeout=120, cwd="/")
    assert out.returncode == 0, out.stderr
    assert "first-paint-ms=" in out.stdout


def test_bad_arguments_exit_2():
    out = _run_app(["--lang", "fr"])
    assert out.returncode == 2
    assert "invalid choice" in out.stderr


def test_pan_shows_the_cached_layers_then_re_renders_when_settled(qtbot, window):
    canvas = window.canvas
    canvas.repaint()
    # The first paint draws only the visible part; the margin for panning is added once the view settles.
    qtbot.waitUntil(lambda: canvas._base_cache[1].width > canvas.width(), timeout=10000)
    first = canvas._base_cache[1]
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    canvas.repaint()
    assert canvas._base_cache[1] is first  # shifted preview, no re-render yet
    qtbot.waitUntil(lambda: canvas._base_cache[1].cx == canvas.viewport.cx, timeout=10000)


def test_a_deferred_window_ends_up_with_the_same_panels_and_menus(qtbot, doc):
    """The app's start builds the Layers panel and the File menu's actions after the first paint."""
    from corridor_viewer.ui.main_window import MainWindow

    eager = MainWindow(doc, None)
    qtbot.addWidget(eager)
    from corridor_viewer.io.geodata import load_document

    late = MainWindow(load_document(), None, defer=True)
    qtbot.addWidget(late)
    assert "files" not in late._deferred and "layers" not in late._lazy  # nothing built yet
    before = [a.text() for a in late.menus["file"].actions()]
    late.finish_setup()
    menus = {key: [a.text() for a in m.actions()] for key, m in eager.menus.items()}
    assert {key: [a.text() for a in m.actions()] for key, m in late.menus.items()} == menus
    assert len(menus["file"]) > len(before)
    assert late.layers_split.widget(0) is late.layers_panel and late.layers_split.count() == 2  # annotations below
    assert late.layers_panel.tree.topLevelItemCount() == eager.layers_panel.tree.topLevelItemCount() > 5


def test_a_failing_paint_is_reported_and_the_app_goes_on(qtbot, doc, monkeypatch):
    """PySide 6.11 crashes when an exception escapes paintEvent: ui.crash.guarded_paint reports it instead."""
    import sys

    from corridor_viewer.ui.canvas import MapCanvas

    reported = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: reported.append(e))
    win = MainWindow(doc, None)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)

    def broken(self):
        raise RuntimeError("a paint that fails")

    monkeypatch.setattr(MapCanvas, "_paint", broken)
    win.canvas.grab()  # paints
    assert [str(e) for e in reported] == ["a paint that fails"]
    monkeypatch.undo()
    assert not win.canvas.grab().isNull()  # and the next frame draws again


@pytest.mark.parametrize("size", [(1280, 800), (800, 774)])  # a first start; a small window restored
def test_the_panels_built_after_the_first_paint_keep_the_window_and_the_map_as_they_were(qtbot, doc, size):
    """A first start: the reader's article list held the longest headline, so its dock pushed the window
    ~150 px wider and squeezed the map to its minimum when the deferred panels arrived (and a list sized to
    18 letters still widened a small window by ~60 px)."""
    from corridor_viewer.io.articles import load_corpus
    from corridor_viewer.model.linking import link_all

    links, _gazetteer = link_all(load_corpus(), doc.layers)
    doc.set_links(links)
    win = MainWindow(doc, None, defer=True)
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    before, map_width = win.size(), win.canvas.width()
    win.finish_setup()
    qtbot.wait(50)
    assert win.reader.picker.count() >= 5  # the headlines are there...
    assert win.size() == before  # ...and the window did not grow for them
    assert win.canvas.width() >= map_width - 60  # the map keeps its room (the Layers panel may take a little)
    assert win.reader.picker.toolTip() == win.reader.picker.currentText()  # a cut title is readable whole
