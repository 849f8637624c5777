"""The one crash-safe writer: temp file in the target's folder, flushed and fsynced, checked, renamed over it.

A failure at any point — an exception, a full disk, a writer (Qt's PDF/SVG/PNG writers) that stops short
without saying so — leaves the previous file whole and no temp file behind. Exports, projects, scenes and
the `links` CLI all write through here.

- The target must be a regular file or not exist. A symlink, FIFO or device used to be replaced by a regular
  file (as root, ``--out /dev/null`` replaced the device); now they are refused, unless the caller asks to
  write through to a FIFO or character device (``devices=True``), which is then written directly.
- What was written is checked before the rename: the byte count for :func:`write_atomic`, and for files
  written by someone else (:func:`atomic_path`) that the file is complete for its type (a PDF ends with
  ``%%EOF``, an SVG with ``</svg>``, a PNG with its IEND chunk, an HTML page with ``</html>``).
- Temp files are named ``.<name>.<pid>.<random>.part`` and listed in a small journal in the user's data
  folder while they exist; :func:`clean_stale_parts` (run before the first write of each process, and
  callable at start-up) removes those whose process is gone — kill -9 used to leave them piling up.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from corridor_viewer.io.safeio import file_kind

PART_SUFFIX = ".part"
_PART_RE = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.part$")
_TAIL_BYTES = 4096


class AtomicWriteError(OSError):
    """The target cannot be written (missing folder, no permission, not a regular file, incomplete result)."""


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def check_writable(path: Path | str, *, devices: bool = False) -> None:
    """Raise AtomicWriteError if ``path`` cannot be written as a file (see the module docstring)."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise AtomicWriteError(f"cannot write {path} ({exc.strerror or exc})") from exc
    if st is not None:
        kind = file_kind(st.st_mode)
        if kind == "a folder":
            raise AtomicWriteError(f"{path} is a folder; give a file name")
        if kind == "a symbolic link":
            raise AtomicWriteError(f"{path} is a symbolic link (to {os.path.realpath(path)}); it was left as it is. "
                                   "Save to the file it points to, or under another name")
        if kind is not None and not (devices and (stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode))):
            raise AtomicWriteError(f"{path} is {kind}, not a regular file; it was left as it is. Choose a file name")
    if not folder.is_dir():
        raise AtomicWriteError(f"folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise AtomicWriteError(f"cannot write to folder {folder} (permission denied)")


def _write_through(path: Path) -> bool:
    """True if ``path`` is a FIFO or character device (only then, with devices=True, is it written directly)."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


@contextlib.contextmanager
def atomic_path(path: Path | str, *, devices: bool = False, expect_bytes: int | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the body succeeds and what it wrote is complete, fsync it and
    rename it over ``path``. With ``devices=True`` a FIFO or character device target is yielded itself."""
    path = Path(path)
    check_writable(path, devices=devices)
    if devices and _write_through(path):
        yield path
        return
    _clean_once()
    clean_stale_parts([path.parent], only=path.name)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=PART_SUFFIX, dir=path.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    entry = _journal_add(tmp_path)
    try:
        yield tmp_path
        _finish(tmp_path, path, expect_bytes)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp_path.unlink()
        _journal_remove(entry)


def write_atomic(path: Path | str, data: bytes, *, devices: bool = False) -> None:
    """Write ``data`` to ``path`` atomically (every byte checked as written, fsynced, renamed over the old file)."""
    path = Path(path)
    if devices:
        check_writable(path, devices=True)
        if _write_through(path):
            with open(path, "wb") as fh:
                fh.write(data)
            return
    with atomic_path(path, expect_bytes=len(data)) as tmp:
        tmp.write_bytes(data)  # raises on a full disk; the size is checked against len(data) before the rename


def _finish(tmp: Path, path: Path, expect_bytes: int | None) -> None:
    try:
        st = os.lstat(tmp)
    except FileNotFoundError as exc:
        raise AtomicWriteError(f"nothing was written for {path.name}") from exc
    if not stat.S_ISREG(st.st_mode):
        raise AtomicWriteError(f"the temporary file for {path.name} was replaced by something else; nothing was saved")
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())  # before the rename: a crash must never leave a renamed but empty file
        size = os.fstat(fh.fileno()).st_size
        if size == 0:
            raise AtomicWriteError(f"nothing was written for {path.name}")
        if expect_bytes is not None and size != expect_bytes:
            raise AtomicWriteError(f"only {size:,} of {expect_bytes:,} bytes of {path.name} reached the disk (is it "
                                   "full?); the previous file is unchanged")
        fh.seek(max(0, size - _TAIL_BYTES))
        problem = _incomplete(path.suffix.lower(), fh.read())
    if problem:
        raise AtomicWriteError(f"{path.name} was not written completely ({problem}; is the disk full?); the previous "
                               "file is unchanged")
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)  # keep the permissions of the file being replaced
    except FileNotFoundError:
        mode = 0o666 & ~_umask()  # mkstemp makes 0600; a new file gets normal permissions
    os.chmod(tmp, mode)
    os.replace(tmp, path)
    _fsync_folder(path.parent)


