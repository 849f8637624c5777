"""Issue 15, the content half: the story, its quotes and translations, the timeline, the control layer,
the quiz and the worksheet, checked mechanically against the built geodata and the articles."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter
from functools import cache

import pytest

from corridor_viewer.io.articles import load_corpus
from corridor_viewer.model.timeline import TIMELINE_START, normalise_date, state_at
from corridor_viewer.resources import geodata_dir, resource

LIFECYCLE = ("announced", "signed", "started", "opened", "closed")
CONTROL = "control"
# Countries and the capitals that stand for their governments ("Baku says…") are named in nearly every
# caption as actors, not as places to look at; every other feature a caption names must be marked.
ACTORS = {"armenia", "azerbaijan", "iran", "turkey", "georgia", "russia", "baku", "yerevan"}
MONTHS = {m: i for i, m in enumerate(("January", "February", "March", "April", "May", "June", "July", "August",
                                      "September", "October", "November", "December"), 1)}
ISO = re.compile(r"\d{4}-\d{2}(-\d{2})?")


def _json(*parts):
    return json.loads(resource(*parts).read_text(encoding="utf-8"))


@cache
def story() -> dict:
    return _json("scenes", "story.json")


@cache
def features() -> dict[str, dict]:
    gd = geodata_dir()
    manifest = json.loads((gd / "layers.json").read_text(encoding="utf-8"))
    out = {}
    for layer in manifest["layers"]:
        for f in json.loads((gd / layer["file"]).read_text(encoding="utf-8"))["features"]:
            out[f["properties"]["id"]] = f["properties"]
    return out


@cache
def corpus():
    return load_corpus()


@cache
def timeline() -> dict:
    return json.loads((geodata_dir() / "src" / "timeline.json").read_text(encoding="utf-8"))


def scenes() -> list[dict]:
    return story()["scenes"]


def marked(scene) -> list[str]:
    return list(scene["highlight"]) + list(scene.get("labels", []))


def control_active(props: dict, date: str | None) -> bool:
    """The control layer's documented semantics (geodata/control.py): from <= date < to; no date = today."""
    d = props["dates"]
    if date is None:
        return "to" not in d
    return normalise_date(d["from"]) <= date and ("to" not in d or date < normalise_date(d["to"]))


def drawn(fid: str, date: str | None) -> bool:
    p = features()[fid]
    if p["layer"] == CONTROL:
        return control_active(p, date)
    return state_at(p, p["status"], date) is not None


def day_before(iso: str) -> str:
    return (dt.date.fromisoformat(normalise_date(iso)) - dt.timedelta(days=1)).isoformat()


# -- features the story refers to


def test_every_referenced_feature_exists_in_the_built_geodata():
    fids = set(features())
    for s in scenes():
        assert set(marked(s)) <= fids, s["id"]
    for q in _json("scenes", "quiz.json")["questions"]:
        assert q["feature_id"] in fids, q["id"]
    for m in _json("scenes", "worksheet.json")["markers"]:
        assert m["feature_id"] in fids, m


def test_marked_features_are_on_visible_layers_and_drawn_on_the_scene_date():
    for s in scenes():
        date = normalise_date(s["date"]) if s.get("date") else None
        for fid in marked(s):
            assert features()[fid]["layer"] in s["layers"], (s["id"], fid)
            assert drawn(fid, date), (s["id"], fid, date)
        assert not (set(s["highlight"]) & set(s.get("labels", []))), s["id"]


def _terms() -> list[tuple[str, str]]:
    out = []
    for fid, p in features().items():
        if fid in ACTORS:
            continue
        for term in {p["name_en"], *p["aliases_en"]}:
            if len(term) >= 3:
                out.append((term, fid))
    return sorted(out, key=lambda t: -len(t[0]))


