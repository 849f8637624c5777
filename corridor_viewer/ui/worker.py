"""Work off the UI thread: a function run on a thread pool, its result or error back as a Qt signal.

Qt delivers the signals on the UI thread (queued), so the done/failed handlers may touch widgets and the
model. ``fn(progress, cancel)`` gets a progress callback (fraction, message), throttled to what a progress
bar needs, and a cancel test it should call between steps.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal


class _Signals(QObject):
    progress = Signal(float, str)
    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class Task(QRunnable):
    """Runs ``fn(progress, cancel)`` on a pool thread.

    ``errors`` maps exception types to how they reach the user: their message (``failed``); a type in
    ``cancel_types`` means the user cancelled. Anything else is a bug and is reported with its type."""

    def __init__(self, fn: Callable[[Callable[[float, str], None], Callable[[], bool]], Any], *,
                 errors: tuple[type[BaseException], ...] = (), cancel_types: tuple[type[BaseException], ...] = ()
                 ) -> None:
        super().__init__()
        self.fn = fn
        self.errors = errors
        self.cancel_types = cancel_types
        self.signals = _Signals()
        self._cancel = threading.Event()
        self._last = 0.0
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, fraction: float, message: str) -> None:
        now = time.monotonic()
        if now - self._last > 0.05 or fraction >= 1.0:  # the UI needs ~20 updates a second, not thousands
            self._last = now
            self.signals.progress.emit(fraction, message)

    def run(self) -> None:
        try:
            result = self.fn(self._progress, self._cancel.is_set)
        except self.cancel_types:
            self.signals.cancelled.emit()
        except self.errors as exc:
            self.signals.failed.emit(str(exc))
        except MemoryError:
            self.signals.failed.emit("not enough memory to load this file; clip it to the region first")
        except Exception as exc:  # a worker thread must report, never die silently
            self.signals.failed.emit(f"unexpected error ({type(exc).__name__}: {exc})")
        else:
            self.signals.done.emit(result)
