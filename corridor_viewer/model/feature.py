"""Features and layers: projected geometry plus the sourced attributes from the geodata."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from corridor_viewer.model.style import LayerStyle

Ring = list[tuple[float, float]]


@dataclass
class Geometry:
    """Projected (display CRS, metres) geometry in the shape the painter and hit test need."""

    kind: str  # polygon | line | point
    parts: list[list[Ring]]  # polygon: [[outer, hole...], ...]; line: [[line], ...]; point: [[[pt]]]
    bounds: tuple[float, float, float, float]

    @property
    def point(self) -> tuple[float, float]:
        return self.parts[0][0][0]


@dataclass
class Feature:
    id: str
    layer_id: str
    props: dict[str, Any]
    geometry: Geometry
    label_anchor: tuple[float, float] | None = None  # projected; None = no label

    def name(self, lang: str) -> str:
        return self.props.get(f"name_{lang}") or self.props.get("name_en") or self.id

    def label(self, lang: str) -> str:
        """The map label: a short form where the full name is too long for a map."""
        return self.props.get(f"label_{lang}") or self.name(lang)

    @property
    def kind(self) -> str:
        return self.props.get("kind", "")

    @property
    def status(self) -> str:
        return self.props.get("status", "")

    @property
    def part_of(self) -> str | None:
        return self.props.get("part_of")

    @property
    def priority(self) -> int:
        return int(self.props.get("label_priority") or 3)


@dataclass(frozen=True)
class RasterSource:
    """An image layer pre-projected at build time: its pixels tile ``bounds_m`` (display-CRS metres)."""

    path: str
    bounds_m: tuple[float, float, float, float]
    blend: str = "multiply"  # grey, white = no change (render/raster.py)
    opacity: float = 1.0
    min_m_per_px: float = 0.0  # drawn only between these scales (its pixels blur when zoomed in further)
    max_m_per_px: float = float("inf")
    attribution: str = ""

    def shown_at(self, m_per_px: float) -> bool:
        return self.min_m_per_px <= m_per_px <= self.max_m_per_px


@dataclass(eq=False)  # a layer is itself: hashable by identity, so renderers can cache per layer
class Layer:
    id: str
    title: dict[str, str]
    style: LayerStyle
    z: int
    group: str
    features: list[Feature] = field(default_factory=list)
    visible: bool = True
    opacity: float = 1.0
    _index: Any = field(default=None, repr=False)  # BoxIndex over the features, for big layers
    raster: RasterSource | None = None  # an image layer (Terrain): no features

    def spatial_index(self) -> Any:
        """The layer's spatial index when it is big enough to need one (built on first use: the import
        worker asks for it, so the UI thread never pays for it), else None."""
        from corridor_viewer.model.spatial import INDEX_MIN_FEATURES, BoxIndex

        if len(self.features) < INDEX_MIN_FEATURES:
            return None
        if self._index is None or len(self._index) != len(self.features):
            self._index = BoxIndex([f.geometry.bounds for f in self.features])
        return self._index

    def title_for(self, lang: str) -> str:
        return self.title.get(lang) or self.title.get("en") or self.id

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        if self.raster is not None and not self.features:
            return self.raster.bounds_m
        bs = [f.geometry.bounds for f in self.features]
        return (min(b[0] for b in bs), min(b[1] for b in bs), max(b[2] for b in bs), max(b[3] for b in bs))

    def drawn_features(self, style: LayerStyle | None = None) -> list[Feature]:
        """Umbrella features whose segments are drawn are only drawn through their segments."""
        if not (style or self.style).umbrella_hidden:
            return self.features
        umbrellas = {f.part_of for f in self.features if f.part_of}
        return [f for f in self.features if f.id not in umbrellas]
