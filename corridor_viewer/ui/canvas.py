"""The native map canvas: it renders a MapState and turns pan/zoom/hover/clicks into model changes.

The main map's camera lives in the document (the canvas renders it and sets it); a presentation's canvas
has a camera of its own and shows a scene's state, so it never moves or changes the main map.
"""

from __future__ import annotations

import math
import time
from dataclasses import replace
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QToolTip, QWidget

from corridor_viewer.model.document import Document
from corridor_viewer.model.mapstate import MapState
from corridor_viewer.model.scenes import Scene, scene_state
from corridor_viewer.model.viewport import Bounds, Camera, Viewport
from corridor_viewer.render.paint import PaintOptions, paint_base, paint_overlay
from corridor_viewer.render.text import draw_halo_text, text_box
from corridor_viewer.ui.bind import listen, listen_all
from corridor_viewer.ui.crash import guarded_paint

if TYPE_CHECKING:
    from PySide6.QtCore import QVariantAnimation

PICK_TOLERANCE_PX = 6.0
KEY_PAN_PX = 80.0
KEY_ZOOM = 1.5
CACHE_MARGIN = 256  # px of map cached beyond each edge, so pans need no immediate re-render
STAMP_PX = 11.0  # the "data as of" stamp's text, before the canvas's ui scale
SETTLE_MS = 120  # re-centre the cache this long after the last pan step


