"""An imported article's publication date, read from its HTML metadata or from a date line in its text.

Pure functions, no Qt: the import dialog offers the result for the user to edit, and the archive linker
(``corridor-viewer links --articles``) uses it for ``--by-month``. A date is an ISO string, possibly
partial ("2025-08", "2025"), and always a real calendar date; :class:`FoundDate` also says where it was
found, so a dialog can show "from <meta property="article:published_time">" or "from line 2".

HTML, in order of trust: ``<meta>`` publication properties (Open Graph ``article:published_time``,
``datePublished``, Dublin Core, ``pubdate`` …), JSON-LD ``"datePublished"``, then the first
``<time datetime>``. Text: the first lines (a dateline sits under the headline) holding a date written as
``2025-08-09``, ``9/8/2025`` (day first, as Arabic and European papers write it), ``9 August 2025``,
``August 9, 2025``, ``9 أغسطس 2025``, ``٩ آب ٢٠٢٥``, ``الثلاثاء 12 أغسطس/آب 2025``, ``آب 2025`` …
"""

from __future__ import annotations

import datetime as _dt
import re
from html.parser import HTMLParser
from typing import NamedTuple

TEXT_LINES = 8  # a dateline is near the top; deeper dates are events the article reports
DATELINE_WORDS = 6  # besides the date, a dateline holds a weekday, a place, an outlet: a few words
DATELINE_CHARS = 100  # so a longer line is a paragraph: not searched (the date patterns are costly on text)


class FoundDate(NamedTuple):
    value: str  # ISO, possibly partial
    basis: str  # where it was found, for the user


_MONTHS: dict[str, int] = {}
for _n, _names in enumerate([
        "january jan يناير كانون الثاني", "february feb فبراير شباط", "march mar مارس آذار اذار",
        "april apr أبريل ابريل إبريل نيسان", "may مايو أيار ايار", "june jun يونيو يونيه حزيران",
        "july jul يوليو يوليه تموز", "august aug أغسطس اغسطس آب اب", "september sep sept سبتمبر أيلول ايلول",
        "october oct أكتوبر اكتوبر تشرين الأول", "november nov نوفمبر تشرين الثاني",
        "december dec ديسمبر كانون الأول"], start=1):
    # Two-word Levantine months ("كانون الثاني") are split off below; single words map directly.
    for _w in re.findall(r"كانون \S+|تشرين \S+|\S+", _names):
        _MONTHS[_w] = _n
_MONTH_ALT = "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in _MONTHS), key=len, reverse=True))
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

_ISO_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?!\d)")
_DMY_RE = re.compile(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-]((?:19|20)\d\d)(?!\d)")
# "9 August 2025", "9 أغسطس/آب 2025", "August 2025", "آب 2025"; the second month name after a slash is
# the same month in the other calendar naming.
_DAY_MONTH_RE = re.compile(
    rf"(?<!\w)(?:(\d{{1,2}})\s+)?({_MONTH_ALT})(?:\s*/\s*(?:{_MONTH_ALT}))?,?\s+((?:19|20)\d\d)(?!\d)", re.IGNORECASE)
_MONTH_DAY_RE = re.compile(rf"(?<!\w)({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)(?!\d)",
                           re.IGNORECASE)
_JSONLD_RE = re.compile(r'"datePublished"\s*:\s*"([^"]{4,40})"')
_META_KEYS = ("article:published_time", "datepublished", "date", "pubdate", "publishdate", "publish-date",
              "dc.date", "dc.date.issued", "dcterms.date", "sailthru.date", "og:published_time",
              "article.published", "parsely-pub-date")


def _iso(y: int, m: int | None = None, d: int | None = None) -> str:
    """A real date in ISO form, partial when month or day are unknown; ValueError if not a date."""
    if not 1900 <= y <= 2100:
        raise ValueError(y)
    if m is None:
        return f"{y:04d}"
    if d is None:
        _dt.date(y, m, 1)
        return f"{y:04d}-{m:02d}"
    return _dt.date(y, m, d).isoformat()


