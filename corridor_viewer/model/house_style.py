"""House styles: an outlet's fonts, colours, logo, credit and default export options, as data (no Qt).

A style is a JSON file (``resources/styles/*.json`` holds the built-ins: light, dark for TV, high-contrast
print; ``io.house_styles`` reads them and a user's own file, with its logo). It is chosen in the export
dialog (``ExportSettings.style``; a user's style travels whole in ``ExportSettings.house``, logo included,
so a project opens with it anywhere) and applied by the exporters: the page (background, text colours,
fonts, title sizes, logo, credit) by ``export.compose`` and the HTML page, the map's colours by
:func:`styled_state`, which returns a new MapState (a dark style darkens the base map and lightens its
labels; the routes keep their colours, so what a colour means does not change between styles).
"""

from __future__ import annotations

import base64
import binascii
import colorsys
import re
from dataclasses import dataclass, field, fields, replace
from typing import Any

from corridor_viewer.model.annotations import PALETTE, Text

CORNERS = ("tl", "tr", "bl", "br")
TONES = ("light", "dark")
MAX_LOGO_BYTES = 2 << 20
DEFAULT_KEYS = {"legend": bool, "scale_bar": bool, "north_arrow": bool, "inset": bool, "highlight": bool,
                "quote": bool, "transparent": bool, "scale": int, "preset": str}
_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
_FONT = re.compile(r"[\w .-]{1,60}")  # font names go into CSS and SVG attributes: no quotes or punctuation
_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")


class HouseStyleError(ValueError):
    """A style file is malformed; the message names the field and what is expected."""


