"""Scenes: a title and caption (ar/en), a map view, visible layers, highlights, passages, a date.

A scene is drawn as a :class:`~corridor_viewer.model.mapstate.MapState` made from the main map's state
(:func:`scene_state`): showing a scene in the presentation, on a handout page or in a preview never
changes the live document.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from corridor_viewer.model import label_edits as label_edit_list
from corridor_viewer.model.annotations import Annotation, AnnotationError, list_from_dicts
from corridor_viewer.model.label_edits import NO_EDITS, LabelEdit, LabelEditError
from corridor_viewer.model.signals import signal
from corridor_viewer.model.timeline import normalise_date


class SceneError(ValueError):
    """A scene record is malformed; the message says which field and why."""


@dataclass
class Scene:
    id: str
    title: dict[str, str]
    caption: dict[str, str]
    view: tuple[float, float, float, float]  # west, south, east, north (degrees)
    layers: list[str] | None = None  # visible layer ids; None keeps the current visibility
    highlight: list[str] = field(default_factory=list)
    passages: list[tuple[str, int]] = field(default_factory=list)  # (article id, passage index)
    date: str | None = None
    sources: list[dict[str, str]] = field(default_factory=list)  # cited on screen: title, publisher, date, url
    labels: list[str] = field(default_factory=list)  # features labelled without being highlighted
    annotations: tuple[Annotation, ...] = ()  # the teacher's markers, arrows, texts … drawn with the scene
    label_edits: Mapping[str, LabelEdit] = field(default_factory=lambda: NO_EDITS)  # moved, hidden, renamed labels
    builtin: bool = field(default=False, compare=False)  # from the app's story (not saved with the scene)

    def __post_init__(self) -> None:
        if self.date:
            self.date = normalise_date(self.date)  # one form, so saved and loaded scenes compare equal

    def title_for(self, lang: str) -> str:
        return self.title.get(lang) or self.title.get("en") or self.id

    def caption_for(self, lang: str) -> str:
        return self.caption.get(lang) or self.caption.get("en") or ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "title": dict(self.title), "caption": dict(self.caption),
                               "view": list(self.view), "highlight": list(self.highlight),
                               "passages": [[a, i] for a, i in self.passages]}
        if self.layers is not None:
            out["layers"] = list(self.layers)
        if self.date:
            out["date"] = self.date
        if self.sources:
            out["sources"] = [dict(s) for s in self.sources]
        if self.labels:
            out["labels"] = list(self.labels)
        if self.annotations:
            out["annotations"] = [a.to_dict() for a in self.annotations]
        if self.label_edits:
            out["label_edits"] = label_edit_list.to_list(self.label_edits)
        return out

    @classmethod
    def from_dict(cls, d: Any) -> Scene:
        if not isinstance(d, dict):
            raise SceneError("a scene must be a JSON object")
        sid = d.get("id")
        if not isinstance(sid, str) or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}", sid):
            raise SceneError(f"scene id {sid!r}: use 1-64 letters, digits, '-' or '_'")
        title, caption = _texts(d.get("title"), sid, "title"), _texts(d.get("caption", {}), sid, "caption")
        if not any(title.values()):
            raise SceneError(f"scene {sid}: a title in Arabic or English is required")
        view = d.get("view")
        if (not isinstance(view, list) or len(view) != 4
                or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in view)):
            raise SceneError(f"scene {sid}: view must be [west, south, east, north] in degrees")
        w, s, e, n = (float(v) for v in view)
        if not (-180 <= w < e <= 180 and -90 <= s < n <= 90):
            raise SceneError(f"scene {sid}: view {view} is not a valid lon/lat box")
        layers = d.get("layers")
        if layers is not None and not (isinstance(layers, list) and all(isinstance(x, str) for x in layers)):
            raise SceneError(f"scene {sid}: layers must be a list of layer ids")
        highlight = d.get("highlight", [])
        if not (isinstance(highlight, list) and all(isinstance(x, str) for x in highlight)):
            raise SceneError(f"scene {sid}: highlight must be a list of feature ids")
        passages = []
        for p in d.get("passages", []) or []:
            if not (isinstance(p, list) and len(p) == 2 and isinstance(p[0], str) and isinstance(p[1], int)):
                raise SceneError(f"scene {sid}: each passage is [article id, passage index]")
            passages.append((p[0], p[1]))
        date = d.get("date")
        if date is not None:
            try:
                date = normalise_date(str(date))
            except ValueError as exc:
                raise SceneError(f"scene {sid}: {exc}") from exc
        sources = d.get("sources", []) or []
        if not (isinstance(sources, list) and all(isinstance(x, dict) and all(
                isinstance(k, str) and isinstance(v, str) for k, v in x.items()) for x in sources)):
            raise SceneError(f"scene {sid}: sources must be a list of {{'title', 'publisher', 'date', 'url'}}")
        labels = d.get("labels", []) or []
        if not (isinstance(labels, list) and all(isinstance(x, str) for x in labels)):
            raise SceneError(f"scene {sid}: labels must be a list of feature ids")
        try:
            annotations = list_from_dicts(d.get("annotations", []) or [], f"scene {sid}: annotations")
            edits = label_edit_list.from_list(d.get("label_edits", []) or [])
        except (AnnotationError, LabelEditError) as exc:
            msg = str(exc)
            raise SceneError(msg if msg.startswith(f"scene {sid}") else f"scene {sid}: {msg}") from exc
        return cls(sid, title, caption, (w, s, e, n), layers, list(highlight), passages, date,
                   [dict(x) for x in sources], list(labels), annotations, edits)


def _texts(value: Any, sid: str, what: str) -> dict[str, str]:
    if isinstance(value, str):
        return {"en": value}
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise SceneError(f"scene {sid}: {what} must be {{'ar': ..., 'en': ...}}")
    return {k: v for k, v in value.items() if k in ("ar", "en")}


def scene_bounds(scene: Scene) -> tuple[float, float, float, float]:
    """The scene's lon/lat box in the display projection."""
    from corridor_viewer.model import projection

    w, s, e, n = scene.view
    pts = [projection.forward(lon, lat) for lon in (w, e) for lat in (s, n)]
    return (min(p[0] for p in pts), min(p[1] for p in pts), max(p[0] for p in pts), max(p[1] for p in pts))


