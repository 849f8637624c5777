"""Read zip archives that may be hostile: refuse unsafe names, zip bombs and encrypted entries before
extracting anything, and extract only layer files, under names of our choosing, with the bytes counted."""

from __future__ import annotations

import contextlib
import re
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from corridor_viewer.io.layerdata import LayerImportError

MAX_ZIP_TOTAL = 1 << 30  # uncompressed bytes in an archive
MAX_ZIP_RATIO = 200  # compression ratio beyond which a large entry is treated as a zip bomb
MAX_ZIP_ENTRIES = 10_000


def check_entries(path: Path, zf: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The archive's entries, refused as a whole if any is unsafe (never extract a hostile archive)."""
    infos = zf.infolist()
    if len(infos) > MAX_ZIP_ENTRIES:
        raise LayerImportError(f"{path}: the zip holds {len(infos)} entries; that is not a layer archive")
    total = 0
    for info in infos:
        name = info.filename
        if not name:  # found by the fuzzer: a damaged directory entry with no name
            raise LayerImportError(f"{path}: the zip is damaged (an entry has no name); zip the layer's files again")
        parts = PurePosixPath(name.replace("\\", "/")).parts
        if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name) or ".." in parts:
            raise LayerImportError(f"{path}: the zip entry {name!r} points outside the archive (absolute path or "
                                   "'..'); nothing was extracted. Zip the layer's files again from their folder")
        if info.flag_bits & 0x1:
            raise LayerImportError(f"{path}: the zip is password-protected; zip the files again without a password")
        total += info.file_size
        if info.file_size > (1 << 20) and info.file_size > MAX_ZIP_RATIO * max(1, info.compress_size):
            ratio = info.file_size // max(1, info.compress_size)
            raise LayerImportError(f"{path}: the entry {name!r} would expand {ratio} times (a 'zip bomb'); "
                                   "nothing was extracted")
    if total > MAX_ZIP_TOTAL:
        raise LayerImportError(f"{path}: the zip would expand to {total / 2**20:,.0f} MB; the limit is "
                               f"{MAX_ZIP_TOTAL >> 20} MB")
    return infos


def open_zip(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, NotImplementedError, OverflowError) as exc:
        raise LayerImportError(f"{path}: not a valid zip archive ({exc}). Zip the layer's files again") from exc
    except OSError as exc:
        raise LayerImportError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc


_SHP_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg")


def _zip_plan(path: Path, zf: zipfile.ZipFile) -> list[tuple[str, list[tuple[zipfile.ZipInfo, str]]]]:
    """(layer file name, [(entry, flat name to extract it as)]) for each layer in the archive."""
    infos = [i for i in check_entries(path, zf) if not i.is_dir() and "__MACOSX" not in i.filename]
    by_suffix: dict[str, list[zipfile.ZipInfo]] = {}
    for info in infos:
        by_suffix.setdefault(PurePosixPath(info.filename).suffix.lower(), []).append(info)
    shps = by_suffix.get(".shp", [])
    others = [i for s in (".geojson", ".json", ".gpkg", ".kml", ".csv") for i in by_suffix.get(s, [])]
    if not shps and not others:
        found = ", ".join(sorted({PurePosixPath(i.filename).name for i in infos})[:8]) or "nothing"
        raise LayerImportError(f"{path}: no .shp file (or other layer file) in the zip; it holds {found}")
    plan = []
    for n, shp in enumerate(shps):
        stem = shp.filename[: -len(".shp")]
        label = _safe_label(shp.filename, n)
        parts = [(info, label + info.filename[len(stem):].lower()) for info in infos
                 if info.filename.lower().startswith(stem.lower()) and info.filename[len(stem):].lower() in _SHP_PARTS]
        missing = [s for s in (".shx", ".dbf") if not any(name == label + s for _, name in parts)]
        if missing:
            raise LayerImportError(f"{path}: {shp.filename} comes without its {' and '.join(missing)} "
                                   "part(s); zip all the files of the shapefile together")
        plan.append((label + ".shp", parts))
    for n, info in enumerate(others, start=len(shps)):
        label = _safe_label(info.filename, n) + PurePosixPath(info.filename).suffix.lower()
        plan.append((label, [(info, label)]))
    return plan


def zip_layer_names(path: Path) -> list[str]:
    with open_zip(path) as zf:
        return [name for name, _ in _zip_plan(path, zf)]


@contextlib.contextmanager
def unzipped(path: Path, only: str | None = None) -> Iterator[tuple[Path, list[str]]]:
    """Extract the layer files of a zip into a private temporary folder: (folder, layer file names).

    Only entries with known layer suffixes are written, under flat names of our choosing, with the
    written size capped; the folder is removed afterwards. ``only`` extracts just that layer.
    """
    zf = open_zip(path)
    tmp = Path(tempfile.mkdtemp(prefix="cv-import-"))
    try:
        with zf:
            plan = _zip_plan(path, zf)
            budget = [MAX_ZIP_TOTAL]
            for name, parts in plan:
                if only is None or name == only:
                    for info, dest in parts:
                        _extract(zf, info, tmp / dest, budget, path)
        yield tmp, [name for name, _ in plan]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _safe_label(name: str, n: int) -> str:
    stem = PurePosixPath(name.replace("\\", "/")).stem
    clean = re.sub(r"[^\w.-]+", "_", stem)[:60].strip("._") or f"layer{n}"
    return clean if n == 0 else f"{clean}-{n}"


def _extract(zf: zipfile.ZipFile, info: zipfile.ZipInfo, dest: Path, budget: list[int], path: Path) -> None:
    try:
        with zf.open(info) as src, open(dest, "wb") as out:
            while True:
                block = src.read(1 << 20)
                if not block:
                    break
                budget[0] -= len(block)
                if budget[0] < 0:  # sizes in the header can lie; count what is really written
                    raise LayerImportError(f"{path}: the zip expands beyond {MAX_ZIP_TOTAL >> 20} MB; "
                                           "nothing was imported")
                out.write(block)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise LayerImportError(f"{path}: the zip entry {info.filename!r} is damaged ({exc})") from exc
    except OSError as exc:
        raise LayerImportError(f"{path}: cannot extract {info.filename!r} ({exc.strerror or exc})") from exc

