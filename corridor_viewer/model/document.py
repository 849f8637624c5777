"""The document: layers in draw order, the selection, the hover, the map language."""

from __future__ import annotations

from corridor_viewer.model import hittest
from corridor_viewer.model.events import Event
from corridor_viewer.model.feature import Feature, Layer
from corridor_viewer.model.scenes import SceneList
from corridor_viewer.model.timeline import normalise_date, state_at


class Document:
    """Everything a view draws. Views listen to its events; none talks to another view."""

    def __init__(self, layers: list[Layer], background: str = "#eef1ec", sources_note: str = "",
                 home_bounds: tuple[float, float, float, float] | None = None,
                 label_limits: dict[int, float] | None = None) -> None:
        self.layers = sorted(layers, key=lambda layer: layer.z)
        self.background = background
        self._home = home_bounds
        # Label priority -> coarsest scale (m/px) at which such labels still show (manifest data).
        self.label_limits = label_limits or {}
        self.sources_note = sources_note
        self._features = {f.id: f for layer in self.layers for f in layer.features}
        self._layers = {layer.id: layer for layer in self.layers}
        self.selection: list[str] = []
        self.hover: str | None = None
        self.language = "en"
        self.revision = 0  # bumped on any change that alters the painted map
        self.links = None  # Links, set once the articles are linked (after the first paint)
        self.focus: tuple[str, int, int] | None = None  # (article id, start, end) the reader shows
        self.mentioned_only = False
        self.date: str | None = None  # the timeline's date (ISO); None = today's state, no filter
        self.scenes = SceneList()
        self.date_changed = Event()
        self.links_changed = Event()
        self.focus_changed = Event()
        self.zoom_requested = Event()
        self.selection_changed = Event()
        self.hover_changed = Event()
        self.layers_changed = Event()
        self.language_changed = Event()

    # -- lookup
    def feature(self, fid: str) -> Feature | None:
        return self._features.get(fid)

    def layer(self, lid: str) -> Layer | None:
        return self._layers.get(lid)

    def features(self) -> list[Feature]:
        return list(self._features.values())

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        bs = [layer.bounds for layer in self.layers if layer.features]
        return (min(b[0] for b in bs), min(b[1] for b in bs), max(b[2] for b in bs), max(b[3] for b in bs))

    @property
    def home_bounds(self) -> tuple[float, float, float, float]:
        """The view Home returns to: the corridor area, not the whole context window."""
        return self._home or self.bounds

    def feature_bounds(self, fid: str) -> tuple[float, float, float, float]:
        return self._features[fid].geometry.bounds

    # -- state changes (each emits one event)
    def set_visible(self, lid: str, visible: bool) -> None:
        layer = self._layers[lid]
        if layer.visible != visible:
            layer.visible = visible
            self._changed()

    def set_opacity(self, lid: str, opacity: float) -> None:
        layer = self._layers[lid]
        opacity = max(0.0, min(1.0, opacity))
        if layer.opacity != opacity:
            layer.opacity = opacity
            self._changed()

    def add_layer(self, layer: Layer) -> None:
        """Add a layer (a user's import) in z order; its id and its features' ids must be new."""
        if layer.id in self._layers:
            raise ValueError(f"a layer with id {layer.id!r} already exists")
        clash = next((f.id for f in layer.features if f.id in self._features), None)
        if clash is not None:
            raise ValueError(f"feature id {clash!r} already exists")
        self.layers = sorted([*self.layers, layer], key=lambda lay: lay.z)
        self._layers[layer.id] = layer
        self._features.update((f.id, f) for f in layer.features)
        self._changed()

    def remove_layer(self, lid: str) -> Layer | None:
        """Remove a layer; the selection and hover let go of its features."""
        layer = self._layers.pop(lid, None)
        if layer is None:
            return None
        self.layers = [lay for lay in self.layers if lay.id != lid]
        gone = {f.id for f in layer.features}
        for fid in gone:
            self._features.pop(fid, None)
        if gone.intersection(self.selection):
            self.select([f for f in self.selection if f not in gone])
        if self.hover in gone:
            self.set_hover(None)
        self._changed()
        return layer

    def set_layer_style(self, lid: str, style) -> None:
        """Give a layer a new LayerStyle (styles are data: the painter and exports read it)."""
        self._layers[lid].style = style
        self._changed()

    def set_language(self, lang: str) -> None:
        if lang not in ("en", "ar"):
            raise ValueError(f"unsupported language {lang!r}")
        if lang != self.language:
            self.language = lang
            self.revision += 1
            self.language_changed.emit(lang)

    def select(self, fids: list[str] | str | None) -> None:
        if fids is None:
            fids = []
        elif isinstance(fids, str):
            fids = [fids]
        fids = [f for f in fids if f in self._features]
        if fids != self.selection:
            self.selection = fids
            self.selection_changed.emit(list(fids))

    def set_hover(self, fid: str | None) -> None:
        if fid != self.hover:
            self.hover = fid
            self.hover_changed.emit(fid)

    def set_links(self, links) -> None:
        self.links = links
        self.revision += 1
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
            self.revision += 1
            self.date_changed.emit(date)
            self.layers_changed.emit()

    def state(self, f: Feature) -> str | None:
        """The feature's status on the document's date (None: it did not exist yet)."""
        return state_at(f.props, f.status, self.date)

    def set_mentioned_only(self, on: bool) -> None:
        if on != self.mentioned_only:
            self.mentioned_only = on
            self._changed()

    def _changed(self) -> None:
        self.revision += 1
        self.layers_changed.emit()

    # -- queries
    def visible_features(self) -> list[Feature]:
        return [f for layer in self.layers if layer.visible for f in layer.drawn_features()
                if self.date is None or self.state(f) is not None]

    def pick(self, x: float, y: float, tolerance_m: float) -> Feature | None:
        return hittest.pick(self.visible_features(), x, y, tolerance_m)
