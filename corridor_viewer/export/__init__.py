"""Exporters work from the model, never from widgets. Heavy ones (folium) load on first use."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def _png(*a, **k):
    from corridor_viewer.export.static import export_png

    return export_png(*a, **k)


def _svg(*a, **k):
    from corridor_viewer.export.static import export_svg

    return export_svg(*a, **k)


def _pdf(*a, **k):
    from corridor_viewer.export.static import export_pdf

    return export_pdf(*a, **k)


def _html(*a, **k):
    from corridor_viewer.export.web import export_html

    return export_html(*a, **k)


# format -> exporter(doc, world_bounds, settings, path, quote=None) -> one-line summary
EXPORTERS: dict[str, Callable[..., str]] = {"png": _png, "svg": _svg, "pdf": _pdf, "html": _html}


def export(fmt: str, doc, bounds, settings, path: Path, quote=None) -> str:
    return EXPORTERS[fmt](doc, bounds, settings, Path(path), quote=quote)
