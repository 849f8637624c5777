"""A house style's logo on a page: PNG or SVG, scaled to its height, vector in SVG and PDF pages."""

from __future__ import annotations

import functools

from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QImage, QPainter

from corridor_viewer.model.house_style import HouseStyle


@functools.lru_cache(maxsize=8)
def _png(data: bytes) -> QImage | None:
    img = QImage.fromData(data, "PNG")
    return None if img.isNull() else img


@functools.lru_cache(maxsize=8)
def _svg(data: bytes):
    from PySide6.QtSvg import QSvgRenderer

    r = QSvgRenderer(QByteArray(data))
    return r if r.isValid() else None


def aspect(hs: HouseStyle) -> float | None:
    """Width / height of the logo, or None when there is none (or it cannot be drawn)."""
    if not hs.logo:
        return None
    if hs.logo_type == "svg":
        r = _svg(hs.logo)
        if r is None:
            return None
        box = r.viewBoxF()
        w, h = (box.width(), box.height()) if not box.isEmpty() else (r.defaultSize().width(), r.defaultSize().height())
    else:
        img = _png(hs.logo)
        if img is None:
            return None
        w, h = img.width(), img.height()
    return max(0.2, min(8.0, w / h)) if h > 0 and w > 0 else None


def draw(painter: QPainter, hs: HouseStyle, rect: QRectF) -> None:
    if hs.logo_type == "svg":
        r = _svg(hs.logo)
        if r is not None:
            r.render(painter, rect)
        return
    img = _png(hs.logo)
    if img is not None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawImage(rect, img)
        painter.restore()
