"""Qt translators and layout direction for the two UI languages."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from corridor_viewer.resources import resource

LANGUAGES = ("en", "ar")
_installed: list[QTranslator] = []


def system_language() -> str:
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def install(app: QApplication, lang: str) -> None:
    """Swap translators; widgets retranslate on the LanguageChange event Qt sends."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    ours = QTranslator(app)
    # English needs a (plural-forms only) catalogue too, for "%n mention(s)" -> "1 mention".
    if ours.load(str(resource("translations", f"corridor_viewer_{lang}.qm"))):
        app.installTranslator(ours)
        _installed.append(ours)
    if lang == "ar":
        qt = QTranslator(app)
        if qt.load("qtbase_ar", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if lang == "ar" else Qt.LayoutDirection.LeftToRight)
