"""Scenes dock: the story's scenes, each with a preview; add one from the current view, edit (texts, date,
several highlighted features, several passages), reorder, delete, present.

The list is the session's: with no project open, every change is saved at once (atomically) to the
user's scenes file; with a project open, changes belong to the project (and mark it unsaved).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from corridor_viewer.model.scenes import Scene, SceneError, apply_to, scene_bounds, scene_state
from corridor_viewer.model.session import Session
from corridor_viewer.model.timeline import normalise_date
from corridor_viewer.model.viewport import Viewport
from corridor_viewer.ui.bind import listen, listen_all

ID_ROLE = Qt.ItemDataRole.UserRole
THUMB = QSize(128, 72)  # a 16:9 preview, the shape of a projector


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


def scene_edited(old: Scene, title: dict[str, str], caption: dict[str, str], date: str | None,
                 highlight: list[str] | None = None, passages: list[tuple[str, int]] | None = None) -> Scene:
    """The scene with new texts, date, highlights and passages; its view and layers stay (sources, labels,
    annotations and label edits too). A feature cannot be both highlighted and merely labelled: highlighting
    it takes it off ``labels``."""
    highlight = list(old.highlight if highlight is None else highlight)
    return Scene(old.id, title, caption, old.view, old.layers, highlight,
                 list(old.passages if passages is None else passages), date, old.sources,
                 [fid for fid in old.labels if fid not in highlight], old.annotations, old.label_edits)


def render_thumbnail(state, size: QSize = THUMB, dpr: float = 1.0) -> QImage:
    """A scene's preview: its map (layers, date, highlights, extent) drawn small, without labels (unreadable
    at this size). About 10-25 ms, so the panel draws one per event-loop turn."""
    from corridor_viewer.render.paint import PaintOptions, paint

    w, h = size.width(), size.height()
    vp = Viewport(width=w, height=h).fitted(state.extent, margin=0.02)
    img = QImage(round(w * dpr), round(h * dpr), QImage.Format.Format_ARGB32_Premultiplied)
    img.setDevicePixelRatio(dpr)
    img.fill(0)
    p = QPainter(img)
    try:
        paint(state.with_viewport(vp), p, PaintOptions(labels=False, decorations=False, ui_scale=0.6))
    finally:
        p.end()
    return img


def thumbnail_key(state, scene: Scene) -> tuple:
    """What a preview's pixels depend on: the drawn layers' look, the date, the highlights and the view."""
    return (state.look_key(), tuple(scene.highlight), tuple(scene.view), repr(scene.annotations),
            repr(sorted(scene.label_edits.items())))


class SceneDialog(QDialog):
    """Edit a scene's texts, date, highlighted features and pinned passages; optionally re-capture its view
    from the map."""

    def __init__(self, scene: Scene, parent: QWidget | None = None, doc: Document | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Scene"))
        self.scene = scene
        self.doc = doc
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
        self.recapture = QCheckBox(self.tr("Use the map's current view, layers, annotations and label edits"))
        # Several highlighted features and several passages: lists the map and the reader add to.
        self.highlight_list = QListWidget()
        self.passage_list = QListWidget()
        for lst in (self.highlight_list, self.passage_list):
            lst.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            lst.setMaximumHeight(120)
            lst.setWordWrap(True)
            lst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for fid in scene.highlight:
            self._add_highlight(fid)
        for aid, idx in scene.passages:
            self._add_passage(aid, idx)
        self.add_selection = QPushButton(self.tr("Add the map's selection"))
        self.add_selection.clicked.connect(self.add_map_selection)
        self.remove_highlight = QPushButton(self.tr("Remove"))
        self.remove_highlight.clicked.connect(lambda: self._remove_selected(self.highlight_list))
        self.add_reader = QPushButton(self.tr("Add the reader's passage"))
        self.add_reader.clicked.connect(self.add_reader_passage)
        self.remove_passage = QPushButton(self.tr("Remove"))
        self.remove_passage.clicked.connect(lambda: self._remove_selected(self.passage_list))
        self.add_selection.setEnabled(doc is not None)
        self.add_reader.setEnabled(doc is not None)
        form = QFormLayout(self)
        form.addRow(self.tr("Title (English)"), self.title_en)
        form.addRow(self.tr("Title (Arabic)"), self.title_ar)
        form.addRow(self.tr("Caption (English)"), self.caption_en)
        form.addRow(self.tr("Caption (Arabic)"), self.caption_ar)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Highlighted features"), _with_buttons(self.highlight_list, self.add_selection,
                                                                 self.remove_highlight))
        form.addRow(self.tr("Passages"), _with_buttons(self.passage_list, self.add_reader, self.remove_passage))
        form.addRow(self.recapture)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    # -- the lists
    def _lang(self) -> str:
        return self.doc.language if self.doc is not None else "en"

    def _add_highlight(self, fid: str) -> None:
        if fid in self.highlights():
            return
        f = self.doc.feature(fid) if self.doc is not None else None
        item = QListWidgetItem(f.name(self._lang()) if f is not None else fid)
        item.setData(ID_ROLE, fid)
        item.setToolTip(fid)
        self.highlight_list.addItem(item)

    def _add_passage(self, aid: str, idx: int) -> None:
        if (aid, idx) in self.passages():
            return
        links = self.doc.links if self.doc is not None else None
        art = links.corpus.get(aid) if links is not None else None
        if art is not None and 0 <= idx < len(art.passages):
            title = art.title if self._lang() == "ar" else (art.title_en or art.title)
            excerpt = " ".join(art.passages[idx].text.split())
            text = f"«{_cut(excerpt, 80)}» — {_cut(title, 48)}"
        else:
            text = f"{aid} #{idx}"
        item = QListWidgetItem(text)
        item.setData(ID_ROLE, [aid, idx])
        item.setToolTip(text)
        self.passage_list.addItem(item)

    def _remove_selected(self, lst: QListWidget) -> None:
        for item in lst.selectedItems():
            lst.takeItem(lst.row(item))

    def add_map_selection(self) -> None:
        for fid in self.doc.selection if self.doc is not None else []:
            self._add_highlight(fid)

    def add_reader_passage(self) -> None:
        doc = self.doc
        if doc is None or doc.focus is None or doc.links is None:
            return
        art = doc.links.corpus.get(doc.focus[0])
        if art is not None:
            self._add_passage(art.id, art.passage_index_at(doc.focus[1]))

    def highlights(self) -> list[str]:
        return [self.highlight_list.item(i).data(ID_ROLE) for i in range(self.highlight_list.count())]

    def passages(self) -> list[tuple[str, int]]:
        out = []
        for i in range(self.passage_list.count()):
            aid, idx = self.passage_list.item(i).data(ID_ROLE)
            out.append((str(aid), int(idx)))
        return out

    def edited(self) -> tuple[dict[str, str], dict[str, str], str | None]:
        title = {"en": self.title_en.text().strip(), "ar": self.title_ar.text().strip()}
        caption = {"en": self.caption_en.toPlainText().strip(), "ar": self.caption_ar.toPlainText().strip()}
        date = self.date.text().strip() or None
        if date is not None:
            date = normalise_date(date)  # ValueError is reported by the caller
        return title, caption, date


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n].rstrip() + "…"


def _with_buttons(lst: QListWidget, *buttons: QPushButton) -> QWidget:
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(lst)
    row = QHBoxLayout()
    for b in buttons:
        row.addWidget(b)
    row.addStretch(1)
    lay.addLayout(row)
    return box


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
        self.list.setIconSize(THUMB)
        self.list.setSpacing(2)
        self.list.setWordWrap(True)  # a scene's title beside its preview, on two lines rather than cut
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.thumbnails: dict[tuple, QPixmap] = {}  # thumbnail_key -> preview (a story's worth is ~0.5 MB)
        self.rendered = 0  # previews drawn so far (tests check the cache)
        self._thumb_queue: list[str] = []
        self._thumb_timer = QTimer(self)
        self._thumb_timer.setInterval(0)
        self._thumb_timer.timeout.connect(self._render_next_thumbnail)
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
        listen_all(self, [doc.style_changed, doc.visibility_changed, doc.opacity_changed, doc.layer_added,
                          doc.layer_removed], lambda *_: self._queue_thumbnails())
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
        self._queue_thumbnails()

    # -- previews: drawn from each scene's own MapState, cached, one per event-loop turn
    def _scene_state(self, scene: Scene):
        base = self.doc.map_state(Viewport(width=THUMB.width(), height=THUMB.height()))
        return scene_state(base, scene)

    def _queue_thumbnails(self) -> None:
        self._thumb_queue = [s.id for s in self.scenes]
        self._thumb_timer.start()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.on_screen(True)

    def on_screen(self, shown: bool) -> None:
        """The panel came on screen (shown, or its dock's tab brought to the front): draw what waits."""
        if shown and self._thumb_queue:
            self._thumb_timer.start()

    def _render_next_thumbnail(self) -> None:
        if not self.isVisible() or self.visibleRegion().isEmpty():
            # Behind its tab the panel draws nothing (14 previews are ~0.5 s of the UI thread at start-up);
            # the queue waits for showEvent.
            self._thumb_timer.stop()
            return
        while self._thumb_queue:
            scene = self.scenes.get(self._thumb_queue.pop(0))
            if scene is None:
                continue
            state = self._scene_state(scene)
            key = thumbnail_key(state, scene)
            pix = self.thumbnails.get(key)
            drew = pix is None
            if drew:
                try:
                    img = render_thumbnail(state, THUMB, self.devicePixelRatioF())
                except Exception as exc:  # a preview must never break the panel; the scene still works
                    import sys

                    sys.excepthook(type(exc), exc, exc.__traceback__)
                    continue
                pix = QPixmap.fromImage(img)
                if len(self.thumbnails) > 4 * max(16, len(self.scenes)):  # restyled many times: start afresh
                    self.thumbnails.clear()
                self.thumbnails[key] = pix
                self.rendered += 1
            self._set_icon(scene.id, pix)
            if drew:
                return  # one drawing per turn: the UI stays responsive while the previews fill in
        self._thumb_timer.stop()

    def _set_icon(self, sid: str, pix: QPixmap) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(ID_ROLE) == sid:
                item.setIcon(QIcon(pix))

    def thumbnails_done(self) -> bool:
        return not self._thumb_queue

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
        dlg = SceneDialog(scene, self, self.doc)
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
        new = scene_edited(scene, title, caption, date, dlg.highlights(), dlg.passages())
        if dlg.recapture.isChecked():
            captured = scene_from_map(self.doc, self.canvas, scene.id, title, caption)
            new.view, new.layers = captured.view, captured.layers
            new.annotations, new.label_edits = captured.annotations, captured.label_edits
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
