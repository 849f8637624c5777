"""A user's own articles: .txt/.md/.html read as text (scripts dropped, never run), titles, dates, ids."""

from __future__ import annotations

import pytest

from corridor_viewer.io.articles import (
    ArticleError,
    article_files,
    html_text,
    new_article_id,
    normalise_published,
    read_article_file,
    user_article,
)
from corridor_viewer.io.text import CP1256, TextEncodingError, decode_text
from corridor_viewer.model.linker import Gazetteer


def test_html_with_scripts_gives_text_only(tmp_path):
    page = ("<!doctype html><html><head><title>Site title</title><script>window.pwned = 1</script>"
            "<style>p {color: red}</style><meta property='article:published_time' content='2024-05-17T08:00:00Z'>"
            "</head><body onload=\"alert('x')\"><nav>Home | About</nav><h1>ممر زنغزور</h1>"
            "<p>نص عن <b>ممر</b> <i>زنغزور</i> &amp; مغري.</p><script type='module'>import('evil')</script>"
            "<noscript>enable js</noscript><iframe src='https://evil'>frame text</iframe>"
            "<p>second<br>line</p><img src=x onerror=alert(1)><svg><text>svg text</text></svg></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    af = read_article_file(path)
    assert af.text == "ممر زنغزور\n\nنص عن ممر زنغزور & مغري.\n\nsecond\nline"
    for bad in ("pwned", "color", "alert", "evil", "enable js", "frame text", "svg text", "Home"):
        assert bad not in af.text
    assert af.title == "ممر زنغزور" and af.published == "2024-05-17"


def test_broken_html_never_raises():
    for markup in ("<p>unclosed <b>bold", "</script></script>text", "<script>never closed", "<!-- x", "<<>>&#xZZ;",
                   "<![CDATA[x", "<p " * 1000):
        html_text(markup)  # no exception, whatever comes back


def test_markdown_heading_becomes_the_title(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# ممر زنغزور\n\n> اقتباس\n\nنص.\n", encoding="utf-8")
    af = read_article_file(path)
    assert af.title == "ممر زنغزور" and af.text.startswith("ممر زنغزور\n\nاقتباس")


def test_cp1256_text_is_detected_and_said(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("عنوان المقال\r\nالنص عن ممر زنغزور.\r\n".encode("cp1256"))
    af = read_article_file(path)
    assert af.title == "عنوان المقال" and "\r" not in af.text and any(CP1256 in w for w in af.warnings)


def test_decode_text_refuses_latin1_and_binary():
    assert decode_text("نص".encode("utf-16")) == ("نص", "UTF-16")
    assert decode_text(b"\xef\xbb\xbfabc") == ("abc", "UTF-8 with BOM")
    with pytest.raises(TextEncodingError, match="save the file as UTF-8"):
        decode_text("café crème".encode("latin-1"))
    with pytest.raises(TextEncodingError, match="binary"):
        decode_text(b"abc\x00def")


@pytest.mark.parametrize("name,content,words", [
    ("empty.txt", b"", "empty"),
    ("blank.md", b"  \n\n ", "empty"),
    ("only-script.html", b"<script>x()</script><style>a{}</style>", "no readable text"),
    ("binary.txt", bytes(range(256)), "binary"),
    ("latin.txt", "déjà vu".encode("latin-1"), "UTF-8"),
    ("doc.pdf", b"%PDF", "not an article file"),
])
def test_bad_article_files(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ArticleError) as info:
        read_article_file(path)
    assert str(path) in str(info.value) and words in str(info.value)
    assert path.read_bytes() == content


def test_folder_of_articles(tmp_path):
    with pytest.raises(ArticleError, match=r"no \.txt, \.md or \.html"):
        article_files(tmp_path)
    for n in ("b.txt", "a.md", "c.html", "skip.pdf"):
        (tmp_path / n).write_text("x", encoding="utf-8")
    assert [p.name for p in article_files(tmp_path)] == ["a.md", "b.txt", "c.html"]


def test_ids_dates_and_linking():
    assert new_article_id("My Article.txt", set()) == "user-my-article"
    assert new_article_id("My Article.txt", {"user-my-article"}) == "user-my-article-2"
    assert new_article_id("مقال.txt", set()) == "user-مقال"
    assert normalise_published(" 2024-05 ") == "2024-05"
    for bad in ("2024-13", "2024-02-30", "yesterday", "24-05-17"):
        with pytest.raises(ValueError):
            normalise_published(bad)
    art = user_article("user-a", "عنوان\nمن مغري إلى ممر زنغزور.", "عنوان", "2024-05-17")
    gaz = Gazetteer.from_features([{"id": "meghri", "name_en": "Meghri", "name_ar": "مغري"}])
    assert [m.surface for m in gaz.link(art)] == ["مغري"]


def test_html_with_control_characters_reads_as_text():
    """Found by the fuzzer: lxml refuses to hold a form feed or other control character in a text node."""
    page = html_text("<h1>ممر\x0cزنغزور</h1><p>a\x1db\x7fc</p><p>x\ue000y</p>")
    assert page.title == "ممر زنغزور" and page.text == "ممر زنغزور\n\na b c\n\nx y"


def test_html_article_too_large_is_refused(tmp_path, monkeypatch):
    from corridor_viewer.io import articles

    monkeypatch.setattr(articles, "MAX_HTML_BYTES", 1000)
    path = tmp_path / "big.html"
    path.write_text("<p>x</p>" * 200, encoding="utf-8")
    with pytest.raises(ArticleError, match="too much HTML"):
        read_article_file(path)
