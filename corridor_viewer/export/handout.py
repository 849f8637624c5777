"""The classroom handout: one PDF page per scene — map, caption, each pinned passage in its own box with its own
citation, the sources of every highlighted feature, and a folio with the page number and the data-as-of date."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPageSize

from corridor_viewer import APP_NAME
from corridor_viewer.export.atomic import atomic_path
from corridor_viewer.export.compose import compose
from corridor_viewer.export.static import mm_page, pdf_painter
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


FEATURE_SOURCES = {"en": "Sources for {name}: {items}", "ar": "مصادر {name}: {items}"}
FOLIO = {"en": "Page {i} of {n}", "ar": "الصفحة {i} من {n}"}
AS_OF = {"en": "data as of {d}", "ar": "البيانات حتى {d}"}
MORE = {"en": "and {n} more (in the app's Feature panel)", "ar": "و{n} غيرها (في لوحة «المعلم» في التطبيق)"}
MIN_MAP_SHARE = 0.36  # the sources never squeeze the map below this share of the page height


def _source_text(src: dict, lang: str, digits: str, title_chars: int) -> str:
    from corridor_viewer.model.dates import source_date

    title = str(src.get("title", "")).strip()
    if title_chars <= 0:
        title = ""
    elif len(title) > title_chars:
        title = title[:title_chars - 1].rsplit(" ", 1)[0] + "…"
    when = source_date(str(src.get("date", "")), lang, digits)
    head = ("، " if lang == "ar" else ", ").join(b for b in (str(src.get("publisher", "")).strip(), when) if b)
    return f"{head}: “{title}”" if head and title else head or f"“{title}”"


def feature_sources(state: MapState, lang: str, digits: str = "western", *, title_chars: int = 70,
                    most: int | None = None) -> list[str]:
    """One line per highlighted feature with sources (features citing the very same sources share a line):
    its name, then each source's publisher, date and title, as the geodata gives them."""
    from corridor_viewer.model.terms import display_name

    sep, comma = ("؛ ", "، ") if lang == "ar" else ("; ", ", ")
    groups: dict[str, tuple[list[str], list[dict]]] = {}
    for fid in state.selection:
        f = state.feature(fid)
        status = state.status_of(f) if f is not None else None
        srcs = [x for x in (f.props.get("sources") or []) if isinstance(x, dict)] if status else []
        if not srcs:
            continue
        key = repr([sorted(x.items()) for x in srcs])
        groups.setdefault(key, ([], srcs))[0].append(display_name(f, lang, status))
    out = []
    for names, srcs in groups.values():
        shown = srcs if most is None else srcs[:most]
        items = [_source_text(x, lang, digits, title_chars) for x in shown]
        if len(shown) < len(srcs):
            items.append(MORE[lang].format(n=len(srcs) - len(shown)))
        out.append(FEATURE_SOURCES[lang].format(name=comma.join(names), items=sep.join(items)))
    return out


def fitted_sources(state: MapState, settings: ExportSettings, w: float, h: float, quotes: list[Quote]) -> list[str]:
    """The sources as fully as the page allows: titles shortened, then fewer per feature, so the map keeps at
    least MIN_MAP_SHARE of the page."""
    from corridor_viewer.export.compose import layout

    lang, digits = settings.language, settings.digits
    tries = [(70, None), (40, None), (0, None), (0, 3), (0, 1)]
    notes: list[str] = []
    for title_chars, most in tries:
        notes = feature_sources(state, lang, digits, title_chars=title_chars, most=most)
        try:
            page = layout(state, settings, w, h, quotes, notes)
        except ExportError:
            continue
        if page.frame.height() >= MIN_MAP_SHARE * h and not page.dropped:
            return notes
    return notes


def folio(i: int, n: int, state: MapState, lang: str, digits: str = "western") -> str:
    text = FOLIO[lang].format(i=i, n=n)
    if state.data_as_of:
        try:
            text += " · " + AS_OF[lang].format(d=news_date(state.data_as_of, lang, digits))
        except ValueError:
            pass
    return text


def export_handout(base: MapState, scenes: list[Scene], path: Path, settings: ExportSettings | None = None,
                   links=None) -> str:
    """One A4 page per scene, each drawn from the scene's own MapState (the live map is never touched)."""
    if not scenes:
        raise ExportError("there are no scenes to put in a handout")
    settings = settings or ExportSettings(preset="a4-portrait", format="pdf")
    w, h, dpi = settings.pixel_size()
    page_size = mm_page(w, h, dpi)
    with atomic_path(Path(path)) as tmp, pdf_painter(tmp, path, dpi, page_size, f"{APP_NAME} — handout", w,
                                                      h) as (p, writer):
        lang, digits = settings.language, settings.digits
        for i, scene in enumerate(scenes):
            if i:
                writer.newPage()
            state = scene_state(base, scene)
            s = scene_settings(scene, settings)
            quotes = scene_quotes(links, scene, lang, digits)
            compose(state, s, p, w, h, vector=True, quote=quotes, notes=fitted_sources(state, s, w, h, quotes),
                    folio=folio(i + 1, len(scenes), state, lang, digits))
    size_mm = page_size.size(QPageSize.Unit.Millimeter)
    return f"{len(scenes)}-page PDF handout ({size_mm.width():.0f}×{size_mm.height():.0f} mm)"
