"""Annotations: what a journalist or a teacher adds to the map, as values (pure Python, no Qt).

Five kinds: a **marker** (dot, pin, star, square or numbered circle, with a label in a chosen direction and
an optional leader line), a **callout** (text anywhere, one or more lines, on a halo or in a box), a
**line** (straight or curved, an arrowhead at either or both ends, dashed or not), a **distance** line
whose label is its geodesic length ("43 km" / "43 كم") and an **area** (a polygon, a circle of a radius in
kilometres, or a rectangle) with fill, outline and label. Each has an English and an Arabic text; the map
language picks one (the other when only one is written).

An :class:`Annotation` is frozen: an edit makes a new value (``dataclasses.replace``), so an undo step is
the list before and the list after, a MapState can hold them safely, and two equal lists compare equal.
Coordinates are longitude/latitude degrees on WGS84; the renderer projects them.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from typing import Any

KINDS = ("marker", "callout", "line", "distance", "area")
ICONS = ("dot", "pin", "star", "square", "number")
DIRECTIONS = ("auto", "e", "ne", "n", "nw", "w", "sw", "s", "se")
HEADS = ("none", "end", "start", "both")
DASHES: dict[str, tuple[float, ...]] = {"solid": (), "dashed": (6.0, 3.0), "dotted": (1.0, 2.5)}
FRAMES = ("halo", "box")
SHAPES = ("polygon", "circle", "rectangle")
# The house palette when no house style says otherwise: strong colours that read on the pale map and in print.
PALETTE = ("#d62828", "#1f4e9c", "#2a7f3f", "#e07b00", "#6a3d9a", "#111111", "#ffffff")

MAX_TEXT = 2000  # characters per language: a callout is a few lines, not an article
MAX_POINTS = 2000
MIN_LAT, MAX_LAT = -60.0, 85.0  # what the map's conic projection can draw
_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
_COLOR_RE = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


class AnnotationError(ValueError):
    """An annotation record is malformed; the message names the annotation and the field."""


@dataclass(frozen=True)
class Text:
    """A text in both languages; ``for_lang`` falls back to the other one when only one is written."""

    en: str = ""
    ar: str = ""

    def for_lang(self, lang: str) -> str:
        first, other = (self.ar, self.en) if lang == "ar" else (self.en, self.ar)
        return first or other

    def __bool__(self) -> bool:
        return bool(self.en.strip() or self.ar.strip())

    def to_dict(self) -> dict[str, str]:
        return {k: v for k, v in (("en", self.en), ("ar", self.ar)) if v}

    @classmethod
    def from_value(cls, value: Any, what: str) -> Text:
        if value is None:
            return cls()
        if isinstance(value, str):
            value = {"en": value}
        if not isinstance(value, dict) or not all(isinstance(value.get(k, ""), str) for k in ("en", "ar")):
            raise AnnotationError(f"{what} must be {{'en': ..., 'ar': ...}}")
        en, ar = value.get("en", ""), value.get("ar", "")
        for t in (en, ar):
            if len(t) > MAX_TEXT:
                raise AnnotationError(f"{what} is longer than {MAX_TEXT:,} characters")
            if any(ord(c) < 32 and c not in "\n\t" for c in t):
                raise AnnotationError(f"{what} holds control characters")
        return cls(en, ar)


Point = tuple[float, float]


@dataclass(frozen=True)
class Annotation:
    id: str
    kind: str
    points: tuple[Point, ...]
    text: Text = field(default_factory=Text)
    name: str = ""  # what the Annotations list calls it (empty: its text)
    visible: bool = True
    color: str = "#d62828"  # marker, line, outline and text colour
    width: float = 2.5  # line and outline width, px on screen
    dash: str = "solid"
    fill: str = ""  # area fill ("" : the colour)
    fill_opacity: float = 0.2
    icon: str = "dot"  # marker
    number: int = 1  # numbered-circle marker
    direction: str = "auto"  # where a marker's label sits ("auto": east in English, west in Arabic)
    leader: bool = False  # a marker's label set further off with a line to it
    frame: str = "halo"  # text on a halo or in a box
    text_size: float = 10.0  # pt on screen
    heads: str = "end"  # line: arrowheads
    curve: float = 0.0  # line: bend as a fraction of the chord, either side; 0 is straight
    shape: str = "polygon"  # area
    radius_km: float = 0.0  # circle
    decimals: int = -1  # distance label: -1 three significant figures, else that many decimals

    def __post_init__(self) -> None:
        _validate(self)

    # -- what it says
    def label(self, lang: str) -> str:
        """The text drawn beside it in ``lang``; a distance line's includes its ground length."""
        text = self.text.for_lang(lang).strip()
        if self.kind == "distance":
            length = format_length(geodesic_length_m(self.points), lang, self.decimals)
            return f"{text} · {length}" if text else length
        return text

    def title(self, lang: str) -> str:
        """Its name in a list: the name it was given, else its text's first line."""
        if self.name.strip():
            return self.name.strip()
        first = self.text.for_lang(lang).strip().split("\n", 1)[0]
        if self.kind == "distance":
            return self.label(lang)
        return first[:60]

    def is_closed(self) -> bool:
        return self.kind == "area"

    # -- edits (each a new value)
    def with_points(self, points: Iterable[Point]) -> Annotation:
        return replace(self, points=tuple((float(x), float(y)) for x, y in points))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "kind": self.kind, "points": [[x, y] for x, y in self.points]}
        defaults = _DEFAULTS
        for f in fields(self):
            if f.name in ("id", "kind", "points"):
                continue
            v = getattr(self, f.name)
            if f.name == "text":
                if v:
                    out["text"] = v.to_dict()
            elif v != defaults[f.name]:
                out[f.name] = v
        return out

    @classmethod
    def from_dict(cls, d: Any) -> Annotation:
        if not isinstance(d, dict):
            raise AnnotationError("an annotation must be a JSON object")
        aid = d.get("id")
        if not isinstance(aid, str) or not _ID_RE.fullmatch(aid):
            raise AnnotationError(f"annotation id {str(aid)[:40]!r}: use 1-64 letters, digits, '.', '-' or '_'")
        what = f"annotation {aid}"
        pts = d.get("points")
        if not isinstance(pts, list) or len(pts) > MAX_POINTS:
            raise AnnotationError(f"{what}: points must be a list of [longitude, latitude]")
        points = []
        for p in pts:
            if not (isinstance(p, list) and len(p) == 2 and all(_is_number(v) for v in p)):
                raise AnnotationError(f"{what}: each point is [longitude, latitude] in degrees")
            points.append((float(p[0]), float(p[1])))
        kw: dict[str, Any] = {"id": aid, "kind": d.get("kind"), "points": tuple(points),
                              "text": Text.from_value(d.get("text"), f"{what}: text")}
        for f in fields(cls):
            if f.name in kw or f.name not in d:
                continue
            v, default = d[f.name], _DEFAULTS[f.name]
            if isinstance(default, bool):
                ok = isinstance(v, bool)
            elif isinstance(default, int):
                ok = isinstance(v, int) and not isinstance(v, bool)
            elif isinstance(default, float):
                ok = _is_number(v)
                v = float(v) if ok else v
            else:
                ok = isinstance(v, str)
            if not ok:
                raise AnnotationError(f"{what}: {f.name} has the wrong type ({type(v).__name__})")
            kw[f.name] = v
        return cls(**kw)


