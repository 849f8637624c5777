"""Connecting Qt objects to model signals so that a listener can never outlive its widget.

A model signal holds a bound method weakly, but a PySide widget's Python wrapper can outlive the C++
widget (a parent deleted it, or deleteLater ran): calling it then raises "Internal C++ object already
deleted". :func:`listen` disconnects the slot when its owner is destroyed, whatever the slot is (a bound
method, a lambda that captures the widget, a functools.partial).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject


def listen(owner: QObject, signal: Any, slot: Callable[..., Any]) -> None:
    """Connect ``slot`` to the model ``signal`` for as long as ``owner`` (a QObject) exists."""
    signal.connect(slot)

    def drop(*_args: Any) -> None:
        with contextlib.suppress(Exception):  # already gone (the model may have been collected first)
            signal.disconnect(slot)

    owner.destroyed.connect(drop)


def listen_all(owner: QObject, signals: list[Any], slot: Callable[..., Any]) -> None:
    for sig in signals:
        listen(owner, sig, slot)
