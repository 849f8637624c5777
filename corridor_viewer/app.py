"""Entry point: parse arguments, then app identity -> translators -> settings -> document -> window."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

from corridor_viewer import APP_NAME, ORG_NAME, __version__
from corridor_viewer.proctime import process_start_time

if TYPE_CHECKING:
    import argparse


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from corridor_viewer import cli

    if cli.is_command_line(argv):
        return cli.main(argv)
    args = cli.quick_gui_args(argv) or cli.build_parser(with_commands=False).parse_args(argv)
    if args.install_desktop or args.uninstall_desktop:
        from corridor_viewer import desktop  # no Qt: this must work without a display

        return desktop.run(install_entry=args.install_desktop)
    return run_gui(args)


REST_AFTER_MS = 250  # after the first paint, at the latest: the deferred panels and menus (see run_gui)


def _remove_stale_parts() -> None:
    """Temp files of our writes that a killed process left (io/atomicfile.py keeps a list of them)."""
    import contextlib

    from corridor_viewer.io.atomicfile import clean_stale_parts

    with contextlib.suppress(OSError):
        clean_stale_parts()


def run_gui(args: argparse.Namespace) -> int:
    import gc

    # Start-up makes some hundreds of thousands of objects (Qt's enums, the modules, the map) that all live
    # on: the cyclic collector ran ~100 times before the links arrived (~10 ms of finding nothing), then a
    # full pass over all of them (~15 ms) while the user could pan. It rests until the links are in, and
    # what start-up made is then frozen out of later collections. See _resume_gc.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run_gui(args, collecting)
    finally:
        _resume_gc(collecting)


def _resume_gc(collecting: bool) -> None:
    import gc

    if collecting and not gc.isenabled():
        gc.freeze()
        gc.enable()


def _drop_feature_import_hook() -> None:
    """PySide6 puts a Python function in front of every ``import`` statement, and reads the source of every
    module imported after it for the word "PySide6", so that ``from __feature__ import snake_case`` (its
    opt-in renaming of the Qt API) can be switched per module. The app uses no such feature. Measured: ~45 M
    instructions (about 10 ms) before the first paint, and a Python call at every later import inside a
    function. The original import is kept by PySide6 itself in ``builtins.__orig_import__``."""
    import builtins

    original = getattr(builtins, "__orig_import__", None)
    if original is not None and builtins.__import__ is getattr(builtins, "__feature_import__", None):
        builtins.__import__ = original


def _run_gui(args: argparse.Namespace, collecting: bool) -> int:
    from PySide6.QtCore import QTimer

    _drop_feature_import_hook()
    from PySide6.QtWidgets import QApplication

    from corridor_viewer.io.geodata import GeodataError, load_document
    from corridor_viewer.ui import i18n
    from corridor_viewer.ui.settings import get_str, open_settings

    if QApplication.instance() is None:
        from corridor_viewer.ui.qpa import startup_problem

        problem = startup_problem()  # Qt itself would abort with a misleading message
        if problem:
            print(problem, file=sys.stderr)
            return 1
    QApplication.setApplicationName(APP_NAME)
    QApplication.setOrganizationName(ORG_NAME)
    QApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from corridor_viewer.ui import startup
    from corridor_viewer.ui.crash import install_crash_handler

    install_crash_handler(app)  # from here on an unexpected error shows a report and the app goes on
    startup.apply_identity(app)
    settings = open_settings()
    # Never on a measurement run: the splash would cost time and distort the figure.
    splash = None if args.exit_after_paint else startup.maybe_splash(app, settings)
    lang = args.lang or get_str(settings, "ui/language") or i18n.system_language()
    if lang not in i18n.LANGUAGES:
        lang = "en"
    i18n.install(app, lang)
    try:
        doc = load_document()
    except (GeodataError, FileNotFoundError) as exc:
        if splash is not None:
            splash.close()  # it stays on top and would hide the message
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, APP_NAME, str(exc))
        print(f"corridor-viewer: {exc}", file=sys.stderr)
        return 2
    doc.set_language(lang)
    startup.install_label_plans(doc, app)

    from corridor_viewer.ui.main_window import MainWindow, make_session

    win = MainWindow(make_session(doc), settings, defer=True)
    win.restore()
    startup.track_first_paint(win, splash, None if args.exit_after_paint else settings)
    # Link the articles once the map is on screen: start-up shows the map first, then the articles. The rest
    # (scenes, the Layers panel, the File menu's project actions, the panels behind tabs) waits for the links,
    # which come from the cache in a few tens of milliseconds; ~70 ms of building widgets on the UI thread
    # would otherwise keep the finished links from reaching the panels. When linking is slow (the first start,
    # a changed corpus compiles the gazetteer), the rest is built after REST_AFTER_MS anyway.
    rest_started = False

    def _rest() -> None:
        nonlocal rest_started
        if rest_started or win.ended:
            return
        rest_started = True
        _resume_gc(collecting)
        QTimer.singleShot(0, win, win.load_scenes)
        QTimer.singleShot(0, win, win.finish_setup)
        QTimer.singleShot(0, _remove_stale_parts)

    def _link_after_first_paint(_ms: float) -> None:
        win.canvas.painted.disconnect(_link_after_first_paint)
        QTimer.singleShot(0, win, win.link_articles)  # the window as context: never after it
        QTimer.singleShot(REST_AFTER_MS, win, _rest)  # the window as context: gone with it

    win.canvas.painted.connect(_link_after_first_paint)
    win.linker.linked.connect(_rest)
    win.linker.failed.connect(lambda _message: _rest())
    if args.exit_after_paint:
        started = process_start_time()

        def say(line: str) -> None:
            try:
                print(line, flush=True)
            except OSError:  # the reader went away (a closed pipe): the measurement is over
                QTimer.singleShot(0, app.quit)

        def painted(_ms: float) -> None:
            win.canvas.painted.disconnect(painted)
            say(f"first-paint-ms={(time.time() - started) * 1000:.0f}")

        def ready() -> None:
            # The articles are linked and the panels on screen hold them (they refresh as the links arrive);
            # the panels behind tabs are built right after (see _rest) and take them when built.
            win.linker.linked.disconnect(ready)
            say(f"ready-ms={(time.time() - started) * 1000:.0f}")
            QTimer.singleShot(0, app.quit)

        def not_linking() -> None:
            # Linking could not even start (the failure is reported): a measurement run still ends.
            if not win.linker.busy and win.doc.links is None:
                app.quit()

        def failed(_message: str) -> None:
            app.quit()

        win.canvas.painted.connect(painted)
        win.canvas.painted.connect(lambda _ms: QTimer.singleShot(0, win, not_linking))
        win.linker.linked.connect(ready)
        win.linker.failed.connect(failed)
        win.settings = None  # a measurement run leaves the user's settings alone
    win.show()
    rc = app.exec()
    win.ended = True  # what the first paint scheduled and has not run yet is not wanted now
    _tear_down(app, win)
    return rc


def _tear_down(app, win) -> None:
    """Let the window's worker tasks end, then delete the window while the application object is whole.
    Left to the interpreter's exit, the window (kept alive by its signal connections) can be destroyed after
    the application or while a task still runs: a rare crash at exit, seen under load."""
    from PySide6.QtCore import QEvent, QThreadPool

    for pool in win.findChildren(QThreadPool):
        pool.clear()
        pool.waitForDone(10_000)
    win.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