@dataclass(frozen=True)
class HouseStyle:
    id: str = "light"
    name: Text = field(default_factory=lambda: Text("Light", "فاتح"))
    fonts: tuple[str, ...] = ()  # tried first, before the app's own (Noto, DejaVu …)
    page: str = "#ffffff"  # page background
    ink: str = "#1a1a1a"  # title, legend
    muted: str = "#555555"  # subtitle, credit
    rule: str = "#8c8a84"  # the map frame's border
    panel: str = "#f6f4ef"  # the quote box
    tone: str = "light"  # "dark": the base map darkened and its labels lightened
    map_background: str = ""  # "" keeps the map's own
    label_halo: str = ""  # "" keeps each layer's halo
    high_contrast: bool = False  # thicker routes, black labels on heavy white halos (print, projectors)
    palette: tuple[str, ...] = PALETTE  # what the annotation colour picker offers first
    title_px: float = 30.0
    subtitle_px: float = 17.0
    credit: Text = field(default_factory=Text)  # who made the map ("Map: …"); the data credit stays
    logo: bytes = b""
    logo_type: str = ""  # png | svg
    logo_height: float = 40.0  # px at screen scale
    logo_corner: str = "br"
    defaults: tuple[tuple[str, Any], ...] = ()  # export options the style turns on or off

    def defaults_dict(self) -> dict[str, Any]:
        return dict(self.defaults)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"format": "corridor-viewer-style", "id": self.id, "name": self.name.to_dict()}
        for f in fields(self):
            if f.name in ("id", "name", "logo", "logo_type", "defaults"):
                continue
            v = getattr(self, f.name)
            out[f.name] = v.to_dict() if isinstance(v, Text) else (list(v) if isinstance(v, tuple) else v)
        if self.logo:
            mime = "image/svg+xml" if self.logo_type == "svg" else "image/png"
            out["logo"] = f"data:{mime};base64,{base64.b64encode(self.logo).decode('ascii')}"
        if self.defaults:
            out["defaults"] = dict(self.defaults)
        return out

    @classmethod
    def from_dict(cls, d: Any, logo: bytes | None = None) -> HouseStyle:
        """Strict: HouseStyleError on anything malformed. ``logo``: the bytes of a logo file the style names
        (io reads it); otherwise the style's ``logo`` must be a data: URI."""
        if not isinstance(d, dict):
            raise HouseStyleError("a house style must be a JSON object")
        kw: dict[str, Any] = {}
        sid = d.get("id", "custom")
        if not isinstance(sid, str) or not _ID.fullmatch(sid):
            raise HouseStyleError(f"id {str(sid)[:40]!r}: use 1-40 lower-case letters, digits, '-' or '_'")
        kw["id"] = sid
        try:
            kw["name"] = Text.from_value(d.get("name", {"en": sid}), "name")
            kw["credit"] = Text.from_value(d.get("credit"), "credit")
        except ValueError as exc:
            raise HouseStyleError(str(exc)) from exc
        for key in ("page", "ink", "muted", "rule", "panel"):
            if key in d:
                kw[key] = _color(d[key], key)
        for key in ("map_background", "label_halo"):
            if d.get(key):
                kw[key] = _color(d[key], key)
        if "tone" in d:
            if d["tone"] not in TONES:
                raise HouseStyleError(f"tone must be one of {', '.join(TONES)}")
            kw["tone"] = d["tone"]
        if "high_contrast" in d:
            if not isinstance(d["high_contrast"], bool):
                raise HouseStyleError("high_contrast must be true or false")
            kw["high_contrast"] = d["high_contrast"]
        if "fonts" in d:
            fonts = d["fonts"]
            if not (isinstance(fonts, list) and len(fonts) <= 8 and all(isinstance(x, str) and _FONT.fullmatch(x)
                                                                        for x in fonts)):
                raise HouseStyleError("fonts must be a list of up to 8 font family names (letters, digits, spaces)")
            kw["fonts"] = tuple(fonts)
        if "palette" in d:
            pal = d["palette"]
            if not (isinstance(pal, list) and 1 <= len(pal) <= 24):
                raise HouseStyleError("palette must be a list of 1-24 colours")
            kw["palette"] = tuple(_color(c, "palette") for c in pal)
        for key, lo, hi in (("title_px", 8, 120), ("subtitle_px", 6, 80), ("logo_height", 8, 400)):
            if key in d:
                v = d[key]
                if not (isinstance(v, (int, float)) and not isinstance(v, bool) and lo <= v <= hi):
                    raise HouseStyleError(f"{key} must be a number from {lo} to {hi}")
                kw[key] = float(v)
        if "logo_corner" in d:
            if d["logo_corner"] not in CORNERS:
                raise HouseStyleError(f"logo_corner must be one of {', '.join(CORNERS)}")
            kw["logo_corner"] = d["logo_corner"]
        if "defaults" in d:
            kw["defaults"] = _defaults(d["defaults"])
        if logo is None and isinstance(d.get("logo"), str) and d["logo"].startswith("data:"):
            logo = _data_uri(d["logo"])
        if logo:
            kw["logo"], kw["logo_type"] = logo, logo_type(logo)
        return cls(**kw)


def _color(v: Any, what: str) -> str:
    if not isinstance(v, str) or not _COLOR.fullmatch(v):
        raise HouseStyleError(f"{what}: {str(v)[:20]!r} is not a colour like #1a2b3c")
    return v.lower()


def _defaults(v: Any) -> tuple[tuple[str, Any], ...]:
    if not isinstance(v, dict):
        raise HouseStyleError("defaults must be an object of export options")
    out = []
    for k, x in v.items():
        t = DEFAULT_KEYS.get(k)
        if t is None:
            raise HouseStyleError(f"defaults: unknown option {str(k)[:30]!r} (known: {', '.join(DEFAULT_KEYS)})")
        if not isinstance(x, t) or (t is int and isinstance(x, bool)):
            raise HouseStyleError(f"defaults: {k} must be a {t.__name__}")
        if k == "scale" and x not in (1, 2, 3):
            raise HouseStyleError("defaults: scale must be 1, 2 or 3")
        out.append((k, x))
    return tuple(sorted(out))


def _data_uri(uri: str) -> bytes:
    m = re.fullmatch(r"data:image/(png|svg\+xml);base64,([A-Za-z0-9+/=\s]+)", uri)
    if not m:
        raise HouseStyleError("logo must be a PNG or SVG file name, or a data:image/png or image/svg+xml URI")
    try:
        data = base64.b64decode(m.group(2), validate=False)
    except (binascii.Error, ValueError) as exc:
        raise HouseStyleError("logo: the data URI is not valid base64") from exc
    return data


