"""App identity and start-up: the icon set, the window icon, --version without Qt, the splash rule."""

from __future__ import annotations

import builtins
import gc
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QSettings, QSize, QTimer
from PySide6.QtWidgets import QApplication, QSplashScreen

from corridor_viewer import __version__, app
from corridor_viewer.desktop import ICON_SIZES
from corridor_viewer.ui import startup
from corridor_viewer.ui.main_window import MainWindow
from corridor_viewer.ui.settings import open_settings

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"


def test_every_png_size_is_square_with_transparent_corners_and_a_solid_middle():
    for n in ICON_SIZES:
        im = Image.open(ICONS / f"corridor-viewer-{n}.png").convert("RGBA")
        assert im.size == (n, n)
        assert im.getpixel((0, 0))[3] == 0  # rounded tile: the corner is see-through
        assert im.getpixel((n // 2, n // 2))[3] == 255


def test_make_icons_regenerates_the_committed_set(qapp, tmp_path):  # qapp: a QApplication, not its QGui one
    sys.path.insert(0, str(ICONS))
    try:
        import make_icons
    finally:
        sys.path.remove(str(ICONS))
    written = make_icons.make(tmp_path)
    assert {p.name for p in written} == {f"corridor-viewer-{n}.png" for n in ICON_SIZES} | {
        "corridor-viewer.ico", "corridor-viewer.icns"}
    for n in ICON_SIZES:
        fresh = Image.open(tmp_path / f"corridor-viewer-{n}.png").convert("RGBA").tobytes()
        committed = Image.open(ICONS / f"corridor-viewer-{n}.png").convert("RGBA").tobytes()
        # Same renderer and source: identical up to anti-aliasing differences between Qt builds.
        diff = sum(abs(a - b) for a, b in zip(fresh, committed, strict=True)) / len(fresh)
        assert diff < 2.0, f"{n}px differs from the SVG by {diff:.2f}: run resources/icons/make_icons.py"


def test_ico_and_icns_hold_the_platform_sizes():
    ico = Image.open(ICONS / "corridor-viewer.ico")
    assert {(n, n) for n in (16, 24, 32, 48, 64, 128, 256)} <= set(ico.info["sizes"])
    icns = Image.open(ICONS / "corridor-viewer.icns")
    assert {(512, 512, 2), (256, 256, 1), (16, 16, 2)} <= set(icns.info["sizes"])


def test_app_icon_offers_every_size(qapp):
    icon = startup.app_icon()
    assert {QSize(n, n) for n in ICON_SIZES} <= set(icon.availableSizes())
    assert icon.pixmap(16, 16).width() == 16


def test_version_prints_without_starting_qt():
    code = ("import sys\nfrom corridor_viewer.app import main\ntry:\n    main(['--version'])\n"
            "except SystemExit as e:\n    print('exit', e.code)\n"
            "print('qt' if any(m.startswith('PySide6') for m in sys.modules) else 'no-qt')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.splitlines() == [f"Corridor Viewer {__version__}", "exit 0", "no-qt"]


def test_slow_start_is_predicted_from_the_last_run_or_the_time_already_spent(tmp_path):
    s = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    now = time.time()
    assert not startup.expect_slow_start(s, started=now)  # nothing known, a fast start so far
    assert startup.expect_slow_start(s, started=now - 0.8)  # a cold start: half the budget gone
    s.setValue(startup.LAST_STARTUP_KEY, 1800)
    assert startup.expect_slow_start(s, started=now)
    s.setValue(startup.LAST_STARTUP_KEY, 400)
    assert not startup.expect_slow_start(s, started=now)


def test_the_first_paint_closes_the_splash_and_records_the_duration(qtbot, doc):
    settings = open_settings()
    win = MainWindow(doc, settings)
    qtbot.addWidget(win)
    splash = QSplashScreen(startup.splash_pixmap())
    splash.show()
    startup.track_first_paint(win, splash, settings)
    win.show()
    qtbot.waitUntil(lambda: settings.value(startup.LAST_STARTUP_KEY) is not None, timeout=5000)
    assert int(settings.value(startup.LAST_STARTUP_KEY)) > 0
    qtbot.waitUntil(lambda: not splash.isVisible(), timeout=5000)


@pytest.fixture
def restore_hooks():
    hooks = sys.excepthook, __import__("threading").excepthook
    importer = builtins.__import__  # a start drops PySide6's import hook (app._drop_feature_import_hook)
    yield
    builtins.__import__ = importer
    gc.unfreeze()  # a start freezes what it made (app._resume_gc): in a test process, let it go again
    import threading

    from corridor_viewer.ui import crash

    if crash._reporter is not None:
        crash._reporter.uninstall()
    sys.excepthook, threading.excepthook = hooks
    for w in QApplication.topLevelWidgets():
        w.close()
    # app.main() ends with app.quit(), which leaves Qt's "quit now" flag set until the next app.exec(): every
    # QEventLoop.exec() returns at once meanwhile, so later tests' qtbot.wait never ran their timers (a test-order
    # dependence seen since these tests run app.main in-process). One app.exec() clears it.
    QTimer.singleShot(0, QApplication.instance().quit)
    QApplication.instance().exec()


def test_start_up_sets_the_window_icon_and_a_measurement_run_shows_no_splash(qapp, capsys, restore_hooks):
    settings = open_settings()
    settings.setValue(startup.LAST_STARTUP_KEY, 5000)  # the last start was slow...
    settings.sync()
    shown = []
    original = QSplashScreen.show
    QSplashScreen.show = lambda self: (shown.append(self), original(self))[1]
    try:
        assert app.main(["--exit-after-paint", "--lang", "en"]) == 0
    finally:
        QSplashScreen.show = original
    assert "first-paint-ms=" in capsys.readouterr().out
    assert shown == []  # ...but a measurement run never shows the splash
    assert QSize(16, 16) in QApplication.windowIcon().availableSizes()
    assert QApplication.desktopFileName() == "corridor-viewer"
    assert int(open_settings().value(startup.LAST_STARTUP_KEY)) == 5000  # and leaves the figure alone
    from corridor_viewer.ui import crash

    assert sys.excepthook == crash._reporter._excepthook


def test_the_collector_rests_until_the_links_and_the_start_up_objects_are_frozen(qapp, restore_hooks, monkeypatch):
    at_first_paint = []
    real_track = startup.track_first_paint

    def track(win, splash, s):
        real_track(win, splash, s)
        win.canvas.painted.connect(lambda _ms: at_first_paint.append(gc.isenabled()))

    monkeypatch.setattr(startup, "track_first_paint", track)
    assert gc.isenabled()
    assert app.main(["--exit-after-paint", "--lang", "en"]) == 0
    assert at_first_paint and at_first_paint[0] is False  # paused while the window is built and painted
    assert gc.isenabled()  # on again once the links are in (and after the app ends)
    assert gc.get_freeze_count() > 10_000  # start-up's objects are left out of later collections


def test_a_start_that_fails_turns_the_collector_back_on(qapp, restore_hooks, monkeypatch):
    from corridor_viewer.io import geodata

    def broken():
        raise geodata.GeodataError("the bundled map data is damaged")

    monkeypatch.setattr(geodata, "load_document", broken)
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.critical", lambda *a, **k: None)
    assert app.main(["--exit-after-paint", "--lang", "en"]) == 2
    assert gc.isenabled()


def test_the_start_drops_only_pyside6_s_own_import_hook(monkeypatch):
    if not hasattr(builtins, "__feature_import__"):
        pytest.skip("this PySide6 has no __feature__ import hook")
    monkeypatch.setattr(builtins, "__import__", builtins.__feature_import__)
    app._drop_feature_import_hook()
    assert builtins.__import__ is builtins.__orig_import__
    __import__("json.decoder")  # imports work as before
    from email import utils  # noqa: F401  (a from-import through the restored function)

    def someone_elses(*args, **kwargs):  # e.g. a debugger's or a test tool's
        return builtins.__orig_import__(*args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", someone_elses)
    app._drop_feature_import_hook()
    assert builtins.__import__ is someone_elses  # left alone


def test_a_normal_start_after_a_slow_one_shows_the_splash(qapp, restore_hooks, monkeypatch):
    settings = open_settings()
    settings.setValue(startup.LAST_STARTUP_KEY, 5000)
    settings.sync()
    shown = []
    original = QSplashScreen.show
    monkeypatch.setattr(QSplashScreen, "show", lambda self: (shown.append(self), original(self))[1])
    # Quit once the map is painted (what --exit-after-paint does, without its measurement rules).
    real_track = startup.track_first_paint

    def track_then_quit(win, splash, s):
        real_track(win, splash, s)
        win.canvas.painted.connect(lambda _ms: qapp.quit())

    monkeypatch.setattr(startup, "track_first_paint", track_then_quit)
    t0 = time.time()  # in-process, "process start" would be pytest's: time this start from here
    monkeypatch.setattr(startup, "process_start_time", lambda: t0)
    assert app.main(["--lang", "en"]) == 0
    assert len(shown) == 1 and not shown[0].isVisible()
    recorded = int(open_settings().value(startup.LAST_STARTUP_KEY))
    assert 0 < recorded <= (time.time() - t0) * 1000 + 1  # this start's figure replaces the old one


def _start_until_setup_is_finished(qapp, monkeypatch, *, link: bool) -> list[str]:
    """A normal start (no measurement rules) that quits once the deferred panels and menus are built."""
    from corridor_viewer.ui.linking import LinkRunner

    events: list[str] = []
    real_finish = MainWindow.finish_setup

    def finish_then_quit(self):
        events.append("finish_setup:" + ("linked" if self.doc.links is not None else "not linked"))
        real_finish(self)
        qapp.quit()

    monkeypatch.setattr(MainWindow, "finish_setup", finish_then_quit)
    if not link:  # linking that never ends (a slow first start): the rest must not wait for it
        monkeypatch.setattr(LinkRunner, "request", lambda self: events.append("link requested"))
    t0 = time.time()
    monkeypatch.setattr(startup, "process_start_time", lambda: t0)
    assert app.main(["--lang", "en"]) == 0
    return events


def test_after_the_first_paint_the_links_come_before_the_deferred_panels(qapp, restore_hooks, monkeypatch):
    assert _start_until_setup_is_finished(qapp, monkeypatch, link=True) == ["finish_setup:linked"]


def test_the_deferred_panels_do_not_wait_for_slow_linking(qapp, restore_hooks, monkeypatch):
    t0 = time.time()
    events = _start_until_setup_is_finished(qapp, monkeypatch, link=False)
    assert events == ["link requested", "finish_setup:not linked"]
    assert time.time() - t0 >= app.REST_AFTER_MS / 1000


@pytest.mark.parametrize("argv", [
    [], ["--exit-after-paint"], ["--lang", "ar"], ["--lang=en", "--exit-after-paint"], ["--install-desktop"],
    ["--uninstall-desktop", "--lang", "en"], ["--exit-after-paint", "--exit-after-paint"],
])
def test_the_quick_reading_of_the_window_flags_is_argparse_s(argv):
    from corridor_viewer import cli

    quick = cli.quick_gui_args(argv)
    assert quick is not None and vars(quick) == vars(cli.build_parser(with_commands=False).parse_args(argv))


@pytest.mark.parametrize("argv", [
    ["--lang", "xx"], ["--lang"], ["--exit"], ["--version"], ["-h"], ["--install-desktop", "--uninstall-desktop"],
    ["--lang", "ar", "extra"], ["--LANG=ar"],
])
def test_anything_else_goes_to_argparse(argv):
    from corridor_viewer import cli

    assert cli.quick_gui_args(argv) is None  # argparse then accepts it (--exit: an abbreviation) or says why not
