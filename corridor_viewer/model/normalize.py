"""Arabic/Latin place-name normalisation, for matching only: offsets always point into the original text.

One table drives two uses, so there is a single normaliser:

* :func:`normalize` folds a short string (a name, an alias, a search query) to its canonical form, used for
  comparing and de-duplicating names.
* :func:`name_pattern` turns a canonical name into a regular expression whose character classes accept every
  original spelling that folds to it. Article text is never rewritten: ``str.translate`` on 60 MB of Arabic
  costs seconds, while the regex engine compares classes at C speed. Only the ignorable marks (diacritics,
  tatweel, invisible format characters) are cut out first, by :func:`compact`, which keeps the few cut
  positions so that match offsets map back to the original text exactly.

What folds to what:

* diacritics (U+064B–U+065F, U+0670, Quranic marks), tatweel (ـ) and zero-width/direction marks are ignored;
* alef forms أ إ آ ٱ → ا; ى and Persian ی → ي; ة → ه; Persian ک → ك, چ → ج, پ → ب, ژ → ز;
  Arabic-Indic and Persian digits → ASCII digits; Latin letters are case-folded;
* quote marks are ignored (an apostrophe inside a word is kept as one canonical ``'`` that patterns make
  optional, so "Iran's", "Iran’s" and "Irans" agree); dashes fold to ``-``;
* Persian گ has no single Arabic counterpart: Arabic media write it غ, ج or ك (زنگزور = زنغزور = زنجزور =
  زنكزور). It stays a canonical letter of its own, and patterns treat it as compatible with those three — a
  گ in a name matches any of them, and a غ, ج or ك in a name also matches a گ in the text. The three Arabic
  letters are not merged with each other, which would make unrelated words collide.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

# Characters that never count, neither in names nor in text: harakat, Quranic annotation marks, superscript
# alef, tatweel, zero-width joiners, direction marks, the Arabic letter mark and the soft hyphen.
IGNORABLE = ("\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
             "\u0640\u200b-\u200f\u061c\u2066-\u2069\u202a-\u202e\u00ad\ufeff")
IGNORABLE_RE = re.compile(f"[{IGNORABLE}]+")
# Combining marks (not tatweel): they belong to the letter before them, so a mention's span keeps them.
TRAILING_MARKS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed]+")

QUOTES = "\"'`´«»‹›‘’‚‛“”„‟″′＂＇"
DASHES = "-‐‑‒–—―−"
PERSIAN_GAF = "گ"

_FOLD: dict[str, str] = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي",
    "ة": "ه", "ۀ": "ه", "ہ": "ه", "ە": "ه",
    "ک": "ك", "ڪ": "ك",
    "چ": "ج", "پ": "ب", "ژ": "ز",
}
_FOLD.update({chr(0x0660 + d): str(d) for d in range(10)})  # Arabic-Indic digits
_FOLD.update({chr(0x06F0 + d): str(d) for d in range(10)})  # Persian digits
_FOLD.update(dict.fromkeys(DASHES, "-"))

# The reverse view of _FOLD: canonical letter -> every original character that folds to it.
_CLASSES: dict[str, set[str]] = {}
for _raw, _canon in _FOLD.items():
    _CLASSES.setdefault(_canon, {_canon}).add(_raw)
for _letter in "غجك":
    _CLASSES.setdefault(_letter, {_letter}).add(PERSIAN_GAF)
_CLASSES[PERSIAN_GAF] = {PERSIAN_GAF, "غ", "ج", "ك", "ک"}

# Every ignorable character, the class ranges expanded.
IGNORABLE_CHARS = "".join(chr(code) for m in re.finditer(r"(.)-(.)|(.)", IGNORABLE)
                          for code in range(ord(m.group(1) or m.group(3)), ord(m.group(2) or m.group(3)) + 1))
_FOLD_TABLE: dict[int, str | None] = {ord(k): v for k, v in _FOLD.items()}
_FOLD_TABLE.update(dict.fromkeys(map(ord, IGNORABLE_CHARS)))  # deletions

_QUOTE_RE = re.compile(f"[{re.escape(QUOTES)}]")
_SPACES_RE = re.compile(r"\s+")
_DASH_SPACES_RE = re.compile(r"\s*-\s*")

ARABIC_LETTER_RE = re.compile("[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]")

# Regex pieces shared by every pattern (they run on compacted text, see compact()).
H = r"[^\S\n]"  # horizontal whitespace
SEP = rf"(?:{H}+\n?{H}*|\n{H}*)"  # one whitespace run holding at most one line break
# "Nagorno-Karabakh" = "Nagorno–Karabakh" = "Nagorno Karabakh"
DASH_SEP = rf"(?:{H}*[{re.escape(DASHES)}]\n?{H}*|{SEP})"
QUOTE_OPT = f"[{re.escape(QUOTES)}]?"
# Attached proclitics: a conjunction (و ف), then a preposition (ب ل ك), then the article (ال); ل + ال is
# written لل. All optional, so "والممر", "بنخجوان", "للبحر", "وبالممر" reduce to the name.
PROCLITIC = "[وف]?(?:[بك](?:ال)?|لل?|ال)?"  # may match nothing; written to backtrack little
ARTICLE = "ال"


def normalize(s: str) -> str:
    """Canonical form of a short string (name, alias, query) for comparison; see the module docstring."""
    s = s.translate(_FOLD_TABLE)
    s = _QUOTE_RE.sub(_quote, s)
    s = _SPACES_RE.sub(" ", s).strip()
    s = _DASH_SPACES_RE.sub("-", s)
    return s.casefold()


def _quote(m: re.Match[str]) -> str:
    # An apostrophe inside a word is part of the name ("Iran's"); any other quote mark only delimits it.
    s, i = m.string, m.start()
    return "'" if 0 < i < len(s) - 1 and s[i - 1].isalnum() and s[i + 1].isalnum() else " "


def is_arabic(s: str) -> bool:
    return ARABIC_LETTER_RE.search(s) is not None


def is_rtl(text: str) -> bool:
    """Direction of a paragraph from its first strong character (Unicode bidi rule P2)."""
    for ch in text:
        if "\u0590" <= ch <= "\u08ff" or "\ufb1d" <= ch <= "\ufefc":
            return True
        if ch.isalpha():
            return False
    return False


def spellings(c: str) -> frozenset[str]:
    """Every original character that a canonical character stands for (itself included)."""
    return frozenset(_CLASSES.get(c, (c,)))


def char_pattern(c: str) -> str:
    """Regex source accepting every original spelling of one canonical character."""
    if c == " ":
        return SEP
    if c == "-":
        return DASH_SEP
    if c == "'":
        return QUOTE_OPT
    variants = _CLASSES.get(c)
    if variants:
        return "[" + "".join(sorted(re.escape(v) for v in variants)) + "]"
    return re.escape(c)


def name_pattern(canonical: str) -> str:
    """Regex source for a canonical name (the output of :func:`normalize`), without boundaries."""
    return "".join(char_pattern(c) for c in canonical)


def strip_article(canonical: str) -> str:
    """A name written with the article ("البحر الاسود") without it: the proclitic pattern supplies it."""
    if canonical.startswith(ARTICLE) and len(canonical) >= len(ARTICLE) + 3 and is_arabic(canonical[2]):
        return canonical[len(ARTICLE):]
    return canonical


@dataclass(frozen=True, slots=True, eq=False)
class Compacted:
    """Text with the ignorable marks cut out, and the way back to original offsets.

    ``cuts[i]`` is the compacted index at which the i-th run of ignorables was cut and ``cumulative[i]``
    the number of characters cut up to and including that run. Both are empty for text without marks,
    and mapping an offset back is one bisection.
    """

    text: str
    cuts: list[int] = field(default_factory=list)
    cumulative: list[int] = field(default_factory=list)

    def start_in_original(self, i: int) -> int:
        """Original offset of the character at compacted index ``i`` (after any marks cut before it)."""
        k = bisect_right(self.cuts, i)
        return i + self.cumulative[k - 1] if k else i

    def end_in_original(self, j: int) -> int:
        """Original offset just after the character at compacted index ``j - 1`` (marks after it excluded)."""
        k = bisect_right(self.cuts, j - 1)
        return j + self.cumulative[k - 1] if k else j


_IGNORABLE_SPLIT_RE = re.compile(f"([{IGNORABLE}]+)")


def compact(text: str) -> Compacted:
    """Cut out the ignorable marks; see :class:`Compacted`. Built from C-level primitives only: it runs on
    every article the linker sees."""
    parts = _IGNORABLE_SPLIT_RE.split(text)
    if len(parts) == 1:
        return Compacted(text)
    kept = parts[0::2]
    return Compacted("".join(kept), list(accumulate(map(len, kept[:-1]))), list(accumulate(map(len, parts[1::2]))))
