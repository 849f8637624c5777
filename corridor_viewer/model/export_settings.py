"""What an export contains and how big it is: plain data, saved with the user's choices."""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import asdict, dataclass, field, fields
from typing import Any

MM_PER_INCH = 25.4
# A credit line that stands alone: a reader of an image cannot open a feature's accuracy note.
DEFAULT_CREDIT_EN = ("Data: Natural Earth, © OpenStreetMap contributors (ODbL), GeoNames; routes approximate, from "
                     "public sources{as_of}. Map: {maker}")
# OpenStreetMap's credit stays in the form its licence asks for, in Arabic pages too.
DEFAULT_CREDIT_AR = ("البيانات: Natural Earth و© OpenStreetMap contributors (ODbL) وGeoNames؛ المسارات تقريبية من "
                     "مصادر عامة{as_of}. الخريطة: {maker}")
INSET_CORNERS = ("auto", "tl", "tr", "bl", "br")
BUILTIN_STYLES = ("light", "dark", "print")  # resources/styles/<id>.json; "custom": ExportSettings.house
SCALES = (1, 2, 3)


@dataclass(frozen=True)
class Preset:
    key: str
    title_en: str
    title_ar: str
    width: float
    height: float
    unit: str  # "px" or "mm"
    dpi: int


PRESETS: dict[str, Preset] = {p.key: p for p in (
    Preset("web-1920x1080", "Web / TV 1920×1080", "ويب / تلفزيون 1920×1080", 1920, 1080, "px", 144),
    Preset("square-1080", "Social square 1080×1080", "مربع للتواصل الاجتماعي 1080×1080", 1080, 1080, "px", 144),
    Preset("card-1200x675", "Social card 1200×675", "بطاقة للتواصل الاجتماعي 1200×675", 1200, 675, "px", 144),
    Preset("a4-portrait", "A4 portrait, 300 dpi", "A4 عمودي، 300 نقطة/بوصة", 210, 297, "mm", 300),
    Preset("a4-landscape", "A4 landscape, 300 dpi", "A4 أفقي، 300 نقطة/بوصة", 297, 210, "mm", 300),
    Preset("a3-portrait", "A3 portrait, 300 dpi", "A3 عمودي، 300 نقطة/بوصة", 297, 420, "mm", 300),
    Preset("a3-landscape", "A3 landscape, 300 dpi", "A3 أفقي، 300 نقطة/بوصة", 420, 297, "mm", 300),
)}
FORMATS = ("png", "svg", "pdf", "html")


class ExportError(Exception):
    """A user-facing problem with an export request (bad size, unwritable path...)."""


