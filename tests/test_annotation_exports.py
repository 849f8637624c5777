"""Issue 14 in every format: the annotations, the label edits and the house style drawn alike on the PNG (pixels
where the projection puts them), the SVG (their text as <text>), the PDF (its text layer, read by pdftotext) and
the HTML page (their text in Chromium's DOM, where Leaflet puts it)."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image
from pyproj import Geod
from test_annotations import MEGHRI_E, MEGHRI_W, five
from test_export import browse, home

from corridor_viewer.export import export
from corridor_viewer.export.compose import frame_viewport, layout, page_boxes
from corridor_viewer.model import label_edits, projection
from corridor_viewer.model.annotation_geometry import curve_points
from corridor_viewer.model.annotations import Text
from corridor_viewer.model.export_settings import ExportSettings

MOVED_TO = (45.95, 39.95)  # where the user dragged Kapan's label (north-west, into Armenia)
FORCED = "jolfa"  # left out by the engine at this view; forced on
HIDDEN = "goris"


def edits():
    e = label_edits.with_edit(label_edits.NO_EDITS, HIDDEN, hidden=True)
    e = label_edits.with_edit(e, FORCED, forced=True)
    return label_edits.with_edit(e, "kapan", at=MOVED_TO)


def state_of(doc, lang="en"):
    doc.set_language(lang)
    return home(doc).with_(annotations=five(), label_overrides=edits())


def settings(fmt="png", **kw) -> ExportSettings:
    base = {"title": "Annotated", "language": "en", "format": fmt, "preset": "custom", "custom_width": 1400,
            "custom_height": 1000, "custom_unit": "px", "dpi": 144, "inset": False}
    return ExportSettings(**{**base, **kw})


def page_xy(state, s: ExportSettings, lon: float, lat: float) -> tuple[float, float]:
    """Where (lon, lat) falls on the exported page, computed from the page layout and the projection."""
    w, h, _ = s.pixel_size()
    page = layout(state, s, w, h)
    vp = frame_viewport(state, page)
    x, y = vp.to_screen(*projection.forward(lon, lat))
    return page.frame.x() + x, page.frame.y() + y


def count(img: Image.Image, box: tuple[float, float, float, float], test) -> int:
    x0, y0, x1, y1 = (round(v) for v in box)
    px = img.load()
    return sum(1 for x in range(max(0, x0), min(img.width, x1)) for y in range(max(0, y0), min(img.height, y1))
               if test(px[x, y]))


def red(p) -> bool:
    return p[0] > 150 and p[1] < 90 and p[2] < 90


def near(xy, r):
    return (xy[0] - r, xy[1] - r, xy[0] + r, xy[1] + r)


# -- PNG

def test_png_draws_each_annotation_where_the_projection_puts_it(qapp, doc, tmp_path):
    st = state_of(doc)
    s = settings()
    out = tmp_path / "map.png"
    export("png", st, s, out)
    img = Image.open(out).convert("RGB")
    k = s.ui_scale()
    marker, callout, arrow, distance, area = five()
    x, y = page_xy(st, s, *marker.points[0])
    assert count(img, near((x, y - 15 * k), 7 * k), red) > 20  # the pin's red head above its point
    cx, cy = page_xy(st, s, *callout.points[0])
    assert count(img, near((cx, cy), 30 * k), lambda p: p == (255, 255, 255)) > 200  # its white box
    assert count(img, near((cx, cy), 30 * k), lambda p: max(p) < 60) > 20  # and its dark text
    a, b = (page_xy(st, s, *p) for p in arrow.points)
    mid = curve_points([a, b], arrow.curve, 2)[1]  # the curve's middle, as the painter bends it (screen y down)
    assert count(img, near(mid, 4 * k), red) > 4
    d0, d1 = (page_xy(st, s, *p) for p in distance.points)
    assert count(img, near(((d0[0] + d1[0]) / 2, (d0[1] + d1[1]) / 2), 3 * k), lambda p: max(p) < 70) > 3
    verts = [page_xy(st, s, *p) for p in area.points]
    inside = (sum(v[0] for v in verts) / 3 * 0.6 + verts[0][0] * 0.4, sum(v[1] for v in verts) / 3 * 0.6
              + verts[0][1] * 0.4)
    before = Image.open(tmp_path / "map.png").convert("RGB")
    plain = tmp_path / "plain.png"
    export("png", home(doc), s, plain)
    without = Image.open(plain).convert("RGB")
    p, q = before.getpixel((round(inside[0]), round(inside[1]))), without.getpixel((round(inside[0]),
                                                                                    round(inside[1])))
    assert p != q and p[0] >= p[2]  # the orange fill tints the map there


def test_a_moved_label_is_placed_where_it_was_put_and_hidden_and_forced_follow(qapp, doc, tmp_path):
    st = state_of(doc)
    s = settings()
    boxes = dict(page_boxes(st, s, *s.pixel_size()[:2])["labels"])
    ex, ey = page_xy(st, s, *MOVED_TO)
    assert abs(boxes["kapan"].center().x() - ex) < 2 and abs(boxes["kapan"].center().y() - ey) < 2
    assert HIDDEN not in boxes and FORCED in boxes
    auto = dict(page_boxes(home(doc), s, *s.pixel_size()[:2])["labels"])
    assert HIDDEN in auto and FORCED not in auto  # the engine alone: the other way round
    out = tmp_path / "map.png"
    export("png", st, s, out)
    img = Image.open(out).convert("RGB")
    r = boxes["kapan"]
    assert count(img, (r.left(), r.top(), r.right(), r.bottom()), lambda p: max(p) < 90) > 15  # its text is there


# -- SVG

def svg_texts(path: Path) -> list[tuple[str, float, float]]:
    """(text, x, y) of every visible <text>, in page coordinates (the map group is translated to its frame)."""
    root = ET.parse(path).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    out: list[tuple[str, float, float]] = []

    def walk(el, dx: float, dy: float) -> None:
        m = re.match(r"translate\(([-\d.]+),([-\d.]+)\)", el.get("transform") or "")
        if m:
            dx, dy = dx + float(m[1]), dy + float(m[2])
        if el.tag == f"{ns}text" and el.get("aria-hidden") != "true":
            out.append((el.text or "", float(el.get("x")) + dx, float(el.get("y")) + dy))
        for child in el:
            walk(child, dx, dy)

    walk(root, 0.0, 0.0)
    return out


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_svg_keeps_annotation_texts_as_text_and_the_label_edits(qapp, doc, tmp_path, lang):
    st = state_of(doc, lang)
    s = settings("svg", language=lang)
    out = tmp_path / f"map-{lang}.svg"
    export("svg", st, s, out)
    texts = svg_texts(out)
    words = [t for t, _, _ in texts]
    marker, callout, arrow, _distance, area = five()
    for a in (marker, arrow, area):
        assert a.label(lang) in words
    assert all(line in words for line in callout.label(lang).split("\n"))  # a run per line
    length = next(t for t in words if "Meghri" in t or "ميغري" in t)
    unit = "km" if lang == "en" else "كم"
    number = float(length.split("·")[-1].replace(unit, "").replace("\u00a0", "").strip())
    metres = Geod(ellps="WGS84").inv(*MEGHRI_W, *MEGHRI_E)[2]
    assert abs(number * 1000 - metres) / metres < 0.005
    name = {f.id: f.label(lang) for f in doc.features()}
    assert name[HIDDEN] not in words and name[FORCED] in words
    boxes = dict(page_boxes(st, s, *s.pixel_size()[:2])["labels"])
    kapan = next((x, y) for t, x, y in texts if t == name["kapan"])
    r = boxes["kapan"]
    assert r.left() - 2 <= kapan[0] <= r.right() and r.top() <= kapan[1] <= r.bottom()  # the dragged place


# -- PDF

def pdf_words(path: Path) -> list[tuple[str, float, float]]:
    """(word, centre x, centre y) in PDF points, from poppler's text layer."""
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    # NFKC: poppler reports the ligatures the font drew ("ﬁ") as one character.
    return [(unicodedata.normalize("NFKC", html.unescape(m[4])), (float(m[0]) + float(m[2])) / 2,
             (float(m[1]) + float(m[3])) / 2) for m in
            re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out)]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_pdf_has_the_annotations_and_the_moved_label_in_its_text_layer(qapp, doc, tmp_path):
    st = state_of(doc)
    s = settings("pdf")
    out = tmp_path / "map.pdf"
    export("pdf", st, s, out)
    words = pdf_words(out)
    text = " ".join(w for w, _, _ in words)
    for needle in ("Clashes", "Ceasefire", "Horadiz", "Meghri", "Zone"):
        assert needle in text
    assert "Goris" not in text and "Jolfa" in text
    w_px = s.pixel_size()[0]
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    w_pt = float(re.search(r"Page size:\s+([\d.]+)", info).group(1))
    scale = w_pt / w_px
    ex, ey = page_xy(st, s, *MOVED_TO)
    kx, ky = next((x, y) for w, x, y in words if w == "Kapan")
    assert abs(kx / scale - ex) < 4 and abs(ky / scale - ey) < 4


