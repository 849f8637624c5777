"""Issue 4 in the window: passages for a feature, the reader, search, map cues — all via the model."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from corridor_viewer.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, doc):
    win = MainWindow(doc, None)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    win.session.relink()
    return win


def test_selecting_syunik_lists_its_passages(window):
    window.doc.select("syunik")
    text = window.feature_panel.passages.toPlainText()
    assert "سيونيك" in text
    assert "Passages:" in window.feature_panel.passages_title.text()
    assert window.doc.links.count("syunik") >= 2


def test_clicking_a_passage_opens_the_reader_at_the_mention(qtbot, window):
    window.doc.select("zangezur-corridor")
    html = window.feature_panel.passages.toHtml()
    assert "passage:" in html
    groups = window.doc.links.passages_for("zangezur-corridor")
    art, views = groups[0]
    s, e = views[0].first_mention
    from PySide6.QtCore import QUrl

    window.feature_panel._on_anchor(QUrl(f"passage:{art.id}:{s}:{e}"))
    assert window.reader.article_id == art.id
    cursor = window.reader.browser.textCursor()
    assert cursor.selectedText() == art.text[s:e]
    assert not window.reader_dock.visibleRegion().isEmpty() or window.reader_dock.isVisible()


def test_clicking_a_highlighted_name_in_the_reader_selects_and_zooms(qtbot, window):
    links = window.doc.links
    art = links.corpus.by_date()[-1]
    m = next(m for m in links.mentions_in(art.id) if m.feature_id == "nakhchivan")
    window.doc.set_focus(art.id, m.start, m.end)
    window.reader_dock.raise_()
    qtbot.wait(50)
    browser = window.reader.browser
    cur = QTextCursor(browser.document())
    cur.setPosition(window.reader._map.to_qt(m.start) + 1)
    rect = browser.cursorRect(cur)
    before = window.canvas.viewport.m_per_px
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center().x(), rect.center().y()))
    assert window.doc.selection == ["nakhchivan"]
    x0, y0, x1, y1 = window.canvas.viewport.world_bounds
    b = window.doc.feature("nakhchivan").geometry.bounds
    assert x0 <= b[0] and x1 >= b[2] and y0 <= b[1] and y1 >= b[3]
    assert window.canvas.viewport.m_per_px != before


def test_reader_font_size_keys(qtbot, window):
    window.reader_dock.raise_()
    window.reader.browser.setFocus()
    size = window.reader.font_size()
    window.reader.zoom_text(+1)
    assert window.reader.font_size() == size + 1


def test_search_finds_a_spelling_the_articles_do_not_use(qtbot, window):
    window.link_articles()  # in the background, as at start-up: the name search compiles after the links
    qtbot.waitUntil(lambda: window.session.gazetteer is not None, timeout=20_000)
    window.open_search()
    window.search_panel.box.setText("زنغزور")
    window.search_panel.run()
    items = [window.search_panel.results.item(i) for i in range(window.search_panel.results.count())]
    from corridor_viewer.ui.search_panel import FEATURE_ROLE, PASSAGE_ROLE

    assert any(it.data(FEATURE_ROLE) == "zangezur-corridor" for it in items)
    passages = [it for it in items if it.data(PASSAGE_ROLE)]
    assert passages  # the articles write زنگزور; the normaliser matches it
    window.search_panel.pick(passages[0])
    assert window.doc.focus == passages[0].data(PASSAGE_ROLE)
    feature = next(it for it in items if it.data(FEATURE_ROLE) == "zangezur-corridor")
    window.search_panel.pick(feature)
    assert window.doc.selection == ["zangezur-corridor"]


def test_mention_counts_and_mentioned_only_toggle(qtbot, window):
    assert not window.canvas.map_state().badges  # off by default: counts on labels read as kilometres
    window.actions_by_key["badges"].trigger()
    assert window.canvas.map_state().badges.get("zangezur-corridor", 0) >= 41
    window.actions_by_key["mentioned"].trigger()
    assert window.doc.mentioned_only
    dim = window.canvas.map_state().dim_except
    assert "zangezur-corridor" in dim and "kheyrimli" not in dim
    window.actions_by_key["mentioned"].trigger()
    assert window.canvas.map_state().dim_except is None


def test_export_quote_comes_from_the_reader_focus(window):
    window.doc.select("tripp")
    assert window.current_quote() is None
    art = window.doc.links.corpus.by_date()[0]
    m = window.doc.links.mentions_in(art.id)[0]
    window.doc.set_focus(art.id, m.start, m.end)
    q = window.current_quote()
    assert q is not None and art.text[m.start:m.end] in q.text


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_passage_order_box_shows_its_whole_text_in_a_narrow_panel(qtbot, window, lang):
    # Seen in a screenshot: the passages title took the row and squeezed the box to "New" / one letter.
    from PySide6.QtWidgets import QApplication

    from corridor_viewer.ui import i18n

    i18n.install(QApplication.instance(), lang)
    try:
        window.doc.set_language(lang)
        window.doc.select("zangezur-corridor")
        panel = window.feature_panel
        panel.resize(280, 700)
        qtbot.waitUntil(lambda: panel.order.width() > 0)
        box = panel.order
        assert box.width() >= box.sizeHint().width() > box.fontMetrics().horizontalAdvance(box.currentText())
        # The title has a row of its own (wrapping there), the box sits above the list it orders.
        title = panel.passages_title
        assert title.wordWrap() and box.geometry().top() >= title.geometry().bottom()
        assert box.geometry().bottom() <= panel.passages.geometry().top()
        window.doc.set_month_filter("2023-12")  # the month chip appears, on a row of its own
        qtbot.waitUntil(panel.month_chip.isVisible)
        assert box.width() >= box.sizeHint().width() and panel.month_chip.geometry().bottom() <= box.geometry().top()
        window.doc.set_month_filter(None)
    finally:
        i18n.install(QApplication.instance(), "en")