_DEFAULTS: dict[str, Any] = {f.name: f.default for f in fields(Annotation)
                             if f.name not in ("id", "kind", "points", "text")}


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _validate(a: Annotation) -> None:
    what = f"annotation {a.id}"
    if not isinstance(a.id, str) or not _ID_RE.fullmatch(a.id):
        raise AnnotationError(f"annotation id {str(a.id)[:40]!r}: use 1-64 letters, digits, '.', '-' or '_'")
    if a.kind not in KINDS:
        raise AnnotationError(f"{what}: kind {str(a.kind)[:20]!r} is not one of {', '.join(KINDS)}")
    n = len(a.points)
    need = {"marker": (1, 1), "callout": (1, 1), "line": (2, MAX_POINTS), "distance": (2, MAX_POINTS)}.get(a.kind)
    if a.kind == "area":
        need = {"polygon": (3, MAX_POINTS), "circle": (1, 1), "rectangle": (2, 2)}.get(a.shape)
        if need is None:
            raise AnnotationError(f"{what}: shape {a.shape[:20]!r} is not one of {', '.join(SHAPES)}")
    if not need[0] <= n <= need[1]:
        want = f"{need[0]}" if need[0] == need[1] else f"at least {need[0]}"
        raise AnnotationError(f"{what}: a {a.kind}{' ' + a.shape if a.kind == 'area' else ''} needs {want} "
                              f"point(s), not {n}")
    for lon, lat in a.points:
        if not (_is_number(lon) and _is_number(lat) and -180 <= lon <= 180 and MIN_LAT <= lat <= MAX_LAT):
            raise AnnotationError(f"{what}: point ({lon}, {lat}) is not a longitude/latitude this map can draw "
                                  f"(longitude -180..180, latitude {MIN_LAT:g}..{MAX_LAT:g})")
    checks = (
        (a.icon in ICONS, f"icon {a.icon[:20]!r} is not one of {', '.join(ICONS)}"),
        (a.direction in DIRECTIONS, f"direction {a.direction[:10]!r} is not one of {', '.join(DIRECTIONS)}"),
        (a.heads in HEADS, f"heads {a.heads[:10]!r} is not one of {', '.join(HEADS)}"),
        (a.dash in DASHES, f"dash {a.dash[:10]!r} is not one of {', '.join(DASHES)}"),
        (a.frame in FRAMES, f"frame {a.frame[:10]!r} is not one of {', '.join(FRAMES)}"),
        (_COLOR_RE.fullmatch(a.color) is not None, f"colour {a.color[:20]!r} is not #rgb or #rrggbb"),
        (a.fill == "" or _COLOR_RE.fullmatch(a.fill) is not None, f"fill {a.fill[:20]!r} is not #rgb or #rrggbb"),
        (0.5 <= a.width <= 24, f"width {a.width} is outside 0.5–24 px"),
        (0.0 <= a.fill_opacity <= 1.0, f"fill opacity {a.fill_opacity} is outside 0–1"),
        (0 <= a.number <= 999, f"number {a.number} is outside 0–999"),
        (5 <= a.text_size <= 72, f"text size {a.text_size} is outside 5–72 pt"),
        (-1.0 <= a.curve <= 1.0, f"curve {a.curve} is outside -1–1"),
        (-1 <= a.decimals <= 3, f"decimals {a.decimals} is outside -1–3"),
        (len(a.name) <= 200 and "\n" not in a.name, "the name is longer than 200 characters or has a line break"),
        (isinstance(a.visible, bool), "visible must be true or false"),
        (isinstance(a.leader, bool), "leader must be true or false"),
    )
    for ok, msg in checks:
        if not ok:
            raise AnnotationError(f"{what}: {msg}")
    if a.kind == "area" and a.shape == "circle" and not (0.01 <= a.radius_km <= 3000):
        raise AnnotationError(f"{what}: a circle's radius must be 0.01–3000 km (got {a.radius_km:g})")