# -- HTML in Chromium

PROBE = r"""<script>
window.addEventListener('load', function () { setTimeout(function () {
  const map = Object.values(window).find(v => v instanceof L.Map);
  const box = el => { const b = el.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
  const c = map.getContainer().getBoundingClientRect();
  const at = ll => { const p = map.latLngToContainerPoint(ll); return [p.x + c.left, p.y + c.top]; };
  const out = {
    notes: [...document.querySelectorAll('.cv-ann')].map(el => ({id: el.dataset.note, text: el.innerText,
                                                                   box: box(el)})),
    labels: [...document.querySelectorAll('.cv-label[data-fid]')].map(el => ({id: el.dataset.fid,
      text: el.textContent, off: el.classList.contains('cv-off'), box: box(el)})),
    moved: at(MOVED), heads: document.querySelectorAll('.cv-arrowhead').length,
    paths: document.querySelectorAll('.leaflet-cvNotes-pane path').length,
    bg: getComputedStyle(document.body).backgroundColor,
  };
  const pre = document.createElement('pre'); pre.id = 'cv-probe'; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
}, 400); });
</script>"""


def html_probe(page: Path, tmp_path: Path) -> dict:
    raw = page.read_text(encoding="utf-8")
    copy = tmp_path / f"probe-{page.name}"
    copy.write_text(raw.replace("</body>", PROBE.replace("MOVED", json.dumps([MOVED_TO[1], MOVED_TO[0]]))
                                + "</body>"), encoding="utf-8")
    run = tmp_path / f"run-{page.stem}"
    run.mkdir()
    dom, tried = browse(copy, run, window="1400,1000")
    assert tried == set()
    m = re.search(r'<pre id="cv-probe">(.*?)</pre>', dom, re.S)
    assert m, dom[-2000:]
    return json.loads(html.unescape(m.group(1)))


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_html_puts_annotation_texts_in_the_dom_and_keeps_the_label_edits(qapp, doc, tmp_path, lang):
    st = state_of(doc, lang)
    out = tmp_path / f"map-{lang}.html"
    export("html", st, settings("html", language=lang), out)
    p = html_probe(out, tmp_path)
    notes = {n["id"]: n for n in p["notes"]}
    marker, callout, arrow, distance, area = five()
    for a in (marker, arrow, area):
        assert notes[a.id]["text"].strip() == a.label(lang)
    assert notes[callout.id]["text"].split("\n") == callout.label(lang).split("\n")  # one line each
    unit = "km" if lang == "en" else "كم"
    number = float(notes[distance.id]["text"].split("·")[-1].replace(unit, "").replace("\u00a0", "").strip())
    metres = Geod(ellps="WGS84").inv(*MEGHRI_W, *MEGHRI_E)[2]
    assert abs(number * 1000 - metres) / metres < 0.005
    assert p["heads"] == 3 and p["paths"] >= 4  # arrow, distance (both ends); arrow, distance, area paths
    labels = {lab["id"]: lab for lab in p["labels"]}
    assert HIDDEN not in labels
    assert not labels[FORCED]["off"]
    kapan = labels["kapan"]
    assert not kapan["off"]
    b = kapan["box"]
    assert abs((b[0] + b[2]) / 2 - p["moved"][0]) < 3 and abs((b[1] + b[3]) / 2 - p["moved"][1]) < 3
    shown = [lab["box"] for lab in p["labels"] if not lab["off"]]
    for n in p["notes"]:  # no map label on an annotation's text
        nb = n["box"]
        assert not any(lb[0] < nb[2] - 1 and nb[0] < lb[2] - 1 and lb[1] < nb[3] - 1 and nb[1] < lb[3] - 1
                       for lb in shown), n["id"]


