"""Presentation mode (F5): full screen, one scene at a time, large captions, clicker keys.

Clicker remotes send PageDown/PageUp (some send Right/Left or Space). PageDown, Space and Down first
scroll a pinned passage that runs past the bottom of its column, then go to the next scene; PageUp, Up
and Backspace scroll back first. Right/Return always go to the next scene, Left to the previous one.
The pointer (L) and pen (P) draw on a transparent overlay that is cleared at every scene; a pen stroke
never reaches the map, so it never selects anything.
Each slide is the scene's own MapState on a canvas with its own camera: presenting never changes the
main map (its layers, date, selection or view), so leaving finds the map as it was before F5.
Below the map, a compact legend of what the slide shows (the exports' legend entries); beside it the
pinned passages, in English our own translation (marked as ours) with the Arabic original on `A`.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPainterPath, QPen, QRadialGradient
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from corridor_viewer.model.document import Document
from corridor_viewer.model.scenes import SceneList, pinned_passages, scene_bounds
from corridor_viewer.model.viewport import Viewport
from corridor_viewer.ui.canvas import MapCanvas
from corridor_viewer.ui.crash import guarded_paint
from corridor_viewer.ui.motion import system_prefers_reduced_motion

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Return, Qt.Key.Key_Enter}  # always the next scene
PREV_KEYS = {Qt.Key.Key_Left}  # always the previous scene
ADVANCE_KEYS = {Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Down}  # scroll a long passage, then next
RETREAT_KEYS = {Qt.Key.Key_PageUp, Qt.Key.Key_Up, Qt.Key.Key_Backspace}  # scroll back, then previous
LTR, RTL = "\u2066", "\u2067"  # isolates: key names and dates keep their order inside Arabic text
PDI = "\u2069"


class Overlay(QWidget):
    """Laser pointer and pen strokes over the map; only takes the mouse while one of them is on, and then
    keeps every press, move and release to itself (a stroke's release used to reach the map as a click)."""

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
            self.strokes.append(QPainterPath(event.position()))
        event.accept()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        self.pos = event.position()
        if self.mode == "pen" and event.buttons() & Qt.MouseButton.LeftButton and self.strokes:
            self.strokes[-1].lineTo(event.position())
        self.update()
        event.accept()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        event.accept()  # the end of a stroke, not a click on the map

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        event.accept()  # not a zoom either

    @guarded_paint
    def paintEvent(self, event) -> None:  # noqa: N802
        self._paint()

    def _paint(self) -> None:
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


class LegendStrip(QWidget):
    """A compact legend under the map: one entry per symbol the slide shows, from export/legend (the entries
    the exports list, so a slide and its handout page agree). As tall as its entries need, up to three rows
    (then drawn smaller); it never covers the map."""

    MAX_ROWS = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list = []
        self.lang = "en"
        self.k = 1.0
        self.fit_k = 1.0  # the scale the entries are drawn at (smaller than k when they need > MAX_ROWS)
        self.status_dash: dict = {}
        self.background = "#f4f2ec"

    @property
    def pad(self) -> float:
        return 6 * self.k

    def inner_width(self) -> float:
        return max(1.0, self.width() - 4 * self.pad)

    def set_scale(self, k: float) -> None:
        self.k = k
        self._fit()

    def set_state(self, state, lang: str) -> None:
        from corridor_viewer.export import legend

        self.lang = lang
        self.items = legend.entries(state, lang, selection=False)
        self.status_dash = dict(state.layers[0].style.status_dash) if state.layers else {}
        self._fit()

    def _fit(self) -> None:
        from corridor_viewer.export import legend

        row = max(legend.SH * self.k, 12.5 * self.k * 1.4)  # export/legend's row height at this scale
        most = self.MAX_ROWS * row + (self.MAX_ROWS - 1) * 4 * self.k
        k = self.k
        while k > 0.6 * self.k and legend.band_height(self.items, self.inner_width(), k) > most + 0.5:
            k *= 0.94
        self.fit_k = k
        need = legend.band_height(self.items, self.inner_width(), k) if self.items else 0.0
        self.setFixedHeight(math.ceil(max(need, row) + 2 * self.pad))
        self.update()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit()

    @guarded_paint
    def paintEvent(self, event) -> None:  # noqa: N802
        self._paint()

    def _paint(self) -> None:
        from corridor_viewer.export import legend

        p = QPainter(self)
        p.fillRect(self.rect(), QColor(self.background))
        legend.draw_band(p, self.items, self.lang, 2 * self.pad, self.pad, self.inner_width(), self.fit_k, False,
                         self.status_dash)
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
        self.show_original = False  # English mode: the Arabic original under our translation (A)
        self.reduced_motion = system_prefers_reduced_motion() if reduced_motion is None else reduced_motion
        self.setObjectName("presentation")
        self.setWindowTitle(self.tr("Presentation"))
        self.canvas = MapCanvas(doc, self, own_camera=True, interactive=False)
        self.canvas.badges = False  # mention counts read as kilometres to a class
        self.overlay = Overlay(self.canvas)
        self.legend = LegendStrip()
        self.title = QLabel()
        self.caption = QLabel()
        self.counter = QLabel()
        self.hint = QLabel()
        for lab in (self.title, self.caption, self.hint):
            lab.setWordWrap(True)
        # The passages: one label per quote and per citation, in a column that scrolls (PageDown).
        self.passages = QWidget()
        self.passages.setObjectName("passages")
        self.passage_box = QVBoxLayout(self.passages)
        self.passage_box.addStretch(1)  # the quotes sit at the top; a short one leaves the rest empty
        self.passage_labels: list[QLabel] = []
        self.citation_labels: list[QLabel] = []
        self.source_labels: list[QLabel] = []
        self.passage_scroll = QScrollArea()
        self.passage_scroll.setWidget(self.passages)
        self.passage_scroll.setWidgetResizable(True)
        self.passage_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.passage_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.more = QLabel()  # "more below": the clicker's PageDown scrolls before it leaves the scene
        self.more.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar = self.passage_scroll.verticalScrollBar()
        bar.valueChanged.connect(self._update_more)
        bar.rangeChanged.connect(lambda *_: self._update_more())
        self.side = QWidget()
        self.side.setObjectName("side")
        side_lay = QVBoxLayout(self.side)
        side_lay.setContentsMargins(0, 0, 0, 0)
        side_lay.setSpacing(0)
        side_lay.addWidget(self.passage_scroll, 1)
        side_lay.addWidget(self.more)
        band = QWidget()
        band.setObjectName("captionBand")
        band_lay = QVBoxLayout(band)
        band_lay.setSpacing(0)  # the labels' own margins keep title, caption and hints apart
        band_lay.addWidget(self.title)
        band_lay.addWidget(self.caption)
        foot = QHBoxLayout()
        foot.addWidget(self.hint, 1)
        foot.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignBottom)
        band_lay.addLayout(foot)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(0)
        left.addWidget(self.canvas, 1)
        left.addWidget(self.legend)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(0)
        top.addLayout(left, 3)
        top.addWidget(self.side, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addLayout(top, 1)
        lay.addWidget(band)
        self.band = band
        self._legend_timer = QTimer(self)
        self._legend_timer.setSingleShot(True)
        self._legend_timer.setInterval(150)
        self._legend_timer.timeout.connect(self._refresh_legend)
        self.canvas.view_changed.connect(self._legend_timer.start)
        self.canvas.installEventFilter(self)  # the map's size changes with the legend and the passages
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the window takes every key
        self.passage_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._restyle()

    # -- sizes: readable from the back of a classroom at 1080p and at 4K
    def _sizes(self) -> dict[str, int]:
        h = max(600, self.height())
        return {"title": round(h / 22), "caption": round(h / 32), "counter": round(h / 48), "hint": round(h / 60),
                "passage": round(h / 42), "original": round(h / 50), "citation": round(h / 56), "pad": round(h / 60)}

    def _colors(self) -> tuple[str, str, str, str]:
        """Background, text, accent, quiet text."""
        return (("#000000", "#ffffff", "#ffd400", "#d0d0d0") if self.high_contrast else
                ("#1d2430", "#f4f1ea", "#ffb000", "#a9b1ba"))

    def _restyle(self) -> None:
        h = max(600, self.height())
        k = max(1.4, h / 720.0)
        sz = self._sizes()
        self.canvas.options.ui_scale = k
        self.canvas.options.high_contrast = self.high_contrast
        self.canvas.options.decorations = True
        bg, fg, accent, quiet = self._colors()
        self.band.setStyleSheet(f"#captionBand {{ background:{bg}; }} QLabel {{ color:{fg}; }}")
        self.side.setStyleSheet(f"#side, QScrollArea, #passages {{ background:{bg}; }} QLabel {{ color:{fg}; }}")
        self.title.setStyleSheet(f"color:{accent}; font-weight:bold; font-size:{sz['title']}px;")
        self.caption.setStyleSheet(f"color:{fg}; font-size:{sz['caption']}px;")
        self.counter.setStyleSheet(f"color:{fg}; font-size:{sz['counter']}px;")
        self.hint.setStyleSheet(f"color:{quiet}; font-size:{sz['hint']}px;")
        self.more.setStyleSheet(f"color:{accent}; background:{bg}; font-size:{sz['hint']}px;"
                                f" padding:{sz['pad'] // 2}px;")
        for lab in self.passage_labels:
            size = sz["original"] if lab.property("original") else sz["passage"]
            lab.setStyleSheet(f"color:{fg}; font-size:{size}px;")
        for lab in self.citation_labels + self.source_labels:
            lab.setStyleSheet(f"color:{quiet}; font-size:{sz['citation']}px;")
        pad = sz["pad"]
        for lab, px in ((self.title, sz["title"]), (self.caption, sz["caption"])):
            # Room inside each label: Qt may push a right-to-left line a space's width further than it
            # measured, and stacked Arabic marks (كلٌّ) reach well above and below the font's line box;
            # neither may reach the label's edge, where it would be cut.
            lab.setContentsMargins(pad // 2, round(px * 0.4), pad // 2, round(px * 0.3))
        self.passage_box.setContentsMargins(pad, pad, pad, pad)
        self.passage_box.setSpacing(round(pad * 0.6))
        self.side.setFixedWidth(round(self.width() * 0.27))
        self.band.layout().setContentsMargins(pad + pad // 2, pad, pad + pad // 2, pad)
        self.legend.background = "#ffffff" if self.high_contrast else "#f4f2ec"
        self.legend.set_scale(k)
        self.canvas.update()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._restyle()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.canvas and event.type() == QEvent.Type.Resize:
            self.overlay.resize(self.canvas.size())
            flight = self.canvas._flight
            flying = flight is not None and flight.state() == flight.State.Running
            if len(self.scenes) and self.isVisible() and not flying:
                # Full screen, a taller legend or the passages shown or hidden change the map's size: frame
                # the scene again, without animation.
                self.canvas.fly_to(scene_bounds(self.scenes[self.index]), 0)
                self._legend_timer.start()
        return super().eventFilter(obj, event)

    def start(self) -> None:
        self.showFullScreen()
        self.activateWindow()
        self.setFocus()
        self.go(self.index, animate=False)

    @property
    def lang(self) -> str:
        return self.doc.language

    def go(self, index: int, animate: bool = True) -> None:
        if not len(self.scenes):
            return
        self.index = max(0, min(index, len(self.scenes) - 1))
        scene = self.scenes[self.index]
        lang = self.lang
        rtl = lang == "ar"
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        self.overlay.clear()
        self.canvas.show_scene(scene)
        align = (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignAbsolute
        for lab in (self.title, self.caption, self.hint):
            lab.setAlignment(align | Qt.AlignmentFlag.AlignTop)
        self.title.setText(scene.title_for(lang) + self._date_text(scene.date, lang))
        self.caption.setText(scene.caption_for(lang))
        self.counter.setText(f"{LTR}{self.index + 1} / {len(self.scenes)}{PDI}")
        self.hint.setText(self._hint())
        self._fill_passages(scene)
        # Lay the slide out before the camera moves: the passages column and the legend's rows decide the
        # map's size, and the scene is framed in that.
        self.layout().activate()
        self._refresh_legend(self._target_viewport(scene))
        self.layout().activate()
        duration = 0 if (self.reduced_motion or not animate) else 1200
        self.canvas.fly_to(scene_bounds(scene), duration)

    def _date_text(self, date: str | None, lang: str) -> str:
        if not date:
            return ""
        from corridor_viewer.model.dates import news_date

        try:
            text = news_date(date, lang)
        except ValueError:
            text = date
        return f" · {LTR if lang == 'en' else RTL}{text}{PDI}"

    def _hint(self) -> str:
        keys = [("PageDown / Space", self.tr("next (a long passage scrolls first)")), ("→", self.tr("next scene")),
                ("PageUp / ←", self.tr("back")), ("L", self.tr("pointer")), ("P", self.tr("pen")),
                ("H", self.tr("high contrast")), ("S", self.tr("passages"))]
        if self.lang == "en":
            keys.append(("A", self.tr("Arabic original")))
        keys.append(("Esc", self.tr("leave")))
        return " · ".join(f"{LTR}{k}{PDI}: {text}" for k, text in keys)

    def _target_viewport(self, scene) -> Viewport:
        """Where the slide's camera ends up for ``scene`` (its flight may still be on the way)."""
        start = Viewport(width=max(1, self.canvas.width()), height=max(1, self.canvas.height()))
        return start.fitted(scene_bounds(scene), margin=0.04).clamped(self.doc.data_bounds)

    def _refresh_legend(self, viewport: Viewport | None = None) -> None:
        if not len(self.scenes):
            return
        self.legend.set_state(self.canvas.map_state(viewport), self.lang)

    # -- the pinned passages
    def _quotes(self, scene) -> list:
        from corridor_viewer.io import editorial
        from corridor_viewer.model.quotes import OUR_TRANSLATION, citation, quote_for

        out = []
        for art, p in pinned_passages(self.doc.links, scene):
            q = quote_for(art, p, self.lang, translations=editorial.translations(), editorial=editorial.editorial())
            # Kind of piece and date, outlet, title; where the text names no outlet, the slide says so.
            cite = citation(art, self.lang, editorial=editorial.editorial())
            if not art.outlet:
                cite += ("، " if self.lang == "ar" else ", ") + self.tr("outlet not named in the text")
            if self.lang == "en" and q.translation:
                cite += f" ({OUR_TRANSLATION['en']})"
            q.citation = cite
            out.append(q)
        return out

    def _add_label(self, text: str, kind: str, rtl: bool) -> QLabel:
        lab = QLabel(text)
        lab.setWordWrap(True)
        lab.setTextFormat(Qt.TextFormat.PlainText)  # article text is never markup
        lab.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        lab.setAlignment((Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
                         | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignTop)
        lab.setProperty("kind", kind)
        lab.setProperty("original", kind == "original")
        (self.citation_labels if kind == "citation" else self.source_labels if kind == "sources"
         else self.passage_labels).append(lab)
        self.passage_box.insertWidget(self.passage_box.count() - 1, lab)
        lab.show()  # now, not at the next event loop pass: the scroll range must count it at once
        return lab

    def _fill_passages(self, scene) -> None:
        from corridor_viewer.model.normalize import is_rtl

        for lab in self.passage_labels + self.citation_labels + self.source_labels:
            self.passage_box.removeWidget(lab)
            lab.hide()  # at once: until its deferred deletion it would still be drawn under the new passages
            lab.deleteLater()
        self.passage_labels, self.citation_labels, self.source_labels = [], [], []
        quotes = self._quotes(scene)
        self.side.setVisible(self.show_passages and bool(quotes or scene.sources))
        english = self.lang == "en"
        for q in quotes:
            if english and q.translation:
                self._add_label(f"“{q.translation}”", "translation", False)
                if self.show_original:
                    self._add_label(f"«{q.text}»", "original", True)
            else:
                self._add_label(f"«{q.text}»", "quote", is_rtl(q.text))
                if english:
                    self._add_label(self.tr("(no English translation of this passage yet)"), "citation", False)
            self._add_label(q.citation, "citation", is_rtl(q.citation))
        if scene.sources:
            # The caption's facts come from these (publisher and date; the handout lists them in full).
            sources = self._sources_text(scene)
            self._add_label(sources, "sources", self.lang == "ar")
        self._restyle()
        self.passage_scroll.verticalScrollBar().setValue(0)
        self._update_more()

    def _sources_text(self, scene) -> str:
        import re

        from corridor_viewer.model.dates import news_date

        items = []
        for src in scene.sources:
            when = src.get("date", "")
            iso = re.match(r"\d{4}(-\d{2}(-\d{2})?)?", when)
            try:
                when = news_date(iso.group(0), self.lang) if iso else when
            except ValueError:
                pass
            publisher = src.get("publisher", "")
            items.append(f"{publisher} ({when})" if when else publisher)
        sep = "، " if self.lang == "ar" else "; "
        return self.tr("Sources: %1").replace("%1", sep.join(dict.fromkeys(items)))

    def _update_more(self) -> None:
        bar = self.passage_scroll.verticalScrollBar()
        left = self.side.isVisible() and bar.maximum() > 0 and bar.value() < bar.maximum()
        more = self.tr("more below")
        self.more.setText(f"▼ {more} ({LTR}PageDown{PDI})" if left else "")

    def scroll_passages(self, direction: int) -> bool:
        """Scroll the passages about one screen down (1) or up (-1); False when already at that end."""
        # A key pressed right after the scene changed: lay the new passages out first, so the range is theirs.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        bar = self.passage_scroll.verticalScrollBar()
        if not self.side.isVisible() or bar.maximum() <= 0:
            return False
        if (direction > 0 and bar.value() >= bar.maximum()) or (direction < 0 and bar.value() <= 0):
            return False
        step = max(1, round(self.passage_scroll.viewport().height() * 0.85))  # keeps a line or two of context
        bar.setValue(max(0, min(bar.maximum(), bar.value() + direction * step)))
        return True

    # -- stepping
    def next(self) -> None:
        if self.index < len(self.scenes) - 1:
            self.go(self.index + 1)

    def previous(self) -> None:
        if self.index > 0:
            self.go(self.index - 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in ADVANCE_KEYS:
            if not self.scroll_passages(+1):
                self.next()
        elif key in RETREAT_KEYS:
            if not self.scroll_passages(-1):
                self.previous()
        elif key in NEXT_KEYS:
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
            self._fill_passages(self.scenes[self.index])
        elif key == Qt.Key.Key_A and self.lang == "en":
            self.show_original = not self.show_original
            self._fill_passages(self.scenes[self.index])
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.closed.emit()
        super().closeEvent(event)
