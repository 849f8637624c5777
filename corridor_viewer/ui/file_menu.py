"""The File menu for what users bring and keep: projects, layers, articles, scenes, drag & drop.

Thin: each action asks the user what is needed and calls the session (``model.session``), which holds
the work and writes the files; layer and article imports are :mod:`corridor_viewer.ui.imports`, autosave
and recovery :mod:`corridor_viewer.ui.autosave`. A project's layers are read on a worker thread with a
progress dialog and Cancel.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QProgressDialog

from corridor_viewer.io.articles import USER_SUFFIXES, ArticleError, article_files
from corridor_viewer.io.importers import layer_format
from corridor_viewer.io.project import SUFFIX
from corridor_viewer.model.session import CancelledError, Session, SessionError
from corridor_viewer.ui.autosave import Autosave
from corridor_viewer.ui.bind import listen
from corridor_viewer.ui.imports import Importer
from corridor_viewer.ui.worker import Task

RECENT_KEY = "project/recent"
MAX_RECENT = 8


class FileMenu(QObject):
    """Adds the project, import and scene-exchange actions to the window's File menu."""

    busy_changed = Signal(bool)

    def __init__(self, window, session: Session, autosave_ms: int | None = None) -> None:
        super().__init__(window)
        self.win = window
        self.session = session
        self.imports = Importer(session, window)
        self.imports.busy_changed.connect(self.busy_changed)
        self.autosaver = Autosave(session, window, autosave_ms)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None
        self._base_title = ""
        self._recent_mem: list[str] = []
        self.started = False  # the window's settings are restored and the session is marked clean
        self._make_actions()
        window.canvas.setAcceptDrops(True)
        window.canvas.installEventFilter(self)
        window.installEventFilter(self)
        listen(self, session.dirty_changed, lambda _d: self._update_dirty())
        listen(self, session.project_changed, self._set_title)
        listen(self, session.doc.language_changed, lambda _l: self.retranslate())
        self.retranslate()
        QTimer.singleShot(0, self._started)

    @property
    def busy(self) -> bool:
        return self.task is not None or self.imports.busy

    # -- menu
    def _make_actions(self) -> None:
        menu: QMenu = self.win.menus["file"]
        before = self.win.actions_by_key["export"]
        imp = self.imports
        table = [
            ("new", QKeySequence.StandardKey.New, self.new_project),
            ("open", QKeySequence.StandardKey.Open, lambda: self.open_project()),
            ("save", QKeySequence.StandardKey.Save, self.save),
            ("save_as", QKeySequence("Ctrl+Shift+S"), self.save_as),
            ("add_layer", QKeySequence("Ctrl+Shift+L"), imp.add_layer),
            ("add_articles", None, imp.add_articles),
            ("add_folder", None, imp.add_article_folder),
            ("style_layer", None, imp.restyle_layer),
            ("remove_layer", None, imp.remove_layer),
            ("import_scenes", None, lambda: self.import_scenes()),
        ]
        self.actions: dict[str, QAction] = {}
        self.recent_menu = QMenu(menu)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        for key, shortcut, slot in table:
            act = QAction(self.win)
            if shortcut is not None:
                act.setShortcut(shortcut)
            act.triggered.connect(lambda _checked=False, fn=slot: fn())
            menu.insertAction(before, act)
            self.actions[key] = act
            if key == "open":
                menu.insertMenu(before, self.recent_menu)
            if key in ("save_as", "remove_layer", "import_scenes"):
                menu.insertSeparator(before)
        menu.aboutToShow.connect(self._sync_actions)
        self._sync_actions()

    def retranslate(self) -> None:
        texts = {
            "new": self.tr("&New project"), "open": self.tr("&Open project…"), "save": self.tr("&Save project"),
            "save_as": self.tr("Save project &as…"), "add_layer": self.tr("Add &layer…"),
            "add_articles": self.tr("Add &articles…"), "add_folder": self.tr("Add article &folder…"),
            "style_layer": self.tr("Imported layer st&yle…"), "remove_layer": self.tr("&Remove imported layer…"),
            "import_scenes": self.tr("Import scenes from project…"),
        }
        for key, text in texts.items():
            self.actions[key].setText(text)
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self._set_title()

    def _sync_actions(self) -> None:
        has_layers = bool(self.session.user_layers)
        self.actions["style_layer"].setEnabled(has_layers)
        self.actions["remove_layer"].setEnabled(has_layers)
        self.recent_menu.setEnabled(bool(self.recent()))
        self._update_dirty()

    # -- title and the unsaved-changes mark
    def _update_dirty(self) -> None:
        self.win.setWindowModified(self.session.dirty)

    def _set_title(self) -> None:
        base = self._base_title or self.win.windowTitle().replace("[*]", "")
        s = self.session
        name = s.path.name if s.path else ""
        if s.read_only:
            name += " (" + self.tr("read-only") + ")"
        self.win.setWindowTitle(f"{name}[*] — {base}" if name else f"{base}[*]")
        self._update_dirty()

    def _started(self) -> None:
        self.session.mark_clean()  # after the window restored its settings: those are not changes
        self.started = True
        if self.win.settings is not None:  # measurement runs (no settings) never prompt
            self.autosaver.offer_recovery()

    # -- events: close, title, drag & drop
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        t = event.type()
        if obj is self.win:
            if t == QEvent.Type.Close:
                if not self.maybe_save():
                    event.ignore()
                    return True
                self.autosaver.stop()
                self.imports.cancel()
                if self.task is not None:
                    self.task.cancel()
                self.autosaver.discard()
            elif t == QEvent.Type.WindowTitleChange and "[*]" not in self.win.windowTitle():
                self._base_title = self.win.windowTitle()  # the window retitled itself (language change)
                self._set_title()
        elif obj is self.win.canvas and t in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            paths = self._dropped_paths(event.mimeData())
            if not paths:
                event.ignore()
                return t != QEvent.Type.Drop
            event.acceptProposedAction()
            if t == QEvent.Type.Drop:
                QTimer.singleShot(0, lambda: self.open_paths(paths))  # leave the drop handler first
            return True
        return False

    @staticmethod
    def _dropped_paths(mime) -> list[Path]:
        if mime is None or not mime.hasUrls():
            return []
        return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]

    def open_paths(self, paths: list[Path]) -> None:
        """Whatever was dropped or chosen: a project, layers, articles, or folders of articles."""
        articles: list[Path] = []
        problems: list[str] = []
        for p in paths:
            suffix = p.suffix.lower()
            if suffix == SUFFIX:
                self.open_project(p)
            elif p.is_dir():
                try:
                    articles += article_files(p)
                except ArticleError as exc:
                    problems.append(str(exc))
            elif layer_format(p) is not None:
                self.imports.import_file(p)
            elif suffix in USER_SUFFIXES:
                articles.append(p)
            else:
                problems.append(self.tr("%1: not a file Corridor Viewer reads (layers: GeoJSON, GeoPackage, zipped "
                                        "Shapefile, KML, CSV; articles: .txt, .md, .html; projects: .cvproj)")
                                .replace("%1", str(p)))
        if articles:
            self.imports.import_articles(articles)
        if problems:
            self._warn(self.tr("Cannot add these files"), "\n\n".join(problems))

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.win, title, text)

    # -- projects
    def save(self) -> bool:
        s = self.session
        if s.path is None or s.read_only:
            return self.save_as()
        return self.write(s.path)

    def save_as(self) -> bool:
        s = self.session
        start = str(s.path) if s.path else (s.origin_hint or self.tr("map") + SUFFIX)
        name, _ = QFileDialog.getSaveFileName(self.win, self.tr("Save project"), start,
                                              self.tr("Corridor Viewer project") + f" (*{SUFFIX})")
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        return self.write(path)

    def write(self, path: Path) -> bool:
        try:
            bak = self.session.save(Path(path))
        except (SessionError, OSError) as exc:
            title = self.tr("Read-only project") if self.session.read_only else self.tr("Cannot save the project")
            self._warn(title, str(exc))
            return False
        if bak is not None:
            self.win.statusBar().showMessage(self.tr("Kept the original as %1").replace("%1", bak.name), 8000)
        self._add_recent(Path(path))
        self.autosaver.discard()
        self._set_title()
        self.win.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(path)), 5000)
        return True

    def maybe_save(self) -> bool:
        """Before the work is replaced or the window closes: save, discard or cancel (False)."""
        if not self.session.needs_saving():
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(self.win, self.tr("Unsaved changes"),
                                      self.tr("Save the changes to this project first?"),
                                      buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    def new_project(self) -> None:
        if not self.maybe_save():
            return
        self.session.new_project()
        self._set_title()

    def open_project(self, path: Path | None = None) -> bool:
        """Ask, then read the project on the worker (its layers may be big files) and put it in place.

        Returns False if nothing was started (cancelled by the user, or busy)."""
        if self.task is not None or not self.maybe_save():
            return False
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self.win, self.tr("Open project"), "",
                                                  self.tr("Corridor Viewer project") + f" (*{SUFFIX})")
            if not name:
                return False
            path = Path(name)
        path = Path(path)
        session = self.session
        task = Task(lambda progress, cancel: session.read_project(path, progress, cancel),
                    errors=(SessionError,), cancel_types=(CancelledError,))
        dlg = QProgressDialog(self.tr("Opening %1…").replace("%1", path.name), self.tr("Cancel"), 0, 1000, self.win)
        dlg.setWindowTitle(self.tr("Open project"))
        dlg.setMinimumDuration(400)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        dlg.canceled.connect(task.cancel)
        self.progress = dlg
        task.signals.progress.connect(lambda f, _m: dlg.setValue(round(f * 1000)))
        task.signals.done.connect(lambda work: self._opened(task, path, work))
        task.signals.failed.connect(lambda msg: self._open_over(task, msg))
        task.signals.cancelled.connect(lambda: self._open_over(task, None, cancelled=True))
        self.task = task
        self.busy_changed.emit(True)
        self.pool.start(task)
        return True

    def _open_over(self, task: Task, error: str | None, cancelled: bool = False) -> None:
        if task is not self.task:
            return
        self.task = None
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if cancelled:
            self.win.statusBar().showMessage(self.tr("Opening cancelled; nothing changed"), 5000)
        elif error:
            self._warn(self.tr("Cannot open the project"), error + "\n\n" + self.tr("The file was not changed."))
        self.busy_changed.emit(self.busy)

    def _opened(self, task: Task, path: Path, work) -> None:
        if task is not self.task:
            return
        warnings = self.session.apply_project(work)
        self._open_over(task, None)
        self._add_recent(path)
        self._set_title()
        if warnings:
            self._warn(self.tr("Project opened with problems") if not self.session.read_only
                       else self.tr("Read-only"), "\n\n".join(warnings[:20]))

    def import_scenes(self, path: Path | None = None) -> list[str]:
        """Add a colleague's scenes (from a project or a scenes file) to the current ones; replaces nothing."""
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self.win, self.tr("Import scenes"), "",
                self.tr("Projects and scene files") + f" (*{SUFFIX} *.json);;" + self.tr("All files") + " (*)")
            if not name:
                return []
            path = Path(name)
        try:
            added = self.session.import_scenes_from(Path(path))
        except SessionError as exc:
            self._warn(self.tr("Cannot import the scenes"), str(exc))
            return []
        self.win.statusBar().showMessage(self.tr("Added %n scene(s) after yours", "", len(added)), 8000)
        return added

    # -- recent files
    def recent(self) -> list[str]:
        s = self.win.settings
        if s is None:
            return list(self._recent_mem)
        v = s.value(RECENT_KEY, [])
        items = [v] if isinstance(v, str) else list(v) if isinstance(v, (list, tuple)) else []
        return [i for i in items if isinstance(i, str) and i][:MAX_RECENT]

    def _add_recent(self, path: Path) -> None:
        items = [str(Path(path).resolve())] + [i for i in self.recent() if i != str(Path(path).resolve())]
        items = items[:MAX_RECENT]
        if self.win.settings is None:
            self._recent_mem = items
        else:
            self.win.settings.setValue(RECENT_KEY, items)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for item in self.recent():
            act = self.recent_menu.addAction(Path(item).name)
            act.setToolTip(item)
            act.triggered.connect(lambda _c=False, it=item: self.open_project(Path(it)))
        if self.recent():
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("Clear the list")).triggered.connect(self._clear_recent)

    def _clear_recent(self) -> None:
        if self.win.settings is None:
            self._recent_mem = []
        else:
            self.win.settings.remove(RECENT_KEY)
