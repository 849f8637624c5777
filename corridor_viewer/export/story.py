"""The student story map: the whole lesson as ONE offline web page — a slide per scene (its map, caption,
passages with citations and our translations, sources), arrow keys, swipe and buttons, and the "Where is …?"
quiz. Nothing is fetched: Leaflet is inlined (as in export/web.py) and the data is embedded once.

Why Leaflet and not a picture of each scene: the same file must read on a 360 px phone and on a projector.
A picture (PNG or SVG from render.paint) scales its labels with the image — a 1920 px slide on a phone
has 3 px text — while the live map lays its labels out at the screen's own size with the collision pass
the HTML export already has (export/web_assets.py), at text sizes in CSS pixels. The geometry is embedded
once for all slides (a few hundred KB) instead of once per slide, so the file stays light.

Each slide's map is made from that scene's MapState, as the app draws it (model.scenes.scene_state): its
layers, its date (the timeline's statuses and dashes), its highlights (a halo under the feature, like
render.paint), its labels (export.web.label_specs: the selection, the scene's named places and the
countries always), its legend (export.web_legend). Text is escaped before it enters the page; the data
travels as JSON in a ``<script type="application/json">`` block with ``</`` escaped, so no text can
close it.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from pathlib import Path
from types import MappingProxyType
from typing import Any

from corridor_viewer import APP_NAME
from corridor_viewer.export.atomic import atomic_path
from corridor_viewer.export.story_assets import STORY_CSS, STORY_JS
from corridor_viewer.export.web import (
    _leaflet_assets,
    label_specs,
    leaflet_style,
    safe_color,
)
from corridor_viewer.export.web_assets import PAGE_CSS, PAGE_JS
from corridor_viewer.export.web_legend import legend_html
from corridor_viewer.export.web_text import isolate, paragraph, popup_html, unit
from corridor_viewer.model import projection
from corridor_viewer.model.dates import news_date, source_date
from corridor_viewer.model.export_settings import ExportError, ExportSettings
from corridor_viewer.model.feature import Feature
from corridor_viewer.model.mapstate import MapState
from corridor_viewer.model.quiz import Question, lonlat_geometry, questions_for
from corridor_viewer.model.quotes import OUR_TRANSLATION, Quote
from corridor_viewer.model.scenes import Scene, scene_state
from corridor_viewer.model.terms import display_name

STORY_TITLE = {"en": "The South Caucasus corridors: the story", "ar": "ممرات جنوب القوقاز: القصة"}
QUIZ_LAYERS = ("countries", "water", "regions", "places")
HALO = "#ffb000"
GENRE = {"analysis": {"en": "Analysis", "ar": "تحليل"},
         "assessment": {"en": "Assessment: the author's view", "ar": "تقدير موقف: رأي الكاتب"},
         "opinion": {"en": "Opinion", "ar": "رأي"},
         "news": {"en": "News report", "ar": "تقرير إخباري"}}

WORDS = {
    "en": {
        "scene": "Scene {i} of {n}", "counter": "{i} / {n}", "prev": "‹ Back", "next": "Next ›", "contents": "Scenes",
        "quiz": "Quiz: Where is …?", "quiz_short": "Quiz", "quiz_title": "Where is …?", "asof": "Data as of {d}",
        "map_on": "The map on {d}", "map_now": "The map as of {d}", "passages": "From the articles",
        "sources": "Sources", "original": "The Arabic original", "translation": "English translation (ours)",
        "no_translation": "No English translation yet: the Arabic original.", "about_source": "About this source",
        "hint": "Keys: ← → or PageUp / PageDown · swipe on a phone · Q: quiz",
        "quiz_hint": "Click or tap the map where you think it is. The names are hidden.",
        "right": "Right! This is {name}.", "off": "Not quite: {km} km off. This is {name}.",
        "inside": "inside it", "score": "Score: {r} of {a}", "reveal": "Show me", "next_q": "Next question",
        "again": "Start again", "back": "Back to the story", "final": "You got {r} of {n} right.",
        "question": "Question {i} of {n}", "km": "km", "map": "Map of the scene", "you": "Your answer",
        "quiz_empty": "This map has none of the quiz's places.",
    },
    "ar": {
        "scene": "المشهد {i} من {n}", "counter": "{i} من {n}", "prev": "‹ السابق", "next": "التالي ›",
        "contents": "المشاهد",
        "quiz": "اختبار: أين يقع …؟", "quiz_short": "اختبار", "quiz_title": "أين يقع …؟", "asof": "البيانات حتى {d}",
        "map_on": "الخريطة في {d}", "map_now": "الخريطة حتى {d}", "passages": "من المقالات",
        "sources": "المصادر", "original": "النص العربي الأصلي", "translation": "الترجمة الإنجليزية (ترجمتنا)",
        "no_translation": "لا ترجمة إنجليزية بعد: النص العربي الأصلي.", "about_source": "عن هذا المصدر",
        "hint": "المفاتيح: ← → أو PageUp / PageDown · اسحب على الهاتف · Q: الاختبار",
        "quiz_hint": "انقر على الخريطة أو المسها حيث تظن أنه يقع. الأسماء مخفية.",
        "right": "إجابة صحيحة! هذه {name}.", "off": "ليس تمامًا: على بعد {km} كم. هذه {name}.",
        "inside": "داخله", "score": "النتيجة: {r} من {a}", "reveal": "أرني", "next_q": "السؤال التالي",
        "again": "ابدأ من جديد", "back": "العودة إلى القصة", "final": "أجبت إجابة صحيحة عن {r} من {n}.",
        "question": "السؤال {i} من {n}", "km": "كم", "map": "خريطة المشهد", "you": "إجابتك",
        "quiz_empty": "لا تضم هذه الخريطة أيًّا من أماكن الاختبار.",
    },
}


def story_scene_state(base: MapState, scene: Scene, lang: str) -> MapState:
    """The scene's MapState as a published page shows it: the scene's named places always labelled, no
    mention counts, nothing hovered."""
    st = scene_state(base, scene).with_(language=lang, hover=None, badges=MappingProxyType({}))
    if scene.labels:
        st = st.with_(emphasis=st.emphasis | frozenset(f for f in scene.labels if f in st.features))
    return st


def _round(coords: Any) -> Any:
    if isinstance(coords, (int, float)):
        return round(float(coords), 5)
    return [_round(c) for c in coords]


class _Tables:
    """What the page holds once for every slide: geometry, styles, markers, labels, names, popups."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.feats: dict[str, dict] = {}
        self._index: dict[str, dict[str, int]] = {"styles": {}, "markers": {}, "labels": {}, "strs": {}}
        self.tables: dict[str, list] = {"styles": [], "markers": [], "labels": [], "strs": []}

    def put(self, table: str, value: Any) -> int:
        key = json.dumps(value, sort_keys=True, ensure_ascii=False)
        idx = self._index[table].get(key)
        if idx is None:
            idx = self._index[table][key] = len(self.tables[table])
            self.tables[table].append(value)
        return idx

    def geometry(self, f: Feature) -> None:
        if f.id not in self.feats:
            g = lonlat_geometry(f)
            self.feats[f.id] = {"type": g["type"], "coordinates": _round(g["coordinates"])}