def parse_date(value: str) -> str:
    """An ISO date from a metadata value ("2025-08-09T10:00:00+03:00", "2025-08-09", "9 August 2025");
    "" when it holds none."""
    value = (value or "").translate(_DIGITS).strip()
    found = _date_in(value)
    return found or ""


def _date_in(s: str) -> str | None:
    found = _date_match(s)
    return found[0] if found else None


def _date_match(s: str) -> tuple[str, int, int] | None:
    """(ISO date, start, end) of the first date written in ``s``."""
    for regex, order in ((_ISO_RE, "ymd"), (_DAY_MONTH_RE, "dMy"), (_MONTH_DAY_RE, "Mdy"), (_DMY_RE, "dmy")):
        for m in regex.finditer(s):
            try:
                if order == "ymd":
                    iso = _iso(int(m[1]), int(m[2]), int(m[3]) if m[3] else None)
                elif order == "dMy":
                    iso = _iso(int(m[3]), _MONTHS[_month_key(m[2])], int(m[1]) if m[1] else None)
                elif order == "Mdy":
                    iso = _iso(int(m[3]), _MONTHS[_month_key(m[1])], int(m[2]))
                else:
                    iso = _iso(int(m[3]), int(m[2]), int(m[1]))
            except (ValueError, KeyError):
                continue
            return iso, m.start(), m.end()
    return None


def _month_key(word: str) -> str:
    return re.sub(r"\s+", " ", word.casefold())


def date_from_text(text: str, lines: int = TEXT_LINES) -> FoundDate | None:
    """The date on a dateline among the first ``lines`` non-empty lines of an article's text."""
    seen = 0
    for number, line in enumerate(text.split("\n", 4 * lines), start=1):
        if not line.strip():
            continue
        seen += 1
        if seen > lines:
            break
        if len(line) > DATELINE_CHARS:
            continue
        folded = line.translate(_DIGITS)
        found = _date_match(folded)
        # A date inside a sentence ("في 8 أغسطس 2025 وقّع …") is an event the article reports.
        rest = (folded[:found[1]] + " " + folded[found[2]:]).split() if found else ()
        if found and sum(1 for w in rest if any(c.isalnum() for c in w)) <= DATELINE_WORDS:
            return FoundDate(found[0], f"line {number}: {line.strip()[:60]}")
    return None


class _Meta(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: list[tuple[str, str]] = []
        self.times: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in _META_KEYS and a.get("content"):
                self.meta.append((key, a["content"]))
        elif tag == "time" and a.get("datetime"):
            self.times.append(a["datetime"])


def date_from_jsonld(markup: str) -> FoundDate | None:
    """A JSON-LD ``"datePublished"`` in the page (a plain scan: no parser to trip over hostile markup)."""
    for m in _JSONLD_RE.finditer(markup):
        if parse_date(m[1]):
            return FoundDate(parse_date(m[1]), f"JSON-LD datePublished {m[1][:40]}")
    return None


def meta_date(pairs: list[tuple[str, str]], times: list[str]) -> FoundDate | None:
    """The most trusted date among a page's ``<meta>`` (key, content) pairs, else its first ``<time>``."""
    for key in _META_KEYS:  # in order of trust, whatever order the page lists them in
        for k, content in pairs:
            if k == key and parse_date(content):
                return FoundDate(parse_date(content), f'<meta {key}="{content[:40]}">')
    for value in times:
        if parse_date(value):
            return FoundDate(parse_date(value), f'<time datetime="{value[:40]}">')
    return None


META_KEYS = _META_KEYS


def date_from_html(markup: str) -> FoundDate | None:
    """The publication date stated by an HTML page's metadata, else None."""
    parser = _Meta()
    try:
        parser.feed(markup)
        parser.close()
    except (AssertionError, ValueError, IndexError):  # html.parser gives up on some broken markup
        pass
    found = meta_date(parser.meta, [])
    return found or date_from_jsonld(markup) or meta_date([], parser.times)


def article_date(text: str, markup: str | None = None) -> FoundDate | None:
    """Metadata first (when the article came from HTML), else a dateline in the text."""
    return (date_from_html(markup) if markup else None) or date_from_text(text)
