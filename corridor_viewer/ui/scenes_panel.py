"""Scenes dock: the story's scenes; add one from the current view, edit, reorder, delete, present.

The list is the session's: with no project open, every change is saved at once (atomically) to the
user's scenes file; with a project open, changes belong to the project (and mark it unsaved).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from corridor_viewer.model import projection
from corridor_viewer.model.document import Document
from corridor_viewer.model.scenes import Scene, SceneError, apply_to, scene_bounds
from corridor_viewer.model.session import Session
from corridor_viewer.model.timeline import normalise_date
from corridor_viewer.ui.bind import listen

ID_ROLE = Qt.ItemDataRole.UserRole


def view_box(canvas) -> tuple[float, float, float, float]:
    """The canvas's current view as a lon/lat box."""
    x0, y0, x1, y1 = canvas.viewport.world_bounds
    pts = [projection.inverse(x, y) for x in (x0, x1) for y in (y0, y1)]
    return (round(min(p[0] for p in pts), 4), round(min(p[1] for p in pts), 4),
            round(max(p[0] for p in pts), 4), round(max(p[1] for p in pts), 4))


def scene_from_map(doc: Document, canvas, sid: str, title: dict[str, str], caption: dict[str, str]) -> Scene:
    """A scene capturing what the map shows now: view, visible layers, selection, date, reader passage, and
    the map's annotations and label edits (a teacher's marks travel with the scene)."""
    passages = []
    if doc.focus is not None and doc.links is not None:
        art = doc.links.corpus.get(doc.focus[0])
        if art is not None:
            passages.append((art.id, art.passage_index_at(doc.focus[1])))
    shown = canvas.map_state()
    return Scene(sid, title, caption, view_box(canvas), [layer.id for layer in doc.layers if layer.visible],
                 list(doc.selection), passages, doc.date, annotations=tuple(shown.annotations),
                 label_edits=shown.label_overrides)


def scene_edited(old: Scene, title: dict[str, str], caption: dict[str, str], date: str | None) -> Scene:
    """The scene with new texts and date; what it shows stays (its sources and labels too)."""
    return Scene(old.id, title, caption, old.view, old.layers, old.highlight, old.passages, date, old.sources,
                 old.labels, old.annotations, old.label_edits)


class SceneDialog(QDialog):
    """Edit a scene's texts and date; optionally re-capture its view from the map."""

    def __init__(self, scene: Scene, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Scene"))
        self.scene = scene
        self.title_en = QLineEdit(scene.title.get("en", ""))
        self.title_ar = QLineEdit(scene.title.get("ar", ""))
        self.title_ar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.caption_en = QPlainTextEdit(scene.caption.get("en", ""))
        self.caption_ar = QPlainTextEdit(scene.caption.get("ar", ""))
        self.caption_ar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        for box in (self.caption_en, self.caption_ar):
            box.setFixedHeight(90)
        self.date = QLineEdit(scene.date or "")
        self.date.setPlaceholderText(self.tr("YYYY-MM-DD, or empty for today"))
        self.recapture = QCheckBox(self.tr("Use the map's current view, layers, selection, passage, annotations and "
                                           "label edits"))
        form = QFormLayout(self)
        form.addRow(self.tr("Title (English)"), self.title_en)
        form.addRow(self.tr("Title (Arabic)"), self.title_ar)
        form.addRow(self.tr("Caption (English)"), self.caption_en)
        form.addRow(self.tr("Caption (Arabic)"), self.caption_ar)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.recapture)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def edited(self) -> tuple[dict[str, str], dict[str, str], str | None]:
        title = {"en": self.title_en.text().strip(), "ar": self.title_ar.text().strip()}
        caption = {"en": self.caption_en.toPlainText().strip(), "ar": self.caption_ar.toPlainText().strip()}
        date = self.date.text().strip() or None
        if date is not None:
            date = normalise_date(date)  # ValueError is reported by the caller
        return title, caption, date


