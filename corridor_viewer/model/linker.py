"""The gazetteer linker: find every feature's names in the article text, and search names and text.

How a name is found (see :mod:`corridor_viewer.model.normalize` for the spelling rules):

* Every name and alias of every feature becomes a key in a trie; the trie becomes one regular expression
  per script, so one pass of the C regex engine over an article finds all Arabic-script mentions, and a
  second pass over the stretches of Latin text (if any) the others. Branches are tried children first,
  the deepest subtree first, so the longest name wins: "ممر زنگزور" is one mention of the corridor, not
  "ممر" plus "زنگزور". The regexes are compiled on the first link, not when the gazetteer is built.
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
* **Spelling variants** (:mod:`corridor_viewer.model.variants`): foreign words of Arabic names are keyed by
  a phonetic skeleton and Latin names without their marks, so a spelling no alias list holds is still
  found. Exact spellings come first: a match is ``match="exact"`` when some listed name of the feature
  spells it (under the folding above), else ``match="variant"``. A variant that two features share is
  dropped, and so is one listed in the feature's ``not_variants_ar`` (a common word that happens to
  share a name's skeleton).
* **Context rules** (:mod:`corridor_viewer.model.context_rules`, data in the features' ``link_rules``):
  a Zangezur name right after a region word ("بمنطقة زنگزور") names the region, Syunik; bare «جلفا»
  among Iranian cues is Iranian Jolfa; "the Russian base" is the 102nd base only in a text about Armenia;
  "Kars–Iğdır–Nakhchivan railway" is one name. A mention changed or kept by a rule carries its id in
  ``rule``. The mention covers only the name, like every other mention.

Why a regex and not a token loop: a Python loop over 10 million words costs seconds on its own; the regex
engine rejects a non-name word in a few hundred nanoseconds without creating any object.

Speed without changing a mention: with ``google-re2`` installed, RE2's automaton finds where an Arabic name
may start and Python's engine confirms it there (:mod:`corridor_viewer.model.prefilter`), over the text
projected to one byte a character; the same projection cuts the diacritics out with bytes operations.
``link_corpus(jobs=N)`` forks workers that send their mentions back as packed columns. Without RE2 the
same regexes run alone: the same mentions, more slowly (the tests check both ways give the same).
"""

from __future__ import annotations

import functools
import gc
import hashlib
import json
import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from typing import Any, NamedTuple

from corridor_viewer.model import prefilter
from corridor_viewer.model.context_rules import ContextRules
from corridor_viewer.model.corpus import Article, Corpus
from corridor_viewer.model.normalize import (
    ARTICLE,
    IGNORABLE_CHARS,
    PERSIAN_GAF,
    PROCLITIC,
    TRAILING_MARKS_RE,
    Compacted,
    compact,
    is_arabic,
    name_pattern,
    normalize,
    strip_article,
)
from corridor_viewer.model.variants import GROW_GAP, LOOSE_GAP, Token, fold_latin, name_tokens

NAME_FIELDS = ("name_ar", "name_en")
ALIAS_FIELDS = ("aliases_ar", "aliases_en")
NOT_NAME_FIELDS = ("not_names_ar", "not_names_en")
NOT_VARIANT_FIELDS = ("not_variants_ar", "not_variants_en")
RULES_FIELD = "link_rules"

EXACT, VARIANT, MANUAL = "exact", "variant", "manual"  # Mention.match
AUTO, CONFIRMED, REJECTED = "auto", "confirmed", "rejected"  # Mention.status

_BOUNDARY_END = r"(?!\w)"
_PROCLITIC_RE = re.compile(f"(?:{PROCLITIC})")
_EDGE_PUNCTUATION_RE = re.compile(r"^[^\w']+|[^\w']+$")
_TANWEEN_RE = re.compile("[\u064b-\u064d]")
_GAF_COMPATIBLE = frozenset("غجكگ")
_CACHE_LIMIT = 200_000  # distinct (name, spelling) pairs remembered; a corpus has a few thousand
_LATIN_LETTER_RE = re.compile("[A-Za-z\u00c0-\u024f]")
# A run of text without Arabic letters that starts with a Latin one; a Latin name never leaves its run.
_LATIN_RUN_RE = re.compile("[A-Za-z\u00c0-\u024f][^\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]*")


