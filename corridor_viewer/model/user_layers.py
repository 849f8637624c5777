"""Styles for the layers users add, and every layer style as plain data (for project files).

A user's layer gets a :class:`~corridor_viewer.model.style.LayerStyle` like the bundled ones, so the
painter, the legend and the web export draw it with no special case. Colours come from a palette that
stays readable over the pale base map; the style picker starts from them.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, replace
from typing import Any

from corridor_viewer.model.style import LabelStyle, LayerStyle, Marker, Style

# Distinct, saturated colours that none of the bundled layers use (Tableau-like, tuned for a beige map).
PALETTE = ("#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
           "#bcbd22", "#393b79")
DASHES: dict[str, tuple[float, ...]] = {"solid": (), "dashed": (6.0, 3.0), "dotted": (1.0, 2.0),
                                        "dash-dot": (6.0, 2.0, 1.0, 2.0)}
MARKER_SHAPES = ("circle", "square", "diamond")
KINDS = ("polygon", "line", "point")

_COLOR_RE = re.compile(r"#[0-9a-fA-F]{6}")


def palette_color(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def dash_name(dash: tuple[float, ...]) -> str:
    return next((name for name, d in DASHES.items() if d == tuple(dash)), "solid")


def user_style(kind: str, color: str, *, fill: str | None = None, stroke: str | None = None,
               width: float | None = None, dash: str = "solid", opacity: float = 1.0,
               fill_opacity: float = 0.25, marker: str = "circle", marker_size: float = 7.0,
               labels: bool = True) -> LayerStyle:
    """The style of a user's layer from the picker's few choices; ``color`` fills in what is not given."""
    stroke = stroke or color
    if kind == "polygon":
        base = Style(fill=fill or color, fill_opacity=fill_opacity, stroke=stroke,
                     width=1.5 if width is None else width, dash=DASHES.get(dash, ()), opacity=opacity)
        placement = "centroid"
    elif kind == "line":
        base = Style(stroke=stroke, width=2.5 if width is None else width, dash=DASHES.get(dash, ()), opacity=opacity,
                     cap="round")
        placement = "line"
    else:
        base = Style(stroke=stroke, width=1.0 if width is None else width, opacity=opacity)
        placement = "point"
    # Every user layer has a marker: a layer mixing shapes still shows its points.
    base = replace(base, marker=Marker(shape=marker if marker in MARKER_SHAPES else "circle", size=marker_size,
                                       fill=(fill or color) if kind == "point" else stroke, stroke="#ffffff",
                                       stroke_width=1.0))
    label = LabelStyle(field="name", placement=placement, size_pt=8.5, color="#222222", halo="#ffffff",
                       min_m_per_px=0.0, max_m_per_px=1500.0) if labels else None
    return LayerStyle(base=base, labels=label)


def style_choices(style: LayerStyle, kind: str) -> dict[str, Any]:
    """The picker's choices read back from a style (inverse of :func:`user_style`)."""
    b = style.base
    m = b.marker
    fill = m.fill if (kind == "point" and m is not None) else b.fill
    return {"fill": fill or b.stroke, "stroke": b.stroke, "width": b.width,
            "dash": dash_name(b.dash), "opacity": b.opacity, "fill_opacity": b.fill_opacity,
            "marker": m.shape if m else "circle", "marker_size": m.size if m else 7.0,
            "labels": style.labels is not None}


# -- every layer style as JSON-ready data, and back (validated: a project file may be hostile)

def style_to_dict(ls: LayerStyle) -> dict[str, Any]:
    base = asdict(ls.base)
    base["dash"] = list(ls.base.dash)
    return {"base": base, "labels": asdict(ls.labels) if ls.labels else None,
            "feature_styles": ls.feature_styles, "kind_markers": ls.kind_markers,
            "status_dash": {k: list(v) for k, v in ls.status_dash.items()}, "umbrella_hidden": ls.umbrella_hidden}


