"""Legend swatches drawn from layer styles (the layers panel and the exports share them)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath

from corridor_viewer.model.feature import Layer
from corridor_viewer.model.mapstate import LayerView
from corridor_viewer.render.paint import _fill_color, draw_marker, make_pen


def layer_geometry_kind(layer: Layer | LayerView) -> str:
    kinds = [f.geometry.kind for f in layer.drawn_features()[:2000]]  # a sample decides for big layers
    if not kinds:
        return "polygon"
    return max(set(kinds), key=kinds.count)


def _draw_raster_swatch(painter: QPainter, rect: QRectF, src) -> None:
    from corridor_viewer.render.raster import cached_raster

    try:
        image = cached_raster(src.path, src.blend)
    except OSError:
        return
    painter.save()
    painter.fillRect(rect, QColor("#f1efe9"))  # the land colour the tint darkens
    # The Caucasus ridge from the image's middle, where the relief reads best at swatch size.
    crop = QRectF(image.width() * 0.42, image.height() * 0.22, image.width() * 0.16, image.height() * 0.12)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    painter.drawImage(rect, image, crop)
    painter.restore()


def draw_swatch(painter: QPainter, rect: QRectF, layer: Layer | LayerView, k: float = 1.0) -> None:
    raster = getattr(layer, "raster", None) or getattr(getattr(layer, "layer", None), "raster", None)
    if raster is not None:
        _draw_raster_swatch(painter, rect, raster)
        return
    style = layer.style.base
    kind = layer_geometry_kind(layer)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setOpacity(style.opacity if kind != "line" or style.opacity > 0.5 else 0.6)
    if kind == "polygon":
        fill = _fill_color(style)
        painter.setBrush(fill if fill else Qt.BrushStyle.NoBrush)
        painter.setPen(make_pen(style.stroke, max(1.0, style.width) * k, tuple(style.dash)))
        painter.drawRect(rect.adjusted(2 * k, 3 * k, -2 * k, -3 * k))
    elif kind == "line":
        y = rect.center().y()
        path = QPainterPath(QPointF(rect.left() + 2 * k, y))
        path.lineTo(QPointF(rect.right() - 2 * k, y))
        width = min(style.width, 8.0) * k
        painter.setPen(make_pen(style.stroke, width, tuple(style.dash), style.cap))
        painter.drawPath(path)
    else:
        draw_marker(painter, rect.center(), style, k)
    painter.restore()


def swatch_image(layer: Layer | LayerView, w: int = 28, h: int = 16, dpr: float = 1.0) -> QImage:
    img = QImage(int(w * dpr), int(h * dpr), QImage.Format.Format_ARGB32_Premultiplied)
    img.setDevicePixelRatio(dpr)
    img.fill(QColor(0, 0, 0, 0))
    p = QPainter(img)
    draw_swatch(p, QRectF(0, 0, w, h), layer)
    p.end()
    return img
