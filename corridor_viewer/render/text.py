"""Fonts and haloed text, shaped by Qt (HarfBuzz) so Arabic joins and runs right to left."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from math import ceil, cos, pi, sin

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen

# Noto covers Latin and Arabic with matching metrics; DejaVu is the usual Linux fallback.
FAMILIES = ["Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans", "Arial", "Tahoma"]
_house: tuple[str, ...] = ()  # a house style's fonts, tried before ours while an export runs (house_fonts)


def families() -> list[str]:
    """The font families text is drawn in now: a house style's first, then the app's own."""
    return [*_house, *(f for f in FAMILIES if f not in _house)]


@contextmanager
def house_fonts(names: tuple[str, ...] | list[str]):
    """While active, text is set in ``names`` first (an outlet's fonts); exports run on one thread."""
    global _house
    previous, _house = _house, tuple(names)
    try:
        yield
    finally:
        _house = previous


def font(px: float, bold: bool = False, italic: bool = False) -> QFont:
    return _font(px, bold, italic, _house)


@lru_cache(maxsize=256)
def _font(px: float, bold: bool, italic: bool, house: tuple[str, ...]) -> QFont:
    f = QFont()
    f.setFamilies([*house, *(x for x in FAMILIES if x not in house)])
    f.setPixelSize(max(1, round(px)))
    f.setBold(bold)
    f.setItalic(italic)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return f


def pt_to_px(pt: float) -> float:
    return pt * 4.0 / 3.0


def _text_path(text: str, px: int, bold: bool, italic: bool) -> tuple[QPainterPath, QRectF]:
    return _text_path_in(text, px, bold, italic, _house)


@lru_cache(maxsize=4096)
def _text_path_in(text: str, px: int, bold: bool, italic: bool, house: tuple[str, ...]) -> tuple[QPainterPath, QRectF]:
    p = QPainterPath()
    p.addText(0, 0, _font(px, bold, italic, house), text)
    return p, p.boundingRect()


def text_box(text: str, px: float, bold: bool = False, italic: bool = False) -> QRectF:
    """Ink-independent box (advance width x font height), baseline at y=0."""
    return _text_box(text, px, bold, italic, _house)


@lru_cache(maxsize=4096)
def _text_box(text: str, px: float, bold: bool, italic: bool, house: tuple[str, ...]) -> QRectF:
    fm = QFontMetricsF(_font(px, bold, italic, house))
    return QRectF(0, -fm.ascent(), fm.horizontalAdvance(text), fm.ascent() + fm.descent())


def _sprite(text: str, px: int, bold: bool, italic: bool, color: str, halo: str | None, halo_width: float,
            dpr: float) -> tuple[QImage, QPointF]:
    return _sprite_in(text, px, bold, italic, color, halo, halo_width, dpr, _house)


@lru_cache(maxsize=2048)
def _sprite_in(text: str, px: int, bold: bool, italic: bool, color: str, halo: str | None, halo_width: float,
               dpr: float, house: tuple[str, ...]) -> tuple[QImage, QPointF]:
    """The haloed label rendered once; later paints only blit it (labels dominate paint time)."""
    # The glyphs' own boxes, shaped (Arabic joins): whole pixels, at most a few larger than the ink. Not the
    # glyph outlines as a path, which cost ~15x more (~5 ms of the first paint's 40 labels) for a box.
    rect = QFontMetricsF(_font(px, bold, italic, house)).tightBoundingRect(text)
    pad = halo_width + 1
    w, h = rect.width() + 2 * pad, rect.height() + 2 * pad
    img = QImage(max(1, ceil(w * dpr)), max(1, ceil(h * dpr)), QImage.Format.Format_ARGB32_Premultiplied)
    img.setDevicePixelRatio(dpr)
    img.fill(0)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    p.translate(pad - rect.left(), pad - rect.top())
    p.setFont(_font(px, bold, italic, house))
    if halo:
        # The halo as the text drawn around a small circle: ~12x faster than stroking the glyph outlines
        # (which made the first paint wait ~3 ms per label) and the same look at label sizes.
        p.setPen(QColor(halo))
        for dx, dy in _halo_offsets(halo_width):
            p.drawText(QPointF(dx, dy), text)
    p.setPen(QColor(color))
    p.drawText(QPointF(0, 0), text)
    p.end()
    return img, QPointF(rect.left() - pad, rect.top() - pad)


@lru_cache(maxsize=16)
def _halo_offsets(width: float) -> tuple[tuple[float, float], ...]:
    r = width / 2
    n = 8 if width <= 3.5 else 16
    rings = (r,) if width <= 3.5 else (r / 2, r)
    return tuple((q * cos(2 * pi * i / n), q * sin(2 * pi * i / n)) for q in rings for i in range(n))


@dataclass(frozen=True)
class TextItem:
    """A run of text as the SVG writer emits it: in the device's pixels, baseline start at (x, y)."""

    text: str
    x: float
    y: float
    px: float
    width: float
    bold: bool
    italic: bool
    color: str
    halo: str | None
    halo_width: float
    rtl: bool


_sink: list[TextItem] | None = None  # exports run on one thread; the canvas never records


@contextmanager
def recording(sink: list[TextItem]):
    """While active, text drawn "as text" is recorded instead of drawn (the SVG writer emits it itself:
    QSvgGenerator writes right-to-left text one word per element, which reverses parentheses)."""
    global _sink
    previous, _sink = _sink, sink
    try:
        yield sink
    finally:
        _sink = previous


def record_text(painter: QPainter, text: str, baseline_left: QPointF, px: float, color: str, halo: str | None,
                *, bold: bool = False, italic: bool = False, halo_width: float = 0.0, width: float | None = None,
                rtl: bool | None = None) -> bool:
    """Record a run if a recording is active; True if it was (the caller then draws nothing)."""
    if _sink is None:
        return False
    tf = painter.worldTransform()
    p = tf.map(baseline_left)
    scale = (tf.m11() ** 2 + tf.m12() ** 2) ** 0.5
    w = text_box(text, px, bold, italic).width() if width is None else width
    if rtl is None:
        rtl = any("\u0590" <= ch <= "\u08ff" for ch in text)
    _sink.append(TextItem(text, p.x(), p.y(), px * scale, w * scale, bold, italic, color, halo, halo_width * scale,
                          rtl))
    return True


def draw_halo_text(painter: QPainter, text: str, baseline_left: QPointF, px: float, color: str,
                   halo: str | None, *, bold: bool = False, italic: bool = False,
                   as_text: bool = False, halo_width: float = 3.0, raster: bool = False) -> None:
    """Text with a halo so it reads over any map colour.

    as_text=True uses drawText (an SVG keeps real, searchable text); raster=True blits a cached
    sprite (screen and PNG: fastest); otherwise a glyph path (PDF: vector, fonts as outlines).
    """
    if raster and not as_text:
        dev = painter.device()
        dpr = dev.devicePixelRatioF() if dev is not None else 1.0
        scale = painter.worldTransform().m11()
        if abs(scale - 1.0) < 1e-6 and painter.worldTransform().isAffine():
            img, offset = _sprite(text, round(px), bold, italic, color, halo, halo_width, dpr)
            painter.drawImage(baseline_left + offset, img)
            return
    if as_text:
        if record_text(painter, text, baseline_left, px, color, halo, bold=bold, italic=italic,
                       halo_width=halo_width if halo else 0.0):
            return
        painter.setFont(font(px, bold, italic))
        if halo:
            painter.setPen(QColor(halo))
            d = halo_width / 2
            for dx, dy in ((-d, 0), (d, 0), (0, -d), (0, d), (-d, -d), (d, d), (-d, d), (d, -d)):
                painter.drawText(baseline_left + QPointF(dx, dy), text)
        painter.setPen(QColor(color))
        painter.drawText(baseline_left, text)
        return
    path, _ = _text_path(text, round(px), bold, italic)
    painter.save()
    painter.translate(baseline_left)
    if halo:
        pen = QPen(QColor(halo), halo_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        painter.strokePath(path, pen)
    painter.fillPath(path, QColor(color))
    painter.restore()
