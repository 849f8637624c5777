"""The session: what the user is working on, in one object (like QGIS's QgsProject). No Qt.

It holds the open project's path (or none), the user's layers and articles, the scenes, the export
settings, a revision counter that drives the unsaved-changes mark, and the one way to link the articles.
Menus and dialogs call it; it reads and writes files through a :class:`Storage` (``io.storage``), so
nothing in ``ui/`` writes a file and the model stays free of io and Qt.

Scenes: with no project open they are the built-in story plus the user's own ``scenes.json`` (edits are
saved there at once); with a project open they are the project's (edits mark the project unsaved).
Opening, importing or closing a project never writes ``scenes.json``.

Heavy work comes in two halves so a GUI can run the first on a worker thread: ``read_project`` /
``link_job()`` do the reading and linking and touch no live state; ``apply_project`` / ``set_links`` put
the result in place on the caller's thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from corridor_viewer.model.annotations import Annotation
from corridor_viewer.model.document import Document
from corridor_viewer.model.export_settings import ExportSettings
from corridor_viewer.model.feature import Layer
from corridor_viewer.model.label_edits import NO_EDITS, LabelEdits, edits
from corridor_viewer.model.link_decisions import Decision, LinkDecisions
from corridor_viewer.model.scenes import Scene, SceneError, SceneList
from corridor_viewer.model.signals import signal
from corridor_viewer.model.viewport import Camera

if TYPE_CHECKING:  # loaded by the methods that use them: the app's first paint needs neither (~3 ms)
    from corridor_viewer.model.lesson import Lesson, LoadedLesson
    from corridor_viewer.model.project import ArticleEntry, LayerEntry, LoadedProject, Project

Progress = Callable[[float, str], None]
Cancel = Callable[[], bool]


class SessionError(Exception):
    """A user-facing problem with a session operation (the message says what and what to do)."""


class LayerUnavailableError(Exception):
    """A project's layer could not be read (the storage says why); the project keeps it for later."""


class CancelledError(Exception):
    """The user cancelled a read."""


class Storage(Protocol):
    """The files a session reads and writes (implemented by ``corridor_viewer.io.storage.FileStorage``)."""

    def load_project(self, path: Path) -> LoadedProject: ...
    def save_project(self, path: Path, project: Project) -> None: ...
    def backup(self, path: Path) -> Path: ...
    def resolve_layer(self, entry: LayerEntry, project_path: Path, progress: Progress | None,
                      cancel: Cancel | None) -> Any: ...
    def layer_source(self, entry: LayerEntry, project_path: Path) -> Path | None: ...
    def build_layer(self, result: Any, layer_id: str, title: str, style: Any, z: int) -> Layer: ...
    def default_style(self, result: Any, index: int) -> Any: ...
    def new_layer_id(self, title: str) -> str: ...
    def bundled_corpus(self) -> Any: ...
    def user_article(self, entry: ArticleEntry) -> Any: ...
    def new_article_id(self, name: str, taken: set[str]) -> str: ...
    def read_story(self) -> list[Scene]: ...
    def load_user_scenes(self) -> tuple[list[Scene], str | None]: ...
    def save_user_scenes(self, scenes: list[Scene], story: list[Scene]) -> Path | None: ...
    def read_scenes_from(self, path: Path) -> list[Scene]: ...
    def load_lesson(self, path: Path) -> LoadedLesson: ...
    def save_lesson(self, path: Path, lesson: Lesson) -> None: ...
    def cached_links(self, corpus: Any, layers: Any) -> Any: ...
    def store_links(self, corpus: Any, layers: Any, links: Any) -> None: ...
    def read_annotations(self, path: Path) -> Any: ...
    def write_annotations(self, path: Path, items: tuple[Annotation, ...]) -> None: ...
    def read_style(self, path: Path) -> Any: ...


@dataclass
class UserLayer:
    """An imported layer as the project keeps it (the model Layer itself lives in the document)."""

    id: str
    title: str
    mode: str  # copy | reference
    source: str | None  # the file it came from
    layer: str | None  # the layer inside that file
    features: list[dict]  # lon/lat GeoJSON features, for copy-mode saves
    name_field: str | None


