"""Read zip archives that may be hostile: refuse unsafe names, zip bombs and encrypted entries before
extracting anything, and extract only layer files, under names of our choosing, with the bytes counted."""

from __future__ import annotations

import contextlib
import re
import shutil
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from corridor_viewer.io.layerdata import LayerImportError
from corridor_viewer.io.safeio import RefusedFileError, open_regular

MAX_ZIP_TOTAL = 1 << 30  # uncompressed bytes in an archive
MAX_ZIP_RATIO = 200  # compression ratio beyond which a large entry is treated as a zip bomb
MAX_ZIP_ENTRIES = 10_000
MAX_CENTRAL_DIR_BYTES = 4 << 20  # 10,000 entries with long names; zipfile reads and parses all of it at once


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


class _OwnedZipFile(zipfile.ZipFile):
    """A ZipFile that closes the handle it was given (ZipFile leaves a passed file object open)."""

    def __init__(self, fh: BinaryIO) -> None:
        self._handle = fh
        super().__init__(fh)

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._handle.close()


def open_zip(path: Path) -> zipfile.ZipFile:
    """The archive, opened from one handle on a regular file; refused if its directory is too large to list.

    zipfile reads the whole central directory into ZipInfo objects before anything can be checked (a zip
    of 4 million entries took 78 s and 1.7 GB), so the entry count and directory size are read first from
    the end-of-archive record and the archive refused above MAX_ZIP_ENTRIES / MAX_CENTRAL_DIR_BYTES.
    """
    try:
        fh = open_regular(path, "a zip archive")
    except RefusedFileError as exc:
        raise LayerImportError(str(exc)) from exc
    except OSError as exc:
        raise LayerImportError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc
    try:
        directory = central_directory(fh)
        if directory is not None:
            entries, size = directory
            if entries > MAX_ZIP_ENTRIES or size > MAX_CENTRAL_DIR_BYTES:
                raise LayerImportError(f"{path}: the zip lists {entries:,} entries ({size / 2**20:,.1f} MB of "
                                       f"directory); a layer archive has far fewer (limit {MAX_ZIP_ENTRIES:,}). "
                                       "Nothing was extracted")
        fh.seek(0)
        return _OwnedZipFile(fh)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, NotImplementedError, OverflowError,
            struct.error) as exc:
        fh.close()
        raise LayerImportError(f"{path}: not a valid zip archive ({exc}). Zip the layer's files again") from exc
    except OSError as exc:
        fh.close()
        raise LayerImportError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc
    except BaseException:
        fh.close()
        raise


_EOCD = struct.Struct("<4s4H2LH")  # end of central directory record (22 bytes)
_EOCD64 = struct.Struct("<4sQ2H2L4Q")  # zip64 end of central directory record (56 bytes)


def central_directory(fh: BinaryIO) -> tuple[int, int] | None:
    """(entries, directory bytes) from the end-of-archive record (zip64 too), or None if there is none.

    Reads at most 64 KB from the end, as zipfile does to find the record; nothing is parsed beyond it.
    """
    fh.seek(0, 2)
    size = fh.tell()
    tail_len = min(size, _EOCD.size + 0xFFFF + 20)  # the record, a maximal comment, the zip64 locator
    fh.seek(size - tail_len)
    tail = fh.read(tail_len)
    i = tail.rfind(b"PK\x05\x06")
    if i < 0 or len(tail) - i < _EOCD.size:
        return None
    _sig, _disk, _cd_disk, _here, entries, cd_size, cd_offset, _comment = _EOCD.unpack_from(tail, i)
    if (entries == 0xFFFF or cd_size == 0xFFFFFFFF or cd_offset == 0xFFFFFFFF) and i >= 20 \
            and tail[i - 20:i - 16] == b"PK\x06\x07":
        (rec_offset,) = struct.unpack_from("<Q", tail, i - 12)
        if rec_offset < size:
            fh.seek(rec_offset)
            rec = fh.read(_EOCD64.size)
            if len(rec) == _EOCD64.size and rec[:4] == b"PK\x06\x06":
                fields = _EOCD64.unpack(rec)
                entries, cd_size = fields[7], fields[8]
    return entries, cd_size


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

