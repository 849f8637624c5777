"""Read the article corpus: the bundled articles with their catalog, or any folder of UTF-8 ``.txt`` files.

An article's id is its file stem and its text is the file decoded as UTF-8, exactly (no newline or BOM
clean-up), because every passage and mention offset points into that string. ``catalog.json`` is optional:
where it describes an article it supplies the title, English title, date and outlet; otherwise the title
is the first non-empty line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from corridor_viewer.model.corpus import Article, Corpus
from corridor_viewer.model.timeline import normalise_date

CATALOG = "catalog.json"
MAX_ARTICLE_BYTES = 20 << 20  # a news article is kilobytes; 20 MB is surely not one
MAX_HTML_BYTES = 5 << 20  # a saved news page is well under a megabyte; 5 MB of markup parses in ~2 s
MAX_CATALOG_BYTES = 16 << 20  # a catalog lists titles and dates: megabytes at most


class ArticleError(Exception):
    """An article folder or file cannot be read; the message names the path and the problem."""


def load_corpus(folder: Path | str | None = None) -> Corpus:
    """The articles in ``folder`` (default: the bundled ``resources/articles``)."""
    if folder is None:
        from corridor_viewer.resources import resource

        try:
            folder = resource("articles")
        except FileNotFoundError as exc:
            raise ArticleError(str(exc)) from exc
    return Corpus(_read_folder(Path(folder)))


def load_folders(folders: Iterable[Path | str]) -> Corpus:
    """The articles of several folders together; an id (file stem) may occur only once."""
    articles: dict[str, Article] = {}
    for folder in folders:
        for article in _read_folder(Path(folder)):
            if article.id in articles:
                raise ArticleError(f"{Path(folder) / (article.id + '.txt')}: another folder already has an "
                                   f"article {article.id!r} (article ids are file names and must be unique)")
            articles[article.id] = article
    return Corpus(articles.values())


def read_article(path: Path, meta: dict[str, Any] | None = None) -> Article:
    """One article from a UTF-8 text file; ``meta`` is its catalog entry, if any."""
    from corridor_viewer.io.safeio import RefusedFileError, read_limited

    try:
        data = read_limited(path, MAX_ARTICLE_BYTES, "an article")
    except RefusedFileError as exc:
        raise ArticleError(str(exc)) from exc
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{path}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                           "save the file as UTF-8") from exc
    meta = meta or {}
    return Article.from_text(
        path.stem, text, title=meta.get("title") or None,
        title_en=meta.get("title_en") or "",
        published=meta.get("published") or "",
        date_certainty=meta.get("date_certainty") or "",
        date_basis=meta.get("date_basis") or "",
        outlet=meta.get("outlet") or None,
    )


def _read_folder(folder: Path) -> list[Article]:
    if not folder.exists():
        raise ArticleError(f"{folder}: no such folder")
    if not folder.is_dir():
        raise ArticleError(f"{folder}: not a folder")
    try:
        paths = sorted(p for p in folder.glob("*.txt") if p.is_file())
    except OSError as exc:
        raise ArticleError(f"{folder}: cannot list the folder ({exc.strerror or exc})") from exc
    if not paths:
        raise ArticleError(f"{folder}: no .txt articles in this folder")
    catalog = _read_catalog(folder)
    stems = {p.stem for p in paths}
    missing = sorted(set(catalog) - stems)
    if missing:
        raise ArticleError(f"{folder / CATALOG}: lists {missing[0]!r} but {missing[0]}.txt is missing")
    return [read_article(p, catalog.get(p.stem)) for p in paths]


def _read_catalog(folder: Path) -> dict[str, dict[str, Any]]:
    from corridor_viewer.io.safeio import RefusedFileError, read_limited

    path = folder / CATALOG
    if not path.exists() and not path.is_symlink():
        return {}
    try:
        data = json.loads(read_limited(path, MAX_CATALOG_BYTES, "an article catalog").decode("utf-8"))
        entries = data["articles"] if isinstance(data, dict) else data
        return {str(e["id"]): e for e in entries}
    except RefusedFileError as exc:
        raise ArticleError(str(exc)) from exc
    except RecursionError as exc:
        raise ArticleError(f"{path}: not a readable article catalog (JSON nested too deeply)") from exc
    except (OSError, ValueError, KeyError, TypeError) as exc:  # ValueError: also integers of 4,300+ digits
        raise ArticleError(f"{path}: not a readable article catalog ({str(exc)[:200]})") from exc


# -- a user's own articles: .txt, .md, .html (text only), any of them in a folder

USER_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass
class ArticleFile:
    """One article file read for import: its text (HTML reduced to text), a title and a date to offer."""

    path: Path
    text: str
    title: str
    published: str = ""
    warnings: list[str] = field(default_factory=list)
    date_basis: str = ""  # where ``published`` was found: '<meta …>', 'line 2: …'; "" when no date was found


def read_article_file(path: Path | str) -> ArticleFile:
    """Read a .txt/.md/.html article; ArticleError names the file, the problem and what to do."""
    from corridor_viewer.io.text import CP1256, TextEncodingError, decode_text

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in USER_SUFFIXES:
        raise ArticleError(f"{path}: not an article file; use .txt, .md or .html (or choose a folder of them)")
    from corridor_viewer.io.safeio import FileTooLargeError, RefusedFileError, read_limited

    try:
        if path.is_dir():
            raise ArticleError(f"{path}: is a folder; use Add article folder")
        data = read_limited(path, MAX_ARTICLE_BYTES, "an article")
    except FileTooLargeError as exc:
        raise ArticleError(f"{path}: far too large for an article (over {MAX_ARTICLE_BYTES >> 20} MB); split it or "
                           "save only the article text") from exc
    except RefusedFileError as exc:  # a FIFO, a device, a link to /dev/zero: refused before reading
        raise ArticleError(str(exc)) from exc
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc
    if not data.strip():
        raise ArticleError(f"{path}: the file is empty; save the article text in it and try again")
    try:
        text, encoding = decode_text(data)
    except TextEncodingError as exc:
        raise ArticleError(f"{path}: {exc}") from exc
    warnings = [f"{path.name}: read as {CP1256}; save it as UTF-8 to be sure"] if encoding == CP1256 else []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    title, published, basis = "", "", ""
    if suffix in (".html", ".htm"):
        if len(data) > MAX_HTML_BYTES:  # parsing is linear, but millions of elements still take seconds
            raise ArticleError(f"{path}: {len(data) / 2**20:,.1f} MB is too much HTML for one article (limit "
                               f"{MAX_HTML_BYTES >> 20} MB); save only the article text, or the page without "
                               "its pictures and scripts")
        page = html_text(text)
        text, title, published, basis = page.text, page.title, page.published, page.date_basis
    elif suffix in (".md", ".markdown"):
        text = _markdown_text(text)
    if not text.strip():
        raise ArticleError(f"{path}: holds no readable text" + (" (only markup or scripts)" if suffix in (
            ".html", ".htm") else "") + "; save the article text itself")
    if not title:
        title = next((line.strip() for line in text.split("\n") if line.strip()), "")[:200] or path.stem
    if not published:  # no metadata: a dateline under the headline ("9 أغسطس 2025", "2025-08-09" …)
        from corridor_viewer.io.article_dates import date_from_text

        found = date_from_text(text)
        if found is not None:
            published, basis = found.value, found.basis
    return ArticleFile(path, text, title[:300], published, warnings, basis)


def article_files(folder: Path | str) -> list[Path]:
    """The article files directly in a folder, sorted; ArticleError if there are none."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ArticleError(f"{folder}: not a folder")
    try:
        paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in USER_SUFFIXES and p.is_file())
    except OSError as exc:
        raise ArticleError(f"{folder}: cannot list the folder ({exc.strerror or exc})") from exc
    if not paths:
        raise ArticleError(f"{folder}: no .txt, .md or .html files in this folder")
    return paths


