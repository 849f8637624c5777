"""Layer styles as data, read once from the geodata manifest and shared by every renderer."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class Marker:
    shape: str = "circle"
    size: float = 5.0
    fill: str = "#333333"
    stroke: str = "#ffffff"
    stroke_width: float = 1.0


@dataclass(frozen=True)
class LabelStyle:
    field: str = "name"
    placement: str = "point"  # point | centroid | line
    size_pt: float = 9.0
    bold: bool = False
    italic: bool = False
    caps: bool = False
    color: str = "#222222"
    halo: str = "#ffffff"
    min_m_per_px: float = 0.0
    max_m_per_px: float = 1e9


@dataclass(frozen=True)
class Style:
    fill: str | None = None
    fill_opacity: float = 1.0
    stroke: str = "#333333"
    width: float = 1.0
    line_width: float | None = None  # stroke width for line features in a polygon layer
    dash: tuple[float, ...] = ()
    opacity: float = 1.0
    cap: str = "flat"
    marker: Marker | None = None
    use_status_dash: bool = False
    offset: float = 0.0  # px to the left of the line's direction: routes sharing a path drawn side by side


@dataclass
class LayerStyle:
    """A layer's base style plus per-feature and per-kind overrides and label rules."""

    base: Style
    labels: LabelStyle | None
    feature_styles: dict[str, dict[str, Any]] = field(default_factory=dict)
    kind_markers: dict[str, dict[str, Any]] = field(default_factory=dict)
    status_dash: dict[str, tuple[float, ...]] = field(default_factory=dict)
    umbrella_hidden: bool = False

    def fingerprint(self) -> tuple:
        """A hashable value that changes whenever the style does (styles are replaced, never edited, so it is
        computed once): caches of drawn layers and placed labels are keyed by it."""
        fp = self.__dict__.get("_fingerprint")
        if fp is None:
            def freeze(v: Any) -> Any:
                if isinstance(v, dict):
                    return tuple(sorted((k, freeze(x)) for k, x in v.items()))
                if isinstance(v, (list, tuple)):
                    return tuple(freeze(x) for x in v)
                return v

            fp = (self.base, self.labels, freeze(self.feature_styles), freeze(self.kind_markers),
                  freeze(self.status_dash), self.umbrella_hidden)
            self.__dict__["_fingerprint"] = fp
        return fp

    def for_feature(self, fid: str, kind: str, status: str) -> Style:
        style = self.base
        over = self.feature_styles.get(fid)
        if over:
            style = replace(style, **_style_kwargs(over))
        if style.marker is not None and kind in self.kind_markers:
            style = replace(style, marker=replace(style.marker, **self.kind_markers[kind]))
        if style.use_status_dash and status in self.status_dash:
            style = replace(style, dash=self.status_dash[status])
        return style


_STYLE_KEYS = {"fill", "fill_opacity", "stroke", "width", "line_width", "dash", "opacity", "cap",
               "use_status_dash", "offset"}


def _style_kwargs(d: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in d.items() if k in _STYLE_KEYS}
    if "dash" in out:
        out["dash"] = tuple(float(x) for x in out["dash"])
    return out


def layer_style_from_manifest(entry: dict[str, Any], status_dash: dict[str, list[float]]) -> LayerStyle:
    s = dict(entry.get("style", {}))
    marker = Marker(**s["marker"]) if "marker" in s else None
    base = Style(marker=marker, **_style_kwargs(s))
    labels = LabelStyle(**entry["labels"]) if entry.get("labels") else None
    return LayerStyle(
        base=base,
        labels=labels,
        feature_styles=s.get("feature_styles", {}),
        kind_markers=s.get("kind_markers", {}),
        status_dash={k: tuple(float(x) for x in v) for k, v in status_dash.items()},
        umbrella_hidden=bool(s.get("umbrella_hidden", False)),
    )
