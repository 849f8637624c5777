"""MapState: everything one drawing of the map needs, as an immutable value (QGIS's QgsMapSettings).

The renderer draws a MapState, never the live document: the canvas holds the current one and repaints when
the document gives it a new one; an export, a handout page, a scene preview and a presentation slide are
each a MapState made for the occasion, so drawing them changes nothing and fires no event.

A MapState shares the (read-only) layers and features with the document that made it; the document never
changes a Layer's geometry or list of features in place (it swaps in new lists), and every per-layer value
the painter reads — visibility, opacity, style — is copied into the state's :class:`LayerView`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from corridor_viewer.model.feature import Feature, Layer
from corridor_viewer.model.style import LayerStyle
from corridor_viewer.model.timeline import state_at
from corridor_viewer.model.viewport import Bounds, Viewport

_EMPTY: Mapping[Any, Any] = MappingProxyType({})


@dataclass(frozen=True, eq=False)
class LayerView:
    """One layer as a state draws it."""

    layer: Layer
    visible: bool
    opacity: float
    style: LayerStyle

    @property
    def id(self) -> str:
        return self.layer.id

    @property
    def group(self) -> str:
        return self.layer.group

    @property
    def z(self) -> int:
        return self.layer.z

    @property
    def features(self) -> list[Feature]:
        return self.layer.features

    def title_for(self, lang: str) -> str:
        return self.layer.title_for(lang)

    def drawn_features(self) -> list[Feature]:
        """Umbrella features whose segments are drawn are only drawn through their segments."""
        return self.layer.drawn_features(self.style)

    def key(self) -> tuple:
        """What the painted pixels of this layer depend on (compared by value, never by id)."""
        return (self.layer.id, self.visible, self.opacity, self.style.fingerprint(), len(self.layer.features))


@dataclass(frozen=True, eq=False)
class MapState:
    layers: tuple[LayerView, ...]
    features: Mapping[str, Feature]
    viewport: Viewport
    selection: tuple[str, ...] = ()
    hover: str | None = None
    date: str | None = None  # ISO; None = today's state
    language: str = "en"
    background: str = "#eef1ec"
    label_limits: Mapping[int, float] = field(default_factory=lambda: _EMPTY)
    badges: Mapping[str, int] = field(default_factory=lambda: _EMPTY)  # mention counts beside labels
    dim_except: frozenset[str] | None = None  # ids kept bright ("mentioned only"); others dimmed
    data_bounds: Bounds | None = None  # how far the base data reaches (the inset's extent)
    emphasis: frozenset[str] = frozenset()  # what the map is about: always labelled (the story's places)
    data_as_of: str | None = None  # "YYYY-MM": the month of the newest source (credit lines say "as of")
    annotations: tuple[Any, ...] = ()
    label_overrides: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)

    # -- lookup
    def feature(self, fid: str | None) -> Feature | None:
        return self.features.get(fid) if fid is not None else None

    def layer(self, lid: str) -> LayerView | None:
        return next((lv for lv in self.layers if lv.layer.id == lid), None)

    def layer_of(self, f: Feature) -> LayerView | None:
        return self.layer(f.layer_id)

    def visible_layers(self) -> list[LayerView]:
        return [lv for lv in self.layers if lv.visible]

    def status_of(self, f: Feature) -> str | None:
        """The feature's status on the state's date (None: it did not exist yet)."""
        return state_at(f.props, f.status, self.date)

    # -- variations (each a new state)
    def with_viewport(self, viewport: Viewport) -> MapState:
        return replace(self, viewport=viewport)

    def with_extent(self, bounds: Bounds, width: float = 1000.0) -> MapState:
        """The same map framed on exactly ``bounds`` (exports fit this extent into their frame)."""
        return replace(self, viewport=Viewport.for_bounds(bounds, width))

    def with_layers_visible(self, ids: set[str] | frozenset[str]) -> MapState:
        return replace(self, layers=tuple(replace(lv, visible=lv.layer.id in ids) for lv in self.layers))

    def with_selection(self, fids: tuple[str, ...] | list[str]) -> MapState:
        return replace(self, selection=tuple(f for f in fids if f in self.features), hover=None)

    def with_(self, **changes: Any) -> MapState:
        return replace(self, **changes)

    @property
    def extent(self) -> Bounds:
        return self.viewport.world_bounds

    def look_key(self) -> tuple:
        """What the drawn layers look like, wherever the camera is (a canvas keeps its cached image of the
        layers while this stays equal, shifting or scaling it for a pan or a zoom)."""
        return (tuple(lv.key() for lv in self.layers), self.date, self.dim_except, self.background)
