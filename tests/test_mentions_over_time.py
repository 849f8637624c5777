"""Mentions per month for a feature, the month filter of the passages, and dates read from imported files."""

from __future__ import annotations

import pytest

from corridor_viewer.io.article_dates import date_from_html, date_from_text, parse_date
from corridor_viewer.model.corpus import Article, Corpus
from corridor_viewer.model.linker import Gazetteer, GazetteerEntry, link_corpus
from corridor_viewer.model.links import UNDATED, Links, MonthCount, mentions_by_month, month_of


def _corpus() -> Corpus:
    return Corpus([
        Article.from_text("a", "كابان وكابان", title="t", published="2025-01-09"),
        Article.from_text("b", "كابان", title="t", published="2025-03"),
        Article.from_text("c", "كابان وجلفا", title="t", published="2025"),  # a year only: no month
        Article.from_text("d", "جلفا", title="t"),
    ])


def test_mentions_per_month_with_quiet_months_and_undated_last():
    c = _corpus()
    g = Gazetteer([GazetteerEntry("kapan", "Kapan", ("كابان",)), GazetteerEntry("julfa", "Julfa", ("جلفا",))])
    links = Links(c, link_corpus(c, g))
    assert links.by_month("kapan") == [MonthCount("2025-01", 2, 1), MonthCount("2025-02", 0, 0),
                                       MonthCount("2025-03", 1, 1), MonthCount(UNDATED, 1, 1)]
    assert sum(r.mentions for r in links.by_month("kapan")) == links.count("kapan") == 4
    assert links.by_month("julfa") == [MonthCount(UNDATED, 2, 2)]
    assert links.by_month("nowhere") == []
    # Clicking a bar: the passages of that month's articles only.
    assert [a.id for a, _ in links.passages_for("kapan", month="2025-01")] == ["a"]
    assert [a.id for a, _ in links.passages_for("kapan", month=UNDATED)] == ["c"]
    # Every feature at once, and a rejected mention counts in no month.
    everything = mentions_by_month(links.mentions, lambda aid: c.get(aid).published)
    assert sum(r.mentions for r in everything) == len(links.mentions)
    rejected = [m._replace(status="rejected") if m.article_id == "b" else m for m in links.mentions]
    assert [r.month for r in mentions_by_month(rejected, lambda aid: c.get(aid).published, "kapan")] == [
        "2025-01", UNDATED]


@pytest.mark.parametrize(("published", "month"), [("2025-08-09", "2025-08"), ("2025-08", "2025-08"), ("2025", ""),
                                                  ("", ""), (None, ""), ("garbage!", "")])
def test_month_of(published, month):
    assert month_of(published) == month


@pytest.mark.parametrize(("text", "iso"), [
    ("عنوان الخبر\nالثلاثاء 12 أغسطس/آب 2025\n\nنص الخبر", "2025-08-12"),
    ("العنوان\n٩ آب ٢٠٢٥", "2025-08-09"),
    ("Headline\nBy Jane Roe | Reuters | August 9, 2025 10:15 GMT\nBody", "2025-08-09"),
    ("Headline\n9 August 2025\nBody", "2025-08-09"),
    ("العنوان\n2023/11/18\nالنص", "2023-11-18"),
    ("العنوان\n18/11/2023\nالنص", "2023-11-18"),  # day first, as Arabic and European papers write it
    ("العنوان\nتشرين الأول 2023\nالنص", "2023-10"),
])
def test_a_dateline_gives_the_date(text, iso):
    assert date_from_text(text).value == iso


@pytest.mark.parametrize("text", [
    "في 8 أغسطس/آب 2025، وقع رئيس الوزراء الأرميني والرئيس الأذربيجاني في البيت الأبيض اتفاقا",  # an event
    "Baku/26.09.23/Turan: two-digit years are not guessed",
    "31/02/2025",  # not a real day
    "no date here",
])
def test_no_date_where_there_is_no_dateline(text):
    assert date_from_text(text) is None


def test_html_metadata_in_order_of_trust():
    page = ('<html><head><meta name="date" content="2020-01-01">'
            '<meta property="article:published_time" content="2025-08-09T10:00:00+04:00"></head>'
            '<body><time datetime="2019-05-05">old</time></body></html>')
    found = date_from_html(page)
    assert found.value == "2025-08-09" and "article:published_time" in found.basis
    assert date_from_html('<script type="application/ld+json">{"datePublished": "2023-11-18"}</script>'
                          ).value == "2023-11-18"
    assert date_from_html('<p>Posted <time datetime="2024-06-10T08:00">June 10</time></p>').value == "2024-06-10"
    assert date_from_html("<p>no date</p>") is None
    assert parse_date("2025-13-40") == "" and parse_date("9 August 2025") == "2025-08-09"
