"""`corridor-viewer export`: publication maps from the command line, no window needed."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from corridor_viewer.model.export_settings import FORMATS, PRESETS, ExportError, ExportSettings


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("export", help="write a map as PNG, SVG, PDF or an offline HTML page",
                       description="Write a publication-ready map. Exit 0 with a one-line summary; 2 on bad input.")
    p.add_argument("--out", required=True, help="output file (format from its extension unless --format)")
    p.add_argument("--format", choices=FORMATS, help="png, svg, pdf or html")
    size = p.add_mutually_exclusive_group()
    size.add_argument("--size", help="custom size in pixels, e.g. 1600x900")
    size.add_argument("--preset", choices=sorted(PRESETS), help="a newsroom size preset (default web-1920x1080)")
    p.add_argument("--dpi", type=int, help="resolution recorded in the file (print presets: 300)")
    p.add_argument("--lang", choices=("ar", "en"), default="en", help="language of the map text")
    p.add_argument("--title", default="", help="title above the map")
    p.add_argument("--subtitle", default="", help="subtitle under the title")
    p.add_argument("--credit", default="", help="source/credit line (default: the data sources)")
    p.add_argument("--layers", help="comma-separated layer ids to show (default: all)")
    p.add_argument("--select", help="feature id to highlight")
    p.add_argument("--view", choices=("home", "selection"), default="home",
                   help="map extent: the corridor area (home) or the selected feature with context")
    p.add_argument("--scene", help="export one scene (its view, layers, highlights, date and passages) "
                                   "by id, or 'all': the classroom handout (a PDF, one page per scene) or, with "
                                   "--format html, the student story page (one offline file with the quiz)")
    p.add_argument("--worksheet", action="store_true",
                   help="the printable worksheet of the scenes (an A4 PDF): an outline map with numbered markers "
                        "and no names, questions with lines to write on, and an answer key")
    for flag in ("legend", "scale-bar", "north-arrow", "inset"):
        p.add_argument(f"--no-{flag}", action="store_true", help=f"leave out the {flag.replace('-', ' ')}")
    return p


def _fail(msg: str) -> int:
    print(f"corridor-viewer export: {msg}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser()
    fmt = args.format or out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        return _fail(f"cannot tell the format from {out.name!r}; use --format {'|'.join(FORMATS)}")
    settings = ExportSettings(title=args.title, subtitle=args.subtitle, credit=args.credit, language=args.lang,
                              format=fmt, legend=not args.no_legend, scale_bar=not args.no_scale_bar,
                              north_arrow=not args.no_north_arrow, inset=not args.no_inset)
    if args.size:
        m = re.fullmatch(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*", args.size)
        if not m:
            return _fail(f"--size must look like 1600x900 (got {args.size!r})")
        settings.preset = "custom"
        settings.custom_width, settings.custom_height, settings.custom_unit = int(m[1]), int(m[2]), "px"
    elif args.preset:
        settings.preset = args.preset
    if args.dpi is not None:
        settings.dpi = args.dpi
    elif settings.preset in PRESETS:
        settings.dpi = PRESETS[settings.preset].dpi
    try:
        settings.pixel_size()
    except ExportError as exc:
        return _fail(str(exc))

    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from corridor_viewer.export import export
    from corridor_viewer.io.geodata import GeodataError, load_document

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (needed for fonts)
    try:
        doc = load_document()
    except (GeodataError, FileNotFoundError) as exc:
        return _fail(str(exc))
    doc.set_language(args.lang)
    if args.layers:
        wanted = [s.strip() for s in args.layers.split(",") if s.strip()]
        known = {layer.id for layer in doc.layers}
        unknown = [w for w in wanted if w not in known]
        if unknown:
            return _fail(f"unknown layer id(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        for layer in doc.layers:
            doc.set_visible(layer.id, layer.id in wanted)
    session = _session(doc)
    if args.worksheet:
        if fmt != "pdf":
            return _fail("--worksheet writes a PDF: use --out FILE.pdf")
        if args.scene:
            return _fail("--worksheet covers all the scenes; leave out --scene")
        return _export_worksheet(args, session, settings, out)
    if args.scene:
        return _export_scene(args, session, settings, out, fmt)
    bounds = doc.home_bounds
    if args.select:
        if doc.feature(args.select) is None:
            return _fail(f"unknown feature id {args.select!r}; `corridor-viewer links` and the Layers panel list ids")
        doc.select(args.select)
        if args.view == "selection":
            from corridor_viewer.model.framing import in_context

            bounds = in_context([doc.feature(args.select)], doc.features())
    elif args.view == "selection":
        return _fail("--view selection needs --select FEATURE_ID")
    if fmt == "html":
        session.relink()  # the popups quote the passages that mention each feature
    state = doc.map_state(badges=False).with_extent(bounds)
    try:
        summary = export(fmt, state, settings, out, links=doc.links)
    except ExportError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"cannot write {out}: {exc.strerror or exc}")
    visible = sum(1 for layer in doc.layers if layer.visible)
    print(f"wrote {out}: {summary}; {args.lang}, {visible} layers")
    return 0


def _session(doc):
    from corridor_viewer.io.storage import FileStorage
    from corridor_viewer.model.session import Session

    return Session(doc, FileStorage())


def _export_scene(args, session, settings, out: Path, fmt: str) -> int:
    from corridor_viewer.export import export
    from corridor_viewer.export.handout import export_handout, scene_quotes, scene_settings
    from corridor_viewer.model.scenes import SceneError, scene_state

    doc = session.doc
    try:
        session.load_user_scenes()
    except SceneError as exc:
        return _fail(str(exc))
    if session.scenes_warning:
        print(f"corridor-viewer export: {session.scenes_warning}", file=sys.stderr)
    scenes = session.scenes
    session.relink()
    base = doc.map_state(badges=False)
    try:
        if args.scene == "all" and fmt == "html":
            from corridor_viewer.export.story import export_story
            from corridor_viewer.io.classroom import quiz_questions

            summary = export_story(base, list(scenes), out, settings, links=doc.links, questions=quiz_questions())
        elif args.scene == "all":
            if fmt != "pdf":
                return _fail("--scene all writes the handout (a PDF) or the student story page (HTML): "
                             "use --out FILE.pdf or --out FILE.html")
            if settings.preset == "web-1920x1080" and not args.size and not args.preset:
                settings.preset, settings.dpi = "a4-portrait", 300  # a handout is printed
            summary = export_handout(base, list(scenes), out, settings, links=doc.links)
        else:
            scene = scenes.get(args.scene)
            if scene is None:
                return _fail(f"no scene {args.scene!r}; `corridor-viewer scenes` lists them")
            s = scene_settings(scene, settings)
            if args.title:
                s.title = args.title
            if args.subtitle:
                s.subtitle = args.subtitle
            quote = scene_quotes(doc.links, scene, settings.language, settings.digits)
            summary = export(fmt, scene_state(base, scene), s, out, quote=quote, links=doc.links)
    except ExportError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"cannot write {out}: {exc.strerror or exc}")
    print(f"wrote {out}: {summary}; {args.lang}")
    return 0


def _export_worksheet(args, session, settings, out: Path) -> int:
    from corridor_viewer.export.worksheet import export_worksheet
    from corridor_viewer.io.classroom import worksheet
    from corridor_viewer.model.scenes import SceneError
    from corridor_viewer.model.worksheet import WorksheetError, worksheet_for

    try:
        session.load_user_scenes()
        sheet = worksheet_for(worksheet(), list(session.scenes), session.doc.map_state().features)
    except (SceneError, WorksheetError) as exc:
        return _fail(str(exc))
    if session.scenes_warning:
        print(f"corridor-viewer export: {session.scenes_warning}", file=sys.stderr)
    settings.preset, settings.dpi = "a4-portrait", 300
    try:
        result = export_worksheet(session.doc.map_state(badges=False), sheet, list(session.scenes), out, settings)
    except ExportError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"cannot write {out}: {exc.strerror or exc}")
    print(f"wrote {out}: {result.summary}; {args.lang}")
    return 0
