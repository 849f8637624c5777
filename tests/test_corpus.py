"""The article corpus: bundled files and catalog, passage splitting, folder loading and its errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corridor_viewer.io.articles import ArticleError, load_corpus, load_folders
from corridor_viewer.model.corpus import HEADING, PARAGRAPH, POST, TITLE, Article, Corpus, split_passages

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "resources" / "articles"
A000, A001, A002, A003, A004 = ("000_3b103e970a684d9b", "001_5d1d381c682fe884", "002_9e4831de573c77a9",
                                "003_29a832587050bdde", "004_a829bda5922cfc30")


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus()


def _check_passages(article: Article) -> None:
    text = article.text
    covered = [False] * len(text)
    previous_end = 0
    for i, p in enumerate(article.passages):
        assert p.index == i
        assert p.text == text[p.start:p.end]
        assert p.start >= previous_end, "passages overlap or are out of order"
        assert p.text == p.text.strip(), "a passage starts or ends with whitespace"
        assert p.kind in (TITLE, HEADING, PARAGRAPH, POST)
        covered[p.start:p.end] = [True] * (p.end - p.start)
        previous_end = p.end
    uncovered = "".join(c for c, cov in zip(text, covered, strict=True) if not cov)
    assert uncovered.replace("\ufeff", "").strip() == "", "non-blank text outside every passage"


# -- the bundled corpus


def test_bundled_articles_are_the_shared_files_byte_for_byte(corpus):
    assert [a.id for a in corpus] == [A000, A001, A002, A003, A004]
    for article in corpus:
        path = BUNDLED / f"{article.id}.txt"
        assert article.text == path.read_bytes().decode("utf-8")
        shared = ROOT.parent / "shared" / "articles" / path.name
        if shared.exists():
            assert path.read_bytes() == shared.read_bytes()


def test_catalog_metadata(corpus):
    a = corpus.get(A000)
    assert a.title == 'هل ينجح "تحالف الخاسرين" في إفشال ممر زنگزور التركي الأذربيجاني؟'
    assert a.title_en.startswith("Can the 'alliance of losers'")
    assert (a.published, a.date_certainty) == ("2023-12", "inferred")
    assert "18 Nov 2023" in a.date_basis
    assert corpus.get(A001).published == "2025-07-28"
    assert corpus.get(A003).outlet == "الوقت (Alwaght)"
    assert corpus.get(A000).outlet is None
    assert [a.id for a in corpus.by_date()] == [A003, A000, A004, A002, A001]


def test_every_passage_is_a_span_of_the_text_and_all_text_is_covered(corpus):
    for article in corpus:
        _check_passages(article)


def test_passage_counts_and_kinds(corpus):
    kinds = {a.id: [p.kind for p in a.passages] for a in corpus}
    assert len(kinds[A000]) == 59
    assert len(kinds[A001]) == 44
    # 002-004 put one paragraph per line with no blank lines: every line is a passage.
    assert len(kinds[A002]) == 17 and set(kinds[A002]) == {PARAGRAPH}
    assert len(kinds[A003]) == 19 and set(kinds[A003]) == {PARAGRAPH}
    assert [i for i, k in enumerate(kinds[A004]) if k == HEADING] == [3, 6, 9, 13]
    assert kinds[A000][0] == TITLE and kinds[A001][1] == TITLE
    assert kinds[A000].count(TITLE) == 1
    assert [i for i, k in enumerate(kinds[A000]) if k == HEADING] == [3, 10, 19, 35, 42, 52]
    # 001's longest heading has 9 words and no final stop; it must not swallow the next paragraph.
    heading = corpus.get(A001).passages[27]
    assert heading.kind == HEADING and heading.text == "تأثير اللقاء في مسار السلام ومستقبل قوات حفظ السلام"


def test_line_broken_mid_sentence_is_one_passage(corpus):
    a = corpus.get(A000)
    joined = [p for p in a.passages if "\n" in p.text and p.kind == PARAGRAPH]
    assert len(joined) == 4
    p = a.passages[6]
    assert "تُمسك بورقة الموافقة\n\nعلى انضمام السويد للناتو" in p.text
    assert p.text.startswith("لا توافق روسيا على ممر زنگزور") and p.text.endswith("لعرقلة هذا الانضمام.")
    assert a.passages[17].text.endswith("بحر قزوين ودول\n\nآسيا الشرقية.")
    assert "أرمين\n\nغريغوريان" in a.passages[33].text
    assert "وفي\n\nنوفمبر الماضي" in a.passages[49].text


def test_embedded_posts_are_their_own_passages(corpus):
    a = corpus.get(A000)
    posts = [p for p in a.passages if p.kind == POST]
    assert [p.index for p in posts] == [15, 39, 44]
    turkish, presidency, pashinyan = posts
    assert turkish.text.startswith("3 Kasım tarihinde #TürkDevri")
    assert "pic.twitter.com/q2B2P7pGLl" in turkish.text
    assert turkish.text.endswith("— YTB (@yurtdisiturkler) November 7, 2023")
    assert presidency.text.startswith("مراسم استقبال رسمية للرئيس أردوغان")
    assert presidency.text.endswith("– الرئاسة التركية (@ar_tcbestepe) 25 September 2023")
    assert pashinyan.text.startswith("«Crossroads of Peace» project.")
    assert pashinyan.text.endswith("– Nikol Pashinyan (@NikolPashinyan) November 18, 2023")
    # The paragraphs around the posts are ordinary Arabic paragraphs.
    assert a.passages[14].kind == a.passages[16].kind == PARAGRAPH
    assert a.passages[43].text.endswith('أسماه "ممر مفترق طرق السلام".')
    assert not any(p.kind == POST for art in corpus if art.id != A000 for p in art.passages)


def test_passage_index_at(corpus):
    a = corpus.get(A000)
    for p in a.passages:
        assert a.passage_index_at(p.start) == p.index
        assert a.passage_index_at(p.end - 1) == p.index
    assert a.passage_index_at(0) == -1  # before the first passage (the text starts with blank lines)


# -- splitting rules on small texts


def test_hard_wrapped_lines_join_but_headings_and_finished_sentences_do_not():
    text = ("عنوان قصير\n"
            "هذا سطر طويل من نص المقال يستمر بعد\n"
            "نهاية السطر حتى تنتهي الجملة.\n"
            "\n"
            "فقرة ثانية تنتهي هنا.\n")
    ps = split_passages(text)
    assert [p.kind for p in ps] == [HEADING, PARAGRAPH, PARAGRAPH]
    assert ps[1].text == "هذا سطر طويل من نص المقال يستمر بعد\nنهاية السطر حتى تنتهي الجملة."


def test_post_without_attribution_but_with_a_link():
    text = "فقرة عربية تنتهي هنا.\n\nGreat news from Baku today! pic.twitter.com/abc123\n\nفقرة أخرى."
    ps = split_passages(text)
    assert [p.kind for p in ps] == [PARAGRAPH, POST, PARAGRAPH]
    assert ps[1].text == "Great news from Baku today! pic.twitter.com/abc123"


def test_latin_text_without_link_or_attribution_is_a_paragraph():
    ps = split_passages("فقرة عربية.\n\nA quotation in English, not a post.\n")
    assert [p.kind for p in ps] == [PARAGRAPH, PARAGRAPH]


def test_crlf_bom_and_title_from_first_line():
    text = "\ufeffالعنوان هنا\r\n\r\nفقرة أولى عن أرمينيا.\r\nفقرة ثانية.\r\n"
    a = Article.from_text("x", text)
    assert a.title == "العنوان هنا"
    _check_passages(a)
    assert [p.text for p in a.passages] == ["العنوان هنا", "فقرة أولى عن أرمينيا.", "فقرة ثانية."]
    assert a.passages[0].kind == TITLE
    assert a.passages[0].start == 1  # after the byte-order mark, still an offset into the exact text


def test_empty_and_blank_texts():
    assert split_passages("") == []
    assert split_passages(" \n\n \t\n") == []
    assert Article.from_text("empty", "").title == "empty"


# -- loading folders


def test_plain_folder_without_catalog(tmp_path):
    (tmp_path / "b.txt").write_text("\n\nعنوان المقال\n\nنص عن ممر زنگزور.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First line\nsecond", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [a.id for a in corpus] == ["a", "b"]
    b = corpus.get("b")
    assert b.title == "عنوان المقال" and b.published == "" and b.outlet is None
    assert b.text == (tmp_path / "b.txt").read_text(encoding="utf-8")
    _check_passages(b)


def test_several_folders_and_duplicate_ids(tmp_path):
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "a.txt").write_text("نص.", encoding="utf-8")
    (tmp_path / "two" / "b.txt").write_text("نص.", encoding="utf-8")
    assert [a.id for a in load_folders([tmp_path / "one", tmp_path / "two"])] == ["a", "b"]
    (tmp_path / "two" / "a.txt").write_text("نص.", encoding="utf-8")
    with pytest.raises(ArticleError, match=re.escape(str(tmp_path / "two" / "a.txt"))):
        load_folders([tmp_path / "one", tmp_path / "two"])


def test_bad_folders_and_files_raise_article_error_naming_the_path(tmp_path):
    with pytest.raises(ArticleError, match="no such folder"):
        load_corpus(tmp_path / "missing")
    with pytest.raises(ArticleError, match=r"no \.txt articles"):
        load_corpus(tmp_path)
    (tmp_path / "plain.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ArticleError, match="not a folder"):
        load_corpus(tmp_path / "plain.txt")
    bad = tmp_path / "bad.txt"
    bad.write_bytes("مرحبا".encode("cp1256"))
    with pytest.raises(ArticleError, match=re.escape(str(bad)) + ".*not UTF-8"):
        load_corpus(tmp_path)


def test_catalog_errors(tmp_path):
    (tmp_path / "a.txt").write_text("نص.", encoding="utf-8")
    (tmp_path / "catalog.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ArticleError, match="catalog"):
        load_corpus(tmp_path)
    (tmp_path / "catalog.json").write_text('{"articles": [{"id": "a", "title": "T"}, {"id": "gone"}]}',
                                           encoding="utf-8")
    with pytest.raises(ArticleError, match="gone"):
        load_corpus(tmp_path)
    (tmp_path / "catalog.json").write_text('{"articles": [{"id": "a", "title": "T", "published": "2024"}]}',
                                           encoding="utf-8")
    a = load_corpus(tmp_path).get("a")
    assert (a.title, a.published) == ("T", "2024")
