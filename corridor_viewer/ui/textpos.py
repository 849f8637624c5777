"""Python string offsets <-> Qt text positions (UTF-16 units: emoji count twice in Qt)."""

from __future__ import annotations

from bisect import bisect_right


class Utf16Map:
    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def to_qt(self, offset: int) -> int:
        return offset + bisect_right(self._astral, offset - 1)

    def to_py(self, pos: int) -> int:
        # Walk back over astral characters that precede the position.
        offset = pos
        for _ in range(len(self._astral) + 1):
            if self.to_qt(offset) <= pos:
                break
            offset -= 1
        return offset