@dataclass
class ExportSettings:
    title: str = ""
    subtitle: str = ""
    credit: str = ""  # empty: the default credit in the map language
    date: str = field(default_factory=lambda: _dt.date.today().isoformat())
    language: str = "en"
    preset: str = "web-1920x1080"  # a PRESETS key or "custom"
    custom_width: float = 1600
    custom_height: float = 1000
    custom_unit: str = "px"
    dpi: int = 144
    format: str = "png"
    legend: bool = True
    scale_bar: bool = True
    north_arrow: bool = True
    inset: bool = True
    highlight: bool = True
    quote: bool = True
    inset_corner: str = "auto"  # auto (where it hides least) | tl | tr | bl | br
    frame: str = "view"  # view: the map as it is on screen | selection: the selection in context
    digits: str = "western"  # numbers in Arabic output: western (0-9) | arabic-indic
    style: str = "light"  # the house style: a BUILTIN_STYLES id, or "custom" (its data in ``house``)
    house: dict = field(default_factory=dict)  # a user's house style, whole (logo included): travels with it
    transparent: bool = False  # PNG and SVG: no page background (the map frame stays opaque)
    scale: int = 1  # PNG: x2 / x3 the pixels for retina and broadcast, the same layout
    logo_corner: str = "auto"  # auto: the house style's corner | tl | tr | bl | br

    def credit_text(self, as_of: str | None = None, maker: str = "") -> str:
        """The credit line: the user's, or the data sources with the month the newest source is from and who
        made the map (a house style's credit, else Corridor Viewer)."""
        if self.credit.strip():
            return self.credit.strip()
        from corridor_viewer.model.dates import news_date

        maker = maker.strip() or "Corridor\u00a0Viewer"
        if self.language == "ar":
            return DEFAULT_CREDIT_AR.format(as_of=f"؛ حتى {news_date(as_of, 'ar', self.digits)}" if as_of else "",
                                            maker=maker)
        return DEFAULT_CREDIT_EN.format(as_of=f"; as of {news_date(as_of, 'en')}" if as_of else "", maker=maker)

    def pixel_size(self) -> tuple[int, int, int]:
        """(width px, height px, dpi) of the output, validated."""
        if self.preset in PRESETS:
            p = PRESETS[self.preset]
            w, h, unit, dpi = p.width, p.height, p.unit, p.dpi
            if unit == "px":
                dpi = self.dpi or dpi
        elif self.preset == "custom":
            w, h, unit, dpi = self.custom_width, self.custom_height, self.custom_unit, self.dpi
        else:
            raise ExportError(f"unknown size preset {self.preset!r}; choose one of: "
                              + ", ".join([*PRESETS, "custom"]))
        if not (30 <= dpi <= 1200):
            raise ExportError(f"dpi must be between 30 and 1200 (got {dpi})")
        if unit == "mm":
            w, h = w / MM_PER_INCH * dpi, h / MM_PER_INCH * dpi
        elif unit != "px":
            raise ExportError(f"unit must be px or mm (got {unit!r})")
        if not (math.isfinite(w) and math.isfinite(h)):
            raise ExportError("the size must be a number of px or mm")
        w, h = round(w), round(h)
        if not (200 <= w <= 12000 and 200 <= h <= 12000):
            raise ExportError(f"size {w}×{h} px is outside 200–12000 px per side")
        return w, h, int(dpi)

    def ui_scale(self) -> float:
        """How much larger than on screen text and lines are drawn.

        Print sizes follow physical size (a 9 pt label is 9 pt on paper); pixel presets scale with
        the short side so a 1080 px social image reads like a 720 px screen view enlarged 1.5x.
        """
        w, h, dpi = self.pixel_size()
        if self._is_print():
            return dpi / 96.0
        return max(1.0, min(w, h) / 720.0)

    def _is_print(self) -> bool:
        if self.preset in PRESETS:
            return PRESETS[self.preset].unit == "mm"
        return self.custom_unit == "mm"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ExportSettings:
        """Tolerant: unknown keys are ignored and ill-typed values fall back to defaults."""
        out = cls()
        for f in fields(cls):
            if f.name in data:
                value, default = data[f.name], getattr(out, f.name)
                if isinstance(default, bool):
                    ok = isinstance(value, bool)
                elif isinstance(default, (int, float)):
                    # NaN or infinity (JSON's Infinity) would reach round() and the spin boxes
                    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) \
                        and abs(value) < 1e9
                else:
                    ok = isinstance(value, type(default))
                if ok:
                    setattr(out, f.name, value)
        if out.language not in ("en", "ar"):
            out.language = "en"
        if out.format not in FORMATS:
            out.format = "png"
        if out.inset_corner not in INSET_CORNERS:
            out.inset_corner = "auto"
        if out.frame not in ("view", "selection"):
            out.frame = "view"
        if out.digits not in ("western", "arabic-indic"):
            out.digits = "western"
        if out.scale not in SCALES:
            out.scale = 1
        if out.logo_corner not in INSET_CORNERS:
            out.logo_corner = "auto"
        if out.style not in (*BUILTIN_STYLES, "custom"):
            out.style = "light"
        if out.style == "custom":
            from corridor_viewer.model.house_style import HouseStyle, HouseStyleError

            try:
                out.house = HouseStyle.from_dict(out.house).to_dict()
            except HouseStyleError:  # a damaged custom style: the default one, never a failed export
                out.style, out.house = "light", {}
        else:
            out.house = {}
        return out
