"""Decode a user's text file: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows Arabic (cp1256).

Arabic files from older Windows tools (Excel CSV, Notepad "ANSI") are cp1256. Such bytes are almost never
valid UTF-8, and decoded as cp1256 they read as mostly Arabic letters: that is how they are recognised. Any
other legacy encoding is refused with a message rather than guessed, because a wrong guess silently
garbles names and offsets.
"""

from __future__ import annotations

import re

UTF8, UTF8_BOM, UTF16, CP1256 = "UTF-8", "UTF-8 with BOM", "UTF-16", "Windows Arabic (cp1256)"

_ARABIC = re.compile("[\u0600-\u06ff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


class TextEncodingError(ValueError):
    """The bytes are not text in an encoding we can read; the message says what to do."""


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding name). A BOM is dropped. Raises TextEncodingError with a user-facing message."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", UTF8_BOM), UTF8_BOM
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", UTF16).lstrip("\ufeff"), UTF16
    if b"\x00" in data[:65536]:
        raise TextEncodingError("this is a binary file, not text")
    try:
        return data.decode("utf-8"), UTF8
    except UnicodeDecodeError as exc:
        utf8_error = exc
    text = data.decode("cp1256")  # defines all 256 byte values, so this never fails
    non_ascii = [c for c in text if ord(c) > 127]
    arabic = sum(1 for c in non_ascii if _ARABIC.match(c))
    if non_ascii and arabic / len(non_ascii) >= 0.6 and not _CONTROL.search(text):
        return text, CP1256
    raise TextEncodingError(f"not UTF-8 text (byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}) "
                            "and not Arabic Windows text either; save the file as UTF-8 and try again")


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise TextEncodingError(f"the file says it is {name} but byte {exc.start} is not; "
                                "save it again as UTF-8") from exc
    if "\x00" in text:
        raise TextEncodingError("the text contains NUL characters; it looks like a binary file")
    return text