def _marker(style) -> dict | None:
    m = style.marker
    if m is None:
        return None
    return {"shape": m.shape, "size": m.size, "fill": safe_color(m.fill), "stroke": safe_color(m.stroke, "#ffffff"),
            "sw": m.stroke_width}


def _draw(state: MapState, t: _Tables, *, popups: bool) -> list:
    """[[layer id, [[feature id, style, marker, popup, name], …]], …] for the state's visible layers, bottom up."""
    out = []
    for lv in state.layers:
        if not lv.visible:
            continue
        items = []
        for f in lv.drawn_features():
            status = state.status_of(f)
            if status is None:
                continue  # not yet announced or built on the scene's date
            t.geometry(f)
            st = lv.style.for_feature(f.id, f.kind, status)
            marker = _marker(st) if f.geometry.kind == "point" else None
            items.append([f.id, t.put("styles", leaflet_style(st, f.geometry.kind, lv.opacity)),
                          t.put("markers", marker) if marker else -1,
                          t.put("strs", popup_html(None, f, t.lang, status)) if popups else -1,
                          t.put("strs", unit(display_name(f, t.lang, status)))])
        if items:
            out.append([lv.id, items])
    return out


def _halos(state: MapState, t: _Tables) -> list:
    """The highlight of each selected feature as render.paint draws it — a halo over the map, then the feature
    again in its own colours and dash on top: [feature id, halo width px, geometry kind, style, marker]."""
    out = []
    for fid in state.selection:
        f = state.feature(fid)
        lv = state.layer_of(f) if f is not None else None
        if lv is None or not lv.visible:
            continue
        feats = [f] + ([s for s in lv.features if s.part_of == f.id] if lv.style.umbrella_hidden else [])
        for item in feats:
            status = state.status_of(item)
            if status is None:
                continue
            if item.geometry.kind == "polygon" and item is not f and any(s.part_of == item.id for s in lv.features):
                continue
            st = lv.style.for_feature(item.id, item.kind, status)
            t.geometry(item)
            kind = item.geometry.kind
            if kind == "point":
                width = (st.marker.size / 2 + 5) if st.marker else 8.0
            elif kind == "line":
                width = (st.line_width or st.width) + 9
            else:
                width = 7.0
            marker = _marker(st) if kind == "point" else None
            out.append([item.id, round(width, 1), kind, leaflet_style(st, kind, lv.opacity), marker])
    return out


