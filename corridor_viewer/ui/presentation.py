"""Presentation mode (F5): full screen, one scene at a time, large captions, clicker keys.

Clicker remotes send PageDown/PageUp (some send Right/Left or Space), so all of them step.
The pointer (L) and pen (P) draw on a transparent overlay that is cleared at every scene.
Each slide is the scene's own MapState on a canvas with its own camera: presenting never changes the
main map (its layers, date, selection or view), so leaving finds the map as it was.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPainterPath, QPen, QRadialGradient
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from corridor_viewer.model.document import Document
from corridor_viewer.model.scenes import SceneList, pinned_passages, scene_bounds
from corridor_viewer.ui.canvas import MapCanvas
from corridor_viewer.ui.motion import system_prefers_reduced_motion

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Down, Qt.Key.Key_Return,
             Qt.Key.Key_Enter}
PREV_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Up, Qt.Key.Key_Backspace}


class Overlay(QWidget):
    """Laser pointer and pen strokes over the map; only takes the mouse while one of them is on."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.mode: str | None = None  # None | "pointer" | "pen"
        self.strokes: list[QPainterPath] = []
        self.pos: QPointF | None = None
        self.setMouseTracking(True)
        self.set_mode(None)

    def set_mode(self, mode: str | None) -> None:
        self.mode = mode
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, mode is None)
        self.setCursor(Qt.CursorShape.BlankCursor if mode == "pointer" else
                       Qt.CursorShape.CrossCursor if mode == "pen" else Qt.CursorShape.ArrowCursor)
        self.update()

    def clear(self) -> None:
        self.strokes.clear()
        self.update()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if self.mode == "pen" and event.button() == Qt.MouseButton.LeftButton:
            path = QPainterPath(event.position())
            self.strokes.append(path)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        self.pos = event.position()
        if self.mode == "pen" and event.buttons() & Qt.MouseButton.LeftButton and self.strokes:
            self.strokes[-1].lineTo(event.position())
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = max(4.0, self.height() / 180)
        pen = QPen(QColor(230, 30, 30, 220), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        for path in self.strokes:
            p.drawPath(path)
        if self.mode == "pointer" and self.pos is not None:
            r = max(14.0, self.height() / 45)
            g = QRadialGradient(self.pos, r)
            g.setColorAt(0, QColor(255, 40, 40, 240))
            g.setColorAt(0.45, QColor(255, 40, 40, 160))
            g.setColorAt(1, QColor(255, 40, 40, 0))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(g)
            p.drawEllipse(self.pos, r, r)
        p.end()


class PresentationWindow(QWidget):
    closed = Signal()

    def __init__(self, doc: Document, scenes: SceneList, start: int = 0, *, high_contrast: bool = False,
                 show_passages: bool = True, reduced_motion: bool | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.doc = doc
        self.scenes = scenes
        self.index = max(0, min(start, len(scenes) - 1))
        self.high_contrast = high_contrast
        self.show_passages = show_passages
        self.reduced_motion = system_prefers_reduced_motion() if reduced_motion is None else reduced_motion
        self.setObjectName("presentation")
        self.setWindowTitle(self.tr("Presentation"))
        self.canvas = MapCanvas(doc, self, own_camera=True, interactive=False)
        self.canvas.badges = False  # mention counts read as kilometres to a class
        self.overlay = Overlay(self.canvas)
        self.title = QLabel()
        self.caption = QLabel()
        self.counter = QLabel()
        self.hint = QLabel()
        for lab in (self.title, self.caption):
            lab.setWordWrap(True)
        self.passages = QLabel()
        self.passages.setWordWrap(True)
        self.passages.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.passages.setTextFormat(Qt.TextFormat.RichText)
        self.passage_scroll = QScrollArea()
        self.passage_scroll.setWidget(self.passages)
        self.passage_scroll.setWidgetResizable(True)
        self.passage_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        band = QWidget()
        band.setObjectName("captionBand")
        band_lay = QVBoxLayout(band)
        band_lay.addWidget(self.title)
        band_lay.addWidget(self.caption)
        foot = QHBoxLayout()
        foot.addWidget(self.hint, 1)
        foot.addWidget(self.counter)
        band_lay.addLayout(foot)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(0)
        top.addWidget(self.canvas, 3)
        top.addWidget(self.passage_scroll, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addLayout(top, 1)
        lay.addWidget(band)
        self.band = band
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the window takes every key
        self._restyle()

    # -- sizes: readable from the back of a classroom at 1080p and at 4K
    def _restyle(self) -> None:
        h = max(600, self.height())
        k = max(1.4, h / 720.0)
        self.canvas.options.ui_scale = k
        self.canvas.options.high_contrast = self.high_contrast
        self.canvas.options.decorations = True
        bg, fg, accent = (("#000000", "#ffffff", "#ffd400") if self.high_contrast else
                          ("#1d2430", "#f4f1ea", "#ffb000"))
        self.band.setStyleSheet(f"#captionBand {{ background:{bg}; }} QLabel {{ color:{fg}; }}")
        self.passage_scroll.setStyleSheet(f"QScrollArea, QLabel {{ background:{bg}; color:{fg}; }}")
        self.title.setStyleSheet(f"color:{accent}; font-weight:bold; font-size:{round(h / 22)}px;")
        self.caption.setStyleSheet(f"color:{fg}; font-size:{round(h / 32)}px;")
        self.counter.setStyleSheet(f"color:{fg}; font-size:{round(h / 48)}px;")
        self.hint.setStyleSheet(f"color:#9aa3ad; font-size:{round(h / 60)}px;")
        self.passages.setStyleSheet(f"color:{fg}; font-size:{round(h / 42)}px; padding:{round(h / 60)}px;")
        self.passage_scroll.setMinimumWidth(round(self.width() * 0.26) if self.show_passages else 0)
        pad = round(h / 60)
        self.band.layout().setContentsMargins(pad * 2, pad, pad * 2, pad)
        self.canvas.update()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.overlay.resize(self.canvas.size())
        self._restyle()
        if len(self.scenes) and self.isVisible():
            # Going full screen changes the map's size: frame the scene again, without animation.
            self.canvas.fly_to(scene_bounds(self.scenes[self.index]), 0)

    def start(self) -> None:
        self.showFullScreen()
        self.activateWindow()
        self.setFocus()
        self.go(self.index, animate=False)

    def go(self, index: int, animate: bool = True) -> None:
        if not len(self.scenes):
            return
        self.index = max(0, min(index, len(self.scenes) - 1))
        scene = self.scenes[self.index]
        lang = self.doc.language
        rtl = lang == "ar"
        self.overlay.clear()
        self.canvas.show_scene(scene)
        duration = 0 if (self.reduced_motion or not animate) else 1200
        self.canvas.fly_to(scene_bounds(scene), duration)
        align = (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignAbsolute
        for lab in (self.title, self.caption):
            lab.setAlignment(align)
            lab.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        date = f" · \u2066{scene.date}\u2069" if scene.date else ""
        self.title.setText(scene.title_for(lang) + date)
        self.caption.setText(scene.caption_for(lang))
        self.counter.setText(f"{self.index + 1} / {len(self.scenes)}")
        self.hint.setText(self.tr("→ / PageDown: next · ← / PageUp: back · L: pointer · P: pen · "
                                  "H: high contrast · S: passages · Esc: leave"))
        self._fill_passages(scene)

    def _fill_passages(self, scene) -> None:
        import html

        items = pinned_passages(self.doc.links, scene)
        self.passage_scroll.setVisible(self.show_passages and bool(items))
        from corridor_viewer.model.normalize import is_rtl

        out = []
        for art, p in items:
            title = art.title if self.doc.language == "ar" else (art.title_en or art.title)
            d, a = ("rtl", "right") if is_rtl(p.text) else ("ltr", "left")
            td, ta = ("rtl", "right") if is_rtl(title) else ("ltr", "left")
            out.append(f"<p dir='{d}' align='{a}'>«{html.escape(p.text.strip())}»</p>"
                       f"<p dir='{td}' align='{ta}' style='color:#9aa3ad'>{html.escape(title)} "
                       f"(\u2066{html.escape(art.published)}\u2069)</p>")
        self.passages.setText("".join(out))

    def next(self) -> None:
        if self.index < len(self.scenes) - 1:
            self.go(self.index + 1)

    def previous(self) -> None:
        if self.index > 0:
            self.go(self.index - 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in NEXT_KEYS:
            self.next()
        elif key in PREV_KEYS:
            self.previous()
        elif key == Qt.Key.Key_Home:
            self.go(0)
        elif key == Qt.Key.Key_End:
            self.go(len(self.scenes) - 1)
        elif key == Qt.Key.Key_Escape:
            self.close()
        elif key == Qt.Key.Key_L:
            self.overlay.set_mode(None if self.overlay.mode == "pointer" else "pointer")
        elif key == Qt.Key.Key_P:
            self.overlay.set_mode(None if self.overlay.mode == "pen" else "pen")
        elif key == Qt.Key.Key_C:
            self.overlay.clear()
        elif key == Qt.Key.Key_H:
            self.high_contrast = not self.high_contrast
            self._restyle()
        elif key == Qt.Key.Key_S:
            self.show_passages = not self.show_passages
            self._restyle()
            self._fill_passages(self.scenes[self.index])
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.closed.emit()
        super().closeEvent(event)