def test_html_escapes_annotation_text(qapp, doc, tmp_path):
    from dataclasses import replace

    evil = "</script><img src=x onerror=alert(1)>"
    st = home(doc).with_(annotations=(replace(five()[0], text=Text(evil)),))
    out = tmp_path / "evil.html"
    export("html", st, settings("html"), out)
    raw = out.read_text(encoding="utf-8")
    assert "<img src=x" not in raw
    p = html_probe(out, tmp_path)
    assert p["notes"][0]["text"].strip() == evil  # shown as text, never as markup


# -- house style, transparency, scale

def test_dark_style_and_a_transparent_page(qapp, doc, tmp_path):
    st = home(doc).with_(annotations=five())
    s = settings(style="dark", title="", legend=False)
    out = tmp_path / "dark.png"
    export("png", st, s, out)
    img = Image.open(out).convert("RGB")
    w, h, _ = s.pixel_size()
    page = layout(st, s, w, h)
    f = page.frame
    assert img.getpixel((5, 5)) == (0x14, 0x17, 0x1c)  # the dark page
    inside = [img.getpixel((round(f.x() + f.width() * fx), round(f.y() + f.height() * fy)))
              for fx in (0.1, 0.3, 0.5, 0.7, 0.9) for fy in (0.1, 0.5, 0.9)]
    assert sum(sum(p) / 3 < 90 for p in inside) >= 10  # the map itself is dark
    s2 = settings(style="dark", title="", legend=False, transparent=True)
    export("png", st, s2, tmp_path / "clear.png")
    clear = Image.open(tmp_path / "clear.png")
    assert clear.mode == "RGBA"
    alpha = clear.getchannel("A")
    m = round(page.margin)
    outside = [(x, y) for x in range(0, w, 7) for y in range(0, h, 7)
               if not f.adjusted(-2, -2, 2, 2).contains(x, y) and (y < f.top() - 2 or x < m or x > w - m)]
    assert outside and all(alpha.getpixel(p) == 0 for p in outside)  # nothing outside the frame but text
    assert all(alpha.getpixel((round(f.x() + f.width() * fx), round(f.y() + f.height() * fy))) == 255
               for fx in (0.2, 0.5, 0.8) for fy in (0.2, 0.5, 0.8))  # the map is opaque


