"""Label edits: the user's overrides of the label engine for one map (a project's view or a scene).

Drag a map label to a new place, hide it, give it another text for this map, or force it on where the
engine left it out; "reset" removes the edit and the engine decides again. The edits are values keyed by
feature id (``MapState.label_overrides``) that ``render.labels.plan_labels`` and the HTML page both read, so
the screen, PNG, SVG, PDF, handout and HTML place the label alike. A moved label keeps the longitude and
latitude of its centre, so it stays where it was put at any page size. Pure Python.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from corridor_viewer.model.annotations import MAX_LAT, MIN_LAT, AnnotationError, Text

_FID_RE = re.compile(r"[\w.:-]{1,120}")


class LabelEditError(ValueError):
    """A label edit record is malformed; the message says which and why."""


@dataclass(frozen=True)
class LabelEdit:
    fid: str
    hidden: bool = False
    forced: bool = False  # shown even where the engine would leave it out (scale, collisions)
    text: Text = field(default_factory=Text)  # this map's text; empty: the feature's own name
    at: tuple[float, float] | None = None  # lon/lat of the label's centre, once dragged

    def __post_init__(self) -> None:
        if not isinstance(self.fid, str) or not _FID_RE.fullmatch(self.fid):
            raise LabelEditError(f"label edit for {str(self.fid)[:40]!r}: not a feature id")
        if self.at is not None:
            lon, lat = self.at
            if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
                       for v in (lon, lat)) or not (-180 <= lon <= 180 and MIN_LAT <= lat <= MAX_LAT):
                raise LabelEditError(f"label edit for {self.fid}: position {self.at} is not a longitude/latitude")

    def is_empty(self) -> bool:
        return not (self.hidden or self.forced or self.text or self.at is not None)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"fid": self.fid}
        if self.hidden:
            out["hidden"] = True
        if self.forced:
            out["forced"] = True
        if self.text:
            out["text"] = self.text.to_dict()
        if self.at is not None:
            out["at"] = [self.at[0], self.at[1]]
        return out

    @classmethod
    def from_dict(cls, d: Any) -> LabelEdit:
        if not isinstance(d, dict):
            raise LabelEditError("a label edit must be a JSON object")
        fid = d.get("fid")
        for key in ("hidden", "forced"):
            if not isinstance(d.get(key, False), bool):
                raise LabelEditError(f"label edit for {str(fid)[:40]!r}: {key} must be true or false")
        try:
            text = Text.from_value(d.get("text"), f"label edit for {str(fid)[:40]!r}: text")
        except AnnotationError as exc:
            raise LabelEditError(str(exc)) from exc
        at = d.get("at")
        if at is not None:
            if not (isinstance(at, list) and len(at) == 2):
                raise LabelEditError(f"label edit for {str(fid)[:40]!r}: at must be [longitude, latitude]")
            at = (at[0], at[1])
            if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in at):
                raise LabelEditError(f"label edit for {str(fid)[:40]!r}: at must be [longitude, latitude]")
            at = (float(at[0]), float(at[1]))
        return cls(fid, d.get("hidden", False), d.get("forced", False), text, at)


LabelEdits = Mapping[str, LabelEdit]
NO_EDITS: LabelEdits = MappingProxyType({})


def edits(items: dict[str, LabelEdit] | Mapping[str, LabelEdit]) -> LabelEdits:
    """A read-only mapping without empty edits (a reset label has no entry at all)."""
    return MappingProxyType({k: v for k, v in items.items() if not v.is_empty()})


def with_edit(current: LabelEdits, fid: str, **change: Any) -> LabelEdits:
    """``current`` with ``fid``'s edit changed (hidden=…, forced=…, text=…, at=…); hiding un-forces and back."""
    old = current.get(fid) or LabelEdit(fid)
    if change.get("hidden"):
        change.setdefault("forced", False)
    if change.get("forced"):
        change.setdefault("hidden", False)
    return edits({**current, fid: replace(old, **change)})


def reset(current: LabelEdits, fid: str) -> LabelEdits:
    return edits({k: v for k, v in current.items() if k != fid})


def to_list(current: LabelEdits) -> list[dict[str, Any]]:
    return [e.to_dict() for _fid, e in sorted(current.items())]


def from_list(items: Any) -> LabelEdits:
    """Strict (scenes): LabelEditError on a bad record."""
    if not isinstance(items, list):
        raise LabelEditError("label edits must be a list")
    out: dict[str, LabelEdit] = {}
    for d in items:
        e = LabelEdit.from_dict(d)
        out[e.fid] = e
    return edits(out)


def from_list_tolerant(items: Any, warnings: list[str]) -> LabelEdits:
    """Projects: a bad record is left out with a warning."""
    if items is None:
        return NO_EDITS
    if not isinstance(items, list):
        warnings.append("the label edits are damaged (not a list) and were left out")
        return NO_EDITS
    out: dict[str, LabelEdit] = {}
    for n, d in enumerate(items, start=1):
        try:
            e = LabelEdit.from_dict(d)
        except LabelEditError as exc:
            warnings.append(f"label edit #{n} was left out: {exc}")
            continue
        out[e.fid] = e
    return edits(out)


def key(current: LabelEdits) -> tuple:
    """A hashable value that changes whenever the edits do (label caches are keyed by it)."""
    return tuple(sorted(current.items())) if current else ()
