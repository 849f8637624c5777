"""The document: the layers in draw order and the live state of the main map (pure Python, no Qt).

Selection, hover, the timeline's date, the map language, the reader's focus and the main map's camera
live here, so no view talks to another: each listens to the signal it needs and redraws. Each change
emits one specific signal (visibility, opacity, style, layer added/removed, date, …).

Layers and the feature index are replaced, never edited in place, when layers are added or removed: a
:class:`~corridor_viewer.model.mapstate.MapState` taken earlier keeps drawing what it was given.
"""

from __future__ import annotations

from types import MappingProxyType

from corridor_viewer.model import hittest
from corridor_viewer.model.feature import Feature, Layer
from corridor_viewer.model.mapstate import LayerView, MapState
from corridor_viewer.model.signals import signal
from corridor_viewer.model.style import LayerStyle
from corridor_viewer.model.timeline import normalise_date, state_at
from corridor_viewer.model.viewport import Bounds, Camera, Viewport


class Document:
    """Everything the main map draws, and the signals its views listen to."""

    visibility_changed = signal(str, bool)  # layer id, visible
    opacity_changed = signal(str, float)  # layer id, opacity
    style_changed = signal(str)  # layer id
    layer_added = signal(str)
    layer_removed = signal(str)
    date_changed = signal(object)  # ISO date or None
    selection_changed = signal(list)
    hover_changed = signal(object)
    language_changed = signal(str)
    links_changed = signal()
    focus_changed = signal(object)  # (article id, start, end) or None
    zoom_requested = signal(str)  # feature id
    camera_changed = signal(object)  # Camera
    mentioned_only_changed = signal(bool)
    month_filter_changed = signal(object)  # "YYYY-MM", "" (undated) or None

    def __init__(self, layers: list[Layer], background: str = "#eef1ec", sources_note: str = "",
                 home_bounds: Bounds | None = None, label_limits: dict[int, float] | None = None,
                 data_bounds: Bounds | None = None, emphasis: frozenset[str] = frozenset(),
                 data_as_of: str | None = None) -> None:
        self.layers: tuple[Layer, ...] = tuple(sorted(layers, key=lambda layer: layer.z))
        self.background = background
        self._home = home_bounds
        self._data_bounds = data_bounds
        self.emphasis = frozenset(emphasis)  # the places the story is about: their names are never dropped
        self.data_as_of = data_as_of  # the month of the newest source behind the map ("YYYY-MM")
        # Label priority -> coarsest scale (m/px) at which such labels still show (manifest data).
        self.label_limits = MappingProxyType(dict(label_limits or {}))
        self.sources_note = sources_note
        self._features = MappingProxyType({f.id: f for layer in self.layers for f in layer.features})
        self._layers = {layer.id: layer for layer in self.layers}
        self.selection: list[str] = []
        self.hover: str | None = None
        self.language = "en"
        self.links = None  # Links, set once the articles are linked (after the first paint)
        self.focus: tuple[str, int, int] | None = None  # (article id, start, end) the reader shows
        self.mentioned_only = False
        # The month whose passages the feature panel lists (a bar of its chart); None lists every month.
        self.month_filter: str | None = None
        self.date: str | None = None  # the timeline's date (ISO); None = today's state, no filter
        self.camera: Camera | None = None  # the main map's view; None until a canvas frames the home view

    # -- lookup
    def feature(self, fid: str | None) -> Feature | None:
        return self._features.get(fid) if fid is not None else None

    def layer(self, lid: str) -> Layer | None:
        return self._layers.get(lid)

    def features(self) -> list[Feature]:
        return list(self._features.values())

    @property
    def bounds(self) -> Bounds:
        bs = [layer.bounds for layer in self.layers if layer.features]
        return (min(b[0] for b in bs), min(b[1] for b in bs), max(b[2] for b in bs), max(b[3] for b in bs))

    @property
    def home_bounds(self) -> Bounds:
        """The view Home returns to: the corridor area, not the whole context window."""
        return self._home or self.bounds

    @property
    def data_bounds(self) -> Bounds:
        """How far the base data reaches: the camera never shows beyond it."""
        return self._data_bounds or self.bounds

    def feature_bounds(self, fid: str) -> Bounds:
        return self._features[fid].geometry.bounds

    # -- layer state (each change emits its own signal)
    def set_visible(self, lid: str, visible: bool) -> None:
        layer = self._layers[lid]
        if layer.visible != visible:
            layer.visible = visible
            self.visibility_changed.emit(lid, visible)

    def set_opacity(self, lid: str, opacity: float) -> None:
        layer = self._layers[lid]
        opacity = max(0.0, min(1.0, float(opacity)))
        if layer.opacity != opacity:
            layer.opacity = opacity
            self.opacity_changed.emit(lid, opacity)

    def set_layer_style(self, lid: str, style: LayerStyle) -> None:
        """Give a layer a new LayerStyle (styles are data: the painter and exports read it)."""
        layer = self._layers[lid]
        if layer.style != style:
            layer.style = style
            self.style_changed.emit(lid)

    def set_layer_title(self, lid: str, title: dict[str, str]) -> None:
        layer = self._layers[lid]
        if layer.title != title:
            layer.title = dict(title)
            self.style_changed.emit(lid)  # the legend and the layers panel show titles beside swatches

    def add_layer(self, layer: Layer) -> None:
        """Add a layer (a user's import) in z order; its id and its features' ids must be new."""
        if layer.id in self._layers:
            raise ValueError(f"a layer with id {layer.id!r} already exists")
        clash = next((f.id for f in layer.features if f.id in self._features), None)
        if clash is not None:
            raise ValueError(f"feature id {clash!r} already exists")
        self.layers = tuple(sorted([*self.layers, layer], key=lambda lay: lay.z))
        self._layers[layer.id] = layer
        self._features = MappingProxyType({**self._features, **{f.id: f for f in layer.features}})
        self.layer_added.emit(layer.id)

    def remove_layer(self, lid: str) -> Layer | None:
        """Remove a layer; the selection, hover and focus let go of its features."""
        layer = self._layers.pop(lid, None)
        if layer is None:
            return None
        self.layers = tuple(lay for lay in self.layers if lay.id != lid)
        gone = {f.id for f in layer.features}
        self._features = MappingProxyType({k: v for k, v in self._features.items() if k not in gone})
        if gone.intersection(self.selection):
            self.select([f for f in self.selection if f not in gone])
        if self.hover in gone:
            self.set_hover(None)
        self.layer_removed.emit(lid)
        return layer

    # -- the rest of the live state
    def set_language(self, lang: str) -> None:
        if lang not in ("en", "ar"):
            raise ValueError(f"unsupported language {lang!r}")
        if lang != self.language:
            self.language = lang
            self.language_changed.emit(lang)

    def select(self, fids: list[str] | tuple[str, ...] | str | None) -> None:
        if fids is None:
            fids = []
        elif isinstance(fids, str):
            fids = [fids]
        fids = [f for f in fids if f in self._features]
        if fids != self.selection:
            self.selection = fids
            self.set_month_filter(None)  # a month of the previous feature's chart means nothing for the next
            self.selection_changed.emit(list(fids))

    def set_hover(self, fid: str | None) -> None:
        if fid != self.hover:
            self.hover = fid
            self.hover_changed.emit(fid)

    def set_links(self, links) -> None:
        self.links = links
        self.links_changed.emit()

    def set_focus(self, article_id: str | None, start: int = 0, end: int = 0) -> None:
        """Point the article reader at a passage or mention (None clears it)."""
        focus = None if article_id is None else (article_id, start, end)
        if focus != self.focus:
            self.focus = focus
            self.focus_changed.emit(focus)

    def request_zoom(self, fid: str) -> None:
        """Ask the map to show a feature (the reader and search do; the canvas listens)."""
        if fid in self._features:
            self.zoom_requested.emit(fid)

    def set_date(self, date: str | None) -> None:
        """Show the map as it stood on `date` (ISO), or as it stands now (None)."""
        if date is not None:
            date = normalise_date(date)
        if date != self.date:
            self.date = date
            self.date_changed.emit(date)

    def set_camera(self, camera: Camera) -> None:
        if camera != self.camera:
            self.camera = camera
            self.camera_changed.emit(camera)

    def set_month_filter(self, month: str | None) -> None:
        """List only the passages of one month ("YYYY-MM", or "" for undated articles); None lists all."""
        if month != self.month_filter:
            self.month_filter = month
            self.month_filter_changed.emit(month)

    def set_mentioned_only(self, on: bool) -> None:
        if on != self.mentioned_only:
            self.mentioned_only = on
            self.mentioned_only_changed.emit(on)

    def state(self, f: Feature) -> str | None:
        """The feature's status on the document's date (None: it did not exist yet)."""
        return state_at(f.props, f.status, self.date)

    # -- snapshots
    def map_state(self, viewport: Viewport | None = None, *, badges: bool = True) -> MapState:
        """The main map as it stands, as an immutable value for the painter or an export."""
        if viewport is None:
            viewport = Viewport.for_bounds(self.home_bounds) if self.camera is None else \
                Viewport.of(self.camera, 1000.0, 700.0)
        links = self.links
        return MapState(
            layers=tuple(LayerView(lay, lay.visible, lay.opacity, lay.style) for lay in self.layers),
            features=self._features, viewport=viewport, selection=tuple(self.selection), hover=self.hover,
            date=self.date, language=self.language, background=self.background, label_limits=self.label_limits,
            badges=MappingProxyType(links.counts()) if (badges and links is not None) else MappingProxyType({}),
            dim_except=links.mentioned() if (links is not None and self.mentioned_only) else None,
            data_bounds=self.data_bounds, emphasis=self.emphasis, data_as_of=self.data_as_of)

    # -- queries
    def visible_features(self) -> list[Feature]:
        return [f for layer in self.layers if layer.visible for f in layer.drawn_features()
                if self.state(f) is not None]

    def pick(self, x: float, y: float, tolerance_m: float) -> Feature | None:
        return hittest.pick_in_layers([lay for lay in self.layers if lay.visible], x, y, tolerance_m, self.date)
