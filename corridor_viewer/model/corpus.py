"""The source articles and their passages, with every span an offset into the article's original text.

Passages are found by reading the text's layout, not its language; the rules come from the five bundled
articles (Arabic press copy, some pasted from web pages with embedded posts):

1. **Lines.** Every non-blank line is a unit, trimmed of surrounding whitespace. Articles 002–004 put one
   paragraph per line with no blank lines; 000 and 001 separate paragraphs with one blank line and
   sections with three.
2. **Embedded posts.** A web page that embeds a post (X/Twitter) leaves its text behind as lines ending in
   an attribution such as ``— YTB (@yurtdisiturkler) November 7, 2023`` or
   ``– الرئاسة التركية (@ar_tcbestepe) 25 September 2023``: a dash, a name, an ``(@handle)``, a date. The
   attribution closes a post; the line just before it opens it in any case (the post's text may be plain
   Arabic), and earlier lines still belong to it while they look like post material: a link
   (``pic.twitter.com/…``, ``t.co/…``, any ``http…``) or mostly Latin script in an Arabic article (the
   Turkish post in 000). Post material holding a social-media link but no attribution is a post as well.
   A post is one passage, blank lines and all.
3. **Lines broken mid-sentence** are joined into one passage: a line that does not end a sentence (no
   final ``. ! ? ؟ … : ؛``, possibly followed by closing quotes or brackets) continues on the next line when
   it is clearly body text — at least 12 words if a blank line follows it (000 breaks
   "…تُمسك بورقة الموافقة" / "على انضمام السويد للناتو" that way), at least 5 words if the next line
   follows directly (hard-wrapped text). Headings are short and stay alone ("ممر زنگزور", "غضب روسي",
   "تأثير اللقاء في مسار السلام ومستقبل قوات حفظ السلام" has 9 words).
4. **Kinds.** ``"title"``: the first passage that reads as the article's title; ``"post"``; ``"heading"``:
   a short standalone line that ends no sentence; ``"paragraph"``: everything else.

Passages are ordered, never overlap, and together cover every non-blank character of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from corridor_viewer.model.normalize import normalize

PARAGRAPH, HEADING, POST, TITLE = "paragraph", "heading", "post", "title"

JOIN_AFTER_BLANK_MIN_WORDS = 12
JOIN_DIRECT_MIN_WORDS = 5

_ATTRIBUTION_RE = re.compile(r"^[—–―‒-]\s*\S[^\n]{0,100}\(@\w{1,30}\)[^\n]{0,60}$")
_LINK_RE = re.compile(r"https?://|www\.|pic\.twitter\.com|twitter\.com/|\bx\.com/|\bt\.co/", re.IGNORECASE)
_SOCIAL_RE = re.compile(r"twitter|\bx\.com/|\bt\.co/|instagram|facebook|fb\.watch|youtu|tiktok|\bt\.me/",
                        re.IGNORECASE)
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
_ARABIC_RE = re.compile("[\u0621-\u064a\u0671-\u06d3]")
# Whitespace plus the invisible byte-order mark and direction marks, which never start a passage.
_TRIM = "".join(c for c in map(chr, range(0x3001)) if c.isspace() and c != "\n") + "\ufeff\u200e\u200f"
# Sentence ends; closing quotes and brackets after them do not change that.
_SENTENCE_ENDS = frozenset(".!?؟…:؛;")
_CLOSERS = "\"'”’»)]›" + _TRIM


class Passage(NamedTuple):
    """One passage: ``text == article.text[start:end]``; ``index`` is its position in the article."""

    index: int
    start: int
    end: int
    kind: str
    text: str


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    text: str
    passages: tuple[Passage, ...]
    title_en: str = ""
    published: str = ""  # ISO date, possibly partial ("2023-12"); "" when unknown
    date_certainty: str = ""  # "stated" | "inferred" | ""
    date_basis: str = ""
    outlet: str | None = None
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(p.start for p in self.passages))

    @classmethod
    def from_text(cls, article_id: str, text: str, title: str | None = None, **meta) -> Article:
        """Split ``text`` into passages; without a title, the first non-empty line is the title."""
        if title is None:
            first = next((line for line in text.split("\n") if line.strip(_TRIM)), "")
            title = first.strip(_TRIM) or article_id
        return cls(id=article_id, title=title, text=text, passages=tuple(split_passages(text, title)), **meta)

    def passage_index_at(self, offset: int) -> int:
        """Index of the passage holding ``offset`` (the one before it if ``offset`` falls in a gap); -1 if none."""
        return bisect_right(self._starts, offset) - 1


class Corpus:
    """The articles, in a fixed order (their ids, which start with a sequence number)."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self.articles = sorted(articles, key=lambda a: a.id)
        self._by_id = {a.id: a for a in self.articles}
        if len(self._by_id) != len(self.articles):
            raise ValueError("two articles share an id")

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __len__(self) -> int:
        return len(self.articles)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._by_id

    def get(self, article_id: str) -> Article | None:
        return self._by_id.get(article_id)

    def by_date(self) -> list[Article]:
        """Oldest first; undated articles last. Partial dates ("2023-12") sort as their first day."""
        return sorted(self.articles, key=lambda a: (a.published == "", a.published, a.id))


