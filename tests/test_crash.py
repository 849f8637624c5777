"""Crash handling: reports, log files, the dialog, and the app going on after an error in a slot."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from corridor_viewer import __version__, crash
from corridor_viewer.ui.crash import CrashReporter
from corridor_viewer.ui.main_window import MainWindow


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv(crash.DATA_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def reporter(qapp, data_dir):
    rep = CrashReporter(qapp)
    rep.install()
    yield rep
    rep.uninstall()
    if rep.dialog is not None:
        rep.dialog.close()


def _logs(data_dir: Path) -> list[Path]:
    return sorted((data_dir / crash.LOG_FOLDER).glob("crash-*.log"))


def _raise(exc: BaseException):
    def boom() -> None:
        raise exc
    return boom


def test_report_names_version_platform_qt_and_the_traceback():
    try:
        _raise(ValueError("no such layer: xyz"))()
    except ValueError as exc:
        report = crash.format_report(type(exc), exc, exc.__traceback__)
    assert f"Corridor Viewer {__version__}" in report
    assert "Platform: " in report and "Python: 3." in report
    assert "Qt 6." in report and "PySide6 6." in report
    assert "ValueError: no such layer: xyz" in report
    assert "in boom" in report  # the failing frame is named


def test_logs_go_to_the_env_folder_and_old_ones_are_pruned(data_dir):
    paths = [crash.write_log(f"report {i}") for i in range(crash.KEEP_LOGS + 5)]
    assert all(p.parent == data_dir / crash.LOG_FOLDER for p in paths)
    kept = _logs(data_dir)
    assert len(kept) == crash.KEEP_LOGS
    assert paths[-1] in kept and paths[0] not in kept


def test_an_unwritable_data_folder_falls_back_to_the_temp_folder(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(crash.DATA_DIR_ENV, str(blocker / "data"))
    path = crash.write_log("report")
    assert path.read_text() == "report"
    assert not str(path).startswith(str(blocker))
    path.unlink()


def test_without_override_the_log_folder_is_qt_app_data_location(monkeypatch, qapp):
    from PySide6.QtCore import QStandardPaths

    from corridor_viewer import APP_NAME, ORG_NAME

    monkeypatch.delenv(crash.DATA_DIR_ENV, raising=False)
    host = qapp.organizationName(), qapp.applicationName()
    got = crash.log_dir()
    assert (qapp.organizationName(), qapp.applicationName()) == host  # the look-up leaves the names alone
    qapp.setOrganizationName(ORG_NAME)
    qapp.setApplicationName(APP_NAME)
    try:
        expected = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    finally:
        qapp.setOrganizationName(host[0])
        qapp.setApplicationName(host[1])
    assert got == Path(expected) / crash.LOG_FOLDER
    assert got.parts[-3:-1] == (ORG_NAME, APP_NAME)


@pytest.fixture
def window(qtbot, doc):
    win = MainWindow(doc, None)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_raising_in_a_slot_logs_shows_the_report_and_the_app_goes_on(qtbot, reporter, window, data_dir):
    QTimer.singleShot(0, _raise(ZeroDivisionError("division by zero in a slot")))
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible(), timeout=5000)
    (log,) = _logs(data_dir)
    text = log.read_text(encoding="utf-8")
    assert "ZeroDivisionError: division by zero in a slot" in text and __version__ in text
    dlg = reporter.dialog
    assert dlg.report() == text
    assert str(log) in dlg.message.text()
    qtbot.mouseClick(dlg.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == text
    # Still running: the map answers keys and the model still drives the panels.
    m = window.canvas.viewport.m_per_px
    qtbot.keyClick(window.canvas, Qt.Key.Key_Plus)
    assert window.canvas.viewport.m_per_px < m
    window.doc.select("syunik")
    assert "Syunik" in window.feature_panel.browser.toPlainText()


def test_a_repeating_error_is_counted_not_stacked(qtbot, reporter, data_dir):
    def boom() -> None:
        raise KeyError("same")  # a fresh exception each time, as from a handler that fails on every call
    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible(), timeout=5000)
    for _ in range(3):
        QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: reporter.dialog.repeats == 3, timeout=5000)
    assert len(_logs(data_dir)) == 1  # a handler failing on every repaint must not flood the disk
    QTimer.singleShot(0, _raise(RuntimeError("another one")))
    qtbot.waitUntil(lambda: "RuntimeError: another one" in reporter.dialog.report(), timeout=5000)
    assert len(_logs(data_dir)) == 2
    assert sum(isinstance(w, type(reporter.dialog)) and w.isVisible() for w in QApplication.topLevelWidgets()) <= 1


def test_an_error_in_a_worker_thread_reaches_the_dialog(qtbot, reporter, data_dir):
    t = threading.Thread(target=_raise(OSError("disk gone")), name="linker-worker")
    t.start()
    t.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible(), timeout=5000)
    assert "OSError: disk gone" in reporter.dialog.report()
    assert "thread 'linker-worker'" in _logs(data_dir)[0].read_text(encoding="utf-8")


def test_the_dialog_is_translated(qtbot, reporter):
    from corridor_viewer.ui import i18n

    i18n.install(QApplication.instance(), "ar")
    try:
        QTimer.singleShot(0, _raise(ValueError("x")))
        qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible(), timeout=5000)
        assert reporter.dialog.windowTitle() != "Unexpected error"
        assert reporter.dialog.text.layoutDirection() == Qt.LayoutDirection.LeftToRight
    finally:
        i18n.install(QApplication.instance(), "en")


def _env(data_dir: Path) -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", **{crash.DATA_DIR_ENV: str(data_dir)})


def test_the_real_app_survives_an_error_in_a_slot_and_says_where_the_report_is(data_dir):
    # Break a slot the app runs after the first paint; the app must log it and still exit normally.
    code = ("import sys\n"
            "from corridor_viewer.ui.main_window import MainWindow\n"
            "def broken(self): raise RuntimeError('linker exploded')\n"
            "MainWindow.link_articles = broken\n"
            "from corridor_viewer.app import main\n"
            "sys.exit(main(['--exit-after-paint', '--lang', 'en']))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(data_dir),
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert "first-paint-ms=" in out.stdout
    (log,) = _logs(data_dir)
    assert f"Report written to {log}" in out.stderr
    assert "RuntimeError: linker exploded" in log.read_text(encoding="utf-8")


def test_a_command_line_bug_leaves_a_report_and_prints_its_path(data_dir):
    code = ("import corridor_viewer.cli.links as m\n"
            "m.run = lambda args: 1 / 0\n"
            "from corridor_viewer.app import main\n"
            "main(['links'])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(data_dir),
                         timeout=120)
    assert out.returncode == 1
    (log,) = _logs(data_dir)
    assert f"Report written to {log}" in out.stderr
    assert "Traceback" not in out.stderr  # the console gets one clear line; the file has the details
    assert "ZeroDivisionError" in log.read_text(encoding="utf-8")
