"""The "Where is …?" quiz on the main map (View → Quiz): names hidden, a question, a click, right or how far
off, the answer shown, a score.

The quiz never edits the document: the canvas shows a quiz scene of its own (land, water, regions and places as
they stand now, nothing selected) with labels, hover names and picking switched off, and the answer is shown by
showing that scene with the answer highlighted. Leaving puts the canvas back as it was, view included. The
scoring is model/quiz.py's, the same as the student web page's.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from corridor_viewer.model import projection
from corridor_viewer.model.document import Document
from corridor_viewer.model.quiz import Answer, Quiz
from corridor_viewer.model.scenes import Scene
from corridor_viewer.model.terms import display_name
from corridor_viewer.render.text import draw_halo_text, text_box
from corridor_viewer.ui.crash import guarded_paint

QUIZ_LAYERS = ("countries", "water", "regions", "places")
CLICK_SLOP_PX = 5  # a press and release further apart than this is a pan, not an answer


class _Marks(QWidget):
    """The answer drawn over the map: the click, a dashed line to the nearest point of the place, its name."""

    def __init__(self, mode: QuizMode) -> None:
        super().__init__(mode.canvas)
        self.mode = mode
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)

    @guarded_paint
    def paintEvent(self, event) -> None:  # noqa: N802
        self._paint()

    def _screen(self, lon: float, lat: float) -> QPointF:
        x, y = projection.forward(lon, lat)
        sx, sy = self.mode.canvas.viewport.to_screen(x, y)
        return QPointF(sx, sy)

    def _paint(self) -> None:
        shown = self.mode.shown
        if shown is None:
            return
        answer, name, anchor = shown
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if answer is not None and not math.isnan(answer.distance_km):
            click = self._screen(*answer.click)
            if not answer.right:
                pen = QPen(QColor("#a61b1b"), 2.5, Qt.PenStyle.DashLine)
                p.setPen(pen)
                p.drawLine(click, self._screen(*answer.nearest))
            p.setPen(QPen(QColor("#ffffff"), 2))
            p.setBrush(QColor("#1b6b2a" if answer.right else "#a61b1b"))
            p.drawEllipse(click, 7, 7)
        at = self._screen(*anchor)
        w = text_box(name, 17, True).width()
        draw_halo_text(p, name, QPointF(at.x() - w / 2, at.y() - 14), 17, "#111111", "#ffffff", bold=True,
                       halo_width=3)
        p.end()


class QuizPanel(QFrame):
    """The question, the verdict and the score, over a corner of the map."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("quizPanel")
        self.setStyleSheet("#quizPanel { background: rgba(255,255,255,240); border: 1px solid #8c8a84; "
                           "border-radius: 8px; } QLabel { color: #1a1a1a; }")
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold; color: #555555;")
        self.prompt = QLabel()
        self.prompt.setStyleSheet("font-size: 17px; font-weight: bold;")
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #555555;")
        self.result = QLabel()
        self.result.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.note = QLabel()
        self.score = QLabel()
        self.score.setStyleSheet("font-weight: bold;")
        for lab in (self.prompt, self.hint, self.result, self.note):
            lab.setWordWrap(True)
        self.reveal = QPushButton()
        self.next = QPushButton()
        self.next.setDefault(True)
        self.end = QPushButton()
        buttons = QHBoxLayout()
        for b in (self.reveal, self.next, self.end):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the map
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        for w in (self.heading, self.prompt, self.hint, self.result, self.note, self.score):
            lay.addWidget(w)
        lay.addLayout(buttons)


