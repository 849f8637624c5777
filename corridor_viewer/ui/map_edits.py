"""Making the map your own, in the window: the drawing toolbar, the Edit menu (undo, redo, delete), the
Annotations list under the layers, the annotation and label-text dialogs, GeoJSON import and export, and a
scene's annotations put on the map when the scene is shown. Thin: edits go through ui.undo.EditHistory to
the session; files are read and written by the session's storage."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QSplitter, QToolBar

from corridor_viewer.model.annotations import find, replaced
from corridor_viewer.model.label_edits import NO_EDITS
from corridor_viewer.model.session import Session, SessionError
from corridor_viewer.ui.annotation_editor import TOOLS, MapEditor
from corridor_viewer.ui.annotations_panel import AnnotationsPanel
from corridor_viewer.ui.bind import listen
from corridor_viewer.ui.undo import EditHistory

# The dialogs (and the classes QDialog, QFileDialog, QMessageBox) load when first opened, not before the first
# paint: each PySide6 class costs ~0.3-1.3 ms the first time it is used.
if TYPE_CHECKING:
    from corridor_viewer.ui.annotation_dialog import AnnotationDialog


class MapEdits(QObject):
    def __init__(self, window, session: Session) -> None:
        super().__init__(window)
        self.win, self.session = window, session
        self.history = EditHistory(session, self)
        window.canvas.attach_session(session)
        self.editor = MapEditor(window.canvas, session, self.history, self)
        self.panel = AnnotationsPanel(session, self.history, self.editor)
        self.dialog: AnnotationDialog | None = None
        self._texts = ("", "")  # what Undo and Redo would undo and redo now
        self._from_scene: tuple | None = None  # the annotations a shown scene put on the map, as they were
        # The Layers dock: the layers above, the annotations below (the window puts its Layers panel in
        # the splitter's first place when it builds it, after the first paint at start-up).
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.panel)
        window.layers_dock.setWidget(split)
        window.layers_split = split
        self._make_toolbar()
        self._make_menu()
        self.editor.edit_requested.connect(self.open_dialog)
        self.editor.label_text_requested.connect(self.ask_label_text)
        self.editor.tool_changed.connect(self._tool_changed)
        self.panel.edit_requested.connect(self.open_dialog)
        self.panel.import_requested.connect(lambda: self.import_annotations())
        self.panel.export_requested.connect(lambda: self.export_annotations())
        listen(self, session.doc.language_changed, lambda _l: self.retranslate())
        self.retranslate()

    # -- toolbar and menu
    def _make_toolbar(self) -> None:
        self.toolbar = QToolBar(self.win)
        self.toolbar.setObjectName("AnnotationTools")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.tool_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        group.setExclusive(True)
        for tool in TOOLS:
            act = QAction(self.win, checkable=True)
            act.setChecked(tool == "select")
            act.triggered.connect(lambda _c=False, t=tool: self.editor.set_tool(t))
            group.addAction(act)
            self.toolbar.addAction(act)
            self.tool_actions[tool] = act
            if tool == "select":
                self.toolbar.addSeparator()
        self.win.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def _make_menu(self) -> None:
        # The window's Edit menu (it holds "Undo link decision"): ours go first, above it.
        self.menu = self.win.menus.get("edit")
        if self.menu is None:
            self.menu = QMenu(self.win)
            self.win.menuBar().insertMenu(self.win.menus["view"].menuAction(), self.menu)
        before = self.menu.actions()[0] if self.menu.actions() else None
        stack = self.history.stack
        self.undo = QAction(self.win)
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo.triggered.connect(stack.undo)
        self.redo = QAction(self.win)
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo.triggered.connect(stack.redo)
        self.delete = QAction(self.win)
        self.delete.setShortcut(QKeySequence.StandardKey.Delete)
        # Delete acts on the map only: text fields elsewhere keep their own Delete key.
        self.delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.win.canvas.addAction(self.delete)
        self.delete.triggered.connect(lambda: self.editor.delete())
        self.reset_labels = QAction(self.win)
        self.reset_labels.triggered.connect(self.editor.reset_all_labels)
        self.tools_menu = QMenu(self.win)
        for tool in TOOLS:
            self.tools_menu.addAction(self.tool_actions[tool])
        for act in (self.undo, self.redo):
            self.menu.insertAction(before, act)
        self.menu.insertSeparator(before)
        self.menu.insertMenu(before, self.tools_menu)
        self.menu.insertAction(before, self.delete)
        self.menu.insertAction(before, self.reset_labels)
        if before is not None:
            self.menu.insertSeparator(before)
        stack.canUndoChanged.connect(self.undo.setEnabled)
        stack.canRedoChanged.connect(self.redo.setEnabled)
        # The texts come with the signals: the stack may be on its way out when it sends them (at exit).
        stack.undoTextChanged.connect(lambda t: self._undo_texts(undo=t))
        stack.redoTextChanged.connect(lambda t: self._undo_texts(redo=t))
        self.undo.setEnabled(False)
        self.redo.setEnabled(False)

    def retranslate(self) -> None:
        names = {"select": self.tr("Select"), "marker": self.tr("Marker"), "callout": self.tr("Text"),
                 "arrow": self.tr("Arrow"), "line": self.tr("Line"), "distance": self.tr("Distance"),
                 "polygon": self.tr("Area"), "circle": self.tr("Circle"), "rectangle": self.tr("Rectangle")}
        tips = {"select": self.tr("Select, move and reshape annotations; drag a map label to move it"),
                "marker": self.tr("Click to place a marker"), "callout": self.tr("Click to place a text"),
                "arrow": self.tr("Drag to draw an arrow (Shift: straight)"),
                "line": self.tr("Drag to draw a line (Shift: straight)"),
                "distance": self.tr("Drag to measure a distance on the ground"),
                "polygon": self.tr("Click the corners; double-click or Enter to close the area"),
                "circle": self.tr("Drag from the centre to draw a circle"),
                "rectangle": self.tr("Drag from corner to corner to draw a rectangle")}
        for tool, act in self.tool_actions.items():
            act.setText(names[tool])
            act.setToolTip(tips[tool])
        self.toolbar.setWindowTitle(self.tr("Annotation tools"))
        self.menu.setTitle(self.tr("&Edit"))
        self.tools_menu.setTitle(self.tr("&Draw"))
        self.delete.setText(self.tr("&Delete annotation"))
        self.reset_labels.setText(self.tr("Reset all &label edits"))
        self._undo_texts()

    def _undo_texts(self, undo: str | None = None, redo: str | None = None) -> None:
        if undo is not None:
            self._texts = (undo, self._texts[1])
        if redo is not None:
            self._texts = (self._texts[0], redo)
        self.undo.setText(self.tr("&Undo %1").replace("%1", self._texts[0]).strip())
        self.redo.setText(self.tr("&Redo %1").replace("%1", self._texts[1]).strip())

    def _tool_changed(self, tool: str) -> None:
        self.tool_actions[tool].setChecked(True)

    # -- dialogs
    def palette(self) -> tuple[str, ...]:
        from corridor_viewer.io.house_styles import resolve

        return resolve(self.session.export_settings).palette

    def open_dialog(self, aid: str) -> AnnotationDialog | None:
        from PySide6.QtWidgets import QDialog

        from corridor_viewer.ui.annotation_dialog import AnnotationDialog

        a = find(self.session.annotations, aid)
        if a is None:
            return None
        dlg = AnnotationDialog(a, self.palette(), self.win)
        self.dialog = dlg

        def done(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                new = dlg.edited()
                self.editor.color = new.color
                current = find(self.session.annotations, aid)
                if current is not None:
                    self.history.set_annotations(replaced(self.session.annotations, new), self.tr("Edit annotation"))
            self.dialog = None
            dlg.deleteLater()

        dlg.finished.connect(done)
        dlg.open()
        return dlg

    def ask_label_text(self, fid: str) -> None:
        f = self.session.doc.feature(fid)
        if f is None:
            return
        edit = self.session.label_edits.get(fid)
        from PySide6.QtWidgets import QDialog

        from corridor_viewer.model.annotations import Text
        from corridor_viewer.ui.annotation_dialog import LabelTextDialog

        dlg = LabelTextDialog(f.label(self.session.doc.language), edit.text if edit else Text(), self.win)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.editor.set_label_text(fid, dlg.text())

    # -- files
    def import_annotations(self, path: Path | None = None) -> int:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        if path is None:
            name, _ = QFileDialog.getOpenFileName(self.win, self.tr("Import annotations"), "",
                                                  self.tr("GeoJSON") + " (*.geojson *.json)")
            if not name:
                return 0
            path = Path(name)
        try:
            items, warnings = self.session.import_annotations(Path(path))
        except SessionError as exc:
            QMessageBox.warning(self.win, self.tr("Cannot import the annotations"), str(exc))
            return 0
        self.history.set_annotations((*self.session.annotations, *items), self.tr("Import annotations"))
        msg = self.tr("Added %n annotation(s)", "", len(items))
        if warnings:
            msg += " — " + "; ".join(warnings[:3])
        self.win.statusBar().showMessage(msg, 10000)
        return len(items)

    def export_annotations(self, path: Path | None = None) -> bool:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        if path is None:
            name, _ = QFileDialog.getSaveFileName(self.win, self.tr("Export annotations"), "annotations.geojson",
                                                  self.tr("GeoJSON") + " (*.geojson)")
            if not name:
                return False
            path = Path(name)
        try:
            self.session.export_annotations(Path(path))
        except SessionError as exc:
            QMessageBox.warning(self.win, self.tr("Cannot export the annotations"), str(exc))
            return False
        self.win.statusBar().showMessage(self.tr("Saved %1").replace("%1", Path(path).name), 5000)
        return True

    # -- scenes
    def scene_shown(self, scene) -> None:
        """A scene put on the map brings its annotations and label edits (one undo step); a scene without
        any clears those another scene brought, never the user's own."""
        current = (self.session.annotations, dict(self.session.label_edits))
        if scene.annotations or scene.label_edits:
            self.history.load(scene.annotations, scene.label_edits, self.tr("Show the scene's annotations"))
            self._from_scene = (self.session.annotations, dict(self.session.label_edits))
        elif self._from_scene is not None and current == self._from_scene:
            self.history.load((), NO_EDITS, self.tr("Show the scene's annotations"))
            self._from_scene = None
