"""The crash report dialog: what happened, where the report was saved, the report to copy."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class CrashDialog(QDialog):
    """The report, read-only and selectable, with Copy / Open folder / Close."""

    def __init__(self, report: str, path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CrashDialog")
        self.path = path
        self.repeats = 0
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QPlainTextEdit(report)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a traceback reads left to right
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton()
        self.folder_button = QPushButton()
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button.setVisible(path is not None)
        self.copy_button.clicked.connect(self.copy_report)
        self.folder_button.clicked.connect(self.open_folder)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.message)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.buttons)
        self.resize(760, 460)
        self.retranslate()

    def report(self) -> str:
        return self.text.toPlainText()

    def add_report(self, report: str, path: Path | None, repeated: bool) -> None:
        """Another error while the dialog is open: append it (or count a repeat) instead of stacking dialogs."""
        if repeated:
            self.repeats += 1
        else:
            self.text.appendPlainText("\n" + "-" * 72 + "\n" + report)
            if path is not None:
                self.path = path
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Unexpected error"))
        msg = self.tr("Corridor Viewer ran into an unexpected problem. It is still running, but what you were "
                      "doing may not have finished. Please send the report below to the maintainers.")
        if self.path is not None:
            # Isolated left-to-right, so an Arabic sentence does not move the path's slashes around.
            msg += "\n" + self.tr("The report was saved to: %1").replace("%1", f"\u2066{self.path}\u2069")
        if self.repeats:
            msg += "\n" + self.tr("The same error happened again %n time(s).", "", self.repeats)
        self.message.setText(msg)
        self.copy_button.setText(self.tr("&Copy report"))
        self.folder_button.setText(self.tr("&Open folder"))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report())
        self.copy_button.setText(self.tr("Copied"))

    def open_folder(self) -> None:
        if self.path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))
