"""Issue 13: maps a newsroom would publish as they come out, read back by independent tools.

The names a reader needs are on the page (SVG text, in both languages); no label box touches another, the
legend, the inset, the north arrow or the scale bar; the selection in context names its surroundings; the
SVG is clipped, sized in px and looks like the PNG in Chromium and in Inkscape.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from corridor_viewer.export import export
from corridor_viewer.export.compose import page_boxes
from corridor_viewer.model.export_settings import ExportSettings
from corridor_viewer.model.framing import in_context

SVG = "{http://www.w3.org/2000/svg}"
NAMES = {
    "en": ["ARMENIA", "AZERBAIJAN", "IRAN", "TURKEY", "GEORGIA", "Meghri"],
    "ar": ["أرمينيا", "أذربيجان", "إيران", "تركيا", "جورجيا", "ميغري"],
}


@pytest.fixture
def gui(qapp):
    return qapp


def home(doc):
    return doc.map_state().with_extent(doc.home_bounds)


def svg_texts(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_names_a_reader_needs_are_on_the_home_map(gui, doc, tmp_path, lang):
    out = tmp_path / f"home-{lang}.svg"
    export("svg", home(doc), ExportSettings(language=lang), out)
    texts = svg_texts(out)
    for name in NAMES[lang]:
        assert any(t == name for t in texts), (lang, name)
    # The PNG is drawn with the same placement: the boxes the renderer reports name the same features.
    boxes = page_boxes(home(doc), ExportSettings(language=lang), 1920, 1080)
    placed = {fid for fid, _ in boxes["labels"]}
    assert {"armenia", "azerbaijan", "iran", "turkey", "georgia", "meghri", "syunik", "nakhchivan"} <= placed


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("preset", ["web-1920x1080", "square-1080", "card-1200x675", "a4-landscape"])
def test_no_label_touches_another_label_or_the_furniture(gui, doc, lang, preset):
    s = ExportSettings(language=lang, preset=preset)
    w, h, _ = s.pixel_size()
    doc.select("tripp")
    boxes = page_boxes(home(doc), s, w, h)
    rects = [r for _, r in boxes["labels"]]
    assert len(rects) > 15
    for i, a in enumerate(rects):
        assert all(not a.intersects(b) for b in rects[i + 1:]), (boxes["labels"][i][0], preset, lang)
        assert boxes["frame"].contains(a)
        for key in ("legend", "inset", "arrow", "scale"):
            if key in boxes:
                assert not a.intersects(boxes[key]), (boxes["labels"][i][0], key, preset, lang)
    assert "tripp" in {fid for fid, _ in boxes["labels"]}  # the selection is always named


def test_the_inset_hides_neither_the_subject_nor_the_story(gui, doc):
    for fid in ("tripp", "syunik", "nakhchivan"):
        doc.select(fid)
        s = ExportSettings(preset="square-1080")
        state = doc.map_state().with_extent(in_context([doc.feature(fid)], doc.features()))
        boxes = page_boxes(state, s, 1080, 1080)
        inset = boxes.get("inset")
        if inset is None:
            continue
        subject = [r for f, r in boxes["labels"] if f == fid]
        assert subject and not subject[0].intersects(inset), fid


def cli(*args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "corridor_viewer", "export", *args], capture_output=True, text=True,
                          env=env, timeout=180)


def test_the_selection_in_context_names_its_surroundings(tmp_path):
    for lang, names in (("en", ["ARMENIA", "IRAN", "Syunik", "TRIPP"]), ("ar", ["أرمينيا", "إيران", "سيونيك"])):
        out = tmp_path / f"tripp-{lang}.svg"
        r = cli("--out", str(out), "--preset", "square-1080", "--select", "tripp", "--view", "selection",
                "--lang", lang)
        assert r.returncode == 0, r.stderr
        texts = svg_texts(out)
        for name in names:
            assert any(name == t or (name in t and len(t) < len(name) + 12) for t in texts), (lang, name)


def test_the_svg_is_clipped_sized_in_px_and_keeps_its_text_on_the_page(gui, doc, tmp_path):
    out = tmp_path / "card.svg"
    export("svg", home(doc), ExportSettings(preset="card-1200x675", language="ar"), out)
    root = ET.parse(out).getroot()
    assert root.get("width") == "1200px" and root.get("height") == "675px"
    clips = {c.get("id"): c.find(f"{SVG}rect") for c in root.iter(f"{SVG}clipPath")}
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g") if g.get("clip-path")}
    assert set(groups) == {"map", "inset"} and groups["map"].get("clip-path") == "url(#map-frame)"
    frame = clips["map-frame"]
    mw, mh = float(frame.get("width")), float(frame.get("height"))
    tx, ty = (float(v) for v in groups["map"].get("transform")[len("translate("):-1].split(","))
    assert tx > 0 and ty > 0 and tx + mw <= 1200 and ty + mh <= 675
    in_map = set(groups["map"].iter(f"{SVG}text"))
    for t in root.iter(f"{SVG}text"):
        x, y = float(t.get("x")), float(t.get("y"))
        if t in in_map:
            assert -1 <= x <= mw + 1 and 0 <= y <= mh + 1
        else:
            assert 0 <= x <= 1200 and 0 <= y <= 675
    # A right-to-left run is one element in its own direction, parentheses and all ("(former)").
    former = [t for t in root.iter(f"{SVG}text") if "(سابقًا)" in "".join(t.itertext())]
    assert former and all(t.get("direction") == "rtl" for t in former)
    assert any("ناغورنو كاراباخ (سابقًا)" == "".join(t.itertext()) for t in former)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _difference(a: Path, b: Path) -> float:
    """Share of pixels that differ noticeably between two renderings (after a small blur for antialiasing)."""
    from PIL import ImageFilter

    with Image.open(a) as ia, Image.open(b) as ib:
        ia = ia.convert("RGB").filter(ImageFilter.BoxBlur(1))
        ib = ib.convert("RGB").resize(ia.size).filter(ImageFilter.BoxBlur(1))
        diff = ImageChops.difference(ia, ib).convert("L").point(lambda v: 255 if v > 48 else 0)
        return diff.histogram()[255] / (ia.size[0] * ia.size[1])


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_chromium_and_inkscape_draw_the_svg_like_the_png(gui, doc, tmp_path, lang):
    s = ExportSettings(preset="card-1200x675", language=lang, title="Corridors" if lang == "en" else "الممرات")
    png, svg = tmp_path / "m.png", tmp_path / "m.svg"
    export("png", home(doc), s, png)
    export("svg", home(doc), s, svg)
    if CHROMIUM:
        shot = tmp_path / "chromium.png"
        subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1200,675",
                        f"--screenshot={shot}", svg.as_uri()], capture_output=True, timeout=120)
        assert _difference(png, shot) < 0.06, "Chromium"
    elif os.environ.get("CV_REQUIRE_BROWSER"):
        pytest.fail("Chromium is required (apt-get install chromium)")
    if shutil.which("inkscape"):
        ink = tmp_path / "inkscape.png"
        subprocess.run(["inkscape", str(svg), "--export-type=png", f"--export-filename={ink}", "-w", "1200"],
                       capture_output=True, timeout=180, env=dict(os.environ, HOME=str(tmp_path)))
        assert ink.exists() and _difference(png, ink) < 0.08, "Inkscape"


@pytest.mark.parametrize("where", ["home", "widest"])
def test_no_preset_shows_where_the_data_stops(gui, doc, where):
    """Country and water polygons cover every preset's map frame, at home and zoomed out as far as it goes."""
    import shapely
    from shapely.geometry import Polygon, box

    from corridor_viewer.export.compose import frame_viewport, layout
    from corridor_viewer.model.export_settings import PRESETS
    from corridor_viewer.model.viewport import Viewport

    polys = [Polygon(part[0], part[1:]) for lid in ("countries", "water") for f in doc.layer(lid).features
             if f.geometry.kind == "polygon" for part in f.geometry.parts]
    cover = shapely.union_all(polys).buffer(1.0)
    for preset in PRESETS:
        settings = ExportSettings(preset=preset, language="en")
        w, h, _ = settings.pixel_size()
        wide = Viewport.for_bounds(doc.data_bounds, 1000).zoomed(0.25)  # further out than the camera allows
        vp = Viewport.for_bounds(doc.home_bounds, 1000) if where == "home" else wide.clamped(doc.data_bounds)
        state = doc.map_state(vp)
        shown = box(*frame_viewport(state, layout(state, settings, w, h)).world_bounds)
        bare = shown.difference(cover).area / shown.area
        assert bare < 1e-6, (preset, where, bare)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_long_selection_in_the_legend_is_shortened_by_whole_names_never_cut_at_the_edge(gui, doc, lang):
    """The 2020-war scene selects five areas with long dated names: the key must end inside the band."""
    from corridor_viewer.export import legend
    from corridor_viewer.render.text import text_box

    ids = [f.id for lv in doc.layers for f in lv.features if f.geometry.kind == "polygon"][:7]
    state = home(doc).with_selection(ids)
    width = 700.0
    items = legend.entries(state, lang)
    placed, _h = legend._layout(items, width, 1.0)
    sel = [(e, x) for e, x, _y in placed if e.kind == "selection"]
    assert len(sel) == 1
    e, x = sel[0]
    assert x + legend._sizes(e, 12.5, 1.0) <= width + 0.5
    assert text_box(e.title, 12.5).width() > 100  # still names places, not only "Selected"
    shown = e.title.count("; " if lang == "en" else "؛ ") + 1
    assert shown < 7 and legend.MORE[lang].format(n=7 - shown + 1) in e.title  # the rest counted