class ScenesPanel(QWidget):
    present_requested = Signal(int)
    scene_shown = Signal(object)  # the Scene put on the map (its annotations are loaded by ui.map_edits)

    def __init__(self, session: Session, canvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.doc = doc = session.doc
        self.scenes = session.scenes
        self.canvas = canvas
        self.list = QListWidget()
        self.list.itemActivated.connect(lambda it: self.show_scene(self.list.row(it)))
        self.list.itemDoubleClicked.connect(lambda it: self.show_scene(self.list.row(it)))
        self.buttons = {key: QPushButton() for key in ("add", "edit", "up", "down", "delete", "present")}
        self.buttons["add"].clicked.connect(self.add_from_view)
        self.buttons["edit"].clicked.connect(self.edit_current)
        self.buttons["up"].clicked.connect(lambda: self._move(-1))
        self.buttons["down"].clicked.connect(lambda: self._move(+1))
        self.buttons["delete"].clicked.connect(self.delete_current)
        self.buttons["present"].clicked.connect(lambda: self.present_requested.emit(max(0, self.list.currentRow())))
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        for key in ("add", "edit", "delete"):
            row1.addWidget(self.buttons[key])
        for key in ("up", "down", "present"):
            row2.addWidget(self.buttons[key])
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color:#7a4b00")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.list, 1)
        lay.addLayout(row1)
        lay.addLayout(row2)
        lay.addWidget(self.status)
        listen(self, self.scenes.changed, self.refresh)
        listen(self, doc.language_changed, lambda _l: self.retranslate())
        listen(self, session.problem, lambda text: self.status.setText(text))
        self.retranslate()

    def retranslate(self) -> None:
        texts = {"add": self.tr("Add from view"), "edit": self.tr("Edit…"), "up": self.tr("Move up"),
                 "down": self.tr("Move down"), "delete": self.tr("Delete"), "present": self.tr("Present (F5)")}
        for key, text in texts.items():
            self.buttons[key].setText(text)
        self.refresh()

    def refresh(self) -> None:
        row = self.list.currentRow()
        self.list.clear()
        lang = self.doc.language
        for i, s in enumerate(self.scenes):
            date = f"  ·  {s.date}" if s.date else ""
            item = QListWidgetItem(f"{i + 1}. {s.title_for(lang)}{date}")
            item.setData(ID_ROLE, s.id)
            item.setToolTip(s.caption_for(lang))
            self.list.addItem(item)
        self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))

    def current(self) -> Scene | None:
        item = self.list.currentItem()
        return self.scenes.get(item.data(ID_ROLE)) if item else None

    def show_scene(self, row: int) -> None:
        if 0 <= row < len(self.scenes):
            scene = self.scenes[row]
            apply_to(self.doc, scene)
            self.scene_shown.emit(scene)
            from corridor_viewer.ui.motion import system_prefers_reduced_motion

            self.canvas.fly_to(scene_bounds(scene), 0 if system_prefers_reduced_motion() else 900)

    def add_from_view(self) -> Scene:
        sid = self.scenes.new_id("my-scene")
        at = self.list.currentRow() + 1 if self.list.currentRow() >= 0 else len(self.scenes)
        n = at + 1  # named by its place in the list, as the list numbers it
        scene = scene_from_map(self.doc, self.canvas, sid, {"en": f"Scene {n}", "ar": f"المشهد {n}"}, {})
        self.scenes.add(scene, at)
        self.list.setCurrentRow(self.scenes.index(sid))
        return scene

    def edit_current(self) -> None:
        scene = self.current()
        if scene is None:
            return
        dlg = SceneDialog(scene, self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        self.apply_edit(scene, dlg)

    def apply_edit(self, scene: Scene, dlg: SceneDialog) -> None:
        try:
            title, caption, date = dlg.edited()
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Scene"), self.tr("The date is not valid: %1").replace("%1", str(exc)))
            return
        if not any(title.values()):
            QMessageBox.warning(self, self.tr("Scene"), self.tr("A scene needs a title."))
            return
        new = scene_from_map(self.doc, self.canvas, scene.id, title, caption) if dlg.recapture.isChecked() else \
            scene_edited(scene, title, caption, date)
        new.date = date
        try:
            self.scenes.replace(new)
        except SceneError as exc:
            QMessageBox.warning(self, self.tr("Scene"), str(exc))

    def delete_current(self) -> None:
        scene = self.current()
        if scene is not None:
            self.scenes.remove(scene.id)

    def _move(self, delta: int) -> None:
        scene = self.current()
        if scene is not None:
            self.scenes.move(scene.id, delta)
            self.list.setCurrentRow(self.scenes.index(scene.id))