def _start_of(m: Mention) -> int:
    return m.start


class Mention(NamedTuple):
    """One name of one feature in one article; ``surface == article.text[start:end]``.

    ``match`` says how the name was found: ``"exact"`` (a listed spelling), ``"variant"`` (a spelling
    variant of one, see :mod:`~corridor_viewer.model.variants`) or ``"manual"`` (marked by a reader).
    ``status`` is ``"auto"`` until a reader confirms or rejects the link
    (:class:`~corridor_viewer.model.link_decisions.LinkDecisions`). ``rule`` is the id of the context
    rule that chose or kept the feature ("" for none). All plain values: mentions pickle, and cache as JSON.
    """

    feature_id: str
    article_id: str
    start: int
    end: int
    surface: str
    passage_index: int
    match: str = EXACT
    status: str = AUTO
    rule: str = ""


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
    # Common words that share a name's skeleton ("قارس", bitter, for Kars): never a variant of it.
    not_variants: tuple[str, ...] = ()
    rules: tuple[Mapping[str, Any], ...] = ()  # context rules, see context_rules.py


class _Name(NamedTuple):
    feature_id: str  # "" for a phrase that is not a name (GazetteerEntry.not_names)
    key: str
    has_article: bool  # written with the article ("البحر الأسود"), which then belongs to the mention
    rule: str = ""  # a name that only this context rule's cues confirm


class _Trie:
    __slots__ = ("children", "names")

    def __init__(self) -> None:
        self.children: dict[Token, _Trie] = {}
        self.names: list[_Name] = []

    def add(self, tokens: Sequence[Token], name: _Name) -> None:
        node = self
        for token in tokens:
            node = node.children.setdefault(token, _Trie())
        if name not in node.names:
            node.names.append(name)


