"""Exports write through io.atomicfile; its errors reach the user as ExportError messages."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from corridor_viewer.io import atomicfile
from corridor_viewer.model.export_settings import ExportError


def check_writable(path: Path) -> None:
    try:
        atomicfile.check_writable(Path(path))
    except atomicfile.AtomicWriteError as exc:
        raise ExportError(str(exc)) from exc


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it replaces `path` (see io.atomicfile)."""
    try:
        with atomicfile.atomic_path(path) as tmp:
            yield tmp
    except atomicfile.AtomicWriteError as exc:
        raise ExportError(str(exc)) from exc


def write_bytes_atomic(path: Path, data: bytes) -> None:
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
