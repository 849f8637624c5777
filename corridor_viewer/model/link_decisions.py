"""A reader's decisions on links: "not this place", "this is …", "yes, this one". Plain data, no Qt.

Recogito's lesson: automatic linking is a proposal, and the reader's verdict must survive the next run of
the linker. A :class:`Decision` is keyed by the article, the span (character offsets into the article's
text, as every mention is) and the feature the linker proposed; it also keeps the span's text, so that a
decision is re-anchored, not lost or misapplied, when things move:

* the linker runs again with other aliases or rules: the same span, or a mention that still covers it, gets
  the decision;
* the article text was edited and the span moved: the nearest occurrence of the same surface, in the same
  article, linked to the same feature, gets it.

A decision whose span can no longer be found is *stale*: kept (the text may come back) and listed by
:meth:`LinkDecisions.apply`, never applied to some other span.

Statuses: ``rejected`` ("not this place": the mention stays in the list with that status, so it can be
shown struck out and undone), ``confirmed`` (the reader agrees, or chose the feature with "this is …").
A "this is …" on text the linker found nothing in adds a mention with ``match="manual"``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from corridor_viewer.model.linker import Mention

# model.linker's Mention.match / Mention.status values (tests/test_link_decisions.py checks they agree):
# named here so that a session, which holds decisions from the start, does not import the linker until it links.
MANUAL, CONFIRMED, REJECTED = "manual", "confirmed", "rejected"

FORMAT = "corridor-viewer/link-decisions"
VERSION = 1
REANCHOR_DISTANCE = 5000  # characters: how far an edited article may have moved a decided span
CONTEXT = 16  # characters before a span kept with its decision


@dataclass(frozen=True)
class Decision:
    article_id: str
    start: int
    end: int
    surface: str  # the text of the span when decided, to re-anchor it and to detect stale decisions
    feature_id: str  # the feature the linker proposed ("" for a span it did not link)
    status: str  # CONFIRMED or REJECTED
    assigned: str = ""  # "this is …": the feature the reader chose instead (status CONFIRMED)
    before: str = ""  # up to CONTEXT characters of text just before the span: tells repeated surfaces apart

    @property
    def key(self) -> tuple[str, int, int, str]:
        return (self.article_id, self.start, self.end, self.feature_id)

    @property
    def feature(self) -> str:
        """The feature the span names after the decision ("" if rejected)."""
        return "" if self.status == REJECTED else (self.assigned or self.feature_id)


@dataclass
class LinkDecisions:
    """Every decision of one session or project, one per (article, span, proposed feature)."""

    decisions: dict[tuple[str, int, int, str], Decision] = field(default_factory=dict)

    # -- recording (what the right-click menu calls)

    # ``text`` is the article's text: pass it when at hand (the reader has it), so that a decision on one of
    # several identical names ("كابان … كابان") finds its own again after the article is edited.

    def reject(self, m: Mention, text: str | None = None) -> Decision:
        """"Not this place"."""
        return self._put(Decision(m.article_id, m.start, m.end, m.surface, _proposed(m), REJECTED,
                                  before=_before(text, m.start)))

    def confirm(self, m: Mention, text: str | None = None) -> Decision:
        return self._put(Decision(m.article_id, m.start, m.end, m.surface, _proposed(m), CONFIRMED,
                                  before=_before(text, m.start)))

    def assign(self, m: Mention, feature_id: str, text: str | None = None) -> Decision:
        """"This is …": the span names ``feature_id`` (the proposed one, another, or one for unlinked text)."""
        proposed = _proposed(m)
        assigned = "" if feature_id == proposed else feature_id
        return self._put(Decision(m.article_id, m.start, m.end, m.surface, proposed, CONFIRMED, assigned,
                                  _before(text, m.start)))

    def mark(self, article_id: str, start: int, end: int, surface: str, feature_id: str,
             text: str | None = None) -> Decision:
        """"This is …" on a span the linker did not link at all."""
        return self._put(Decision(article_id, start, end, surface, "", CONFIRMED, feature_id, _before(text, start)))

    def undo(self, m: Mention) -> bool:
        """Forget the decision on this mention; True if there was one."""
        return self.decisions.pop((m.article_id, m.start, m.end, _proposed(m)), None) is not None

    def _put(self, d: Decision) -> Decision:
        self.decisions[d.key] = d
        return d

    def __len__(self) -> int:
        return len(self.decisions)

    def __iter__(self):
        return iter(self.decisions.values())

    def for_article(self, article_id: str) -> list[Decision]:
        return [d for d in self.decisions.values() if d.article_id == article_id]

    # -- applying (after every relink)

    def apply(self, mentions: Iterable[Mention], text_of: Callable[[str], str | None] | None = None,
              passage_at: Callable[[str, int], int] | None = None) -> tuple[list[Mention], list[Decision]]:
        """The mentions with every decision applied, and the decisions that found no span (stale).

        ``text_of(article_id)`` gives an article's current text (needed to re-anchor a moved span and to
        add "this is …" mentions on unlinked text); ``passage_at(article_id, offset)`` its passage index.
        Mentions stay in text order; rejected ones stay, with ``status="rejected"``.
        """
        mentions = list(mentions)  # read twice below
        by_article: dict[str, list[Mention]] = {}
        for m in mentions:
            by_article.setdefault(m.article_id, []).append(m)
        pending: dict[str, list[Decision]] = {}
        for d in self.decisions.values():
            pending.setdefault(d.article_id, []).append(d)
        stale: list[Decision] = []
        for article_id, decisions in pending.items():
            text = text_of(article_id) if text_of else None
            ms = by_article.setdefault(article_id, [])
            for d in decisions:
                i = _find(ms, d, text)
                if i is not None:
                    ms[i] = _decided(ms[i], d)
                    continue
                span = _reanchor(d, text)
                if span is None:
                    stale.append(d)
                elif d.feature:  # a confirmed or assigned span with no mention: the reader's own link
                    from corridor_viewer.model.linker import Mention

                    start, end = span
                    index = passage_at(article_id, start) if passage_at else -1
                    ms.append(Mention(d.feature, article_id, start, end, text[start:end], index, MANUAL, CONFIRMED))
                # a rejection whose mention is gone needs nothing: the linker no longer proposes it
            ms.sort(key=lambda m: (m.start, m.end))
        out = [m for ms in by_article.values() for m in ms]
        order = {aid: i for i, aid in enumerate(dict.fromkeys(m.article_id for m in mentions))}
        out.sort(key=lambda m: (order.get(m.article_id, len(order)), m.article_id, m.start, m.end))
        return out, stale

    # -- storage (the session/project keeps this dict)

    def to_dict(self) -> dict[str, Any]:
        rows = [{"article_id": d.article_id, "start": d.start, "end": d.end, "surface": d.surface,
                 "feature_id": d.feature_id, "status": d.status, **({"assigned": d.assigned} if d.assigned else {}),
                 **({"before": d.before} if d.before else {})}
                for d in sorted(self.decisions.values(), key=lambda d: d.key)]
        return {"format": FORMAT, "version": VERSION, "decisions": rows}

    @classmethod
    def from_dict(cls, data: Any) -> LinkDecisions:
        """Read :meth:`to_dict` output; ValueError names what is wrong (unknown format, bad row)."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not a link decisions record")
        if int(data.get("version", 0)) > VERSION:
            raise ValueError(f"link decisions version {data.get('version')} is newer than this program")
        out = cls()
        for i, row in enumerate(data.get("decisions") or ()):
            try:
                d = Decision(str(row["article_id"]), int(row["start"]), int(row["end"]), str(row["surface"]),
                             str(row.get("feature_id") or ""), str(row["status"]), str(row.get("assigned") or ""),
                             str(row.get("before") or ""))
            except (KeyError, TypeError, ValueError) as exc:
                raise ValueError(f"link decision {i}: {exc!r}") from exc
            if d.status not in (CONFIRMED, REJECTED) or not 0 <= d.start < d.end:
                raise ValueError(f"link decision {i}: bad status or span")
            out._put(d)
        return out