class Gazetteer:
    """Every feature's names, compiled once for linking and searching.

    ``variants=False`` links listed spellings only (the benchmark's baseline, and a switch for users who
    want no guessing). A gazetteer is a pure function of its entries: it pickles as them, so worker
    processes rebuild the same one.
    """

    def __init__(self, entries: Iterable[GazetteerEntry], *, variants: bool = True) -> None:
        self.variants = variants
        self.entries: dict[str, GazetteerEntry] = {}
        self.conflicts: list[tuple[str, str, str]] = []  # (name, feature kept, feature dropped); "" = not a name
        kept_by_key: dict[str, str] = {}
        names: list[tuple[str, _Name]] = []
        blocked: list[str] = []
        rules: list[tuple[str, Mapping[str, Any]]] = []
        self._not_variants: dict[str, frozenset[str]] = {}
        for entry in entries:
            if entry.feature_id in self.entries:
                raise ValueError(f"duplicate feature id {entry.feature_id!r}")
            self.entries[entry.feature_id] = entry
            for name in entry.names:
                key = _key(name)
                if key:
                    kept = kept_by_key.setdefault(key, entry.feature_id)
                    if kept != entry.feature_id:
                        self.conflicts.append((name, kept, entry.feature_id))
                        continue
                    names.append((name, _Name(entry.feature_id, key, key != normalize(name))))
            blocked += entry.not_names
            rules += [(entry.feature_id, r) for r in entry.rules]
            if entry.not_variants:
                self._not_variants[entry.feature_id] = frozenset(normalize(w) for w in entry.not_variants)
        self.rules = ContextRules(rules, self.entries)
        for feature_id, name, rule_id in self.rules.conditional_names():
            key = _key(name)
            if key and key not in kept_by_key:
                kept_by_key[key] = feature_id
                names.append((name, _Name(feature_id, key, key != normalize(name), rule_id)))
        for name in blocked:  # after all names, so that a real name always wins
            key = _key(name)
            if not key:
                continue
            kept = kept_by_key.setdefault(key, "")
            if kept:
                self.conflicts.append((name, kept, ""))
            else:
                names.append((name, _Name("", key, key != normalize(name))))
        # Canonical names with and without a written article, for search_names().
        self._search_keys = [(e.feature_id, sorted({k for n in e.names for k in (normalize(n), _key(n)) if k}))
                             for e in self.entries.values()]
        self._names = names
        self._compiled: tuple[_Pass | None, _Pass | None] | None = None  # built on first link (see _passes)
        self._cache: dict[tuple[int, int, str], tuple[str, str, bool, str, Any] | None] = {}
        # One string object per distinct surface: an archive writes each name a few ways, and a surface is a
        # third of a mention's memory (~90 of ~260 bytes), so 100,000 articles' mentions hold ~35% less.
        self._surfaces: dict[str, str] = {}

    def __reduce__(self):
        return (_rebuild, (list(self.entries.values()), self.variants))

    @classmethod
    def from_features(cls, features: Iterable[Any], *, variants: bool = True) -> Gazetteer:
        """From model :class:`~corridor_viewer.model.feature.Feature` objects, GeoJSON features or plain dicts
        with ``id``, ``name_en``, ``name_ar``, ``aliases_ar``, ``aliases_en`` (and optionally
        ``not_names_*``, ``not_variants_*``, ``link_rules``)."""
        return cls(entries_from_features(features), variants=variants)

    def fingerprint(self) -> str:
        """A short hash of everything linking depends on, for caches of linked corpora."""
        data = [[e.feature_id, e.names, e.not_names, e.not_variants, e.rules] for e in self.entries.values()]
        blob = json.dumps([data, self.variants], ensure_ascii=False, sort_keys=True, default=list)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]

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
        # Article keeps its passage starts for passage_index_at(); a bisection per mention on them is the
        # same answer without a method call per mention.
        starts = getattr(article, "_starts", None)
        return self.link_text(article.text, article.id,
                              starts if starts is not None else [p.start for p in article.passages])

    def _passes(self) -> tuple[_Pass | None, _Pass | None]:
        """The Arabic and the Latin regex, compiled on first use: a gazetteer that only searches names (the
        GUI with a cached link index) never pays the second or so that compiling the trie costs."""
        if self._compiled is None:
            self._compiled = _compile(self._names, self.variants)
        return self._compiled

    def link_text(self, text: str, article_id: str, passage_starts: Sequence[int] | None = None) -> list[Mention]:
        """Every mention in ``text``; ``passage_starts`` (ascending passage start offsets) give each mention's
        passage index, -1 without them."""
        arabic, latin = self._passes()
        if len(self._surfaces) > _CACHE_LIMIT:
            self._surfaces.clear()
        scanners = _scanners() if arabic is not None and arabic.prefilter is not None else None
        if scanners is not None:  # with RE2: the text in bytes too, and the marks found there (prefilter.py)
            comp, data = _compact_projected(text, scanners[0])
        else:
            comp, data = compact(text), None
        # A leading space lets every match start with its non-word boundary character, which the regex
        # engine finds by a fast scan instead of trying a lookbehind at every position.
        ctext = " " + comp.text
        out: list[Mention] = []
        if arabic is not None:
            self._collect(arabic, 0, ctext, data, text, comp, article_id, passage_starts, out)
        # Latin names get their own pass, and only over text that holds a Latin letter: most of an Arabic
        # archive does not, and the combined pattern made every Arabic word start try the Latin branch too.
        if latin is not None and (scanners is not None or _LATIN_LETTER_RE.search(ctext)):
            n = len(out)
            # Only the stretches without Arabic letters can hold a Latin name: scan those alone.
            runs = scanners[1].finditer(ctext, 0, None, data) if scanners else _LATIN_RUN_RE.finditer(ctext)
            for run in runs:
                self._collect(latin, 1, ctext, None, text, comp, article_id, passage_starts, out,
                              run.start() - 1, run.end() + 1)
            if n and len(out) > n:
                out.sort(key=_start_of)
        if self.rules and out:
            out = self.rules.apply(text, out)
        return out

    def _collect(self, p: _Pass, which: int, ctext: str, data: bytes | None, text: str, comp, article_id: str,
                 starts: Sequence[int] | None, out: list[Mention], lo: int = 0, hi: int | None = None) -> None:
        cuts, cumulative = comp.cuts, comp.cumulative
        group_names = p.group_names
        cache, resolve = self._cache, self._resolve
        after_word = self.rules.after_word
        append, new = out.append, tuple.__new__
        surface = self._surfaces.setdefault
        end_at = len(ctext) if hi is None else hi
        fast = p.prefilter  # RE2 finds where a match may start, sre confirms it there (prefilter.py)
        matches = fast.finditer(ctext, lo, end_at, data) if fast is not None else p.regex.finditer(ctext, lo, end_at)
        for m in matches:
            lead = m.start() + 1  # after the non-word character the match starts with
            group = m.lastindex
            proclitic_end, key_end = m.end(1), m.end()
            key_start = proclitic_end if proclitic_end > lead else lead
            span = ctext[key_start:key_end]
            key = (which, group, span)
            found = cache.get(key, cache)
            if found is cache:
                found = resolve(group_names[group], span)
                if found is not None:
                    # A bare one-word name may follow a region word (checked below): its rule, found once.
                    found += (after_word.get(found[0]) if " " not in span else None,)
                if len(cache) > _CACHE_LIMIT:
                    cache.clear()
                cache[key] = found
            if found is None:
                continue
            feature_id, how, has_article, rule, aw = found
            if proclitic_end <= lead:  # no proclitic (or a Latin name, which takes none)
                name_start = lead
                # "بمنطقة زنگزور" is the region; "ومنطقة وزنگزور" lists two places, so a proclitic rules it out.
                if aw is not None and aw.before.search(ctext, max(0, name_start - 24), name_start):
                    feature_id, rule = aw.becomes, aw.id
            else:
                name_start = proclitic_end
                if has_article:  # the name's own article is part of it: "البحر الأسود", "لـ|لبحر الأسود"
                    proclitic = m.group(1)
                    name_start -= 2 if proclitic.endswith(ARTICLE) else 1 if proclitic.endswith("لل") else 0
            # Back to original offsets (the leading space is not in the text; see Compacted).
            start, end = name_start - 1, key_end - 1
            if cuts:
                k = bisect_right(cuts, start)
                if k == len(cuts) or cuts[k] > end:  # no marks inside the name or right after it: one shift
                    if k:
                        shift = cumulative[k - 1]
                        start += shift
                        end += shift
                else:
                    if k:
                        start += cumulative[k - 1]
                    k_end = bisect_right(cuts, end - 1)
                    if k_end:
                        end += cumulative[k_end - 1]
                    if k_end < len(cuts) and cuts[k_end] == key_end - 1:  # marks right after the last letter
                        marks = TRAILING_MARKS_RE.match(text, end)
                        if marks:
                            end = marks.end()
                        k_end += 1
                    # Place names take no tanween: "تركياً", "أرمينيًّا" are the adjectives "Turkish", "Armenian".
                    if k_end > k and _TANWEEN_RE.search(text, start, end):
                        continue
            # tuple.__new__ skips the NamedTuple's Python-level __new__ (a frame per mention).
            name = text[start:end]
            append(new(Mention, (feature_id, article_id, start, end, surface(name, name),
                                 bisect_right(starts, start) - 1 if starts is not None else -1, how, AUTO, rule)))

    def _resolve(self, names: tuple[_Name, ...], span: str) -> tuple[str, str, bool, str] | None:
        """(feature, match, has_article, rule) for a matched spelling, or None: blocked or ambiguous."""
        canon = _comparable(normalize(span))
        for name in names:  # exact spellings first, in the order the names were listed
            if _same_spelling(canon, name.key):
                return (name.feature_id, EXACT, name.has_article, name.rule) if name.feature_id else None
        features = {n.feature_id for n in names}
        if len(features) != 1 or "" in features:  # a variant of two features, or of a phrase that is no name
            return None
        name = names[0]
        if normalize(span) in self._not_variants.get(name.feature_id, ()):
            return None
        return name.feature_id, VARIANT, name.has_article, name.rule

    def closest_name(self, feature_id: str, surface: str) -> str:
        """The listed name of the feature nearest to ``surface`` (fewest letter edits, same script): what
        the reader shows as "matched as a spelling variant of …"."""
        return closest_name(self.names(feature_id), surface)

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