def _annotations(state: MapState, lang: str) -> list:
    """The scene's annotations as the HTML export draws them (export/web_annotations.py, from the annotations
    work of issue 14; its page script draws ``cfg.annotations``). None in a build without it."""
    if not state.annotations:
        return []
    try:
        from corridor_viewer.export.web_annotations import annotation_specs
    except ImportError:
        return []
    return annotation_specs(state, lang, safe_color)


def _bounds_lonlat(w: float, s: float, e: float, n: float) -> list[list[float]]:
    return [[round(s, 5), round(w, 5)], [round(n, 5), round(e, 5)]]


def _date_line(scene: Scene, state: MapState, lang: str, digits: str) -> str:
    w = WORDS[lang]
    try:
        if scene.date:
            return w["map_on"].format(d=news_date(scene.date, lang, digits))
        if state.data_as_of:
            return w["map_now"].format(d=news_date(state.data_as_of, lang, digits))
    except ValueError:
        pass
    return ""


def _quote_block(q: Quote, lang: str, editorial: dict) -> str:
    """One passage: the text in the page's language (our translation on English pages), its citation with the
    kind of piece labelled, the other language behind a disclosure, and our note on the source."""
    w = WORDS[lang]
    e = html.escape
    note = editorial.get(q.article_id) or {}
    genre = note.get("genre", "")
    parts = ["<figure class='cv-quote'>"]
    original = f"«{q.text}»"
    english = f"“{q.translation}”" if q.translation else ""
    if lang == "en" and english:
        main, other, other_title, other_lang = english, original, w["original"], "ar"
    else:
        main, other, other_title, other_lang = original, english, w["translation"], "en"
    main_lang = "en" if main is english and english else "ar"
    parts.append(f"<blockquote lang='{main_lang}'>{paragraph('p', main)}</blockquote>")
    if lang == "en" and not english:
        parts.append(f"<p class='cv-nontr'>{e(w['no_translation'])}</p>")
    # The kind of piece leads, as a label of its own ("Analysis, Dec 2023"); the citation goes on from there.
    label = note.get(f"label_{lang}") or GENRE.get(genre, {}).get(lang, "")
    citation = q.citation
    for sep in ("، ", ", "):
        if label and citation.startswith(label + sep):
            citation = citation[len(label) + len(sep):]
    badge = label
    cite = isolate(citation, lang == "ar")
    kind = f"cv-genre cv-g-{e(genre)}" if genre else "cv-genre"
    parts.append("<figcaption>" + (f"<span class='{kind}'>{e(badge)}</span> " if badge else "")
                 + f"<cite>{cite}</cite></figcaption>")
    if other:
        parts.append(f"<details class='cv-other'><summary>{e(other_title)}</summary>"
                     f"<blockquote lang='{other_lang}'>{paragraph('p', other)}</blockquote>"
                     + (f"<p class='cv-ours'>({e(OUR_TRANSLATION['en'])})</p>" if other_lang == "en" else "")
                     + "</details>")
    stance = note.get(f"stance_note_{lang}") or note.get("stance_note_en")
    if stance:
        parts.append(f"<details class='cv-about'><summary>{e(w['about_source'])}</summary>"
                     f"{paragraph('p', stance)}</details>")
    parts.append("</figure>")
    return "".join(parts)