def test_transparent_svg_has_no_page_background(qapp, doc, tmp_path):
    out = tmp_path / "clear.svg"
    export("svg", home(doc), settings("svg", transparent=True), out)
    opaque = tmp_path / "opaque.svg"
    export("svg", home(doc), settings("svg"), opaque)
    page = lambda p: ET.parse(p).getroot().find("{http://www.w3.org/2000/svg}g")  # noqa: E731
    fills = lambda g: [el.get("fill") for el in g.iter() if el.get("fill") in ("#ffffff", "white")]  # noqa: E731
    assert fills(page(opaque)) and not fills(page(out))


def test_scale_two_doubles_the_pixels_and_keeps_the_layout(qapp, doc, tmp_path):
    st = home(doc).with_(annotations=five())
    one, two = settings(), settings(scale=2)
    export("png", st, one, tmp_path / "x1.png")
    export("png", st, two, tmp_path / "x2.png")
    a, b = Image.open(tmp_path / "x1.png").convert("RGB"), Image.open(tmp_path / "x2.png").convert("RGB")
    assert b.size == (2 * a.width, 2 * a.height)
    assert round(b.info["dpi"][0]) == 2 * round(a.info["dpi"][0])
    assert page_boxes(st, one, 1400, 1000)["labels"] == page_boxes(st, two, 1400, 1000)["labels"]
    small = b.resize(a.size, Image.Resampling.BOX)
    diff = sum(abs(p - q) for p, q in zip(a.tobytes(), small.tobytes(), strict=True)) / len(a.tobytes())
    assert diff < 12  # the same picture, only sharper
    x, y = page_xy(st, one, *five()[0].points[0])
    k = one.ui_scale()
    assert count(b, near((2 * x, 2 * (y - 15 * k)), 14 * k), red) > 4 * count(a, near((x, y - 15 * k), 7 * k), red) / 2


