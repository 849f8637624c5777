"""PNG, SVG and PDF exports and the clipboard image, all through compose() and paint()."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from corridor_viewer import APP_NAME
from corridor_viewer.export.atomic import atomic_path
from corridor_viewer.export.compose import Quote, compose, layout
from corridor_viewer.model.export_settings import ExportError, ExportSettings
from corridor_viewer.model.mapstate import MapState

INCH_PER_M = 39.37007874


def render_image(state: MapState, settings: ExportSettings, quote: Quote | list[Quote] | None = None) -> QImage:
    """The page as an image. ``settings.scale`` 2 or 3 multiplies the pixels, not the layout: the page is
    drawn at its size on an image with that device pixel ratio (text and lines sharp, nothing moves), and
    records that many times the dpi. ``settings.transparent`` leaves the page outside the map frame clear."""
    w, h, dpi = settings.pixel_size()
    s = settings.scale if settings.scale in (1, 2, 3) else 1
    quotes = quote if isinstance(quote, list) else ([quote] if quote is not None else [])
    page = layout(state, settings, w, h, quotes)  # measured first: nothing can fail half-way through painting
    if w * s > 24000 or h * s > 24000:
        raise ExportError(f"{w * s}×{h * s} px is too large an image; choose a smaller size or scale")
    img = QImage(w * s, h * s, QImage.Format.Format_ARGB32_Premultiplied)
    if img.isNull():
        raise ExportError(f"not enough memory for a {w * s}×{h * s} px image; choose a smaller size")
    img.fill(0 if settings.transparent else 0xFFFFFFFF)
    img.setDevicePixelRatio(s)
    dpi *= s
    dpm = round(dpi * INCH_PER_M)
    img.setDotsPerMeterX(dpm)
    img.setDotsPerMeterY(dpm)
    p = QPainter(img)
    try:
        compose(state, settings, p, w, h, vector=False, quote=quotes, page=page)
    finally:
        p.end()  # a painter still active on a destroyed image is a crash, whatever went wrong
    return img


def export_png(state: MapState, settings: ExportSettings, path: Path, quote: Quote | list[Quote] | None = None) -> str:
    from corridor_viewer.export.svg import dropped_note

    img = render_image(state, settings, quote)
    with atomic_path(path) as tmp:
        if not img.save(str(tmp), "PNG"):
            raise ExportError(f"could not write PNG {path}")
    extra = (f", ×{settings.scale}" if settings.scale > 1 else "") + (", transparent" if settings.transparent else "")
    return f"{img.width()}×{img.height()} px PNG at {settings.pixel_size()[2] * settings.scale} dpi{extra}" + \
        dropped_note(state, settings, quote)


@contextmanager
def pdf_painter(tmp: Path, path: Path | str, dpi: int, page_size: QPageSize, title: str, w: float,
                h: float) -> Iterator[tuple[QPainter, QPdfWriter]]:
    """A painter on a new PDF at ``tmp`` (the atomic write's temp file): pages of ``page_size``, drawn in our
    w×h pixel space (the writer's device may round the page a little, so it is scaled to it). The painter is
    ended whatever happens: a painter left active on its device crashes PySide when the device goes."""
    writer = QPdfWriter(str(tmp))
    writer.setResolution(dpi)
    writer.setPageLayout(QPageLayout(page_size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    writer.setTitle(title)
    writer.setCreator(APP_NAME)
    p = QPainter(writer)
    if not p.isActive():
        raise ExportError(f"could not start a PDF at {path}")
    try:
        p.scale(writer.width() / w, writer.height() / h)
        yield p, writer
    finally:
        p.end()


def mm_page(w: float, h: float, dpi: int) -> QPageSize:
    """A page of w×h pixels at ``dpi``, in millimetres."""
    return QPageSize(QSizeF(w / dpi * 25.4, h / dpi * 25.4), QPageSize.Unit.Millimeter)


def export_pdf(state: MapState, settings: ExportSettings, path: Path, quote: Quote | list[Quote] | None = None) -> str:
    from corridor_viewer.export.svg import dropped_note

    w, h, dpi = settings.pixel_size()
    quotes = quote if isinstance(quote, list) else ([quote] if quote is not None else [])
    page = layout(state, settings, w, h, quotes)
    page_size = mm_page(w, h, dpi)
    with atomic_path(path) as tmp, pdf_painter(tmp, path, dpi, page_size, settings.title or APP_NAME, w,
                                                h) as (p, _writer):
        compose(state, settings, p, w, h, vector=True, quote=quotes, page=page)
    size_mm = page_size.size(QPageSize.Unit.Millimeter)
    return (f"{size_mm.width():.0f}×{size_mm.height():.0f} mm vector PDF ({dpi} dpi raster equivalent)"
            + dropped_note(state, settings, quote))
