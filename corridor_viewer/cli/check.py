"""`corridor-viewer check FILE`: is this layer, article or project file usable, and if not, why and what to do.

Exit 0 when the file is usable (warnings, such as repaired geometries, are printed), 2 when it is not.
Nothing is written, and no window is needed.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("check", help="check a layer, article or project file before you add it",
                       description="Check a layer (GeoJSON, GeoPackage, zipped Shapefile, KML/KMZ, CSV), an article "
                                   "(.txt, .md, .html) or a project (.cvproj). Exit 0 if usable, 2 if not.")
    p.add_argument("file", help="the file to check")
    p.add_argument("--layer", help="the layer to check inside a GeoPackage, KML or zip (default: all)")
    p.add_argument("--annotations", action="store_true",
                   help="check a GeoJSON file as annotations (what `export --annotations` and the app import)")
    return p


def run(args: argparse.Namespace) -> int:
    from corridor_viewer.io.articles import USER_SUFFIXES
    from corridor_viewer.io.importers import layer_format
    from corridor_viewer.io.project import SUFFIX

    path = Path(args.file).expanduser()
    if not path.exists():
        return _bad(f"{path}: no such file")
    suffix = path.suffix.lower()
    if getattr(args, "annotations", False):
        return _annotations(path)
    if suffix == SUFFIX:
        return _project(path)
    if layer_format(path) is not None:
        return _layer(path, args.layer)
    if suffix in USER_SUFFIXES:
        return _article(path)
    return _bad(f"{path}: not a file Corridor Viewer reads. Layers: .geojson .json .gpkg .zip .shp .kml .kmz .csv; "
                f"articles: .txt .md .html; projects: {SUFFIX}")


def _bad(msg: str) -> int:
    print(f"INVALID  {msg}")
    return 2


def _ok(msg: str, warnings: list[str]) -> int:
    print(f"OK  {msg}")
    for w in warnings:
        print(f"  warning: {w}")
    return 0


def _annotations(path: Path) -> int:
    from corridor_viewer.io.annotation_files import AnnotationFileError, read_annotations

    try:
        read = read_annotations(path)
    except AnnotationFileError as exc:
        return _bad(str(exc))
    return _ok(f"{path}: {read.summary()}", read.warnings)


def _layer(path: Path, layer: str | None) -> int:
    from corridor_viewer.io.importers import LayerImportError, import_layer, list_layers

    try:
        names = [layer] if layer else [i.name for i in list_layers(path)]
        lines, warnings = [], []
        for name in names:
            result = import_layer(path, name if len(names) > 1 or layer else None)
            c = result.counts
            where = f" layer {name!r}" if len(names) > 1 or layer else ""
            lines.append(f"{path}{where}: {result.summary()} ({result.geometry_kind}s; read {c.get('read', 0)}; "
                         f"CRS {result.crs}; names from {result.name_field or 'no column'})")
            warnings += result.warnings
    except LayerImportError as exc:
        return _bad(str(exc))
    return _ok("\n    ".join(lines), warnings)


def _article(path: Path) -> int:
    from corridor_viewer.io.articles import ArticleError, read_article_file, user_article

    try:
        af = read_article_file(path)
    except ArticleError as exc:
        return _bad(str(exc))
    art = user_article("check", af.text, af.title, af.published)
    date = f", dated {af.published}" if af.published else ", no date (you can enter one when you add it)"
    return _ok(f"{path}: article {af.title!r:.80}, {len(af.text):,} characters, {len(art.passages)} passages{date}",
               af.warnings)


def _project(path: Path) -> int:
    from corridor_viewer.io.importers import LayerImportError
    from corridor_viewer.io.project import ProjectError, load_project, resolve_layer

    try:
        loaded = load_project(path)
    except ProjectError as exc:
        return _bad(str(exc))
    warnings = list(loaded.warnings)
    p = loaded.project
    layers_ok = 0
    for entry in p.imported:
        try:
            result = resolve_layer(entry, path)
            layers_ok += 1
            warnings += result.warnings
        except LayerImportError as exc:
            warnings.append(str(exc))
    ro = " (newer format: opens read-only)" if loaded.read_only else ""
    msg = (f"{path}: project format {loaded.version}{ro}; {layers_ok}/{len(p.imported)} imported layers usable, "
           f"{len(p.articles)} articles, {len(p.scenes)} scenes")
    if layers_ok < len(p.imported):
        print(f"INVALID  {msg}")
        for w in warnings:
            print(f"  problem: {w}")
        return 2
    return _ok(msg, warnings)