def new_article_id(name: str, taken: set[str] | frozenset[str]) -> str:
    """A stable, readable id for a user's article: ``user-<file name>``, numbered if taken."""
    stem = re.sub(r"[^\w-]+", "-", Path(name).stem.lower()).strip("-")[:40] or "article"
    base = f"user-{stem}"
    out, n = base, 2
    while out in taken:
        out, n = f"{base}-{n}", n + 1
    return out


_DATE_RE = re.compile(r"(\d{4})(?:-\d{2}(?:-\d{2})?)?")


def normalise_published(value: str) -> str:
    """'' or an ISO date, possibly partial (2024, 2024-05, 2024-05-17); ValueError says what is wrong."""
    value = (value or "").strip()
    if not value:
        return ""
    m = _DATE_RE.fullmatch(value)
    if not m:
        raise ValueError(f"{value!r:.40} is not a date; write it as 2024-05-17 (or 2024-05, or 2024)")
    try:  # the one calendar check, shared with the timeline
        normalise_date(value)
    except ValueError as exc:
        raise ValueError(f"{value!r:.40} is not a real date") from exc
    if not 1800 <= int(m.group(1)) <= 2200:
        raise ValueError(f"{value!r:.40} is not a plausible year for an article")
    return value


def user_article(article_id: str, text: str, title: str, published: str = "") -> Article:
    return Article.from_text(article_id, text, title=title or None, published=published,
                             date_certainty="stated" if published else "", date_basis="entered by the user")


