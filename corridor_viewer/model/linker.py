"""The gazetteer linker: find every feature's names in the article text, and search names and text.

How a name is found (see :mod:`corridor_viewer.model.normalize` for the spelling rules):

* Every name and alias of every feature becomes a key in a trie; the trie becomes one regular expression,
  so one pass of the C regex engine over an article finds all mentions. Branches are tried children
  first, so the longest name wins: "ممر زنگزور" is one mention of the corridor, not "ممر" plus "زنگزور".
* A match starts only after a non-word character (or the start of the text) and ends only before one, so
  a name is never found inside a longer word. Arabic names may carry attached proclitics (و ف ب ل ك, the
  article ال and their combinations: وال، بال، لل، فال، كال، وبال، ولل …); a mention's span starts after
  them, so ``surface`` is the name as written (``"لممر زنگزور"`` gives ``"ممر زنگزور"``). A name whose
  own form has the article ("البحر الأسود") is keyed without it and the proclitic pattern supplies it;
  the article then belongs to the mention ("والبحر الأسود" gives "البحر الأسود"; in "للبحر الأسود", where
  the article lost its alef, the mention starts at its lam: "لبحر الأسود").
* Words of a multi-word name match across one whitespace run holding at most one line break; dashes and
  spaces between words are interchangeable. Latin names match case-insensitively.
* Diacritics and tatweel are cut out before matching (:func:`~corridor_viewer.model.normalize.compact`)
  and offsets mapped back, so ``article.text[start:end] == surface`` always; a mention keeps the
  diacritics on its last letter.
* Place names take no tanween: a match carrying ً ٌ ٍ is an adjective spelled like the name ("تركياً"
  Turkish, "أرمينيًّا" Armenian) and is dropped.
* ``not_names_ar`` / ``not_names_en`` in a feature's properties list longer phrases that contain one of
  its names but mean something else ("أذربيجان الجنوبية", Iranian Azerbaijan); being longer they win, and
  yield no mention.
* A Zangezur name right after a region word (منطقة، ولاية، إقليم، مقاطعة، محافظة, with proclitics:
  "بمنطقة زنگزور") names the region — the Syunik feature — not the corridor. The mention covers only the
  Zangezur word, like every other mention covers only the name.

Why a regex and not a token loop: a Python loop over 10 million words costs seconds on its own; the regex
engine rejects a non-name word in a few hundred nanoseconds without creating any object.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from corridor_viewer.model.corpus import Article, Corpus
from corridor_viewer.model.normalize import (
    ARTICLE,
    PROCLITIC,
    SEP,
    TRAILING_MARKS_RE,
    char_pattern,
    compact,
    is_arabic,
    name_pattern,
    normalize,
    spellings,
    strip_article,
)

NAME_FIELDS = ("name_ar", "name_en")
ALIAS_FIELDS = ("aliases_ar", "aliases_en")
NOT_NAME_FIELDS = ("not_names_ar", "not_names_en")

# A bare name of the key feature right after a region word names the value feature instead.
REGION_WORDS = ("منطقة", "ولاية", "إقليم", "مقاطعة", "محافظة")
REGION_OF = {"zangezur-corridor": "syunik"}

_BOUNDARY_END = r"(?!\w)"
_PROCLITIC_RE = re.compile(f"(?:{PROCLITIC})")
_EDGE_PUNCTUATION_RE = re.compile(r"^[^\w']+|[^\w']+$")
_TANWEEN_RE = re.compile("[\u064b-\u064d]")


class Mention(NamedTuple):
    """One name of one feature in one article; ``surface == article.text[start:end]``."""

    feature_id: str
    article_id: str
    start: int
    end: int
    surface: str
    passage_index: int


class TextHit(NamedTuple):
    """A search hit in article text; ``start``/``end`` are offsets into ``article.text``."""

    article_id: str
    start: int
    end: int
    passage_index: int


@dataclass(frozen=True)
class GazetteerEntry:
    feature_id: str
    name_en: str
    names: tuple[str, ...]  # every name and alias, in any script; the first ones are the feature's own names
    # Phrases that contain one of the names but denote something else ("أذربيجان الجنوبية" is Iranian
    # Azerbaijan): being longer, they win over the name and yield no mention.
    not_names: tuple[str, ...] = ()


class _Name(NamedTuple):
    feature_id: str  # "" for a phrase that is not a name (GazetteerEntry.not_names)
    key: str
    has_article: bool  # written with the article ("البحر الأسود"), which then belongs to the mention


class _Trie:
    __slots__ = ("children", "payload")

    def __init__(self) -> None:
        self.children: dict[str, _Trie] = {}
        self.payload: _Name | None = None

    def add(self, key: str, payload: _Name) -> None:
        node = self
        for ch in key:
            node = node.children.setdefault(ch, _Trie())
        node.payload = payload


class Gazetteer:
    """Every feature's names, compiled once for linking and searching."""

    def __init__(self, entries: Iterable[GazetteerEntry]) -> None:
        self.entries: dict[str, GazetteerEntry] = {}
        self.conflicts: list[tuple[str, str, str]] = []  # (name, feature kept, feature dropped); "" = not a name
        names: dict[str, _Name] = {}
        blocked: list[str] = []
        for entry in entries:
            if entry.feature_id in self.entries:
                raise ValueError(f"duplicate feature id {entry.feature_id!r}")
            self.entries[entry.feature_id] = entry
            for name in entry.names:
                key = _key(name)
                if key:
                    kept = names.setdefault(key, _Name(entry.feature_id, key, key != normalize(name)))
                    if kept.feature_id != entry.feature_id:
                        self.conflicts.append((name, kept.feature_id, entry.feature_id))
            blocked += entry.not_names
        for name in blocked:  # after all names, so that a real name always wins
            key = _key(name)
            kept = names.setdefault(key, _Name("", key, key != normalize(name)))
            if kept.feature_id:
                self.conflicts.append((name, kept.feature_id, ""))
        # Canonical names with and without a written article, for search_names().
        self._search_keys = [(e.feature_id, sorted({k for n in e.names for k in (normalize(n), _key(n)) if k}))
                             for e in self.entries.values()]
        self._regex, self._group_name = _compile(names.values())
        self._region_of = {k: v for k, v in REGION_OF.items() if k in self.entries and v in self.entries}
        words = "|".join(name_pattern(normalize(w)) for w in REGION_WORDS)
        self._region_before = re.compile(rf"(?<!\w)(?:{PROCLITIC})?(?:{words}){SEP}\Z")

    @classmethod
    def from_features(cls, features: Iterable[Any]) -> Gazetteer:
        """From model :class:`~corridor_viewer.model.feature.Feature` objects, GeoJSON features or plain dicts
        with ``id``, ``name_en``, ``name_ar``, ``aliases_ar``, ``aliases_en``."""
        entries = []
        for f in features:
            if isinstance(f, Mapping):
                props = f.get("properties") or f
                fid = props.get("id") or f.get("id")
            else:
                props, fid = f.props, f.id
            names: list[str] = [props[k] for k in NAME_FIELDS if props.get(k)]
            for k in ALIAS_FIELDS:
                names += [a for a in props.get(k) or () if a]
            not_names = [a for k in NOT_NAME_FIELDS for a in props.get(k) or () if a]
            entries.append(GazetteerEntry(str(fid), props.get("name_en") or str(fid), tuple(dict.fromkeys(names)),
                                          tuple(not_names)))
        return cls(entries)

    # -- lookup
    def feature_ids(self) -> list[str]:
        return list(self.entries)

    def name_en(self, feature_id: str) -> str:
        entry = self.entries.get(feature_id)
        return entry.name_en if entry else feature_id

    def names(self, feature_id: str) -> tuple[str, ...]:
        entry = self.entries.get(feature_id)
        return entry.names if entry else ()

    # -- linking
    def link(self, article: Article) -> list[Mention]:
        """Every mention in ``article``, in text order, never overlapping."""
        text = article.text
        comp = compact(text)
        cuts, cumulative = comp.cuts, comp.cumulative
        # A leading space lets every match start with its non-word boundary character, which the regex
        # engine finds by a fast scan instead of trying a lookbehind at every position.
        ctext = " " + comp.text
        group_name = self._group_name
        region_of = self._region_of
        passage_at = article.passage_index_at
        article_id = article.id
        out: list[Mention] = []
        for m in self._regex.finditer(ctext):
            name = group_name[m.lastindex]
            feature_id = name.feature_id
            if not feature_id:
                continue
            proclitic_end = m.end(1)
            if proclitic_end <= m.start() + 1:  # no proclitic (or a Latin name, which takes none)
                name_start = m.start() + 1
                # A bare one-word name right after a region word; "ومنطقة وزنگزور" lists two places.
                if (feature_id in region_of and " " not in name.key
                        and self._region_before.search(ctext, max(0, name_start - 24), name_start)):
                    feature_id = region_of[feature_id]
            else:
                name_start = proclitic_end
                if name.has_article:  # the name's own article is part of it: "البحر الأسود", "لـ|لبحر الأسود"
                    proclitic = m.group(1)
                    name_start -= 2 if proclitic.endswith(ARTICLE) else 1 if proclitic.endswith("لل") else 0
            # Back to original offsets (the leading space is not in the text; see Compacted).
            start, end = name_start - 1, m.end() - 1
            if cuts:
                k = bisect_right(cuts, start)
                if k:
                    start += cumulative[k - 1]
                k_end = bisect_right(cuts, end - 1)
                if k_end:
                    end += cumulative[k_end - 1]
                if k_end < len(cuts) and cuts[k_end] == m.end() - 1:  # marks right after the last letter
                    marks = TRAILING_MARKS_RE.match(text, end)
                    if marks:
                        end = marks.end()
                    k_end += 1
                # Place names take no tanween: "تركياً", "أرمينيًّا" are the adjectives "Turkish", "Armenian".
                if k_end > k and _TANWEEN_RE.search(text, start, end):
                    continue
            out.append(Mention(feature_id, article_id, start, end, text[start:end], passage_at(start)))
        return out

    # -- search
    def search_names(self, query: str) -> list[str]:
        """Feature ids whose names match ``query`` in any language or spelling, best first.

        Ranks: the whole name, then the start of a name, then the start of a word in a name; a query
        carrying a proclitic ("بنخجوان", "والممر") is also tried without it, one rank lower.
        """
        ranked: dict[str, tuple[int, int]] = {}
        for variant, penalty in _query_variants(normalize(query)):
            pattern = name_pattern(variant)
            start = re.compile(pattern, re.IGNORECASE)
            word = re.compile(rf"(?<=[\s\-/(]){pattern}", re.IGNORECASE)
            for order, (feature_id, keys) in enumerate(self._search_keys):
                for key in keys:
                    if start.fullmatch(key):
                        rank = 0
                    elif start.match(key):
                        rank = 1
                    elif word.search(key):
                        rank = 2
                    else:
                        continue
                    score = (2 * rank + penalty, order)
                    if score < ranked.get(feature_id, (99, 0)):
                        ranked[feature_id] = score
        return sorted(ranked, key=ranked.__getitem__)