def style_from_dict(d: Any) -> LayerStyle:
    """A LayerStyle from data; ValueError names the first bad field."""
    if not isinstance(d, dict):
        raise ValueError("a style must be a JSON object")
    base_d = d.get("base")
    if not isinstance(base_d, dict):
        raise ValueError("style.base must be an object")
    marker = None
    if base_d.get("marker") is not None:
        md = _obj(base_d["marker"], "style.base.marker")
        marker = Marker(shape=_choice(md.get("shape", "circle"), MARKER_SHAPES, "marker.shape"),
                        size=_num(md.get("size", 5.0), "marker.size", 0, 100),
                        fill=_color(md.get("fill", "#333333"), "marker.fill"),
                        stroke=_color(md.get("stroke", "#ffffff"), "marker.stroke"),
                        stroke_width=_num(md.get("stroke_width", 1.0), "marker.stroke_width", 0, 50))
    fill = base_d.get("fill")
    base = Style(fill=None if fill is None else _color(fill, "fill"),
                 fill_opacity=_num(base_d.get("fill_opacity", 1.0), "fill_opacity", 0, 1),
                 stroke=_color(base_d.get("stroke", "#333333"), "stroke"),
                 width=_num(base_d.get("width", 1.0), "width", 0, 100),
                 line_width=None if base_d.get("line_width") is None else _num(base_d["line_width"], "line_width",
                                                                              0, 100),
                 dash=_dash(base_d.get("dash", []), "dash"),
                 opacity=_num(base_d.get("opacity", 1.0), "opacity", 0, 1),
                 cap=_choice(base_d.get("cap", "flat"), ("flat", "round", "square"), "cap"),
                 marker=marker, use_status_dash=bool(base_d.get("use_status_dash", False)),
                 offset=_num(base_d.get("offset", 0.0), "offset", -50, 50))
    labels = None
    if d.get("labels") is not None:
        ld = _obj(d["labels"], "style.labels")
        labels = LabelStyle(field=str(ld.get("field", "name")),
                            placement=_choice(ld.get("placement", "point"), ("point", "centroid", "line"),
                                              "labels.placement"),
                            size_pt=_num(ld.get("size_pt", 9.0), "labels.size_pt", 1, 72),
                            bold=bool(ld.get("bold", False)), italic=bool(ld.get("italic", False)),
                            caps=bool(ld.get("caps", False)), color=_color(ld.get("color", "#222222"), "labels.color"),
                            halo=_color(ld.get("halo", "#ffffff"), "labels.halo"),
                            min_m_per_px=_num(ld.get("min_m_per_px", 0.0), "labels.min_m_per_px", 0, 1e9),
                            max_m_per_px=_num(ld.get("max_m_per_px", 1e9), "labels.max_m_per_px", 0, 1e9))
    feature_styles = _obj(d.get("feature_styles") or {}, "feature_styles")
    for fid, over in feature_styles.items():
        _obj(over, f"feature_styles.{fid}")
        # Overrides go through the same checks as the base style.
        style_from_dict({"base": {**base_d, **over, "marker": None}})
    kind_markers = _obj(d.get("kind_markers") or {}, "kind_markers")
    for kind, over in kind_markers.items():
        _marker_override(_obj(over, f"kind_markers.{kind}"), f"kind_markers.{kind}")
    status_dash = {str(k): _dash(v, f"status_dash.{k}") for k, v in _obj(d.get("status_dash") or {},
                                                                         "status_dash").items()}
    return LayerStyle(base=base, labels=labels, feature_styles=feature_styles, kind_markers=kind_markers,
                      status_dash=status_dash, umbrella_hidden=bool(d.get("umbrella_hidden", False)))


def _marker_override(d: dict, what: str) -> None:
    checks = {"shape": lambda v: _choice(v, MARKER_SHAPES, what), "size": lambda v: _num(v, what, 0, 100),
              "fill": lambda v: _color(v, what), "stroke": lambda v: _color(v, what),
              "stroke_width": lambda v: _num(v, what, 0, 50)}
    for k, v in d.items():
        if k not in checks:
            raise ValueError(f"{what}: unknown marker field {k!r:.40}")
        checks[k](v)


def _obj(v: Any, what: str) -> dict:
    if not isinstance(v, dict):
        raise ValueError(f"{what} must be an object")
    return v


def _num(v: Any, what: str, lo: float, hi: float) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or not lo <= v <= hi:
        raise ValueError(f"{what} must be a number from {lo:g} to {hi:g} (got {v!r:.40})")
    return float(v)


def _color(v: Any, what: str) -> str:
    if not isinstance(v, str) or not _COLOR_RE.fullmatch(v):
        raise ValueError(f"{what} must be a colour like #1f77b4 (got {v!r:.40})")
    return v


def _choice(v: Any, options: tuple[str, ...], what: str) -> str:
    if v not in options:
        raise ValueError(f"{what} must be one of {', '.join(options)} (got {v!r:.40})")
    return v


def _dash(v: Any, what: str) -> tuple[float, ...]:
    if not isinstance(v, (list, tuple)) or len(v) > 8:
        raise ValueError(f"{what} must be a list of up to 8 numbers")
    dash = tuple(_num(x, what, 0, 100) for x in v)
    if dash and not any(dash):
        raise ValueError(f"{what} must not be all zeros")
    return dash
