"""Render tests: paint into a QImage and look at the pixels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFontDatabase, QImage, QPainter

from corridor_viewer.model.viewport import Viewport
from corridor_viewer.render import paint
from corridor_viewer.render.labels import draw_labels
from corridor_viewer.render.text import draw_halo_text, font


@pytest.fixture
def gui(qapp):
    return qapp


def render(doc, vp, opt=None) -> QImage:
    img = QImage(int(vp.width), int(vp.height), QImage.Format.Format_ARGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    paint(doc.map_state(vp), p, opt)
    p.end()
    return img


def home_view(doc, w=800, h=600) -> Viewport:
    return Viewport(width=w, height=h).fitted(doc.home_bounds)


def diff_pixels(a: QImage, b: QImage) -> int:
    n = 0
    for y in range(0, a.height(), 2):
        for x in range(0, a.width(), 2):
            if a.pixel(x, y) != b.pixel(x, y):
                n += 1
    return n


def test_toggling_a_layer_changes_the_pixels(gui, doc):
    vp = home_view(doc)
    before = render(doc, vp)
    doc.set_visible("zangezur", False)
    after = render(doc, vp)
    assert diff_pixels(before, after) > 200
    doc.set_visible("zangezur", True)
    assert diff_pixels(before, render(doc, vp)) == 0


def test_selection_is_highlighted(gui, doc):
    vp = home_view(doc)
    before = render(doc, vp)
    doc.select("syunik")
    after = render(doc, vp)
    assert diff_pixels(before, after) > 100
    # The halo is the highlight colour, laid under the feature (which keeps its own colour on top).
    def orange(c: QColor) -> bool:
        return c.red() > 220 and 150 < c.green() < 210 and c.blue() < 110

    assert sum(orange(after.pixelColor(x, y)) for x in range(0, 800, 2) for y in range(0, 600, 2)) > 100
    assert not any(orange(before.pixelColor(x, y)) for x in range(0, 800, 4) for y in range(0, 600, 4))


def test_arabic_label_is_shaped_and_paints_pixels(gui):
    families = [f for f in QFontDatabase.families(QFontDatabase.WritingSystem.Arabic)]
    assert families, "an Arabic-capable font must be installed (fonts-noto-core)"
    img = QImage(300, 60, QImage.Format.Format_ARGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    draw_halo_text(p, "سيونيك", QPointF(10, 40), 24, "#000000", "#ffffff")
    p.end()
    ink = [x for x in range(300) for y in range(60) if img.pixelColor(x, y).lightness() < 128]
    assert len(ink) > 100
    # Shaping joins the letters: the connected word is narrower than its isolated letters side by side.
    from PySide6.QtGui import QFontMetricsF

    fm = QFontMetricsF(font(24))
    joined = fm.horizontalAdvance("سيونيك")
    isolated = sum(fm.horizontalAdvance(ch) for ch in "سيونيك")
    assert joined < isolated


def test_labels_never_overlap(gui, doc):
    vp = home_view(doc, 1200, 800)
    img = QImage(1200, 800, QImage.Format.Format_ARGB32)
    for lang in ("en", "ar"):
        doc.set_language(lang)
        p = QPainter(img)
        placed = draw_labels(p, doc.map_state(vp))
        p.end()
        assert len(placed) > 15
        rects = [r for _, r in placed]
        for i, a in enumerate(rects):
            assert all(not a.intersects(b) for b in rects[i + 1:])
            assert 0 <= a.left() and a.right() <= 1200 and 0 <= a.top() and a.bottom() <= 800


def test_map_labels_follow_the_language(gui, doc):
    vp = home_view(doc, 1200, 800)
    img = QImage(1200, 800, QImage.Format.Format_ARGB32)
    p = QPainter(img)
    en = {fid for fid, _ in draw_labels(p, doc.map_state(vp))}
    p.end()
    assert "syunik" in en and "nakhchivan" in en
    doc.set_language("ar")
    assert doc.map_state(vp).language == "ar"


def test_high_dpi_canvas_image_is_sharp(gui, doc):
    vp = home_view(doc, 400, 300)
    img = QImage(800, 600, QImage.Format.Format_ARGB32)
    img.setDevicePixelRatio(2.0)
    img.fill(QColor("white"))
    p = QPainter(img)
    paint(doc.map_state(vp), p)
    p.end()
    # The whole device image is covered (not just the top-left quarter).
    assert img.pixelColor(790, 590) != QColor("white")
