"""The HTML export read back: pure checks of its parts, then the page in headless Chromium (networking blocked).

The browser checks inject a probe script into a copy of the exported page; the probe reads the live DOM
(title, legend, labels and their boxes, controls, popups, scroll width) after Leaflet and the page script
have run, and writes what it saw as JSON into the DOM that --dump-dom returns.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

import pytest
from test_export import browse

from corridor_viewer.export import export
from corridor_viewer.export.compose import APPROX_NOTE
from corridor_viewer.export.legend_items import legend_entries, status_entries
from corridor_viewer.export.web import label_specs, render_html
from corridor_viewer.export.web_text import isolate, popup_html, runs
from corridor_viewer.model.export_settings import ExportSettings

TITLE = {"en": "The Zangezur corridor", "ar": "ممر زنغزور"}
SUBTITLE = {"en": "Proposed routes across Syunik, 2020–2026", "ar": "الطرق المقترحة عبر سيونيك، 2020–2026"}
# What a reader must find named on the home view, in the map's language.
MUST_LABEL = {
    "en": {"armenia": "Armenia", "azerbaijan": "Azerbaijan", "iran": "Iran", "turkey": "Turkey",
           "georgia": "Georgia", "meghri": "Meghri", "syunik": "Syunik", "nakhchivan": "Nakhchivan"},
    "ar": {"armenia": "أرمينيا", "azerbaijan": "أذربيجان", "iran": "إيران", "turkey": "تركيا", "georgia": "جورجيا",
           "meghri": "ميغري", "syunik": "سيونيك", "nakhchivan": "ناختشيفان"},
}
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def home(doc):
    return doc.map_state().with_extent(doc.home_bounds)


def settings(lang: str, **kw) -> ExportSettings:
    return ExportSettings(title=TITLE[lang], subtitle=SUBTITLE[lang], language=lang, format="html", **kw)


# -- the parts, without a browser


def test_numbers_and_latin_runs_are_isolated_in_arabic_lines():
    assert isolate("الدقيق؛ ±2 كم.", True) == "الدقيق؛ <bdi dir='ltr'>±2</bdi> كم."
    # A range keeps reading right to left (first year on the right), as Arabic readers expect.
    assert isolate("سيونيك، 2020–2026", True) == "سيونيك، <bdi dir='ltr'>2020</bdi>–<bdi dir='ltr'>2026</bdi>"
    assert isolate("في 2026-02-10 هنا", True) == "في <bdi dir='ltr'>2026-02-10</bdi> هنا"
    assert isolate("بتفاصيل 10m، هنا", True) == "بتفاصيل <bdi dir='ltr'>10m</bdi>، هنا"
    # A Latin phrase is one run, its bracket pair inside; an unclosed bracket stays outside.
    assert isolate("من Natural Earth (CC BY 4.0) هنا", True) == "من <bdi dir='ltr'>Natural Earth (CC BY 4.0)</bdi> هنا"
    assert isolate("الوحدات (admin-1) التي", True) == "الوحدات (<bdi dir='ltr'>admin-1</bdi>) التي"
    assert isolate("GeoNames (CC هنا", True) == "<bdi dir='ltr'>GeoNames</bdi> (<bdi dir='ltr'>CC</bdi> هنا"
    # In an English line the Arabic run is isolated, and the numbers inside it too.
    assert isolate("Known as ممر زنغزور (±2 كم) here", False) == (
        "Known as <bdi dir='rtl'>ممر زنغزور (<bdi dir='ltr'>±2</bdi> كم)</bdi> here")
    assert runs("طريق ترامب (2025)", True) == [("طريق ترامب (", ""), ("2025", "ltr"), (")", "")]


def test_isolation_escapes_everything():
    out = isolate("<img src=x onerror=alert(1)> & 'q' سيونيك", True)
    assert set(re.findall(r"<(/?\w+)", out)) <= {"bdi", "/bdi"}  # our isolates are the only markup
    assert re.sub(r"</?bdi[^>]*>", "", out) == html.escape("<img src=x onerror=alert(1)> & 'q' سيونيك")


def test_popups_write_dates_and_statuses_as_newsrooms_do(doc):
    tripp = doc.feature("tripp")
    ar = popup_html(None, tripp, "ar", "proposed")
    text = re.sub(r"<[^>]+>", "", ar)
    assert "مقترح" in text and "أُعلن: 8 أغسطس 2025" in text
    assert "announced" not in text and not ISO_DATE.search(html.unescape(text))
    assert "(<bdi>10 فبراير 2026</bdi>)" in ar  # a source's date, isolated inside its brackets
    en = re.sub(r"<[^>]+>", "", popup_html(None, tripp, "en", "proposed"))
    assert "Announced: 8 August 2025" in en and "10 February 2026" in en
    meghri = doc.feature("meghri")  # sources dated "not shown" print no date at all
    assert "not shown" not in popup_html(None, meghri, "en", "existing")


def test_historical_regions_are_marked_former(doc):
    state = home(doc)
    en = {s["id"]: "".join(p for p, _ in s["runs"]) for s in label_specs(state, "en")}
    ar = {s["id"]: "".join(p for p, _ in s["runs"]) for s in label_specs(state, "ar")}
    assert en["karabakh"] == "Nagorno-Karabakh (former)" and ar["karabakh"] == "ناغورنو كاراباخ (سابقًا)"
    assert en["syunik"] == "Syunik" and en["armenia"] == "Armenia"
    # The popup heading already says "former autonomous oblast": no second "(former)".
    heading = re.search(r"<h3>(.*?)</h3>", popup_html(None, doc.feature("karabakh"), "en", "historical")).group(1)
    assert re.sub(r"<[^>]+>", "", heading) == "Nagorno-Karabakh (former autonomous oblast)"


def test_labels_come_most_important_first_and_never_show_mention_counts(doc):
    state = home(doc).with_(badges=MappingProxyType({"syunik": 7, "armenia": 3}))
    specs = label_specs(state, "ar")
    def must(f):
        return f.id in state.emphasis or f.kind == "country"

    # What the map is about (the story's places, the countries) first, then by label priority.
    order = [(0 if must(doc.feature(s["id"])) else 1, doc.feature(s["id"]).priority) for s in specs]
    assert order == sorted(order)
    assert [s["id"] for s in specs][:3] != [] and must(doc.feature(specs[0]["id"]))
    texts = {s["id"]: "".join(p for p, _ in s["runs"]) for s in specs}
    assert texts["syunik"] == "سيونيك" and texts["armenia"] == "أرمينيا"  # no "(7)"
    assert all(s["dir"] == "rtl" for s in specs if s["id"] in MUST_LABEL["ar"])


def test_labels_only_for_layers_on_the_map(doc):
    state = home(doc).with_layers_visible({"countries", "routes", "places"})
    ids = {s["id"] for s in label_specs(state, "en")}
    assert "armenia" in ids and "meghri" in ids and "syunik" not in ids
    assert '"syunik"' not in render_html(state, settings("en"))  # no hidden feature rides along


def test_legend_has_one_entry_per_symbol_and_a_status_key(doc):
    state = home(doc)
    entries = legend_entries(state, "en")
    titles = [e.title for e in entries]
    for want in ("Syunik", "Nakhchivan", "Nagorno-Karabakh (former)", "Zangezur corridor (Baku/Ankara)",
                 "TRIPP (2025)", "City", "Village", "Military base"):
        assert want in titles, want
    assert "Regions" not in titles  # the three fills are named, not lumped
    fills = {e.title: e.style.fill for e in entries if e.geometry == "polygon"}
    assert len({fills["Syunik"], fills["Nakhchivan"], fills["Nagorno-Karabakh (former)"]}) == 3
    shapes = {e.title: e.style.marker.shape for e in entries if e.geometry == "point"}
    assert shapes["City"] == "circle" and shapes["Military base"] == "diamond"
    assert "Border crossing" not in shapes  # Upper Lars, the only one, is north of the home view: no key for it
    wide = doc.map_state().with_extent(doc.data_bounds)
    assert {e.title: e for e in legend_entries(wide, "en")}["Border crossing"].style.marker.shape == "square"
    assert len(titles) == len(set(titles))
    status = status_entries(state, "en")
    assert [e.status for e in status] == ["proposed", "under-construction", "historical"]
    assert len({e.style.dash for e in status}) == 3
    ar = [e.title for e in legend_entries(state, "ar")]
    assert "سيونيك" in ar and "ناغورنو كاراباخ (سابقًا)" in ar and "مدينة" in ar
    assert next(e.title for e in status_entries(state, "ar")) == "مقترح"


def test_without_a_title_the_header_keeps_a_hidden_heading(doc):
    page = render_html(home(doc), ExportSettings(language="ar", format="html"))
    assert "<header class='cv-head cv-bare'><h1 class='cv-untitled'>الخريطة</h1></header>" in page


def test_page_has_no_external_resource_and_one_file(doc, tmp_path):
    out = tmp_path / "m.html"
    summary = export("html", home(doc), settings("ar"), out)
    raw = out.read_text(encoding="utf-8")
    assert "works offline" in summary
    assert not re.search(r"""<(?:script|img|iframe|link)[^>]+(?:src|href)\s*=|url\(\s*["']?(?:https?:)?//""", raw)
    assert "@font-face" not in raw and "@import" not in raw  # no web fonts, no fetched CSS


# -- the page in Chromium

PROBE = r"""
<script>
window.addEventListener('load', function () { setTimeout(async function () {
  const wait = ms => new Promise(r => setTimeout(r, ms));
  const map = Object.values(window).find(v => v instanceof L.Map);
  const box = el => { const b = el.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
  const corner = sel => {
    const el = document.querySelector(sel); if (!el) return null;
    const c = el.closest('.leaflet-top, .leaflet-bottom');
    return (c.classList.contains('leaflet-top') ? 'top' : 'bottom')
      + (c.classList.contains('leaflet-left') ? 'left' : 'right');
  };
  const labels = () => [...document.querySelectorAll('.cv-label')]
    .filter(el => el.isConnected && !el.classList.contains('cv-off'))
    .map(el => ({id: el.dataset.fid, text: el.textContent, lang: el.lang, dir: el.dir, box: box(el)}));
  const signBeforeDigit = root => {  // is "±" drawn to the left of the digit after it?
    const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT); let n;
    while ((n = w.nextNode())) {
      const i = n.data.indexOf('±');
      if (i >= 0 && i + 1 < n.data.length) {
        const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1); const a = r.getBoundingClientRect().x;
        r.setStart(n, i + 1); r.setEnd(n, i + 2); return a < r.getBoundingClientRect().x;
      }
    }
    return null;
  };
  const covered = sel => {  // is anything drawn over the middle of this element?
    const el = document.querySelector(sel); el.scrollIntoView({block: 'nearest'});
    const b = box(el), hit = document.elementFromPoint((b[0] + b[2]) / 2, (b[1] + b[3]) / 2);
    window.scrollTo(0, 0);
    return !hit || !el.contains(hit) && hit !== el;
  };
  const legend = document.getElementById('cv-legend');
  const out = {
    innerWidth: innerWidth, scrollWidth: document.documentElement.scrollWidth,
    title: document.querySelector('.cv-head h1').textContent,
    subtitle: (document.querySelector('.cv-head .cv-sub') || {}).textContent,
    legendOpen: legend.open,
    legend: [...legend.querySelectorAll('li')].map(li => ({text: li.textContent, status: li.dataset.status || null})),
    foot: document.querySelector('.cv-foot').textContent,
    footCovered: covered('.cv-credit'),
    mapBox: box(map.getContainer()), labels: labels(),
    controls: {zoom: corner('.leaflet-control-zoom'), layers: corner('.leaflet-control-layers'),
               scale: corner('.leaflet-control-scale'),
               attribution: !!document.querySelector('.leaflet-control-attribution')},
    layersExpanded: !!document.querySelector('.leaflet-control-layers-expanded'),
    scale: document.querySelector('.leaflet-control-scale-line').textContent,
    injected: document.querySelectorAll('img[src="x"]').length, popups: {},
    allLabels: [...document.querySelectorAll('.cv-label')].map(el => [el.dataset.fid, el.textContent])
  };
  legend.open = true; await wait(200);
  out.scrollWidthLegendOpen = document.documentElement.scrollWidth;
  legend.open = out.legendOpen; await wait(100);
  for (const id of ['zangezur-meghri', 'tripp']) {
    map.eachLayer(l => { if (l.feature && l.feature.properties.id === id) l.openPopup(); });
    await wait(100);
    const c = [...document.querySelectorAll('.leaflet-popup-content')].pop();  // a closed one fades out
    out.popups[id] = c ? {text: c.textContent, html: c.innerHTML, signLeft: signBeforeDigit(c),
                          scrollWidth: document.documentElement.scrollWidth} : null;
    map.closePopup(); await wait(300);
  }
  // Untick a layer in the layer control, as a reader would: its labels go with it.
  const item = [...document.querySelectorAll('.leaflet-control-layers-overlays label')]
    .find(l => l.textContent.trim() === PROBE_LAYER);
  if (item) { item.querySelector('input').click(); }
  await wait(300);
  out.untickedFound = !!item; out.labelsAfterUntick = labels().map(l => l.id);
  parent.postMessage(JSON.stringify(out), '*');
}, 200); });
</script>
"""
# The page runs in an iframe of the exact size: headless Chromium will not make a window narrower than 500 px.
FRAME = """<!DOCTYPE html><html><body style="margin:0">
<iframe src="PAGE" style="border:0;width:WIDTHpx;height:HEIGHTpx"></iframe>
<script>window.addEventListener('message', function (e) {
  var pre = document.createElement('pre');
  pre.id = 'cv-probe'; pre.textContent = e.data; document.body.appendChild(pre);
});</script></body></html>"""


def probe(page: Path, tmp_path: Path, window: str, untick: str) -> dict:
    """Run PROBE on a copy of the page in a window of the given size; also asserts no network request."""
    raw = page.read_text(encoding="utf-8")
    name = f"{page.stem}-{window.replace(',', 'x')}"
    copy = tmp_path / f"probe-{name}.html"
    script = PROBE.replace("PROBE_LAYER", json.dumps(untick))
    copy.write_text(raw.replace("</body>", script + "</body>"), encoding="utf-8")
    width, height = window.split(",")
    frame = tmp_path / f"frame-{name}.html"
    frame.write_text(FRAME.replace("PAGE", copy.name).replace("WIDTH", width).replace("HEIGHT", height),
                     encoding="utf-8")
    run = tmp_path / f"run-{name}"
    run.mkdir()
    dom, tried = browse(frame, run, window=f"{int(width) + 100},{int(height) + 200}")
    assert tried == set()
    m = re.search(r'<pre id="cv-probe">(.*?)</pre>', dom, re.S)
    assert m, "the probe did not finish: " + dom[-2000:]
    return json.loads(html.unescape(m.group(1)))


def _overlap(a, b) -> bool:
    return a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1


@pytest.fixture(scope="module")
def pages(doc_factory, tmp_path_factory):
    """The home view exported in both languages, read back at desktop and phone widths."""
    doc = doc_factory()
    tmp = tmp_path_factory.mktemp("web")
    out = {}
    for lang in ("en", "ar"):
        page = tmp / f"map_{lang}.html"
        export("html", home(doc), settings(lang), page)
        layer = doc.layer("regions").title_for(lang)
        out[lang] = {w: probe(page, tmp, w, layer) for w in ("1600,900", "360,740")}
    return out


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_page_shows_title_subtitle_legend_and_credit(pages, lang):
    p = pages[lang]["1600,900"]
    assert p["title"] == TITLE[lang] and p["subtitle"] == SUBTITLE[lang]
    assert p["legendOpen"]
    titles = [e["text"] for e in p["legend"]]
    want = {"en": ("Syunik", "Nakhchivan", "Nagorno-Karabakh (former)", "Zangezur corridor (Baku/Ankara)", "City"),
            "ar": ("سيونيك", "ناختشيفان", "ناغورنو كاراباخ (سابقًا)", "ممر زنغزور (باكو/أنقرة)", "مدينة")}[lang]
    for t in want:
        assert t in titles, t
    assert [e["status"] for e in p["legend"] if e["status"]] == ["proposed", "under-construction", "historical"]
    assert ExportSettings(language=lang).credit_text() in p["foot"] and APPROX_NOTE[lang] in p["foot"]
    assert not p["footCovered"]  # nothing (no map control) lies over the credit


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_labels_show_in_the_map_language_without_overlapping(pages, lang):
    p = pages[lang]["1600,900"]
    shown = {lab["id"]: lab for lab in p["labels"]}
    for fid, name in MUST_LABEL[lang].items():
        assert fid in shown, f"{fid} is not labelled"
        assert shown[fid]["text"] == name and shown[fid]["lang"] == lang
        assert shown[fid]["dir"] == ("rtl" if lang == "ar" else "ltr")
    labels = p["labels"]
    assert len(labels) >= 25
    m = p["mapBox"]
    for i, a in enumerate(labels):
        x0, y0, x1, y1 = a["box"]
        assert m[0] - 1 <= x0 and x1 <= m[2] + 1 and m[1] - 1 <= y0 and y1 <= m[3] + 1, a["id"]  # inside the map
        for b in labels[i + 1:]:
            assert not _overlap(a["box"], b["box"]), (a["id"], b["id"])


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_labels_follow_the_layer_control(pages, lang):
    p = pages[lang]["1600,900"]
    assert p["untickedFound"]
    assert "syunik" in {lab["id"] for lab in p["labels"]}
    after = set(p["labelsAfterUntick"])
    assert "syunik" not in after and "karabakh" not in after and "armenia" in after


def test_controls_and_scale_mirror_in_arabic(pages):
    en, ar = pages["en"]["1600,900"], pages["ar"]["1600,900"]
    assert en["controls"] == {"zoom": "topleft", "layers": "topright", "scale": "bottomleft", "attribution": False}
    assert ar["controls"] == {"zoom": "topright", "layers": "topleft", "scale": "bottomright", "attribution": False}
    assert re.fullmatch(r"\d+\u00a0(km|m)", en["scale"])
    assert re.fullmatch(r"\d+\u00a0(كم|م)", ar["scale"])  # "10 كم", never "km 10"


def test_arabic_popups_keep_mixed_runs_in_place(pages):
    meghri = pages["ar"]["1600,900"]["popups"]["zangezur-meghri"]
    assert meghri is not None
    assert "مقترح" in meghri["text"] and "أُعلن: 20 أبريل 2021" in meghri["text"]
    assert "<bdi dir=\"ltr\">±1</bdi>" in meghri["html"]  # "±1 كم" (the accuracy of the drawn line)
    assert meghri["signLeft"] is True  # "±2" as written, not "2±"
    tripp = pages["ar"]["1600,900"]["popups"]["tripp"]
    assert "8 أغسطس 2025" in tripp["text"] and not ISO_DATE.search(tripp["text"])
    assert "(<bdi>10 فبراير 2026</bdi>)" in tripp["html"]
    assert pages["en"]["1600,900"]["popups"]["zangezur-meghri"]["signLeft"] is True


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_phone_width_has_no_horizontal_scroll(pages, lang):
    p = pages[lang]["360,740"]
    assert p["innerWidth"] == 360
    assert p["scrollWidth"] <= p["innerWidth"]
    assert p["scrollWidthLegendOpen"] <= p["innerWidth"]  # the open key wraps by entries
    assert all(pp is None or pp["scrollWidth"] <= p["innerWidth"] for pp in p["popups"].values())
    assert not p["legendOpen"] and not p["layersExpanded"]  # key and layer list start folded on a phone
    assert p["title"] == TITLE[lang]
    shown = {lab["id"] for lab in p["labels"]}
    # At phone width the whole region is ~300 px across: the countries and the exclave stay named (Syunik's
    # name yields to Nakhchivan's next to it until the reader zooms in).
    assert {"armenia", "azerbaijan", "iran", "nakhchivan"} <= shown
    assert not p["footCovered"]


def test_untrusted_names_stay_text_in_labels_legend_and_controls(doc, tmp_path):
    payload = "<img src=x onerror=\"document.title='PWNED'\">"
    syunik = doc.feature("syunik")
    syunik.props["label_en"] = f"Syunik {payload}"
    layer = doc.layer("tripp")
    layer.title["en"] = f"TRIPP {payload}"
    regions = doc.layer("regions")  # a project file's style that would fetch, or close the style block
    regions.style = replace(regions.style, base=replace(regions.style.base, fill="url(http://example.invalid/x)",
                                                        stroke="red}</style><script>alert(1)</script>"))
    state = home(doc)
    assert any("".join(p for p, _ in s["runs"]).endswith(payload) for s in label_specs(state, "en"))
    page = tmp_path / "evil.html"
    export("html", state, replace(settings("en"), title=f"T {payload}"), page)
    assert "example.invalid" not in page.read_text(encoding="utf-8")
    p = probe(page, tmp_path, "1600,900", "Regions")  # (probe fails on any network request)
    assert p["injected"] == 0
    assert p["title"] == f"T {payload}"
    assert any(e["text"] == f"TRIPP {payload}" for e in p["legend"])
    assert ["syunik", f"Syunik {payload}"] in p["allLabels"]