class DecisionChange(NamedTuple):
    """One reader's verdict as a change of the decisions: what it removes and what it adds. Applying it
    and applying it backwards (:meth:`Session.apply_decision_change`) are each other's undo, so an undo
    command needs nothing more."""

    removed: tuple[Decision, ...]
    added: Decision | None
    label: str  # "confirm", "reject", "assign", "mark" or "undo": what the change did, for a menu


DECISION_ACTIONS = ("confirm", "reject", "assign", "undo")


@dataclass
class LessonWork:
    """A lesson read and its layers built (on a worker thread), ready to be added (``Session.apply_lesson``)."""

    lesson: Lesson
    path: Path
    layers: list[tuple[LayerEntry, Any, Layer]] = field(default_factory=list)  # entry, import result, layer
    warnings: list[str] = field(default_factory=list)


@dataclass
class ProjectWork:
    """A project read and its layers built, ready to be put in place (made on a worker thread)."""

    loaded: LoadedProject
    layers: list[tuple[LayerEntry, Any, Layer, str | None]] = field(default_factory=list)  # entry, result, layer, src
    unresolved: list[LayerEntry] = field(default_factory=list)
    as_recovery: bool = False


class Session:
    revision_changed = signal(int)
    dirty_changed = signal(bool)
    project_changed = signal()  # path or read-only state changed
    export_settings_changed = signal()
    problem = signal(str)  # something the user should read (a scenes file that could not be saved…)
    link_inputs_changed = signal()  # the user's layers or articles changed: the links are out of date
    gazetteer_changed = signal()
    decisions_changed = signal()  # the reader confirmed, rejected or reassigned a link (or undid that)
    annotations_changed = signal(tuple)  # the map's annotations, replaced whole (edits make new values)
    label_edits_changed = signal(object)  # the map's label edits (feature id -> LabelEdit)
    work_replaced = signal()  # another project (or none) was put in place: edits before it cannot be undone

    def __init__(self, doc: Document, storage: Storage) -> None:
        self.doc = doc
        self.storage = storage
        self.path: Path | None = None
        self.read_only = False
        self.origin_hint: str | None = None  # recovered work: the project it came from (Save asks, never assumes)
        self.backup_first = False  # the opened file had damage: keep the original as .bak before overwriting
        self.user_layers: dict[str, UserLayer] = {}
        self.user_articles: list[ArticleEntry] = []
        self.unresolved: list[LayerEntry] = []  # layers a project names but that could not be loaded: kept
        self.extra: dict[str, Any] = {}
        self.scenes = SceneList()
        self.scenes_owner = "user"  # "user": saved to scenes.json at once; "project": part of the project
        self._story: list[Scene] | None = None
        self.scenes_warning: str | None = None
        self.export_settings = ExportSettings(language=doc.language)
        self.annotations: tuple[Annotation, ...] = ()  # drawn on the map, in this order (last on top)
        self.label_edits: LabelEdits = NO_EDITS
        self.revision = 0
        self.saved_revision = 0
        self.autosaved_revision: int | None = None
        self._quiet = 0  # > 0 while a project is put in place: loading is not editing
        self._bundled = None  # the bundled corpus, read once
        self._link_generation = 0
        self.gazetteer = None  # the last linking's gazetteer (search uses it); None until compiled
        # The reader's decisions on links: applied to every linking's result before it is published, so they
        # survive a relink; saved with the project. ``raw_links`` is the linker's own result.
        self.decisions = LinkDecisions()
        self.raw_links = None
        self.stale_decisions: list[Decision] = []  # decisions whose text is gone from the articles (kept)
        self.decision_history: list[DecisionChange] = []  # for the simple Undo of the menu
        for sig in (doc.visibility_changed, doc.opacity_changed, doc.style_changed, doc.layer_added,
                    doc.layer_removed):
            sig.connect(self._bump)
        self.scenes.changed.connect(self._scenes_changed)

    # -- revision and the unsaved-changes mark
    @property
    def dirty(self) -> bool:
        return self.revision != self.saved_revision

    def _bump(self, *_args: Any) -> None:
        if self._quiet:
            return
        was = self.dirty
        self.revision += 1
        self.revision_changed.emit(self.revision)
        if not was:
            self.dirty_changed.emit(True)

    def mark_clean(self) -> None:
        was = self.dirty
        self.saved_revision = self.revision
        if was:
            self.dirty_changed.emit(False)

    def mark_unsaved(self) -> None:
        """Recovered work is unsaved work, whatever was changed since."""
        self.saved_revision = -1
        self.dirty_changed.emit(True)

    def has_user_content(self) -> bool:
        return bool(self.user_layers or self.user_articles or self.unresolved or self.path or len(self.decisions)
                    or self.annotations or self.label_edits)

    def needs_saving(self) -> bool:
        """Closing or replacing the work now would lose something the user made."""
        return self.dirty and self.has_user_content()

    # -- scenes
    def story(self) -> list[Scene]:
        if self._story is None:
            self._story = self.storage.read_story()
        return self._story

    def load_user_scenes(self) -> None:
        """No project open: the scenes are the story plus the user's own (read once, after the first paint)."""
        scenes, self.scenes_warning = self.storage.load_user_scenes()
        self._quiet += 1
        try:
            self.scenes.set_scenes(scenes)
        finally:
            self._quiet -= 1
        if self.scenes_warning:
            self.problem.emit(self.scenes_warning)

    def _scenes_changed(self) -> None:
        if self._quiet:
            return
        if self.scenes_owner == "user":
            # The user's own scenes: saved at once, never part of the unsaved-changes mark.
            try:
                self.storage.save_user_scenes(list(self.scenes), self.story())
            except (OSError, SceneError) as exc:
                self.problem.emit(f"Could not save the scenes: {exc}")
        else:
            self._bump()

    def import_scenes_from(self, path: Path) -> list[str]:
        """Add the scenes of a project (or scenes/lesson file) to the current list; nothing is replaced.

        Returns the ids added (renamed where they clash)."""
        try:
            incoming = self.storage.read_scenes_from(Path(path))
        except SceneError as exc:
            raise SessionError(str(exc)) from exc
        return self._add_scenes([s.to_dict() for s in incoming])

    def _add_scenes(self, records: list[dict[str, Any]]) -> list[str]:
        """Append scenes (records as ``Scene.to_dict`` makes them) after ours, renamed where an id is taken; a
        scene we already have, identical but for its id, is not added twice."""
        added = []
        taken = SceneList(list(self.scenes))
        for rec in records:
            scene = Scene.from_dict(rec)
            if any(have == replace(scene, id=have.id) for have in taken.scenes):
                continue  # imported before (perhaps renamed), or the same story scene
            sid = taken.free_id(scene.id)
            taken.scenes.append(Scene.from_dict({**rec, "id": sid}))
            added.append(sid)
        if added:
            self.scenes.set_scenes(taken.scenes)
        return added

    # -- lessons: scenes with the user's layers and articles they use, in one file to share
    def lesson(self, ids: list[str] | None = None, title: str = "") -> Lesson:
        """The scenes (all, or those of ``ids``, in list order) and the user's layers and articles they use."""
        from corridor_viewer.model.lesson import Lesson, refers_to

        records = [s.to_dict() for s in self.scenes if ids is None or s.id in ids]
        project = self.current_project()
        layers = []
        for entry in project.imported:
            rec = self.user_layers.get(entry.id)
            if rec is None or not any(refers_to(r, entry.id) for r in records):
                continue  # a layer no scene shows (or one whose file is missing: nothing to copy)
            entry.mode, entry.path, entry.relative = "copy", None, None
            entry.features = {"type": "FeatureCollection", "features": rec.features}
            layers.append(entry)
        articles = [a for a in self.user_articles if any(refers_to(r, a.id) for r in records)]
        return Lesson(records, layers, articles, title)

    def save_lesson(self, path: Path, ids: list[str] | None = None, title: str = "") -> Lesson:
        lesson = self.lesson(ids, title)
        if not lesson.scenes:
            raise SessionError("There are no scenes to put in a lesson.")
        self.storage.save_lesson(Path(path), lesson)
        return lesson

    def read_lesson(self, path: Path, progress: Progress | None = None, cancel: Cancel | None = None) -> LessonWork:
        """Read a lesson and build its layers (worker-thread safe: touches no live state)."""
        loaded = self.storage.load_lesson(Path(path))
        work = LessonWork(loaded.lesson, Path(path), warnings=list(loaded.warnings))
        entries = loaded.lesson.layers
        for i, entry in enumerate(entries):
            def sub(f: float, m: str, i: int = i) -> None:
                if progress is not None:
                    progress((i + f) / max(1, len(entries)), m)
            try:
                result = self.storage.resolve_layer(entry, work.path, sub, cancel)
                built = self.storage.build_layer(result, entry.id, entry.title,
                                                 entry.style or self.storage.default_style(result, i), entry.z)
                built.spatial_index()
                work.layers.append((entry, result, built))
            except LayerUnavailableError as exc:
                work.warnings.append(f"{exc}; the scenes that show it are added without it")
        return work

    def apply_lesson(self, work: LessonWork) -> list[str]:
        """Add a read lesson's scenes after ours, with the layers and articles they need; returns the ids added.

        Nothing else changes: our scenes, the map's view, layers, date and selection stay as they are (the
        lesson's layers are added switched off; its scenes switch them on). A layer or article whose id is
        taken by a different one of ours is renamed, and the lesson's scenes follow the new names."""
        from corridor_viewer.model.lesson import renamed
        from corridor_viewer.model.project import ArticleEntry

        names: dict[str, str] = {}
        for entry, result, built in work.layers:
            mine = self.user_layers.get(entry.id)
            if mine is not None and len(mine.features) == len(result.features) and mine.title == entry.title:
                continue  # the same layer (this lesson was imported before, or made here)
            layer = built
            if self.doc.layer(entry.id) is not None:
                names[entry.id] = self.storage.new_layer_id(entry.title)
                layer = self.storage.build_layer(result, names[entry.id], entry.title, built.style, entry.z)
            layer.visible = False
            try:
                self.add_user_layer(result, layer, title=entry.title, style=built.style, mode="copy", source=None,
                                    layer_name=entry.layer, z=entry.z)
            except ValueError as exc:  # a feature id clash: the scenes are still added
                work.warnings.append(f"layer {entry.title!r} was not added ({exc})")
        new_articles = []
        taken = self.taken_article_ids()
        for a in work.lesson.articles:
            mine = next((m for m in self.user_articles if m.id == a.id), None)
            if mine is not None and mine.text == a.text:
                continue
            aid = a.id
            if aid in taken:
                aid = names[a.id] = self.storage.new_article_id(a.title or a.id, taken)
            taken.add(aid)
            new_articles.append(ArticleEntry(aid, a.title, a.text, a.published, a.source))
        if new_articles:
            self.user_articles.extend(new_articles)
            self._bump()
            self._inputs_changed()
        return self._add_scenes([renamed(r, names) for r in work.lesson.scenes])

    def import_lesson(self, path: Path) -> tuple[list[str], list[str]]:
        """Read and add a lesson on this thread (the CLI, tests): (scene ids added, warnings)."""
        work = self.read_lesson(path)
        added = self.apply_lesson(work)
        if work.layers or work.lesson.articles:
            self.relink()
        return added, work.warnings

    # -- export settings
    def set_export_settings(self, s: ExportSettings) -> None:
        if s.to_dict() != self.export_settings.to_dict():
            self.export_settings = ExportSettings.from_dict(s.to_dict())
            self.export_settings_changed.emit()
            if self.path is not None:
                self._bump()

    # -- annotations and label edits (values: the undo stack in ui/ keeps the ones before)
    def set_annotations(self, items: tuple[Annotation, ...] | list[Annotation]) -> None:
        items = tuple(items)
        ids = [a.id for a in items]
        if len(ids) != len(set(ids)):
            raise SessionError("two annotations share an id")
        if items != self.annotations:
            self.annotations = items
            self.annotations_changed.emit(items)
            self._bump()

    def set_label_edits(self, current: LabelEdits) -> None:
        current = edits(current)
        if dict(current) != dict(self.label_edits):
            self.label_edits = current
            self.label_edits_changed.emit(current)
            self._bump()

    def import_annotations(self, path: Path) -> tuple[tuple[Annotation, ...], list[str]]:
        """The annotations of a GeoJSON file, with ids that do not clash with the map's, and the file's
        warnings (SessionError says why a file cannot be used). Nothing changes until the caller sets them."""
        from corridor_viewer.model.annotations import new_id

        read = self.storage.read_annotations(Path(path))
        taken = {a.id for a in self.annotations}
        out = []
        for a in read.annotations:
            if a.id in taken:
                a = Annotation.from_dict({**a.to_dict(), "id": new_id(a.kind)})
            taken.add(a.id)
            out.append(a)
        return tuple(out), list(read.warnings)

    def export_annotations(self, path: Path) -> None:
        """Write the map's annotations as simplestyle GeoJSON (atomically)."""
        self.storage.write_annotations(Path(path), self.annotations)

    # -- the user's layers
    def add_user_layer(self, result: Any, layer: Layer, *, title: str, style: Any, mode: str,
                       source: str | None, layer_name: str | None, z: int | None = None) -> str:
        """Put an imported layer (built on the worker) on the map, styled as the user chose."""
        layer.title, layer.style = {"en": title, "ar": title}, style
        layer.z = z if z is not None else max((lay.z for lay in self.doc.layers), default=0) + 10
        self.doc.add_layer(layer)  # raises ValueError on an id clash
        self.user_layers[layer.id] = UserLayer(layer.id, title, mode, source, layer_name, result.features,
                                               result.name_field)
        self._inputs_changed()
        return layer.id

    def _inputs_changed(self) -> None:
        if not self._quiet:
            self.link_inputs_changed.emit()

    def restyle_user_layer(self, lid: str, style: Any, title: str | None = None) -> None:
        if lid not in self.user_layers:
            raise SessionError(f"{lid!r} is not one of your layers")
        if title:
            self.user_layers[lid].title = title
            self.doc.set_layer_title(lid, {"en": title, "ar": title})
        self.doc.set_layer_style(lid, style)

    def remove_user_layer(self, lid: str) -> None:
        if self.user_layers.pop(lid, None) is not None:
            self.doc.remove_layer(lid)
            self._inputs_changed()

    # -- the user's articles
    def taken_article_ids(self) -> set[str]:
        links = self.doc.links
        ids = {a.id for a in links.corpus} if links is not None else set()
        return ids | {a.id for a in self.user_articles} | {a.id for a in self.bundled_corpus()}

    def add_articles(self, items: list[tuple[str, str, str, str, str]]) -> list[str]:
        """Add articles given as (file name, title, text, published, source path); returns their new ids."""
        from corridor_viewer.model.project import ArticleEntry

        taken = self.taken_article_ids()
        ids = []
        for name, title, text, published, source in items:
            aid = self.storage.new_article_id(name, taken)
            taken.add(aid)
            self.user_articles.append(ArticleEntry(aid, title, text, published, source))
            ids.append(aid)
        if ids:
            self._bump()
            self._inputs_changed()
        return ids

    # -- linking (one place for the GUI, the CLI and the exports)
    def bundled_corpus(self):
        if self._bundled is None:
            self._bundled = self.storage.bundled_corpus()
        return self._bundled

    def link_job(self) -> Callable[[], tuple[int, Any, Any]]:
        """A function that links every article to every layer, for any thread; its result goes to set_links.

        It works on a snapshot (the layers and articles as they are now), so edits made while it runs are
        picked up by the next job, and a stale result is ignored by set_links."""
        from corridor_viewer.model.corpus import Corpus
        from corridor_viewer.model.linking import link_all

        self._link_generation += 1
        generation = self._link_generation
        layers = tuple(self.doc.layers)
        entries = list(self.user_articles)
        storage = self.storage
        only_bundled = not entries and not any(lay.group == "user" for lay in layers)

        def job() -> tuple[int, Any, Any]:
            base = list(self.bundled_corpus())
            base_ids = {a.id for a in base}
            corpus = Corpus(base + [storage.user_article(e) for e in entries if e.id not in base_ids])
            if only_bundled:
                cached = storage.cached_links(corpus, layers)
                if cached is not None:
                    return generation, cached, None
            links, gazetteer = link_all(corpus, layers)
            if only_bundled:
                storage.store_links(corpus, layers, links)
            return generation, links, gazetteer

        return job

    def set_links(self, result: tuple[int, Any, Any]) -> bool:
        """Publish a link_job's result unless a newer job has started since; True if published."""
        generation, links, gazetteer = result
        if generation != self._link_generation:
            return False
        self.raw_links = links
        self.doc.set_links(self._decided(links))
        if gazetteer is not None:
            self.set_gazetteer(gazetteer)
        return True

    def set_gazetteer(self, gazetteer: Any) -> None:
        self.gazetteer = gazetteer
        self.gazetteer_changed.emit()

    def gazetteer_job(self) -> Callable[[], Any]:
        """Compile the gazetteer (for name search) when the links came from the cache without one."""
        from corridor_viewer.model.linker import Gazetteer
        from corridor_viewer.model.linking import gazetteer_features

        layers = tuple(self.doc.layers)
        return lambda: Gazetteer.from_features(gazetteer_features(layers))

    def relink(self) -> None:
        """Link now, on this thread (the CLI, tests)."""
        self.set_links(self.link_job()())

    # -- the reader's decisions on links ("Not this place", "This is …", "Confirm")
    def _decided(self, links):
        """``links`` with every decision applied (rejected mentions kept, with their status)."""
        self.stale_decisions = []
        if links is None or not len(self.decisions):
            return links
        from corridor_viewer.model.links import Links

        corpus = links.corpus

        def text_of(article_id: str) -> str | None:
            art = corpus.get(article_id)
            return art.text if art is not None else None

        def passage_at(article_id: str, offset: int) -> int:
            art = corpus.get(article_id)
            return art.passage_index_at(offset) if art is not None else -1

        mentions, self.stale_decisions = self.decisions.apply(links.mentions, text_of, passage_at)
        return Links(corpus, mentions)

    def _article_text(self, article_id: str) -> str | None:
        links = self.raw_links or self.doc.links
        art = links.corpus.get(article_id) if links is not None else None
        return art.text if art is not None else None

    def _proposal(self, mention):
        """The linker's own mention behind a shown one (a shown mention may carry a reassigned feature)."""
        from corridor_viewer.model.linker import MANUAL

        if mention.match == MANUAL or self.raw_links is None:
            return mention
        for m in self.raw_links.mentions_in(mention.article_id):
            if m.start == mention.start and m.end == mention.end:
                return m
        return mention

    def _decisions_on(self, article_id: str, start: int, end: int) -> tuple[Decision, ...]:
        """The decisions that touch a span (a moved decision may be keyed at its old place nearby)."""
        return tuple(d for d in self.decisions.for_article(article_id) if d.start < end and start < d.end)

    def plan_decision(self, action: str, mention, feature_id: str | None = None) -> DecisionChange:
        """The change that ``action`` on a shown mention makes, not yet applied.

        ``action``: "confirm", "reject" ("Not this place"), "assign" ("This is …" ``feature_id``) or "undo"
        (forget the decision: back to what the linker proposed). Pass the result to
        :meth:`apply_decision_change`, or use :meth:`decide` to do both and remember it for Undo.
        """
        from corridor_viewer.model.linker import MANUAL

        if action not in DECISION_ACTIONS:
            raise ValueError(f"unknown decision {action!r}")
        m = self._proposal(mention)
        removed = self._decisions_on(m.article_id, m.start, m.end)
        text = self._article_text(m.article_id)
        scratch = LinkDecisions()
        added: Decision | None = None
        if action == "undo" or (action == "reject" and m.match == MANUAL):
            added = None  # a reader's own link that is "not this place" is simply gone
        elif action == "confirm":
            added = scratch.confirm(m, text)
        elif action == "reject":
            added = scratch.reject(m, text)
        else:
            if not feature_id:
                raise ValueError("'assign' needs the feature the span names")
            added = scratch.assign(m, feature_id, text) if m.match != MANUAL else scratch.mark(
                m.article_id, m.start, m.end, m.surface, feature_id, text)
        return DecisionChange(removed, added, action)

    def plan_mark(self, article_id: str, start: int, end: int, feature_id: str) -> DecisionChange:
        """"This is …" on text the linker did not link (a span the reader selected)."""
        text = self._article_text(article_id)
        if text is None or not 0 <= start < end <= len(text) or not text[start:end].strip():
            raise ValueError("select some text of the article first")
        added = LinkDecisions().mark(article_id, start, end, text[start:end], feature_id, text)
        return DecisionChange(self._decisions_on(article_id, start, end), added, "mark")

    def apply_decision_change(self, change: DecisionChange, undo: bool = False) -> None:
        """Apply a planned change (or, with ``undo``, take it back) and republish the links at once."""
        drop, put = ((change.added,) if change.added else (), change.removed) if undo else (
            change.removed, (change.added,) if change.added else ())
        for d in drop:
            self.decisions.decisions.pop(d.key, None)
        for d in put:
            self.decisions.decisions[d.key] = d
        if self.raw_links is not None:
            self.doc.set_links(self._decided(self.raw_links))
        self._bump()
        self.decisions_changed.emit()

    def decide(self, action: str, mention, feature_id: str | None = None) -> DecisionChange:
        """Plan and apply a decision, and remember it for :meth:`undo_decision`."""
        change = self.plan_decision(action, mention, feature_id)
        self._record(change)
        return change

    def mark(self, article_id: str, start: int, end: int, feature_id: str) -> DecisionChange:
        change = self.plan_mark(article_id, start, end, feature_id)
        self._record(change)
        return change

    def _record(self, change: DecisionChange) -> None:
        self.decision_history.append(change)  # first: decisions_changed listeners see it (the Undo item)
        del self.decision_history[:-100]  # a simple undo: the last hundred decisions
        self.apply_decision_change(change)

    def undo_decision(self) -> DecisionChange | None:
        """Take back the last decision made with :meth:`decide` or :meth:`mark`; None if there is none."""
        if not self.decision_history:
            return None
        change = self.decision_history.pop()
        self.apply_decision_change(change, undo=True)
        return change

    def set_decisions(self, decisions: LinkDecisions) -> None:
        """Replace every decision (a project opened or closed); forgets the Undo history."""
        self.decisions = decisions
        self.decision_history = []
        if self.raw_links is not None:
            self.doc.set_links(self._decided(self.raw_links))
        self.decisions_changed.emit()

    # -- projects
    def current_project(self) -> Project:
        from corridor_viewer.model.project import LayerEntry, Project

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
        camera = self.doc.camera
        return Project(
            view=camera.to_dict() if camera is not None else None,
            layer_state={lay.id: {"visible": lay.visible, "opacity": lay.opacity} for lay in self.doc.layers},
            imported=imported + list(self.unresolved), articles=list(self.user_articles),
            scenes=self.scenes.to_list(), export_settings=self.export_settings.to_dict(),
            selection=list(self.doc.selection), annotations=self.annotations, label_edits=self.label_edits,
            extra=dict(self.extra), link_decisions=self.decisions.to_dict() if len(self.decisions) else None)

    def save(self, path: Path) -> Path | None:
        """Write the project to ``path`` (atomically); returns the .bak kept of a damaged original, if any."""
        path = Path(path)
        if self.read_only and self.path is not None and _same(path, self.path):
            raise SessionError("This project was made by a newer version; save it under another name.")
        bak = None
        if self.backup_first and self.path is not None and _same(path, self.path) and path.exists():
            bak = self.storage.backup(path)
        self.storage.save_project(path, self.current_project())
        was_open = self.path
        self.path, self.read_only, self.backup_first, self.origin_hint = path, False, False, None
        self.scenes_owner = "project"  # from now on the scenes are saved with the project
        self.mark_clean()
        if was_open != path:
            self.project_changed.emit()
        return bak

    def autosave(self, recovery_path: Path) -> bool:
        """Write unsaved work to ``recovery_path`` if it changed since the last autosave; True if written."""
        if not self.dirty:
            return False
        if self.autosaved_revision == self.revision and recovery_path.exists():
            return False
        project = self.current_project()
        project.origin = str(self.path) if self.path else self.origin_hint
        recovery_path.parent.mkdir(parents=True, exist_ok=True)
        self.storage.save_project(recovery_path, project)
        self.autosaved_revision = self.revision
        return True

    def read_project(self, path: Path, progress: Progress | None = None, cancel: Cancel | None = None,
                     *, as_recovery: bool = False) -> ProjectWork:
        """Read a project and build its layers (worker-thread safe: touches no live state).

        Raises the storage's ProjectError for a file that is not a project; a layer that cannot be read is
        reported in the warnings and kept (unresolved) for when its file is back."""
        loaded = self.storage.load_project(Path(path))
        work = ProjectWork(loaded, as_recovery=as_recovery)
        entries = loaded.project.imported
        for i, entry in enumerate(entries):
            def sub(f: float, m: str, i: int = i) -> None:
                if progress is not None:
                    progress((i + f) / max(1, len(entries)), m)
            try:
                result = self.storage.resolve_layer(entry, loaded.path, sub, cancel)
                built = self.storage.build_layer(result, entry.id, entry.title,
                                                 entry.style or self.storage.default_style(result, i), entry.z)
                built.spatial_index()  # big layers: index here, off the UI thread
                src = self.storage.layer_source(entry, loaded.path) if entry.mode == "reference" else None
                work.layers.append((entry, result, built, str(src) if src else entry.path))
            except LayerUnavailableError as exc:
                loaded.warnings.append(f"{exc} (kept in the project for when the file is back)")
                work.unresolved.append(entry)
        return work

    def reset(self) -> None:
        """Drop the user's layers and articles (before another project is put in place)."""
        for lid in list(self.user_layers):
            self.doc.remove_layer(lid)
        self.user_layers.clear()
        self.user_articles = []
        self.unresolved = []
        self.extra = {}
        if len(self.decisions) or self.decision_history:
            self.set_decisions(LinkDecisions())
        self.set_annotations(())
        self.set_label_edits(NO_EDITS)
        if self.doc.focus is not None and self.doc.focus[0].startswith("user-"):
            self.doc.set_focus(None)

    def apply_project(self, work: ProjectWork) -> list[str]:
        """Put a read project in place (the caller's thread); returns the problems to show the user.

        The caller then relinks (``link_job``) — in a worker in the GUI."""
        loaded = work.loaded
        p = loaded.project
        warnings = loaded.warnings
        self._quiet += 1
        try:
            self.reset()
            self.extra = dict(p.extra)
            if p.link_decisions:
                self.set_decisions(LinkDecisions.from_dict(p.link_decisions))  # checked when it was read
            for entry, result, built, src in work.layers:
                if self.doc.layer(entry.id) is not None:
                    warnings.append(f"layer {entry.title!r}: its id {entry.id!r} clashes with a map layer; left out")
                    self.unresolved.append(entry)
                    continue
                self.add_user_layer(result, built, title=entry.title, style=built.style, mode=entry.mode,
                                    source=src, layer_name=entry.layer, z=entry.z)
            self.unresolved += work.unresolved
            bundled = {a.id for a in self.bundled_corpus()}
            for a in p.articles:
                if a.id in bundled:
                    warnings.append(f"article {a.id}: the id is taken by a bundled article; left out")
                    continue
                self.user_articles.append(a)
            for lid, st in p.layer_state.items():
                if self.doc.layer(lid) is not None:
                    if "visible" in st:
                        self.doc.set_visible(lid, st["visible"])
                    if "opacity" in st:
                        self.doc.set_opacity(lid, st["opacity"])
            # A project's scenes are its own; recovered work that was not a project keeps the user's scenes.
            if not work.as_recovery or p.origin:
                try:
                    self.scenes.from_list(p.scenes)
                    self.scenes_owner = "project"
                except (SceneError, ValueError, TypeError, KeyError, AttributeError) as exc:
                    warnings.append(f"the scenes could not be restored ({exc}); the current scenes are kept")
            if p.export_settings:
                self.export_settings = ExportSettings.from_dict(p.export_settings)
                self.export_settings_changed.emit()
            self.set_annotations(p.annotations)
            self.set_label_edits(p.label_edits)
            camera = Camera.from_dict(p.view) if p.view else None
            if camera is not None:
                self.doc.set_camera(camera)
            self.doc.select([s for s in p.selection if self.doc.feature(s) is not None])
            if work.as_recovery:
                self.path, self.read_only, self.backup_first = None, loaded.read_only, False
                self.origin_hint = p.origin
            else:
                self.path, self.read_only = Path(loaded.path), loaded.read_only
                self.backup_first = bool(warnings) and not loaded.read_only
                self.origin_hint = None
        finally:
            self._quiet -= 1
        if work.as_recovery:
            self.mark_unsaved()
        else:
            self.mark_clean()
        self.project_changed.emit()
        self.work_replaced.emit()
        self.link_inputs_changed.emit()
        return warnings

    def open_project(self, path: Path) -> list[str]:
        """Read and put a project in place on this thread (the CLI, tests); then link."""
        warnings = self.apply_project(self.read_project(path))
        self.relink()
        return warnings

    def new_project(self) -> None:
        """Close the project: no user layers or articles; the scenes are the story plus the user's own."""
        self._quiet += 1
        try:
            self.reset()
            self.path, self.read_only, self.backup_first, self.origin_hint = None, False, False, None
            self.scenes_owner = "user"
            self.load_user_scenes()
        finally:
            self._quiet -= 1
        self.mark_clean()
        self.project_changed.emit()
        self.work_replaced.emit()
        self.link_inputs_changed.emit()


def _same(a: Path, b: Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False