def _safe_url(url: str) -> str | None:
    import re

    return url if re.match(r"^https?://[^\s\"'<>]+$", url or "") else None


def _sources(scene: Scene, lang: str, digits: str) -> str:
    items = []
    e = html.escape
    for s in scene.sources:
        title = str(s.get("title", "")).strip()
        publisher = str(s.get("publisher", "")).strip()
        when = source_date(str(s.get("date", "")), lang, digits)
        url = _safe_url(str(s.get("url", "")))
        label = unit(title)
        if url:
            label = f"<a href='{e(url)}' target='_blank' rel='noopener noreferrer'>{label}</a>"
        d = "rtl" if any("\u0600" <= ch <= "\u06ff" for ch in title) else "ltr"
        items.append(f"<li dir='{d}'>" + (f"{unit(publisher)}, " if publisher else "")
                     + (f"<bdi>{e(when)}</bdi>: " if when else "") + label + "</li>")
    if not items:
        return ""
    return f"<section class='cv-sources'><h3>{e(WORDS[lang]['sources'])}</h3><ul>{''.join(items)}</ul></section>"


def _slide(i: int, n: int, scene: Scene, state: MapState, quotes: list[Quote], lang: str, digits: str,
           editorial: dict) -> str:
    w = WORDS[lang]
    e = html.escape
    rtl = lang == "ar"
    parts = [f"<section class='cv-slide' id='scene-{e(scene.id)}' data-scene='{e(scene.id)}' data-i='{i}'"
             f" aria-labelledby='h-{e(scene.id)}'" + (" hidden" if i else "") + ">",
             f"<p class='cv-count'>{e(w['scene'].format(i=i + 1, n=n))}</p>",
             f"<h2 id='h-{e(scene.id)}'>{isolate(scene.title_for(lang), rtl)}</h2>"]
    when = _date_line(scene, state, lang, digits)
    if when:
        parts.append(f"<p class='cv-date'>{isolate(when, rtl)}</p>")
    caption = scene.caption_for(lang)
    if caption:
        parts.append(f"<p class='cv-caption'>{isolate(caption, rtl)}</p>")
    if quotes:
        parts.append(f"<section class='cv-passages'><h3>{e(w['passages'])}</h3>"
                     + "".join(_quote_block(q, lang, editorial) for q in quotes) + "</section>")
    legend = legend_html(state, lang).replace(" id='cv-legend'", "")  # open; the page closes it on phones
    if legend:
        parts.append(legend)
    parts.append(_sources(scene, lang, digits))
    parts.append("</section>")
    return "".join(parts)


