"""Issue 15, presenting in class: the pen never selects, long passages scroll with the clicker, captions
fit at 1080p and 4K in both languages, every feature a caption names is labelled, the legend and the
"data as of" stamp are on screen, English slides show our translations, and leaving restores the map."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics, QImage
from PySide6.QtWidgets import QApplication

from corridor_viewer.io.scenes import read_story
from corridor_viewer.model.scenes import SceneList

SIZES = [(1920, 1080), (3840, 2160)]


@pytest.fixture(autouse=True)
def _reduced_motion(monkeypatch):
    monkeypatch.setenv("CORRIDOR_VIEWER_REDUCED_MOTION", "1")


@pytest.fixture(scope="module")
def linked_doc(doc_factory):
    from corridor_viewer.io.articles import load_corpus
    from corridor_viewer.model.links import Links

    doc = doc_factory()
    doc.set_links(Links.build(load_corpus(), doc.features())[0])
    return doc


@pytest.fixture
def slides(qtbot, linked_doc):
    """A presentation of the story at a given size and language."""
    from corridor_viewer.ui import i18n
    from corridor_viewer.ui.presentation import PresentationWindow

    made = []

    def make(w: int, h: int, lang: str = "en"):
        i18n.install(QApplication.instance(), lang)
        linked_doc.set_language(lang)
        pw = PresentationWindow(linked_doc, SceneList(read_story()), 0, reduced_motion=True)
        qtbot.addWidget(pw)
        pw.resize(w, h)
        pw.show()
        qtbot.waitExposed(pw)
        pw.go(0, animate=False)
        made.append(pw)
        return pw

    yield make
    for pw in made:
        pw.close()
    i18n.install(QApplication.instance(), "en")
    linked_doc.set_language("en")


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def ink_box(img: QImage, rect: QRect, background: str) -> tuple[int, int, int, int] | None:
    """The box (left, top, right, bottom) of the pixels in ``rect`` that differ from the background."""
    from PySide6.QtGui import QColor

    img = img.convertToFormat(QImage.Format.Format_RGB32)
    arr = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine() // 4, 4)
    part = arr[rect.top():rect.bottom() + 1, rect.left():rect.right() + 1, :3].astype(int)
    bg = QColor(background)
    diff = np.abs(part - np.array([bg.blue(), bg.green(), bg.red()])).sum(axis=2) > 60
    ys, xs = np.nonzero(diff)
    if not len(xs):
        return None
    return (rect.left() + xs.min(), rect.top() + ys.min(), rect.left() + xs.max(), rect.top() + ys.max())


# -- the pen


def test_pen_strokes_and_clicks_leave_the_selection_unchanged(qtbot, slides, linked_doc):
    pw = slides(1920, 1080)
    i = next(i for i, s in enumerate(pw.scenes) if s.id == "syunik-meghri")
    pw.go(i, animate=False)
    scene = pw.scenes[i]
    before_doc = (list(linked_doc.selection), linked_doc.hover)
    assert list(pw.canvas.map_state().selection) == scene.highlight
    qtbot.keyClick(pw, Qt.Key.Key_P)
    vp = pw.canvas.viewport
    # Strokes and a single tap right over highlighted features (Syunik, Meghri) and another (Kajaran).
    for fid in ("syunik", "meghri", "kajaran"):
        f = linked_doc.feature(fid)
        x, y = vp.to_screen(*(f.label_anchor or f.geometry.point))
        at = QPoint(round(x), round(y))
        qtbot.mousePress(pw.overlay, Qt.MouseButton.LeftButton, pos=at)
        qtbot.mouseMove(pw.overlay, at + QPoint(60, 30))
        qtbot.mouseRelease(pw.overlay, Qt.MouseButton.LeftButton, pos=at + QPoint(60, 30))
        qtbot.mouseClick(pw.overlay, Qt.MouseButton.LeftButton, pos=at)  # a dot: press and release in place
        qtbot.mouseDClick(pw.overlay, Qt.MouseButton.LeftButton, pos=at)
    assert len(pw.overlay.strokes) >= 6
    assert list(pw.canvas.map_state().selection) == scene.highlight  # the slide's highlights survive
    assert (list(linked_doc.selection), linked_doc.hover) == before_doc  # and the main map's selection
    assert pw.canvas.viewport == vp  # nor did the map zoom (double-click) or pan (drag)
    qtbot.keyClick(pw, Qt.Key.Key_P)
    qtbot.mouseClick(pw.canvas, Qt.MouseButton.LeftButton, pos=QPoint(round(x), round(y)))
    assert list(pw.canvas.map_state().selection) == scene.highlight  # pen off: clicks never select either


# -- long passages and the clicker


def test_long_passages_scroll_with_pagedown_before_the_next_scene(qtbot, slides):
    pw = slides(1920, 1080)
    bar = pw.passage_scroll.verticalScrollBar()
    long_ones = []
    for i in range(len(pw.scenes)):
        pw.go(i, animate=False)
        settle()
        if bar.maximum() > 0:
            long_ones.append(i)
    assert long_ones, "no scene's passages overflow at 1080p: the test would prove nothing"
    i = long_ones[0]
    pw.go(i, animate=False)
    settle()
    assert bar.value() == 0 and "PageDown" in pw.more.text()
    seen = [bar.value()]
    for _ in range(50):
        if bar.value() >= bar.maximum():
            break
        qtbot.keyClick(pw, Qt.Key.Key_PageDown)
        assert pw.index == i  # still the same scene: the passage scrolled
        assert bar.value() > seen[-1]
        seen.append(bar.value())
    assert bar.value() == bar.maximum() and pw.more.text() == ""
    # The whole last citation is now in view: nothing of a passage is cut.
    last = (pw.source_labels or pw.citation_labels)[-1]  # the column's last words
    top = last.mapTo(pw.passage_scroll.viewport(), QPoint(0, 0)).y()
    assert 0 <= top and top + last.height() <= pw.passage_scroll.viewport().height()
    qtbot.keyClick(pw, Qt.Key.Key_Space)  # at the end: the next scene, its passages from the top
    assert pw.index == i + 1 and bar.value() == 0
    qtbot.keyClick(pw, Qt.Key.Key_PageUp)  # at the top: back to the previous scene
    assert pw.index == i
    qtbot.keyClick(pw, Qt.Key.Key_Down)
    assert pw.index == i and bar.value() > 0
    qtbot.keyClick(pw, Qt.Key.Key_PageUp)  # scrolls back up first
    assert pw.index == i and bar.value() == 0
    qtbot.keyClick(pw, Qt.Key.Key_Right)  # the arrow always goes to the next scene
    assert pw.index == i + 1
    qtbot.keyClick(pw, Qt.Key.Key_Left)
    assert pw.index == i


# -- captions never clipped


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("size", SIZES, ids=["1080p", "4k"])
def test_every_caption_fits_its_band(slides, size, lang):
    w, h = size
    pw = slides(w, h, lang)
    assert (pw.width(), pw.height()) == (w, h)
    bg = pw._colors()[0]
    for i, scene in enumerate(pw.scenes):
        pw.go(i, animate=False)
        settle()
        band = pw.band.geometry()
        assert pw.rect().contains(band), scene.id
        img = pw.band.grab().toImage()
        for lab in (pw.title, pw.caption):
            g = lab.geometry()  # in the band's coordinates
            assert QRect(0, 0, band.width(), band.height()).contains(g), (scene.id, lang, lab.text()[:30])
            inner = lab.contentsRect()
            # Measured by the font: the wrapped text needs no more than the label has.
            need = QFontMetrics(lab.font()).boundingRect(QRect(0, 0, inner.width(), 100000),
                                                         int(Qt.TextFlag.TextWordWrap), lab.text())
            assert need.height() <= inner.height(), (scene.id, lang, w, need.height(), inner.height())
            # Measured on the pixels: every line's ink is inside the label and clear of its edges, where a
            # cut line would end.
            ink = ink_box(img, g, bg)
            assert ink is not None, (scene.id, lang)
            left, top, right, bottom = ink
            assert g.left() < left and right < g.right(), (scene.id, lang, w, ink, g)
            assert g.top() < top and bottom < g.bottom(), (scene.id, lang, w, ink, g)
        # The caption's text is all there: as many lines of ink as the font says it needs.
        assert pw.caption.text() == scene.caption_for(lang)


# -- what the caption names is labelled and highlighted, nothing else is highlighted


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("size", SIZES, ids=["1080p", "4k"])
def test_every_feature_a_caption_names_is_labelled_and_only_those_highlighted(slides, size, lang):
    pw = slides(*size, lang)
    for i, scene in enumerate(pw.scenes):
        pw.go(i, animate=False)
        state = pw.canvas.map_state()
        assert list(state.selection) == scene.highlight and state.hover is None, scene.id
        assert set(scene.labels) <= state.emphasis, scene.id
        pw.canvas.grab()  # paints: the labels drawn on the slide
        drawn = {fid for fid, _ in pw.canvas.last_labels}
        named = set(scene.highlight) | set(scene.labels)
        assert named <= drawn, (scene.id, lang, size, sorted(named - drawn))


# -- legend and stamp


def test_the_legend_lists_what_the_slide_shows_as_the_exports_do(slides):
    from corridor_viewer.export import legend

    pw = slides(1920, 1080)
    titles = set()
    for i, scene in enumerate(pw.scenes):
        pw.go(i, animate=False)
        settle()
        expected = [e.title for e in legend.entries(pw.canvas.map_state(), "en", selection=False)]
        assert [e.title for e in pw.legend.items] == expected and expected, scene.id
        # Every entry is drawn inside the strip, at a readable size, never over the map; and the map was
        # framed after the strip took its height (the scene's box fills the map's width or height).
        strip = pw.legend
        assert legend.band_height(strip.items, strip.inner_width(), strip.fit_k) <= strip.height() - 2 * strip.pad
        assert strip.fit_k * 12.5 >= 1080 / 72, scene.id  # legend text at least 15 px at 1080p
        assert strip.geometry().top() >= pw.canvas.geometry().bottom()
        vp = pw.canvas.viewport
        assert (vp.width, vp.height) == (pw.canvas.width(), pw.canvas.height())
        assert vp == pw._target_viewport(scene), scene.id
        titles |= set(expected)
    assert {"Syunik", "Nakhchivan"} <= titles


def test_data_as_of_stamp_on_the_slides_and_clear_of_labels(qtbot, slides, linked_doc):
    assert linked_doc.data_as_of and len(linked_doc.data_as_of) == 7
    for lang, word in (("en", "Data as of March 2026"), ("ar", "مارس 2026")):
        pw = slides(1920, 1080, lang)
        state = pw.canvas.map_state()
        text = pw.canvas.as_of_text(lang, state.data_as_of)
        assert word in text
        pw.canvas.grab()
        box = pw.canvas.stamp_rect(text, state)
        assert pw.canvas.rect().contains(box.toRect())
        assert not any(r.intersects(box) for _, r in pw.canvas.last_labels)
    assert "حتى" in pw.canvas.as_of_text("ar", "2026-03") or "البيانات" in pw.canvas.as_of_text("ar", "2026-03")


# -- translations and citations


def test_english_slides_show_our_translation_and_the_arabic_original_on_a(qtbot, slides):
    from corridor_viewer.io import editorial

    pw = slides(1920, 1080, "en")
    scene_i = next(i for i, s in enumerate(pw.scenes) if len(s.passages) >= 2)
    pw.go(scene_i, animate=False)
    scene = pw.scenes[scene_i]
    tr = editorial.translations()
    kinds = [lab.property("kind") for lab in pw.passage_labels]
    assert kinds == ["translation"] * len(scene.passages)
    for lab, key in zip(pw.passage_labels, scene.passages, strict=True):
        assert tr[key]["en"][:40] in lab.text()
    assert all("our translation" in c.text() for c in pw.citation_labels)
    qtbot.keyClick(pw, Qt.Key.Key_A)
    originals = [lab for lab in pw.passage_labels if lab.property("kind") == "original"]
    assert len(originals) == len(scene.passages)
    for lab, (aid, idx) in zip(originals, scene.passages, strict=True):
        art = pw.doc.links.corpus.get(aid)
        assert art.passages[idx].text.strip()[:30] in lab.text()
        assert lab.layoutDirection() == Qt.LayoutDirection.RightToLeft
    qtbot.keyClick(pw, Qt.Key.Key_A)
    assert not any(lab.property("kind") == "original" for lab in pw.passage_labels)


def test_every_pinned_passage_and_source_has_a_full_citation_on_screen(slides):
    from corridor_viewer.io import editorial

    notes = editorial.editorial()
    for lang in ("en", "ar"):
        pw = slides(1920, 1080, lang)
        for i, scene in enumerate(pw.scenes):
            pw.go(i, animate=False)
            assert len(pw.citation_labels) == len(scene.passages), (scene.id, lang)
            for cite, (aid, _idx) in zip(pw.citation_labels, scene.passages, strict=True):
                art = pw.doc.links.corpus.get(aid)
                text = cite.text()
                assert notes[aid][f"label_{lang}"] in text  # kind of piece (analysis, news…) and its date
                assert (art.title if lang == "ar" else art.title_en) in text
                if art.outlet:  # "الوقت (Alwaght)": named in either language
                    assert any(name and name in text for name in re.split(r"\s*[()]\s*", art.outlet)), text
                else:
                    assert pw.tr("outlet not named in the text") in text
            if lang == "ar":
                assert all(lab.property("kind") == "quote" for lab in pw.passage_labels), scene.id
            # The caption's own sources are on screen too, each publisher with its date.
            assert scene.sources and len(pw.source_labels) == 1, scene.id
            for src in scene.sources:
                assert src["publisher"] in pw.source_labels[0].text(), (scene.id, src)
            assert pw.side.isVisibleTo(pw), scene.id


# -- leaving restores the map


def test_leaving_the_presentation_restores_the_main_map_exactly(qtbot, doc):
    from corridor_viewer.ui.main_window import MainWindow

    win = MainWindow(doc, None)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.session.relink()
    win.load_scenes()
    # A map that is nowhere near any scene: a date, a layer off, a selection, a zoomed view.
    doc.set_date("2021-06-01")
    doc.set_visible("places", False)
    doc.select(["kars"])
    win.canvas.zoom(2.0)
    win.canvas.pan(40, -25)

    def snapshot():
        return ({layer.id: (layer.visible, layer.opacity) for layer in doc.layers}, doc.date, list(doc.selection),
                doc.camera, doc.focus, doc.hover, doc.language, win.canvas.viewport)

    before = snapshot()
    win.actions_by_key["present"].trigger()  # F5
    pw = win.presentation
    qtbot.waitExposed(pw)
    for _ in range(len(win.session.scenes) + 3):
        qtbot.keyClick(pw, Qt.Key.Key_Right)
    for key in (Qt.Key.Key_H, Qt.Key.Key_S, Qt.Key.Key_S, Qt.Key.Key_A, Qt.Key.Key_P):
        qtbot.keyClick(pw, key)
    qtbot.mouseClick(pw.overlay, Qt.MouseButton.LeftButton, pos=QPoint(200, 200))
    qtbot.keyClick(pw, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: win.presentation is None)
    assert snapshot() == before


# -- the timeline as the slides draw it


def test_karabakh_is_drawn_differently_on_the_three_dates(qapp, linked_doc):
    """2020-11-10 (ceasefire line, Lachin corridor), 2023-10-01 (after the offensive) and 2024-06-01 (the NKR
    dissolved, the Gazakh villages returned): the same view, three different maps."""
    from PySide6.QtGui import QPainter

    from corridor_viewer.model.scenes import scene_bounds
    from corridor_viewer.model.viewport import Viewport
    from corridor_viewer.render.labels import plan_labels
    from corridor_viewer.render.paint import PaintOptions, paint

    scene = next(s for s in read_story() if s.id == "karabakh-2023")
    vp = Viewport(width=640, height=400).fitted(scene_bounds(scene), margin=0.04)
    base = linked_doc.map_state(vp).with_layers_visible(frozenset(scene.layers or []))
    images, drawn, texts = [], [], []
    for date in ("2020-11-10", "2023-10-01", "2024-06-01"):
        state = base.with_(date=date)
        control = state.layer("control")
        drawn.append({f.id for f in control.features if state.status_of(f) is not None})
        img = QImage(640, 400, QImage.Format.Format_RGB32)
        p = QPainter(img)
        paint(state, p, PaintOptions(decorations=False))
        p.end()
        images.append(img)
        texts.append({lab.text for lab in plan_labels(state)})
    assert len({frozenset(d) for d in drawn}) == 3, drawn
    # 2020: the area left to the Karabakh Armenian authorities and the Lachin corridor; Oct 2023: both gone,
    # the offensive noted; June 2024: the NKR's end noted.
    assert {"control-2020-2023", "lachin-corridor-2020"} <= drawn[0] and not drawn[0] & drawn[1]
    assert any("offensive" in t for t in texts[1]) and not any("offensive" in t for t in texts[2])
    assert any("dissolved" in t for t in texts[2])
    assert images[0] != images[1] and images[1] != images[2] and images[0] != images[2]


def test_stepping_scenes_never_leaves_the_last_slides_passages_on_screen(slides):
    """A clicker steps faster than deferred deletions run: the old passages must be off screen at once."""
    from PySide6.QtWidgets import QLabel

    pw = slides(1920, 1080, "ar")
    pw.go(3, animate=False)
    pw.go(12, animate=False)  # no event loop turn between them
    shown = [lab for lab in pw.side.findChildren(QLabel) if lab.property("kind") and lab.isVisible()]
    assert shown and set(shown) == set(pw.passage_labels + pw.citation_labels + pw.source_labels)