class _Line(NamedTuple):
    start: int
    end: int
    blank_before: int  # blank lines between this line and the previous non-blank one
    text: str


def _lines(text: str) -> list[_Line]:
    lines, blanks, pos = [], 0, 0
    for raw in text.split("\n"):
        stripped = raw.strip(_TRIM)
        if stripped:
            start = pos + len(raw) - len(raw.lstrip(_TRIM))
            lines.append(_Line(start, start + len(stripped), blanks, stripped))
            blanks = 0
        else:
            blanks += 1
        pos += len(raw) + 1
    return lines


def _looks_like_post(line: str) -> bool:
    # Cheap test first: most lines of an Arabic article hold no Latin letter, hence no link either.
    if _LATIN_RE.search(line) is None:
        return False
    return _LINK_RE.search(line) is not None or len(_LATIN_RE.findall(line)) > len(_ARABIC_RE.findall(line))


def _has_social_link(line: str) -> bool:
    return _LATIN_RE.search(line) is not None and _SOCIAL_RE.search(line) is not None


def _ends_sentence(line: str) -> bool:
    return line.rstrip(_CLOSERS)[-1:] in _SENTENCE_ENDS


def _post_groups(lines: list[_Line]) -> list[tuple[int, int]]:
    """(first, last) line indices of each embedded post, in order, not overlapping."""
    in_post = [False] * len(lines)
    groups: list[tuple[int, int]] = []
    for i, line in enumerate(lines):
        if "(@" not in line.text or not _ATTRIBUTION_RE.match(line.text) or in_post[i]:
            continue
        first = i
        if i > 0 and not in_post[i - 1]:
            first = i - 1  # the post's own text, whatever script it is in
            while first > 0 and not in_post[first - 1] and _looks_like_post(lines[first - 1].text):
                first -= 1
        for k in range(first, i + 1):
            in_post[k] = True
        groups.append((first, i))
    # Post material with a social-media link but without an attribution line: grow each link's line into
    # the run of post-like lines around it.
    for i, line in enumerate(lines):
        if in_post[i] or not _has_social_link(line.text):
            continue
        first = last = i
        while first > 0 and not in_post[first - 1] and _looks_like_post(lines[first - 1].text):
            first -= 1
        while last + 1 < len(lines) and not in_post[last + 1] and _looks_like_post(lines[last + 1].text):
            last += 1
        for k in range(first, last + 1):
            in_post[k] = True
        groups.append((first, last))
    return sorted(groups)


def _continues(prev: _Line, nxt: _Line) -> bool:
    """Whether ``nxt`` carries on the sentence that ``prev`` broke off."""
    if _ends_sentence(prev.text) or nxt.blank_before > 1:
        return False
    words = len(prev.text.split())
    return words >= (JOIN_DIRECT_MIN_WORDS if nxt.blank_before == 0 else JOIN_AFTER_BLANK_MIN_WORDS)


def split_passages(text: str, title: str | None = None) -> list[Passage]:
    """The passages of ``text``; see the module docstring for the rules."""
    lines = _lines(text)
    posts = {first: last for first, last in _post_groups(lines)}
    title_key = normalize(title) if title else None
    spans: list[tuple[int, int, str]] = []
    i = 0
    while i < len(lines):
        if i in posts:
            last = posts[i]
            spans.append((lines[i].start, lines[last].end, POST))
            i = last + 1
            continue
        j = i
        is_title = (title_key is not None and len(lines[i].text) < 2 * len(title_key) + 8
                    and normalize(lines[i].text) == title_key)
        if is_title:
            title_key = None  # only the first occurrence is the title
        else:
            while j + 1 < len(lines) and j + 1 not in posts and _continues(lines[j], lines[j + 1]):
                j += 1
        if is_title:
            kind = TITLE
        elif j == i and not _ends_sentence(lines[i].text) and len(lines[i].text.split()) < JOIN_AFTER_BLANK_MIN_WORDS:
            kind = HEADING
        else:
            kind = PARAGRAPH
        spans.append((lines[i].start, lines[j].end, kind))
        i = j + 1
    return [Passage(k, s, e, kind, text[s:e]) for k, (s, e, kind) in enumerate(spans)]
