"""The files a session reads and writes: projects, layers, articles, scenes, the links cache.

The session (model) knows this only as its ``Storage``; the app, the CLI and the tests hand it a
``FileStorage``. io errors become the session's exceptions here, so callers catch one family.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from corridor_viewer.io import userdirs
from corridor_viewer.model.project import ArticleEntry, LayerEntry, LoadedProject, Project
from corridor_viewer.model.scenes import Scene, SceneError
from corridor_viewer.model.session import CancelledError, LayerUnavailableError, SessionError

LABEL_LIMIT = 5000  # names drawn on the map by default up to this many features


class FileStorage:
    def __init__(self, scenes_file: Path | None = None, cache_dir: Path | None = None) -> None:
        self.scenes_file = Path(scenes_file) if scenes_file is not None else userdirs.scenes_file()
        self.cache_dir = Path(cache_dir) if cache_dir is not None else userdirs.cache_dir()

    # -- projects
    def load_project(self, path: Path) -> LoadedProject:
        from corridor_viewer.io.project import ProjectError, load_project

        try:
            return load_project(path)
        except ProjectError as exc:
            raise SessionError(str(exc)) from exc

    def save_project(self, path: Path, project: Project) -> None:
        from corridor_viewer.io.project import ProjectError, save_project

        try:
            save_project(path, project)
        except ProjectError as exc:
            raise SessionError(str(exc)) from exc

    def backup(self, path: Path) -> Path:
        from corridor_viewer.io.project import backup

        return backup(path)

    # -- layers
    def resolve_layer(self, entry: LayerEntry, project_path: Path, progress=None, cancel=None) -> Any:
        from corridor_viewer.io.importers import ImportCancelledError, LayerImportError
        from corridor_viewer.io.project import resolve_layer

        try:
            return resolve_layer(entry, project_path, progress, cancel)
        except ImportCancelledError as exc:
            raise CancelledError(str(exc)) from exc
        except LayerImportError as exc:
            raise LayerUnavailableError(str(exc)) from exc

    def layer_source(self, entry: LayerEntry, project_path: Path) -> Path | None:
        from corridor_viewer.io.project import layer_source

        return layer_source(entry, project_path)

    def build_layer(self, result: Any, layer_id: str, title: str, style: Any, z: int):
        from corridor_viewer.io.importers import build_layer

        return build_layer(result, layer_id, title, style, z)

    def default_style(self, result: Any, index: int) -> Any:
        """A new layer's style before the user picks one: the next palette colour; names on small layers."""
        from corridor_viewer.model.user_layers import palette_color, user_style

        return user_style(result.geometry_kind, palette_color(index), labels=len(result.features) <= LABEL_LIMIT)

    def new_layer_id(self, title: str) -> str:
        import re
        import uuid

        slug = re.sub(r"[^\w-]+", "-", title.lower()).strip("-")[:30] or "layer"
        return f"user-{slug}-{uuid.uuid4().hex[:8]}"  # never reused: the painter caches paths per layer

    def read_and_build(self, path: Path, layer: str | None, index: int, progress, cancel):
        """Worker-thread work for a new layer: read and check the file, build the model layer and its index."""
        from corridor_viewer.io.importers import build_layer, import_layer

        result = import_layer(path, layer, lambda f, m: progress(f * 0.9, m), cancel)
        built = build_layer(result, self.new_layer_id(result.title), result.title,
                            self.default_style(result, index), 0)
        built.spatial_index()
        progress(1.0, "")
        return result, built

    # -- articles
    def bundled_corpus(self):
        from corridor_viewer.io.articles import load_corpus

        return load_corpus()

    def user_article(self, entry: ArticleEntry):
        from corridor_viewer.io.articles import user_article

        return user_article(entry.id, entry.text, entry.title, entry.published)

    def new_article_id(self, name: str, taken: set[str]) -> str:
        from corridor_viewer.io.articles import new_article_id

        return new_article_id(name, taken)

    # -- scenes
    def read_story(self) -> list[Scene]:
        from corridor_viewer.io.scenes import read_story

        return read_story()

    def load_user_scenes(self) -> tuple[list[Scene], str | None]:
        from corridor_viewer.io.scenes import load_scene_list

        scenes, warning = load_scene_list(self.scenes_file)
        return list(scenes), warning

    def save_user_scenes(self, scenes: list[Scene], story: list[Scene]) -> Path | None:
        from corridor_viewer.io.scenes import write_user_scenes

        return write_user_scenes(self.scenes_file, scenes, story)

    def read_scenes_from(self, path: Path) -> list[Scene]:
        """The scenes of a project, a lesson or a scenes file (a colleague's), checked."""
        from corridor_viewer.io.lesson import SUFFIX as LESSON_SUFFIX
        from corridor_viewer.io.lesson import LessonError, read_lesson
        from corridor_viewer.io.project import SUFFIX, ProjectError, load_project
        from corridor_viewer.io.scenes import read_scenes

        if Path(path).suffix.lower() == SUFFIX:
            try:
                items = load_project(path).project.scenes
            except ProjectError as exc:
                raise SceneError(str(exc)) from exc
            return [Scene.from_dict(d) for d in items]
        if Path(path).suffix.lower() == LESSON_SUFFIX:
            try:
                return [Scene.from_dict(d) for d in read_lesson(path).lesson.scenes]
            except LessonError as exc:
                raise SceneError(str(exc)) from exc
        return read_scenes(path)

    # -- lessons
    def load_lesson(self, path: Path):
        from corridor_viewer.io.lesson import LessonError, read_lesson

        try:
            return read_lesson(path)
        except LessonError as exc:
            raise SessionError(str(exc)) from exc

    def save_lesson(self, path: Path, lesson) -> None:
        from corridor_viewer.io.lesson import LessonError, write_lesson

        try:
            write_lesson(path, lesson)
        except LessonError as exc:
            raise SessionError(str(exc)) from exc

    # -- annotations and house styles
    def read_annotations(self, path: Path):
        from corridor_viewer.io.annotation_files import AnnotationFileError, read_annotations

        try:
            return read_annotations(path)
        except AnnotationFileError as exc:
            raise SessionError(str(exc)) from exc

    def write_annotations(self, path: Path, items) -> None:
        from corridor_viewer.io.annotation_files import write_annotations
        from corridor_viewer.io.atomicfile import AtomicWriteError

        try:
            write_annotations(path, items)
        except (AtomicWriteError, OSError) as exc:
            raise SessionError(f"{path}: cannot write the annotations ({exc})") from exc

    def read_style(self, path: Path):
        from corridor_viewer.io.house_styles import StyleFileError, read_style_file

        try:
            return read_style_file(path)
        except StyleFileError as exc:
            raise SessionError(str(exc)) from exc

    # -- the links cache
    def cached_links(self, corpus: Any, layers: Any):
        from corridor_viewer.io import linkcache

        return linkcache.load(self.cache_dir, corpus, layers)

    def store_links(self, corpus: Any, layers: Any, links: Any) -> None:
        from corridor_viewer.io import linkcache

        linkcache.store(self.cache_dir, corpus, layers, links)