def _key(name: str) -> str:
    """The trie key of a name: canonical form, without a written article (the proclitic pattern adds it)."""
    key = normalize(name)
    if is_arabic(key) and name.lstrip().startswith(ARTICLE):
        key = strip_article(key)
    return key


def _query_variants(q: str) -> list[tuple[str, int]]:
    """The query, then the query without each proclitic it may carry (penalised); none without a letter or
    digit, since punctuation alone would match everywhere."""
    if not any(c.isalnum() for c in q):
        return []
    variants = [(q, 0)]
    if is_arabic(q[:1]):
        for n in range(1, 5):
            head, rest = q[:n], q[n:]
            if len(rest) >= 3 and _PROCLITIC_RE.fullmatch(head):
                variants.append((rest, 1))
    return variants


def _compile(names: Iterable[_Name]) -> tuple[re.Pattern[str], list[_Name]]:
    """One regex for all names; group 1 is the proclitic, each later group marks the end of one name."""
    group_name: list[_Name] = [_Name("", "", False)] * 2  # groups 0 and 1 carry no name
    arabic, latin = _Trie(), _Trie()
    firsts: set[str] = set()
    for name in names:
        if is_arabic(name.key):
            arabic.add(name.key, name)
        else:
            latin.add(name.key, name)
            for c in spellings(name.key[0]):
                firsts |= {c, c.upper(), c.lower()}

    def emit(node: _Trie) -> str:
        alts = [char_pattern(ch) + emit(child) for ch, child in sorted(node.children.items())]
        if node.payload is not None:
            group_name.append(node.payload)
            alts.append("()" + _BOUNDARY_END)  # after the longer names: longest match wins
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    parts = []
    if arabic.children:
        parts.append(f"({PROCLITIC}){emit(arabic)}")
    if latin.children:
        # Checking the first letter first keeps the case-insensitive branch off Arabic words.
        guard = "".join(sorted(re.escape(c) for c in firsts))
        parts.append(f"(?=[{guard}])(?i:{emit(latin)})")
    if not parts:
        return re.compile(r"(?!)"), group_name
    return re.compile(r"\W(?:" + "|".join(parts) + ")"), group_name


