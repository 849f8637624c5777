"""File menu for what users bring and keep: layers, articles, projects, autosave and recovery, drag & drop.

The controller holds the project state (its path, the user's layers and articles, the dirty flag) and
turns menu actions into model changes; the reading and checking is done by io/ (importers, articles,
project). Large layers load on a worker thread with a progress dialog and Cancel. Every save is atomic;
an autosave goes to a recovery file that is removed on a normal exit, so a recovery file found at start
means the last session did not end normally.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QProgressDialog

from corridor_viewer.io.articles import USER_SUFFIXES, ArticleError, article_files
from corridor_viewer.io.importers import LayerImportError, layer_format
from corridor_viewer.io.project import SUFFIX, ArticleEntry, LayerEntry, Project, ProjectError
from corridor_viewer.io.userdirs import recovery_dir
from corridor_viewer.ui.import_actions import ImportActions, ImportTask, UserLayer

AUTOSAVE_MS = 3 * 60 * 1000
RECENT_KEY = "project/recent"
MAX_RECENT = 8



def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill would terminate the process on Windows; assume it is gone
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


class FileController(ImportActions, QObject):
    """Adds the project and import actions to the window's File menu and owns the project state."""

    busy_changed = Signal(bool)

    def __init__(self, window, autosave_ms: int | None = None) -> None:
        super().__init__(window)
        self.win = window
        self.doc = window.doc
        self.path: Path | None = None
        self.read_only = False
        self.user_layers: dict[str, UserLayer] = {}
        self.user_articles: list[ArticleEntry] = []
        self._unresolved: list[LayerEntry] = []  # layers a project names but that could not be loaded: kept
        self._extra: dict[str, Any] = {}
        self._baseline: tuple | None = None
        self._autosaved: tuple | None = None
        self._backup_first = False  # the opened file had damage: keep the original as .bak before overwriting
        self._base_title = ""
        self._relinking = False
        self._queue: list[tuple[Path, str | None]] = []
        self.task: ImportTask | None = None
        self.progress: QProgressDialog | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.recovery_path = recovery_dir() / f"autosave-{os.getpid()}{SUFFIX}"
        self._make_actions()
        window.canvas.setAcceptDrops(True)
        window.canvas.installEventFilter(self)
        window.installEventFilter(self)
        self.autosave_timer = QTimer(self)
        env = os.environ.get("CORRIDOR_VIEWER_AUTOSAVE_MS", "")
        self.autosave_timer.setInterval(autosave_ms or (int(env) if env.isdigit() else AUTOSAVE_MS))
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self.doc.layers_changed.connect(self._update_dirty)
        self.doc.links_changed.connect(self._on_links_changed)
        self.doc.language_changed.connect(lambda _l: self.retranslate())
        scenes = getattr(self.doc, "scenes", None)
        if scenes is not None and hasattr(getattr(scenes, "changed", None), "connect"):
            scenes.changed.connect(self._scenes_changed)
        self.retranslate()
        QTimer.singleShot(0, self._started)

    # -- menu
    def _make_actions(self) -> None:
        menu: QMenu = self.win.menus["file"]
        before = self.win.actions_by_key["export"]
        table = [
            ("new", QKeySequence.StandardKey.New, self.new_project),
            ("open", QKeySequence.StandardKey.Open, lambda: self.open_project()),
            ("save", QKeySequence.StandardKey.Save, self.save),
            ("save_as", QKeySequence("Ctrl+Shift+S"), self.save_as),
            ("add_layer", QKeySequence("Ctrl+Shift+L"), self.add_layer),
            ("add_articles", None, self.add_articles),
            ("add_folder", None, self.add_article_folder),
            ("style_layer", None, self.restyle_layer),
            ("remove_layer", None, self.remove_layer),
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
            if key in ("save_as", "remove_layer"):
                menu.insertSeparator(before)
        menu.aboutToShow.connect(self._sync_actions)
        self._sync_actions()

    def retranslate(self) -> None:
        texts = {
            "new": self.tr("&New project"), "open": self.tr("&Open project…"), "save": self.tr("&Save project"),
            "save_as": self.tr("Save project &as…"), "add_layer": self.tr("Add &layer…"),
            "add_articles": self.tr("Add &articles…"), "add_folder": self.tr("Add article &folder…"),
            "style_layer": self.tr("Imported layer st&yle…"), "remove_layer": self.tr("&Remove imported layer…"),
        }
        for key, text in texts.items():
            self.actions[key].setText(text)
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self._set_title()

    def _sync_actions(self) -> None:
        has_layers = bool(self.user_layers)
        self.actions["style_layer"].setEnabled(has_layers)
        self.actions["remove_layer"].setEnabled(has_layers)
        self.recent_menu.setEnabled(bool(self.recent()))
        self._update_dirty()

    # -- state: dirty flag and title
    def _signature(self) -> tuple:
        layers = tuple((lay.id, lay.visible, round(lay.opacity, 3), id(lay.style)) for lay in self.doc.layers)
        arts = tuple((a.id, a.title, a.published) for a in self.user_articles)
        scenes = getattr(self.doc, "scenes", None)
        scene_sig = ""
        if scenes is not None and hasattr(scenes, "to_list"):
            with contextlib.suppress(TypeError, ValueError, AttributeError):
                scene_sig = json.dumps(scenes.to_list(), sort_keys=True, default=str)
        return layers, arts, scene_sig, tuple(e.id for e in self._unresolved)

    def has_user_content(self) -> bool:
        return bool(self.user_layers or self.user_articles or self._unresolved or self.path)

    def is_dirty(self) -> bool:
        return self._baseline is not None and self._signature() != self._baseline

    def _mark_clean(self) -> None:
        self._baseline = self._signature()
        self._update_dirty()

    def _update_dirty(self, *_args) -> None:
        self.win.setWindowModified(self.is_dirty())

    def _scenes_changed(self, *_args) -> None:
        # After the first paint the window loads the user's scenes (or the built-in story) into the empty
        # list: that is a load, not an edit, unless there is a project or imported work to keep.
        if self._baseline is not None and self._baseline[2] in ("", "[]") and not self.has_user_content():
            self._mark_clean()
        else:
            self._update_dirty()

    def _set_title(self) -> None:
        base = self._base_title or self.win.windowTitle().replace("[*]", "")
        name = self.path.name if self.path else ""
        if self.read_only:
            name += " (" + self.tr("read-only") + ")"
        self.win.setWindowTitle(f"{name}[*] — {base}" if name else f"{base}[*]")

    def _started(self) -> None:
        self._mark_clean()  # after the window restored its settings: those are not changes
        if self.win.settings is not None:  # measurement runs (no settings) never prompt
            self.offer_recovery()

    # -- events: close, title, drag & drop
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        t = event.type()
        if obj is self.win:
            if t == QEvent.Type.Close:
                if not self.maybe_save():
                    event.ignore()
                    return True
                self.autosave_timer.stop()
                self.cancel_import()
                self.discard_recovery()
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
                self.import_file(p)
            elif suffix in USER_SUFFIXES:
                articles.append(p)
            else:
                problems.append(self.tr("%1: not a file Corridor Viewer reads (layers: GeoJSON, GeoPackage, zipped "
                                        "Shapefile, KML, CSV; articles: .txt, .md, .html; projects: .cvproj)")
                                .replace("%1", str(p)))
        if articles:
            self.import_articles(articles)
        if problems:
            self._warn(self.tr("Cannot add these files"), "\n\n".join(problems))

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.win, title, text)

    # -- projects
    def current_project(self) -> Project:
        from corridor_viewer.ui.export_dialog import load_settings

        imported = []
        for lid, rec in self.user_layers.items():
            layer = self.doc.layer(lid)
            if layer is None:
                continue
            mode = rec.mode if (rec.mode == "copy" or rec.source) else "copy"
            imported.append(LayerEntry(
                id=lid, title=rec.title, mode=mode, style=layer.style, z=layer.z, path=rec.source, layer=rec.layer,
                features={"type": "FeatureCollection", "features": rec.features} if mode == "copy" else None,
                name_field=rec.name_field))
        scenes = getattr(self.doc, "scenes", None)
        scene_list: list = []
        if scenes is not None and hasattr(scenes, "to_list"):
            with contextlib.suppress(TypeError, ValueError, AttributeError):
                scene_list = list(scenes.to_list())
        return Project(
            view=self.win.canvas.viewport.state(),
            layer_state={lay.id: {"visible": lay.visible, "opacity": lay.opacity} for lay in self.doc.layers},
            imported=imported + list(self._unresolved), articles=list(self.user_articles), scenes=scene_list,
            export_settings=load_settings(self.win.settings, self.doc.language).to_dict(),
            selection=list(self.doc.selection), extra=dict(self._extra))

    def save(self) -> bool:
        if self.path is None or self.read_only:
            return self.save_as()
        return self.write(self.path)

    def save_as(self) -> bool:
        start = str(self.path) if self.path else self.tr("map") + SUFFIX
        name, _ = QFileDialog.getSaveFileName(self.win, self.tr("Save project"), start,
                                              self.tr("Corridor Viewer project") + f" (*{SUFFIX})")
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        if self.read_only and self.path is not None and path.resolve() == self.path.resolve():
            self._warn(self.tr("Read-only project"),
                       self.tr("This project was made by a newer version; save it under another name."))
            return False
        return self.write(path)

    def write(self, path: Path) -> bool:
        from corridor_viewer.io.project import backup, save_project
        from corridor_viewer.model.export_settings import ExportError

        path = Path(path)
        try:
            if self._backup_first and self.path is not None and path.resolve() == self.path.resolve() \
                    and path.exists():
                bak = backup(path)
                self.win.statusBar().showMessage(self.tr("Kept the original as %1").replace("%1", bak.name), 8000)
            save_project(path, self.current_project())
        except (ProjectError, ExportError, OSError) as exc:
            self._warn(self.tr("Cannot save the project"), str(exc))
            return False
        self.path, self.read_only, self._backup_first = path, False, False
        self._add_recent(path)
        self._mark_clean()
        self.discard_recovery()
        self._set_title()
        self.win.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(path)), 5000)
        return True

    def maybe_save(self) -> bool:
        """Before the work is replaced or the window closes: save, discard or cancel (False)."""
        if not (self.is_dirty() and self.has_user_content()):
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
        self._reset()
        self.path, self.read_only, self._backup_first = None, False, False
        self.relink()
        self._mark_clean()
        self._set_title()

    def _reset(self) -> None:
        for lid in list(self.user_layers):
            self.doc.remove_layer(lid)
        self.user_layers.clear()
        self.user_articles = []
        self._unresolved = []
        self._extra = {}
        if self.doc.focus is not None and self.doc.focus[0].startswith("user-"):
            self.doc.set_focus(None)

    def open_project(self, path: Path | None = None) -> bool:
        from corridor_viewer.io.project import load_project

        if not self.maybe_save():
            return False
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self.win, self.tr("Open project"), "",
                                                  self.tr("Corridor Viewer project") + f" (*{SUFFIX})")
            if not name:
                return False
            path = Path(name)
        try:
            loaded = load_project(path)
        except ProjectError as exc:
            self._warn(self.tr("Cannot open the project"),
                       str(exc) + "\n\n" + self.tr("The file was not changed."))
            return False
        self.apply(loaded)
        self.path = Path(path)
        self.read_only = loaded.read_only
        self._backup_first = bool(loaded.warnings) and not loaded.read_only
        self._add_recent(self.path)
        self._mark_clean()
        self._set_title()
        if loaded.warnings:
            self._warn(self.tr("Project opened with problems") if not loaded.read_only else self.tr("Read-only"),
                       "\n\n".join(loaded.warnings[:20]))
        return True

    def apply(self, loaded) -> None:
        """Put a loaded project into the document and the window; problems go to loaded.warnings."""
        from corridor_viewer.io.project import layer_source, resolve_layer
        from corridor_viewer.model.export_settings import ExportSettings
        from corridor_viewer.ui.export_dialog import save_settings

        p = loaded.project
        self._reset()
        self._extra = dict(p.extra)
        for entry in p.imported:
            try:
                # Referenced files are read again here, on the UI thread: a wait cursor says why it pauses.
                QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
                try:
                    result = resolve_layer(entry, loaded.path)
                finally:
                    QApplication.restoreOverrideCursor()
                if self.doc.layer(entry.id) is not None:
                    raise LayerImportError(f"layer {entry.title!r}: its id {entry.id!r} clashes with a map layer")
                src = layer_source(entry, loaded.path) if entry.mode == "reference" else None
                self.add_import_result(result, src, entry.layer, ask=False, entry=entry, link=False)
                self.user_layers[entry.id].mode = entry.mode
            except LayerImportError as exc:
                loaded.warnings.append(str(exc) + " " + self.tr("(kept in the project for when the file is back)"))
                self._unresolved.append(entry)
        bundled = self._taken_article_ids()
        for a in p.articles:
            if a.id in bundled:
                loaded.warnings.append(f"article {a.id}: the id is taken by a bundled article; left out")
                continue
            self.user_articles.append(a)
        for lid, st in p.layer_state.items():
            if self.doc.layer(lid) is not None:
                if "visible" in st:
                    self.doc.set_visible(lid, st["visible"])
                if "opacity" in st:
                    self.doc.set_opacity(lid, st["opacity"])
        scenes = getattr(self.doc, "scenes", None)
        if p.scenes and scenes is not None and hasattr(scenes, "from_list"):
            try:
                scenes.from_list(p.scenes)
            except (ValueError, TypeError, KeyError, AttributeError) as exc:
                loaded.warnings.append(f"the scenes could not be restored ({exc}); the current scenes are kept")
        if p.export_settings:
            save_settings(self.win.settings, ExportSettings.from_dict(p.export_settings))
        if p.view:
            self.win.canvas.set_view_state(p.view)
        self.doc.select([s for s in p.selection if self.doc.feature(s) is not None])
        self.relink()

    # -- recent files
    def recent(self) -> list[str]:
        s = self.win.settings
        if s is None:
            return list(getattr(self, "_recent_mem", []))
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

    # -- autosave and recovery
    def autosave(self) -> bool:
        """Write the work to this session's recovery file if it changed since the last save; True if written."""
        from corridor_viewer.io.project import save_project

        if self.win.settings is None:
            return False
        sig = self._signature()
        if not self.is_dirty():
            self.discard_recovery()
            return False
        if sig == self._autosaved and self.recovery_path.exists():
            return False
        project = self.current_project()
        project.origin = str(self.path) if self.path else None
        try:
            self.recovery_path.parent.mkdir(parents=True, exist_ok=True)
            save_project(self.recovery_path, project)
        except (ProjectError, OSError) as exc:
            self.win.statusBar().showMessage(self.tr("Autosave failed: %1").replace("%1", str(exc)), 10000)
            return False
        self._autosaved = sig
        return True

    def discard_recovery(self) -> None:
        with contextlib.suppress(OSError):
            self.recovery_path.unlink()
        self._autosaved = None

    def stale_recovery_files(self) -> list[Path]:
        """Recovery files left by sessions that are no longer running: each one is a crash."""
        folder = recovery_dir()
        out = []
        with contextlib.suppress(OSError):
            for p in folder.glob(f"autosave-*{SUFFIX}"):
                pid = p.stem.removeprefix("autosave-")
                if p != self.recovery_path and not (pid.isdigit() and _pid_alive(int(pid))):
                    out.append(p)
        return sorted(out, key=lambda p: p.stat().st_mtime, reverse=True)

    def offer_recovery(self) -> bool:
        """At start: offer the work a crashed session autosaved. The file is kept as .bak if not used."""
        from corridor_viewer.io.project import load_project

        files = self.stale_recovery_files()
        if not files:
            return False
        newest = files[0]
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(newest.stat().st_mtime))
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.win, self.tr("Recover unsaved work?"),
            self.tr("Corridor Viewer did not close normally last time. Recover the work saved automatically at "
                    "%1?").replace("%1", when), buttons.Yes | buttons.No, buttons.Yes)
        recovered = False
        if answer == buttons.Yes:
            try:
                loaded = load_project(newest)
            except ProjectError as exc:
                self._warn(self.tr("Cannot recover"), str(exc) + "\n\n" + self.tr("The file was kept as %1.")
                           .replace("%1", newest.name + ".bak"))
            else:
                self.apply(loaded)
                origin = loaded.project.origin
                self.path = Path(origin) if origin else None
                self.read_only = loaded.read_only
                self._baseline = ()  # recovered work is unsaved work
                self._update_dirty()
                self._set_title()
                self.autosave()
                recovered = True
                if loaded.warnings:
                    self._warn(self.tr("Recovered with problems"), "\n\n".join(loaded.warnings[:20]))
        for p in files:  # keep what was not used, out of the way
            with contextlib.suppress(OSError):
                if recovered and p == newest:
                    p.unlink()
                else:
                    p.replace(p.with_name(p.name + ".bak"))
        return recovered
