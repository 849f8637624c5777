"""Unexpected errors in the window: log them, show a copyable report, keep the app running.

PySide routes exceptions raised in slots and overridden virtuals to sys.excepthook and then carries
on with the event loop, so replacing that hook (and threading.excepthook) is enough to catch them.
The dialog (crash_dialog.py) is imported only when an error happens: start-up does not pay for it.
"""

from __future__ import annotations

import functools
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QApplication

from corridor_viewer import crash


def guarded_paint(paint_event):
    """For paintEvent overrides: PySide 6.11 crashes the process when one raises (shiboken's error path
    segfaults), so a failure is reported like any other error (the crash dialog) and the frame is skipped."""

    @functools.wraps(paint_event)
    def guarded(self, event) -> None:
        try:
            paint_event(self, event)
        except Exception as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)

    return guarded

_HEADLESS_PLATFORMS = ("offscreen", "minimal")


def _signature(exc: BaseException, tb: TracebackType | None) -> tuple:
    """Same type, message and call sites = the same error (a paint handler can raise on every frame)."""
    frames = []
    while tb is not None:
        frames.append((tb.tb_frame.f_code.co_filename, tb.tb_lineno))
        tb = tb.tb_next
    return type(exc).__name__, str(exc), tuple(frames)


class CrashReporter(QObject):
    """Installs the hooks; shows reports in the GUI thread, one dialog at a time."""

    reported = Signal(str, str, bool)  # report, log path ('' if none), repeat of the open dialog's error

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog = None  # the open CrashDialog, if any
        self._last: tuple | None = None
        self._lock = threading.Lock()
        self._previous: tuple | None = None
        # Emitting from a worker thread queues the call into the GUI thread, where widgets may be made.
        self.reported.connect(self._show)

    def install(self) -> None:
        if self._previous is None:
            self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def _excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.handle(exc_type, exc, tb)

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback,
                    args.thread.name if args.thread is not None else None)

    def handle(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
               thread_name: str | None = None) -> None:
        try:
            sig = _signature(exc, tb)
            with self._lock:
                repeated = self._last == sig and self.dialog is not None and self.dialog.isVisible()
                self._last = sig
            if repeated:
                self.reported.emit("", "", True)  # counted, not logged again
                return
            report, path = crash.record(exc_type, exc, tb, thread_name)
            self.reported.emit(report, str(path) if path else "", False)
        except Exception:  # the hook itself must never take the app down
            sys.__excepthook__(exc_type, exc, tb)

    def _show(self, report: str, path: str, repeated: bool) -> None:
        app = QApplication.instance()
        if app is None:
            return
        log = Path(path) if path else None
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add_report(report, log, repeated)
            return
        if repeated:
            return
        from corridor_viewer.ui.crash_dialog import CrashDialog

        parent = QApplication.activeWindow()
        self.dialog = CrashDialog(report, log, parent)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._forget_dialog)
        self.dialog.setModal(True)
        # show(), not exec(): no nested event loop inside whatever handler just failed.
        self.dialog.show()
        self.dialog.raise_()
        # An error before (or after) the event loop runs, e.g. while building the window: without a
        # loop the dialog would vanish at once, so hold it open while someone can see it.
        if QThread.currentThread().loopLevel() == 0 and app.platformName() not in _HEADLESS_PLATFORMS:
            self.dialog.exec()

    def _forget_dialog(self) -> None:
        self.dialog = None


_reporter: CrashReporter | None = None


def install_crash_handler(app: QApplication) -> CrashReporter:
    """Route unexpected errors to a log file and a dialog for the rest of the session."""
    global _reporter
    if _reporter is None:
        _reporter = CrashReporter(app)
    _reporter.install()
    return _reporter
