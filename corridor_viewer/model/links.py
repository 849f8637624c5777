"""The feature <-> passage index built from the linker's mentions (pure Python)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field


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

    def pieces(self) -> list[tuple[str, bool]]:
        """The text cut into (piece, is_mention) runs, for any view to mark up its own way."""
        out, pos = [], 0
        for s, t in sorted(self.spans):
            out.append((self.text[pos:s], False))
            out.append((self.text[s:t], True))
            pos = t
        out.append((self.text[pos:], False))
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
            self._by_feature[m.feature_id].append(m)
            self._by_article[m.article_id].append(m)
        self._counts = Counter({fid: len(ms) for fid, ms in self._by_feature.items()})

    def count(self, fid: str) -> int:
        return self._counts.get(fid, 0)

    def counts(self) -> dict[str, int]:
        return dict(self._counts)

    def mentioned(self) -> frozenset[str]:
        return frozenset(self._counts)

    def mentions_in(self, article_id: str) -> list:
        return sorted(self._by_article.get(article_id, []), key=lambda m: m.start)

    def passages_for(self, fid: str, order: str = "date") -> list[tuple[object, list[PassageView]]]:
        """Passages mentioning fid, grouped by article; articles by date (newest first) or by id."""
        grouped: dict[str, dict[int, PassageView]] = defaultdict(dict)
        for m in sorted(self._by_feature.get(fid, []), key=lambda m: (m.article_id, m.start)):
            art = self.corpus.get(m.article_id)
            if art is None:
                continue
            p = art.passages[m.passage_index]
            view = grouped[m.article_id].get(p.index)
            if view is None:
                view = grouped[m.article_id][p.index] = PassageView(m.article_id, p.index, p.start, p.end, p.text,
                                                                    p.kind, first_mention=(m.start, m.end))
            view.spans.append((m.start - p.start, m.end - p.start))
        arts = [self.corpus.get(aid) for aid in grouped]
        if order == "date":
            arts.sort(key=lambda a: (a.published or "", a.id), reverse=True)
        else:
            arts.sort(key=lambda a: a.id)
        return [(a, sorted(grouped[a.id].values(), key=lambda v: v.index)) for a in arts]
