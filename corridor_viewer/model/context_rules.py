"""Context rules: when the words around a name decide which place it is. The rules are data.

A feature's ``link_rules`` property (merged into the geodata from ``geodata/src/aliases.json`` by
``geodata/build.py``) lists rules of four kinds; each has an ``id`` that a mention changed by it carries in
``Mention.rule``, so a reader can see why a name was linked the way it was.

``after_word``
    The feature's bare one-word name right after one of ``words`` names ``becomes`` instead: "منطقة زنگزور"
    is a region, not the corridor. Checked while linking (it needs only the text just before). With
    ``cues`` (features, words) the change holds only where a cue is within ``window`` characters: the
    historical Zangezur region spans Armenia's Syunik *and* Azerbaijan's East Zangezur, so "the Zangezur
    region" is Syunik only in a text that places it in Armenia; elsewhere the mention stays what the name
    alone says.
``nearby``
    The feature's names listed in ``names`` mean ``becomes`` when, within ``window`` characters of the
    mention, the cues for it (``cues_for``: features mentioned, words written) outnumber the cues against
    it (``cues_against``); with no cue either way in the window, the whole article is counted. A mention
    of ``becomes`` itself nearby counts *against*: a text that names both places distinguishes them
    ("جلفا الإيرانية وجلفا"). Bare «جلفا» in a report on Iran's border posts is Iranian Jolfa; in one on
    Nakhchivan's railway it is Julfa.
``requires``
    Descriptions that name the feature only in context ("القنصلية الإيرانية", "the Russian base"): the
    ``names`` are linked, and kept only where one of the ``cues`` occurs within ``window`` characters
    (default: anywhere in the article). The consulate is Kapan's only in a text about Kapan or Syunik.
``dash_chain``
    A mention of the feature joined by dashes to mentions of any of the ``with`` features is one name of
    ``becomes``, covering the whole chain: "Kars–Iğdır–Nakhchivan railway" is the Turkish line, not Kars,
    Iğdır and the Nakhchivan railway. With ``next_words`` or ``prev_words`` the chain must also be
    followed ("Baku–Nakhchivan–Yerevan railroad", up to two more dashed names in between) or preceded
    ("سكة حديد باكو - نخجوان - يريفان") by one of them, which the mention then covers: "Baku–Nakhchivan"
    alone is a flight, not the Soviet railway.

Cue words match as whole words, with Arabic proclitics, after the same folding as names; a cue word
inside another mention ("الإيرانية" in "جلفا الإيرانية") does not count, because that mention has
already said what it names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from corridor_viewer.model.normalize import PROCLITIC, SEP, compact, is_arabic, name_pattern, normalize

_FEATURE, _RULE = itemgetter(0), itemgetter(8)  # Mention.feature_id, Mention.rule
_DASH_GAP_RE = re.compile(r"[^\S\n]*[-‐‑‒–—―−][^\S\n]*\Z")
DEFAULT_WINDOW = 300


@dataclass(frozen=True)
class Cues:
    features: frozenset[str]
    words: tuple[re.Pattern[str], ...]

    def count(self, text: str, lo: int, hi: int, mentions: Sequence[Any], skip: Any) -> int:
        n = sum(1 for m in mentions if m is not skip and m.feature_id in self.features and lo <= m.start < hi)
        if self.words:
            comp = compact(text[lo:hi])
            for regex in self.words:
                for hit in regex.finditer(" " + comp.text):
                    a = lo + comp.start_in_original(hit.start(1) - 1)
                    if not any(m.start <= a < m.end for m in mentions):
                        n += 1
        return n


@dataclass(frozen=True)
class AfterWordRule:
    id: str
    feature: str
    becomes: str
    before: re.Pattern[str]  # matches the region word (with proclitics) ending right before the name
    cues: Cues | None = None  # with cues, the change holds only where one is within ``window``
    window: int = DEFAULT_WINDOW


@dataclass(frozen=True)
class NearbyRule:
    id: str
    feature: str
    becomes: str
    names: frozenset[str]  # canonical surfaces the rule applies to; empty = every name of the feature
    cues_for: Cues
    cues_against: Cues
    window: int


@dataclass(frozen=True)
class RequiresRule:
    id: str
    feature: str
    names: tuple[str, ...]
    cues: Cues
    window: int | None  # None: the whole article


@dataclass(frozen=True)
class ChainRule:
    id: str
    feature: str
    with_features: frozenset[str]
    becomes: str
    next_words: re.Pattern[str] | None = None  # matches right after the chain; its end ends the mention
    prev_words: re.Pattern[str] | None = None  # matches right before the chain (searched with endpos)


def _next_words(words: Sequence[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    alt = "|".join(name_pattern(normalize(w)) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:[^\S\n]*[-‐‑‒–—―−][^\S\n]*\w+){{0,2}}[^\S\n]+(?:{alt})(?!\w)", re.IGNORECASE)


def _prev_words(words: Sequence[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    alt = "|".join(name_pattern(normalize(w)) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{PROCLITIC})?({alt})[^\S\n]+\Z", re.IGNORECASE)


def _words_regexes(words: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    """Whole-word patterns for cue words (Arabic ones with proclitics); group 1 is the word itself."""
    keys = sorted({normalize(w) for w in words if w and w.strip()}, key=len, reverse=True)
    arabic = [name_pattern(k) for k in keys if is_arabic(k)]
    latin = [name_pattern(k) for k in keys if not is_arabic(k)]
    out = []
    if arabic:
        out.append(re.compile(rf"\W(?:{PROCLITIC})({'|'.join(arabic)})(?!\w)"))
    if latin:
        out.append(re.compile(rf"\W({'|'.join(latin)})(?!\w)", re.IGNORECASE))
    return tuple(out)


def _cues(data: Mapping[str, Any] | None) -> Cues:
    data = data or {}
    return Cues(frozenset(data.get("features") or ()), _words_regexes(data.get("words") or ()))


class ContextRules:
    """The compiled rules of a gazetteer; :meth:`apply` runs them over one article's mentions."""

    def __init__(self, rules: Iterable[tuple[str, Mapping[str, Any]]], known: Iterable[str]) -> None:
        known = set(known)
        self.after_word: dict[str, AfterWordRule] = {}
        self.nearby: dict[str, list[NearbyRule]] = {}
        self.requires: dict[str, RequiresRule] = {}
        self.chains: dict[str, list[ChainRule]] = {}
        self.problems: list[str] = []  # rules naming unknown features: skipped, reported by `check`
        for feature, raw in rules:
            kind, rid = raw.get("kind"), str(raw.get("id") or f"{feature}:{raw.get('kind')}")
            becomes = raw.get("becomes") or feature
            refs = {feature, becomes} | set((raw.get("cues_for") or {}).get("features") or ())
            refs |= set((raw.get("cues_against") or {}).get("features") or ()) | set(raw.get("with") or ())
            refs |= set((raw.get("cues") or {}).get("features") or ())
            if refs - known:
                self.problems.append(f"rule {rid}: unknown feature(s) {', '.join(sorted(refs - known))}")
                continue
            if kind == "after_word":
                words = "|".join(name_pattern(normalize(w)) for w in raw.get("words") or ())
                if words:
                    self.after_word[feature] = AfterWordRule(
                        rid, feature, becomes, re.compile(rf"(?<!\w)(?:{PROCLITIC})?(?:{words}){SEP}\Z"),
                        _cues(raw["cues"]) if raw.get("cues") else None, int(raw.get("window") or DEFAULT_WINDOW))
            elif kind == "nearby":
                self.nearby.setdefault(feature, []).append(NearbyRule(
                    rid, feature, becomes, frozenset(normalize(n) for n in raw.get("names") or ()),
                    _cues(raw.get("cues_for")), _cues(raw.get("cues_against")),
                    int(raw.get("window") or DEFAULT_WINDOW)))
            elif kind == "requires":
                window = raw.get("window")
                self.requires[rid] = RequiresRule(rid, feature, tuple(raw.get("names") or ()), _cues(raw.get("cues")),
                                                  None if window in (None, "article") else int(window))
            elif kind == "dash_chain":
                self.chains.setdefault(feature, []).append(
                    ChainRule(rid, feature, frozenset(raw.get("with") or ()), becomes,
                              _next_words(raw.get("next_words") or ()), _prev_words(raw.get("prev_words") or ())))
            else:
                self.problems.append(f"rule {rid}: unknown kind {kind!r}")
        # after_word rules with cues are checked after linking, once the mentions around are known.
        self._after_cues = {r.id: r for r in self.after_word.values() if r.cues is not None}
        # Features and rule ids that make apply() do anything: one set test per mention decides.
        self._triggers = (frozenset(self.nearby) | frozenset(self.chains) | frozenset(self.requires)
                          | frozenset(self._after_cues))

    def conditional_names(self) -> list[tuple[str, str, str]]:
        """(feature, name, rule id) for every name that only a ``requires`` rule's cues can confirm."""
        return [(r.feature, name, r.id) for r in self.requires.values() for name in r.names]

    def __bool__(self) -> bool:
        return bool(self.after_word or self.nearby or self.requires or self.chains)

    # -- after linking

    def apply(self, text: str, mentions: list[Any]) -> list[Any]:
        """The article's mentions with the rules applied (chains, then requirements, then nearby cues)."""
        # Set operations over map(itemgetter) run in C: this runs on every article an archive holds.
        if not mentions:
            return mentions
        features, rules = set(map(_FEATURE, mentions)), set(map(_RULE, mentions))
        triggers = self._triggers
        if triggers.isdisjoint(features) and triggers.isdisjoint(rules):
            return mentions  # the common case: nothing in this article has a rule
        # Each step sees what the one before it made (a chain or a cue can change a mention's feature and rule).
        if self.chains and not features.isdisjoint(self.chains):
            mentions = self._chains(text, mentions)
            features, rules = set(map(_FEATURE, mentions)), set(map(_RULE, mentions))
        if self.requires and not rules.isdisjoint(self.requires):
            mentions = [m for m in mentions if m.rule not in self.requires or self._required(text, m, mentions)]
            features, rules = set(map(_FEATURE, mentions)), set(map(_RULE, mentions))
        if self._after_cues and not rules.isdisjoint(self._after_cues):
            mentions = [self._after_word_cued(text, m, mentions) if m.rule in self._after_cues else m
                        for m in mentions]
            features = set(map(_FEATURE, mentions))
        if self.nearby and not features.isdisjoint(self.nearby):
            mentions = [self._nearby(text, m, mentions) if m.feature_id in self.nearby and not m.rule else m
                        for m in mentions]
        return mentions

    def _chains(self, text: str, mentions: list[Any]) -> list[Any]:
        chains = self.chains
        # Only a run of dash-joined mentions that holds a chain feature can change: grow runs around those.
        seeds = [i for i, f in enumerate(map(_FEATURE, mentions)) if f in chains]
        out: list[Any] = []
        done = 0  # mentions before this index are in out
        seen = 0  # seeds before this index were in a run already tried
        last = len(mentions) - 1
        for seed in seeds:
            if seed < done or seed < seen:
                continue
            i = seed
            while i > done and _DASH_GAP_RE.match(text[mentions[i - 1].end:mentions[i].start]):
                i -= 1
            j = seed  # grow the run of mentions joined by dashes
            while j < last and _DASH_GAP_RE.match(text[mentions[j].end:mentions[j + 1].start]):
                j += 1
            seen = j + 1
            if j == i:
                continue
            run = mentions[i:j + 1]
            found = None
            for m in run:
                for r in chains.get(m.feature_id, ()):
                    if any(o.feature_id in r.with_features for o in run if o is not m):
                        span = self._chain_span(text, r, run)
                        if span is not None:
                            found = (r, span)
                            break
                if found:
                    break
            if found is None:
                continue
            out += mentions[done:i]
            rule, (start, end) = found
            first = run[0]
            match = "exact" if all(m.match == "exact" for m in run) else "variant"
            out.append(first._replace(feature_id=rule.becomes, start=start, end=end, surface=text[start:end],
                                      match=match, rule=rule.id))
            done = j + 1
        if not done:
            return mentions
        out += mentions[done:]
        return out

    @staticmethod
    def _chain_span(text: str, rule: ChainRule, run: list[Any]) -> tuple[int, int] | None:
        """The merged mention's span (with the rule's railway words), or None if the words are not there."""
        start, end = run[0].start, run[-1].end
        if rule.next_words is None and rule.prev_words is None:
            return start, end
        if rule.next_words is not None:
            hit = rule.next_words.match(text, end)
            if hit:
                return start, hit.end()
        if rule.prev_words is not None:
            hit = rule.prev_words.search(text, max(0, start - 40), start)
            if hit:
                return hit.start(1), end  # after any proclitic, like every mention
        return None

    def _after_word_cued(self, text: str, m: Any, mentions: list[Any]) -> Any:
        """An after_word change kept where a cue is near, else undone (the name keeps its own feature)."""
        rule = self._after_cues[m.rule]
        lo, hi = max(0, m.start - rule.window), m.end + rule.window
        if rule.cues.count(text, lo, hi, mentions, m) > 0:
            return m
        return m._replace(feature_id=rule.feature, rule="")

    def _required(self, text: str, m: Any, mentions: list[Any]) -> bool:
        rule = self.requires[m.rule]
        lo, hi = (0, len(text)) if rule.window is None else (max(0, m.start - rule.window), m.end + rule.window)
        return rule.cues.count(text, lo, hi, mentions, m) > 0

    def _nearby(self, text: str, m: Any, mentions: list[Any]) -> Any:
        key = None
        for rule in self.nearby[m.feature_id]:
            if rule.names:
                key = key if key is not None else normalize(m.surface)
                if key not in rule.names:
                    continue
            lo, hi = max(0, m.start - rule.window), m.end + rule.window
            near = [o for o in mentions if o is not m and lo <= o.start < hi]
            pro = rule.cues_for.count(text, lo, hi, near, m)
            con = rule.cues_against.count(text, lo, hi, near, m) + sum(o.feature_id == rule.becomes for o in near)
            if pro == con == 0:  # nothing nearby: what is the article about?
                pro = rule.cues_for.count(text, 0, len(text), mentions, m)
                con = rule.cues_against.count(text, 0, len(text), mentions, m) + sum(
                    o.feature_id == rule.becomes for o in mentions if o is not m)
            if pro > con:
                return m._replace(feature_id=rule.becomes, rule=rule.id)
        return m
