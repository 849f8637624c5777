"""The classroom handout: one PDF page per scene (map, caption, pinned passages with citations)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from corridor_viewer import APP_NAME
from corridor_viewer.export.atomic import atomic_path
from corridor_viewer.export.compose import compose
from corridor_viewer.model.dates import news_date
from corridor_viewer.model.export_settings import ExportError, ExportSettings
from corridor_viewer.model.mapstate import MapState
from corridor_viewer.model.quotes import Quote, quote_for
from corridor_viewer.model.scenes import Scene, pinned_passages, scene_state


def scene_quotes(links, scene: Scene, lang: str, digits: str = "western") -> list[Quote]:
    """One quotation per pinned passage, each with its own citation (and our translation, in English)."""
    from corridor_viewer.io import editorial

    return [quote_for(art, p, lang, translations=editorial.translations(), editorial=editorial.editorial(),
                      digits=digits) for art, p in pinned_passages(links, scene)]


def scene_settings(scene: Scene, base: ExportSettings) -> ExportSettings:
    s = ExportSettings.from_dict(base.to_dict())
    s.title = scene.title_for(base.language) + (f"  ·  {news_date(scene.date, base.language, base.digits)}"
                                                if scene.date else "")
    s.subtitle = scene.caption_for(base.language)
    return s


def export_handout(base: MapState, scenes: list[Scene], path: Path, settings: ExportSettings | None = None,
                   links=None) -> str:
    """One A4 page per scene, each drawn from the scene's own MapState (the live map is never touched)."""
    if not scenes:
        raise ExportError("there are no scenes to put in a handout")
    settings = settings or ExportSettings(preset="a4-portrait", format="pdf")
    w, h, dpi = settings.pixel_size()
    with atomic_path(Path(path)) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(dpi)
        size_mm = QSizeF(w / dpi * 25.4, h / dpi * 25.4)
        writer.setPageLayout(QPageLayout(QPageSize(size_mm, QPageSize.Unit.Millimeter),
                                         QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
        writer.setTitle(f"{APP_NAME} — handout")
        writer.setCreator(APP_NAME)
        p = QPainter(writer)
        if not p.isActive():
            raise ExportError(f"could not start a PDF at {path}")
        p.scale(writer.width() / w, writer.height() / h)
        for i, scene in enumerate(scenes):
            if i:
                writer.newPage()
            compose(scene_state(base, scene), scene_settings(scene, settings), p, w, h, vector=True,
                    quote=scene_quotes(links, scene, settings.language, settings.digits))
        p.end()
    return f"{len(scenes)}-page PDF handout ({size_mm.width():.0f}×{size_mm.height():.0f} mm)"
