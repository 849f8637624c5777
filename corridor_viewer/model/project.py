"""What a project file holds, as plain data (io.project reads and writes it; the session fills it)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corridor_viewer.model.annotations import Annotation
from corridor_viewer.model.label_edits import NO_EDITS, LabelEdit

# The project format this version writes. 2 added annotations and label edits (the project's and each
# scene's): a version that reads only format 1 opens such a file read-only instead of dropping them on save.
VERSION = 2


@dataclass
class LayerEntry:
    """An imported layer as a project keeps it."""

    id: str
    title: str
    mode: str  # copy | reference
    style: Any = None  # LayerStyle, or None for the default style of its kind
    z: int = 1000
    path: str | None = None  # the source file (absolute), for both modes
    relative: str | None = None  # the source file relative to the project's folder (reference mode)
    layer: str | None = None  # the layer inside a GeoPackage / KML / zip
    features: dict[str, Any] | None = None  # copy mode: a GeoJSON FeatureCollection (lon/lat)
    name_field: str | None = None


@dataclass
class ArticleEntry:
    id: str
    title: str
    text: str
    published: str = ""
    source: str = ""


@dataclass
class Project:
    view: dict[str, float] | None = None
    layer_state: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> {"visible", "opacity"}
    imported: list[LayerEntry] = field(default_factory=list)
    articles: list[ArticleEntry] = field(default_factory=list)
    scenes: list[dict[str, Any]] = field(default_factory=list)
    export_settings: dict[str, Any] = field(default_factory=dict)
    selection: list[str] = field(default_factory=list)
    # A reader's confirm/reject decisions on links (LinkDecisions.to_dict()); None in projects without any.
    link_decisions: dict[str, Any] | None = None
    annotations: tuple[Annotation, ...] = ()
    label_edits: Mapping[str, LabelEdit] = field(default_factory=lambda: NO_EDITS)
    origin: str | None = None  # recovery files: the project file the work belongs to (a hint, never a target)
    extra: dict[str, Any] = field(default_factory=dict)  # keys this version does not know, kept as they were


@dataclass
class LoadedProject:
    project: Project
    path: Path
    warnings: list[str] = field(default_factory=list)
    read_only: bool = False
    version: int = VERSION
