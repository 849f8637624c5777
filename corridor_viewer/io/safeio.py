"""Open a user's file once, refuse anything that is not a regular file, and read it with a byte limit.

Every reader of a file the user (or another program) can put in our way goes through here: layers,
articles, catalogs, projects and recovery files, settings, scenes. Two things make this necessary:

- ``stat`` then ``read_bytes`` trusts the size ``stat`` reported. A named pipe (FIFO) blocks the first
  ``open`` until someone writes to it (the app hangs at start), and a symlink to ``/dev/zero`` reports
  size 0 and then reads until MemoryError. So the type is checked on the path (following symlinks)
  *before* opening, the file is opened non-blocking, checked again on the open handle (the path may have
  been swapped in between), and the limit is applied to what is actually read from that handle.
- Each caller turns :class:`RefusedFileError` into its own error type; the reason reads as a sentence
  after the path: ``f"{path}: {exc.reason}"``.

Pure Python, standard library only (the start-up path uses it for settings and scenes).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

__all__ = ["FileTooLargeError", "NotRegularFileError", "RefusedFileError", "check_regular", "file_kind",
           "open_regular", "read_handle", "read_limited"]

# O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer; O_NOCTTY keeps a
# terminal device from becoming our controlling terminal. Neither exists on Windows (no FIFOs there).
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))


class RefusedFileError(OSError):
    """The path is not something we read: not a regular file, or larger than the reader's limit.

    A subclass of OSError so that callers that already turn ``OSError`` into a message keep working;
    ``reason`` is the user-facing explanation without the path, ``str(exc)`` is ``"<path>: <reason>"``.
    """

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(reason)
        self.path = Path(path)
        self.reason = reason
        self.strerror = reason  # "cannot read the file ({exc.strerror})" reads naturally too
        self.filename = str(path)

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class NotRegularFileError(RefusedFileError):
    """A folder, a named pipe, a device, a socket, or a symlink to one of those."""


class FileTooLargeError(RefusedFileError):
    """More bytes than the reader's limit (counted while reading, not taken from stat)."""


def file_kind(mode: int) -> str | None:
    """What a file that is not a regular file is, in words ("a named pipe (FIFO)"); None for a regular file.
    ``mode`` from lstat names a symbolic link; from stat, what the link leads to."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "something other than a file"


def _not_regular(path: Path, mode: int, what: str) -> NotRegularFileError:
    kind = file_kind(mode) or "a file"
    if os.path.islink(path):  # say where the link leads: "a link to /dev/zero, a device"
        kind = f"a link to {os.path.realpath(path)}, {kind}"
    hint = "choose a file inside it" if stat.S_ISDIR(mode) else "only regular files are read"
    return NotRegularFileError(path, f"is {kind}, not {what}; {hint}")


def check_regular(path: Path | str, what: str = "a regular file") -> os.stat_result:
    """The path's stat (symlinks followed) if it is a regular file; NotRegularFileError otherwise.

    For readers that must hand a path to a library that opens it itself (GDAL): check first, then let
    the library open it. OSError (missing file, no permission) passes through unchanged.
    """
    path = Path(path)
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise _not_regular(path, st.st_mode, what)
    return st


def open_regular(path: Path | str, what: str = "a regular file") -> BinaryIO:
    """A binary file object for a regular file, opened once; never blocks on a FIFO or opens a device.

    ``what`` names the expected file in messages ("a project file"). The caller closes the handle.
    """
    path = Path(path)
    check_regular(path, what)  # before open: opening some devices has effects of its own
    fd = os.open(path, _OPEN_FLAGS)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # swapped between the check and the open
            raise _not_regular(path, st.st_mode, what)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # a regular file never blocks; reads behave as usual
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_limited(path: Path | str, limit: int, what: str = "a regular file") -> bytes:
    """All the bytes of a regular file of at most ``limit`` bytes, counted as they are read.

    Raises NotRegularFileError, FileTooLargeError (both RefusedFileError, an OSError), or the OSError
    of the failed open/read.
    """
    with open_regular(path, what) as fh:
        return read_handle(fh, path, limit, what)


def read_user_file(path: Path | str, limit: int, what: str, error: type[Exception],
                   missing: str = "no such file") -> bytes:
    """``read_limited`` for a file the user chose, every failure raised as ``error`` with a message to show:
    the refusal's own (not a regular file, too large), "<path>: <missing>", or "<path>: cannot read the file"."""
    try:
        return read_limited(path, limit, what)
    except RefusedFileError as exc:
        raise error(str(exc)) from exc
    except FileNotFoundError as exc:
        raise error(f"{path}: {missing}") from exc
    except OSError as exc:
        raise error(f"{path}: cannot read the file ({exc.strerror or exc})") from exc


def read_handle(fh: BinaryIO, path: Path | str, limit: int, what: str = "a regular file") -> bytes:
    """Read at most ``limit`` bytes from an open handle; FileTooLargeError if there are more."""
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise FileTooLargeError(path, f"is larger than {_size(limit)}, the limit for {what}")
    return data


def _size(n: int) -> str:
    if n >= 1 << 20:
        return f"{n / (1 << 20):,.0f} MB"
    if n >= 1 << 10:
        return f"{n / (1 << 10):,.0f} KB"
    return f"{n} bytes"
