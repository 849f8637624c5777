"""Timeline dock: a date slider (2020 -> today); the map shows each feature's state on that date.

The articles' publication dates show as ticks under the slider; a scene with a date moves it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSlider, QVBoxLayout, QWidget

from corridor_viewer.model.document import Document
from corridor_viewer.model.timeline import TIMELINE_START, normalise_date
from corridor_viewer.ui.bind import listen

START = dt.date.fromisoformat(TIMELINE_START)


class TickSlider(QSlider):
    """A horizontal slider that marks given values (article dates) with ticks and tooltips."""

    def __init__(self) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.marks: list[tuple[int, str]] = []
        self.setMinimumHeight(38)

    def _x_for(self, value: int) -> int:
        # Imported here: PySide6 builds QStyle's Python enums (~5 ms) on first import, and the ticks (the
        # articles' dates) are only known after the first paint.
        from PySide6.QtWidgets import QStyle, QStyleOptionSlider

        opt = QStyleOptionSlider()
        self.initStyleOption(opt)
        groove = self.style().subControlRect(QStyle.ComplexControl.CC_Slider, opt,
                                             QStyle.SubControl.SC_SliderGroove, self)
        handle = self.style().subControlRect(QStyle.ComplexControl.CC_Slider, opt,
                                             QStyle.SubControl.SC_SliderHandle, self)
        span = groove.width() - handle.width()
        pos = QStyle.sliderPositionFromValue(self.minimum(), self.maximum(), value, span,
                                             opt.upsideDown)
        return groove.left() + handle.width() // 2 + pos

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        p = QPainter(self)
        p.setPen(QPen(QColor("#c0392b"), 2))
        for value, _ in self.marks:
            x = self._x_for(value)
            p.drawLine(x, self.height() - 10, x, self.height() - 1)
        p.end()

    def event(self, e) -> bool:
        if e.type() == e.Type.ToolTip:
            x = e.pos().x()
            near = [t for v, t in self.marks if abs(self._x_for(v) - x) <= 5]
            if near:
                from PySide6.QtWidgets import QToolTip

                QToolTip.showText(e.globalPos(), "\n".join(near), self, QRect())
                return True
        return super().event(e)


class TimelinePanel(QWidget):
    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.enabled = QCheckBox()
        self.slider = TickSlider()
        today = dt.date.today()
        self.slider.setRange(0, (today - START).days)
        self.slider.setValue(self.slider.maximum())
        self.slider.setPageStep(30)
        self.label = QLabel()
        self.label.setMinimumWidth(110)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_label = QLabel(TIMELINE_START[:4])
        self.end_label = QLabel(str(today.year))
        row = QHBoxLayout()
        row.addWidget(self.start_label)
        row.addWidget(self.slider, 1)
        row.addWidget(self.end_label)
        head = QHBoxLayout()
        head.addWidget(self.enabled)
        head.addStretch(1)
        head.addWidget(self.label)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.addLayout(head)
        lay.addLayout(row)
        self.enabled.toggled.connect(self._apply)
        self.slider.valueChanged.connect(self._apply)
        listen(self, doc.date_changed, self._sync)
        listen(self, doc.links_changed, self._marks)
        listen(self, doc.language_changed, lambda _l: self.retranslate())
        self.retranslate()
        self._sync(doc.date)

    def retranslate(self) -> None:
        self.enabled.setText(self.tr("Show the map on a date"))
        self.enabled.setToolTip(self.tr("Features appear when announced and change style as work starts "
                                        "or finishes; red ticks are the articles' dates."))
        self._marks()
        self._show_label()

    def _marks(self) -> None:
        links = self.doc.links
        marks = []
        if links is not None:
            for art in links.corpus:
                try:
                    d = dt.date.fromisoformat(normalise_date(art.published))
                except ValueError:
                    continue
                title = art.title_en if (self.doc.language == "en" and art.title_en) else art.title
                marks.append(((d - START).days, f"{art.published} — {title}"))
        self.slider.marks = marks
        self.slider.update()

    def date_for(self, value: int) -> str:
        return (START + dt.timedelta(days=value)).isoformat()

    def _show_label(self) -> None:
        self.label.setText(self.date_for(self.slider.value()) if self.enabled.isChecked() else self.tr("today"))

    def _apply(self, *_args) -> None:
        self.slider.setEnabled(True)
        self._show_label()
        self.doc.set_date(self.date_for(self.slider.value()) if self.enabled.isChecked() else None)

    def _sync(self, date: str | None) -> None:
        """Follow the model (a scene with a date moves the slider) without writing back."""
        self.enabled.blockSignals(True)
        self.slider.blockSignals(True)
        self.enabled.setChecked(date is not None)
        if date is not None:
            value = (dt.date.fromisoformat(date) - START).days
            self.slider.setValue(max(self.slider.minimum(), min(self.slider.maximum(), value)))
        self.enabled.blockSignals(False)
        self.slider.blockSignals(False)
        self._show_label()
