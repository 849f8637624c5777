"""The Annotations list under the layers: visibility, order, rename, edit, delete, GeoJSON import/export,
and the count of label edits with a reset. Every change goes through the undo history."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from corridor_viewer.model.annotations import Annotation, find, moved, replaced, without
from corridor_viewer.ui.bind import listen


def swatch(color: str, size: int = 18) -> QIcon:
    """A square of ``color``: the list's and the dialog's colour chips (here, so the list loads no dialog)."""
    pm = QPixmap(size, size)
    pm.fill(QColor(color))
    return QIcon(pm)

ID_ROLE = Qt.ItemDataRole.UserRole


class AnnotationsPanel(QWidget):
    edit_requested = Signal(str)
    import_requested = Signal()
    export_requested = Signal()

    def __init__(self, session, history, editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AnnotationsPanel")
        self.session, self.history, self.editor = session, history, editor
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight:bold")
        self.list = QListWidget()
        self.list.setEditTriggers(QListWidget.EditTrigger.EditKeyPressed | QListWidget.EditTrigger.SelectedClicked)
        self.buttons = {key: QPushButton() for key in ("edit", "up", "down", "delete", "import", "export")}
        self.buttons["edit"].clicked.connect(self._edit)
        self.buttons["up"].clicked.connect(lambda: self._move(+1))
        self.buttons["down"].clicked.connect(lambda: self._move(-1))
        self.buttons["delete"].clicked.connect(lambda: self.editor.delete(self.current()))
        self.buttons["import"].clicked.connect(self.import_requested)
        self.buttons["export"].clicked.connect(self.export_requested)
        self.labels = QLabel()
        self.reset_labels = QPushButton()
        self.reset_labels.clicked.connect(self.editor.reset_all_labels)
        row1, row2, row3 = QHBoxLayout(), QHBoxLayout(), QHBoxLayout()
        for key in ("edit", "up", "down", "delete"):
            row1.addWidget(self.buttons[key])
        for key in ("import", "export"):
            row2.addWidget(self.buttons[key])
        row3.addWidget(self.labels, 1)
        row3.addWidget(self.reset_labels)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.heading)
        lay.addWidget(self.list, 1)
        lay.addLayout(row1)
        lay.addLayout(row2)
        lay.addLayout(row3)
        self.list.itemChanged.connect(self._on_item_changed)
        self.list.currentItemChanged.connect(self._on_current)
        self.list.itemDoubleClicked.connect(lambda it: self.edit_requested.emit(it.data(ID_ROLE)))
        listen(self, session.annotations_changed, lambda _a: self.refresh())
        listen(self, session.label_edits_changed, lambda _e: self._show_label_edits())
        listen(self, session.doc.language_changed, lambda _l: self.retranslate())
        editor.selection_changed.connect(self._select)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Annotations"))
        texts = {"edit": self.tr("Edit…"), "up": self.tr("Forward"), "down": self.tr("Back"),
                 "delete": self.tr("Delete"), "import": self.tr("Import GeoJSON…"),
                 "export": self.tr("Export GeoJSON…")}
        for key, text in texts.items():
            self.buttons[key].setText(text)
        self.buttons["up"].setToolTip(self.tr("Draw it above the next one"))
        self.buttons["down"].setToolTip(self.tr("Draw it below the previous one"))
        self.reset_labels.setText(self.tr("Reset"))
        self.reset_labels.setToolTip(self.tr("Every label back to automatic"))
        self.refresh()

    def _kind(self, a: Annotation) -> str:
        return {"marker": self.tr("Marker"), "callout": self.tr("Text"), "line": self.tr("Arrow")
                if a.heads != "none" else self.tr("Line"), "distance": self.tr("Distance"),
                "area": self.tr("Area")}.get(a.kind, a.kind)

    def refresh(self) -> None:
        lang = self.session.doc.language
        current = self.current()
        self.list.blockSignals(True)
        self.list.clear()
        for a in reversed(self.session.annotations):  # top of the list = drawn on top, as in the layers
            item = QListWidgetItem(a.title(lang) or self._kind(a))
            item.setData(ID_ROLE, a.id)
            item.setIcon(swatch(a.color, 12))
            item.setToolTip(self._kind(a))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
            item.setCheckState(Qt.CheckState.Checked if a.visible else Qt.CheckState.Unchecked)
            self.list.addItem(item)
            if a.id == current or a.id == self.editor.selected:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        has = bool(self.session.annotations)
        for key in ("edit", "up", "down", "delete", "export"):
            self.buttons[key].setEnabled(has)
        self._show_label_edits()

    def _show_label_edits(self) -> None:
        n = len(self.session.label_edits)
        self.labels.setText(self.tr("%n label edit(s)", "", n))
        self.reset_labels.setEnabled(n > 0)

    def current(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def _select(self, aid) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(ID_ROLE) == aid:
                self.list.blockSignals(True)
                self.list.setCurrentRow(i)
                self.list.blockSignals(False)
                return

    def _on_current(self, item, _prev) -> None:
        if item is not None:
            self.editor.select(item.data(ID_ROLE))

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        a = find(self.session.annotations, item.data(ID_ROLE))
        if a is None:
            return
        visible = item.checkState() == Qt.CheckState.Checked
        if visible != a.visible:
            self.history.set_annotations(replaced(self.session.annotations, replace(a, visible=visible)),
                                         self.tr("Show annotation") if visible else self.tr("Hide annotation"))
            return
        name = item.text().strip()
        if name != a.title(self.session.doc.language) and len(name) <= 200:
            self.history.set_annotations(replaced(self.session.annotations, replace(a, name=name)),
                                         self.tr("Rename annotation"))

    def _move(self, delta: int) -> None:
        aid = self.current()
        if aid is not None:
            self.history.set_annotations(moved(self.session.annotations, aid, delta),
                                         self.tr("Change the drawing order"))

    def _edit(self) -> None:
        aid = self.current()
        if aid is not None:
            self.edit_requested.emit(aid)

    def delete_current(self) -> None:
        aid = self.current()
        if aid is not None:
            self.history.set_annotations(without(self.session.annotations, [aid]), self.tr("Delete annotation"))
