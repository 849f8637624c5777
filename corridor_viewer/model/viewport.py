"""The camera and the view: which projected rectangle a canvas (or an export page) shows. Immutable values.

A :class:`Camera` is where the map looks (centre and scale) — the model keeps the main map's camera, the
canvas renders it and sets it. A :class:`Viewport` is a camera on a surface of a given size; every
navigation step returns a new one, so a :class:`~corridor_viewer.model.mapstate.MapState` holding a
viewport can never change under a painter.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from corridor_viewer.model import projection

MIN_M_PER_PX = 5.0
MAX_M_PER_PX = 5000.0

Bounds = tuple[float, float, float, float]


@dataclass(frozen=True)
class Camera:
    """Centre (projected metres) and scale (metres per logical pixel)."""

    cx: float = 0.0
    cy: float = 0.0
    m_per_px: float = 800.0

    def to_dict(self) -> dict[str, float]:
        return {"cx": self.cx, "cy": self.cy, "m_per_px": self.m_per_px}

    @classmethod
    def from_dict(cls, d: object) -> Camera | None:
        """A camera from saved data, or None if it is not a usable one."""
        try:
            cx, cy, m = (float(d[k]) for k in ("cx", "cy", "m_per_px"))  # type: ignore[index]
        except (KeyError, TypeError, ValueError):
            return None
        if not all(math.isfinite(v) for v in (cx, cy, m)) or not MIN_M_PER_PX <= m <= MAX_M_PER_PX:
            return None
        return cls(cx, cy, m)


@dataclass(frozen=True)
class Viewport:
    """A camera on a surface of width x height logical pixels."""

    cx: float = 0.0
    cy: float = 0.0
    m_per_px: float = 800.0
    width: float = 800.0
    height: float = 600.0

    @classmethod
    def of(cls, camera: Camera, width: float, height: float) -> Viewport:
        return cls(camera.cx, camera.cy, camera.m_per_px, max(1.0, width), max(1.0, height))

    @classmethod
    def for_bounds(cls, bounds: Bounds, width: float = 1000.0) -> Viewport:
        """A viewport whose world bounds are exactly ``bounds`` (scene and export extents)."""
        x0, y0, x1, y1 = bounds
        w, h = max(x1 - x0, 1.0), max(y1 - y0, 1.0)
        m = w / width
        return cls((x0 + x1) / 2, (y0 + y1) / 2, m, width, h / m)

    @property
    def camera(self) -> Camera:
        return Camera(self.cx, self.cy, self.m_per_px)

    # -- transforms
    def to_screen(self, x: float, y: float) -> tuple[float, float]:
        return ((x - self.cx) / self.m_per_px + self.width / 2, (self.cy - y) / self.m_per_px + self.height / 2)

    def to_world(self, sx: float, sy: float) -> tuple[float, float]:
        return (self.cx + (sx - self.width / 2) * self.m_per_px, self.cy - (sy - self.height / 2) * self.m_per_px)

    def to_lonlat(self, sx: float, sy: float) -> tuple[float, float]:
        return projection.inverse(*self.to_world(sx, sy))

    @property
    def world_bounds(self) -> Bounds:
        hw, hh = self.width / 2 * self.m_per_px, self.height / 2 * self.m_per_px
        return (self.cx - hw, self.cy - hh, self.cx + hw, self.cy + hh)

    # -- navigation (each returns a new viewport)
    def resized(self, width: float, height: float) -> Viewport:
        return replace(self, width=max(1.0, width), height=max(1.0, height))

    def panned(self, dx: float, dy: float) -> Viewport:
        return replace(self, cx=self.cx - dx * self.m_per_px, cy=self.cy + dy * self.m_per_px)

    def zoomed(self, factor: float, sx: float | None = None, sy: float | None = None) -> Viewport:
        """Zoom by factor (>1 = in) keeping the world point under (sx, sy) fixed (default: the centre)."""
        sx = self.width / 2 if sx is None else sx
        sy = self.height / 2 if sy is None else sy
        wx, wy = self.to_world(sx, sy)
        new = min(MAX_M_PER_PX, max(MIN_M_PER_PX, self.m_per_px / factor))
        return replace(self, m_per_px=new, cx=wx - (sx - self.width / 2) * new, cy=wy + (sy - self.height / 2) * new)

    def fitted(self, bounds: Bounds, margin: float = 0.05, min_m_per_px: float = MIN_M_PER_PX) -> Viewport:
        x0, y0, x1, y1 = bounds
        w = max(x1 - x0, 1.0) * (1 + 2 * margin)
        h = max(y1 - y0, 1.0) * (1 + 2 * margin)
        m = min(MAX_M_PER_PX, max(min_m_per_px, w / self.width, h / self.height))
        return replace(self, cx=(x0 + x1) / 2, cy=(y0 + y1) / 2, m_per_px=m)

    def clamped(self, bounds: Bounds | None) -> Viewport:
        """The nearest view that stays inside ``bounds`` (where the data stops): never zoomed out past them,
        never panned beyond their edges."""
        if bounds is None:
            return self
        x0, y0, x1, y1 = bounds
        m = min(self.m_per_px, (x1 - x0) / self.width, (y1 - y0) / self.height)
        m = max(MIN_M_PER_PX, m)
        hw, hh = self.width / 2 * m, self.height / 2 * m
        cx = min(max(self.cx, x0 + hw), x1 - hw) if x1 - x0 >= 2 * hw else (x0 + x1) / 2
        cy = min(max(self.cy, y0 + hh), y1 - hh) if y1 - y0 >= 2 * hh else (y0 + y1) / 2
        if (cx, cy, m) == (self.cx, self.cy, self.m_per_px):
            return self
        return replace(self, cx=cx, cy=cy, m_per_px=m)

    def with_camera(self, camera: Camera) -> Viewport:
        return replace(self, cx=camera.cx, cy=camera.cy, m_per_px=camera.m_per_px)

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
        return self.camera.to_dict()
