"""Adding layers and articles: background import with progress and Cancel, the style and date dialogs,
and linking every article to every named feature. A mixin of :class:`~corridor_viewer.ui.file_actions.
FileController`, which owns the state it uses (``win``, ``doc``, ``user_layers``, ``user_articles``)."""

from __future__ import annotations

import re
import threading
import time
import uuid
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QProgressDialog

from corridor_viewer.io.articles import ArticleError, article_files, read_article_file
from corridor_viewer.io.importers import FILE_FILTER, LayerImportError, layer_format
from corridor_viewer.io.project import ArticleEntry, LayerEntry, ProjectError

COPY_LIMIT_BYTES = 20 << 20  # larger layers are referenced by default, so projects stay small
LABEL_LIMIT = 5000  # names drawn on the map by default up to this many features
LINK_LIMIT = 20_000  # names matched in the articles up to this many per layer


@dataclass
class UserLayer:
    """An imported layer as the project keeps it (the model Layer lives in the document)."""

    id: str
    title: str
    mode: str  # copy | reference
    source: str | None  # the file it came from
    layer: str | None  # the layer inside that file
    features: list[dict]  # lon/lat GeoJSON features, for copy-mode saves
    name_field: str | None


class _Signals(QObject):
    progress = Signal(float, str)
    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class ImportTask(QRunnable):
    """Runs ``fn(progress, cancel)`` on a pool thread; the result or the error comes back as a signal."""

    def __init__(self, fn) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self._cancel = threading.Event()
        self._last = 0.0
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, fraction: float, message: str) -> None:
        now = time.monotonic()
        if now - self._last > 0.05 or fraction >= 1.0:  # the UI needs ~20 updates a second, not thousands
            self._last = now
            self.signals.progress.emit(fraction, message)

    def run(self) -> None:
        from corridor_viewer.io.importers import ImportCancelledError

        try:
            result = self.fn(self._progress, self._cancel.is_set)
        except ImportCancelledError:
            self.signals.cancelled.emit()
        except (LayerImportError, ProjectError, ArticleError) as exc:
            self.signals.failed.emit(str(exc))
        except MemoryError:
            self.signals.failed.emit("not enough memory to load this file; clip it to the region first")
        except Exception as exc:  # a worker thread must report, never die silently
            self.signals.failed.emit(f"unexpected error while reading ({type(exc).__name__}: {exc})")
        else:
            self.signals.done.emit(result)

def new_layer_id(title: str) -> str:
    slug = re.sub(r"[^\w-]+", "-", title.lower()).strip("-")[:30] or "layer"
    return f"user-{slug}-{uuid.uuid4().hex[:8]}"  # never reused: the painter caches paths by feature id


def default_style(result, index: int):
    """A new layer's style before the user picks one: the next palette colour; names on small layers."""
    from corridor_viewer.model.user_layers import palette_color, user_style

    return user_style(result.geometry_kind, palette_color(index), labels=len(result.features) <= LABEL_LIMIT)


def read_and_build(path: Path, layer: str | None, index: int, progress, cancel):
    """Worker-thread work: read and check the file, then build the model layer (for big files both take
    seconds; only adding it to the document is left to the UI thread)."""
    from corridor_viewer.io.importers import build_layer, import_layer

    result = import_layer(path, layer, lambda f, m: progress(f * 0.9, m), cancel)
    built = build_layer(result, new_layer_id(result.title), result.title, default_style(result, index), 0)
    progress(1.0, "")
    return result, built


