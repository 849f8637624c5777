"""Quotations as a map or a slide shows them: cleaned of links, one per passage, each with its citation
(what kind of piece it is, the outlet where the text names it, the title, the date) and, for English
readers, our English rendering of the Arabic original. Pure Python."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from corridor_viewer.model.dates import news_date

OUR_TRANSLATION = {"en": "our translation from the Arabic", "ar": "ترجمتنا"}
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|pic\.twitter\.com/\S+|\bt\.co/\S+|\bx\.com/\S+")


@dataclass
class Quote:
    text: str  # the original, as the article has it (cleaned of links)
    citation: str
    translation: str = ""  # our English rendering, for English pages and slides
    article_id: str = ""
    passage_index: int = -1


def clean_quote(text: str) -> str:
    """A quotation as a reader should see it: no links or embed residue (``pic.twitter.com/…``)."""
    out = _URL_RE.sub("", text)
    out = re.sub(r"[ \t]+", " ", out)
    out = re.sub(r"\s*\n\s*", "\n", out)
    return out.strip(" \n—–-")


def citation(art: Any, lang: str, digits: str = "western", editorial: Mapping[str, Any] | None = None) -> str:
    """A quote's citation as a newsroom prints it: the kind of piece, the outlet, the title, the date."""
    note = (editorial or {}).get(art.id) or {}
    label = note.get(f"label_{lang}") or ""
    title = art.title if lang == "ar" else (art.title_en or art.title)
    when = ""
    if art.published and not label:
        try:
            when = news_date(art.published, lang, digits)
        except ValueError:
            when = art.published
    outlet = art.outlet or ""
    if label and any(name and name in label for name in re.split(r"\s*[()]\s*", outlet)):
        outlet = ""  # "Analysis, Alwaght, Nov 2020" already names "الوقت (Alwaght)"
    parts = [p for p in (label, outlet, title, when) if p]
    return ("، " if lang == "ar" else ", ").join(parts)


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def quote_for(art: Any, passage: Any, lang: str, *, translations: Mapping[tuple[str, int], Any] | None = None,
              editorial: Mapping[str, Any] | None = None, digits: str = "western") -> Quote:
    """One passage as a quotation with its citation; its English rendering when we have one for this text."""
    en = ""
    t = (translations or {}).get((art.id, passage.index))
    if t is not None and t.get("sha1") == sha1(passage.text):  # a translation of exactly this text
        en = t.get("en", "")
    cite = citation(art, lang, digits, editorial)
    if en and lang == "en":
        cite += f" ({OUR_TRANSLATION['en']})"
    return Quote(clean_quote(passage.text), cite, clean_quote(en) if en else "", art.id, passage.index)
