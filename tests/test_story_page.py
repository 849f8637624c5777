"""Issue 15, deliverables 5 and 6: the student story page — one offline HTML file of the whole story, read back
in headless Chromium with every request intercepted (tests/cdp.py): a slide per scene, keys and swipes, labels,
passages with citations and translations, no network request, no horizontal scroll at 360 px, and the quiz
scoring clicks exactly as the Python model does."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from corridor_viewer.io.classroom import quiz_questions
from corridor_viewer.io.scenes import read_story
from corridor_viewer.model.quiz import lonlat_geometry, score_click

cdp = pytest.importorskip("cdp")
if not cdp.CHROMIUM:
    pytest.skip("Chromium not installed", allow_module_level=True)

AS_OF = {"en": "Data as of March 2026", "ar": "البيانات حتى مارس 2026"}
NEXT = {"en": "ArrowRight", "ar": "ArrowLeft"}  # the arrows step the way the page reads


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The story exported by the command a teacher would type, in both languages (an empty user folder, so
    the built-in story)."""
    tmp = tmp_path_factory.mktemp("story")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CORRIDOR_VIEWER_DATA_DIR=str(tmp / "data"),
               CORRIDOR_VIEWER_CONFIG_DIR=str(tmp / "config"))
    out = {}
    for lang in ("en", "ar"):
        page = tmp / f"story-{lang}.html"
        r = subprocess.run([sys.executable, "-m", "corridor_viewer", "export", "--scene", "all", "--format", "html",
                            "--lang", lang, "--out", str(page)], capture_output=True, text=True, env=env, timeout=180)
        assert r.returncode == 0, r.stderr
        assert "14 scenes" in r.stdout and "13-question quiz" in r.stdout
        out[lang] = page
    return out


@pytest.fixture(scope="module")
def story():
    return read_story()


def test_one_file_that_loads_nothing(pages):
    for page in pages.values():
        raw = page.read_text(encoding="utf-8")
        assert not re.search(r"""<(?:script|img|iframe|link|source|video|audio)[^>]+(?:src|href)\s*=""", raw)
        assert not re.search(r"""url\(\s*["']?(?:https?:)?//|@import|@font-face""", raw)
        assert page.stat().st_size < 1_200_000  # light: one copy of the geometry for every slide


def _slides(b) -> list[dict]:
    return b.eval("""[...document.querySelectorAll('.cv-slide')].map(s => ({
        id: s.dataset.scene, title: s.querySelector('h2').textContent,
        quotes: [...s.querySelectorAll('figure.cv-quote')].map(f => ({
            main: f.querySelector(':scope > blockquote').lang, text: f.querySelector(':scope > blockquote').textContent,
            cite: f.querySelector('cite').textContent, badge: (f.querySelector('.cv-genre') || {}).textContent || '',
            other: (f.querySelector('details.cv-other blockquote') || {}).lang || null}))}))""")


def _labels(b) -> list[str]:
    return b.eval("[...document.querySelectorAll('.cv-label')].filter(e => !e.classList.contains('cv-off'))"
                  ".map(e => e.dataset.fid)")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_slide_per_scene_stepped_by_keys_with_labels_and_passages(pages, story, lang, tmp_path):
    with cdp.Browser(tmp_path) as b:
        b.open(pages[lang], 1920, 1080)
        assert b.eval("document.documentElement.lang + document.documentElement.dir") == \
            ("ar" + "rtl" if lang == "ar" else "en" + "ltr")
        assert b.eval("document.querySelector('.cv-asof').textContent") == AS_OF[lang]
        slides = _slides(b)
        assert [s["id"] for s in slides] == [s.id for s in story]
        assert [s["title"] for s in slides] == [s.title_for(lang) for s in story]
        seen = []
        for i, scene in enumerate(story):
            assert b.eval("document.documentElement.dataset.cvScene") == scene.id
            assert b.eval("[...document.querySelectorAll('.cv-slide')].filter(s => !s.hidden).length") == 1
            labels = _labels(b)
            assert len(labels) >= 5, (scene.id, labels)
            # What the scene highlights or names is labelled (where the map draws a label for it at all).
            named = [f for f in scene.highlight + scene.labels
                     if b.eval(f"!!document.querySelector('.cv-label[data-fid=\"{f}\"]')")]
            missing = [f for f in named if f not in labels]
            assert not missing, (scene.id, missing)
            quotes = slides[i]["quotes"]
            assert len(quotes) == len(scene.passages)
            for q in quotes:
                assert q["cite"].strip() and q["badge"].strip()  # the kind of piece, then outlet, title, date
                if lang == "en":  # our translation first, the Arabic original behind a disclosure
                    assert q["main"] == "en" and q["other"] == "ar" and "our translation" in q["cite"]
                else:
                    assert q["main"] == "ar" and q["other"] == "en"
            seen.append(scene.id)
            if i < len(story) - 1:
                b.key(NEXT[lang])
        assert seen == [s.id for s in story]
        b.key(NEXT[lang])  # past the end: stays
        assert b.eval("document.documentElement.dataset.cvScene") == story[-1].id
        b.key("Home")
        assert b.eval("document.documentElement.dataset.cvScene") == story[0].id
        b.key("End")
        assert b.eval("document.documentElement.dataset.cvScene") == story[-1].id
        b.eval("document.getElementById('cv-prev').click()")
        b.wait(0.3)
        assert b.eval("document.documentElement.dataset.cvScene") == story[-2].id
        assert b.blocked == [] and b.errors == []


