"""Adding layers and articles: files read on a worker with progress and Cancel, the style and date dialogs.

The reading and checking is io's (through the session's storage); what to keep is the session's. This
module only asks the user and shows progress.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QProgressDialog

from corridor_viewer.io.articles import ArticleError, article_files, read_article_file
from corridor_viewer.io.importers import FILE_FILTER, ImportCancelledError, LayerImportError, layer_format
from corridor_viewer.model.linking import too_many_names
from corridor_viewer.model.session import Session
from corridor_viewer.ui.worker import Task

COPY_LIMIT_BYTES = 20 << 20  # larger layers are referenced by default, so projects stay small


class Importer(QObject):
    """Layer and article imports for the File menu; ``win`` gives the dialogs their parent and status bar."""

    busy_changed = Signal(bool)

    def __init__(self, session: Session, win) -> None:
        super().__init__(win)
        self.session = session
        self.win = win
        self._queue: list[tuple[Path, str | None]] = []
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.win, title, text)

    def _status(self, text: str, ms: int = 8000) -> None:
        self.win.statusBar().showMessage(text, ms)

    # -- layers
    def add_layer(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.win, self.tr("Add layer"), "",
                                                self.tr("Map layers") + f" ({FILE_FILTER});;" + self.tr("All files")
                                                + " (*)")
        for p in paths:
            self.import_file(Path(p))

    def import_file(self, path: Path, layer: str | None = None) -> None:
        """Queue a layer file for import; a file with several layers asks which one first."""
        from corridor_viewer.io.importers import list_layers

        if layer is None and layer_format(path) in ("gpkg", "kml", "kmz", "zip"):
            try:
                layers = list_layers(path)
            except LayerImportError as exc:
                self._warn(self.tr("Cannot add the layer"), str(exc))
                return
            if len(layers) > 1:
                names = [i.name for i in layers]
                name, ok = QInputDialog.getItem(self.win, self.tr("Choose a layer"),
                                                self.tr("%1 holds several layers. Add which one?")
                                                .replace("%1", path.name), names, 0, False)
                if not ok or name not in names:
                    return
                layer = name
        self._queue.append((path, layer))
        if self.task is None:
            self._next_import()

    @property
    def busy(self) -> bool:
        return self.task is not None or bool(self._queue)

    def _next_import(self) -> None:
        if not self._queue:
            self.busy_changed.emit(False)
            return
        path, layer = self._queue.pop(0)
        storage = self.session.storage
        task = Task(partial(storage.read_and_build, path, layer, len(self.session.user_layers)),
                    errors=(LayerImportError,), cancel_types=(ImportCancelledError,))
        self.task = task
        dlg = QProgressDialog(self.tr("Reading %1…").replace("%1", path.name), self.tr("Cancel"), 0, 1000, self.win)
        dlg.setWindowTitle(self.tr("Add layer"))
        dlg.setMinimumDuration(400)  # small files finish before it would flash up
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        dlg.setValue(0)
        dlg.canceled.connect(task.cancel)
        self.progress = dlg
        task.signals.progress.connect(lambda f, _m: self._show_progress(task, dlg, f))
        task.signals.done.connect(lambda done: self._import_done(task, path, layer, *done))
        task.signals.failed.connect(lambda msg: self._import_over(task, msg))
        task.signals.cancelled.connect(lambda: self._import_over(task, None, cancelled=True))
        self.busy_changed.emit(True)
        self.pool.start(task)

    def _show_progress(self, task: Task, dlg: QProgressDialog, fraction: float) -> None:
        if self.progress is not dlg:
            return
        if dlg.wasCanceled():  # cancel() (Esc, closing the dialog) does not emit canceled; the button does
            task.cancel()
            return
        dlg.setValue(round(fraction * 1000))

    def cancel(self) -> None:
        self._queue.clear()
        if self.task is not None:
            self.task.cancel()

    def _import_over(self, task: Task, error: str | None, cancelled: bool = False) -> None:
        if task is not self.task:
            return
        self.task = None
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if cancelled:
            self._status(self.tr("Import cancelled; nothing was added"), 5000)
        elif error:
            self._warn(self.tr("Cannot add the layer"), error)
        QTimer.singleShot(0, self._next_import)

    def _import_done(self, task: Task, path: Path, layer_name: str | None, result, built) -> None:
        if task is not self.task:
            return
        if self.progress is not None:
            self.progress.close()
        try:
            self.add_result(result, built, path, layer_name, ask=True)
        except (ValueError, LayerImportError) as exc:  # e.g. a clash with a layer already on the map
            self._warn(self.tr("Cannot add the layer"), f"{path}: {exc}")
        finally:
            self._import_over(task, None)

    def add_result(self, result, built, path: Path | None, layer_name: str | None, ask: bool = True) -> str | None:
        """Style the imported layer (asking the user unless ``ask`` is False) and add it to the map."""
        from corridor_viewer.ui.import_dialogs import LayerStyleDialog

        n = len(result.features)
        title, style, mode = result.title, built.style, "copy"
        if ask:
            size = path.stat().st_size if path is not None and path.exists() else 0
            dlg = LayerStyleDialog(result.geometry_kind, title, style, n, ask_mode=path is not None,
                                   copy_by_default=size <= COPY_LIMIT_BYTES, parent=self.win)
            if dlg.exec() != LayerStyleDialog.DialogCode.Accepted:
                self._status(self.tr("Layer not added"), 5000)
                return None
            style, title, mode = dlg.style(), dlg.title() or title, dlg.mode()
        lid = self.session.add_user_layer(result, built, title=title, style=style, mode=mode,
                                          source=str(path) if path else None, layer_name=layer_name)
        msg = self.tr("Added layer %1: %2").replace("%1", title).replace("%2", self._summary(result))
        if too_many_names(built):
            msg += " " + self.tr("(too many names to look for in the articles; not linked)")
        self._status(msg, 10000)
        if ask and result.warnings:
            QMessageBox.information(self.win, self.tr("Layer added"), msg + "\n\n" + "\n".join(result.warnings[:20]))
        return lid

    def _summary(self, result) -> str:
        """What the import did, in the UI language (``result.summary()`` is the English of the command line)."""
        parts = [self.tr("%n feature(s) imported", "", len(result.features))]
        if result.counts.get("repaired"):
            parts.append(self.tr("%n repaired", "", result.counts["repaired"]))
        if result.counts.get("skipped"):
            parts.append(self.tr("%n skipped", "", result.counts["skipped"]))
        text = parts[0]
        for part in parts[1:]:  # the list separator is the language's (Arabic: "،")
            text = self.tr("%1, %2").replace("%1", text).replace("%2", part)
        return text

    def _pick_user_layer(self, title: str) -> str | None:
        layers = self.session.user_layers
        if not layers:
            return None
        ids = list(layers)
        if len(ids) == 1:
            return ids[0]
        names = [layers[i].title for i in ids]
        name, ok = QInputDialog.getItem(self.win, title, self.tr("Layer:"), names, 0, False)
        return ids[names.index(name)] if ok and name in names else None

    def restyle_layer(self) -> None:
        from corridor_viewer.render.legend import layer_geometry_kind
        from corridor_viewer.ui.import_dialogs import LayerStyleDialog

        lid = self._pick_user_layer(self.tr("Imported layer style"))
        layer = self.session.doc.layer(lid) if lid else None
        if layer is None:
            return
        dlg = LayerStyleDialog(layer_geometry_kind(layer), layer.title_for("en"), layer.style, len(layer.features),
                               parent=self.win)
        if dlg.exec() == LayerStyleDialog.DialogCode.Accepted:
            self.session.restyle_user_layer(lid, dlg.style(), dlg.title() or layer.title_for("en"))

    def remove_layer(self, lid: str | None = None) -> None:
        lid = lid or self._pick_user_layer(self.tr("Remove imported layer"))
        if lid is not None:
            self.session.remove_user_layer(lid)

    # -- articles
    def add_articles(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.win, self.tr("Add articles"), "",
                                                self.tr("Articles") + " (*.txt *.md *.markdown *.html *.htm)")
        if paths:
            self.import_articles([Path(p) for p in paths])

    def add_article_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.win, self.tr("Add a folder of articles"))
        if not folder:
            return
        try:
            paths = article_files(folder)
        except ArticleError as exc:
            self._warn(self.tr("Cannot add the articles"), str(exc))
            return
        self.import_articles(paths)

    def import_articles(self, paths: list[Path], ask: bool = True) -> list[str]:
        """Read, let the user check titles and dates, then add (the session relinks); returns the new ids."""
        from corridor_viewer.ui.import_dialogs import ArticlesDialog

        read, problems, notes = [], [], []
        for p in paths:
            try:
                af = read_article_file(p)
            except ArticleError as exc:
                problems.append(str(exc))
                continue
            read.append(af)
            notes += af.warnings
        if problems:
            self._warn(self.tr("Some articles could not be added"), "\n\n".join(problems))
        if not read:
            return []
        rows = [(af.path.name, af.title, af.published, af.date_basis) for af in read]
        if ask:
            dlg = ArticlesDialog(rows, self.win)
            if dlg.exec() != ArticlesDialog.DialogCode.Accepted:
                return []
            try:
                entries = dlg.entries()
            except ValueError as exc:  # accept() checks this; a patched exec() may not have
                self._warn(self.tr("Check the dates"), str(exc))
                return []
        else:
            entries = [(title, date) for _n, title, date, _basis in rows]
        new_ids = self.session.add_articles([(af.path.name, title or af.title, af.text, date, str(af.path))
                                             for af, (title, date) in zip(read, entries, strict=True)])
        self._status(self.tr("Added %n article(s) and linked them to the map", "", len(new_ids)))
        if notes:
            self._status("; ".join(notes), 10000)
        return new_ids
