"""A lesson to share: scenes plus the user's layers and articles they use, as plain data (io.lesson reads and
writes the ``.cvlesson`` file; the session makes one and imports one).

What a scene uses is found in the scene's own record (``Scene.to_dict``), so whatever a scene holds — its
layers, highlights, labels, passages, annotations — is looked through, and renamed on import the same way.
Bundled layers and articles are never copied: every copy of the app has them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from corridor_viewer.model.project import ArticleEntry, LayerEntry

FORMAT = "corridor-viewer-lesson"


@dataclass
class Lesson:
    scenes: list[dict[str, Any]] = field(default_factory=list)  # Scene.to_dict() records
    layers: list[LayerEntry] = field(default_factory=list)  # copy mode: the features travel with the lesson
    articles: list[ArticleEntry] = field(default_factory=list)
    title: str = ""


@dataclass
class LoadedLesson:
    lesson: Lesson
    warnings: list[str] = field(default_factory=list)


def _strings(value: Any):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)


def refers_to(record: dict[str, Any], ident: str) -> bool:
    """Does a scene record name ``ident`` (a layer or article id) or one of its features (``ident/<n>``)?"""
    prefix = ident + "/"
    return any(s == ident or s.startswith(prefix) for s in _strings(record))


def renamed(value: Any, names: dict[str, str]) -> Any:
    """``value`` with every string that is an old id, or an old layer's feature id (``old/<n>``), renamed."""
    if not names:
        return value
    if isinstance(value, str):
        if value in names:
            return names[value]
        head, sep, tail = value.partition("/")
        return names[head] + sep + tail if sep and head in names else value
    if isinstance(value, dict):
        return {renamed(k, names) if k in names else k: renamed(v, names) for k, v in value.items()}
    if isinstance(value, list):
        return [renamed(v, names) for v in value]
    if isinstance(value, tuple):
        return tuple(renamed(v, names) for v in value)
    return value