def _quiz_data(base: MapState, questions: Iterable[Question], t: _Tables, lang: str) -> dict:
    qs = questions_for(questions, base.features)
    if not qs:
        return {"questions": []}
    lids = {lv.id for lv in base.layers} & set(QUIZ_LAYERS)
    st = base.with_layers_visible(frozenset(lids)).with_(date=None, selection=(), dim_except=None, language=lang)
    items = []
    lon0 = lat0 = 1e9
    lon1 = lat1 = -1e9
    for q in qs:
        f = base.features[q.feature_id]
        t.geometry(f)
        x0, y0, x1, y1 = f.geometry.bounds
        for x, y in ((x0, y0), (x0, y1), (x1, y0), (x1, y1)):
            lon, lat = projection.inverse(x, y)
            lon0, lat0, lon1, lat1 = min(lon0, lon), min(lat0, lat), max(lon1, lon), max(lat1, lat)
        lv = base.layer_of(f)
        halo_style = leaflet_style(lv.style.for_feature(f.id, f.kind, f.status), f.geometry.kind, 1.0) if lv else {}
        items.append({"id": q.id, "fid": q.feature_id, "prompt": q.prompt_for(lang), "note": q.note_for(lang),
                      "tol": q.tolerance_km, "name": display_name(f, lang, f.status), "kind": f.geometry.kind,
                      "style": halo_style})
    mx, my = (lon1 - lon0) * 0.08, (lat1 - lat0) * 0.08
    return {"questions": items, "draw": _draw(st, t, popups=False),
            "bounds": _bounds_lonlat(lon0 - mx, lat0 - my, lon1 + mx, lat1 + my)}


