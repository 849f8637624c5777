"""The one crash-safe writer: temp file in the same folder, fsync, rename over the target.

A failure at any point leaves the previous file whole and no partial file behind. Exports,
projects, scenes and the `links` CLI all write through here.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


class AtomicWriteError(OSError):
    """The target cannot be written (missing folder, no permission, nothing produced)."""


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def check_writable(path: Path) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise AtomicWriteError(f"{path} is a folder; give a file name")
    if not folder.is_dir():
        raise AtomicWriteError(f"folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise AtomicWriteError(f"cannot write to folder {folder} (permission denied)")


@contextlib.contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside `path`; when the body succeeds, fsync it and rename it over `path`."""
    path = Path(path)
    check_writable(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        if not tmp_path.exists() or tmp_path.stat().st_size == 0:
            raise AtomicWriteError(f"nothing was written for {path.name}")
        with open(tmp_path, "rb") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp_path, 0o666 & ~_umask())  # mkstemp makes 0600; give the file normal permissions
        os.replace(tmp_path, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp_path.unlink()


def write_atomic(path: Path | str, data: bytes) -> None:
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
