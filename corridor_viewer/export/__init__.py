"""Exporters work from the model, never from widgets. Heavy ones (folium) load on first use."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def _png(*a, **k):
    from corridor_viewer.export.static import export_png

    return export_png(*a, **k)


def _svg(*a, **k):
    from corridor_viewer.export.svg import export_svg

    return export_svg(*a, **k)


def _pdf(*a, **k):
    from corridor_viewer.export.static import export_pdf

    return export_pdf(*a, **k)


def _html(*a, **k):
    from corridor_viewer.export.web import export_html

    return export_html(*a, **k)


# format -> exporter(state, settings, path, quote=None, links=None) -> one-line summary
EXPORTERS: dict[str, Callable[..., str]] = {"png": _png, "svg": _svg, "pdf": _pdf, "html": _html}


def export(fmt: str, state, settings, path: Path, quote=None, links=None) -> str:
    """Write ``state`` (a MapState: the map as it should appear, framed on its extent) as ``fmt``.

    ``links`` (the article links) lets the HTML popups quote the passages; the static formats ignore it."""
    if fmt == "html":
        return EXPORTERS[fmt](state, settings, Path(path), quote=quote, links=links)
    return EXPORTERS[fmt](state, settings, Path(path), quote=quote)
