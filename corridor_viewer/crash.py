"""Crash reports without Qt: the report text, the log folder, the log file, and the CLI hook.

The window's dialog (corridor_viewer/ui/crash.py) builds on this; the command-line tools use
install_cli_hook() so an unexpected error still leaves a report and says where it is.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path
from types import TracebackType

from corridor_viewer import APP_NAME, __version__
from corridor_viewer.io.userdirs import DATA_DIR_ENV, data_dir

LOG_FOLDER = "crash-reports"
KEEP_LOGS = 20  # older reports are pruned so a repeating error cannot fill the disk

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def log_dir() -> Path:
    return data_dir() / LOG_FOLDER


__all__ = ["DATA_DIR_ENV", "data_dir", "log_dir"]


def _qt_versions() -> str:
    try:
        import PySide6
        from PySide6.QtCore import qVersion
    except ImportError:
        return "PySide6 not available"
    return f"Qt {qVersion()}, PySide6 {PySide6.__version__}"


def format_report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
                  thread_name: str | None = None) -> str:
    """Plain-text report: what a maintainer needs to reproduce the error, and no personal data."""
    import platform
    import traceback

    where = f" in thread {thread_name!r}" if thread_name else ""
    lines = [
        f"{APP_NAME} {__version__} — unexpected error{where}",
        f"Time: {time.strftime('%Y-%m-%d %H:%M:%S %z')}",
        f"Platform: {platform.platform()} ({platform.machine()})",
        f"Python: {platform.python_version()} ({platform.python_implementation()})"
        + (", frozen bundle" if getattr(sys, "frozen", False) else ""),
        f"Qt: {_qt_versions()}",
        f"Command: {' '.join([Path(sys.argv[0]).name, *sys.argv[1:]]) if sys.argv else ''}",
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)).rstrip(),
        "",
    ]
    return "\n".join(lines)


def write_log(report: str, folder: Path | None = None) -> Path:
    """Write the report to a new file and return its path; fall back to the temp folder if needed."""
    import tempfile

    stamp = time.strftime("%Y%m%d-%H%M%S") + f"-{time.time_ns() % 1_000_000_000:09d}"
    name = f"crash-{stamp}-{os.getpid()}.log"
    targets = [folder or log_dir(), Path(tempfile.gettempdir()) / "corridor-viewer-crash-reports"]
    last_error: OSError | None = None
    for target in targets:
        try:
            target.mkdir(parents=True, exist_ok=True)
            path = target / name
            path.write_text(report, encoding="utf-8")
        except OSError as exc:
            last_error = exc
            continue
        _prune(target)
        return path
    raise OSError(f"could not write a crash report anywhere: {last_error}")


def _prune(folder: Path) -> None:
    try:
        logs = sorted(folder.glob("crash-*.log"), key=lambda p: p.stat().st_mtime)
        for old in logs[:-KEEP_LOGS]:
            old.unlink()
    except OSError:
        pass  # pruning is housekeeping; never let it hide the report itself


def record(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
           thread_name: str | None = None) -> tuple[str, Path | None]:
    """Format and save one report; print where it went on stderr (the console user's only clue)."""
    report = format_report(exc_type, exc, tb, thread_name)
    try:
        path: Path | None = write_log(report)
    except OSError as err:
        path = None
        print(f"corridor-viewer: {err}", file=sys.stderr)
    summary = "".join(f"{exc_type.__name__}: {exc}".splitlines()[:1])
    if path is not None:
        print(f"corridor-viewer: unexpected error ({summary}). Report written to {path}", file=sys.stderr)
    else:
        print(report, file=sys.stderr)
    return report, path


def install_cli_hook() -> None:
    """Command-line runs: report unexpected errors to a log file instead of only a traceback."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        record(exc_type, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        record(args.exc_type, args.exc_value, args.exc_traceback,
               args.thread.name if args.thread is not None else None)

    sys.excepthook = hook
    threading.excepthook = thread_hook