def render_story(base: MapState, scenes: list[Scene], settings: ExportSettings, links=None,
                 questions: Iterable[Question] = ()) -> str:
    """The whole story as one HTML page in the settings' language (``base``: the main map's state)."""
    from corridor_viewer.export.handout import scene_quotes
    from corridor_viewer.io import editorial as editorial_io

    if not scenes:
        raise ExportError("there are no scenes to put in a story page")
    lang = settings.language
    rtl = lang == "ar"
    digits = settings.digits
    w = WORDS[lang]
    e = html.escape
    t = _Tables(lang)
    editorial = editorial_io.editorial()
    slides, data_scenes = [], []
    for i, scene in enumerate(scenes):
        st = story_scene_state(base, scene, lang)
        quotes = scene_quotes(links, scene, lang, digits)
        slides.append(_slide(i, len(scenes), scene, st, quotes, lang, digits, editorial))
        data_scenes.append({
            "id": scene.id, "bounds": _bounds_lonlat(*scene.view), "draw": _draw(st, t, popups=True),
            "halo": _halos(st, t), "labels": [t.put("labels", spec) for spec in label_specs(st, lang)],
            "notes": _annotations(st, lang),
        })
    quiz = _quiz_data(base, questions, t, lang)
    asof = ""
    if base.data_as_of:
        try:
            asof = w["asof"].format(d=news_date(base.data_as_of, lang, digits))
        except ValueError:
            asof = ""
    layer_names = {lv.id: lv.title_for(lang) for lv in base.layers}
    data = {"lang": lang, "rtl": rtl, "scenes": data_scenes, "feats": t.feats, **t.tables, "quiz": quiz,
            "layers": {k: unit(v) for k, v in layer_names.items()},
            "words": {k: w[k] for k in ("right", "off", "score", "final", "question", "km", "you", "next_q",
                                         "again", "scene", "counter")},
            "map_words": {"zoom_in": "Zoom in" if lang == "en" else "تكبير",
                          "zoom_out": "Zoom out" if lang == "en" else "تصغير",
                          "layers": "Layers" if lang == "en" else "الطبقات", "km": w["km"],
                          "m": "m" if lang == "en" else "م"}}
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    payload = payload.replace("</", "<\\/").replace("<!--", "<\\!--")
    title = settings.title.strip() or STORY_TITLE[lang]
    credit = settings.credit_text(base.data_as_of)
    from corridor_viewer.export.compose import APPROX_NOTE

    toc = "".join(f"<option value='{i}'>{i + 1}. {e(s.title_for(lang))}</option>" for i, s in enumerate(scenes))
    js, css = _leaflet_assets()
    asof_html = f"<p class='cv-asof'>{isolate(asof, rtl)}</p>" if asof else ""
    quiz_button = (f"<button type='button' id='cv-quiz-btn' class='cv-btn cv-quizb'><span class='cv-long'>"
                   f"{e(w['quiz'])}</span><span class='cv-short'>{e(w['quiz_short'])}</span></button>"
                   if quiz["questions"] else "")
    page = f"""<!DOCTYPE html>
<html lang='{lang}' dir='{'rtl' if rtl else 'ltr'}'>
<head>
<meta charset='utf-8'>
<meta name='viewport' content='width=device-width, initial-scale=1'>
<meta http-equiv='x-dns-prefetch-control' content='off'>
<meta name='generator' content='{e(APP_NAME)}'>
<title>{e(title)}</title>
<style>{css}</style><style>{PAGE_CSS}</style><style>{STORY_CSS}</style>
<style>.cv-map,.leaflet-container{{background:{safe_color(base.background, '#eef1ec')}}}</style>
</head>
<body>
<header class='cv-top'><h1>{isolate(title, rtl)}</h1>{asof_html}</header>
<main class='cv-map' id='cv-map' aria-label='{e(w['map'])}'></main>
<div class='cv-panel' id='cv-panel' tabindex='-1'>
{''.join(slides)}
<section class='cv-quiz' id='cv-quiz' hidden aria-live='polite'>
<p class='cv-count' id='cv-q-count'></p>
<h2>{e(w['quiz_title'])}</h2>
<p class='cv-prompt' id='cv-q-prompt'></p>
<p class='cv-qhint'>{e(w['quiz_hint'])}</p>
<p class='cv-result' id='cv-q-result'></p>
<p class='cv-note' id='cv-q-note'></p>
<p class='cv-score' id='cv-q-score'></p>
<p class='cv-qbtns'><button type='button' class='cv-btn' id='cv-q-reveal'>{e(w['reveal'])}</button>
<button type='button' class='cv-btn cv-primary' id='cv-q-next'>{e(w['next_q'])}</button>
<button type='button' class='cv-btn' id='cv-q-back'>{e(w['back'])}</button></p>
</section>
<footer class='cv-foot'><p class='cv-note'>{isolate(APPROX_NOTE[lang], rtl)}</p>
<p class='cv-credit'>{isolate(credit, rtl)}</p>
<p class='cv-hint'>{e(w['hint'])}</p></footer>
</div>
<nav class='cv-nav' aria-label='{e(w['contents'])}'>
<button type='button' id='cv-prev' class='cv-btn'>{e(w['prev'])}</button>
<select id='cv-toc' aria-label='{e(w['contents'])}'>{toc}</select>
<span id='cv-counter' class='cv-counter'>{e(w['counter'].format(i=1, n=len(scenes)))}</span>
<button type='button' id='cv-next' class='cv-btn cv-primary'>{e(w['next'])}</button>
{quiz_button}
</nav>
<script type='application/json' id='cv-data'>{payload}</script>
<script>{js}</script><script>{PAGE_JS}</script><script>{STORY_JS}</script>
</body>
</html>
"""
    _check_offline(page)
    return page


def _check_offline(text: str) -> None:
    import re

    external = re.findall(r"""<(?:script|img|iframe|audio|video|source|embed|object)[^>]+(?:src|data)\s*=\s*["']?"""
                          r"""(?:https?:)?//|<link[^>]+href\s*=|url\(\s*["']?(?:https?:)?//|@import""", text)
    if external:
        raise RuntimeError("the story page would load an external resource")  # guarded by tests


def export_story(base: MapState, scenes: list[Scene], path: Path, settings: ExportSettings, links=None,
                 questions: Iterable[Question] = ()) -> str:
    text = render_story(base, scenes, settings, links, questions)
    with atomic_path(Path(path)) as tmp:
        tmp.write_text(text, encoding="utf-8")
    n_quiz = len(questions_for(questions, base.features))
    return (f"one offline HTML page ({len(text.encode()) // 1024} KB): {len(scenes)} scenes"
            + (f", a {n_quiz}-question quiz" if n_quiz else ""))
