"""Lambert conformal conic (2SP) on WGS84 in pure Python, so start-up needs no pyproj.

Formulas: Snyder, *Map Projections: A Working Manual* (USGS PP 1395), eqs. 15-1 to 15-11.
tests/test_projection.py checks this against pyproj to the millimetre.
"""

from __future__ import annotations

import math

A = 6378137.0
F = 1 / 298.257223563
E2 = F * (2 - F)
E = math.sqrt(E2)

# Must match geodata/layers.json "display_crs".
LAT1, LAT2, LAT0, LON0 = 38.5, 41.5, 40.0, 45.0
PROJ_STRING = "+proj=lcc +lat_1=38.5 +lat_2=41.5 +lat_0=40 +lon_0=45 +datum=WGS84 +units=m +no_defs"


def _m(phi: float) -> float:
    s = math.sin(phi)
    return math.cos(phi) / math.sqrt(1 - E2 * s * s)


def _t(phi: float) -> float:
    s = math.sin(phi)
    return math.tan(math.pi / 4 - phi / 2) / ((1 - E * s) / (1 + E * s)) ** (E / 2)


_p1, _p2, _p0 = (math.radians(v) for v in (LAT1, LAT2, LAT0))
_N = (math.log(_m(_p1)) - math.log(_m(_p2))) / (math.log(_t(_p1)) - math.log(_t(_p2)))
_F = _m(_p1) / (_N * _t(_p1) ** _N)
_RHO0 = A * _F * _t(_p0) ** _N
_L0 = math.radians(LON0)


def forward(lon: float, lat: float) -> tuple[float, float]:
    """lon/lat degrees -> x/y metres."""
    phi = math.radians(lat)
    s = math.sin(phi)
    t = math.tan(math.pi / 4 - phi / 2) / ((1 - E * s) / (1 + E * s)) ** (E / 2)
    rho = A * _F * t**_N
    theta = _N * (math.radians(lon) - _L0)
    return rho * math.sin(theta), _RHO0 - rho * math.cos(theta)


def forward_many(coords: list) -> list[tuple[float, float]]:
    """Vectorised-by-hand forward projection (the start-up hot loop)."""
    sin, tan, rad, log, exp = math.sin, math.tan, math.radians, math.log, math.exp
    cos = math.cos
    pi4, e, e2half, n, af, rho0, l0 = math.pi / 4, E, E / 2, _N, A * _F, _RHO0, _L0
    out = []
    append = out.append
    for lon, lat, *_ in coords:
        phi = rad(lat)
        s = sin(phi)
        t = tan(pi4 - phi / 2) / exp(e2half * log((1 - e * s) / (1 + e * s)))
        rho = af * exp(n * log(t))
        theta = n * (rad(lon) - l0)
        append((rho * sin(theta), rho0 - rho * cos(theta)))
    return out


def inverse(x: float, y: float) -> tuple[float, float]:
    """x/y metres -> lon/lat degrees (iterative latitude, converges in a few steps)."""
    dy = _RHO0 - y
    rho = math.copysign(math.hypot(x, dy), _N)
    theta = math.atan2(x, dy)
    t = (rho / (A * _F)) ** (1 / _N)
    phi = math.pi / 2 - 2 * math.atan(t)
    for _ in range(15):
        s = math.sin(phi)
        nxt = math.pi / 2 - 2 * math.atan(t * ((1 - E * s) / (1 + E * s)) ** (E / 2))
        if abs(nxt - phi) < 1e-12:
            phi = nxt
            break
        phi = nxt
    return math.degrees(theta / _N + _L0), math.degrees(phi)


def scale_factor(lat: float) -> float:
    """Point scale k at a latitude: ground metres = map metres / k."""
    phi = math.radians(lat)
    return _N * A * _F * _t(phi) ** _N / (A * _m(phi))