def logo_type(data: bytes) -> str:
    """"png" or "svg"; HouseStyleError for anything else (or a logo too large or with entity declarations)."""
    if len(data) > MAX_LOGO_BYTES:
        raise HouseStyleError(f"the logo is larger than {MAX_LOGO_BYTES >> 20} MB")
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<?xml", b"<svg", b"<!--")) and b"<svg" in data[:65536].lower():
        if b"<!entity" in data.lower() or b"<!doctype" in data.lower():
            raise HouseStyleError("the SVG logo declares entities or a DOCTYPE; save it as plain SVG")
        return "svg"
    raise HouseStyleError("the logo is neither a PNG nor an SVG image")


# -- the map in a style

def _hex(r: float, g: float, b: float) -> str:
    return "#" + "".join(f"{max(0, min(255, round(v * 255))):02x}" for v in (r, g, b))


def _rgb(c: str) -> tuple[float, float, float] | None:
    c = c.strip()
    if re.fullmatch(r"#[0-9a-fA-F]{3}", c):
        c = "#" + "".join(ch * 2 for ch in c[1:])
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", c):
        return None
    return tuple(int(c[i:i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def dark_color(c: str | None) -> str | None:
    """A colour for a dark map: pale and grey colours turn dark and dark ones pale (hue kept); vivid mid
    colours (the routes, the regions) stay as they are, so their meaning does not change."""
    if not c:
        return c
    rgb = _rgb(c)
    if rgb is None:
        return c
    h, lum, s = colorsys.rgb_to_hls(*rgb)
    if s > 0.45 and 0.3 < lum < 0.7:
        return c
    lum = max(0.11, min(0.9, 1.0 - lum))
    # Pale tints (the countries' fills) turn to near-neutral darks, not to browns: a TV map is calm.
    return _hex(*colorsys.hls_to_rgb(h, lum, s * (0.35 if lum < 0.3 else 0.8)))


def styled_state(state: Any, hs: HouseStyle) -> Any:
    """``state`` (a MapState) drawn in the house style: a new value, the original untouched."""
    if hs.tone != "dark" and not hs.map_background and not hs.label_halo:
        return state
    from corridor_viewer.model.mapstate import LayerView

    layers = tuple(LayerView(lv.layer, lv.visible, lv.opacity, restyle(lv.style, hs)) for lv in state.layers)
    background = hs.map_background or (dark_color(state.background) if hs.tone == "dark" else state.background)
    return state.with_(layers=layers, background=background)


def restyle(style: Any, hs: HouseStyle) -> Any:
    """A LayerStyle in the house style's tone (model.style objects are replaced, never edited)."""
    from corridor_viewer.model.style import LayerStyle

    dark = hs.tone == "dark"

    def col(c: Any) -> Any:
        return dark_color(c) if dark and isinstance(c, str) else c

    base = style.base
    marker = base.marker
    if marker is not None and dark:
        marker = replace(marker, fill=col(marker.fill), stroke=col(marker.stroke))
    base = replace(base, fill=col(base.fill), stroke=col(base.stroke), marker=marker)
    labels = style.labels
    if labels is not None:
        halo = hs.label_halo or (col(labels.halo) if dark else labels.halo)
        labels = replace(labels, color=col(labels.color), halo=halo)
    feature_styles = {fid: {k: (col(v) if k in ("fill", "stroke") else v) for k, v in over.items()}
                      for fid, over in style.feature_styles.items()}
    kind_markers = {kind: {k: (col(v) if k in ("fill", "stroke") else v) for k, v in over.items()}
                    for kind, over in style.kind_markers.items()}
    return LayerStyle(base=base, labels=labels, feature_styles=feature_styles, kind_markers=kind_markers,
                      status_dash=dict(style.status_dash), umbrella_hidden=style.umbrella_hidden)


__all__ = ["CORNERS", "HouseStyle", "HouseStyleError", "dark_color", "logo_type", "restyle", "styled_state"]