def named_features(text: str) -> dict[str, set[str]]:
    """Alias -> feature ids it may mean, for every alias in ``text``; a longer alias hides the shorter ones
    inside it ("Aras corridor" is not also "Aras")."""
    taken = [False] * len(text)
    found: dict[str, set[str]] = {}
    for term, fid in _terms():
        for m in re.finditer(rf"(?<!\w){re.escape(term)}(?!\w)", text, flags=re.IGNORECASE):
            span = range(m.start(), m.end())
            if any(taken[i] for i in span) and m.group(0).lower() not in found:
                continue
            found.setdefault(m.group(0).lower(), set()).add(fid)
            for i in span:
                taken[i] = True
    return found


def test_every_place_a_caption_names_is_highlighted_or_labelled():
    for s in scenes():
        marks = set(marked(s))
        for term, fids in named_features(s["caption"]["en"]).items():
            assert fids & marks, (s["id"], term, sorted(fids))


def test_nothing_is_marked_that_the_caption_does_not_name_in_both_languages():
    for s in scenes():
        en, ar = s["caption"]["en"], s["caption"]["ar"]
        named = set().union(*named_features(en).values()) if named_features(en) else set()
        for fid in marked(s):
            p = features()[fid]
            if p["layer"] == CONTROL:
                continue  # dated states: the date picks them; checked by test_marked_features_are_…
            assert fid in named, (s["id"], fid, "not named in the English caption")
            assert any(t in ar for t in {p["name_ar"], *p["aliases_ar"]}), (s["id"], fid, "not named in Arabic")


# -- quotes, translations, balance


def test_every_pinned_passage_exists_and_has_our_translation():
    tr = _json("articles", "translations.json")
    assert tr["format"] == "corridor-viewer-translations" and "our translation" in tr["about"]
    by_key = {(t["article_id"], t["passage_index"]): t for t in tr["passages"]}
    for s in scenes():
        assert s["passages"] or s["id"] in {"syunik-meghri"}, s["id"]
        for aid, idx in s["passages"]:
            art = corpus().get(aid)
            assert art is not None and 0 <= idx < len(art.passages), (s["id"], aid, idx)
            assert (aid, idx) in by_key, (s["id"], aid, idx, "no translation")
    for t in tr["passages"]:
        p = corpus().get(t["article_id"]).passages[t["passage_index"]]
        assert (t["start"], t["end"]) == (p.start, p.end), t["article_id"]
        assert t["sha1"] == hashlib.sha1(p.text.encode("utf-8")).hexdigest(), (t["article_id"], t["passage_index"])
        assert t["en"].strip() and not re.search("[\u0600-\u06ff]", t["en"]), (t["article_id"], t["passage_index"])
        # a translation, not a summary: English runs at least ~60% of the Arabic word count
        assert len(t["en"].split()) >= 0.6 * len(p.text.split()), (t["article_id"], t["passage_index"])


def test_the_short_articles_are_translated_in_full():
    have = {(t["article_id"], t["passage_index"]) for t in _json("articles", "translations.json")["passages"]}
    for aid in ("002_9e4831de573c77a9", "003_29a832587050bdde", "004_a829bda5922cfc30"):
        assert {(aid, i) for i in range(len(corpus().get(aid).passages))} <= have, aid


def test_quotes_are_balanced_across_the_articles():
    pinned = Counter(aid for s in scenes() for aid, _ in s["passages"])
    total = sum(pinned.values())
    assert len(pinned) >= 4, pinned
    assert max(pinned.values()) * 3 <= total, pinned
    assert len({(a, i) for s in scenes() for a, i in s["passages"]}) == total, "a passage is pinned twice"


def test_every_article_has_a_genre_and_a_stance_note():
    notes = {n["id"]: n for n in _json("articles", "editorial.json")["articles"]}
    kinds = {"analysis": "analysis", "news report": "news", "situation assessment": "assessment"}
    catalog = {a["id"]: a for a in _json("articles", "catalog.json")["articles"]}
    assert set(notes) == set(catalog)
    for aid, n in notes.items():
        assert n["genre"] == kinds[catalog[aid]["kind"]], aid
        assert n["stance_note_en"].strip() and re.search("[\u0600-\u06ff]", n["stance_note_ar"]), aid


# -- sources and dates


