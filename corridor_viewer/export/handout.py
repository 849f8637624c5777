"""The classroom handout: one PDF page per scene (map, caption, pinned passages with citations)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from corridor_viewer import APP_NAME
from corridor_viewer.export.atomic import atomic_path
from corridor_viewer.export.compose import Quote, compose
from corridor_viewer.model.document import Document
from corridor_viewer.model.export_settings import ExportError, ExportSettings
from corridor_viewer.model.scenes import Scene, apply_to, pinned_passages, scene_bounds


def scene_quote(doc: Document, scene: Scene, lang: str) -> Quote | None:
    items = pinned_passages(doc, scene)
    if not items:
        return None
    text = " […] ".join(p.text.strip() for _, p in items)
    cites = []
    for art, _ in items:
        title = art.title if lang == "ar" else (art.title_en or art.title)
        cite = f"{title} (\u2066{art.published}\u2069)"
        if cite not in cites:
            cites.append(cite)
    return Quote(text, "; ".join(cites))


class _Saved:
    """Remember what scenes change on the document, and put it back afterwards."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.visible = {layer.id: layer.visible for layer in doc.layers}
        self.selection = list(doc.selection)
        self.date = doc.date
        self.focus = doc.focus

    def restore(self) -> None:
        for lid, vis in self.visible.items():
            self.doc.set_visible(lid, vis)
        self.doc.select(self.selection)
        self.doc.set_date(self.date)
        if self.focus is None:
            self.doc.set_focus(None)
        else:
            self.doc.set_focus(*self.focus)


def scene_settings(scene: Scene, base: ExportSettings) -> ExportSettings:
    s = ExportSettings.from_dict(base.to_dict())
    s.title = scene.title_for(base.language) + (f"  ·  \u2066{scene.date}\u2069" if scene.date else "")
    s.subtitle = scene.caption_for(base.language)
    return s


def export_handout(doc: Document, scenes: list[Scene], path: Path, base: ExportSettings | None = None) -> str:
    if not scenes:
        raise ExportError("there are no scenes to put in a handout")
    base = base or ExportSettings(preset="a4-portrait", format="pdf")
    w, h, dpi = base.pixel_size()
    saved = _Saved(doc)
    try:
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
                apply_to(doc, scene)
                compose(doc, scene_bounds(scene), scene_settings(scene, base), p, w, h, vector=True,
                        quote=scene_quote(doc, scene, base.language))
            p.end()
    finally:
        saved.restore()
    return f"{len(scenes)}-page PDF handout ({size_mm.width():.0f}×{size_mm.height():.0f} mm)"
