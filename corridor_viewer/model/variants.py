"""Spelling variants of place names: a phonetic skeleton for Arabic script, marks-free letters for Latin.

Arabic press copy writes a foreign name the way the reporter hears it, so one town has many spellings:
Goris is غوريس or جوريس, Zangezur is زنگزور, زنغزور, زانجيزور or زنكيزور, TRIPP's namesake is ترامب or ترمب.
The alias lists hold the spellings seen so far; this module lets the linker find the ones not seen yet,
by turning each *foreign* word of a name into a sequence of **tokens**, each a regular-expression piece
that accepts every way the press writes that sound:

* **Consonant classes** — the g/j/k/q sounds are written with any of غ ج ك گ ق (and Persian ک چ); s with
  س ص ث; z with ز ذ ظ ژ; t with ت ط; d with د ض; h with ه ح; b with ب پ; f/v with ف ڤ; "ch" as تش, چ or ج.
* **Long vowels** — inside a name of five or more consonants ا و ي (and ى ی ئ ؤ ء) are optional, up to
  three between two consonants, whether or not the listed spelling has one there ("زانجيزور" =
  "زنگزور", "اذربايجان" = "أذربيجان"). Shorter names keep their vowels where they are: Arabic words are
  built on three- and four-letter roots, so with movable vowels "تبريز" (Tabriz) would find "تبرز" (stands
  out) and "أخوريك" (Akhurik) "إخراج" (expulsion).
* **How many consonants** (the first letter's alef not counted): five or more, every class and movable
  vowels; four, every class and one more vowel in any gap, none left out ("ناخجيوان" for "نخجوان");
  three, only the g/j/k/q class, because the others make common words
  ("سوتك", Sotk, would find "صوتك", your voice); fewer, no variants at all ("باكو" would find "بك").
* **Word edges** — the first letter keeps its class (alef in any hamza form, ء or none); a final vowel
  stays as written (so "أرمينيا" never finds the adjective "أرمينية").
* Arabic words inside a name ("ممر", "سكة حديد", "القنصلية", anything with the article) are vocabulary,
  not transliteration: they match exactly (:data:`GENERIC_WORDS_AR`).

Latin names fold their marks: "Zəngəzur", "Zengezur" and "Zèngezur" meet at "zengezur"; Turkish ğ ı ş ç,
Azerbaijani ə and the like are letters of the same class as their plain forms.

A match through a token that the exact spelling would not accept is a *variant*; the linker reports it as
such, so a reader can confirm or reject it. What never becomes a variant: words shorter than the limits
above, and words that a feature lists in ``not_variants_ar`` (common words that happen to share a
name's skeleton, found by ``tests/bench/variant_collisions.py``).
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from corridor_viewer.model.normalize import DASH_SEP, QUOTE_OPT, SEP, char_pattern, normalize, spellings

# -- Arabic script

# Sound classes: every letter of a class may stand for any other in a transliterated name.
_ARABIC_CLASSES = {
    "K": "غجكگقکچڨ",
    "S": "سصث",
    "Z": "زذظژ",
    "T": "تط",
    "D": "دض",
    "H": "هحۀ",
    "B": "بپ",
    "F": "فڤۋ",
}
CLASS_OF: dict[str, str] = {ch: cls for cls, letters in _ARABIC_CLASSES.items() for ch in letters}
# Each class as a regex class over raw text: every letter that folds to a member is a member (ة for ه …).
_CLASS_PATTERN = {cls: "[" + "".join(sorted({re.escape(r) for c in letters for r in spellings(c)} | set(letters)))
                  + "]" for cls, letters in _ARABIC_CLASSES.items()}
# Vowel letters and hamza seats as they occur in raw (unfolded) text.
VOWELS_RAW = "اأإآٱٲٳوؤيىیېئء"
VOWEL_RE = f"[{VOWELS_RAW}]"
# Possessive vowel runs before a consonant token: the trie factors them out of sibling tokens (one run,
# then a branch on the consonant), which the regex engine can test with one class check per branch.
LOOSE_GAP = f"{VOWEL_RE}{{0,3}}+"
GROW_GAP = f"{VOWEL_RE}?+"
_VOWELS_CANON = frozenset("اويئؤء")  # after normalize(): alef forms -> ا, ى ی -> ي
_ALEF_INITIAL = char_pattern("ا")  # the listed spelling's own alef class: siblings in the trie stay one branch
_FINAL_VOWELS = frozenset("اويهئ")  # a name-final vowel stays as written ("ه" is the folded ة)
_CH = "(?:ت[ش]|[جچ])"  # "ch": تش, or the one-letter forms

LOOSE_MIN_CONSONANTS = 5  # optional, movable vowels from this many consonants on (initial alef not counted)
ALL_CLASSES_MIN_CONSONANTS = 4  # every sound class from this many; below, only the g/j/k/q class
FIXED_MIN_CONSONANTS = 3  # below this, no variants at all

# Arabic words that occur inside names but are vocabulary, matched exactly (with the article, any word
# is vocabulary: "الإيرانية", "الجبلية"). Kept to words actually used in the gazetteer's names.
GENERIC_WORDS_AR = frozenset(normalize(w) for w in """
    ممر طريق مسار سكة سكك حديد حديدية خط معبر منفذ جسر نهر بحيرة بحر مدينة ولاية منطقة محافظة إقليم مقاطعة
    جمهورية قاعدة قسم مقطع مشروع نقطة تفتيش مقر بعثة قنصلية مفترق ملتقى تقاطع طرق ذاتية الحكم حدود قرب عبر
    في إلى من و مع رقم عسكرية روسية إيرانية مراقبة مدنية باتجاه الطريق المتمتعة بالحكم الذاتي للسلام
    والازدهار الدولي الدوليين للرخاء والرخاء أجل السلام الاتحاد الأوروبي
