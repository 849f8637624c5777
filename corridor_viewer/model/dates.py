"""Dates written the way newsrooms write them, in English and Arabic (pure Python).

The geodata and the articles keep ISO dates, often partial ("2025", "2025-08", "2025-08-08"). A published
map or popup should read "8 August 2025" / "8 أغسطس 2025": an ISO date in a right-to-left line is also
where the bidi algorithm scrambles digits and hyphens, so writing it out avoids that too.

The Arabic month names are the ones Egyptian and Gulf newsrooms (and most pan-Arab outlets) use, not the
Levantine Syriac names (كانون الثاني …): they are what a reader of the articles in the corpus expects.
"""

from __future__ import annotations

import datetime as _dt
import re

EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
AR_MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
             "ديسمبر")
MONTHS = {"en": EN_MONTHS, "ar": AR_MONTHS}
DIGITS = ("western", "arabic-indic")
_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_INFERRED = {"en": "(inferred)", "ar": "(مستنتج)"}


def news_date(iso: str, lang: str, digits: str = "western") -> str:
    """An ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD" as a newsroom writes it.

    >>> news_date("2025-08-08", "en")
    '8 August 2025'
    >>> news_date("2025-08", "ar")
    'أغسطس 2025'
    >>> news_date("2025-08-08", "ar", digits="arabic-indic")
    '٨ أغسطس ٢٠٢٥'

    ``digits`` is "western" (0-9, what most Arabic news sites print) or "arabic-indic" (٠-٩). Raises
    ValueError for anything that is not such a date (a month 13, 30 February, "not shown", an unknown
    language or digit style): a caller that shows raw source text decides itself what to do with it.
    """
    if lang not in MONTHS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(MONTHS)}")
    if digits not in DIGITS:
        raise ValueError(f"unknown digits {digits!r}; expected one of {', '.join(DIGITS)}")
    m = _ISO.fullmatch(iso.strip()) if isinstance(iso, str) else None
    if m is None:
        raise ValueError(f"not a YYYY, YYYY-MM or YYYY-MM-DD date: {iso!r}")
    year, month, day = m.group(1), m.group(2), m.group(3)
    # Validate through datetime so "2025-02-30" and "2025-13" fail instead of printing nonsense.
    _dt.date(int(year), int(month or 1), int(day or 1))
    parts = [str(int(day))] if day else []
    if month:
        parts.append(MONTHS[lang][int(month) - 1])
    parts.append(year)
    text = " ".join(parts)
    return text.translate(_ARABIC_INDIC) if digits == "arabic-indic" else text


def source_date(text: str, lang: str, digits: str = "western") -> str | None:
    """A source's date field as shown to readers: a news date, "… (inferred)" kept and translated, or
    None when the field holds no date ("not shown", empty), so the caller leaves it out."""
    raw = str(text or "").strip()
    inferred = raw.endswith("(inferred)")
    if inferred:
        raw = raw[: -len("(inferred)")].strip()
    try:
        out = news_date(raw, lang, digits)
    except ValueError:
        return None
    return f"{out} {_INFERRED[lang]}" if inferred else out
