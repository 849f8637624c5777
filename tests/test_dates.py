"""news_date: ISO dates (possibly partial) written as English and Arabic newsrooms write them."""

from __future__ import annotations

import doctest

import pytest

from corridor_viewer.model import dates
from corridor_viewer.model.dates import AR_MONTHS, news_date, source_date


@pytest.mark.parametrize(("iso", "lang", "want"), [
    ("2025-08-08", "en", "8 August 2025"),
    ("2025-08-08", "ar", "8 أغسطس 2025"),
    ("2026-02-10", "en", "10 February 2026"),
    ("2023-12", "en", "December 2023"),
    ("2023-12", "ar", "ديسمبر 2023"),
    ("1992", "en", "1992"),
    ("1992", "ar", "1992"),
    (" 2024-01-01 ", "ar", "1 يناير 2024"),  # stray spaces from hand-edited data
])
def test_full_and_partial_dates(iso, lang, want):
    assert news_date(iso, lang) == want


def test_every_arabic_month_is_the_newsroom_name():
    want = "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر".split()
    assert list(AR_MONTHS) == want
    assert [news_date(f"2020-{m:02d}", "ar").split()[0] for m in range(1, 13)] == want


def test_arabic_indic_digits():
    assert news_date("2025-08-08", "ar", digits="arabic-indic") == "٨ أغسطس ٢٠٢٥"
    assert news_date("2026-11-30", "ar", "arabic-indic") == "٣٠ نوفمبر ٢٠٢٦"
    assert news_date("1992", "ar", "arabic-indic") == "١٩٩٢"
    assert news_date("2025-08-08", "ar", "western") == "8 أغسطس 2025"


@pytest.mark.parametrize("bad", ["", "not shown", "2025-13", "2025-02-30", "25-08-08", "2025/08/08",
                                 "2025-8-8", "2025-08-08T10:00", "20250808"])
def test_what_is_not_a_date_is_refused(bad):
    with pytest.raises(ValueError):
        news_date(bad, "en")


def test_unknown_language_or_digits_are_refused():
    with pytest.raises(ValueError):
        news_date("2025-08-08", "fr")
    with pytest.raises(ValueError):
        news_date("2025-08-08", "ar", digits="roman")


def test_source_dates_drop_non_dates_and_keep_inferred():
    assert source_date("2025-08-08", "en") == "8 August 2025"
    assert source_date("not shown", "en") is None
    assert source_date("", "ar") is None
    assert source_date(None, "ar") is None
    assert source_date("2024-05 (inferred)", "en") == "May 2024 (inferred)"
    assert source_date("2024-05 (inferred)", "ar") == "مايو 2024 (مستنتج)"


def test_docstring_examples():
    result = doctest.testmod(dates)
    assert result.attempted >= 3 and result.failed == 0
