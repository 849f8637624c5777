"""Project files (``*.cvproj``): versioned JSON holding what a user made, read back with suspicion.

A project holds the map view, every layer's visibility and opacity, the user's imported layers (their
features copied in, or a reference to the file — the user's choice) with their styles, the user's
articles (text copied in, with their dates), the scenes, the annotations and label edits, the export
settings (with the house style) and the reader's confirm/reject decisions on links (``link_decisions``,
written only when there are some). Format 1 files (before annotations) open as they always did.

Loading never trusts the file: a damaged section is dropped with a warning that says what was lost, and
only a file that is not a project at all is refused (:class:`ProjectError`). Copied layers go through the
same checks as an imported file. A file from a newer format version is read as far as this version
understands it and marked read-only, so saving cannot silently drop what the newer version wrote. Writes
are atomic (temp file, fsync, rename): a crash mid-save leaves the previous file intact.
"""

from __future__ import annotations

import json
import math
import os
import re
from pathlib import Path
from typing import Any

from corridor_viewer import __version__
from corridor_viewer.io.articles import normalise_published
from corridor_viewer.model import label_edits
from corridor_viewer.model.annotations import list_from_dicts_tolerant
from corridor_viewer.model.export_settings import ExportSettings
from corridor_viewer.model.project import VERSION, ArticleEntry, LayerEntry, LoadedProject, Project
from corridor_viewer.model.user_layers import style_from_dict, style_to_dict

FORMAT = "corridor-viewer-project"
SUFFIX = ".cvproj"
MAX_PROJECT_BYTES = 1 << 30
MODES = ("copy", "reference")

_ID_RE = re.compile(r"[\w.-]{1,80}")


class ProjectError(Exception):
    """Not a readable project; the message names the file, the problem and what to do."""


__all__ = ["FORMAT", "SUFFIX", "VERSION", "ArticleEntry", "LayerEntry", "LoadedProject", "Project", "ProjectError"]


# -- writing

def project_bytes(project: Project, target: Path) -> bytes:
    """The file's bytes; reference paths are also stored relative to ``target``'s folder."""
    base = Path(target).resolve().parent
    layers = []
    total = 0
    for e in project.imported:
        d: dict[str, Any] = {"id": e.id, "title": e.title, "mode": e.mode, "z": e.z, "layer": e.layer,
                             "name_field": e.name_field, "path": e.path}
        if e.style is not None:
            d["style"] = style_to_dict(e.style)
        if e.mode == "reference" and e.path:
            try:
                d["relative"] = Path(os.path.relpath(Path(e.path).resolve(), base)).as_posix()
            except ValueError:  # another drive (Windows): only the absolute path works
                d["relative"] = None
        else:
            d["features"] = e.features or {"type": "FeatureCollection", "features": []}
            total += len(d["features"].get("features", []))
        layers.append(d)
    data = {
        **project.extra,
        "format": FORMAT, "version": VERSION, "app_version": __version__,
        "view": project.view,
        "layers": project.layer_state,
        "imported_layers": layers,
        "articles": [{"id": a.id, "title": a.title, "published": a.published, "source": a.source, "text": a.text}
                     for a in project.articles],
        "scenes": project.scenes,
        "export_settings": project.export_settings,
        "selection": project.selection,
        "annotations": [a.to_dict() for a in project.annotations],
        "label_edits": label_edits.to_list(project.label_edits),
    }
    if project.origin:
        data["origin"] = project.origin
    if project.link_decisions and project.link_decisions.get("decisions"):
        data["link_decisions"] = project.link_decisions  # only when there are some: older versions keep it as extra
    try:
        # Small projects indented for people who open them in an editor; big copied layers compact.
        text = json.dumps(data, ensure_ascii=False, allow_nan=False, indent=1 if total < 5000 else None)
    except (TypeError, ValueError) as exc:
        raise ProjectError(f"{target}: the project holds a value JSON cannot store ({exc}); nothing was written") \
            from exc
    return (text + "\n").encode("utf-8")


def save_project(path: Path | str, project: Project) -> None:
    """Write atomically: the old file stays whole until the new one is complete on disk."""
    from corridor_viewer.io.atomicfile import AtomicWriteError, write_atomic  # temp file, fsync, rename

    path = Path(path)
    data = project_bytes(project, path)
    try:
        write_atomic(path, data)
    except AtomicWriteError as exc:
        raise ProjectError(f"{path}: cannot save ({exc})") from exc
    except OSError as exc:
        raise ProjectError(f"{path}: cannot save ({exc.strerror or exc}); the previous file, if any, is unchanged") \
            from exc


def backup(path: Path | str) -> Path:
    """Keep a copy of the file as ``<name>.bak`` before anything rewrites it; returns the copy's path."""
    from corridor_viewer.io.atomicfile import write_atomic
    from corridor_viewer.io.safeio import read_limited

    path = Path(path)
    bak = path.with_name(path.name + ".bak")
    write_atomic(bak, read_limited(path, MAX_PROJECT_BYTES, "a project file"))  # a FIFO there must not hang
    return bak