class QuizMode(QObject):
    finished = Signal()

    def __init__(self, canvas, doc: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from corridor_viewer.io.classroom import quiz_questions

        self.canvas = canvas
        self.doc = doc
        self.quiz = Quiz(list(quiz_questions()), {f.id: f for f in doc.features()})
        self.shown: tuple[Answer | None, str, tuple[float, float]] | None = None
        self._press: QPointF | None = None
        self._saved: tuple | None = None
        self.panel: QuizPanel | None = None
        self.marks: _Marks | None = None
        self.active = False

    # -- in and out
    def start(self) -> bool:
        if not len(self.quiz):
            return False
        c = self.canvas
        self._saved = (c.scene, c.options.labels, c.interactive, self.doc.camera)
        c.options.labels = False
        c.interactive = False
        self.doc.set_hover(None)
        self.panel = QuizPanel(c)
        self.panel.reveal.clicked.connect(self.reveal)
        self.panel.next.clicked.connect(self.advance)
        self.panel.end.clicked.connect(self.stop)
        self.marks = _Marks(self)
        c.installEventFilter(self)
        c.view_changed.connect(self._view_changed)
        self.active = True
        self._show_scene(None)
        c.fly_to(self._bounds(), 0)
        self.retranslate()
        self._place()
        self.panel.show()
        self.marks.show()
        c.setFocus()
        return True

    def stop(self) -> None:
        if not self.active:
            return
        self.active = False
        c = self.canvas
        c.removeEventFilter(self)
        c.view_changed.disconnect(self._view_changed)
        scene, labels, interactive, camera = self._saved
        c.options.labels = labels
        c.interactive = interactive
        c.show_scene(scene)
        if camera is not None:
            self.doc.set_camera(camera)
        for w in (self.panel, self.marks):
            if w is not None:
                w.hide()
                w.deleteLater()
        self.panel = self.marks = None
        self.finished.emit()

    def _bounds(self):
        xs, ys = [], []
        for q in self.quiz.questions:
            b = self.doc.feature(q.feature_id).geometry.bounds
            xs += [b[0], b[2]]
            ys += [b[1], b[3]]
        mx, my = (max(xs) - min(xs)) * 0.08, (max(ys) - min(ys)) * 0.08
        return (min(xs) - mx, min(ys) - my, max(xs) + mx, max(ys) + my)

    def _show_scene(self, highlight: str | None) -> None:
        lon0, lat0 = projection.inverse(*self._bounds()[:2])
        lon1, lat1 = projection.inverse(*self._bounds()[2:])
        ids = [lay.id for lay in self.doc.layers if lay.id in QUIZ_LAYERS]
        self.canvas.show_scene(Scene("quiz", {"en": "Quiz"}, {}, (min(lon0, lon1), min(lat0, lat1), max(lon0, lon1),
                                                                max(lat0, lat1)), ids,
                                     [highlight] if highlight else []))

    # -- the questions
    def retranslate(self) -> None:
        if self.panel is None:
            return
        pn = self.panel
        pn.setLayoutDirection(Qt.LayoutDirection.RightToLeft if self.doc.language == "ar"
                              else Qt.LayoutDirection.LeftToRight)
        pn.reveal.setText(self.tr("Show me"))
        pn.end.setText(self.tr("End the quiz"))
        pn.hint.setText(self.tr("Click the map where you think it is. The names are hidden."))
        self._update()

    def _update(self) -> None:
        pn, quiz, lang = self.panel, self.quiz, self.doc.language
        right, asked = quiz.score
        total = len(quiz)  # "of 13": a denominator, no noun to agree with
        pn.score.setText(self.tr("Score: %1 of %2").replace("%1", str(right)).replace("%2", str(asked)))
        q = quiz.current
        if q is None:
            pn.heading.setText(self.tr("Where is …?"))
            pn.prompt.setText(self.tr("You got %1 of %2 right.").replace("%1", str(right))
                              .replace("%2", str(total)))
            pn.result.setText("")
            pn.note.setText("")
            pn.hint.hide()
            pn.reveal.hide()
            pn.next.setText(self.tr("Start again"))
            pn.next.setEnabled(True)
        else:
            pn.heading.setText(self.tr("Where is …? Question %1 of %2").replace("%1", str(quiz.index + 1))
                               .replace("%2", str(total)))
            pn.prompt.setText(q.prompt_for(lang))
            pn.hint.setVisible(not quiz.answered)
            pn.reveal.setVisible(not quiz.answered)
            pn.next.setText(self.tr("Next question"))
            pn.next.setEnabled(quiz.answered)
            a = quiz.answers.get(q.id)
            f = self.doc.feature(q.feature_id)
            name = display_name(f, lang, f.status)
            if a is None:
                pn.result.setText("")
                pn.note.setText("")
            else:
                if math.isnan(a.distance_km):
                    pn.result.setText(name)
                    color = "#1a1a1a"
                elif a.right:
                    pn.result.setText(self.tr("Right! This is %1.").replace("%1", name))
                    color = "#1b6b2a"
                else:
                    km = f"{a.distance_km:.1f}" if a.distance_km < 10 else f"{a.distance_km:.0f}"
                    pn.result.setText(self.tr("Not quite: %1 km off. This is %2.").replace("%1", km)
                                      .replace("%2", name))
                    color = "#a61b1b"
                pn.result.setStyleSheet(f"font-size: 15px; font-weight: bold; color: {color};")
                pn.note.setText(q.note_for(lang))
        pn.adjustSize()
        self._place()

    def answer_at(self, x: float, y: float) -> Answer | None:
        """A click at canvas pixel (x, y): scored, and the answer shown."""
        if self.quiz.current is None or self.quiz.answered:
            return None
        lon, lat = self.canvas.viewport.to_lonlat(x, y)
        a = self.quiz.answer(lon, lat)
        self._reveal_current(a)
        return a

    def reveal(self) -> None:
        if self.quiz.current is None or self.quiz.answered:
            return
        self.quiz.skip()
        self._reveal_current(None)

    def _reveal_current(self, a: Answer | None) -> None:
        q = self.quiz.current
        f = self.doc.feature(q.feature_id)
        if f.geometry.kind == "point":
            anchor = projection.inverse(*f.geometry.point)
        elif a is not None and not a.right and not math.isnan(a.distance_km):
            anchor = a.nearest
        else:
            anchor = projection.inverse(*(f.label_anchor or f.geometry.point))
        self.shown = (a, display_name(f, self.doc.language, f.status), anchor)
        self._show_scene(q.feature_id)
        self._update()
        if self.marks is not None:
            self.marks.update()

    def advance(self) -> None:
        if self.quiz.done:
            self.quiz.restart()
        else:
            self.quiz.next()
        self.shown = None
        self._show_scene(None)
        self._update()
        if self.marks is not None:
            self.marks.update()

    # -- the canvas
    def _place(self) -> None:
        if self.panel is None:
            return
        c = self.canvas
        width = min(420, max(260, int(c.width() * 0.42)))
        self.panel.setFixedWidth(width)
        self.panel.adjustSize()
        x = c.width() - width - 12 if self.doc.language == "ar" else 12
        self.panel.move(max(0, x), 12)
        if self.marks is not None:
            self.marks.setGeometry(0, 0, c.width(), c.height())
        self.panel.raise_()

    def _view_changed(self) -> None:
        if self.marks is not None:
            self.marks.update()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        t = event.type()
        if t == QEvent.Type.Resize:
            self._place()
        elif t == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
        elif t == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            start, self._press = self._press, None
            if start is not None and (event.position() - start).manhattanLength() <= CLICK_SLOP_PX:
                self.answer_at(event.position().x(), event.position().y())
        elif t == QEvent.Type.ShortcutOverride and event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return,
                                                                    Qt.Key.Key_Enter, Qt.Key.Key_Space):
            event.accept()  # the quiz takes these keys before the window's shortcuts (Esc: clear selection)
            return True
        elif t == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.stop()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.panel is not None \
                    and self.panel.next.isEnabled():
                self.advance()
                return True
        return False
