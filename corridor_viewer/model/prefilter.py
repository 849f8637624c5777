"""A fast first pass for the linker's name regex: RE2's automaton finds where a match may start, and Python's
own engine confirms it there, so the matches are exactly those of ``regex.finditer``.

Why: Python's engine (sre) tries the name trie at every word start that passes the first-letter guard, about
half the words of an Arabic article, and backtracks through the proclitics at each; that was half of all
linking time. RE2 (PyPI ``google-re2``) compiles a pattern into a DFA that reads each byte of the text once,
whatever the pattern's size. It has no lookarounds or possessive repeats, so it runs a **relaxation** of the
pattern, derived from the pattern's own parse tree (never written by hand, so the two cannot drift apart):

* lookarounds and anchors are dropped, possessive repeats and atomic groups become plain ones, groups do
  not capture: each only *widens* what matches;
* every character class becomes the set of bytes its characters project to (below).

The relaxation matches wherever the pattern does (and sometimes where it does not). So the first place it
matches at or after ``pos`` is at or before the pattern's own first match: :meth:`Prefilter.finditer`
confirms each candidate with ``regex.match`` at its position, and after a failed one searches again from
the next character. That is the same leftmost-first scan sre makes, giving the same match objects.

**One byte a character.** RE2 reads UTF-8 or Latin-1. Arabic in UTF-8 takes two bytes a letter, and every
candidate would need its byte offset turned back into a character offset. Instead the text is projected
through a table of 256 characters with the C charmap codec (the one the Windows code pages use): ASCII,
and the 128 characters above it that Arabic and Persian news is written with (letters, harakat, tatweel,
direction and zero-width marks, Arabic punctuation, typographic quotes and dashes). Every other
character (Arabic-Indic digits, Latin letters with marks, emoji, lone surrogates) becomes one ``?``, and
a relaxed class holds ``?`` whenever one of its characters has no byte, so it still accepts every
character it did. Offsets are then the same in the text and in its projection. :class:`Cutter` uses the
same projection to cut the ignorable marks out with bytes operations.

Without ``google-re2`` (or for a pattern the translation does not support: case-insensitive, empty
matches, back-references) :func:`build` returns None and the linker runs sre alone: slower, same output.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from itertools import accumulate
from typing import Any

_UNMAPPED = ord("?")  # what a character without a byte of its own becomes
_MAX_MEM = 64 << 20  # RE2's memory for the program and its DFA cache: a smaller cache refills as it reads
_ALL = frozenset(range(256))
_CATEGORY_PATTERNS = {  # sre parse-tree categories, as the same class in a str pattern (Unicode semantics)
    "CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s", "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W", "CATEGORY_LINEBREAK": "\n", "CATEGORY_NOT_LINEBREAK": "[^\n]",
}
# The characters above ASCII that get a byte of their own (128 of them): what Arabic and Persian news is
# written with, and every character normalize.IGNORABLE cuts out, so that Cutter can cut them all.
# The rest (Arabic-Indic digits, Urdu letters, Latin letters with marks...)
# become "?", which costs a candidate check only where a name could start.
_EXTRA_RANGES = (
    (0x0621, 0x063A), (0x0641, 0x064A), (0x0640, 0x0640),  # Arabic letters, tatweel
    (0x067E, 0x067E), (0x0686, 0x0686), (0x0698, 0x0698), (0x06A9, 0x06A9), (0x06AF, 0x06AF),  # پ چ ژ ک گ
    (0x06CC, 0x06CC), (0x06C0, 0x06C0), (0x06D5, 0x06D5), (0x06BE, 0x06BE), (0x0671, 0x0671),  # ی ۀ ە ھ ٱ
    (0x064B, 0x065F), (0x0670, 0x0670), (0x0610, 0x061A),  # harakat, other combining marks
    (0x06D6, 0x06DC), (0x06DF, 0x06E4), (0x06E7, 0x06E8), (0x06EA, 0x06ED),  # Quranic annotation marks
    (0x200B, 0x200F), (0x061C, 0x061C), (0x2066, 0x2069), (0x202A, 0x202E), (0x00AD, 0x00AD), (0xFEFF, 0xFEFF),
    (0x060C, 0x060C), (0x061B, 0x061B), (0x061F, 0x061F),  # ، ؛ ؟
    (0x00A0, 0x00A0), (0x00AB, 0x00AB), (0x00BB, 0x00BB), (0x2013, 0x2014), (0x2019, 0x2019),
    (0x201C, 0x201D), (0x2026, 0x2026),
)
_TABLE = "".join(map(chr, range(128))) + "".join(chr(c) for lo, hi in _EXTRA_RANGES for c in range(lo, hi + 1))
assert len(_TABLE) == 256 and len(set(_TABLE)) == 256, "the projection needs 256 distinct characters"
_ENCODING = codecs.charmap_build(_TABLE)  # the C charmap codec the Windows code pages use
_BYTE = {ch: b for b, ch in enumerate(_TABLE)}


class UnsupportedError(ValueError):
    """The pattern uses something the relaxation cannot stand in for."""


def _byte_of(ch: str) -> int:
    return _BYTE.get(ch, _UNMAPPED)


def project(text: str) -> bytes:
    """The text as one byte per character (see the module docstring)."""
    return codecs.charmap_encode(text, "replace", _ENCODING)[0]


class _Translator:
    """sre parse tree -> RE2 (Latin-1) pattern source of its relaxation."""

    def __init__(self) -> None:
        from re import _constants as c  # the parse tree's opcodes (private, as stable as the parser)

        self.c = c
        self._classes: dict[Any, str] = {}  # the trie repeats a few classes thousands of times

    def pattern(self, tree: Any) -> str:
        c, out = self.c, []
        for op, av in tree:
            if op is c.LITERAL:
                out.append(_byte_class({_byte_of(chr(av))}))
            elif op is c.NOT_LITERAL:
                b = _byte_of(chr(av))
                out.append(_byte_class(_ALL - {b} if b != _UNMAPPED else _ALL))
            elif op is c.IN:
                key = tuple(av)
                if key not in self._classes:
                    self._classes[key] = _byte_class(self._class_bytes(av))
                out.append(self._classes[key])
            elif op is c.ANY:
                out.append(_byte_class(_ALL - {10}))
            elif op is c.BRANCH:
                out.append("(?:" + "|".join(self.pattern(t) for t in av[1]) + ")")
            elif op is c.SUBPATTERN:
                _group, add_flags, _del_flags, sub = av
                if add_flags & (re.IGNORECASE | re.ASCII | re.LOCALE):
                    raise UnsupportedError("inline flags")
                out.append("(?:" + self.pattern(sub) + ")")
            elif op is c.ATOMIC_GROUP:
                out.append("(?:" + self.pattern(av) + ")")
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                lo, hi, sub = av
                out.append("(?:" + self.pattern(sub) + ")" + (f"{{{lo},}}" if hi is c.MAXREPEAT else f"{{{lo},{hi}}}"))
            elif op in (c.ASSERT, c.ASSERT_NOT, c.AT):
                continue  # always true in the relaxation
            else:
                raise UnsupportedError(str(op))
        return "".join(out)

    def _class_bytes(self, items: list[tuple[Any, Any]]) -> frozenset[int]:
        """The bytes of a class's characters (with "?" where some have none)."""
        c = self.c
        negate = bool(items) and items[0][0] is c.NEGATE
        members: set[int] = set()
        tests = []
        for op, av in items[1:] if negate else items:
            if op is c.LITERAL:
                members.add(_byte_of(chr(av)))
            elif op is c.RANGE:
                members.update(_byte_of(chr(code)) for code in range(av[0], av[1] + 1))
            elif op is c.CATEGORY:
                source = _CATEGORY_PATTERNS.get(str(av))
                if source is None:
                    raise UnsupportedError(str(av))
                tests.append(re.compile(source).fullmatch)
            else:
                raise UnsupportedError(str(op))
        if tests:
            members.update(b for b, ch in enumerate(_TABLE) if any(t(ch) for t in tests))
            members.add(_UNMAPPED)  # a category holds characters without a byte of their own
        if not negate:
            return frozenset(members)
        # A byte other than "?" stands for one character: in the class unless that one is excluded. "?" also
        # stands for every character without a byte, and the negated class holds some of those.
        return frozenset(b for b, ch in enumerate(_TABLE) if b not in members) | {_UNMAPPED}