def scene_state(base, scene: Scene):
    """The scene as a MapState made from ``base`` (the main map's state): its layers, date, highlights,
    labels and extent. Nothing in the live document changes. The features the caption names are the
    label engine's musts: highlighted ones through the selection, the others through ``emphasis``."""
    st = base
    if scene.layers is not None:
        st = st.with_layers_visible(frozenset(scene.layers))
    st = st.with_(date=scene.date, dim_except=None, emphasis=base.emphasis | frozenset(scene.labels),
                  annotations=tuple(scene.annotations), label_overrides=scene.label_edits)
    st = st.with_selection(tuple(scene.highlight))
    return st.with_extent(scene_bounds(scene))


def apply_to(doc, scene: Scene) -> None:
    """Put the main map in the scene's state (the user chose "show this scene"): layers, date, highlights,
    the first pinned passage. The view is the canvas's business (it may animate there)."""
    if scene.layers is not None:
        wanted = set(scene.layers)
        for layer in doc.layers:
            doc.set_visible(layer.id, layer.id in wanted)
    doc.set_date(scene.date)
    doc.select([fid for fid in scene.highlight if doc.feature(fid) is not None])
    links = doc.links
    if scene.passages and links is not None:
        art = links.corpus.get(scene.passages[0][0])
        if art is not None and 0 <= scene.passages[0][1] < len(art.passages):
            p = art.passages[scene.passages[0][1]]
            doc.set_focus(art.id, p.start, p.end)


def pinned_passages(links, scene: Scene) -> list[tuple[object, object]]:
    """(article, passage) pairs for the scene's pinned passages that exist in the linked corpus."""
    out = []
    for aid, idx in scene.passages:
        art = links.corpus.get(aid) if links is not None else None
        if art is not None and 0 <= idx < len(art.passages):
            out.append((art, art.passages[idx]))
    return out


class SceneList:
    """An ordered, editable list of scenes that announces every change (views and the session listen)."""

    changed = signal()

    def __init__(self, scenes: list[Scene] | None = None) -> None:
        self.scenes: list[Scene] = list(scenes or [])

    def __len__(self) -> int:
        return len(self.scenes)

    def __iter__(self):
        return iter(self.scenes)

    def __getitem__(self, i: int) -> Scene:
        return self.scenes[i]

    def get(self, sid: str) -> Scene | None:
        return next((s for s in self.scenes if s.id == sid), None)

    def index(self, sid: str) -> int:
        return next(i for i, s in enumerate(self.scenes) if s.id == sid)

    def new_id(self, base: str = "scene") -> str:
        n = len(self.scenes) + 1
        while self.get(f"{base}-{n}") is not None:
            n += 1
        return f"{base}-{n}"

    def free_id(self, sid: str) -> str:
        """``sid`` if no scene has it, else ``sid-2``, ``sid-3``… (imported scenes never replace ours)."""
        if self.get(sid) is None:
            return sid
        n = 2
        while self.get(f"{sid}-{n}") is not None:
            n += 1
        return f"{sid}-{n}"[:64]

    def add(self, scene: Scene, at: int | None = None) -> None:
        if self.get(scene.id) is not None:
            raise SceneError(f"a scene with id {scene.id!r} already exists")
        self.scenes.insert(len(self.scenes) if at is None else at, scene)
        self.changed.emit()

    def replace(self, scene: Scene) -> None:
        self.scenes[self.index(scene.id)] = scene
        self.changed.emit()

    def remove(self, sid: str) -> None:
        self.scenes.pop(self.index(sid))
        self.changed.emit()

    def move(self, sid: str, delta: int) -> None:
        i = self.index(sid)
        j = max(0, min(len(self.scenes) - 1, i + delta))
        if i != j:
            self.scenes.insert(j, self.scenes.pop(i))
            self.changed.emit()

    def to_list(self) -> list[dict[str, Any]]:
        return [s.to_dict() for s in self.scenes]

    def from_list(self, items: list[Any]) -> None:
        self.set_scenes([Scene.from_dict(d) for d in items])

    def set_scenes(self, scenes: list[Scene]) -> None:
        ids = [s.id for s in scenes]
        if len(ids) != len(set(ids)):
            raise SceneError("two scenes share an id")
        self.scenes = list(scenes)
        self.changed.emit()
