"""Article reader dock: the whole article right to left, every mention coloured like its layer.

Hovering a mention names its feature (and, for a spelling variant, the listed name it was taken for);
clicking it selects the feature and asks the map to zoom. Right-click on a mention: Confirm, Not this
place, This is …; on selected text that is not linked: This is … (ui/link_menu.py; the session keeps the
decisions). A rejected mention is struck out, a variant underlined with dots, a confirmed one in bold.
The reader follows the model's focus (set by the passages list or search); it calls no panel.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QComboBox, QLabel, QTextBrowser, QToolTip, QVBoxLayout, QWidget

from corridor_viewer.model.document import Document
from corridor_viewer.ui.bind import listen
from corridor_viewer.ui.link_menu import describe, link_menu, mark_menu
from corridor_viewer.ui.textpos import Utf16Map


class ArticleReader(QWidget):
    def __init__(self, doc: Document, parent: QWidget | None = None, session=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.session = session  # where right-click decisions go; None: the menu is shown disabled
        self.article_id: str | None = None
        self._mentions: list = []
        self._map: Utf16Map | None = None
        self.picker = QComboBox()
        # Sized to a short title, not the longest one: the articles' long headlines made the reader's dock so
        # wide that, on a first start, the window grew by ~150 px and the map shrank to its minimum.
        # A longer title is cut at the box's edge; the open list and the box's tooltip show it whole. Six letters:
        # sized to 18, a small restored window still grew ~60 px for it.
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.picker.setMinimumContentsLength(6)
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.meta.setStyleSheet("color:#555")
        self.browser = QTextBrowser()
        self.browser.setObjectName("articleBrowser")
        self.browser.setOpenLinks(False)
        self.browser.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        opt = QTextOption()
        opt.setTextDirection(Qt.LayoutDirection.RightToLeft)
        opt.setAlignment(Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignRight)
        opt.setWrapMode(QTextOption.WrapMode.WordWrap)
        self.browser.document().setDefaultTextOption(opt)
        self.browser.viewport().setMouseTracking(True)
        self.browser.viewport().installEventFilter(self)
        self.browser.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.browser.customContextMenuRequested.connect(self._context_menu)
        f = self.browser.font()
        f.setPointSizeF(max(11.0, f.pointSizeF() * 1.15))
        self.browser.setFont(f)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.picker)
        lay.addWidget(self.meta)
        lay.addWidget(self.browser, 1)
        # Ctrl +/- size the article text while the reader has focus (the map keeps its own keys).
        for seq, step in ((QKeySequence.StandardKey.ZoomIn, 1), (QKeySequence("Ctrl+="), 1),
                          (QKeySequence.StandardKey.ZoomOut, -1)):
            sc = QShortcut(seq, self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda s=step: self.zoom_text(s))
        self.picker.currentIndexChanged.connect(self._picked)
        self.picker.currentTextChanged.connect(self.picker.setToolTip)
        listen(self, doc.links_changed, self._reload)
        listen(self, doc.focus_changed, self._on_focus)
        listen(self, doc.language_changed, lambda _l: self._fill_picker())
        self._reload()
        self._on_focus(doc.focus)  # a reader made later shows what the model points at already

    def zoom_text(self, step: int) -> None:
        f = self.browser.font()
        f.setPointSizeF(min(48.0, max(8.0, f.pointSizeF() + step)))
        self.browser.setFont(f)

    def font_size(self) -> float:
        return self.browser.font().pointSizeF()

    def _fill_picker(self) -> None:
        links = self.doc.links
        self.picker.blockSignals(True)
        self.picker.clear()
        if links is not None:
            for art in links.corpus.by_date():
                title = art.title_en if (self.doc.language == "en" and art.title_en) else art.title
                self.picker.addItem(f"{art.published or '?'} — {title}", art.id)
        i = self.picker.findData(self.article_id)
        self.picker.setCurrentIndex(max(i, 0))
        self.picker.setToolTip(self.picker.currentText())
        self.picker.blockSignals(False)

    def _reload(self) -> None:
        self._fill_picker()
        if self.doc.links is None:
            self.browser.setPlainText(self.tr("Linking the articles…"))
            return
        self.show_article(self.article_id or self.picker.currentData())

    def _picked(self, _i: int) -> None:
        self.show_article(self.picker.currentData())

    def show_article(self, article_id: str | None) -> None:
        links = self.doc.links
        art = links.corpus.get(article_id) if (links is not None and article_id) else None
        if art is None:
            return
        if article_id != self.article_id or self._map is None:
            self.article_id = article_id
            self.browser.setPlainText(art.text)
            self._map = Utf16Map(art.text)
            self._mentions = links.mentions_in(article_id)
            self._highlight_all()
        elif links.mentions_in(article_id) != self._mentions:  # relinked, or a decision: same text, new marks
            self._mentions = links.mentions_in(article_id)
            cursor = QTextCursor(self.browser.document())
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.setCharFormat(QTextCharFormat())
            self._highlight_all()
            meta = [art.published or "", art.outlet or "", art.title_en or ""]
            self.meta.setText(" · ".join(m for m in meta if m))
        i = self.picker.findData(article_id)
        if i >= 0 and i != self.picker.currentIndex():
            self.picker.blockSignals(True)
            self.picker.setCurrentIndex(i)
            self.picker.blockSignals(False)
            self.picker.setToolTip(self.picker.currentText())

    def _color_for(self, fid: str) -> QColor:
        f = self.doc.feature(fid)
        layer = self.doc.layer(f.layer_id) if f else None
        style = layer.style.for_feature(fid, f.kind, f.status) if layer else None
        c = QColor(style.stroke if style else "#ffb000")
        if layer is not None and layer.group == "context":
            c = QColor("#9aa5b1")
        c.setAlpha(70)
        return c

    def _highlight_all(self) -> None:
        cursor = QTextCursor(self.browser.document())
        for m in self._mentions:
            fmt = QTextCharFormat()
            status = getattr(m, "status", "auto")
            if status == "rejected":  # kept visible, struck out, so the reader can see and undo it
                fmt.setFontStrikeOut(True)
                fmt.setForeground(QColor("#7a7a7a"))
            else:
                fmt.setBackground(self._color_for(m.feature_id))
                fmt.setUnderlineColor(QColor(self._color_for(m.feature_id).name()))
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine if m.match == "variant"
                                      else QTextCharFormat.UnderlineStyle.SingleUnderline)
                if status == "confirmed":
                    fmt.setFontWeight(700)
            cursor.setPosition(self._map.to_qt(m.start))
            cursor.setPosition(self._map.to_qt(m.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)

    def _on_focus(self, focus) -> None:
        if not focus:
            return
        article_id, start, end = focus
        self.show_article(article_id)
        if self._map is None:
            return
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(self._map.to_qt(start))
        cursor.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.browser.setTextCursor(cursor)  # selects the mention, which also scrolls it into view
        self.browser.ensureCursorVisible()
        QTimer.singleShot(0, self.browser.ensureCursorVisible)  # again once a new text is laid out

    def mention_at(self, pos: QPoint):
        if self._map is None:
            return None
        qt_pos = self.browser.cursorForPosition(pos).position()
        offset = self._map.to_py(qt_pos)
        for m in self._mentions:
            if m.start <= offset < m.end:
                return m
        return None

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.browser.viewport():
            if event.type() == QEvent.Type.MouseMove:
                m = self.mention_at(event.position().toPoint())
                if m is not None:
                    QToolTip.showText(event.globalPosition().toPoint(), describe(self.doc, m), self.browser)
                    self.browser.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
                else:
                    QToolTip.hideText()
                    self.browser.viewport().unsetCursor()
            elif event.type() == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
                m = self.mention_at(event.position().toPoint())
                if m is not None and m.status != "rejected":
                    self.doc.select(m.feature_id)
                    self.doc.request_zoom(m.feature_id)
                    return True
        return super().eventFilter(obj, event)

    # -- the reader's verdict on links (right-click)
    def selected_span(self) -> tuple[int, int] | None:
        """The selected text as (start, end) offsets into the article text, or None."""
        cursor = self.browser.textCursor()
        if self._map is None or not cursor.hasSelection():
            return None
        start, end = self._map.to_py(cursor.selectionStart()), self._map.to_py(cursor.selectionEnd())
        return (start, end) if start < end else None

    def menu_at(self, pos: QPoint):
        """The context menu for a point of the viewport: a mention's, or "This is …" for selected text."""
        m = self.mention_at(pos)
        if m is not None:
            return link_menu(self, self.doc, self.session, m)
        span = self.selected_span()
        art = self.doc.links.corpus.get(self.article_id) if (self.doc.links and self.article_id) else None
        if span is None or art is None:
            return None
        text = art.text[span[0]:span[1]].strip()
        if not text:
            return None
        # Trim the selection to its words: a double-click selection may carry the space after a word.
        start = span[0] + (len(art.text[span[0]:span[1]]) - len(art.text[span[0]:span[1]].lstrip()))
        return mark_menu(self, self.doc, self.session, art.id, start, start + len(text), text)

    def _context_menu(self, pos: QPoint) -> None:
        menu = self.menu_at(pos)
        if menu is None:
            menu = self.browser.createStandardContextMenu(pos)  # Copy, Select all
        menu.exec(self.browser.viewport().mapToGlobal(pos))
        menu.deleteLater()
