"""The bundled layers' projected vertices, kept between starts (like the label layouts, io.plancache).

Projecting the ~21,000 vertices of the bundled lines and polygons in pure Python is ~10 ms of every start,
and the result depends only on the layer files and the projection. So it is kept in the cache folder as one
block of doubles (~0.3 MB), in the order the layers are read, under a name that hashes what it depends on:
the app's version, the projection's definition and code, and each layer file's name, size and mtime. A file
of the wrong length or without the header is ignored and written again; deleting it costs one slower start.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from array import array
from pathlib import Path

from corridor_viewer.io.safeio import read_limited

MAGIC = b"corridor-viewer projected vertices 1\n"
MAX_BYTES = 64 << 20  # the bundled data needs ~0.3 MB; a foreign or runaway file is not read


def cache_key(parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode("utf-8")).hexdigest()[:20]


class ProjectionCache:
    def __init__(self, folder: Path, key: str) -> None:
        self.folder = Path(folder)
        self.path = self.folder / f"projected-{key}.bin"

    def load(self, count: int) -> array | None:
        """The ``count`` doubles stored for this key, or None (missing, damaged or another length)."""
        try:
            data = read_limited(self.path, MAX_BYTES)
        except OSError:
            return None
        if not data.startswith(MAGIC) or len(data) != len(MAGIC) + 8 * count:
            return None
        values = array("d")
        values.frombytes(data[len(MAGIC):])
        return values

    def save(self, values: array) -> None:
        """Write atomically, and remove the files of other keys (an older build's). Failing is harmless."""
        from corridor_viewer.io.atomicfile import write_atomic

        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, MAGIC + values.tobytes())
            for old in self.folder.glob("projected-*.bin"):
                if old != self.path:
                    old.unlink(missing_ok=True)