def test_a_logo_takes_its_corner_and_the_title_makes_room(qapp, doc, tmp_path):
    from corridor_viewer.model.house_style import HouseStyle

    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 40"><rect '
                                       'width="160" height="40" fill="#00a651"/></svg>', encoding="utf-8")
    (tmp_path / "s.json").write_text(json.dumps({"format": "corridor-viewer-style", "id": "outlet", "logo":
                                                 "logo.svg", "logo_corner": "tr"}), encoding="utf-8")
    from corridor_viewer.io.house_styles import read_style_file

    hs: HouseStyle = read_style_file(tmp_path / "s.json")
    s = settings(style="custom", house=hs.to_dict(), title="A very long title " * 6)
    w, h, _ = s.pixel_size()
    page = layout(home(doc), s, w, h)
    logo = page.logo_rect
    assert logo is not None and logo.right() == pytest.approx(w - page.margin) and logo.top() == page.margin
    assert page.head_x + page.head_w < logo.left()  # the title wraps before the logo
    export("png", home(doc), s, tmp_path / "logo.png")
    img = Image.open(tmp_path / "logo.png").convert("RGB")
    assert img.getpixel((round(logo.center().x()), round(logo.center().y()))) == (0, 0xa6, 0x51)


# -- a teacher's annotations travel with the scene

@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_a_scenes_annotations_reach_the_handout_and_the_presentation(qtbot, doc, tmp_path):
    from corridor_viewer.export.handout import export_handout
    from corridor_viewer.model.scenes import Scene
    from corridor_viewer.ui.presentation import PresentationWindow

    notes = five()
    scene = Scene("lesson", {"en": "Lesson", "ar": "درس"}, {}, (44.0, 38.5, 47.5, 41.0), annotations=notes[:2],
                  label_edits=label_edits.with_edit(label_edits.NO_EDITS, HIDDEN, hidden=True))
    other = Scene("plain", {"en": "Plain", "ar": "عادي"}, {}, (44.0, 38.5, 47.5, 41.0))
    out = tmp_path / "handout.pdf"
    export_handout(doc.map_state(), [scene, other], out, settings("pdf", preset="a4-portrait", dpi=150))
    pages = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    first = unicodedata.normalize("NFKC", pages[0])
    assert "Clashes" in first and "Ceasefire" in first and "Goris" not in first  # words: the halo runs split lines
    assert "Clashes" not in pages[1] and "Goris" in pages[1]
    win = PresentationWindow(doc, [scene, other], 0, reduced_motion=True)
    qtbot.addWidget(win)
    win.go(0, animate=False)
    shown = win.canvas.map_state()
    assert shown.annotations == notes[:2] and shown.label_overrides[HIDDEN].hidden
    win.go(1, animate=False)
    assert win.canvas.map_state().annotations == ()


def test_a_line_label_on_the_page_sits_beside_it_as_on_the_static_map():
    from types import SimpleNamespace

    from corridor_viewer.export.web import safe_color
    from corridor_viewer.export.web_annotations import annotation_specs
    from corridor_viewer.model.annotations import make

    flat = make("line", [(45.0, 40.0), (46.0, 40.0)], text=Text("flat"))
    steep = make("line", [(45.0, 39.0), (45.0, 40.5)], text=Text("steep"))
    specs = annotation_specs(SimpleNamespace(annotations=(flat, steep)), "en", safe_color)
    assert specs[0]["text"]["at"] == "t" and specs[1]["text"]["at"] in ("l", "r")
