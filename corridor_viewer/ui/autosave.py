"""Autosave and recovery: unsaved work goes to a recovery file every few minutes; a normal exit removes it,
so a recovery file found at start means the last session did not end normally, and the app offers it.

Recovered work is unsaved work with no file of its own: saving it asks where (the project it came from
is only suggested), so a recovery file can never make Ctrl+S overwrite a file without asking.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from corridor_viewer.io.project import SUFFIX
from corridor_viewer.io.userdirs import recovery_dir
from corridor_viewer.model.session import Session, SessionError

AUTOSAVE_MS = 3 * 60 * 1000


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill would terminate the process on Windows; assume it is gone
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


class Autosave(QObject):
    def __init__(self, session: Session, win, autosave_ms: int | None = None) -> None:
        super().__init__(win)
        self.session = session
        self.win = win
        self.recovery_path = recovery_dir() / f"autosave-{os.getpid()}{SUFFIX}"
        self.timer = QTimer(self)
        env = os.environ.get("CORRIDOR_VIEWER_AUTOSAVE_MS", "")
        self.timer.setInterval(autosave_ms or (int(env) if env.isdigit() else AUTOSAVE_MS))
        self.timer.timeout.connect(self.autosave)
        self.timer.start()

    def autosave(self) -> bool:
        """Write the work to this session's recovery file if it changed since; True if written."""
        if self.win.settings is None:  # measurement runs leave the user's folders alone
            return False
        if not self.session.dirty:
            self.discard()
            return False
        try:
            return self.session.autosave(self.recovery_path)
        except (SessionError, OSError) as exc:
            self.win.statusBar().showMessage(self.tr("Autosave failed: %1").replace("%1", str(exc)), 10000)
            return False

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.recovery_path.unlink()
        self.session.autosaved_revision = None

    def stop(self) -> None:
        self.timer.stop()

    def stale_files(self) -> list[Path]:
        """Recovery files left by sessions that are no longer running: each one is a crash."""
        out = []
        with contextlib.suppress(OSError):
            for p in recovery_dir().glob(f"autosave-*{SUFFIX}"):
                pid = p.stem.removeprefix("autosave-")
                if p != self.recovery_path and not (pid.isdigit() and _pid_alive(int(pid))):
                    out.append(p)
        return sorted(out, key=lambda p: p.stat().st_mtime, reverse=True)

    def offer_recovery(self) -> bool:
        """At start: offer the work a crashed session autosaved. Files not used are kept as .bak."""
        files = self.stale_files()
        if not files:
            return False
        newest = files[0]
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(newest.stat().st_mtime))
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.win, self.tr("Recover unsaved work?"),
            self.tr("Corridor Viewer did not close normally last time. Recover the work saved automatically at "
                    "%1?").replace("%1", when), buttons.Yes | buttons.No, buttons.Yes)
        recovered = False
        if answer == buttons.Yes:
            try:
                work = self.session.read_project(newest, as_recovery=True)
            except SessionError as exc:
                QMessageBox.warning(self.win, self.tr("Cannot recover"), str(exc) + "\n\n"
                                    + self.tr("The file was kept as %1.").replace("%1", newest.name + ".bak"))
            else:
                warnings = self.session.apply_project(work)
                self.autosave()
                recovered = True
                if warnings:
                    QMessageBox.warning(self.win, self.tr("Recovered with problems"), "\n\n".join(warnings[:20]))
        for p in files:  # keep what was not used, out of the way
            with contextlib.suppress(OSError):
                if recovered and p == newest:
                    p.unlink()
                else:
                    p.replace(p.with_name(p.name + ".bak"))
        return recovered