# -- reading

def load_project(path: Path | str) -> LoadedProject:
    """Read a project or recovery file; ProjectError names the file and says what to do."""
    from corridor_viewer.io.safeio import read_user_file

    path = Path(path)
    # One open, type checked on the handle, bytes counted as read: a FIFO or a link to /dev/zero is refused at
    # once instead of hanging or reading until memory runs out.
    data = read_user_file(path, MAX_PROJECT_BYTES, "a project file", ProjectError,
                          missing="no such file; it may have been moved or deleted")
    return parse_project(data, path)


def parse_project(data: bytes, path: Path) -> LoadedProject:
    if not data.strip():
        raise ProjectError(f"{path}: the file is empty — it was not saved completely. Open the .bak copy or the "
                           "autosaved recovery file if there is one")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProjectError(f"{path}: not a Corridor Viewer project (not UTF-8 text at byte {exc.start}); "
                           "the file is damaged or of another kind") from exc
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProjectError(f"{path}: damaged — not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}). "
                           "The file was left as it is; open its .bak copy or the recovery file if you have one") \
            from exc
    except RecursionError as exc:
        raise ProjectError(f"{path}: not a project (JSON nested too deeply)") from exc
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits (Python's int-parsing limit)
        raise ProjectError(f"{path}: damaged — not valid JSON ({str(exc)[:120]}). The file was left as it is; "
                           "open its .bak copy or the recovery file if you have one") from exc
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise ProjectError(f"{path}: valid JSON, but not a Corridor Viewer project (no \"format\": \"{FORMAT}\"). "
                           "Open a .cvproj file saved by Corridor Viewer")
    version = raw.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ProjectError(f"{path}: the project's format version {version!r:.40} is not valid; the file is damaged")
    loaded = LoadedProject(Project(), Path(path), version=version)
    w = loaded.warnings
    if version > VERSION:
        loaded.read_only = True
        w.append(f"{Path(path).name} was saved by a newer Corridor Viewer (project format {version}; this version "
                 f"reads format {VERSION}). It is open read-only: what this version understands is shown, and "
                 "saving over it is disabled so nothing the newer version wrote is lost. Update Corridor Viewer to "
                 "edit it")
    p = loaded.project
    known = {"format", "version", "app_version", "view", "layers", "imported_layers", "articles", "scenes",
             "export_settings", "selection", "origin", "link_decisions", "annotations", "label_edits"}
    p.extra = {k: v for k, v in raw.items() if k not in known}
    p.view = _view(raw.get("view"), w)
    p.layer_state = _layer_state(raw.get("layers"), w)
    p.imported = _imported(raw.get("imported_layers"), w)
    p.articles = _articles(raw.get("articles"), w)
    scenes = raw.get("scenes", [])
    if isinstance(scenes, list) and all(isinstance(s, dict) for s in scenes):
        p.scenes = scenes
    else:
        w.append("the scenes are damaged (not a list of scenes) and were left out")
    es = raw.get("export_settings", {})
    if isinstance(es, dict):
        p.export_settings = ExportSettings.from_dict(es).to_dict()
    else:
        w.append("the export settings are damaged; the defaults are used")
    sel = raw.get("selection", [])
    p.selection = [s for s in sel if isinstance(s, str)][:100] if isinstance(sel, list) else []
    p.annotations = list_from_dicts_tolerant(raw.get("annotations"), w)
    p.label_edits = label_edits.from_list_tolerant(raw.get("label_edits"), w)
    origin = raw.get("origin")
    p.origin = origin if isinstance(origin, str) and origin else None
    p.link_decisions = _link_decisions(raw.get("link_decisions"), w)
    return loaded


def _link_decisions(v: Any, w: list[str]) -> dict[str, Any] | None:
    """The reader's link decisions, checked row by row; damaged ones are dropped with a warning."""
    from corridor_viewer.model.link_decisions import LinkDecisions

    if v is None:
        return None
    try:
        return LinkDecisions.from_dict(v).to_dict()
    except (ValueError, TypeError, AttributeError, RecursionError) as exc:
        w.append(f"the confirmed and rejected links are damaged ({str(exc)[:120]}) and were left out; the links "
                 "are shown as the linker found them")
        return None


def _finite(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _view(v: Any, w: list[str]) -> dict[str, float] | None:
    if v is None:
        return None
    if isinstance(v, dict) and all(_finite(v.get(k)) for k in ("cx", "cy", "m_per_px")) and v["m_per_px"] > 0:
        return {k: float(v[k]) for k in ("cx", "cy", "m_per_px")}
    w.append("the saved map view is damaged; the map opens at its usual view")
    return None


def _layer_state(v: Any, w: list[str]) -> dict[str, dict[str, Any]]:
    if v is None:
        return {}
    if not isinstance(v, dict):
        w.append("the layer visibility settings are damaged and were left out")
        return {}
    out: dict[str, dict[str, Any]] = {}
    bad = 0
    for lid, st in v.items():
        if not isinstance(st, dict):
            bad += 1
            continue
        entry: dict[str, Any] = {}
        if isinstance(st.get("visible"), bool):
            entry["visible"] = st["visible"]
        if _finite(st.get("opacity")) and 0 <= st["opacity"] <= 1:
            entry["opacity"] = float(st["opacity"])
        if len(entry) != len([k for k in ("visible", "opacity") if k in st]):
            bad += 1
        out[str(lid)] = entry
    if bad:
        w.append(f"{bad} layer setting(s) were damaged and left at their defaults")
    return out


def _imported(v: Any, w: list[str]) -> list[LayerEntry]:
    if v is None:
        return []
    if not isinstance(v, list):
        w.append("the imported layers are damaged (not a list) and were left out")
        return []
    out: list[LayerEntry] = []
    seen: set[str] = set()
    for n, d in enumerate(v, start=1):
        what = f"imported layer #{n}"
        if not isinstance(d, dict):
            w.append(f"{what} is damaged and was left out")
            continue
        lid, title, mode = d.get("id"), d.get("title"), d.get("mode")
        if not isinstance(lid, str) or not _ID_RE.fullmatch(lid) or lid in seen:
            w.append(f"{what} has a missing, invalid or repeated id and was left out")
            continue
        what = f"imported layer {title!r:.60}" if isinstance(title, str) else what
        if mode not in MODES:
            w.append(f"{what}: unknown mode {mode!r:.20} (expected copy or reference); left out")
            continue
        style = None
        if d.get("style") is not None:
            try:
                style = style_from_dict(d["style"])
            except ValueError as exc:
                w.append(f"{what}: its style is damaged ({exc}); the default style is used")
        z = d.get("z", 1000)
        entry = LayerEntry(id=lid, title=title if isinstance(title, str) and title.strip() else lid, mode=mode,
                           style=style, z=int(z) if _finite(z) and abs(z) < 1e9 else 1000,
                           path=d["path"] if isinstance(d.get("path"), str) else None,
                           relative=d["relative"] if isinstance(d.get("relative"), str) else None,
                           layer=d["layer"] if isinstance(d.get("layer"), str) else None,
                           name_field=d["name_field"] if isinstance(d.get("name_field"), str) else None)
        if mode == "copy":
            feats = d.get("features")
            if not isinstance(feats, dict):
                w.append(f"{what}: its copied features are missing or damaged; left out")
                continue
            entry.features = feats
        elif not entry.path and not entry.relative:
            w.append(f"{what}: refers to no file; left out")
            continue
        seen.add(lid)
        out.append(entry)
    return out


def _articles(v: Any, w: list[str]) -> list[ArticleEntry]:
    if v is None:
        return []
    if not isinstance(v, list):
        w.append("the imported articles are damaged (not a list) and were left out")
        return []
    out: list[ArticleEntry] = []
    seen: set[str] = set()
    for n, d in enumerate(v, start=1):
        if not isinstance(d, dict) or not isinstance(d.get("id"), str) or not _ID_RE.fullmatch(d["id"]) \
                or d["id"] in seen:
            w.append(f"article #{n} is damaged (missing or repeated id) and was left out")
            continue
        text = d.get("text")
        if not isinstance(text, str) or not text.strip():
            w.append(f"article {d['id']}: its text is missing; left out")
            continue
        title = d.get("title") if isinstance(d.get("title"), str) else ""
        try:
            published = normalise_published(d.get("published") if isinstance(d.get("published"), str) else "")
        except ValueError as exc:
            w.append(f"article {d['id']}: date dropped ({exc})")
            published = ""
        seen.add(d["id"])
        out.append(ArticleEntry(d["id"], title[:300], text, published,
                                d.get("source") if isinstance(d.get("source"), str) else ""))
    return out


# -- imported layers back into features

def layer_source(entry: LayerEntry, project_path: Path) -> Path | None:
    """Where a referenced layer's file is now: beside the project first (the folder may have moved)."""
    candidates = []
    if entry.relative:
        candidates.append(Path(project_path).resolve().parent / entry.relative)
    if entry.path:
        candidates.append(Path(entry.path))
    return next((c for c in candidates if c.is_file()), None)


def resolve_layer(entry: LayerEntry, project_path: Path, progress=None, cancel=None):
    """An ImportResult for a project's layer: its copied features, checked, or its file read again.

    Raises LayerImportError (from io.importers) with a message naming the layer and what to do.
    """
    from corridor_viewer.io.importers import LayerImportError, import_geojson_data, import_layer

    if entry.mode == "copy":
        result = import_geojson_data(entry.features, f"{Path(project_path).name} ▸ {entry.title}", progress, cancel)
    else:
        src = layer_source(entry, project_path)
        if src is None:
            raise LayerImportError(f"layer {entry.title!r}: its file {entry.path or entry.relative} was not found. "
                                   "Put the file back (or beside the project) and open the project again, or add "
                                   "the layer again")
        result = import_layer(src, entry.layer, progress, cancel)
    if entry.name_field:
        result.name_field = entry.name_field
    return result