def _markdown_text(text: str) -> str:
    """Markdown as a reader sees it: heading marks and quote marks dropped, the words kept."""
    return "\n".join(re.sub(r"^\s{0,3}(#{1,6}\s+|>\s?)", "", line).rstrip(" #") if line.lstrip().startswith(
        ("#", ">")) else line for line in text.split("\n"))


class HtmlPage(NamedTuple):
    text: str
    title: str
    published: str
    date_basis: str = ""  # the <meta>, JSON-LD or <time> the date came from


# Elements whose content is never text for a reader; a script is dropped, never run.
_SKIP = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "canvas",
         "select", "button", "form", "nav", "head")
_BLOCK = ("p", "div", "section", "article", "header", "footer", "aside", "main", "h1", "h2", "h3", "h4", "h5", "h6",
          "li", "ul", "ol", "blockquote", "pre", "table", "tr", "figure", "figcaption", "dl", "dt", "dd", "hr",
          "address")
_MARK = "\ue000"  # a line break from the markup (private use: never in an article's text)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ue000]")


def html_text(markup: str) -> HtmlPage:
    """The readable text of an HTML page (scripts, styles and forms dropped), its title and date if stated.

    libxml2 (through lxml) parses in linear time and stops nesting at 256 levels. Python's html.parser took
    over a minute for 200 KB of repeated unclosed tags, and an HTML5 tree builder (lexbor, html5lib) is
    quadratic on deeply nested unclosed <div>s (9 s for 200 KB), because every new element searches the
    stack of open ones. Everything after the parse is done by libxml2 or is a loop over elements.
    """
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(encoding="utf-8", recover=True, no_network=True, remove_comments=True,
                                  remove_pis=True)
    # Control characters are not text for a reader, and lxml refuses to set a text that holds one (found by
    # the fuzzer: a form feed in a paragraph).
    markup = _NOT_XML.sub(" ", markup)
    try:
        root = lxml.html.document_fromstring(markup.encode("utf-8", errors="replace"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):  # "Document is empty", nothing but markup
        return HtmlPage("", "", "")
    from corridor_viewer.io.article_dates import META_KEYS, date_from_jsonld, meta_date

    # Publication dates in order of trust (io/article_dates): <meta> properties, JSON-LD, then <time>.
    metas, times = [], []
    for el in root.iter("meta", "time"):
        if el.tag == "meta":
            key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
            if key in META_KEYS and el.get("content"):
                metas.append((key, el.get("content")))
        elif el.get("datetime"):
            times.append(el.get("datetime"))
    found = meta_date(metas, []) or date_from_jsonld(markup) or meta_date([], times)
    title_el = root.find(".//title")
    page_title = title_el.text_content() if title_el is not None else ""
    etree.strip_elements(root, *_SKIP, with_tail=False)  # their text goes, the text after them stays
    h1 = "".join(el.text_content() for el in root.iter("h1"))
    for el in root.iter(*_BLOCK):
        el.text = _MARK + (el.text or "")
        el.tail = _MARK + (el.tail or "")
    for el in root.iter("br"):
        el.tail = _MARK + (el.tail or "")
    raw = etree.tostring(root, method="text", encoding="unicode")
    raw = re.sub(r"\s+", " ", raw).replace(_MARK, "\n")
    lines = [line.strip() for line in raw.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    title = re.sub(r"\s+", " ", h1 or page_title).strip()[:300]
    published, basis = (found.value, found.basis) if found is not None else ("", "")
    try:
        published = normalise_published(published)
    except ValueError:
        published, basis = "", ""
    return HtmlPage(text, title, published, basis)
