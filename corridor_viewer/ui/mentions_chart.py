"""Mentions over time: a small bar chart of one feature's mentions per month, in the feature panel.

A plain QWidget painted with QPainter. QtCharts would bring a second graphics stack (a QGraphicsView per
chart, several megabytes of library, a slow first import) for some sixty rectangles, and its axes neither
mirror for right-to-left nor shape Arabic month names as our own text drawing does; matplotlib is heavier
still. Here: one bar per month from the first dated mention to the last (quiet months drawn as gaps), then
a grey bar for undated articles; in Arabic the months run right to left, as the text does.

Clicking a bar sets the document's month filter (the passages list below follows it); clicking the same
bar again clears it. The chart calls no panel: the filter lives in the model (``Document.month_filter``).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from corridor_viewer.model.dates import MONTHS
from corridor_viewer.model.document import Document
from corridor_viewer.model.links import UNDATED, MonthCount
from corridor_viewer.ui.bind import listen

BAR = QColor("#b0413e")
BAR_DIM = QColor("#e3b7b5")
UNDATED_BAR = QColor("#9aa5b1")
AXIS = QColor("#555555")
SHORT_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_name(month: str, lang: str, short: bool = False) -> str:
    """"2023-12" as "December 2023" / "ديسمبر 2023" ("Dec 2023" short in English; Arabic has no short forms)."""
    if not month:
        return ""
    y, m = month[:4], int(month[5:7])
    names = SHORT_EN if (short and lang == "en") else MONTHS.get(lang, MONTHS["en"])
    return f"{names[m - 1]} {y}"


class MentionsChart(QWidget):
    """Bars of :class:`~corridor_viewer.model.links.MonthCount` rows; see the module docstring."""

    MARGIN = 6
    AXIS_H = 18  # room for the month labels under the bars
    VALUE_H = 16  # room for a count above the bars

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("mentionsChart")
        self.months: list[MonthCount] = []
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        listen(self, doc.month_filter_changed, lambda _m: self.update())
        listen(self, doc.language_changed, lambda _l: self.update())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(300, 96)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(120, 96)

    def set_months(self, months: list[MonthCount]) -> None:
        self.months = list(months)
        self.setAccessibleDescription(self.summary())
        self.update()

    # -- geometry (shared by painting, hit testing and tests)
    def _plot(self) -> QRect:
        m, top = self.MARGIN, self.VALUE_H  # a line above the bars for the tallest bar's count
        return QRect(m, top, max(1, self.width() - 2 * m), max(1, self.height() - top - m - self.AXIS_H))

    def bar_rects(self) -> list[QRect]:
        """One rectangle per month (same order as ``months``), the full column a click on it hits."""
        n = len(self.months)
        if not n:
            return []
        plot = self._plot()
        gap = 1 if any(mc.month == UNDATED for mc in self.months) else 0  # a column of space before "no date"
        w = plot.width() / (n + gap)
        rects = []
        for i, mc in enumerate(self.months):
            k = i + (gap if mc.month == UNDATED else 0)
            x0 = plot.left() + k * w
            if self.isRightToLeft():
                x0 = plot.right() + 1 - (k + 1) * w
            rects.append(QRect(round(x0), plot.top(), max(1, round(x0 + w) - round(x0)), plot.height()))
        return rects

    def index_at(self, pos: QPoint) -> int | None:
        for i, r in enumerate(self.bar_rects()):
            if r.left() <= pos.x() <= r.right() and 0 <= pos.y() <= self.height():
                return i
        return None

    # -- words
    def label(self, mc: MonthCount, short: bool = False) -> str:
        if mc.month == UNDATED:
            return self.tr("no date")
        return month_name(mc.month, self.doc.language, short)

    def bar_text(self, mc: MonthCount) -> str:
        mentions = self.tr("%n mention(s)", "", mc.mentions)
        articles = self.tr("in %n article(s)", "", mc.articles)
        return f"{self.label(mc)}: {mentions} {articles}" if mc.mentions else f"{self.label(mc)}: " + self.tr(
            "no mention")

    def summary(self) -> str:
        dated = [mc for mc in self.months if mc.month != UNDATED and mc.mentions]
        if not dated:
            return self.tr("No dated article mentions this feature.")
        busiest = max(dated, key=lambda mc: mc.mentions)
        return self.tr("Mentions per month; most in %1").replace("%1", self.bar_text(busiest))

    # -- events
    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        i = self.index_at(event.position().toPoint())
        if i is None:
            return None
        month = self.months[i].month
        # The same bar again shows every month; a bar with no mention filters nothing.
        self.doc.set_month_filter(None if (month == self.doc.month_filter or not self.months[i].mentions) else month)
        return None

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        i = self.index_at(event.position().toPoint())
        if i is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), self.bar_text(self.months[i]) + "\n"
                              + (self.tr("Click again to show every month") if self.months[i].month
                                 == self.doc.month_filter else self.tr("Click to list only these passages")), self)

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        try:  # an exception escaping paintEvent takes PySide 6.11 down with it
            self._paint(p)
        except Exception:  # drawing must never crash the app; the chart is only a view
            import logging

            logging.getLogger(__name__).exception("mentions chart paint failed")
        finally:
            p.end()

    def _paint(self, p: QPainter) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        plot = self._plot()
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        p.setFont(font)
        fm = QFontMetrics(font)
        if not self.months or not any(mc.mentions for mc in self.months):
            p.setPen(AXIS)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No dated article mentions this feature."))
            return
        top = max(mc.mentions for mc in self.months)
        chosen = self.doc.month_filter
        rects = self.bar_rects()
        for mc, r in zip(self.months, rects, strict=True):
            if not mc.mentions:
                continue
            h = max(2, round(plot.height() * mc.mentions / top))
            colour = UNDATED_BAR if mc.month == UNDATED else BAR
            if chosen is not None and mc.month != chosen:
                colour = BAR_DIM if mc.month != UNDATED else UNDATED_BAR.lighter(130)
            inset = 1 if r.width() > 3 else 0
            p.fillRect(QRect(r.left() + inset, plot.bottom() + 1 - h, max(1, r.width() - 2 * inset), h), colour)
        p.setPen(QPen(AXIS, 1))
        p.drawLine(plot.left(), plot.bottom() + 1, plot.right(), plot.bottom() + 1)
        # The scale: the count above the tallest bar (and above the chosen one), nothing on the bars.
        shown = {next(i for i, mc in enumerate(self.months) if mc.mentions == top)}
        shown |= {i for i, mc in enumerate(self.months) if mc.month == chosen and mc.mentions}
        for i in sorted(shown):
            mc, r = self.months[i], rects[i]
            h = max(2, round(plot.height() * mc.mentions / top))
            text = str(mc.mentions)
            w = fm.horizontalAdvance(text) + 4
            x0 = min(max(0, r.center().x() - w // 2), self.width() - w)
            p.drawText(QRect(x0, plot.bottom() + 1 - h - fm.height() - 1, w, fm.height()),
                       Qt.AlignmentFlag.AlignCenter, text)
        self._paint_labels(p, fm, rects, plot)

    def _paint_labels(self, p: QPainter, fm: QFontMetrics, rects: list[QRect], plot: QRect) -> None:
        """Month names under the bars: the chosen month, the first and last, then each January (as its year),
        then every month if there is room; a label that would touch one already placed is left out."""
        n = len(self.months)
        dated = [i for i, mc in enumerate(self.months) if mc.month != UNDATED]
        order: list[tuple[int, str]] = []
        chosen = next((i for i, mc in enumerate(self.months) if mc.month == self.doc.month_filter), None)
        if chosen is not None:
            order.append((chosen, self.label(self.months[chosen], short=True)))
        if dated:
            order += [(dated[0], self.label(self.months[dated[0]], short=True)),
                      (dated[-1], self.label(self.months[dated[-1]], short=True))]
            order += [(i, self.months[i].month[:4]) for i in dated[1:-1] if self.months[i].month.endswith("-01")]
            order += [(i, self.label(self.months[i], short=True)) for i in dated]
        order += [(i, self.label(mc)) for i, mc in enumerate(self.months) if mc.month == UNDATED]
        placed: list[tuple[int, int]] = []
        done: set[int] = set()
        y = plot.bottom() + 3
        for i, text in order:
            if i in done or i >= n:
                continue
            w = fm.horizontalAdvance(text) + 6
            cx = rects[i].center().x()
            x0 = min(max(0, cx - w // 2), self.width() - w)
            if any(x0 < b and a < x0 + w for a, b in placed):
                continue
            placed.append((x0, x0 + w))
            done.add(i)
            p.setPen(AXIS if i != chosen else BAR)
            p.drawText(QRect(x0, y, w, fm.height() + 2), Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                       text)
