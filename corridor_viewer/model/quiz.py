"""The "Where is …?" quiz: questions on the story's places, scored on the ground, not on the screen.

A click counts as right when it falls inside the feature (an area) or within the question's tolerance of it;
otherwise the answer says how far off it was. Distances are geodesic: the feature is projected to an
azimuthal equidistant plane centred on the click (distances from the centre are true there), shapely finds
the nearest point of the feature, and pyproj's ``Geod`` measures click → nearest point on the WGS84
ellipsoid. The app's quiz mode and the student web page (export/story.py, which does the same in JavaScript
on the embedded geometry) share these questions and tolerances (``resources/scenes/quiz.json``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from corridor_viewer.model.feature import Feature


class QuizError(ValueError):
    """The questions file is malformed; the message says which question and field."""


@dataclass(frozen=True)
class Question:
    id: str
    feature_id: str
    prompt: Mapping[str, str]
    answer_note: Mapping[str, str] = field(default_factory=dict)
    tolerance_km: float = 20.0

    def prompt_for(self, lang: str) -> str:
        return self.prompt.get(lang) or self.prompt.get("en") or self.id

    def note_for(self, lang: str) -> str:
        return self.answer_note.get(lang) or self.answer_note.get("en") or ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "feature_id": self.feature_id, "prompt": dict(self.prompt),
                "answer_note": dict(self.answer_note), "tolerance_km": self.tolerance_km}


@dataclass(frozen=True)
class Answer:
    question_id: str
    right: bool
    distance_km: float  # 0 for a click inside an area
    click: tuple[float, float]  # lon, lat
    nearest: tuple[float, float]  # lon, lat of the feature's point nearest the click


def _texts(value: Any, qid: str, what: str) -> dict[str, str]:
    if isinstance(value, str):
        return {"en": value}
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise QuizError(f"question {qid}: {what} must be {{'ar': ..., 'en': ...}}")
    return {k: v for k, v in value.items() if k in ("ar", "en")}


def parse_questions(data: Any) -> list[Question]:
    """The questions of a quiz.json document ({"format": "corridor-viewer-quiz", "questions": [...]})."""
    if not isinstance(data, dict) or data.get("format") != "corridor-viewer-quiz" \
            or not isinstance(data.get("questions"), list):
        raise QuizError("not a quiz file (expected {'format': 'corridor-viewer-quiz', 'questions': [...]})")
    out: list[Question] = []
    seen: set[str] = set()
    for n, q in enumerate(data["questions"], 1):
        if not isinstance(q, dict) or not isinstance(q.get("id"), str) or q["id"] in seen:
            raise QuizError(f"question #{n}: a unique string id is required")
        qid = q["id"]
        fid = q.get("feature_id")
        if not isinstance(fid, str) or not fid:
            raise QuizError(f"question {qid}: feature_id is required")
        tol = q.get("tolerance_km", 20.0)
        if isinstance(tol, bool) or not isinstance(tol, (int, float)) or not (0 <= tol <= 500):
            raise QuizError(f"question {qid}: tolerance_km must be a number of km between 0 and 500")
        prompt = _texts(q.get("prompt"), qid, "prompt")
        if not any(prompt.values()):
            raise QuizError(f"question {qid}: a prompt in Arabic or English is required")
        seen.add(qid)
        out.append(Question(qid, fid, prompt, _texts(q.get("answer_note", {}), qid, "answer_note"), float(tol)))
    return out


def questions_for(questions: Iterable[Question], features: Mapping[str, Feature]) -> list[Question]:
    """The questions whose place is on this map (a user's map may lack a bundled layer)."""
    return [q for q in questions if q.feature_id in features]


# -- geometry


def lonlat_geometry(f: Feature) -> dict[str, Any]:
    """The feature's geometry as GeoJSON in lon/lat: the file's own coordinates where the import kept them,
    else the display projection undone."""
    from corridor_viewer.model import projection

    raw = f.props.get("_geometry_lonlat")
    if raw is not None and f.geometry.kind != "point":
        return {"type": raw["type"], "coordinates": raw["coordinates"]}
    inv = projection.inverse
    g = f.geometry

    def ring(r):
        return [list(inv(x, y)) for x, y in r]

    if g.kind == "point":
        return {"type": "Point", "coordinates": list(inv(*g.point))}
    if g.kind == "line":
        return {"type": "MultiLineString", "coordinates": [ring(part[0]) for part in g.parts]}
    return {"type": "MultiPolygon", "coordinates": [[ring(r) for r in rings] for rings in g.parts]}


@cache
def _geod():
    from pyproj import Geod

    return Geod(ellps="WGS84")


def geodesic_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance on the WGS84 ellipsoid between two lon/lat points, in km."""
    _az1, _az2, metres = _geod().inv(a[0], a[1], b[0], b[1])
    return abs(metres) / 1000.0


def nearest_point(geometry: Mapping[str, Any], lon: float, lat: float) -> tuple[tuple[float, float], bool]:
    """The point of ``geometry`` (GeoJSON, lon/lat) nearest to (lon, lat), and whether the click is inside it."""
    import shapely
    from pyproj import Transformer
    from shapely.geometry import Point, shape
    from shapely.ops import nearest_points

    geom = shape(geometry)
    if geom.is_empty:
        raise ValueError("the feature has no geometry")
    # An azimuthal equidistant plane centred on the click: the shortest way from the centre is true there.
    aeqd = f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m +no_defs"
    to_plane = Transformer.from_crs("EPSG:4326", aeqd, always_xy=True)
    from_plane = Transformer.from_crs(aeqd, "EPSG:4326", always_xy=True)
    planar = shapely.transform(geom, lambda xy: _stack(to_plane.transform(xy[:, 0], xy[:, 1])))
    centre = Point(0.0, 0.0)
    if geom.geom_type in ("Polygon", "MultiPolygon") and planar.covers(centre):
        return (lon, lat), True
    near = nearest_points(planar, centre)[0]
    nlon, nlat = from_plane.transform(near.x, near.y)
    return (float(nlon), float(nlat)), False


def _stack(cols):
    import numpy as np

    return np.column_stack(cols)


def score_click(question: Question, geometry: Mapping[str, Any], lon: float, lat: float) -> Answer:
    """Right if the click is inside the feature or within the question's tolerance; else how far off (km)."""
    (nlon, nlat), inside = nearest_point(geometry, lon, lat)
    km = 0.0 if inside else geodesic_km((lon, lat), (nlon, nlat))
    return Answer(question.id, km <= question.tolerance_km, km, (lon, lat), (nlon, nlat))


class Quiz:
    """One run of the quiz: the questions in order, the answers given, the score. No Qt, no drawing."""

    def __init__(self, questions: list[Question], features: Mapping[str, Feature]) -> None:
        self.questions = questions_for(questions, features)
        self.features = features
        self.index = 0
        self.answers: dict[str, Answer] = {}

    def __len__(self) -> int:
        return len(self.questions)

    @property
    def current(self) -> Question | None:
        return self.questions[self.index] if 0 <= self.index < len(self.questions) else None

    @property
    def done(self) -> bool:
        return self.index >= len(self.questions)

    @property
    def answered(self) -> bool:
        q = self.current
        return q is not None and q.id in self.answers

    def answer(self, lon: float, lat: float) -> Answer:
        """Score a click for the current question (one answer per question: a second click is ignored)."""
        q = self.current
        if q is None:
            raise ValueError("the quiz is over")
        if q.id in self.answers:
            return self.answers[q.id]
        a = score_click(q, lonlat_geometry(self.features[q.feature_id]), lon, lat)
        self.answers[q.id] = a
        return a

    def skip(self) -> None:
        """Reveal without an answer: counts as asked, not right."""
        q = self.current
        if q is not None and q.id not in self.answers:
            self.answers[q.id] = Answer(q.id, False, float("nan"), (float("nan"), float("nan")),
                                        (float("nan"), float("nan")))

    def next(self) -> Question | None:
        if not self.done:
            self.index += 1
        return self.current

    @property
    def score(self) -> tuple[int, int]:
        """(right, asked)."""
        return sum(1 for a in self.answers.values() if a.right), len(self.answers)

    def restart(self) -> None:
        self.index = 0
        self.answers.clear()