class MapCanvas(QWidget):
    cursor_moved = Signal(float, float)  # lon, lat
    view_changed = Signal()
    painted = Signal(float)  # paint duration in ms

    def __init__(self, doc: Document, parent: QWidget | None = None, *, own_camera: bool = False,
                 interactive: bool = True) -> None:
        super().__init__(parent)
        self.doc = doc
        self.own_camera = own_camera
        self.interactive = interactive  # False: pan and zoom only (a presentation never selects)
        self._camera: Camera | None = None
        self.scene: Scene | None = None  # when set, the canvas shows this scene's state
        self.session = None  # the main map's: its annotations and label edits are drawn (attach_session)
        self.editor = None  # ui.annotation_editor.MapEditor: drawing tools, handles, label drags
        self.badges = False  # mention counts beside labels: View → Mention counts on the map (off: read as km)
        self.stamp = True  # "Data as of <month year>" in the corner the scale bar leaves free
        self.options = PaintOptions()
        self.last_labels: list = []
        self._drag_from: QPointF | None = None
        self._press_at: QPointF | None = None
        self._base_cache: tuple | None = None
        self._flight: QVariantAnimation | None = None
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._on_settled)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(320, 240)
        self.grabGesture(Qt.GestureType.PinchGesture)
        listen_all(self, [doc.visibility_changed, doc.opacity_changed, doc.style_changed, doc.layer_added,
                          doc.layer_removed, doc.date_changed, doc.selection_changed, doc.hover_changed,
                          doc.language_changed, doc.links_changed, doc.mentioned_only_changed], self._redraw)
        if not own_camera:
            listen(self, doc.camera_changed, self._on_camera)
            listen(self, doc.zoom_requested, self.zoom_to_feature)

    # -- the camera and the state drawn
    @property
    def camera(self) -> Camera | None:
        return self._camera if self.own_camera else self.doc.camera

    @property
    def viewport(self) -> Viewport:
        cam = self.camera
        if cam is None:
            return Viewport(width=self.width(), height=self.height()).fitted(self.doc.home_bounds, margin=0.02)
        return Viewport.of(cam, self.width(), self.height())

    def set_viewport(self, vp: Viewport) -> None:
        """Show ``vp`` (kept inside the data: no view shows where the map stops)."""
        vp = vp.clamped(self.doc.data_bounds)
        if self.own_camera:
            if vp.camera != self._camera:
                self._camera = vp.camera
                self._after_view_change()
        else:
            self.doc.set_camera(vp.camera)  # the canvas hears camera_changed and repaints

    def _on_camera(self, _camera: Camera) -> None:
        self._after_view_change()

    def attach_session(self, session) -> None:
        """Draw the session's annotations and label edits (the main map; a presentation shows scenes)."""
        self.session = session
        listen_all(self, [session.annotations_changed, session.label_edits_changed], self._redraw)

    def map_state(self, viewport: Viewport | None = None) -> MapState:
        """What this canvas shows, as a value (exports of "the current view" start from it)."""
        vp = viewport or self.viewport
        base = self.doc.map_state(vp, badges=self.badges)
        if self.scene is not None:
            return scene_state(base, self.scene).with_viewport(vp)
        if self.session is not None:
            notes, edits = self.session.annotations, self.session.label_edits
            if self.editor is not None:  # a drag in progress is shown before it becomes an edit
                notes, edits = self.editor.preview(notes, edits)
            base = base.with_(annotations=notes, label_overrides=edits)
        return base

    def show_scene(self, scene: Scene | None) -> None:
        self.scene = scene
        self._redraw()

    def _redraw(self, *_args) -> None:
        self.update()

    # -- view helpers
    def fit_all(self) -> None:
        self.set_viewport(self.viewport.fitted(self.doc.home_bounds, margin=0.02))

    def zoom_to_feature(self, fid: str) -> None:
        f = self.doc.feature(fid)
        if f is None:
            return
        # Points and short segments get a sensible town-scale view rather than a maximal zoom.
        self.set_viewport(self.viewport.fitted(f.geometry.bounds, margin=0.15, min_m_per_px=40.0))

    def fly_to(self, bounds: Bounds, duration_ms: int = 1100, margin: float = 0.04) -> None:
        """Animate to a view: pan and zoom together, pulling back mid-way on long hops (like a camera)."""
        start = self.viewport
        target = start.fitted(bounds, margin=margin).clamped(self.doc.data_bounds)
        if self._flight is not None:
            self._flight.stop()
        if duration_ms <= 0:
            self.set_viewport(target)
            return
        hop = math.hypot(target.cx - start.cx, target.cy - start.cy)
        span = max(start.width * start.m_per_px, start.width * target.m_per_px)
        bump = min(0.8, hop / max(span, 1.0) * 0.5)  # zoom out more for longer jumps
        from PySide6.QtCore import QEasingCurve, QVariantAnimation  # ~2 ms of classes the first paint skips

        anim = QVariantAnimation(self)
        anim.setStartValue(0.0)
        anim.setEndValue(1.0)
        anim.setDuration(duration_ms)
        anim.setEasingCurve(QEasingCurve.Type.InOutCubic)

        def step(t) -> None:
            t = float(t)
            log_m = math.log(start.m_per_px) + (math.log(target.m_per_px) - math.log(start.m_per_px)) * t
            m = math.exp(log_m) * (1.0 + bump * math.sin(math.pi * t))
            self.set_viewport(Viewport(start.cx + (target.cx - start.cx) * t, start.cy + (target.cy - start.cy) * t,
                                       m, start.width, start.height))

        anim.valueChanged.connect(step)
        anim.finished.connect(lambda: step(1.0))
        self._flight = anim
        anim.start()

    def set_view_state(self, state: dict) -> None:
        cam = Camera.from_dict(state)
        b = self.doc.data_bounds
        if cam is not None and b[0] <= cam.cx <= b[2] and b[1] <= cam.cy <= b[3]:
            self.set_viewport(Viewport.of(cam, self.width(), self.height()))

    def zoom(self, factor: float, at: QPointF | None = None) -> None:
        p = at or QPointF(self.width() / 2, self.height() / 2)
        self.set_viewport(self.viewport.zoomed(factor, p.x(), p.y()))

    def pan(self, dx: float, dy: float) -> None:
        self.set_viewport(self.viewport.panned(dx, dy))

    def _after_view_change(self) -> None:
        self.update()
        self.view_changed.emit()

    # -- Qt events
    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if self.camera is None:
            self.fit_all()  # the first framing: the home view for this size
        super().resizeEvent(event)

    def _render_base(self, state: MapState, margin: float = CACHE_MARGIN) -> None:
        """Paint the layers into an image ``margin`` px larger than the view on every side."""
        vp = state.viewport
        big = Viewport(vp.cx, vp.cy, vp.m_per_px, vp.width + 2 * margin, vp.height + 2 * margin)
        dpr = self.devicePixelRatioF()
        img = QImage(max(1, round(big.width * dpr)), max(1, round(big.height * dpr)),
                     QImage.Format.Format_ARGB32_Premultiplied)
        img.setDevicePixelRatio(dpr)
        p = QPainter(img)
        paint_base(state.with_viewport(big), p, self.options)
        p.end()
        self._base_cache = (self._base_key(state), big, img)

    def _base_key(self, state: MapState) -> tuple:
        # The layers' look, not where they are: a pan reuses the image until the view settles.
        vp = state.viewport
        return (state.look_key(), vp.width, vp.height, self.devicePixelRatioF(), self.options.ui_scale,
                self.options.high_contrast)

    def _cached_target(self, state: MapState) -> QRectF | None:
        """Where the cached layer image lands in the current view, if it is still valid and covers the view."""
        cache = self._base_cache
        if cache is None:
            return None
        if cache[0] != self._base_key(state):
            return None
        big: Viewport = cache[1]
        vp = state.viewport
        x0, y0, x1, y1 = big.world_bounds
        sx0, sy0 = vp.to_screen(x0, y1)
        sx1, sy1 = vp.to_screen(x1, y0)
        target = QRectF(sx0, sy0, sx1 - sx0, sy1 - sy0)
        # Half a pixel of slack: an image of exactly the view (the first paint) must count as covering it.
        if not target.adjusted(-0.5, -0.5, 0.5, 0.5).contains(QRectF(0, 0, vp.width, vp.height)):
            return None
        return target

    @guarded_paint
    def paintEvent(self, event) -> None:  # noqa: N802
        self._paint()

    def _paint(self) -> None:
        t0 = time.perf_counter()
        state = self.map_state()
        # The layers are cached in an oversized image: hover and selection repaint only the overlay,
        # and a pan or zoom first shows the shifted/scaled image, re-rendered once the view settles
        # (QGIS's map-canvas preview works the same way).
        target = self._cached_target(state)
        if target is None:
            # The very first paint draws only what is on screen (2.3x fewer pixels than with the margin):
            # the map appears sooner, and the margin is added once the view settles.
            first = self._base_cache is None
            self._render_base(state, 0 if first else CACHE_MARGIN)
            target = self._cached_target(state)
            if first:
                self._settle.start()
        elif self._base_cache[1].m_per_px != state.viewport.m_per_px or target.topLeft() != QPointF(
                -CACHE_MARGIN, -CACHE_MARGIN):
            self._settle.start()
        painter = QPainter(self)
        painter.drawImage(target, self._base_cache[2])
        stamp = self.as_of_text(state.language, state.data_as_of) if self.stamp else ""
        box = self.stamp_rect(stamp, state) if stamp else None
        opt = replace(self.options, obstacles=(*self.options.obstacles, box)) if box is not None else self.options
        self.last_labels = paint_overlay(state, painter, opt)
        if box is not None:
            self._draw_stamp(painter, stamp, box)
        if self.editor is not None:
            self.editor.paint(painter, state)
        painter.end()
        self.painted.emit((time.perf_counter() - t0) * 1000.0)

    # -- "data as of": the month of the newest source, on the map as on every export's credit line
    def as_of_text(self, lang: str, as_of: str | None) -> str:
        if not as_of:
            return ""
        from corridor_viewer.model.dates import news_date

        try:
            month = news_date(as_of, lang)
        except ValueError:
            return ""
        return self.tr("Data as of %1").replace("%1", month)

    def stamp_rect(self, text: str, state: MapState) -> QRectF:
        """Where the stamp goes: the bottom corner the scale bar leaves free (its right in English, its left in
        Arabic, where the bar is on the right)."""
        k = self.options.ui_scale
        box = text_box(text, STAMP_PX * k)
        w, h = box.width() + 12 * k, box.height() + 6 * k
        margin = 16 * k
        vp = state.viewport
        x = margin if state.language == "ar" else vp.width - margin - w
        return QRectF(x, vp.height - margin - h, w, h)

    def _draw_stamp(self, painter: QPainter, text: str, box: QRectF) -> None:
        k = self.options.ui_scale
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 215))
        painter.drawRoundedRect(box, 4 * k, 4 * k)
        tb = text_box(text, STAMP_PX * k)
        draw_halo_text(painter, text, QPointF(box.left() + 6 * k, box.top() + 3 * k - tb.top()), STAMP_PX * k,
                       "#222222" if self.options.high_contrast else "#333333", None, raster=True)
        painter.restore()

    def _on_settled(self) -> None:
        cache = self._base_cache
        vp = self.viewport
        if cache is not None and ((cache[1].cx, cache[1].cy, cache[1].m_per_px) != (vp.cx, vp.cy, vp.m_per_px)
                                  or cache[1].width < vp.width + 2 * CACHE_MARGIN):
            self._render_base(self.map_state())
            self.update()

    def _tolerance_m(self) -> float:
        return PICK_TOLERANCE_PX * self.viewport.m_per_px

    def _feature_at(self, pos: QPointF):
        x, y = self.viewport.to_world(pos.x(), pos.y())
        return self.doc.pick(x, y, self._tolerance_m())

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.editor is not None and self.editor.mouse_press(event):
            return
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = event.position()
            self._press_at = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position()
        lon, lat = self.viewport.to_lonlat(pos.x(), pos.y())
        self.cursor_moved.emit(lon, lat)
        if self.editor is not None and self.editor.mouse_move(event):
            return
        if self._drag_from is not None:
            d = pos - self._drag_from
            self._drag_from = pos
            self.pan(d.x(), d.y())
            return
        if not self.interactive:
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
        if self.editor is not None and self.editor.mouse_release(event):
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self.unsetCursor()
        moved = self._press_at is not None and (event.position() - self._press_at).manhattanLength() > 4
        self._drag_from = self._press_at = None
        if not moved and self.interactive:
            f = self._feature_at(event.position())
            self.doc.select(f.id if f else None)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.editor is not None and self.editor.double_click(event):
            return
        self.zoom(2.0, event.position())

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        if self.editor is not None:
            self.editor.context_menu(event)

    def leaveEvent(self, event) -> None:  # noqa: N802
        if self.interactive:
            self.doc.set_hover(None)
        super().leaveEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        delta = event.angleDelta().y() or event.pixelDelta().y()
        if delta:
            # 120 units = one notch = x1.25; touchpads send small deltas for smooth zoom.
            self.zoom(1.25 ** (delta / 120.0), event.position())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self.editor is not None and self.editor.key_press(event):
            return
        key = event.key()
        pans = {Qt.Key.Key_Left: (KEY_PAN_PX, 0), Qt.Key.Key_Right: (-KEY_PAN_PX, 0),
                Qt.Key.Key_Up: (0, KEY_PAN_PX), Qt.Key.Key_Down: (0, -KEY_PAN_PX)}
        if key in pans:
            self.pan(*pans[key])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(KEY_ZOOM)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / KEY_ZOOM)
        elif key == Qt.Key.Key_Home:
            self.fit_all()
        elif key == Qt.Key.Key_Escape and self.interactive:
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