def _byte_class(members: frozenset[int] | set[int]) -> str:
    if not members:
        raise UnsupportedError("an empty class")
    ordered, parts, i = sorted(members), [], 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        parts.append(f"\\x{ordered[i]:02x}" + (f"-\\x{ordered[j]:02x}" if j > i else ""))
        i = j + 1
    return "[" + "".join(parts) + "]"


def relaxed_source(regex: re.Pattern[str]) -> str:
    """RE2 pattern source (Latin-1, over :func:`project`-ed text) that matches wherever ``regex`` does."""
    from re import _parser

    if not isinstance(regex.pattern, str) or regex.flags & (re.IGNORECASE | re.ASCII | re.LOCALE | re.VERBOSE):
        raise UnsupportedError("flags")
    tree = _parser.parse(regex.pattern, regex.flags)
    if tree.getwidth()[0] == 0:
        raise UnsupportedError("a pattern that can match the empty string")  # finditer's empty-match rules differ
    return _Translator().pattern(tree)


class Prefilter:
    """``finditer`` of ``regex`` with RE2 finding the candidates; see the module docstring."""

    def __init__(self, regex: re.Pattern[str]) -> None:
        import re2  # PyPI google-re2

        options = re2.Options()
        options.encoding = re2.Options.Encoding.LATIN1
        options.max_mem = _MAX_MEM
        options.never_capture = True
        options.log_errors = False
        # The module's low-level object: its Match() returns spans without building match objects.
        source = relaxed_source(regex)
        machine = re2._re2.RE2(source.encode("latin-1"), options)
        if not machine.ok():
            raise UnsupportedError("RE2 could not compile the relaxation")
        self.regex = regex
        # search(unanchored, data, pos, endpos)[0][0]: where the first candidate at or after pos starts, or -1.
        self.search = machine.Match
        self.unanchored = re2._re2.RE2.Anchor.UNANCHORED

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None,
                 data: bytes | None = None) -> Iterator[re.Match[str]]:
        """The same matches as ``self.regex.finditer(text, pos, endpos)``; ``data`` is ``project(text)`` if
        the caller has it already."""
        if data is None:
            data = project(text)
        end = len(data) if endpos is None else min(endpos, len(data))
        search, anchor, match = self.search, self.unanchored, self.regex.match
        while pos < end:
            start = search(anchor, data, pos, end)[0][0]
            if start < 0:
                return
            m = match(text, start, end)
            if m is None:
                pos = start + 1
            else:
                yield m
                pos = m.end()


