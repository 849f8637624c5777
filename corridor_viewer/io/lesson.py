"""Lesson files (``*.cvlesson``): one JSON file a teacher can email — scenes, and the user's layers and articles
they use — written atomically and read back with the project reader's suspicion.

Format 1::

    {"format": "corridor-viewer-lesson", "version": 1, "app_version": "...", "title": "...",
     "scenes": [<Scene.to_dict()>...], "imported_layers": [<as in a project, copy mode>...],
     "articles": [<as in a project>...]}

Reading: one bounded read through io/safeio (a FIFO, a device or a link to /dev/zero is refused), UTF-8 and
JSON checked with messages that say what is wrong, every scene validated by the scene model (a damaged one is
left out and named), layers and articles through the project reader's own section checks; the copied
features themselves are checked like an imported file's when the session builds the layers
(io.project.resolve_layer). A lesson from a newer version is refused rather than half read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from corridor_viewer import __version__
from corridor_viewer.model.lesson import FORMAT, Lesson, LoadedLesson
from corridor_viewer.model.scenes import Scene, SceneError
from corridor_viewer.model.user_layers import style_to_dict

SUFFIX = ".cvlesson"
VERSION = 1
MAX_LESSON_BYTES = 512 << 20  # copied layers can be large; a lesson is still something one emails
MAX_SCENES = 500


class LessonError(Exception):
    """Not a readable lesson; the message names the file and the problem."""


def lesson_bytes(lesson: Lesson) -> bytes:
    layers = []
    for e in lesson.layers:
        d: dict[str, Any] = {"id": e.id, "title": e.title, "mode": "copy", "z": e.z, "layer": e.layer,
                             "name_field": e.name_field, "path": None,
                             "features": e.features or {"type": "FeatureCollection", "features": []}}
        if e.style is not None:
            d["style"] = style_to_dict(e.style)
        layers.append(d)
    data = {"format": FORMAT, "version": VERSION, "app_version": __version__, "title": lesson.title,
            "scenes": lesson.scenes, "imported_layers": layers,
            "articles": [{"id": a.id, "title": a.title, "published": a.published, "source": a.source,
                          "text": a.text} for a in lesson.articles]}
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False, indent=1 if not layers else None)
    except (TypeError, ValueError) as exc:
        raise LessonError(f"the lesson holds a value JSON cannot store ({exc}); nothing was written") from exc
    return (text + "\n").encode("utf-8")


def write_lesson(path: Path | str, lesson: Lesson) -> None:
    """Write atomically: an existing file stays whole until the new one is complete on disk."""
    from corridor_viewer.io.atomicfile import AtomicWriteError, write_atomic

    path = Path(path)
    data = lesson_bytes(lesson)
    try:
        write_atomic(path, data)
    except AtomicWriteError as exc:
        raise LessonError(f"{path}: cannot save ({exc})") from exc
    except OSError as exc:
        raise LessonError(f"{path}: cannot save ({exc.strerror or exc}); nothing was changed") from exc


def read_lesson(path: Path | str) -> LoadedLesson:
    from corridor_viewer.io.safeio import read_user_file

    path = Path(path)
    return parse_lesson(read_user_file(path, MAX_LESSON_BYTES, "a lesson file", LessonError), path)


def parse_lesson(data: bytes, path: Path) -> LoadedLesson:
    from corridor_viewer.io.project import _articles, _imported  # the project reader's section checks

    if not data.strip():
        raise LessonError(f"{path}: the file is empty")
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise LessonError(f"{path}: not a lesson (not UTF-8 text at byte {exc.start})") from exc
    except RecursionError as exc:
        raise LessonError(f"{path}: not a lesson (JSON nested too deeply)") from exc
    except ValueError as exc:  # bad JSON, or an integer of 4,300+ digits
        raise LessonError(f"{path}: damaged — not valid JSON ({str(exc)[:120]})") from exc
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise LessonError(f"{path}: not a Corridor Viewer lesson (no \"format\": \"{FORMAT}\")")
    version = raw.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise LessonError(f"{path}: the lesson's format version {version!r:.40} is not valid; the file is damaged")
    if version > VERSION:
        raise LessonError(f"{path}: made by a newer Corridor Viewer (lesson format {version}); update to import it")
    warnings: list[str] = []
    items = raw.get("scenes")
    if not isinstance(items, list):
        raise LessonError(f"{path}: the lesson has no list of scenes")
    if len(items) > MAX_SCENES:
        raise LessonError(f"{path}: {len(items)} scenes is more than a lesson holds ({MAX_SCENES}); "
                          "the file is damaged or not a lesson")
    scenes: list[dict[str, Any]] = []
    seen: set[str] = set()
    for n, item in enumerate(items, 1):
        try:
            scene = Scene.from_dict(item)
        except SceneError as exc:
            warnings.append(f"scene #{n} was left out: {exc}")
            continue
        except (ValueError, TypeError, OverflowError) as exc:  # a view coordinate of 400 digits…
            warnings.append(f"scene #{n} was left out: damaged ({str(exc)[:120]})")
            continue
        if scene.id in seen:
            warnings.append(f"scene #{n} was left out: a second scene with id {scene.id!r}")
            continue
        seen.add(scene.id)
        # The record as the file has it, checked: what this version does not know (annotations from a newer
        # scene model) still travels.
        scenes.append(item)
    if not scenes:
        raise LessonError(f"{path}: the lesson has no readable scene" + (f" ({warnings[0]})" if warnings else ""))
    title = raw.get("title") if isinstance(raw.get("title"), str) else ""
    lesson = Lesson(scenes=scenes, layers=[e for e in _imported(raw.get("imported_layers"), warnings)
                                           if e.mode == "copy"],
                    articles=_articles(raw.get("articles"), warnings), title=title[:300])
    return LoadedLesson(lesson, warnings)
