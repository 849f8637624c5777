"""The native map canvas: QPainter on a QWidget, pan/zoom/hover/select against the model."""

from __future__ import annotations

import math
import time
from html import escape

from PySide6.QtCore import QEasingCurve, QEvent, QPointF, QRectF, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QImage, QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QToolTip, QWidget

from corridor_viewer.model.document import Document
from corridor_viewer.model.viewport import Viewport
from corridor_viewer.render.paint import PaintOptions, paint_base, paint_overlay

PICK_TOLERANCE_PX = 6.0
KEY_PAN_PX = 80.0
KEY_ZOOM = 1.5
CACHE_MARGIN = 256  # px of map cached beyond each edge, so pans need no immediate re-render
SETTLE_MS = 120  # re-centre the cache this long after the last pan step


class MapCanvas(QWidget):
    cursor_moved = Signal(float, float)  # lon, lat
    view_changed = Signal()
    painted = Signal(float)  # paint duration in ms

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.viewport = Viewport()
        self.options = PaintOptions()
        self._drag_from: QPointF | None = None
        self._press_at: QPointF | None = None
        self._fitted = False
        self._base_cache: tuple | None = None
        self._flight: QVariantAnimation | None = None
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._on_settled)
        self.pending_view: dict | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(320, 240)
        self.grabGesture(Qt.GestureType.PinchGesture)
        doc.layers_changed.connect(self.update)
        doc.selection_changed.connect(lambda _ids: self.update())
        doc.hover_changed.connect(lambda _fid: self.update())
        doc.language_changed.connect(lambda _lang: self.update())
        doc.links_changed.connect(self._sync_cues)
        doc.layers_changed.connect(self._sync_cues)
        doc.zoom_requested.connect(self.zoom_to_feature)

    def _sync_cues(self) -> None:
        """Map cues from the articles: mention counts beside labels, and the 'mentioned only' dimming."""
        links = self.doc.links
        self.options.badges = links.counts() if links is not None else {}
        self.options.dim_except = links.mentioned() if (links is not None and self.doc.mentioned_only) else None
        self.update()

    # -- view helpers
    def fit_all(self) -> None:
        self.viewport.fit(self.doc.home_bounds, margin=0.02)
        self._after_view_change()

    def zoom_to_feature(self, fid: str) -> None:
        f = self.doc.feature(fid)
        if f is None:
            return
        # Points and short segments get a sensible town-scale view rather than a maximal zoom.
        self.viewport.fit(f.geometry.bounds, margin=0.15, min_m_per_px=40.0)
        self._after_view_change()

    def fly_to(self, bounds: tuple[float, float, float, float], duration_ms: int = 1100,
               margin: float = 0.04) -> None:
        """Animate to a view: pan and zoom together, pulling back mid-way on long hops (like a camera)."""
        target = self.viewport.copy()
        target.fit(bounds, margin=margin)
        if self._flight is not None:
            self._flight.stop()
        if duration_ms <= 0:
            self.viewport.cx, self.viewport.cy, self.viewport.m_per_px = target.cx, target.cy, target.m_per_px
            self._after_view_change()
            return
        start = self.viewport.copy()
        hop = math.hypot(target.cx - start.cx, target.cy - start.cy)
        span = max(start.width * start.m_per_px, start.width * target.m_per_px)
        bump = min(0.8, hop / max(span, 1.0) * 0.5)  # zoom out more for longer jumps
        anim = QVariantAnimation(self)
        anim.setStartValue(0.0)
        anim.setEndValue(1.0)
        anim.setDuration(duration_ms)
        anim.setEasingCurve(QEasingCurve.Type.InOutCubic)

        def step(t) -> None:
            t = float(t)
            vp = self.viewport
            vp.cx = start.cx + (target.cx - start.cx) * t
            vp.cy = start.cy + (target.cy - start.cy) * t
            log_m = math.log(start.m_per_px) + (math.log(target.m_per_px) - math.log(start.m_per_px)) * t
            vp.m_per_px = math.exp(log_m) * (1.0 + bump * math.sin(math.pi * t))
            self._after_view_change()

        anim.valueChanged.connect(step)
        anim.finished.connect(lambda: step(1.0))
        self._flight = anim
        anim.start()

    def set_view_state(self, state: dict) -> None:
        try:
            cx, cy, m = float(state["cx"]), float(state["cy"]), float(state["m_per_px"])
        except (KeyError, TypeError, ValueError):
            return
        b = self.doc.bounds
        if b[0] <= cx <= b[2] and b[1] <= cy <= b[3] and 5 <= m <= 5000:
            self.viewport.cx, self.viewport.cy, self.viewport.m_per_px = cx, cy, m
            self._fitted = True
            self._after_view_change()

    def zoom(self, factor: float, at: QPointF | None = None) -> None:
        p = at or QPointF(self.width() / 2, self.height() / 2)
        self.viewport.zoom_at(factor, p.x(), p.y())
        self._after_view_change()

    def _after_view_change(self) -> None:
        self.update()
        self.view_changed.emit()

    # -- Qt events
    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.viewport.resize(self.width(), self.height())
        if not self._fitted:
            self.fit_all()
            self._fitted = True
        super().resizeEvent(event)

    def _base_key(self) -> tuple:
        vp = self.viewport
        return (self.doc.revision, vp.width, vp.height, self.devicePixelRatioF(), self.options.dim_except,
                self.options.ui_scale, self.options.high_contrast)

    def _render_base(self) -> None:
        """Paint the layers into an image CACHE_MARGIN px larger than the view on every side."""
        vp = self.viewport
        big = Viewport(vp.cx, vp.cy, vp.m_per_px, vp.width + 2 * CACHE_MARGIN, vp.height + 2 * CACHE_MARGIN)
        dpr = self.devicePixelRatioF()
        img = QImage(max(1, round(big.width * dpr)), max(1, round(big.height * dpr)),
                     QImage.Format.Format_ARGB32_Premultiplied)
        img.setDevicePixelRatio(dpr)
        p = QPainter(img)
        paint_base(self.doc, big, p, self.options)
        p.end()
        self._base_cache = (self._base_key(), big, img)

    def _cached_target(self) -> QRectF | None:
        """Where the cached layer image lands in the current view, if it still covers the view."""
        cache = self._base_cache
        if cache is None or cache[0] != self._base_key():
            return None
        big: Viewport = cache[1]
        x0, y0, x1, y1 = big.world_bounds
        sx0, sy0 = self.viewport.to_screen(x0, y1)
        sx1, sy1 = self.viewport.to_screen(x1, y0)
        target = QRectF(sx0, sy0, sx1 - sx0, sy1 - sy0)
        if not target.contains(QRectF(0, 0, self.viewport.width, self.viewport.height)):
            return None
        return target

    def paintEvent(self, event) -> None:  # noqa: N802
        t0 = time.perf_counter()
        # The layers are cached in an oversized image: hover and selection repaint only the overlay,
        # and a pan or zoom first shows the shifted/scaled image, re-rendered once the view settles
        # (QGIS's map-canvas preview works the same way).
        target = self._cached_target()
        if target is None:
            self._render_base()
            target = self._cached_target()
        elif self._base_cache[1].m_per_px != self.viewport.m_per_px or target.topLeft() != QPointF(
                -CACHE_MARGIN, -CACHE_MARGIN):
            self._settle.start()
        painter = QPainter(self)
        painter.drawImage(target, self._base_cache[2])
        paint_overlay(self.doc, self.viewport, painter, self.options)
        painter.end()
        self.painted.emit((time.perf_counter() - t0) * 1000.0)

    def _on_settled(self) -> None:
        cache = self._base_cache
        vp = self.viewport
        if cache is not None and (cache[1].cx, cache[1].cy, cache[1].m_per_px) != (vp.cx, vp.cy, vp.m_per_px):
            self._render_base()
            self.update()

    def _tolerance_m(self) -> float:
        return PICK_TOLERANCE_PX * self.viewport.m_per_px

    def _feature_at(self, pos: QPointF):
        x, y = self.viewport.to_world(pos.x(), pos.y())
        return self.doc.pick(x, y, self._tolerance_m())

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = event.position()
            self._press_at = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position()
        lon, lat = self.viewport.to_lonlat(pos.x(), pos.y())
        self.cursor_moved.emit(lon, lat)
        if self._drag_from is not None:
            d = pos - self._drag_from
            self._drag_from = pos
            self.viewport.pan_pixels(d.x(), d.y())
            self._after_view_change()
            return
        f = self._feature_at(pos)
        self.doc.set_hover(f.id if f else None)
        if f is not None:
            layer = self.doc.layer(f.layer_id)
            # Names may come from a user's file: shown as text, never as markup.
            tip = f"<b>{escape(f.name(self.doc.language))}</b><br>{escape(layer.title_for(self.doc.language))}"
            QToolTip.showText(event.globalPosition().toPoint(), tip, self)
        else:
            QToolTip.hideText()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self.unsetCursor()
        moved = self._press_at is not None and (event.position() - self._press_at).manhattanLength() > 4
        self._drag_from = self._press_at = None
        if not moved:
            f = self._feature_at(event.position())
            self.doc.select(f.id if f else None)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.zoom(2.0, event.position())

    def leaveEvent(self, event) -> None:  # noqa: N802
        self.doc.set_hover(None)
        super().leaveEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        delta = event.angleDelta().y() or event.pixelDelta().y()
        if delta:
            # 120 units = one notch = x1.25; touchpads send small deltas for smooth zoom.
            self.zoom(1.25 ** (delta / 120.0), event.position())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        pans = {Qt.Key.Key_Left: (KEY_PAN_PX, 0), Qt.Key.Key_Right: (-KEY_PAN_PX, 0),
                Qt.Key.Key_Up: (0, KEY_PAN_PX), Qt.Key.Key_Down: (0, -KEY_PAN_PX)}
        if key in pans:
            self.viewport.pan_pixels(*pans[key])
            self._after_view_change()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(KEY_ZOOM)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / KEY_ZOOM)
        elif key == Qt.Key.Key_Home:
            self.fit_all()
        elif key == Qt.Key.Key_Escape:
            self.doc.select(None)
        else:
            super().keyPressEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if pinch is not None:
                centre = self.mapFromGlobal(pinch.centerPoint().toPoint())
                self.zoom(pinch.scaleFactor(), QPointF(centre))
                return True
        if event.type() == QEvent.Type.NativeGesture and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self.zoom(1.0 + event.value(), event.position())
            return True
        return super().event(event)