def test_pagedown_reads_a_long_slide_to_its_end_before_stepping(pages, story, tmp_path):
    with cdp.Browser(tmp_path) as b:
        b.open(pages["en"], 1920, 1080)
        longest = max(range(len(story)), key=lambda i: len(story[i].passages) * 1000 + len(story[i].caption["en"]))
        b.eval(f"cvStory.show({longest})")
        b.wait(0.5)
        over = b.eval("(p => p.scrollHeight - p.clientHeight)(document.getElementById('cv-panel'))")
        assert over > 100  # the text of this slide is longer than the screen
        steps = 0
        while b.eval("document.documentElement.dataset.cvScene") == story[longest].id:
            top = b.eval("document.getElementById('cv-panel').scrollTop")
            b.key("PageDown")
            steps += 1
            if b.eval("document.documentElement.dataset.cvScene") == story[longest].id:
                assert b.eval("document.getElementById('cv-panel').scrollTop") > top  # it scrolled instead
            assert steps < 10
        assert steps >= 2
        assert b.eval("document.documentElement.dataset.cvScene") == story[longest + 1].id
        assert b.eval("document.getElementById('cv-panel').scrollTop") == 0  # a new slide starts at its top


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_readable_on_a_phone_without_horizontal_scroll(pages, story, lang, tmp_path):
    with cdp.Browser(tmp_path) as b:
        b.open(pages[lang], 360, 740)
        for i, scene in enumerate(story):
            b.eval(f"cvStory.show({i})")
            b.wait(0.35)
            b.eval("document.querySelectorAll('details').forEach(d => d.open = true)")  # translations, notes
            b.wait(0.1)
            width = b.eval("[innerWidth, document.documentElement.scrollWidth, document.body.scrollWidth]")
            assert width[1] <= width[0] and width[2] <= width[0], (scene.id, width)
            assert len(_labels(b)) >= 3, scene.id
            size = b.eval("parseFloat(getComputedStyle(document.querySelector('.cv-slide:not([hidden]) "
                          ".cv-caption')).fontSize)")
            assert size >= 15  # a caption a phone can read
        b.key("q")
        assert b.eval("document.documentElement.scrollWidth") <= 360
        assert b.blocked == []


def test_a_swipe_steps_the_way_the_text_reads(pages, story, tmp_path):
    for lang, dx in (("en", -200), ("ar", 200)):
        with cdp.Browser(tmp_path) as b:
            b.open(pages[lang], 360, 740)
            y = b.eval("document.querySelector('.cv-slide:not([hidden]) .cv-caption').getBoundingClientRect().top + 10")
            x0 = 180 - dx / 2
            b.call("Input.dispatchTouchEvent", type="touchStart", touchPoints=[{"x": x0, "y": y}])
            for step in (0.5, 1.0):  # the finger's path: the page takes the last point as the end of the swipe
                b.call("Input.dispatchTouchEvent", type="touchMove", touchPoints=[{"x": x0 + dx * step, "y": y}])
            b.call("Input.dispatchTouchEvent", type="touchEnd", touchPoints=[])
            b.wait(0.5)
            assert b.eval("document.documentElement.dataset.cvScene") == story[1].id, lang