""".split())


class Token(NamedTuple):
    """One piece of a name's pattern. ``exact`` tokens are what exact matching accepts; the others widen it."""

    pattern: str
    exact: bool


def is_generic_ar(word: str) -> bool:
    """Arabic vocabulary inside a name (matched exactly), as opposed to a transliterated foreign word."""
    return (word in GENERIC_WORDS_AR or word.startswith("ال") or len(word) <= 2
            or any(c.isdigit() for c in word))


def _consonant_token(ch: str, classes: bool = True) -> str:
    cls = CLASS_OF.get(ch)
    return _CLASS_PATTERN[cls] if cls and (classes or cls == "K") else char_pattern(ch)


def arabic_word_tokens(word: str) -> list[Token] | None:
    """The variant tokens of one canonical (normalised) foreign word, or None if it is too short for any."""
    units: list[tuple[str, bool]] = []  # (canonical letter or "ch", is_vowel)
    i = 0
    while i < len(word):
        ch = word[i]
        if word.startswith("تش", i):
            units.append(("ch", False))
            i += 2
            continue
        # A final ه is the folded ة, a vowel ("كلاله" = "كلالة"); elsewhere it is the consonant h. An initial
        # و or ي is the consonant w or y ("يريفان").
        vowel = (ch in _VOWELS_CANON and not (i == 0 and ch in "وي")) or (ch == "ه" and i == len(word) - 1)
        units.append((ch, vowel))
        i += 1
    consonants = sum(1 for _ch, vowel in units if not vowel)
    if consonants < FIXED_MIN_CONSONANTS:
        return None
    loose = consonants >= LOOSE_MIN_CONSONANTS
    classes = consonants >= ALL_CLASSES_MIN_CONSONANTS
    # Four consonants: the listed vowels stay, but one more may be written in any gap ("نخجوان" is also
    # written "ناخجيوان"); dropping one would make Arabic words ("تبريز" -> "تبرز").
    grow = f"{VOWEL_RE}?" if classes and not loose else ""
    tokens: list[Token] = []
    last = len(units) - 1
    for k, (ch, vowel) in enumerate(units):
        if k == 0:
            if ch in ("ا", "ء", "ئ", "ؤ"):
                tokens.append(Token(_ALEF_INITIAL, ch == "ا"))
            elif ch == "ch":
                tokens.append(Token(_CH, False))
            else:
                token = _consonant_token(ch, classes)
                tokens.append(Token(token, token == char_pattern(ch)))
            continue
        if vowel:
            if k == last and ch in _FINAL_VOWELS:
                final = char_pattern(ch)
                tokens.append(Token(f"{VOWEL_RE}{{0,3}}{final}" if loose else grow + final, not loose and not grow))
            elif not loose:
                tokens.append(Token(grow + char_pattern(ch), not grow))
            # loose: inner vowels are folded into the next consonant's optional prefix
            continue
        piece = _CH if ch == "ch" else _consonant_token(ch, classes)
        # Possessive: a consonant is never a vowel, so giving back a vowel could not help the match, and the
        # engine keeps no backtracking state for it at every word it tries.
        tokens.append(Token((LOOSE_GAP if loose else GROW_GAP if grow else "") + piece, False))
    return tokens


def exact_tokens(canonical: str) -> list[Token]:
    return [Token(char_pattern(c), True) for c in canonical]


def name_tokens(canonical: str, *, variants: bool = True) -> list[Token]:
    """Tokens of a whole canonical name: foreign Arabic words by skeleton, everything else exactly."""
    if not variants or not re.search("[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]", canonical):
        return latin_tokens(canonical) if variants else exact_tokens(canonical)
    out: list[Token] = []
    for piece in re.split(r"([ \-])", canonical):
        if piece in (" ", "-"):
            out.append(Token(SEP if piece == " " else DASH_SEP, True))
        elif not piece:
            continue
        elif is_generic_ar(piece) or not re.fullmatch("[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]+", piece):
            out += exact_tokens(piece)
        else:
            out += arabic_word_tokens(piece) or exact_tokens(piece)
    return out


# -- Latin script

# Letters with marks that the press drops or adds: those of Turkish and Azerbaijani, and the few French
# and German ones that transliterations of the region's names use. Kept short (the Latin pattern matches
# case-insensitively, so no capitals): every class is compiled at every place the trie uses it.
_LATIN_CLASSES = {
    "a": "aâäàá", "c": "cçč", "e": "eəéèêë", "g": "gğ", "i": "iıîíï", "o": "oöôó", "s": "sşšș",
    "u": "uüûú", "z": "zž",
}
_LATIN_FOLD = {"ı": "i", "ə": "e", "ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ß": "ss"}


def fold_latin(s: str) -> str:
    """Latin letters without their marks, lower case: "Iğdır" -> "igdir", "Zəngəzur" -> "zengezur"."""
    s = "".join(_LATIN_FOLD.get(c, c) for c in s.casefold())
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def latin_tokens(canonical: str) -> list[Token]:
    out: list[Token] = []
    for c in fold_latin(canonical):
        letters = _LATIN_CLASSES.get(c)
        if letters:
            out.append(Token("[" + re.escape(letters) + "]", False))
        elif c == " ":
            out.append(Token(SEP, True))
        elif c == "-":
            out.append(Token(DASH_SEP, True))
        elif c == "'":
            out.append(Token(QUOTE_OPT, True))
        else:
            out.append(Token(char_pattern(c), True))
    return out
