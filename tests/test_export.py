"""Exports opened with independent readers: Pillow, an XML parser, pdftoppm, headless Chromium."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from corridor_viewer.export import export
from corridor_viewer.export.compose import Quote
from corridor_viewer.model.export_settings import ExportError, ExportSettings

TITLE_EN = "Corridors across Syunik"
TITLE_AR = "الممرات عبر سيونيك"


@pytest.fixture
def gui(qapp):
    return qapp


def home(doc):
    """The main map at its home view, as the value an export draws."""
    return doc.map_state().with_extent(doc.home_bounds)


def settings(**kw) -> ExportSettings:
    base = {"title": TITLE_EN, "subtitle": "2020–2026", "language": "en"}
    base.update(kw)
    return ExportSettings(**base)


def test_png_size_and_dpi_read_back(gui, doc, tmp_path):
    out = tmp_path / "map.png"
    summary = export("png", home(doc), settings(preset="web-1920x1080", dpi=144), out)
    assert "1920×1080" in summary
    with Image.open(out) as im:
        assert im.size == (1920, 1080)
        assert round(im.info["dpi"][0]) == 144
        colours = len(im.convert("RGB").resize((192, 108)).getcolors(100000))
    assert colours > 50  # a real map, not a blank page


def test_a4_png_records_300_dpi(gui, doc, tmp_path):
    out = tmp_path / "a4.png"
    export("png", home(doc), settings(preset="a4-portrait", language="ar", title=TITLE_AR), out)
    with Image.open(out) as im:
        assert im.size == (2480, 3508)
        assert round(im.info["dpi"][0]) == 300


def test_svg_parses_and_keeps_the_title_as_text(gui, doc, tmp_path):
    for lang, title in (("en", TITLE_EN), ("ar", TITLE_AR)):
        out = tmp_path / f"map_{lang}.svg"
        export("svg", home(doc), settings(preset="card-1200x675", language=lang, title=title), out)
        root = ET.parse(out).getroot()
        texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
        # Qt's SVG writer emits right-to-left text one word per <text>: each word stays real text.
        assert all(any(word == t.strip() or word in t for t in texts) for word in title.split()), lang
        if lang == "en":
            assert title in texts
        if lang == "ar":
            assert any("سيونيك" in t for t in texts)  # map labels stay text too


def test_pdf_renders_a_page_that_is_not_blank(gui, doc, tmp_path):
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) not installed")
    out = tmp_path / "map.pdf"
    q = Quote("ممر زنگزور يعبر منطقة سيونيك", "مقال 000 (2023-12)")
    export("pdf", home(doc), settings(preset="a4-landscape", language="ar", title=TITLE_AR), out, quote=q)
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-singlefile", str(out), str(tmp_path / "page")], check=True)
    with Image.open(tmp_path / "page.png") as im:
        assert abs(im.size[0] / im.size[1] - 297 / 210) < 0.02
        extrema = im.convert("L").getextrema()
        assert extrema[0] < 100  # dark ink exists
        colours = len(im.convert("RGB").getcolors(1000000))
    assert colours > 30
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "yes" in fonts  # fonts are embedded


def test_failed_export_leaves_no_partial_file_and_keeps_the_old_one(gui, doc, tmp_path, monkeypatch):
    out = tmp_path / "map.png"
    out.write_bytes(b"previous export")
    from PySide6.QtGui import QImage

    monkeypatch.setattr(QImage, "save", lambda *a, **k: False)
    with pytest.raises(ExportError):
        export("png", home(doc), settings(), out)
    assert out.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["map.png"]


def test_a_pdf_that_fails_half_way_ends_its_painter_and_keeps_the_old_file(gui, doc, tmp_path, monkeypatch):
    """A painter left active on its PDF writer crashes PySide when the writer goes; every PDF (map, handout,
    worksheet) draws through export.static.pdf_painter, which ends it whatever happens."""
    from corridor_viewer.export import handout
    from corridor_viewer.io.scenes import read_story
    from corridor_viewer.model.scenes import SceneList

    out = tmp_path / "handout.pdf"
    out.write_bytes(b"previous handout")
    calls = []

    def fail_on_second_page(*a, **k):
        calls.append(1)
        if len(calls) == 2:
            raise ExportError("the disk is full (simulated)")

    monkeypatch.setattr(handout, "compose", fail_on_second_page)
    with pytest.raises(ExportError):
        handout.export_handout(doc.map_state(), list(SceneList(read_story()))[:3], out,
                               ExportSettings(preset="a4-portrait", format="pdf"))
    assert out.read_bytes() == b"previous handout" and [p.name for p in tmp_path.iterdir()] == ["handout.pdf"]


def test_bad_sizes_are_refused():
    with pytest.raises(ExportError):
        ExportSettings(preset="custom", custom_width=50, custom_height=50).pixel_size()
    with pytest.raises(ExportError):
        ExportSettings(preset="nope").pixel_size()
    assert ExportSettings(preset="custom", custom_width=100, custom_height=50, custom_unit="mm",
                          dpi=300).pixel_size() == (1181, 591, 300)


def test_settings_round_trip_is_tolerant():
    s = ExportSettings(title="x", language="ar", legend=False)
    assert ExportSettings.from_dict(s.to_dict()) == s
    junk = ExportSettings.from_dict({"title": 5, "language": "fr", "legend": "yes", "dpi": "high", "zzz": 1})
    assert junk.title == "" and junk.language == "en" and junk.legend is True and junk.dpi == 144


# -- CLI


def cli(*args, cwd=None):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "corridor_viewer", "export", *args], capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=180)


def test_cli_writes_each_format(tmp_path):
    for fmt in ("png", "svg", "pdf", "html"):
        out = tmp_path / f"m.{fmt}"
        r = cli("--out", str(out), "--lang", "ar", "--title", TITLE_AR, "--select", "syunik", "--size", "800x600")
        assert r.returncode == 0, r.stderr
        assert r.stdout.count("\n") == 1 and str(out) in r.stdout
        assert out.stat().st_size > 1000


def test_cli_bad_input_exits_2_with_a_message(tmp_path):
    cases = [
        ("--out", str(tmp_path / "missing" / "m.png")),
        ("--out", str(tmp_path / "m.png"), "--size", "huge"),
        ("--out", str(tmp_path / "m.png"), "--layers", "regions,nope"),
        ("--out", str(tmp_path / "m.png"), "--select", "atlantis"),
        ("--out", str(tmp_path / "m.bmp")),
        ("--out", str(tmp_path / "m.png"), "--dpi", "5"),
    ]
    for args in cases:
        r = cli(*args)
        assert r.returncode == 2, (args, r.stdout, r.stderr)
        assert r.stderr.startswith("corridor-viewer export:") and "Traceback" not in r.stderr
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    if os.geteuid() != 0:  # root ignores directory permissions
        r = cli("--out", str(ro / "m.png"))
        assert r.returncode == 2


# -- HTML in a real browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def browse(page: Path, tmp_path: Path, window: str = "") -> tuple[str, set[str]]:
    """Load a page in headless Chromium with networking blocked; return its DOM and the hosts it tried.
    ``window`` ("360,740") sets the browser window, hence the page width."""
    if not CHROMIUM:
        if os.environ.get("CV_REQUIRE_BROWSER"):
            pytest.fail("Chromium is required (apt-get install chromium)")
        pytest.skip("Chromium not installed")
    netlog = tmp_path / "netlog.json"
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={tmp_path / 'profile'}", f"--log-net-log={netlog}",
           "--proxy-server=http://127.0.0.1:9", "--virtual-time-budget=4000", "--dump-dom", page.as_uri()]
    if window:
        cmd.insert(-2, f"--window-size={window}")
    dom = subprocess.run(cmd, capture_output=True, text=True, timeout=120).stdout
    data = json.loads(netlog.read_text(encoding="utf-8"))
    types = {v: k for k, v in data["constants"]["logEventTypes"].items()}
    tried = set()
    for e in data["events"]:
        p = e.get("params") or {}
        # The page's own requests carry its file:// origin; the browser's housekeeping does not.
        if types.get(e["type"]) == "URL_REQUEST_START_JOB" and p.get("initiator") != "not an origin":
            url = p.get("url", "")
            if url and not url.startswith(("file:", "data:", "blob:")):
                tried.add(url)
    return dom, tried


def test_browser_check_detects_external_requests(tmp_path):
    page = tmp_path / "control.html"
    page.write_text('<html><body><img src="http://example.invalid/x.png"></body></html>', encoding="utf-8")
    _, tried = browse(page, tmp_path)
    assert any("example.invalid" in u for u in tried)


def test_html_shows_every_layer_offline(gui, doc, tmp_path):
    out = tmp_path / "map.html"
    export("html", home(doc), settings(format="html"), out)
    dom, tried = browse(out, tmp_path)
    assert tried == set()
    assert dom.count("leaflet-interactive") >= 40
    for layer in doc.layers:
        if layer.raster is None:  # the Terrain image is drawn in the display CRS; the page is Web Mercator
            assert layer.title_for("en") in dom  # one entry per layer in the layer control


PAYLOAD = ("</script><script>document.title='PWNED'</script>"
           "<img src=x onerror=\"document.title='PWNED'\"> \"q\" 'q' \\\\ \\")


def test_article_text_in_popups_is_text_not_code(gui, doc, tmp_path):
    from corridor_viewer.model.corpus import Article, Corpus
    from corridor_viewer.model.links import Links

    text = f"تقع سيونيك جنوب أرمينيا. {PAYLOAD} وتحدّ سيونيك إيران."
    corpus = Corpus([Article.from_text("evil", text, title=f"عنوان {PAYLOAD}")])
    doc.set_links(Links.build(corpus, doc.features())[0])
    assert doc.links.count("syunik") == 2
    out = tmp_path / "map.html"
    export("html", home(doc), settings(format="html", title=f"T {PAYLOAD}"), out, links=doc.links)
    raw = out.read_text(encoding="utf-8")
    assert "</script><script>document.title" not in raw
    # Open every popup, as a reader clicking each feature would, then read the DOM back.
    opener = ("<script>window.addEventListener('load',()=>{for(const k of Object.keys(window)){"
              "const m=window[k];if(m&&m instanceof L.Map){m.eachLayer(l=>{if(l.feature&&l.feature.properties"
              "&&l.feature.properties.id==='syunik'){l.openPopup();}});}}});</script>")
    probe = tmp_path / "probe.html"
    probe.write_text(raw.replace("</body>", opener + "</body>"), encoding="utf-8")
    dom, tried = browse(probe, tmp_path)
    assert tried == set()
    assert "<title>PWNED</title>" not in dom  # no injected script rewrote the title
    assert "<title>T &lt;/script&gt;" in dom
    assert "leaflet-popup-content" in dom  # the popup opened
    assert "&lt;/script&gt;&lt;script&gt;document.title=" in dom  # and shows the payload as text
    assert "<img src=\"x\"" not in dom


def test_html_cannot_be_zoomed_or_panned_past_the_data(gui, doc, tmp_path):
    out = tmp_path / "map.html"
    export("html", home(doc), settings(format="html"), out)
    probe = """<script>setTimeout(function () {
      var k = Object.keys(window).find(function (n) { return /^map_[0-9a-f]+$/.test(n); }), map = window[k];
      map.setZoom(0, {animate: false});
      map.panBy([-100000, -100000], {animate: false});
      var b = map.getBounds(), d = map.options.maxBounds;
      document.body.setAttribute('data-probe', JSON.stringify({zoom: map.getZoom(), min: map.getMinZoom(),
        inside: d.contains(b), view: [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]}));
    }, 1500);</script></body>"""
    out.write_text(out.read_text(encoding="utf-8").replace("</body>", probe, 1), encoding="utf-8")
    dom, tried = browse(out, tmp_path, window="1600,900")
    assert tried == set()
    found = re.search(r"data-probe=\"([^\"]+)\"", dom)
    assert found, "the probe did not run"
    result = json.loads(html.unescape(found.group(1)))
    assert result["zoom"] == result["min"] > 3  # zooming out stops where the data still fills the window
    assert result["inside"], result["view"]  # and panning stops at its edge