def _before(text: str | None, start: int) -> str:
    return text[max(0, start - CONTEXT):start] if text else ""


MIN_CONTEXT = 6  # a moved span must keep this much of the text before it (when the decision recorded any)


def _closeness(d: Decision, text: str | None, start: int) -> tuple[int, int] | None:
    """Sort key of a candidate position for a moved span (same text before it first, then nearest), or None
    when the text before it shows it is another occurrence of the name."""
    if text is None or not d.before:
        return (0, abs(start - d.start))
    ctx = text[max(0, start - CONTEXT):start]
    common = 0
    while common < min(len(ctx), len(d.before)) and ctx[-1 - common] == d.before[-1 - common]:
        common += 1
    if common < min(MIN_CONTEXT, len(d.before)):
        return None
    return (-common, abs(start - d.start))


def _proposed(m: Mention) -> str:
    return "" if m.match == MANUAL else m.feature_id


def _decided(m: Mention, d: Decision) -> Mention:
    if d.status == REJECTED:
        return m._replace(status=REJECTED)
    return m._replace(feature_id=d.assigned or m.feature_id, status=CONFIRMED)


def _find(ms: list[Mention], d: Decision, text: str | None) -> int | None:
    """Index of the mention a decision applies to: same span, else one covering it (the linker now finds a
    longer name), else the nearest same-surface mention of the feature (the text was edited)."""
    covering = None
    for i, m in enumerate(ms):
        if _proposed(m) != d.feature_id:
            continue
        if m.start == d.start and m.end == d.end:
            return i
        if covering is None and m.start <= d.start and d.end <= m.end:
            covering = i
    if covering is not None:
        return covering
    if text is not None and text[d.start:d.end] == d.surface:
        return None  # the span is intact but nothing links it now: see _reanchor
    near = [(key, i) for i, m in enumerate(ms)
            if m.surface == d.surface and _proposed(m) == d.feature_id and abs(m.start - d.start) <= REANCHOR_DISTANCE
            and (key := _closeness(d, text, m.start)) is not None]
    return min(near)[1] if near else None


def _reanchor(d: Decision, text: str | None) -> tuple[int, int] | None:
    """Where the decided surface is now in the text: its old place, else the nearest occurrence."""
    if text is None:
        return None
    if text[d.start:d.end] == d.surface:
        return d.start, d.end
    best: tuple[tuple[int, int], int] | None = None
    i = text.find(d.surface, max(0, d.start - REANCHOR_DISTANCE), d.end + REANCHOR_DISTANCE)
    while i != -1:
        key = _closeness(d, text, i)
        if key is not None and (best is None or key < best[0]):
            best = (key, i)
        i = text.find(d.surface, i + 1, d.end + REANCHOR_DISTANCE)
    return (best[1], best[1] + len(d.surface)) if best is not None else None