def _date_mentions(text: str) -> list[str]:
    """'27 September 2020' / 'October 2022' in English text, as ISO (a month as its last day), skipping
    dates announced for the future ('from 1 January 2024', 'until …')."""
    out = []
    months = "|".join(MONTHS)
    text = re.sub(rf"\b(?:from|until) (?:\d{{1,2}} )?(?:{months}) \d{{4}}", "", text)
    for m in re.finditer(rf"(?:(\d{{1,2}}) )?({months}) (\d{{4}})", text):
        y, mo = int(m.group(3)), MONTHS[m.group(2)]
        if m.group(1):
            out.append(dt.date(y, mo, int(m.group(1))).isoformat())
        else:
            nxt = dt.date(y + mo // 12, mo % 12 + 1, 1)
            out.append((nxt - dt.timedelta(days=1)).isoformat())
    return out


def test_scenes_cite_dated_sources():
    for s in scenes():
        assert s.get("sources"), s["id"]
        for src in s["sources"]:
            assert src["title"] and src["publisher"] and src["date"], (s["id"], src)
            assert src["url"].startswith(("http://", "https://")), (s["id"], src)


def test_no_caption_reports_an_event_after_the_scene_date():
    for s in scenes():
        if not s.get("date"):
            continue
        date = normalise_date(s["date"])
        for mention in _date_mentions(s["caption"]["en"]):
            assert mention[:7] <= date[:7], (s["id"], mention, date)


def test_data_as_of_is_the_newest_source_month():
    as_of = timeline()["data_as_of"]
    assert re.fullmatch(r"\d{4}-\d{2}", as_of)
    dates = [src["date"] for s in scenes() for src in s["sources"]]
    dates += [src["date"] for f in timeline()["features"].values() for src in f["sources"]]
    dates += [s["date"] for s in scenes() if s.get("date")]
    iso = [d[:7] for d in dates if ISO.match(d)]
    assert max(iso) == as_of


def test_captions_fit_a_projector_band():
    for s in scenes():
        for lang in ("en", "ar"):
            assert len(s["caption"][lang].split()) <= 65, (s["id"], lang)


# -- the timeline


def test_timeline_dates_reach_the_built_features():
    for fid, entry in timeline()["features"].items():
        assert features()[fid]["dates"] == entry["dates"], fid
        assert entry["sources"] and entry["note_en"] and re.search("[\u0600-\u06ff]", entry["note_ar"]), fid


def test_no_timeline_feature_is_drawn_before_its_first_date():
    for fid, entry in timeline()["features"].items():
        p = features()[fid]
        firsts = [normalise_date(v) for k, v in entry["dates"].items() if k in LIFECYCLE]
        if not firsts:
            assert state_at(p, p["status"], TIMELINE_START) is not None, fid  # exists throughout
            continue
        first = min(firsts)
        assert state_at(p, p["status"], day_before(first)) is None, fid
        assert state_at(p, p["status"], first) is not None, fid


@pytest.mark.parametrize("layer", ["zangezur", "aras-corridor", "tripp", "crossroads", "soviet-railway"])
def test_every_route_has_dates(layer):
    # Undated routes show at every date (the corridor appeared on 2020-01-01); only crossings that have
    # existed throughout may go without a lifecycle date.
    always = {"crossing-bagratashen-sadakhlo", "crossing-agarak-norduz"}
    for fid, p in features().items():
        if p["layer"] == layer and fid not in always:
            assert any(k in p["dates"] for k in LIFECYCLE), fid


def test_the_2020_corridor_and_railways_are_absent_at_the_timeline_start():
    for fid in ("zangezur-corridor", "zangezur-meghri", "zangezur-nakhchivan", "aras-corridor-iran", "tripp",
                "crossroads-of-peace"):
        assert not drawn(fid, TIMELINE_START), fid
    # the Iranian south-bank road is not under construction before the March 2022 memorandum
    p = features()["aras-corridor-iran"]
    assert state_at(p, p["status"], "2021-10-01") is None
    assert state_at(p, p["status"], "2022-06-01") == "proposed"


def test_crossroads_label_never_floats_without_a_line():
    p = features()["crossroads-of-peace"]
    first = normalise_date(p["dates"]["announced"])
    rails = [fid for fid, q in features().items() if fid.startswith("cop-rail-")]
    assert rails and all(drawn(fid, first) for fid in rails)


# -- territorial control


def control_features() -> dict[str, dict]:
    return {fid: p for fid, p in features().items() if p["layer"] == CONTROL}


def active_on(date):
    return {fid for fid, p in control_features().items() if control_active(p, date)}


def test_control_layer_changes_with_the_date():
    before, war, ceasefire = active_on("2020-01-01"), active_on("2020-10-15"), active_on("2020-11-10")
    after, dissolved = active_on("2023-10-01"), active_on("2024-06-01")
    assert before == {"control-1994-2020"}
    assert war == {"control-war-2020"}
    assert {"control-2020-2023", "lachin-corridor-2020", "control-lachin-2020"} <= ceasefire
    assert after == {"control-offensive-2023"}
    assert dissolved == {"control-nkr-dissolved", "control-gazakh-villages-2024"}
    assert len({frozenset(s) for s in (ceasefire, after, dissolved)}) == 3
    assert active_on("2022-09-01") == {"control-2020-2023", "lachin-corridor-2022"}
    assert active_on(None) == dissolved


def test_control_features_are_sourced_approximate_and_well_dated():
    assert control_features()
    for fid, p in control_features().items():
        d = p["dates"]
        assert set(d) <= {"from", "to"} and "from" in d, fid
        if "to" in d:
            assert normalise_date(d["from"]) < normalise_date(d["to"]), fid
            assert p["status"] == "historical", fid
        assert p["sources"] and all(s["date"] and s["url"].startswith("http") for s in p["sources"]), fid
        acc = (p["accuracy_en"] + " " + p["accuracy"]).lower()
        assert any(w in acc for w in ("approximate", "schematic", "not an area")), fid
        assert re.search("[\u0600-\u06ff]", p["accuracy_ar"] + p["description_ar"]), fid


# -- quiz and worksheet


def test_quiz_asks_for_places_from_the_story_in_both_languages():
    quiz = _json("scenes", "quiz.json")
    assert quiz["format"] == "corridor-viewer-quiz"
    qs = quiz["questions"]
    assert 10 <= len(qs) <= 15 and len({q["id"] for q in qs}) == len(qs)
    in_story = " ".join(s["caption"]["en"] + " " + s["title"]["en"] for s in scenes())
    for q in qs:
        p = features()[q["feature_id"]]
        assert q["prompt"]["en"].startswith("Where is") and q["prompt"]["ar"].startswith("أين"), q["id"]
        assert re.search("[\u0600-\u06ff]", q["answer_note"]["ar"]) and q["answer_note"]["en"], q["id"]
        assert 0 < q["tolerance_km"] <= 50, q["id"]
        names = {p["name_en"], *p["aliases_en"], p["name_en"].split(" (")[0]}
        story_or_quotes = in_story + " ".join(t["en"] for t in _json("articles", "translations.json")["passages"])
        assert any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", story_or_quotes) for n in names), q["id"]


def test_worksheet_questions_come_from_the_scenes_and_use_the_markers():
    ws = _json("scenes", "worksheet.json")
    assert ws["format"] == "corridor-viewer-worksheet"
    ids = {s["id"] for s in scenes()}
    qs, markers = ws["questions"], ws["markers"]
    assert 8 <= len(qs) <= 12
    assert [m["n"] for m in markers] == list(range(1, len(markers) + 1))
    assert [q["n"] for q in qs] == list(range(1, len(qs) + 1))
    used = set()
    for q in qs:
        assert q["scene_id"] in ids, q["n"]
        for lang in ("en", "ar"):
            assert q["text"][lang].strip() and q["answer"][lang].strip(), (q["n"], lang)
        assert q["lines"] >= 1
        used |= {int(n) for n in re.findall(r"[Mm]arkers? (\d+)(?: and (\d+))?", q["text"]["en"])[0] if n} \
            if re.search(r"[Mm]arkers? \d", q["text"]["en"]) else set()
    assert used == {m["n"] for m in markers}, "every marker is asked about"