def closest_name(names: Iterable[str], surface: str) -> str:
    """Of ``names`` (a feature's listed names), the one nearest to ``surface`` in the same script (fewest letter
    edits): what a reader shows as "matched as a spelling variant of …". Needs no compiled gazetteer."""
    target = _comparable(normalize(_strip_proclitic_article(surface)))
    arabic = is_arabic(target)
    best, best_cost = "", None
    for name in names:
        if is_arabic(name) != arabic:
            continue
        key = _comparable(_key(name))
        cost = _edit_distance(target, key) if arabic else _edit_distance(fold_latin(target), fold_latin(key))
        if best_cost is None or cost < best_cost:
            best, best_cost = name, cost
    return best


def _rebuild(entries: list[GazetteerEntry], variants: bool) -> Gazetteer:
    return Gazetteer(entries, variants=variants)


def entries_from_features(features: Iterable[Any]) -> list[GazetteerEntry]:
    """Gazetteer entries from features (model objects, GeoJSON features or plain property dicts)."""
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
        not_variants = [a for k in NOT_VARIANT_FIELDS for a in props.get(k) or () if a]
        rules = tuple(r for r in props.get(RULES_FIELD) or () if isinstance(r, Mapping))
        entries.append(GazetteerEntry(str(fid), props.get("name_en") or str(fid), tuple(dict.fromkeys(names)),
                                      tuple(not_names), tuple(not_variants), rules))
    return entries


