"""Model signals: psygnal's, with each listener isolated from the others (no Qt here).

psygnal (what napari uses) gives per-attribute ``Signal`` descriptors, weak references to bound methods
(a listener that is garbage-collected is dropped, never called) and ``blocked()``. What it does not give:
when one listener raises, psygnal stops the emit loop and the remaining listeners never hear of the change,
so one broken panel would leave every other view stale. :class:`IsolatedSignalInstance` calls every
listener; a failure is reported through ``sys.excepthook`` (the GUI's crash dialog, the CLI's report file)
and recorded in :data:`errors` for the tests, and the loop goes on.

Qt widgets connect through ``corridor_viewer.ui.bind.listen``, which also disconnects the listener when the
widget is destroyed (a deleted C++ object behind a live Python wrapper is the classic PySide crash).
"""

from __future__ import annotations

import sys
from collections import deque
from typing import Any

from psygnal import Signal, SignalInstance

# (signal name, exception) of every listener failure since start; tests check it stays empty.
errors: deque[tuple[str, BaseException]] = deque(maxlen=100)


class IsolatedSignalInstance(SignalInstance):
    """A SignalInstance whose emit reaches every live listener even when one of them raises."""

    def _run_emit_loop_immediate(self) -> None:
        # Same loop as psygnal's (iterate a copy; skip listeners whose object was collected), plus the guard.
        args = self._emit_queue.popleft()
        for caller in list(self._slots):
            if not caller._is_alive():
                continue
            try:
                caller.cb(args)
            except Exception as exc:  # one broken view must not silence the others
                errors.append((self.name, exc))
                sys.excepthook(type(exc), exc, exc.__traceback__)


def signal(*types: Any) -> Signal:
    """A model signal: ``changed = signal(str, bool)`` on the class body."""
    return Signal(*types, signal_instance_class=IsolatedSignalInstance, check_nargs_on_connect=True)


__all__ = ["IsolatedSignalInstance", "Signal", "SignalInstance", "errors", "signal"]
