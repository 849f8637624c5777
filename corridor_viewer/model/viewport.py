"""The map view: which projected rectangle a widget (or an export page) shows."""

from __future__ import annotations

import math
from dataclasses import dataclass

from corridor_viewer.model import projection

MIN_M_PER_PX = 5.0
MAX_M_PER_PX = 5000.0


@dataclass
class Viewport:
    """Centre (projected metres), scale (metres per logical pixel) and size (logical pixels)."""

    cx: float = 0.0
    cy: float = 0.0
    m_per_px: float = 800.0
    width: float = 800.0
    height: float = 600.0

    def copy(self) -> Viewport:
        return Viewport(self.cx, self.cy, self.m_per_px, self.width, self.height)

    # -- transforms
    def to_screen(self, x: float, y: float) -> tuple[float, float]:
        return ((x - self.cx) / self.m_per_px + self.width / 2, (self.cy - y) / self.m_per_px + self.height / 2)

    def to_world(self, sx: float, sy: float) -> tuple[float, float]:
        return (self.cx + (sx - self.width / 2) * self.m_per_px, self.cy - (sy - self.height / 2) * self.m_per_px)

    def to_lonlat(self, sx: float, sy: float) -> tuple[float, float]:
        return projection.inverse(*self.to_world(sx, sy))

    @property
    def world_bounds(self) -> tuple[float, float, float, float]:
        hw, hh = self.width / 2 * self.m_per_px, self.height / 2 * self.m_per_px
        return (self.cx - hw, self.cy - hh, self.cx + hw, self.cy + hh)

    # -- navigation
    def resize(self, width: float, height: float) -> None:
        self.width, self.height = max(1.0, width), max(1.0, height)

    def pan_pixels(self, dx: float, dy: float) -> None:
        self.cx -= dx * self.m_per_px
        self.cy += dy * self.m_per_px

    def zoom_at(self, factor: float, sx: float, sy: float) -> None:
        """Zoom by factor (>1 = in) keeping the world point under (sx, sy) fixed."""
        wx, wy = self.to_world(sx, sy)
        new = min(MAX_M_PER_PX, max(MIN_M_PER_PX, self.m_per_px / factor))
        self.m_per_px = new
        self.cx = wx - (sx - self.width / 2) * new
        self.cy = wy + (sy - self.height / 2) * new

    def fit(self, bounds: tuple[float, float, float, float], margin: float = 0.05,
            min_m_per_px: float = MIN_M_PER_PX) -> None:
        x0, y0, x1, y1 = bounds
        w = max(x1 - x0, 1.0) * (1 + 2 * margin)
        h = max(y1 - y0, 1.0) * (1 + 2 * margin)
        self.cx, self.cy = (x0 + x1) / 2, (y0 + y1) / 2
        self.m_per_px = min(MAX_M_PER_PX, max(min_m_per_px, w / self.width, h / self.height))

    def ground_m_per_px(self) -> float:
        """True ground distance per pixel at the view centre (removes the conic's scale factor)."""
        _, lat = projection.inverse(self.cx, self.cy)
        return self.m_per_px / projection.scale_factor(lat)

    def scale_bar(self, max_px: float) -> tuple[float, float]:
        """A round ground length (km) whose bar fits in max_px; returns (km, px)."""
        gm = self.ground_m_per_px()
        raw_km = max_px * gm / 1000.0
        exp = math.floor(math.log10(raw_km))
        for step in (5, 2, 1):
            km = step * 10**exp
            if km <= raw_km:
                return km, km * 1000.0 / gm
        return 10**exp, 10**exp * 1000.0 / gm

    def state(self) -> dict[str, float]:
        return {"cx": self.cx, "cy": self.cy, "m_per_px": self.m_per_px}
