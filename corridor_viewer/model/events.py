"""A minimal observer: the model announces changes, views listen (no Qt in the model)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from typing import Any


class Event:
    """A named notification with any number of listeners."""

    def __init__(self) -> None:
        self._listeners: list[Callable[..., Any]] = []
        self._blocked = 0

    def connect(self, fn: Callable[..., Any]) -> None:
        if fn not in self._listeners:
            self._listeners.append(fn)

    def disconnect(self, fn: Callable[..., Any]) -> None:
        if fn in self._listeners:
            self._listeners.remove(fn)

    def emit(self, *args: Any) -> None:
        if self._blocked:
            return
        for fn in list(self._listeners):
            fn(*args)

    @contextmanager
    def blocked(self):
        """Silence the event while a view writes back a value it already shows."""
        self._blocked += 1
        try:
            yield
        finally:
            self._blocked -= 1