def test_the_page_quiz_scores_like_the_model_and_hides_the_names(pages, doc_factory, tmp_path):
    features = {f.id: f for f in doc_factory().features()}
    questions = list(quiz_questions())
    with cdp.Browser(tmp_path) as b:
        b.open(pages["en"], 1920, 1080)
        b.key("q", 0.8)
        assert b.eval("cvStory.mode()") == "quiz"
        assert b.eval("document.querySelectorAll('.cv-label').length") == 0  # no names on the map
        assert b.eval("document.querySelectorAll('.leaflet-tooltip').length") == 0
        assert b.eval("document.getElementById('cv-q-prompt').textContent") == questions[0].prompt["en"]
        for q in questions:
            g = lonlat_geometry(features[q.feature_id])
            shp = __import__("shapely.geometry", fromlist=["shape"]).shape(g)
            c = shp.representative_point()
            for lon, lat in ((c.x, c.y), (c.x + 0.15, c.y + 0.1), (c.x - 0.9, c.y + 0.6), (c.x + 2.0, c.y - 1.2)):
                py = score_click(q, g, lon, lat)
                js = b.eval(f"cvQuizScore({json.dumps(q.id)}, {lon}, {lat})")
                assert js["right"] == py.right, (q.id, lon, lat, js, py)
                assert js["km"] == pytest.approx(py.distance_km, rel=0.005, abs=0.2), (q.id, lon, lat)
        # A student's click on Nakhchivan, then a click far from Syunik.
        for lon, lat, verdict, score in ((45.4, 39.2, "Right!", "Score: 1 of 1"),
                                         (43.2, 41.6, "Not quite:", "Score: 1 of 2")):
            at = b.eval(f"(m => {{ const r = m.getContainer().getBoundingClientRect(), "
                        f"p = m.latLngToContainerPoint([{lat}, {lon}]); return [p.x + r.left, p.y + r.top]; }})"
                        f"(cvStory.map())")
            b.click(*at, settle=0.6)
            assert b.eval("document.getElementById('cv-q-result').textContent").startswith(verdict)
            assert b.eval("document.getElementById('cv-q-score').textContent") == score
            assert b.eval("document.getElementById('cv-q-note').textContent").strip()
            b.eval("document.getElementById('cv-q-next').click()")
            b.wait(0.3)
        b.key("Escape")
        assert b.eval("cvStory.mode()") == "story" and len(_labels(b)) >= 5
        assert b.blocked == [] and b.errors == []


def test_text_cannot_break_out_of_the_page(doc, tmp_path):
    from corridor_viewer.export.story import export_story
    from corridor_viewer.model.export_settings import ExportSettings
    from corridor_viewer.model.scenes import Scene

    evil = "</script><script>window.PWNED=1</script><img src=x onerror=\"window.PWNED=2\">"
    scene = Scene("evil", {"en": f"T {evil}"}, {"en": f"C {evil}"}, (44.0, 38.0, 47.0, 40.5), None, ["syunik"],
                  sources=[{"title": evil, "publisher": evil, "date": "2024", "url": "javascript:alert(1)"}])
    out = tmp_path / "evil.html"
    export_story(doc.map_state(), [scene], out, ExportSettings(language="en", format="html"))
    raw = out.read_text(encoding="utf-8")
    assert "javascript:" not in raw
    with cdp.Browser(tmp_path) as b:
        b.open(out, 1280, 800)
        assert b.eval("window.PWNED === undefined")
        assert evil in b.eval("document.querySelector('.cv-slide h2').textContent")
        assert b.blocked == []


def test_the_page_needs_scenes(doc, tmp_path):
    from corridor_viewer.export.story import export_story
    from corridor_viewer.model.export_settings import ExportError, ExportSettings

    with pytest.raises(ExportError):
        export_story(doc.map_state(), [], tmp_path / "x.html", ExportSettings(format="html"))
    assert not (tmp_path / "x.html").exists()


def test_wrong_format_for_all_scenes_is_refused(tmp_path):
    r = subprocess.run([sys.executable, "-m", "corridor_viewer", "export", "--scene", "all", "--out",
                        str(tmp_path / "s.png")], capture_output=True, text=True, timeout=120,
                       env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert r.returncode == 2 and "HTML" in r.stderr and "Traceback" not in r.stderr
    assert not Path(tmp_path / "s.png").exists()
