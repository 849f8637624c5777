"""Escaped, direction-safe HTML text for the web map: mixed-direction runs isolated, popups, dates.

Why isolate runs: in a right-to-left line the Unicode bidi algorithm lets neutral characters next to a
number or a Latin word join the wrong side. Chromium shows "±2 كم" as "2± كم", splits "(2026-02-10)" and
turns "announced: 2025-08-08" around. Wrapping each run of the other direction in its own
``<bdi dir=…>`` (an isolate) keeps every run whole and in place, whatever surrounds it.

Everything here escapes its text (article passages and user-layer names are untrusted) before it adds any
markup; the only markup is ours.
"""

from __future__ import annotations

import html
import re

from corridor_viewer.model.dates import source_date
from corridor_viewer.model.feature import Feature
from corridor_viewer.model.normalize import is_rtl
from corridor_viewer.model.terms import DATE_WORDS, display_name, status_name

WORDS = {
    "en": {"sources": "Sources", "accuracy": "Accuracy", "passages": "In the articles", "legend": "Key",
           "layers": "Layers", "zoom_in": "Zoom in", "zoom_out": "Zoom out", "status_key": "Status of routes",
           "as_of": "As on", "map": "Map", "confirmed": "link confirmed by a reader"},
    "ar": {"sources": "المصادر", "accuracy": "الدقة", "passages": "في المقالات", "legend": "دليل الخريطة",
           "layers": "الطبقات", "zoom_in": "تكبير", "zoom_out": "تصغير", "status_key": "حالة المسارات",
           "as_of": "الوضع في", "map": "الخريطة", "confirmed": "ربطٌ أكّده قارئ"},
}
_BRACKETS = {")": "(", "]": "[", "}": "{"}
_SIGNS = "±+-−~≈$€£#"  # a sign or currency before a digit belongs to the number
_INNER = "-/.,:\u2010"  # one of these between two digits keeps a number whole ("2026-02-10", "4.0")
_AFTER = "%°‰"


def _is_r(ch: str) -> bool:
    # Hebrew, Arabic (with Arabic-Indic digits and the Arabic comma), Syriac, Thaana, presentation forms.
    return "\u0590" <= ch <= "\u08ff" or "\ufb1d" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufefc"


def _is_latin(ch: str) -> bool:
    return ch.isalpha() and not _is_r(ch)


def _is_l(ch: str) -> bool:
    return (ch.isalpha() or ch.isdigit()) and not _is_r(ch)


def _run_end(text: str, start: int, stop: int, strong) -> int:
    """End of the run begun at start: its last strong character (or a bracket closing one opened inside it),
    never past an opening bracket left unclosed, so each bracket pair stays on one side of the isolate."""
    end, stack = start + 1, []
    for i in range(start, stop):
        ch = text[i]
        if ch in "([{":
            stack.append(i)
        elif ch in _BRACKETS and stack and text[stack[-1]] == _BRACKETS[ch]:
            stack.pop()
            end = i + 1
        elif strong(ch) or (ch in _AFTER and i > start):
            end = i + 1
    if stack:
        end = min(end, stack[0])
        while end > start + 1 and text[end - 1] == " ":
            end -= 1
    return end


def _number_end(text: str, i: int) -> int:
    """End of the number starting at i (its sign, digits, single separators between digits, a % after)."""
    n = len(text)
    if text[i] in _SIGNS:
        i += 1
    while i < n:
        if text[i].isdigit() and not _is_r(text[i]):
            i += 1
        elif text[i] in _INNER and i + 1 < n and text[i + 1].isdigit() and text[i - 1].isdigit():
            i += 1
        else:
            break
    while i < n and text[i] in _AFTER:
        i += 1
    return i


def _starts_number(text: str, i: int) -> bool:
    ch = text[i]
    if i > 0 and _is_l(text[i - 1]):
        return False  # "admin-1", "A4": part of the word
    if ch.isdigit() and not _is_r(ch):
        return True
    return ch in _SIGNS and i + 1 < len(text) and text[i + 1].isdigit() and not _is_r(text[i + 1])


def runs(text: str, rtl: bool) -> list[tuple[str, str]]:
    """``text`` cut into (piece, direction) runs for a line of the given direction: direction "" for text
    that follows the line, "ltr"/"rtl" for a run to isolate. In a right-to-left line each number is its own
    run (with its sign and %), so "±2 كم" stays "±2" while a range "2020–2026" still reads right to left,
    as Arabic readers expect; a Latin phrase is one run, its brackets with it."""
    out: list[tuple[str, str]] = []
    i, n, plain = 0, len(text), 0
    while i < n:
        ch = text[i]
        number = rtl and _starts_number(text, i)
        end = _number_end(text, i) if number else i
        if rtl and (_is_latin(ch) or (number and end < n and _is_latin(text[end]))):
            # A Latin phrase, or a number glued to one ("10m", "3D"): one left-to-right run.
            stop = i
            while stop < n and not _is_r(text[stop]):
                stop += 1
            end = _run_end(text, i, stop, _is_l)
        elif number:
            pass
        elif not rtl and _is_r(ch):
            stop = i
            while stop < n and not _is_latin(text[stop]):
                stop += 1
            end = _run_end(text, i, stop, _is_r)
        else:
            i += 1
            continue
        if plain < i:
            out.append((text[plain:i], ""))
        out.append((text[i:end], "ltr" if rtl else "rtl"))
        i = plain = end
    if plain < n:
        out.append((text[plain:], ""))
    return out