def _key(name: str) -> str:
    """The trie key of a name: canonical form, without a written article (the proclitic pattern adds it)."""
    key = normalize(name)
    if is_arabic(key) and name.lstrip().startswith(ARTICLE):
        key = strip_article(key)
    return key


def _strip_proclitic_article(surface: str) -> str:
    s = surface.strip()
    return s[2:] if s.startswith(ARTICLE) and len(s) > 4 else s


def _edit_distance(a: str, b: str) -> int:
    """Levenshtein distance; names are short, so the plain dynamic programme is enough."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _comparable(canonical: str) -> str:
    """What exact matching treats as equal: a dash is a space, an apostrophe optional ("Iran's" = "Irans")."""
    return canonical.replace("-", " ").replace("'", "")


def _same_spelling(canon: str, key: str) -> bool:
    """Whether a matched spelling (see _comparable) is one the exact pattern of ``key`` accepts."""
    key = _comparable(key)
    if canon == key:
        return True
    if len(canon) != len(key) or (PERSIAN_GAF not in canon and PERSIAN_GAF not in key):
        return False
    # Persian گ and each of غ ج ك are interchangeable (normalize.py); those three among themselves are not.
    return all(a == b or (PERSIAN_GAF in (a, b) and a in _GAF_COMPATIBLE and b in _GAF_COMPATIBLE)
               for a, b in zip(canon, key, strict=True))


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


class _Pass(NamedTuple):
    regex: re.Pattern[str]
    group_names: list[tuple[_Name, ...]]  # per regex group: the names of the trie node it closes
    prefilter: prefilter.Prefilter | None  # finds the regex's matches faster (Arabic pass, with RE2)


def _compile(names: Iterable[tuple[str, _Name]], variants: bool) -> tuple[_Pass | None, _Pass | None]:
    """One regex for the Arabic names and one for the others; group 1 is the proclitic (Arabic), each later
    group marks the end of a trie node.

    Keys are token sequences (variants.py): with variants, a foreign word's tokens accept every spelling
    of its skeleton, so one node stands for all the names that share it and :meth:`Gazetteer._resolve`
    tells exact from variant afterwards.
    """
    arabic, latin = _Trie(), _Trie()
    firsts: set[str] = set()
    for _raw, name in names:
        tokens = name_tokens(name.key, variants=variants)
        (arabic if is_arabic(name.key) else latin).add(tokens, name)

    depth: dict[int, int] = {}

    def deepest(node: _Trie) -> int:
        if id(node) not in depth:
            depth[id(node)] = 1 + max((deepest(c) for c in node.children.values()), default=0)
        return depth[id(node)]

    def emit(node: _Trie, group_names: list) -> str:
        # Sibling tokens may accept the same letters ("ترمب" takes an inserted vowel, so its branch also
        # reads "ترامب"), and the engine keeps the first branch that matches: the branch holding the
        # longest names goes first, so that a shorter name never hides a longer one.
        children = sorted(node.children.items(), key=lambda kv: (-deepest(kv[1]), not kv[0].exact, kv[0].pattern))
        # Siblings that start with the same possessive vowel run share it: one run, then a branch on the
        # consonant. (Possessive, so the run is the same whichever sibling follows: nothing changes but speed.)
        # The order is fixed first and the text emitted after, in that order: regex groups are numbered by
        # their place in the pattern, and group_names must follow.
        items: list[Any] = []
        shared: dict[str, list[tuple[str, _Trie]]] = {}
        for token, child in children:
            gap = next((g for g in (LOOSE_GAP, GROW_GAP) if token.pattern.startswith(g)), "")
            if not gap:
                items.append((token.pattern, child))
            elif gap in shared:
                shared[gap].append((token.pattern[len(gap):], child))
            else:
                shared[gap] = [(token.pattern[len(gap):], child)]
                items.append((gap, shared[gap]))
        alts: list[str] = []
        for head, what in items:
            if isinstance(what, list):
                rest = [piece + emit(child, group_names) for piece, child in what]
                alts.append(head + (rest[0] if len(rest) == 1 else "(?:" + "|".join(rest) + ")"))
            else:
                alts.append(head + emit(what, group_names))
        if node.names:
            group_names.append(tuple(node.names))
            alts.append("()" + _BOUNDARY_END)  # after the longer names: longest match wins
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    out: list[_Pass | None] = [None, None]
    if arabic.children:
        groups: list[tuple[_Name, ...]] = [()] * 2  # groups 0 and 1 carry no name
        # A word can start a name only with a proclitic letter or a name's first letter: one class check
        # turns most other word starts away before the proclitic and the trie are tried.
        starts = set("وفبكلا")
        for token in arabic.children:
            starts |= _first_chars(token.pattern)
        guard = "".join(sorted(re.escape(c) for c in starts))
        regex = re.compile(rf"\W(?=[{guard}])({PROCLITIC}){emit(arabic, groups)}")
        # RE2 finds where a name may start, sre confirms it there (prefilter.py): the same matches, found in
        # about 40% of the time. The Latin pass scans little text and keeps sre (it is case-insensitive).
        out[0] = _Pass(regex, groups, prefilter.build(regex))
    if latin.children:
        groups = [()] * 2
        for token in latin.children:
            firsts |= _first_chars(token.pattern)
        # Checking the first letter first keeps the case-insensitive trie off most word starts.
        guard = "".join(sorted(re.escape(c) for c in firsts))
        regex = re.compile(rf"\W()(?=[{guard}])(?i:{emit(latin, groups)})")
        out[1] = _Pass(regex, groups, None)
    return out[0], out[1]


_GUARD_CHARS = [chr(c) for c in (*range(0x20, 0x2b0), *range(0x600, 0x700))]


@functools.lru_cache(maxsize=512)
def _first_chars(pattern: str) -> frozenset[str]:
    """Every character a token's pattern can start with, in both cases (for the first-letter guards)."""
    regex = re.compile(pattern, re.IGNORECASE)
    # A token may need a second letter ("تش"); any letter after the candidate lets the match test only it.
    chars = {c for c in _GUARD_CHARS if regex.match(c + "ش") or regex.match(c + "a")}
    return frozenset(chars | {c.upper() for c in chars} | {c.lower() for c in chars})


