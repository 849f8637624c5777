"""Model signals: one per attribute, weak references to listeners, each listener isolated (no Qt here).

The shape is psygnal's (what napari uses): a ``Signal`` descriptor on the class body gives every instance
its own signal; ``connect`` holds a bound method weakly, so a view that is garbage-collected is dropped,
never called; ``blocked()`` silences a signal while a view writes back a value it already shows. Two things
differ on purpose:

* **one failing listener never silences the others** — psygnal stops its emit loop at the first listener
  that raises; here every listener is called, and a failure is reported through ``sys.excepthook`` (the
  GUI's crash dialog, the CLI's report file) and kept in :data:`errors` for the tests;
* **start-up**: importing psygnal costs ~110 ms here (its ``__init__`` looks its own version up through
  ``importlib.metadata``), about 40% of a bare PySide6 window's whole start-up, which the start-up budget
  (2.0x a bare window) cannot absorb; this module costs nothing measurable.

Qt widgets connect through ``corridor_viewer.ui.bind.listen``, which also disconnects the listener when the
widget is destroyed (a deleted C++ object behind a live Python wrapper is the classic PySide crash).
"""

from __future__ import annotations

import inspect
import sys
import weakref
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

# (signal name, exception) of every listener failure since start; tests check it stays empty.
errors: deque[tuple[str, BaseException]] = deque(maxlen=100)


_FUNCTION = type(lambda: None)
_CO_VARARGS = inspect.CO_VARARGS


def _max_args(fn: Callable[..., Any]) -> int | None:
    """How many positional arguments ``fn`` takes (None: any number), so a listener may take fewer."""
    # Plain functions and methods are read off their code object: inspect.signature costs ~40 µs a call, and
    # a window connects a few dozen listeners before its first paint. Anything else (wrapped, partial,
    # builtin, callable object) goes to inspect.
    func = getattr(fn, "__func__", fn)
    code = getattr(func, "__code__", None)
    if code is not None and type(func) is _FUNCTION and not hasattr(func, "__wrapped__") \
            and not hasattr(func, "__signature__"):
        if code.co_flags & _CO_VARARGS:
            return None
        bound = fn is not func and getattr(fn, "__self__", None) is not None
        if bound and not code.co_argcount:
            return None  # a method that takes no self: inspect cannot read it either
        return code.co_argcount - (1 if bound else 0)
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):  # builtins without a signature: give them everything
        return None
    n = 0
    for p in params:
        if p.kind is p.VAR_POSITIONAL:
            return None
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
            n += 1
    return n


class _Slot:
    __slots__ = ("func", "key", "nargs", "ref")

    def __init__(self, fn: Callable[..., Any], on_dead: Callable[[_Slot], None]) -> None:
        if inspect.ismethod(fn):  # weak: a collected view is dropped, not kept alive by the model
            self.ref: Any = weakref.WeakMethod(fn, lambda _r: on_dead(self))
            self.func = None
            self.key: Any = (id(fn.__self__), fn.__func__)
        else:
            self.ref = None
            self.func = fn
            self.key = fn
        self.nargs = _max_args(fn)

    def target(self) -> Callable[..., Any] | None:
        return self.func if self.ref is None else self.ref()


class SignalInstance:
    """One signal of one object: ``connect``, ``disconnect``, ``emit``, ``blocked``."""

    def __init__(self, name: str = "") -> None:
        self.name = name
        self._slots: list[_Slot] = []
        self._blocked = 0

    def connect(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        slot = _Slot(fn, self._drop)
        if all(s.key != slot.key for s in self._slots):
            self._slots.append(slot)
        return fn

    def disconnect(self, fn: Callable[..., Any]) -> None:
        key = (id(fn.__self__), fn.__func__) if inspect.ismethod(fn) else fn
        self._slots = [s for s in self._slots if s.key != key]

    def _drop(self, slot: _Slot) -> None:
        self._slots = [s for s in self._slots if s is not slot]

    def __len__(self) -> int:
        return sum(1 for s in self._slots if s.target() is not None)

    def emit(self, *args: Any) -> None:
        if self._blocked:
            return
        for slot in list(self._slots):  # a copy: a listener may disconnect itself
            fn = slot.target()
            if fn is None:
                continue
            try:
                fn(*(args if slot.nargs is None else args[:slot.nargs]))
            except Exception as exc:  # one broken view must not silence the others
                errors.append((self.name, exc))
                sys.excepthook(type(exc), exc, exc.__traceback__)

    @contextmanager
    def blocked(self) -> Iterator[None]:
        """Silence the signal while a view writes back a value it already shows."""
        self._blocked += 1
        try:
            yield
        finally:
            self._blocked -= 1


class Signal:
    """Declared on a class body (``changed = Signal(str)``); each instance gets its own SignalInstance."""

    def __init__(self, *types: Any) -> None:
        self.types = types  # documentation of the arguments; not checked at run time
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        inst = obj.__dict__.get(self.name)
        if inst is None:
            inst = obj.__dict__[self.name] = SignalInstance(self.name)
        return inst


def signal(*types: Any) -> Signal:
    """A model signal: ``changed = signal(str, bool)`` on the class body."""
    return Signal(*types)


__all__ = ["Signal", "SignalInstance", "errors", "signal"]