def isolate(text: str, rtl: bool) -> str:
    """Escape ``text`` for a line of the given direction, each run of the other direction in ``<bdi dir=…>``."""
    out = []
    for piece, d in runs(text, rtl):
        if not d:
            out.append(html.escape(piece))
        else:
            # Numbers inside an Arabic run in an English line need their own isolates too ("±2 كم").
            inner = isolate(piece, True) if d == "rtl" else html.escape(piece)
            out.append(f"<bdi dir='{d}'>{inner}</bdi>")
    return "".join(out)


def unit(text: str) -> str:
    """A name, title or publisher: one isolate taking its own direction, with its inner runs isolated."""
    return f"<bdi>{isolate(text, is_rtl(text))}</bdi>"


def paragraph(tag: str, text: str, cls: str = "", lang: str | None = None) -> str:
    """A block of prose in its own direction (an English fallback in an Arabic popup stays left-to-right)."""
    rtl = is_rtl(text)
    attrs = f" class='{cls}'" if cls else ""
    attrs += f" lang='{lang}'" if lang else ""
    return f"<{tag} dir='{'rtl' if rtl else 'ltr'}'{attrs}>{isolate(text, rtl)}</{tag}>"


def _date_items(f: Feature, lang: str) -> list[str]:
    words = DATE_WORDS[lang]
    items = []
    for key, value in (f.props.get("dates") or {}).items():
        when = source_date(str(value), lang)
        if when is None:
            continue
        word = words.get(key) or key.replace("_", " ")
        items.append(f"<span class='cv-when'>{unit(word)}: <bdi>{html.escape(when)}</bdi></span>")
    return items


def _highlighted(passage_view, rtl: bool, lang: str = "en") -> str:
    """Passage text (escaped, runs isolated) with the mention wrapped in <mark>; a link a reader confirmed
    (or made) is marked so, with a ✓ (rejected ones never reach a popup: Links leaves them out)."""
    out = []
    for t, m in passage_view.runs():
        if m is None:
            out.append(isolate(t, rtl))
        elif getattr(m, "status", "auto") == "confirmed":
            out.append(f"<mark class='cv-confirmed' title='{html.escape(WORDS[lang]['confirmed'])}'>"
                       f"{isolate(t, rtl)}</mark><span class='cv-check' aria-hidden='true'>✓</span>")
        else:
            out.append(f"<mark>{isolate(t, rtl)}</mark>")
    return "".join(out)


def _safe_url(url: str) -> str | None:
    return url if re.match(r"^https?://", url or "") else None


def popup_html(links, f: Feature, lang: str, status: str | None = None) -> str:
    """The popup of one feature in the map language; ``status`` is its status on the map's date."""
    e = html.escape
    p = f.props
    status = status or f.status
    other = "ar" if lang == "en" else "en"
    w = WORDS[lang]
    dot = "<span class='cv-sep' aria-hidden='true'> · </span>"
    name = display_name(f, lang, status)
    parts = [f"<div class='cv-popup' dir='{'rtl' if lang == 'ar' else 'ltr'}' lang='{lang}'>",
             f"<h3>{unit(name)}</h3>"]
    alt = display_name(f, other, status)
    if alt != name:
        parts.append(f"<div class='cv-alt' lang='{other}'>{unit(alt)}</div>")
    line = [f"<span class='cv-status cv-st-{e(status)}'>{e(status_name(status, lang))}</span>"] if status else []
    parts.append(f"<p class='cv-meta'>{dot.join(line + _date_items(f, lang))}</p>")
    desc = p.get(f"description_{lang}") or p.get("description_en") or ""
    if desc:
        parts.append(paragraph("p", desc, "cv-desc"))
    acc = p.get(f"accuracy_{lang}") or p.get("accuracy")
    if acc:
        parts.append(f"<div class='cv-acc'><b>{e(w['accuracy'])}:</b> {paragraph('span', acc)}</div>")
    if links is not None:
        items = []
        for art, passages in links.passages_for(f.id):
            for ps in passages[:3]:
                rtl = is_rtl(ps.text)
                when = source_date(art.published, lang)
                cite = unit(art.title) + (f" (<bdi>{e(when)}</bdi>)" if when else "")
                # The passage's own language, so <q> draws the quote marks that language uses.
                items.append(f"<li dir='{'rtl' if rtl else 'ltr'}' lang='{'ar' if rtl else 'en'}'>"
                             f"<q>{_highlighted(ps, rtl, lang)}</q> "
                             f"<cite>{cite}</cite></li>")
        if items:
            parts.append(f"<h4>{e(w['passages'])}</h4><ul class='cv-passages'>{''.join(items[:8])}</ul>")
    srcs = []
    for s in p.get("sources") or []:
        title = unit(str(s.get("title", "")))
        url = _safe_url(str(s.get("url", "")))
        label = f"<a href='{e(url)}' target='_blank' rel='noopener'>{title}</a>" if url else title
        publisher = str(s.get("publisher", "")).strip()
        when = source_date(str(s.get("date", "")), lang)
        # Each reference runs in its title's direction: an English headline in an Arabic popup reads left to
        # right (with the Arabic date isolated at its end) instead of wrapping in reverse.
        d = "rtl" if is_rtl(str(s.get("title", ""))) else "ltr"
        srcs.append(f"<li dir='{d}'>{label}" + (f" — {unit(publisher)}" if publisher else "")
                    + (f" (<bdi>{e(when)}</bdi>)" if when else "") + "</li>")
    if srcs:
        parts.append(f"<h4>{e(w['sources'])}</h4><ul class='cv-sources'>{''.join(srcs)}</ul>")
    parts.append("</div>")
    return "".join(parts)