@functools.lru_cache(maxsize=1)
def _scanners() -> tuple[prefilter.Cutter, prefilter.Prefilter] | None:
    """With RE2: the cutter of the marks compact() cuts out, and the scanner of Latin runs; else None."""
    runs = prefilter.build(_LATIN_RUN_RE)
    if runs is None:
        return None
    try:
        return prefilter.Cutter(IGNORABLE_CHARS), runs
    except prefilter.UnsupportedError:
        return None


def _compact_projected(text: str, cutter: prefilter.Cutter) -> tuple[Compacted, bytes]:
    """``compact(text)``, and ``" " +`` its text projected for RE2, from one projection of ``text``."""
    data = prefilter.project(text)
    try:
        cut = cutter.cut(text, data)
    except prefilter.UnsupportedError:  # a NUL in the text: the slower way
        comp = compact(text)
        return comp, b" " + prefilter.project(comp.text)
    if cut is None:
        return Compacted(text), b" " + data
    kept_text, kept, cuts, cumulative = cut
    return Compacted(kept_text, cuts, cumulative), b" " + kept


def link_corpus(corpus: Corpus | Iterable[Article], gazetteer: Gazetteer, jobs: int = 1) -> list[Mention]:
    """Every mention in every article, article by article (corpus order), in text order.

    ``jobs > 1`` links in that many forked worker processes (where the platform forks; elsewhere, and for
    small corpora, in this process). The result is the same list either way: the linker is a pure function
    of the gazetteer and the text.
    """
    articles = corpus.articles if isinstance(corpus, Corpus) else list(corpus)
    if jobs > 1 and len(articles) >= _MIN_PARALLEL * jobs and _can_fork():
        return _link_forked(articles, gazetteer, jobs)
    out: list[Mention] = []
    # Hundreds of thousands of new tuples would trigger the cyclic garbage collector over and over, each
    # pass walking the whole corpus: linking time would grow faster than the corpus. Mentions hold no
    # reference cycles, so pausing the collector loses nothing.
    paused = gc.isenabled()
    gc.disable()
    try:
        for article in articles:
            out += gazetteer.link(article)
    finally:
        if paused:
            gc.enable()
    return out


