"""Exports write through io.atomicfile; its errors reach the user as ExportError messages."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from corridor_viewer.io import atomicfile
from corridor_viewer.model.export_settings import ExportError


def check_writable(path: Path, *, devices: bool = False) -> None:
    try:
        atomicfile.check_writable(Path(path), devices=devices)
    except atomicfile.AtomicWriteError as exc:
        raise ExportError(str(exc)) from exc


@contextlib.contextmanager
def atomic_path(path: Path, *, devices: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success, once the file is complete for its type, it replaces
    `path` (see io.atomicfile). A symlink, FIFO or device target is refused unless ``devices=True`` asks to write
    through to a FIFO or character device."""
    try:
        with atomicfile.atomic_path(path, devices=devices) as tmp:
            yield tmp
    except atomicfile.AtomicWriteError as exc:
        raise ExportError(str(exc)) from exc
    except OSError as exc:  # the body's own writes: a full disk, a lost drive
        raise ExportError(f"cannot write {path} ({exc.strerror or exc}); the previous file, if any, is "
                          "unchanged") from exc


def write_bytes_atomic(path: Path, data: bytes, *, devices: bool = False) -> None:
    try:
        atomicfile.write_atomic(path, data, devices=devices)
    except atomicfile.AtomicWriteError as exc:
        raise ExportError(str(exc)) from exc
    except OSError as exc:
        raise ExportError(f"cannot write {path} ({exc.strerror or exc}); the previous file, if any, is "
                          "unchanged") from exc