# -- making them

def new_id(kind: str = "a") -> str:
    import uuid  # here: ~3 ms at start-up, and ids are only made when the user adds a mark

    return f"{kind[:8]}-{uuid.uuid4().hex[:10]}"


def make(kind: str, points: Iterable[Point], **kw: Any) -> Annotation:
    """A new annotation of ``kind`` with the defaults its tool gives it (a line tool's arrow has a head)."""
    base: dict[str, Any] = {"marker": {}, "callout": {"color": "#111111", "frame": "box", "text_size": 11.0},
                            "line": {}, "distance": {"heads": "both", "color": "#111111", "width": 2.0},
                            "area": {"width": 2.0}}[kind]
    return Annotation(new_id(kind), kind, tuple((float(x), float(y)) for x, y in points), **{**base, **kw})


# -- lists of them (the session's and a scene's): tuples, replaced whole

def replaced(items: tuple[Annotation, ...], a: Annotation) -> tuple[Annotation, ...]:
    return tuple(a if x.id == a.id else x for x in items)


def without(items: tuple[Annotation, ...], ids: Iterable[str]) -> tuple[Annotation, ...]:
    gone = set(ids)
    return tuple(x for x in items if x.id not in gone)


def moved(items: tuple[Annotation, ...], aid: str, delta: int) -> tuple[Annotation, ...]:
    """``aid`` moved ``delta`` places in the drawing order (later is drawn on top)."""
    out = list(items)
    i = next((n for n, x in enumerate(out) if x.id == aid), None)
    if i is None:
        return items
    j = max(0, min(len(out) - 1, i + delta))
    out.insert(j, out.pop(i))
    return tuple(out)