_MIN_PARALLEL = 64  # articles per process below which starting processes costs more than it saves
_SLICE = 48  # articles per slice handed out: small, so that all processes run out of work together
_FORKED: list[Any] = []  # what forked workers inherit instead of a pickle: see _link_forked


def _can_fork() -> bool:
    import multiprocessing
    import sys

    return "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"


def _claim(counter: Any, lock: Any, n: int) -> int | None:
    """The next slice nobody has taken yet, or None."""
    with lock:
        k = counter.value
        if k >= n:
            return None
        counter.value = k + 1
    return k


def _link_worker(conn: Any) -> None:
    """A forked worker: link slices until none are left, send each as (slice, packed mentions)."""
    articles, gazetteer, bounds, counter, lock = _FORKED[0]
    gc.disable()
    try:
        while (k := _claim(counter, lock, len(bounds))) is not None:
            conn.send((k, _pack(articles, gazetteer, *bounds[k])))
    except BaseException:  # the parent links what was not sent, and raises there if it fails
        pass
    finally:
        conn.close()


# What a worker sends for a slice: its combinations of (feature, match, status, rule) and its surfaces, each
# once, then per article its mention count and per mention its combination, surface, start, end and
# passage, each column as int32 bytes.
_Packed = tuple[list[tuple[str, str, str, str]], list[str], bytes, bytes, bytes, bytes, bytes, bytes]


def _pack(articles: Sequence[Article], gazetteer: Gazetteer, lo: int, hi: int) -> _Packed:
    """A slice's mentions, packed: pickling 200,000 tuples and rebuilding them cost the two processes about
    a fifth of the linking, and a few bytes objects pickle at once. Column by column, with C-level loops
    only (zip, map, array): a Python loop a mention cost a tenth of the linking again."""
    link = gazetteer.link
    counts = array("i")
    mentions: list[Mention] = []
    for i in range(lo, hi):
        part = link(articles[i])
        counts.append(len(part))
        mentions += part
    if not mentions:
        return [], [], counts.tobytes(), b"", b"", b"", b"", b""
    feature, _article, start, end, surface, passage, match, status, rule = zip(*mentions, strict=True)
    keys = list(zip(feature, match, status, rule, strict=True))
    combos = {key: n for n, key in enumerate(dict.fromkeys(keys))}
    surfaces = {name: n for n, name in enumerate(dict.fromkeys(surface))}
    return (list(combos), list(surfaces), counts.tobytes(), array("i", map(combos.__getitem__, keys)).tobytes(),
            array("i", map(surfaces.__getitem__, surface)).tobytes(), array("i", start).tobytes(),
            array("i", end).tobytes(), array("i", passage).tobytes())


def _widen_pipe(conn: Any) -> None:
    """Room for a few slices' mentions in the pipe (Linux: 64 KiB by default, about one slice), so that a
    worker never waits for this process to finish its own slice before it can go on."""
    import contextlib

    with contextlib.suppress(ImportError, OSError, AttributeError):
        import fcntl

        fcntl.fcntl(conn.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)  # Linux only: elsewhere AttributeError


