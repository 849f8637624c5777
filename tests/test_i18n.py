"""Arabic done properly: plural forms, units, dates and Qt's own dialogs (issue 13, item 10)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QColorDialog, QDialogButtonBox, QFileDialog, QLabel, QMessageBox

from corridor_viewer.model.newsdate import news_date
from corridor_viewer.ui import i18n

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def lang(qapp):
    """Switch the UI language for a test; English again afterwards (other tests expect it)."""
    def use(code: str) -> None:
        i18n.install(qapp, code)

    yield use
    i18n.install(qapp, "en")


# -- dates (the stand-in for model.dates.news_date)


@pytest.mark.parametrize(("iso", "ar", "en"), [
    ("2025-08-08", "8 أغسطس 2025", "8 August 2025"),
    ("2026-01-14", "14 يناير 2026", "14 January 2026"),
    ("2022-10", "أكتوبر 2022", "October 2022"),
    ("2020", "2020", "2020"),
    ("not shown", "not shown", "not shown"),
    ("2025-13-01", "2025-13-01", "2025-13-01"),
    ("2025-02-30", "2025-02-30", "2025-02-30"),
])
def test_news_date(iso, ar, en):
    assert news_date(iso, "ar") == ar and news_date(iso, "en") == en


def test_news_date_eastern_digits():
    assert news_date("2025-08-08", "ar", digits="eastern") == "٨ أغسطس ٢٠٢٥"
    with pytest.raises(ValueError):
        news_date("2025-08-08", "ar", digits="roman")


# -- Qt's own dialogs


def test_qt_standard_buttons_and_dialogs_are_arabic(lang):
    lang("ar")
    assert i18n.qt_catalogue() is not None and Path(i18n.qt_catalogue()).name == "qtbase_ar.qm"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
    texts = {box.standardButton(b): b.text() for b in box.buttons()}
    assert texts == {QDialogButtonBox.StandardButton.Ok: "حسنًا", QDialogButtonBox.StandardButton.Cancel: "إلغاء",
                     QDialogButtonBox.StandardButton.Save: "حفظ", QDialogButtonBox.StandardButton.Close: "إغلاق"}
    buttons = QMessageBox.StandardButton
    msg = QMessageBox(QMessageBox.Icon.Question, "", "", buttons.Save | buttons.Discard | buttons.Cancel)
    assert sorted(b.text() for b in msg.buttons()) == sorted(["حفظ", "عدم الحفظ", "إلغاء"])
    yes_no = QMessageBox(QMessageBox.Icon.Question, "", "", buttons.Yes | buttons.No)
    assert sorted(b.text() for b in yes_no.buttons()) == sorted(["&نعم", "&لا"])  # Qt's own translation
    assert QColorDialog().windowTitle() == "اختر لونًا"  # from qtbase_ar: only there, not in our catalogue
    dlg = QFileDialog(None, "", "", "x (*.x)")
    dlg.setOption(QFileDialog.Option.DontUseNativeDialog)
    labels = {w.text() for w in dlg.findChildren(QLabel)}
    assert {"الب&حث في:", "ن&وع الملفات:", "ا&سم الملفّ:"} <= labels, labels  # ours, ours, Qt's
    assert dlg.labelText(QFileDialog.DialogLabel.Reject) == "إلغاء"
    lang("en")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)  # kept: the buttons die with their box
    assert box.buttons()[0].text() == "Cancel"


def test_qt_catalogue_is_found_beside_pyside6_when_qlibraryinfo_points_elsewhere(lang, monkeypatch, tmp_path):
    """A bundle whose QtCore reports another prefix (macOS .app, Windows layout) still gets Arabic dialogs."""
    class Elsewhere:
        LibraryPath = i18n.QLibraryInfo.LibraryPath

        @staticmethod
        def path(_which):
            return str(tmp_path)

    monkeypatch.setattr(i18n, "QLibraryInfo", Elsewhere)
    lang("ar")
    import PySide6

    assert Path(i18n.qt_catalogue()).is_relative_to(Path(PySide6.__file__).resolve().parent)
    assert not Path(i18n.qt_catalogue()).is_relative_to(tmp_path)
    assert QCoreApplication.translate("QPlatformTheme", "OK") == "حسنًا"


def test_english_ui_has_no_qt_arabic(lang):
    lang("ar")
    lang("en")
    assert i18n.qt_catalogue() is None
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


@pytest.mark.slow
def test_the_bundle_loads_qts_arabic(tmp_path_factory):
    """The PyInstaller spec's bundle carries qtbase_ar.qm and the app finds it there (slow: builds a probe)."""
    pytest.importorskip("PyInstaller")
    work = tmp_path_factory.mktemp("i18n-probe")
    (work / "probe.py").write_text(
        "from PySide6.QtWidgets import QApplication, QDialogButtonBox\n"
        "from corridor_viewer.ui import i18n\n"
        "app = QApplication([])\n"
        "i18n.install(app, 'ar')\n"
        "print(i18n.qt_catalogue())\n"
        "print(QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel).buttons()[0].text())\n"
        "print(app.translate('QColorDialog', 'Select Color'))\n", encoding="utf-8")
    spec = (ROOT / "resources" / "packaging" / "corridor-viewer.spec").read_text(encoding="utf-8")
    for old, new in (("Path(SPECPATH).resolve().parents[1]", f"Path({str(ROOT)!r})"),
                     ('[str(ROOT / "main.py")]', f"[{str(work / 'probe.py')!r}]"),
                     ('name="corridor-viewer",', 'name="probe",')):
        assert old in spec, old
        spec = spec.replace(old, new)
    (work / "probe.spec").write_text(spec, encoding="utf-8")
    built = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                            "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
                            str(work / "probe.spec")], capture_output=True, text=True, timeout=1800, cwd=work,
                           env={**os.environ, "CV_BUNDLE_GIS": "0"})  # the GIS stack is not what this is about
    assert built.returncode == 0, built.stderr[-5000:]
    folder = work / "dist" / "probe"
    exe = folder / ("probe.exe" if sys.platform == "win32" else "probe")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QT_PLUGIN"))}
    out = subprocess.run([str(exe)], capture_output=True, text=True, timeout=300, cwd=tmp_path_factory.mktemp("run"),
                         env={**env, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    catalogue, cancel, colour = out.stdout.splitlines()[:3]
    assert Path(catalogue).name == "qtbase_ar.qm" and Path(catalogue).is_relative_to(folder)
    assert cancel == "إلغاء" and colour == "اختر لونًا"
