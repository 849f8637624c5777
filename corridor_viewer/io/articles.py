"""Read the article corpus: the bundled articles with their catalog, or any folder of UTF-8 ``.txt`` files.

An article's id is its file stem and its text is the file decoded as UTF-8, exactly (no newline or BOM
clean-up), because every passage and mention offset points into that string. ``catalog.json`` is optional:
where it describes an article it supplies the title, English title, date and outlet; otherwise the title
is the first non-empty line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from corridor_viewer.model.corpus import Article, Corpus

CATALOG = "catalog.json"


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
    try:
        data = path.read_bytes()
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
    path = folder / CATALOG
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["articles"] if isinstance(data, dict) else data
        return {str(e["id"]): e for e in entries}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ArticleError(f"{path}: not a readable article catalog ({exc})") from exc
