"""The feature <-> passage index built from the linker's mentions, and mentions over time (pure Python).

Mentions a reader rejected (``status == "rejected"``) stay in :meth:`Links.mentions_in`, so the reader can
show them struck out and undo the decision, but count nowhere else: not in counts, passages or months.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

REJECTED = "rejected"
UNDATED = ""  # the month of an article with no date, or with only a year


class MonthCount(NamedTuple):
    """Mentions of one feature in the articles of one month ("YYYY-MM", or UNDATED)."""

    month: str
    mentions: int
    articles: int


def month_of(published: str | None) -> str:
    """"YYYY-MM" of an ISO date, possibly partial ("2023-12-05", "2023-12"); UNDATED for "2023" or none."""
    p = (published or "").strip()
    return p[:7] if len(p) >= 7 and p[4] == "-" and p[:4].isdigit() and p[5:7].isdigit() else UNDATED


def mentions_by_month(mentions: Iterable[Any], published_of: Callable[[str], str | None],
                      feature_id: str | None = None) -> list[MonthCount]:
    """Per month, the mentions of ``feature_id`` (every feature if None) and the articles holding them.

    ``published_of(article_id)`` gives an article's date (``Article.published``). Months run oldest first
    with no gaps between the first and the last (a chart shows quiet months as zero); UNDATED comes last if
    any mention is undated. Rejected mentions are not counted. The mention counts sum to the number of
    (non-rejected) mentions of the feature.
    """
    counts: Counter[str] = Counter()
    articles: dict[str, set[str]] = defaultdict(set)
    dates: dict[str, str] = {}
    for m in mentions:
        if (feature_id is not None and m.feature_id != feature_id) or getattr(m, "status", "") == REJECTED:
            continue
        month = dates.get(m.article_id)
        if month is None:
            month = dates[m.article_id] = month_of(published_of(m.article_id))
        counts[month] += 1
        articles[month].add(m.article_id)
    months = sorted(k for k in counts if k != UNDATED)
    out = [MonthCount(k, counts[k], len(articles[k])) for k in _every_month(months[0], months[-1])] if months else []
    if UNDATED in counts:
        out.append(MonthCount(UNDATED, counts[UNDATED], len(articles[UNDATED])))
    return out


def _every_month(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


@dataclass
class PassageView:
    """One passage as a panel shows it: its text and the spans (relative to it) to highlight."""

    article_id: str
    index: int
    start: int
    end: int
    text: str
    kind: str = "paragraph"
    spans: list[tuple[int, int]] = field(default_factory=list)
    first_mention: tuple[int, int] | None = None  # absolute offsets of the first highlighted mention
    mentions: list[Any] = field(default_factory=list)  # the mention behind each span, in the same order

    def pieces(self) -> list[tuple[str, bool]]:
        """The text cut into (piece, is_mention) runs, for any view to mark up its own way."""
        return [(text, m is not None) for text, m in self.runs()]

    def runs(self) -> list[tuple[str, Any]]:
        """The text cut into (piece, mention or None) runs: a view can say per name how it was linked."""
        out: list[tuple[str, Any]] = []
        pos = 0
        behind = self.mentions if len(self.mentions) == len(self.spans) else [True] * len(self.spans)
        for (s, t), m in sorted(zip(self.spans, behind, strict=True), key=lambda st: st[0]):
            out.append((self.text[pos:s], None))
            out.append((self.text[s:t], m))
            pos = t
        out.append((self.text[pos:], None))
        return out


class Links:
    @classmethod
    def build(cls, corpus, features) -> tuple[Links, object]:
        """Link a corpus to features in one go; returns the links and the gazetteer (search reuses it)."""
        from corridor_viewer.model.linker import Gazetteer, link_corpus

        gazetteer = Gazetteer.from_features(features)
        return cls(corpus, link_corpus(corpus, gazetteer)), gazetteer

    def __init__(self, corpus, mentions) -> None:
        self.corpus = corpus
        self.mentions = list(mentions)
        self._by_feature: dict[str, list] = defaultdict(list)
        self._by_article: dict[str, list] = defaultdict(list)
        for m in self.mentions:
            self._by_article[m.article_id].append(m)
            if getattr(m, "status", "") != REJECTED:
                self._by_feature[m.feature_id].append(m)
        self._counts = Counter({fid: len(ms) for fid, ms in self._by_feature.items()})

    def count(self, fid: str) -> int:
        return self._counts.get(fid, 0)

    def counts(self) -> dict[str, int]:
        return dict(self._counts)

    def mentioned(self) -> frozenset[str]:
        return frozenset(self._counts)

    def mentions_in(self, article_id: str) -> list:
        """Every mention in the article, rejected ones included (see the module docstring)."""
        return sorted(self._by_article.get(article_id, []), key=lambda m: m.start)

    def by_month(self, fid: str) -> list[MonthCount]:
        """Mentions of ``fid`` per month across the corpus's dated articles (see :func:`mentions_by_month`);
        clicking a month's bar filters :meth:`passages_for` with ``month=``."""
        return mentions_by_month(self._by_feature.get(fid, []), self._published, fid)

    def _published(self, article_id: str) -> str:
        art = self.corpus.get(article_id)
        return art.published if art is not None else ""

    def passages_for(self, fid: str, order: str = "date", month: str | None = None
                     ) -> list[tuple[object, list[PassageView]]]:
        """Passages mentioning fid, grouped by article; articles by date (newest first) or by id. With
        ``month`` ("YYYY-MM", or UNDATED), only the articles of that month (a bar of the chart)."""
        grouped: dict[str, dict[int, PassageView]] = defaultdict(dict)
        for m in sorted(self._by_feature.get(fid, []), key=lambda m: (m.article_id, m.start)):
            art = self.corpus.get(m.article_id)
            if art is None or (month is not None and month_of(art.published) != month):
                continue
            p = art.passages[m.passage_index]
            view = grouped[m.article_id].get(p.index)
            if view is None:
                view = grouped[m.article_id][p.index] = PassageView(m.article_id, p.index, p.start, p.end, p.text,
                                                                    p.kind, first_mention=(m.start, m.end))
            view.spans.append((m.start - p.start, m.end - p.start))
            view.mentions.append(m)
        arts = [self.corpus.get(aid) for aid in grouped]
        if order == "date":
            arts.sort(key=lambda a: (a.published or "", a.id), reverse=True)
        else:
            arts.sort(key=lambda a: a.id)
        return [(a, sorted(grouped[a.id].values(), key=lambda v: v.index)) for a in arts]
