"""The printable worksheet's content: numbered markers for the map, questions drawn from the scenes, answers.

The built-in story has written questions (``resources/scenes/worksheet.json``: each names its scene and the
markers it uses). A scene of the user's own, which has none, gets one made from what it shows: the first
place it highlights becomes a new marker, and the question asks for its name and what the scene says about
it (its caption is the answer). Pure Python; export/worksheet.py draws the pages.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from corridor_viewer.model.feature import Feature
from corridor_viewer.model.scenes import Scene

MAX_MARKERS = 20  # more numbers than this and the map stops being readable on A4


class WorksheetError(ValueError):
    """The worksheet file is malformed; the message says where."""


@dataclass(frozen=True)
class Marker:
    n: int
    feature_id: str


@dataclass(frozen=True)
class SheetQuestion:
    n: int
    scene_id: str
    text: Mapping[str, str]
    answer: Mapping[str, str]
    lines: int = 2

    def text_for(self, lang: str) -> str:
        return self.text.get(lang) or self.text.get("en") or ""

    def answer_for(self, lang: str) -> str:
        return self.answer.get(lang) or self.answer.get("en") or ""


@dataclass
class Worksheet:
    markers: list[Marker] = field(default_factory=list)
    questions: list[SheetQuestion] = field(default_factory=list)


def _texts(value: Any, where: str) -> dict[str, str]:
    if isinstance(value, str):
        return {"en": value}
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise WorksheetError(f"{where} must be {{'ar': ..., 'en': ...}}")
    return {k: v for k, v in value.items() if k in ("ar", "en")}


def parse_worksheet(data: Any) -> Worksheet:
    if not isinstance(data, dict) or data.get("format") != "corridor-viewer-worksheet":
        raise WorksheetError("not a worksheet file (expected {'format': 'corridor-viewer-worksheet', ...})")
    markers, questions = data.get("markers", []), data.get("questions", [])
    if not isinstance(markers, list) or not isinstance(questions, list):
        raise WorksheetError("markers and questions must be lists")
    out = Worksheet()
    for m in markers:
        if not (isinstance(m, dict) and isinstance(m.get("n"), int) and isinstance(m.get("feature_id"), str)):
            raise WorksheetError(f"marker {m!r:.60}: needs an integer n and a feature_id")
        out.markers.append(Marker(m["n"], m["feature_id"]))
    for q in questions:
        if not (isinstance(q, dict) and isinstance(q.get("n"), int) and isinstance(q.get("scene_id"), str)):
            raise WorksheetError(f"question {q!r:.60}: needs an integer n and a scene_id")
        where = f"question {q['n']}"
        lines = q.get("lines", 2)
        out.questions.append(SheetQuestion(q["n"], q["scene_id"], _texts(q.get("text"), f"{where}: text"),
                                           _texts(q.get("answer", {}), f"{where}: answer"),
                                           lines if isinstance(lines, int) and 1 <= lines <= 8 else 2))
    if len({m.n for m in out.markers}) != len(out.markers):
        raise WorksheetError("two markers share a number")
    return out


_GENERATED = {
    "en": ("Scene {i}, “{title}”: which place does marker {k} show, and what does the scene say about it?",
           "{name}. The scene says: {caption}"),
    "ar": ("المشهد {i}، «{title}»: ما المكان الذي تشير إليه العلامة {k}، وماذا يقول المشهد عنه؟",
           "{name}. يقول المشهد: {caption}"),
}


def _markable(f: Feature | None) -> bool:
    return f is not None and f.geometry.kind in ("point", "polygon") and bool(f.props.get("name_en"))


def worksheet_for(sheet: Worksheet, scenes: Iterable[Scene], features: Mapping[str, Feature]) -> Worksheet:
    """The worksheet for these scenes: the written questions of the scenes present (in the scenes' order),
    the markers they and the map need, and a made question for each of the user's scenes that has none."""
    scenes = list(scenes)
    order = {s.id: i for i, s in enumerate(scenes)}
    markers = [m for m in sheet.markers if m.feature_id in features]
    written = sorted((q for q in sheet.questions if q.scene_id in order),
                     key=lambda q: (order[q.scene_id], q.n))
    asked = {q.scene_id for q in written}
    marked = {m.feature_id: m.n for m in markers}
    made: list[tuple[int, SheetQuestion]] = []
    for i, scene in enumerate(scenes, 1):
        if scene.id in asked or scene.builtin:
            continue  # a story scene the written questions leave out is left out here too
        fid = next((f for f in scene.highlight if _markable(features.get(f))), None)
        if fid is None:
            continue
        if fid not in marked:
            if len(markers) >= MAX_MARKERS:
                continue
            k = max((m.n for m in markers), default=0) + 1
            markers.append(Marker(k, fid))
            marked[fid] = k
        f = features[fid]
        text, answer = {}, {}
        for lang, (qt, at) in _GENERATED.items():
            text[lang] = qt.format(i=i, title=scene.title_for(lang), k=marked[fid])
            answer[lang] = at.format(name=f.name(lang), caption=scene.caption_for(lang))
        made.append((order[scene.id], SheetQuestion(0, scene.id, text, answer, 3)))
    merged = sorted([(order[q.scene_id], q) for q in written] + made, key=lambda t: t[0])
    questions = [SheetQuestion(n, q.scene_id, q.text, q.answer, q.lines) for n, (_i, q) in enumerate(merged, 1)]
    return Worksheet(sorted(markers, key=lambda m: m.n), questions)
