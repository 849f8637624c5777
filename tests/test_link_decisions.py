"""Confirm / reject / "this is …" decisions: applied on relink, re-anchored after edits, stored as plain data."""

from __future__ import annotations

import json

import pytest

from corridor_viewer.model.corpus import Article, Corpus
from corridor_viewer.model.link_decisions import LinkDecisions
from corridor_viewer.model.linker import Gazetteer, GazetteerEntry, link_corpus
from corridor_viewer.model.links import Links

TEXT = "وصلت الشاحنات إلى جلفا ثم إلى كابان. وفي كابان افتتحت قنصلية."


def gazetteer(*extra: GazetteerEntry) -> Gazetteer:
    return Gazetteer([GazetteerEntry("julfa", "Julfa", ("جلفا",)), GazetteerEntry("jolfa", "Jolfa", ()),
                      GazetteerEntry("kapan", "Kapan", ("كابان",)), *extra])


def corpus(text: str = TEXT) -> Corpus:
    return Corpus([Article.from_text("a1", text, title="t")])


def decide(c: Corpus, mentions, decisions: LinkDecisions):
    return decisions.apply(mentions, text_of=lambda aid: c.get(aid).text,
                           passage_at=lambda aid, i: c.get(aid).passage_index_at(i))


def test_reject_confirm_and_this_is_change_status_and_feature():
    c = corpus()
    ms = link_corpus(c, gazetteer())
    assert [(m.feature_id, m.status) for m in ms] == [("julfa", "auto"), ("kapan", "auto"), ("kapan", "auto")]
    d = LinkDecisions()
    d.assign(ms[0], "jolfa")  # "this is … Jolfa"
    d.reject(ms[1])  # "not this place"
    d.confirm(ms[2])
    out, stale = decide(c, ms, d)
    assert [(m.feature_id, m.status, m.match) for m in out] == [
        ("jolfa", "confirmed", "exact"), ("kapan", "rejected", "exact"), ("kapan", "confirmed", "exact")]
    assert stale == []
    links = Links(c, out)  # rejected links count nowhere but stay visible in the reader
    assert links.count("kapan") == 1 and links.count("jolfa") == 1 and links.count("julfa") == 0
    assert len(links.mentions_in("a1")) == 3
    assert d.undo(ms[1]) and decide(c, ms, d)[0][1].status == "auto"


def test_decisions_survive_a_relink_with_other_names_and_a_project_round_trip():
    c = corpus()
    before = link_corpus(c, gazetteer())
    d = LinkDecisions()
    d.reject(before[1])
    d.assign(before[0], "jolfa")
    stored = json.loads(json.dumps(d.to_dict(), ensure_ascii=False))  # as a project file keeps it
    restored = LinkDecisions.from_dict(stored)
    assert restored.to_dict() == d.to_dict() and len(restored) == 2
    # A new alias makes the linker find a longer name over the rejected span ("إلى كابان" as a whole).
    g = gazetteer(GazetteerEntry("kapan-road", "Kapan road", ("إلى كابان",)))
    relinked = link_corpus(c, g)
    assert [m.surface for m in relinked][:2] == ["جلفا", "إلى كابان"]
    out, stale = decide(c, relinked, restored)
    assert [(m.feature_id, m.status) for m in out][:1] == [("jolfa", "confirmed")]
    assert stale == []  # the rejection found no kapan mention on its span any more: nothing to apply
    assert all(m.status != "rejected" or m.feature_id == "kapan" for m in out)


def test_a_decision_moves_with_its_text_and_a_lost_one_is_stale():
    c = corpus()
    ms = link_corpus(c, gazetteer())
    d = LinkDecisions()
    d.reject(ms[2], text=c.get("a1").text)  # the second كابان; the reader passes the text it shows
    edited = corpus("مقدمة جديدة أطول. " + TEXT)  # the text was edited above the span
    out, stale = decide(edited, link_corpus(edited, gazetteer()), d)
    assert [m.status for m in out] == ["auto", "auto", "rejected"] and stale == []
    gone = corpus(TEXT.replace("وفي كابان", "وفي المدينة"))
    out, stale = decide(gone, link_corpus(gone, gazetteer()), d)
    assert stale == list(d) and all(m.status == "auto" for m in out)


def test_this_is_on_unlinked_text_adds_a_manual_mention():
    c = corpus()
    text = c.get("a1").text
    start = text.index("قنصلية")
    d = LinkDecisions()
    d.mark("a1", start, start + len("قنصلية"), "قنصلية", "kapan")
    out, _ = decide(c, link_corpus(c, gazetteer()), d)
    manual = [m for m in out if m.match == "manual"]
    assert [(m.feature_id, m.surface, m.status, m.start) for m in manual] == [("kapan", "قنصلية", "confirmed", start)]
    assert [m.start for m in out] == sorted(m.start for m in out)
    again, _ = decide(c, out, d)  # applying twice changes nothing
    assert again == out


@pytest.mark.parametrize("bad", [None, {}, {"format": "other"}, {"format": "corridor-viewer/link-decisions",
                                                                  "decisions": [{"article_id": "a"}]},
                                 {"format": "corridor-viewer/link-decisions", "version": 99}])
def test_from_dict_refuses_what_it_cannot_read(bad):
    with pytest.raises(ValueError):
        LinkDecisions.from_dict(bad)