def _unpack(articles: Sequence[Article], lo: int, packed: _Packed, surfaces: dict[str, str]) -> list[Mention]:
    """The mentions of a slice from what :func:`_pack` made of them, again with C-level loops only."""
    combos, names, *columns = packed
    counts, combo, surface, start, end, passage = (array("i", column) for column in columns)
    if not combo:
        return []
    ids = chain.from_iterable(map(repeat, [a.id for a in articles[lo:lo + len(counts)]], counts))
    # One string object per distinct surface in this process too (see Gazetteer._surfaces).
    names = list(map(surfaces.setdefault, names, names))
    feature, match, status, rule = (list(column) for column in zip(*combos, strict=True))
    return list(map(tuple.__new__, repeat(Mention), zip(
        map(feature.__getitem__, combo), ids, start, end, map(names.__getitem__, surface), passage,
        map(match.__getitem__, combo), map(status.__getitem__, combo), map(rule.__getitem__, combo), strict=True)))


def _link_range(articles: Sequence[Article], gazetteer: Gazetteer, lo: int, hi: int) -> list[Mention]:
    out: list[Mention] = []
    link = gazetteer.link
    for i in range(lo, hi):
        out += link(articles[i])
    return out


def _link_forked(articles: list[Article], gazetteer: Gazetteer, jobs: int) -> list[Mention]:
    """Link in this process and ``jobs - 1`` forked workers; every process takes the next slice as it
    finishes one, and this one unpacks what the workers sent between its own slices."""
    import multiprocessing
    from multiprocessing.connection import wait

    ctx = multiprocessing.get_context("fork")
    gazetteer._passes()  # compile once, before the fork: every worker inherits it
    bounds = [(i, min(i + _SLICE, len(articles))) for i in range(0, len(articles), _SLICE)]
    counter, lock = ctx.RawValue("q", 0), ctx.Lock()
    # Slices go into the result as soon as those before them are in, while their mentions are still in the
    # processor's cache: copying 400,000 mentions at the end, long after they were made, cost 3% of the time.
    out: list[Mention] = []
    waiting: dict[int, list[Mention]] = {}  # done, but a slice before them is not
    placed = 0  # slices in out

    def place(k: int, part: list[Mention]) -> None:
        nonlocal placed
        waiting[k] = part
        while placed in waiting:
            out.extend(waiting.pop(placed))
            placed += 1

    _FORKED[:] = [(articles, gazetteer, bounds, counter, lock)]
    procs, conns = [], []

    def take(block: bool) -> None:
        for conn in wait(conns, None if block else 0):
            try:
                k, packed = conn.recv()
            except (EOFError, OSError):
                conns.remove(conn)
                continue
            place(k, _unpack(articles, bounds[k][0], packed, gazetteer._surfaces))

    paused = gc.isenabled()
    gc.disable()
    # Frozen objects are left alone by the collector, so the workers' collections never touch (and copy)
    # the memory pages of the articles they inherited.
    gc.freeze()
    try:
        for _ in range(jobs - 1):
            receive, send = ctx.Pipe(duplex=False)
            _widen_pipe(send)
            proc = ctx.Process(target=_link_worker, args=(send,), daemon=True)
            proc.start()
            send.close()
            procs.append(proc)
            conns.append(receive)
        while (k := _claim(counter, lock, len(bounds))) is not None:
            place(k, _link_range(articles, gazetteer, *bounds[k]))
            if conns:
                take(block=False)
        while conns:
            take(block=True)
    finally:
        # If this process failed or was interrupted, the workers must not go on taking slices: mark them all
        # taken, and close the pipes first, so that a worker blocked on sending stops (a broken pipe) at once.
        with lock:
            counter.value = len(bounds)
        for conn in conns:
            conn.close()
        for proc in procs:
            proc.join(5)
            if proc.is_alive():
                proc.kill()
                proc.join()
        _FORKED.clear()
        gc.unfreeze()
        if paused:
            gc.enable()
    for k in range(placed, len(bounds)):
        part = waiting.pop(k, None)
        if part is None:  # a worker died with this slice: link it here (and fail here, with a traceback)
            part = _link_range(articles, gazetteer, *bounds[k])
        out += part
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