class Cutter:
    """Cuts a set of characters out of a text through its projection, with C-level bytes operations only:
    the characters' bytes become NUL, ``bytes.split`` finds them, and the kept pieces join.

    Why: the linker cuts the ignorable marks out of every article (normalize.compact), about twenty runs
    in a news article; Python's engine tests each character against the 70-character class, which took a
    fifth of linking time. Every character cut must have a byte of its own (the table holds them all).
    """

    def __init__(self, chars: str) -> None:
        missing = [c for c in chars if c not in _BYTE]
        if missing:
            raise UnsupportedError(f"no byte of its own for {missing!r}")
        cut = bytes(_BYTE[c] for c in chars)
        self._to_nul = bytes.maketrans(cut, bytes(len(cut)))

    def cut(self, text: str, data: bytes) -> tuple[str, bytes, list[int], list[int]] | None:
        """(kept text, its projection, cuts, cumulative) for ``text`` and its projection ``data``, in the
        form of normalize.Compacted (one cut for each run of cut characters); None if nothing is cut."""
        if 0 in data:  # a NUL of the text's own would be taken for a cut one
            raise UnsupportedError("the text holds NUL")
        pieces = data.translate(self._to_nul).split(b"\0")
        if len(pieces) == 1:
            return None
        kept = b"".join(pieces)
        # One split per character cut: a run of n gives n - 1 empty pieces, so the cuts repeat along a run,
        # and a dict keeps each cut once with the count up to the run's end (its last value).
        runs = dict(zip(accumulate(map(len, pieces[:-1])), range(1, len(pieces)), strict=True))
        if data.count(_UNMAPPED) == text.count("?"):  # every character has its byte: decode the kept bytes
            kept_text = codecs.charmap_decode(kept, "strict", _TABLE)[0]
        else:  # some became "?": slice the pieces from the text itself
            ends = list(accumulate(len(piece) + 1 for piece in pieces))
            kept_text = "".join([text[end - 1 - len(piece):end - 1] for piece, end in zip(pieces, ends, strict=True)])
        return kept_text, kept, list(runs), list(runs.values())


def build(regex: re.Pattern[str]) -> Prefilter | None:
    """A prefilter for ``regex``, or None where RE2 is not installed or cannot stand in for it."""
    try:
        return Prefilter(regex)
    except (ImportError, UnsupportedError, re.error):
        return None
    except Exception:  # the binding's own error type: linking still works without it
        return None