def _incomplete(suffix: str, tail: bytes) -> str | None:
    """Why the end of a file of this type shows it was cut short, or None."""
    end = tail.rstrip()
    if suffix == ".pdf" and not end.endswith(b"%%EOF"):
        return "a PDF must end with %%EOF"
    if suffix == ".svg" and not end.endswith(b"</svg>"):
        return "an SVG must end with </svg>"
    if suffix == ".png" and not tail.endswith(b"IEND\xaeB`\x82"):
        return "a PNG must end with its IEND chunk"
    if suffix in (".html", ".htm") and not end.lower().endswith(b"</html>"):
        return "an HTML page must end with </html>"
    return None


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a folder cannot be opened for this on Windows."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# -- temp files left by processes that died mid-write

def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill would end the process on Windows; a part file there is never taken as stale
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def _journal_dir() -> Path | None:
    try:
        from corridor_viewer.io.userdirs import data_dir

        return data_dir() / "pending-writes"
    except Exception:  # a journal is a convenience: no problem setting up the user folders may stop a save
        return None


def _journal_add(tmp: Path) -> Path | None:
    folder = _journal_dir()
    if folder is None:
        return None
    # os.urandom, not uuid: importing uuid costs ~15 ms of every start-up
    entry = folder / f"{os.getpid()}-{os.urandom(16).hex()}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        entry.write_text(str(tmp.resolve()), encoding="utf-8")
    except OSError:  # read-only data folder: the write goes on, only the clean-up at start misses it
        return None
    return entry


def _journal_remove(entry: Path | None) -> None:
    if entry is not None:
        with contextlib.suppress(OSError):
            entry.unlink()


def _is_our_stale_part(path: Path, only: str | None = None) -> bool:
    m = _PART_RE.match(path.name)
    if m is None or (only is not None and m["name"] != only) or _pid_alive(int(m["pid"])):
        return False
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def clean_stale_parts(folders: list[Path] | None = None, only: str | None = None) -> list[Path]:
    """Remove our temp files whose writing process is gone; returns what was removed.

    ``folders=None``: the ones the journal lists (call this at start-up). Otherwise every stale part file in
    those folders (``only``: those for that target name). Never follows links; only regular files named as we
    name them, with a dead process id in the name, are removed.
    """
    removed: list[Path] = []
    if folders is None:
        folder = _journal_dir()
        if folder is None or not folder.is_dir():
            return removed
        for entry in folder.iterdir():
            pid = entry.name.split("-", 1)[0]
            if not pid.isdigit() or _pid_alive(int(pid)):
                continue
            with contextlib.suppress(OSError):
                target = Path(entry.read_text(encoding="utf-8").strip())
                if _is_our_stale_part(target):
                    target.unlink()
                    removed.append(target)
            with contextlib.suppress(OSError):
                entry.unlink()
        return removed
    for folder in folders:
        try:
            names = [p for p in Path(folder).iterdir() if p.name.endswith(PART_SUFFIX)]
        except OSError:
            continue
        for p in names:
            if _is_our_stale_part(p, only):
                with contextlib.suppress(OSError):
                    p.unlink()
                    removed.append(p)
    return removed


_cleaned = False


def _clean_once() -> None:
    """The journal's clean-up, once per process, before its first atomic write."""
    global _cleaned
    if not _cleaned:
        _cleaned = True
        with contextlib.suppress(OSError):
            clean_stale_parts()
