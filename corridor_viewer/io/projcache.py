"""The bundled layers' projected vertices, kept between starts (like the label layouts, io.plancache).

Projecting the ~21,000 vertices of the bundled lines and polygons in pure Python is ~10 ms of every start,
and the result depends only on the layer files and the projection. So it is kept in the cache folder as one
block of doubles (~0.3 MB), in the order the layers are read, after a header line that says what it
depends on: the app's version, the projection's definition and code, and each layer file's name, size and
mtime. A file whose header differs, or of the wrong length, is ignored and written again; deleting it costs
one slower start. (The key is compared as it is, not hashed: hashlib would cost the start ~2 ms to import.)
"""

from __future__ import annotations

import contextlib
import json
from array import array
from pathlib import Path

from corridor_viewer.io.safeio import read_limited

MAGIC = b"corridor-viewer projected vertices 1\n"
FILE = "projected-vertices.bin"
MAX_BYTES = 64 << 20  # the bundled data needs ~0.3 MB; a foreign or runaway file is not read


def cache_key(parts: object) -> str:
    """What the vertices depend on, as one line of JSON (the file's second line)."""
    return json.dumps(parts, sort_keys=True, default=str, ensure_ascii=True)


class ProjectionCache:
    def __init__(self, folder: Path, key: str) -> None:
        self.folder = Path(folder)
        self.path = self.folder / FILE
        self.header = MAGIC + key.encode("ascii") + b"\n"

    def load(self, count: int) -> array | None:
        """The ``count`` doubles stored for this key, or None (missing, another key, damaged, another length)."""
        try:
            data = read_limited(self.path, MAX_BYTES)
        except OSError:
            return None
        if not data.startswith(self.header) or len(data) != len(self.header) + 8 * count:
            return None
        values = array("d")
        values.frombytes(memoryview(data)[len(self.header):])
        return values

    def save(self, values: array) -> None:
        """Write atomically (replacing another build's file). Failing is harmless: the next start projects."""
        from corridor_viewer.io.atomicfile import write_atomic

        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, self.header + values.tobytes())