def link_corpus(corpus: Corpus | Iterable[Article], gazetteer: Gazetteer) -> list[Mention]:
    """Every mention in every article, article by article (corpus order), in text order."""
    out: list[Mention] = []
    # Hundreds of thousands of new tuples would trigger the cyclic garbage collector over and over, each
    # pass walking the whole corpus: linking time would grow faster than the corpus. Mentions hold no
    # reference cycles, so pausing the collector loses nothing.
    paused = gc.isenabled()
    gc.disable()
    try:
        for article in corpus:
            out += gazetteer.link(article)
    finally:
        if paused:
            gc.enable()
    return out


def mentions_by_feature(mentions: Iterable[Mention]) -> dict[str, list[Mention]]:
    grouped: dict[str, list[Mention]] = {}
    for m in mentions:
        grouped.setdefault(m.feature_id, []).append(m)
    return grouped


def search_text(corpus: Corpus | Iterable[Article], query: str) -> list[TextHit]:
    """Where ``query`` occurs in the article text, normalised like names; offsets into the original text.

    The query matches at the start of a word (after any proclitics) and may end inside a word, so a
    partly typed word is found; without its own proclitic it must match a whole word.
    """
    q = _EDGE_PUNCTUATION_RE.sub("", normalize(query))  # "(CSTO)" is searched as CSTO
    variants = _query_variants(q)
    if not variants:
        return []
    alternatives = [name_pattern(v) + (_BOUNDARY_END if penalty else "") for v, penalty in variants]
    lead = f"({PROCLITIC})?" if is_arabic(q[:1]) else "()"
    regex = re.compile(rf"\W{lead}(?:{'|'.join(alternatives)})", re.IGNORECASE)
    hits: list[TextHit] = []
    for article in corpus:
        text = article.text
        comp = compact(text)
        for m in regex.finditer(" " + comp.text):
            name_start = m.end(1) if m.end(1) >= 0 else m.start() + 1
            start = comp.start_in_original(name_start - 1)
            end = comp.end_in_original(m.end() - 1)
            hits.append(TextHit(article.id, start, end, article.passage_index_at(start)))
    return hits

