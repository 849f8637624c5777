"""Qt translators and layout direction for the two UI languages.

Arabic takes two catalogues. Qt's own, ``qtbase_ar.qm``, which the PySide6 wheel ships (and the PyInstaller
bundle carries under ``PySide6/Qt/translations``), translates the standard buttons and Qt's file, colour and
message dialogs. Ours, ``corridor_viewer_ar.qm``, is installed after it, so Qt asks ours first: besides the app's
own strings it holds the few of Qt's that ``qtbase_ar`` lacks for Qt 6.11 and the standard button labels in
the verbal nouns the rest of the app uses (``QT_STRINGS`` below).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from corridor_viewer.resources import resource

LANGUAGES = ("en", "ar")
_installed: list[QTranslator] = []

# Strings of Qt's own that our Arabic catalogue translates too (pyside6-lupdate collects them from here):
# - qtbase_ar (Qt 6.11) has no translation for these, so the file dialog showed "Look in:", "Files of type:"
#   and "Folder" in English;
# - its button labels are imperatives (ألغِ، احفظ، افتح، ارفض) where the app's own buttons and menus are verbal
#   nouns (إلغاء، حفظ، فتح): a progress dialog's "إلغاء" beside a message box's "ألغِ" read as two apps, and
#   "ارفض" ("refuse") is a mistranslation of Discard ("don't save").
QT_STRINGS = (
    # QDialogButtonBox / QMessageBox standard buttons (Windows, macOS, KDE and the offscreen/xcb platforms).
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    # The same buttons under the GNOME platform theme.
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Cancel"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Save"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Close"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "Close without Saving"),
    QT_TRANSLATE_NOOP("QProgressDialog", "Cancel"),
    # Qt's own file dialog (Linux without a desktop portal, or DontUseNativeDialog).
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Open"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Save"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Choose"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Alias"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"),
)


def system_language() -> str:
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def qt_translation_dirs() -> list[Path]:
    """Where Qt's own .qm files may be, most likely first.

    QLibraryInfo answers from where QtCore was loaded, which is right for the wheel and for PyInstaller's
    one-folder bundle on Linux; the folders beside the PySide6 package cover layouts where it is not (the
    Windows wheel keeps them in PySide6/translations, a macOS .app may load QtCore through a symlink)."""
    import PySide6

    pkg = Path(PySide6.__file__).resolve().parent  # in a bundle: sys._MEIPASS/PySide6
    dirs = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), pkg / "Qt" / "translations",
            pkg / "translations"]
    return list(dict.fromkeys(dirs))


def _load_qt(app: QApplication, lang: str) -> QTranslator | None:
    for folder in qt_translation_dirs():
        qt = QTranslator(app)
        if qt.load(f"qtbase_{lang}", str(folder)):
            return qt
    return None


def install(app: QApplication, lang: str) -> None:
    """Swap translators; widgets retranslate on the LanguageChange event Qt sends."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if lang == "ar":
        qt = _load_qt(app, lang)
        if qt is not None:
            app.installTranslator(qt)
            _installed.append(qt)
    # Installed last, so asked first: ours overrides the Qt strings listed in QT_STRINGS.
    ours = QTranslator(app)
    # English needs a (plural-forms only) catalogue too, for "%n mention(s)" -> "1 mention".
    if ours.load(str(resource("translations", f"corridor_viewer_{lang}.qm"))):
        app.installTranslator(ours)
        _installed.append(ours)
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if lang == "ar" else Qt.LayoutDirection.LeftToRight)


def qt_catalogue() -> str | None:
    """The file of Qt's own catalogue in use (None if none is installed): for tests and bug reports."""
    for t in _installed:
        if Path(t.filePath()).name.startswith("qtbase_"):
            return t.filePath()
    return None
