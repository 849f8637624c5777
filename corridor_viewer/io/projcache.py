"""The bundled layers, read once and kept between starts (like the label layouts, io.plancache).

Reading the bundled GeoJSON is mostly parsing the ~21,000 vertices' decimal coordinates (~10 ms), and
projecting them in pure Python is ~10 ms more, on every start; both depend only on the layer files and the
projection. So the cache folder keeps, after a header line that says what it depends on (the app's version,
the projection's definition and code, each layer file's name, size and mtime), an *outline* of the layers
and their projected vertices as one block of doubles (~0.3 MB): the outline is each layer file's features
with their properties, and for each line and polygon the number of vertices of each of its rings in place
of its coordinates (JSON without the coordinates parses ten times faster). A file whose header differs, or
that does not add up, is ignored and written again; deleting it costs one slower start. (The key is
compared as it is, not hashed: hashlib would cost the start ~2 ms to import.)
"""

from __future__ import annotations

import contextlib
import json
from array import array
from pathlib import Path

from corridor_viewer.io.safeio import read_limited

MAGIC = b"corridor-viewer geodata cache 2\n"
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

    def load(self) -> tuple[bytes, array] | None:
        """(outline JSON, projected vertices) stored for this key, or None (missing, another key, damaged)."""
        try:
            data = read_limited(self.path, MAX_BYTES)
        except OSError:
            return None
        if not data.startswith(self.header):
            return None
        at = len(self.header)
        line_end = data.find(b"\n", at, at + 20)
        size = data[at:line_end]
        if line_end < 0 or not size.isdigit():
            return None
        outline_end = line_end + 1 + int(size)
        if outline_end > len(data) or (len(data) - outline_end) % 8:
            return None
        values = array("d")
        values.frombytes(memoryview(data)[outline_end:])
        return data[line_end + 1:outline_end], values

    def save(self, outline: bytes, values: array) -> None:
        """Write atomically (replacing another build's file). Failing is harmless: the next start reads the files."""
        from corridor_viewer.io.atomicfile import write_atomic

        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, self.header + b"%d\n" % len(outline) + outline + values.tobytes())
