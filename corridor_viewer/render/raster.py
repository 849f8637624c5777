"""Draw a pre-projected raster layer (the optional Terrain tint): QtGui only, no widgets.

The geodata build writes rasters whose pixels are a regular grid in the display CRS (see the
``rasters`` entries of ``geodata/layers.json``: ``file``, ``bounds_m`` = [x0, y0, x1, y1] in
display-CRS metres, ``blend``, ``opacity``). Placing one is therefore a single rectangle: no
reprojection at paint time. Only the part of the image inside the view is scaled, so a deep zoom
does not blow the whole image up.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

BLENDS = ("multiply", "normal")


def load_raster(path: str, blend: str = "multiply") -> QImage:
    """The image ready to draw, converted once (at first use, not per paint).

    A "multiply" raster (grey, white = no change) becomes black with alpha = 1 - grey: drawn with
    ordinary source-over that gives exactly destination × grey, and it works on every paint
    device, including QSvgGenerator and QPdfWriter, which have no multiply composition mode.
    """
    img = QImage(path)
    if img.isNull():
        raise OSError(f"cannot read raster {path}")
    if blend != "multiply":
        return img.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    grey = img.convertToFormat(QImage.Format.Format_Grayscale8)
    alpha = QImage(grey)
    alpha.invertPixels()  # 255 - grey: how much to darken
    shade = QImage(grey.size(), QImage.Format.Format_ARGB32)
    shade.fill(QColor("#000000"))
    shade.setAlphaChannel(alpha)
    return shade.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


@functools.lru_cache(maxsize=4)
def cached_raster(path: str, blend: str = "multiply") -> QImage:
    """:func:`load_raster`, once per file: every paint of every view shares the converted image."""
    return load_raster(path, blend)


def draw_raster(painter: QPainter, image: QImage, projected_bounds: tuple[float, float, float, float],
                viewport_to_screen: Callable[[float, float], tuple[float, float]],
                screen_size: tuple[float, float], *, opacity: float = 1.0) -> None:
    """Draw ``image`` (from :func:`load_raster`) stretched over ``projected_bounds`` (display-CRS
    metres, x0 y0 x1 y1), at ``opacity`` (the manifest entry's opacity times the layer's).

    ``viewport_to_screen(x, y)`` maps display-CRS metres to logical pixels (``Viewport.to_screen``);
    ``screen_size`` is the drawn area (``(viewport.width, viewport.height)``). The display CRS has
    no rotation, so the image stays an axis-aligned rectangle on screen.
    """
    x0, y0, x1, y1 = projected_bounds
    left, top = viewport_to_screen(x0, y1)
    right, bottom = viewport_to_screen(x1, y0)
    target = QRectF(QPointF(left, top), QPointF(right, bottom))
    visible = target.intersected(QRectF(0.0, 0.0, screen_size[0], screen_size[1]))
    if visible.isEmpty() or target.width() <= 0 or target.height() <= 0:
        return
    # The image pixels under the visible part of the target, so only those are scaled.
    sx = image.width() / target.width()
    sy = image.height() / target.height()
    source = QRectF((visible.left() - target.left()) * sx, (visible.top() - target.top()) * sy,
                    visible.width() * sx, visible.height() * sy)
    painter.save()
    painter.setOpacity(painter.opacity() * max(0.0, min(1.0, opacity)))
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    painter.drawImage(visible, image, source)
    painter.restore()


__all__ = ["BLENDS", "cached_raster", "draw_raster", "load_raster"]