class ImportActions:
    """Layer and article imports for the File menu (mixed into FileController)."""

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        # pyside6-lupdate files the strings written here under "ImportActions", but Qt looks them up under
        # the runtime class (FileController): try this class's context first, then the runtime one.
        out = QCoreApplication.translate("ImportActions", text, disambiguation, n)
        if out == text:
            out = QCoreApplication.translate(type(self).__name__, text, disambiguation, n)
        return out

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
        task = ImportTask(partial(read_and_build, path, layer, len(self.user_layers)))
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

    def _show_progress(self, task: ImportTask, dlg: QProgressDialog, fraction: float) -> None:
        if self.progress is not dlg:
            return
        if dlg.wasCanceled():  # cancel() (Esc, closing the dialog) does not emit canceled; the button does
            task.cancel()
            return
        dlg.setValue(round(fraction * 1000))

    def cancel_import(self) -> None:
        self._queue.clear()
        if self.task is not None:
            self.task.cancel()

    def _import_over(self, task: ImportTask, error: str | None, cancelled: bool = False) -> None:
        if task is not self.task:
            return
        self.task = None
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if cancelled:
            self.win.statusBar().showMessage(self.tr("Import cancelled; nothing was added"), 5000)
        elif error:
            self._warn(self.tr("Cannot add the layer"), error)
        QTimer.singleShot(0, self._next_import)

    def _import_done(self, task: ImportTask, path: Path, layer_name: str | None, result, built) -> None:
        if task is not self.task:
            return
        if self.progress is not None:
            self.progress.close()
        try:
            self.add_import_result(result, path, layer_name, ask=True, built=built)
        except (ValueError, LayerImportError) as exc:  # e.g. a clash with a layer already on the map
            self._warn(self.tr("Cannot add the layer"), f"{path}: {exc}")
        finally:
            self._import_over(task, None)

    def add_import_result(self, result, path: Path | None, layer_name: str | None, ask: bool = True,
                          entry: LayerEntry | None = None, link: bool = True, built=None) -> str | None:
        """Style the imported layer (asking the user unless ``ask`` is False) and add it to the map."""
        from corridor_viewer.io.importers import build_layer
        from corridor_viewer.ui.import_dialogs import LayerStyleDialog

        n = len(result.features)
        title = entry.title if entry else result.title
        style = built.style if built is not None else entry.style if entry and entry.style is not None else \
            default_style(result, len(self.user_layers))
        mode = entry.mode if entry else "copy"
        if ask:
            size = path.stat().st_size if path is not None and path.exists() else 0
            dlg = LayerStyleDialog(result.geometry_kind, title, style, n, ask_mode=path is not None,
                                   copy_by_default=size <= COPY_LIMIT_BYTES, parent=self.win)
            if dlg.exec() != LayerStyleDialog.DialogCode.Accepted:
                self.win.statusBar().showMessage(self.tr("Layer not added"), 5000)
                return None
            style, title, mode = dlg.style(), dlg.title() or title, dlg.mode()
        z = entry.z if entry else max((lay.z for lay in self.doc.layers), default=0) + 10
        if built is None:
            layer = build_layer(result, entry.id if entry else new_layer_id(title), title, style, z)
        else:  # built on the worker thread; only what the user chose is set here
            layer = built
            layer.title, layer.style, layer.z = {"en": title, "ar": title}, style, z
        lid = layer.id
        self.doc.add_layer(layer)
        self.user_layers[lid] = UserLayer(lid, title, mode, str(path) if path else (entry.path if entry else None),
                                          layer_name, result.features, result.name_field)
        if link:  # a project's layers are linked once, after the last one
            self.relink()
        self._update_dirty()
        msg = self.tr("Added layer %1: %2").replace("%1", title).replace("%2", result.summary())
        if len(self._named(layer)) > LINK_LIMIT:
            msg += " " + self.tr("(too many names to look for in the articles; not linked)")
        self.win.statusBar().showMessage(msg, 10000)
        if ask and result.warnings:
            QMessageBox.information(self.win, self.tr("Layer added"), msg + "\n\n" + "\n".join(result.warnings[:20]))
        return lid

    def _pick_user_layer(self, title: str) -> str | None:
        if not self.user_layers:
            return None
        ids = list(self.user_layers)
        if len(ids) == 1:
            return ids[0]
        names = [self.user_layers[i].title for i in ids]
        name, ok = QInputDialog.getItem(self.win, title, self.tr("Layer:"), names, 0, False)
        return ids[names.index(name)] if ok and name in names else None

    def restyle_layer(self) -> None:
        from corridor_viewer.ui.import_dialogs import LayerStyleDialog

        lid = self._pick_user_layer(self.tr("Imported layer style"))
        layer = self.doc.layer(lid) if lid else None
        if layer is None:
            return
        from corridor_viewer.render.legend import layer_geometry_kind

        dlg = LayerStyleDialog(layer_geometry_kind(layer), layer.title_for("en"), layer.style, len(layer.features),
                               parent=self.win)
        if dlg.exec() == LayerStyleDialog.DialogCode.Accepted:
            title = dlg.title() or layer.title_for("en")
            layer.title = {"en": title, "ar": title}
            self.user_layers[lid].title = title
            self.doc.set_layer_style(lid, dlg.style())

    def remove_layer(self, lid: str | None = None) -> None:
        lid = lid or self._pick_user_layer(self.tr("Remove imported layer"))
        if lid is None or lid not in self.user_layers:
            return
        self.user_layers.pop(lid)
        self.doc.remove_layer(lid)
        self.relink()

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

    def _taken_article_ids(self) -> set[str]:
        links = self.doc.links
        ids = {a.id for a in links.corpus} if links is not None else set()
        return ids | {a.id for a in self.user_articles}

    def import_articles(self, paths: list[Path], ask: bool = True) -> list[str]:
        """Read, let the user check titles and dates, then add and link at once; returns the new ids."""
        from corridor_viewer.io.articles import new_article_id
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
        rows = [(af.path.name, af.title, af.published) for af in read]
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
            entries = [(title, date) for _n, title, date in rows]
        taken = self._taken_article_ids()
        new_ids = []
        for af, (title, date) in zip(read, entries, strict=True):
            aid = new_article_id(af.path.name, taken)
            taken.add(aid)
            self.user_articles.append(ArticleEntry(aid, title or af.title, af.text, date, str(af.path)))
            new_ids.append(aid)
        self.relink()
        self._update_dirty()
        self.win.statusBar().showMessage(self.tr("Added %1 article(s) and linked them to the map")
                                         .replace("%1", str(len(new_ids))), 8000)
        if notes:
            self.win.statusBar().showMessage("; ".join(notes), 10000)
        return new_ids

    # -- linking
    def _gazetteer_features(self) -> list:
        """Every bundled feature, and the named features of users' layers that are not huge (a layer of
        half a million names would make linking take minutes and match noise)."""
        out: list = []
        for layer in self.doc.layers:
            if layer.id not in self.user_layers:
                out += layer.features
                continue
            named = self._named(layer)
            if len(named) <= LINK_LIMIT:
                out += [{"id": f.id, "name_en": f.props.get("name_en", ""), "name_ar": f.props.get("name_ar", "")}
                        for f in named]
        return out

    @staticmethod
    def _named(layer) -> list:
        """Features whose name can be looked for in text: three letters or more, not a bare number."""
        out = []
        for f in layer.features:
            name = f.props.get("name_en", "").strip()
            if len(name) >= 3 and not name.isdigit():
                out.append(f)
        return out

    def relink(self) -> None:
        """Link every article (bundled and the user's) to every named feature, and publish the links."""
        from corridor_viewer.io.articles import load_corpus, user_article
        from corridor_viewer.model.corpus import Corpus
        from corridor_viewer.model.links import Links

        user_ids = {a.id for a in self.user_articles}
        if self.doc.links is not None:
            base = [a for a in self.doc.links.corpus if a.id not in user_ids and not a.id.startswith("user-")]
        else:
            try:
                base = list(load_corpus())
            except (ArticleError, OSError):
                base = []
        base_ids = {a.id for a in base}
        arts = [user_article(e.id, e.text, e.title, e.published) for e in self.user_articles if e.id not in base_ids]
        corpus = Corpus(base + arts)
        links, self.win.search_panel.gazetteer = Links.build(corpus, self._gazetteer_features())
        self._relinking = True
        try:
            self.doc.set_links(links)
        finally:
            self._relinking = False

    def _on_links_changed(self) -> None:
        # The window links the bundled articles after the first paint; put the user's back if that dropped them.
        links = self.doc.links
        if self._relinking or links is None or not self.user_articles:
            return
        if any(a.id not in links.corpus for a in self.user_articles):
            QTimer.singleShot(0, self.relink)
