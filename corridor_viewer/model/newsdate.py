"""Dates as newsrooms write them: "8 أغسطس 2025", "8 August 2025" (pure; no Qt).

Stand-in: another branch adds ``corridor_viewer/model/dates.py`` with ``news_date(iso, lang, digits="western")``.
This module has that exact signature so the UI is written against it; once that module is merged, import
``news_date`` from it instead and delete this file (and its tests in tests/test_i18n.py).
"""

from __future__ import annotations

import datetime as dt
import re

# The Gregorian month names of Egyptian and Gulf newsrooms (Al-Ahram, Al Jazeera, Asharq Al-Awsat), as the
# feature descriptions in geodata/src/features.json already write them.
MONTHS_AR = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
             "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر")
MONTHS_EN = ("January", "February", "March", "April", "May", "June",
             "July", "August", "September", "October", "November", "December")
_EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def news_date(iso: str, lang: str, digits: str = "western") -> str:
    """``"2025-08-08"`` -> ``"8 أغسطس 2025"`` (ar) or ``"8 August 2025"`` (en); ``"2025-08"`` -> month and year.

    ``digits``: ``"western"`` (0-9, what the app's Arabic uses, like most Arabic news sites) or ``"eastern"``
    (٠-٩). Text that is not an ISO date (or year-month, or year) comes back unchanged, so callers can pass
    whatever the data holds."""
    if digits not in ("western", "eastern"):
        raise ValueError(f"digits must be 'western' or 'eastern', not {digits!r}")
    m = _ISO.fullmatch(iso.strip())
    if m is None:
        return iso
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        if day:
            dt.date(int(year), int(month), int(day))
        elif month and not 1 <= int(month) <= 12:
            raise ValueError(month)
    except ValueError:
        return iso  # "2025-13-01" is not a date: show it as written rather than invent one
    names = MONTHS_AR if lang == "ar" else MONTHS_EN
    parts = [str(int(day))] if day else []
    if month:
        parts.append(names[int(month) - 1])
    parts.append(year)
    text = " ".join(parts)
    return text.translate(_EASTERN) if digits == "eastern" else text
