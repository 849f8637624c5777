"""Arabic done properly: plural forms, units, dates and Qt's own dialogs (issue 13, item 10)."""

from __future__ import annotations

import pytest

from corridor_viewer.model.newsdate import news_date

# -- dates (the stand-in for model.dates.news_date)


@pytest.mark.parametrize(("iso", "ar", "en"), [
    ("2025-08-08", "8 أغسطس 2025", "8 August 2025"),
    ("2026-01-14", "14 يناير 2026", "14 January 2026"),
    ("2022-10", "أكتوبر 2022", "October 2022"),
    ("2020", "2020", "2020"),
    ("not shown", "not shown", "not shown"),
    ("2025-13-01", "2025-13-01", "2025-13-01"),
    ("2025-02-30", "2025-02-30", "2025-02-30"),
])
def test_news_date(iso, ar, en):
    assert news_date(iso, "ar") == ar and news_date(iso, "en") == en


def test_news_date_eastern_digits():
    assert news_date("2025-08-08", "ar", digits="eastern") == "٨ أغسطس ٢٠٢٥"
    with pytest.raises(ValueError):
        news_date("2025-08-08", "ar", digits="roman")
