"""The RE2 prefilter (model/prefilter.py): it must never change what the linker finds, only how fast.

Each test compares with Python's own engine (sre) on text made to trip the projection up: characters
without a byte of their own (Persian digits, Turkish letters, emoji, lone surrogates), a literal "?",
marks at the edges and in runs, NUL, Unicode spaces.
"""

from __future__ import annotations

import random
import re

import pytest

from corridor_viewer.io.articles import load_corpus
from corridor_viewer.model import linker, prefilter
from corridor_viewer.model.corpus import Article
from corridor_viewer.model.linker import Gazetteer, link_corpus
from corridor_viewer.model.normalize import IGNORABLE_CHARS, IGNORABLE_RE, compact

pytest.importorskip("re2", reason="google-re2 is a dependency; without it the linker runs sre alone")

# What a hostile or merely unusual article holds, beside ordinary Arabic and Latin text.
_ODD = ["?", "\x00", "\u00a0", "\u2009", "\u3000", "\n", "ی", "ک", "ۍ", "۴", "٤", "ı", "ş", "İ", "ğ", "é", "📄",
        "\ud800", "\udfff", "\ufeff", "\u200f", "\u064b", "\u0651", "\u0640", "\u00ad", "«", "»", "—", "،", "-"]
_WORDS = ["ممر", "زنگزور", "زنغزور", "سيونيك", "منطقة", "ناخيتشيفان", "أرمينيا", "ارمينيا", "إيران", "الإيرانية",
          "جلفا", "والتريب", "TRIPP", "Syunik", "Nakhchivan", "Zangezur", "Iğdır", "Kars"]


def _hostile_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(0, 12)):
            parts.append(rng.choice(_WORDS) if rng.random() < 0.6 else "".join(rng.choices(_ODD, k=rng.randint(1, 3))))
            parts.append(rng.choice([" ", " ", "", "\n", "\u064b", "\u0651\u064e"]))
        out.append("".join(parts))
    return out


@pytest.fixture(scope="module")
def gazetteer(doc_factory) -> Gazetteer:
    return Gazetteer.from_features(doc_factory().features())


def test_the_projection_is_one_byte_a_character_and_each_byte_one_character():
    table = prefilter._TABLE
    assert len(table) == 256 and len(set(table)) == 256
    text = "".join(map(chr, range(0x10000)))  # every BMP character, lone surrogates included
    data = prefilter.project(text)
    assert len(data) == len(text)
    for ch, b in zip(text, data, strict=True):
        assert table[b] == ch or (b == ord("?") and ch not in table)
    # Astral characters are one character of a str too: one byte.
    assert prefilter.project("a📄b") == b"a?b"


def test_compaction_through_the_projection_is_compact():
    cutter = linker._scanners()[0]
    for text in [*_hostile_texts(2000, 1), "?", "\x00", "\u064b", "\u064bا\u064b", "ا\u0651\u064b", "ı\u064b?"]:
        comp, data = linker._compact_projected(text, cutter)
        expected = compact(text)
        assert (comp.text, comp.cuts, comp.cumulative) == (expected.text, expected.cuts, expected.cumulative), text
        assert data == b" " + prefilter.project(expected.text)


def test_the_cutter_cuts_exactly_the_ignorable_characters():
    assert len(IGNORABLE_CHARS) == len(set(IGNORABLE_CHARS))
    assert {chr(c) for c in range(0x10000) if IGNORABLE_RE.fullmatch(chr(c))} == set(IGNORABLE_CHARS)
    with pytest.raises(prefilter.UnsupportedError):
        prefilter.Cutter("ı")  # a character without a byte of its own cannot be cut this way


def test_finditer_gives_the_matches_of_sre(gazetteer):
    arabic, _latin = gazetteer._passes()
    assert arabic.prefilter is not None
    texts = _hostile_texts(600, 2) + [a.text for a in load_corpus()]
    for text in texts:
        ctext = " " + compact(text).text
        got = [(m.span(), m.lastindex, m.span(1)) for m in arabic.prefilter.finditer(ctext)]
        want = [(m.span(), m.lastindex, m.span(1)) for m in arabic.regex.finditer(ctext)]
        assert got == want, text


@pytest.mark.parametrize("pattern", [r"[^a]b", r"\d+", r"\s\S", r"a.c", r"(?<=x)y", r"(?>ab|a)c", r"a++b",
                                     r"[\u0600-\u06ff]+", r"\W(?=[ب])ب?(?:ال)?ر", r"[ۍ٤]", r"\?"])
def test_relaxations_accept_everything_the_pattern_does(pattern):
    regex = re.compile(pattern)
    fast = prefilter.build(regex)
    assert fast is not None
    for text in [*_hostile_texts(200, 3), "xy ab ۍ٤ 12 a\nc ac abc aab ?", "بالر ر بر"]:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in regex.finditer(text)]


@pytest.mark.parametrize("pattern", [re.compile("a", re.IGNORECASE), re.compile("(?i:a)b"), re.compile("a*"),
                                     re.compile(r"(a)\1"), re.compile(b"a")])
def test_what_the_relaxation_cannot_stand_for_falls_back_to_sre(pattern):
    assert prefilter.build(pattern) is None


def test_linking_is_the_same_with_and_without_re2(gazetteer, monkeypatch, doc_factory):
    texts = _hostile_texts(300, 4) + [a.text for a in load_corpus()]
    articles = [Article.from_text(f"h{i:03d}", t) for i, t in enumerate(texts)]
    fast = link_corpus(articles, gazetteer)
    assert fast and gazetteer._passes()[0].prefilter is not None

    monkeypatch.setattr(prefilter, "build", lambda regex: None)
    linker._scanners.cache_clear()
    try:
        slow_gazetteer = Gazetteer.from_features(doc_factory().features())
        assert slow_gazetteer._passes()[0].prefilter is None and linker._scanners() is None
        assert link_corpus(articles, slow_gazetteer) == fast
    finally:
        linker._scanners.cache_clear()


def test_forked_workers_send_back_the_same_mentions(gazetteer):
    pool = [p.text for a in load_corpus() for p in a.passages] + _hostile_texts(50, 5)
    articles = [Article.from_text(f"s{i:03d}", "\n\n".join(pool[(i * 7 + k) % len(pool)] for k in range(5)))
                for i in range(400)]
    one = link_corpus(articles, gazetteer)
    two = link_corpus(articles, gazetteer, jobs=2)
    assert two == one and all(type(m) is linker.Mention for m in two)
    # One string object per distinct surface, in the parent too.
    assert len({id(m.surface) for m in two}) == len({m.surface for m in two})
