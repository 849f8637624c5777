"""The main window: assembles the canvas and docks, menus from one action table. No business logic.

What the user works on is the session's (model.session); the window shows it and hands menu actions
to it. Linking runs on a worker (ui.linking) after the first paint.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QWidget

from corridor_viewer import APP_NAME, __version__
from corridor_viewer.model.document import Document
from corridor_viewer.model.session import Session
from corridor_viewer.ui import i18n
from corridor_viewer.ui.bind import listen
from corridor_viewer.ui.canvas import MapCanvas
from corridor_viewer.ui.feature_panel import FeaturePanel
from corridor_viewer.ui.linking import LinkRunner
from corridor_viewer.ui.map_edits import MapEdits
from corridor_viewer.ui.settings import get_bool, get_float, load_export_settings, save_export_settings
from corridor_viewer.ui.timeline import TimelinePanel

if TYPE_CHECKING:  # imported when first built, after the first paint: each costs ~10 ms of start-up
    from corridor_viewer.ui.article_reader import ArticleReader
    from corridor_viewer.ui.file_menu import FileMenu
    from corridor_viewer.ui.layers_panel import LayersPanel
    from corridor_viewer.ui.lessons import LessonActions
    from corridor_viewer.ui.scenes_panel import ScenesPanel
    from corridor_viewer.ui.search_panel import SearchPanel


def make_session(doc: Document) -> Session:
    from corridor_viewer.io.storage import FileStorage

    return Session(doc, FileStorage())


class MainWindow(QMainWindow):
    def __init__(self, session: Session | Document, settings=None, *, defer: bool = False) -> None:
        """``session``: the work to show (a bare Document gets a session on the user's folders).
        ``defer``: build the Layers panel and the File menu's project, import and lesson actions after the
        first paint (``finish_setup``), as the app's start does: they cost ~70 ms the map need not wait for."""
        super().__init__()
        self.session = session if isinstance(session, Session) else make_session(session)
        self.doc = doc = self.session.doc
        self.settings = settings
        self.setObjectName("MainWindow")
        self.canvas = MapCanvas(doc, self)
        self.setCentralWidget(self.canvas)
        self._lazy: dict[str, QWidget] = {}
        self._deferred: dict[str, object] = {}
        self.ended = False  # set when the app's event loop has returned
        self.feature_panel = FeaturePanel(doc, self, session=self.session)
        self.layers_dock = self._dock("LayersDock", QWidget(), Qt.DockWidgetArea.LeftDockWidgetArea)
        self.feature_dock = self._dock("FeatureDock", self.feature_panel, Qt.DockWidgetArea.RightDockWidgetArea)
        # The panels behind tabs are built after the first paint (finish_setup) or when first asked for:
        # their widget classes cost tens of milliseconds on first use, which the map should not wait for.
        self.reader_dock = self._dock("ReaderDock", QWidget(), Qt.DockWidgetArea.RightDockWidgetArea)
        self.search_dock = self._dock("SearchDock", QWidget(), Qt.DockWidgetArea.LeftDockWidgetArea)
        self.scenes_dock = self._dock("ScenesDock", QWidget(), Qt.DockWidgetArea.LeftDockWidgetArea)
        self.timeline = TimelinePanel(doc, self)
        self.timeline_dock = self._dock("TimelineDock", self.timeline, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.presentation = None
        self.tabifyDockWidget(self.feature_dock, self.reader_dock)
        self.tabifyDockWidget(self.layers_dock, self.search_dock)
        self.tabifyDockWidget(self.layers_dock, self.scenes_dock)
        self.feature_dock.raise_()
        self.layers_dock.raise_()
        self.coord_label = QLabel()
        self.scale_label = QLabel()
        self.statusBar().addPermanentWidget(self.scale_label)
        self.statusBar().addPermanentWidget(self.coord_label)
        self._make_actions()
        self.layers_split = None  # set by MapEdits: the Layers dock's splitter (layers above, annotations below)
        self.edits = MapEdits(self, self.session)  # annotations, label edits, undo/redo
        self.linker = LinkRunner(self.session, self)
        self.linker.failed.connect(lambda msg: self.statusBar().showMessage(
            self.tr("Could not link the articles: %1").replace("%1", msg), 10000))
        self.canvas.cursor_moved.connect(self._show_cursor)
        self.canvas.view_changed.connect(self._show_scale)
        listen(self, doc.language_changed, lambda _l: self.retranslate())
        listen(self, doc.focus_changed, self._show_reader)
        listen(self, self.session.export_settings_changed, self._remember_export_settings)
        listen(self, self.session.decisions_changed, self._show_undo_link)
        self.resize(1280, 800)
        self.resizeDocks([self.layers_dock, self.feature_dock], [300, 340], Qt.Orientation.Horizontal)
        self.retranslate()
        if not defer:
            self.build_deferred()

    def build_deferred(self) -> None:
        """What the first paint need not wait for: the Layers panel, the File menu's actions, the lessons."""
        for key in ("layers_panel", "files", "lessons"):
            getattr(self, key)

    def _once(self, key: str, make):
        obj = self._deferred.get(key)
        if obj is None:
            obj = self._deferred[key] = make()
        return obj

    @property
    def files(self) -> FileMenu:
        """Projects, imports, autosave/recovery, drag & drop."""
        from corridor_viewer.ui.file_menu import FileMenu

        return self._once("files", lambda: FileMenu(self, self.session))

    @property
    def lessons(self) -> LessonActions:
        """The story web page, worksheet, lessons to share, the quiz."""
        from corridor_viewer.ui.lessons import LessonActions

        return self._once("lessons", lambda: LessonActions(self, self.session))

    @property
    def layers_panel(self) -> LayersPanel:
        from corridor_viewer.ui.layers_panel import LayersPanel

        panel = self._lazy.get("layers")
        if panel is None:
            panel = self._lazy["layers"] = LayersPanel(self.doc, self)
            panel.zoom_requested.connect(self.canvas.zoom_to_feature)
            if self.layers_split is None:
                self.layers_dock.setWidget(panel)
            else:
                self.layers_split.insertWidget(0, panel)
                self.layers_split.setStretchFactor(0, 3)
                self.layers_split.setStretchFactor(1, 1)
        return panel

    def _panel(self, key: str, make, dock: QDockWidget):
        widget = self._lazy.get(key)
        if widget is None:
            widget = self._lazy[key] = make()
            dock.setWidget(widget)
        return widget

    @property
    def reader(self) -> ArticleReader:
        from corridor_viewer.ui.article_reader import ArticleReader

        return self._panel("reader", lambda: ArticleReader(self.doc, self, session=self.session), self.reader_dock)

    @property
    def search_panel(self) -> SearchPanel:
        from corridor_viewer.ui.search_panel import SearchPanel

        return self._panel("search", lambda: SearchPanel(self.session, self), self.search_dock)

    @property
    def scenes_panel(self) -> ScenesPanel:
        from corridor_viewer.ui.scenes_panel import ScenesPanel

        def make() -> ScenesPanel:
            panel = ScenesPanel(self.session, self.canvas, self)
            panel.present_requested.connect(self.present)
            self.scenes_dock.visibilityChanged.connect(panel.on_screen)  # its tab brought to the front
            panel.scene_shown.connect(self.edits.scene_shown)
            return panel

        return self._panel("scenes", make, self.scenes_dock)

    def finish_setup(self) -> None:
        """After the first paint: what was deferred, then the panels behind tabs."""
        if self.ended:
            return
        self.build_deferred()
        for key in ("reader", "search_panel", "scenes_panel"):
            getattr(self, key)

    def _dock(self, name: str, widget, area) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _make_actions(self) -> None:
        c = self.canvas
        table = [
            # key, menu, shortcut, slot
            ("export", "file", QKeySequence("Ctrl+E"), self.open_export),
            ("copy_map", "file", QKeySequence("Ctrl+Shift+C"), self.copy_map),
            ("handout", "file", None, self.export_handout),
            ("quit", "file", QKeySequence.StandardKey.Quit, self.close),
            # No shortcut: Ctrl+Z will belong to the undo stack of the annotations; this undoes link decisions.
            ("undo_link", "edit", None, self._undo_link_decision),
            ("fit", "view", QKeySequence(Qt.Key.Key_Home), c.fit_all),
            ("zoom_in", "view", QKeySequence.StandardKey.ZoomIn, lambda: c.zoom(1.5)),
            ("zoom_out", "view", QKeySequence.StandardKey.ZoomOut, lambda: c.zoom(1 / 1.5)),
            ("zoom_sel", "view", QKeySequence("Ctrl+J"), self._zoom_selection),
            ("clear_sel", "view", QKeySequence(Qt.Key.Key_Escape), lambda: self.doc.select(None)),
            ("search", "view", QKeySequence.StandardKey.Find, self.open_search),
            ("mentioned", "view", QKeySequence("Ctrl+M"), self._toggle_mentioned),
            ("badges", "view", None, self._toggle_badges),
            ("present", "view", QKeySequence(Qt.Key.Key_F5), lambda: self.present(None)),
            ("about", "help", None, self._about),
        ]
        self.actions_by_key: dict[str, QAction] = {}
        self.menus = {key: self.menuBar().addMenu("") for key in ("file", "edit", "view", "help")}
        for key, menu, shortcut, slot in table:
            act = QAction(self)
            if shortcut is not None:
                act.setShortcut(shortcut)
            act.triggered.connect(slot)
            self.menus[menu].addAction(act)
            self.actions_by_key[key] = act
            if menu == "view" and key in ("clear_sel", "badges"):
                self.menus["view"].addSeparator()
            if key in ("zoom_in", "zoom_out"):
                # Map zoom keys act on the map only, so Ctrl +/- can size the article text in the reader.
                act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                c.addAction(act)
        self.actions_by_key["mentioned"].setCheckable(True)
        self.actions_by_key["badges"].setCheckable(True)
        self.menus["view"].addAction(self.layers_dock.toggleViewAction())
        self.menus["view"].addAction(self.feature_dock.toggleViewAction())
        self.menus["view"].addAction(self.reader_dock.toggleViewAction())
        self.menus["view"].addAction(self.search_dock.toggleViewAction())
        self.menus["view"].addAction(self.scenes_dock.toggleViewAction())
        self.menus["view"].addAction(self.timeline_dock.toggleViewAction())
        self.lang_menu = self.menuBar().addMenu("")
        self.menuBar().insertMenu(self.menus["help"].menuAction(), self.lang_menu)
        group = QActionGroup(self)
        self.lang_actions = {}
        for lang, label in (("en", "English"), ("ar", "العربية")):
            act = QAction(label, self, checkable=True)
            act.setChecked(self.doc.language == lang)
            act.triggered.connect(lambda _checked=False, lg=lang: self.set_language(lg))
            group.addAction(act)
            self.lang_menu.addAction(act)
            self.lang_actions[lang] = act

    def retranslate(self) -> None:
        self.setWindowTitle(f"{APP_NAME} — " + self.tr("South Caucasus corridors"))
        self.menus["file"].setTitle(self.tr("&File"))
        self.menus["edit"].setTitle(self.tr("&Edit"))
        self.menus["view"].setTitle(self.tr("&View"))
        self.menus["help"].setTitle(self.tr("&Help"))
        self.lang_menu.setTitle(self.tr("&Language"))
        texts = {
            "export": self.tr("&Export map…"), "copy_map": self.tr("&Copy map image"),
            "quit": self.tr("&Quit"), "fit": self.tr("&Fit all"),
            "zoom_in": self.tr("Zoom &in"), "zoom_out": self.tr("Zoom &out"),
            "zoom_sel": self.tr("Zoom to &selection"), "clear_sel": self.tr("&Clear selection"),
            "search": self.tr("&Search…"), "mentioned": self.tr("&Mentioned in the articles only"),
            "badges": self.tr("Mention &counts on the map"),
            "present": self.tr("&Present the scenes"), "handout": self.tr("Export &handout (PDF)…"),
            "about": self.tr("&About Corridor Viewer"),
            "undo_link": self.tr("&Undo link decision"),
        }
        for key, text in texts.items():
            self.actions_by_key[key].setText(text)
        self.layers_dock.setWindowTitle(self.tr("Layers"))
        self.feature_dock.setWindowTitle(self.tr("Feature"))
        self.reader_dock.setWindowTitle(self.tr("Article"))
        self.search_dock.setWindowTitle(self.tr("Search"))
        self.scenes_dock.setWindowTitle(self.tr("Scenes"))
        self.timeline_dock.setWindowTitle(self.tr("Timeline"))
        for lang, act in self.lang_actions.items():
            act.setChecked(self.doc.language == lang)
        self._show_scale()
        self._show_undo_link()

    def _show_undo_link(self) -> None:
        history = self.session.decision_history
        act = self.actions_by_key["undo_link"]
        act.setEnabled(bool(history))
        if history:
            words = {"confirm": self.tr("confirm"), "reject": self.tr("not this place"), "assign": self.tr("this is …"),
                     "mark": self.tr("this is …"), "undo": self.tr("undo my decision")}
            surface = (history[-1].added or history[-1].removed[0]).surface if (
                history[-1].added or history[-1].removed) else ""
            act.setText(self.tr("&Undo link decision: %1").replace(
                "%1", f"{words.get(history[-1].label, history[-1].label)} «\u2068{surface}\u2069»"))
        else:
            act.setText(self.tr("&Undo link decision"))

    def _undo_link_decision(self) -> None:
        if self.session.undo_decision() is not None:
            self.statusBar().showMessage(self.tr("Link decision undone"), 4000)

    def set_language(self, lang: str) -> None:
        app = QApplication.instance()
        i18n.install(app, lang)
        self.doc.set_language(lang)
        if self.settings is not None:
            self.settings.setValue("ui/language", lang)

    def link_articles(self) -> None:
        """Link the articles to the map in the background (after the first paint: never delays start-up)."""
        self.linker.request()

    def load_scenes(self) -> None:
        """The story plus the user's own scenes (after the first paint, like the articles)."""
        if self.session.path is None and not len(self.session.scenes):
            self.session.load_user_scenes()

    def present(self, start: int | None = None) -> None:
        """F5: full-screen presentation of the scenes, from the selected one."""
        from corridor_viewer.ui.presentation import PresentationWindow

        if not len(self.session.scenes):
            self.load_scenes()
        if not len(self.session.scenes):
            return
        if self.presentation is not None:
            self.presentation.close()
        if start is None:
            start = max(0, self.scenes_panel.list.currentRow())
        self.presentation = PresentationWindow(self.doc, self.session.scenes, start)
        self.presentation.closed.connect(self._presentation_closed)
        self.presentation.start()

    def _presentation_closed(self) -> None:
        self.presentation = None
        self.activateWindow()

    def export_handout(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from corridor_viewer.export.handout import export_handout
        from corridor_viewer.model.export_settings import ExportError, ExportSettings

        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export handout"), "handout.pdf", "PDF (*.pdf)")
        if not path:
            return
        mine = self.session.export_settings  # the house style chosen for exports
        base = ExportSettings(preset="a4-portrait", format="pdf", language=self.doc.language, style=mine.style,
                              house=dict(mine.house), logo_corner=mine.logo_corner)
        scenes = list(self.session.scenes)
        try:
            export_handout(self.doc.map_state(), scenes, Path(path), base, links=self.doc.links)
        except (ExportError, OSError) as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, self.tr("Export failed"), str(exc))
            return
        # Said here rather than with export_handout's English summary: one page per scene, in the UI language.
        pages = self.tr("PDF handout, %n page(s)", "", len(scenes))
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", f"{Path(path).name}: {pages}"), 8000)

    def open_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.focus_box()

    def _toggle_badges(self) -> None:
        self.canvas.badges = self.actions_by_key["badges"].isChecked()
        self.canvas.update()

    def _toggle_mentioned(self) -> None:
        self.doc.set_mentioned_only(self.actions_by_key["mentioned"].isChecked())

    def _show_reader(self, focus) -> None:
        if focus:
            self.reader_dock.show()
            self.reader_dock.raise_()

    def current_quote(self, lang: str | None = None):
        """The passage the reader shows, with its citation, for an export's quote box (None if none)."""
        from corridor_viewer.io import editorial
        from corridor_viewer.model.quotes import quote_for

        links, focus = self.doc.links, self.doc.focus
        if links is None or focus is None:
            return None
        art = links.corpus.get(focus[0])
        if art is None:
            return None
        p = art.passages[art.passage_index_at(focus[1])]
        return quote_for(art, p, lang or self.doc.language, translations=editorial.translations(),
                         editorial=editorial.editorial(), digits=self.session.export_settings.digits)

    def open_export(self) -> None:
        from corridor_viewer.ui.export_dialog import ExportDialog

        dlg = ExportDialog(self.session, self.canvas.map_state, self.current_quote, self, history=self.edits.history)
        dlg.resize(1180, 720)
        dlg.exec()

    def copy_map(self) -> None:
        from corridor_viewer.ui.export_dialog import copy_to_clipboard

        s = self.session.export_settings
        img = copy_to_clipboard(self.canvas.map_state(), s, self.current_quote(s.language))
        self.statusBar().showMessage(self.tr("Copied a %1 × %2 map image to the clipboard")
                                     .replace("%1", str(img.width())).replace("%2", str(img.height())), 5000)

    def _zoom_selection(self) -> None:
        if self.doc.selection:
            self.canvas.zoom_to_feature(self.doc.selection[0])

    def _show_cursor(self, lon: float, lat: float) -> None:
        ns = "N" if lat >= 0 else "S"
        ew = "E" if lon >= 0 else "W"
        self.coord_label.setText(f"\u2066{abs(lat):.4f}°{ns}  {abs(lon):.4f}°{ew}\u2069")

    def _show_scale(self) -> None:
        m = self.canvas.viewport.ground_m_per_px()
        self.scale_label.setText(self.tr("Scale: %1 m per pixel").replace("%1", f"{m:,.0f}"))

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, self.tr("About Corridor Viewer"), self.about_html())

    def about_html(self) -> str:
        return (
            f"<h3>{APP_NAME} {__version__}</h3>"
            + "<p>" + self.tr("A map of the South Caucasus transport corridors, linked to Arabic news articles.")
            + "</p><p>" + self.tr("Map data:") + " © <a href='https://www.openstreetmap.org/copyright'>OpenStreetMap"
            " contributors</a> (ODbL); Natural Earth (public domain); "
            "GeoNames (<a href='https://www.geonames.org/'>geonames.org</a>, CC BY 4.0); "
            + self.tr("routes and dates from the project fact sheet (sources listed per feature).")
            + "</p><p>" + self.tr("Proposed alignments are approximate: each feature states its accuracy.") + "</p>"
        )

    # -- settings
    def restore(self) -> None:
        s = self.settings
        if s is None:
            return
        geom = s.value("window/geometry")
        if isinstance(geom, QByteArray):
            self.restoreGeometry(geom)
        state = s.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        for layer in self.doc.layers:
            self.doc.set_visible(layer.id, get_bool(s, f"layers/{layer.id}/visible", layer.visible))
            op = get_float(s, f"layers/{layer.id}/opacity", layer.opacity)
            if op is not None:
                self.doc.set_opacity(layer.id, op)
        view = {k: get_float(s, f"view/{k}") for k in ("cx", "cy", "m_per_px")}
        if all(v is not None for v in view.values()):
            self.canvas.set_view_state(view)
        self.session.export_settings = load_export_settings(s, self.doc.language)

    def _remember_export_settings(self) -> None:
        save_export_settings(self.settings, self.session.export_settings)

    def save(self) -> None:
        s = self.settings
        if s is None:
            return
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        for layer in self.doc.layers:
            s.setValue(f"layers/{layer.id}/visible", layer.visible)
            s.setValue(f"layers/{layer.id}/opacity", layer.opacity)
        for k, v in self.canvas.viewport.camera.to_dict().items():
            s.setValue(f"view/{k}", v)
        s.sync()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.save()
        super().closeEvent(event)