def find(items: Iterable[Annotation], aid: str | None) -> Annotation | None:
    return next((x for x in items if x.id == aid), None) if aid else None


def list_from_dicts(items: Any, what: str = "annotations") -> tuple[Annotation, ...]:
    """Strict: AnnotationError on the first bad record or a repeated id (scenes, the CLI)."""
    if not isinstance(items, list):
        raise AnnotationError(f"{what} must be a list")
    out = [Annotation.from_dict(d) for d in items]
    ids = [a.id for a in out]
    if len(ids) != len(set(ids)):
        raise AnnotationError(f"{what}: two annotations share an id")
    return tuple(out)


def list_from_dicts_tolerant(items: Any, warnings: list[str]) -> tuple[Annotation, ...]:
    """Projects: each bad record is left out with a warning that says which and why."""
    if items is None:
        return ()
    if not isinstance(items, list):
        warnings.append("the annotations are damaged (not a list) and were left out")
        return ()
    out: list[Annotation] = []
    seen: set[str] = set()
    for n, d in enumerate(items, start=1):
        try:
            a = Annotation.from_dict(d)
        except AnnotationError as exc:
            warnings.append(f"annotation #{n} was left out: {exc}")
            continue
        if a.id in seen:
            warnings.append(f"annotation #{n} repeats the id {a.id!r} and was left out")
            continue
        seen.add(a.id)
        out.append(a)
    return tuple(out)


# -- geometry (lon/lat in, metres or lon/lat out)

@functools.lru_cache(maxsize=1)
def _geod():
    from pyproj import Geod  # loaded when a distance or circle is first measured: start-up never needs it

    return Geod(ellps="WGS84")


@functools.lru_cache(maxsize=4096)
def geodesic_length_m(points: tuple[Point, ...]) -> float:
    """The ground length of the line through ``points`` along the WGS84 ellipsoid (pyproj.Geod)."""
    if len(points) < 2:
        return 0.0
    lons, lats = zip(*points, strict=True)
    return float(_geod().line_length(lons, lats))


@functools.lru_cache(maxsize=1024)
def circle_ring(center: Point, radius_km: float, n: int = 96) -> tuple[Point, ...]:
    """A geodesic circle: the points ``radius_km`` from ``center`` at ``n`` azimuths (closed ring, lon/lat)."""
    lon, lat = center
    az = [360.0 * i / n for i in range(n)]
    lons, lats, _ = _geod().fwd([lon] * n, [lat] * n, az, [radius_km * 1000.0] * n)
    ring = [(float(x), max(MIN_LAT, min(MAX_LAT, float(y)))) for x, y in zip(lons, lats, strict=True)]
    return (*ring, ring[0])


def circle_radius_km(center: Point, edge: Point) -> float:
    """The geodesic distance from the centre to a point on the edge (a circle drawn by dragging)."""
    _, _, d = _geod().inv(center[0], center[1], edge[0], edge[1])
    return float(d) / 1000.0


def format_length(metres: float, lang: str, decimals: int = -1) -> str:
    """"43.2 km" / "43.2 كم"; below a kilometre "850 m" / "850 م". ``decimals`` -1: three significant
    figures (within 0.5% of the length), else that many decimals of a kilometre."""
    km = metres / 1000.0
    if km < 1.0 and decimals < 0:
        value, unit = f"{metres:.0f}", ("م" if lang == "ar" else "m")
    else:
        if decimals < 0:
            decimals = 0 if km >= 100 else (1 if km >= 10 else 2)
        value, unit = f"{km:,.{decimals}f}", ("كم" if lang == "ar" else "km")
    return f"{value}\u00a0{unit}"


def bounds(a: Annotation) -> tuple[float, float, float, float]:
    """lon/lat box (west, south, east, north) of what the annotation covers."""
    pts = list(a.points)
    if a.kind == "area" and a.shape == "circle":
        pts = list(circle_ring(a.points[0], a.radius_km, 24))
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))


__all__ = ["DASHES", "DIRECTIONS", "FRAMES", "HEADS", "ICONS", "KINDS", "PALETTE", "SHAPES", "Annotation",
           "AnnotationError", "Text", "circle_radius_km", "circle_ring", "find", "format_length",
           "geodesic_length_m", "list_from_dicts", "list_from_dicts_tolerant", "make", "moved", "new_id",
           "replaced", "without"]
