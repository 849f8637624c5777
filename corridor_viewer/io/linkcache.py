"""The bundled articles' links, cached on disk so a normal start compiles no gazetteer.

The key is a hash of everything linking depends on: every feature's properties (names, aliases, rules),
every article's id and text, and the linker's own code. Change any of them and the cache misses; a
damaged or foreign cache file is ignored (it can always be rebuilt), never trusted.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from corridor_viewer import __version__

FORMAT = "corridor-viewer-links-cache"
MAX_CACHE_BYTES = 64 << 20
_MODEL = Path(__file__).resolve().parent.parent / "model"


def cache_key(corpus: Any, layers: Any) -> str:
    h = hashlib.sha256(f"{FORMAT}\0{__version__}\0".encode())
    for path in sorted(_MODEL.glob("*.py")):  # the linker's code (and its rules) is part of the key
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    for layer in layers:
        for f in layer.features:
            h.update(json.dumps([f.id, f.props], sort_keys=True, ensure_ascii=False, default=str).encode())
    for art in corpus:
        h.update(b"\0" + art.id.encode() + b"\0" + art.text.encode())
    return h.hexdigest()[:32]


def _path(folder: Path, key: str) -> Path:
    return folder / f"links-{key}.json"


def load(folder: Path, corpus: Any, layers: Any):
    """Links for ``corpus`` from the cache, or None (a miss, or a file that does not hold what it should)."""
    from corridor_viewer.model.linker import Mention
    from corridor_viewer.model.links import Links

    path = _path(folder, cache_key(corpus, layers))
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_CACHE_BYTES + 1)
        raw = json.loads(data)
        if len(data) > MAX_CACHE_BYTES or raw.get("format") != FORMAT:
            return None
        width = len(Mention._fields)
        mentions = [Mention(*row) for row in raw["mentions"] if isinstance(row, list) and len(row) == width]
        if len(mentions) != len(raw["mentions"]):
            return None
        for m in mentions:  # a cache is data like any other: check it points into the articles
            art = corpus.get(m.article_id)
            if art is None or art.text[m.start:m.end] != m.surface:
                return None
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    return Links(corpus, mentions)


def store(folder: Path, corpus: Any, layers: Any, links: Any) -> None:
    """Write the cache (atomically); a failure costs only the next start's time, so it is ignored."""
    from corridor_viewer.io.atomicfile import write_atomic

    data = {"format": FORMAT, "mentions": [list(m) for m in links.mentions]}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("links-*.json"):  # one cache at a time
            old.unlink(missing_ok=True)
        write_atomic(_path(folder, cache_key(corpus, layers)), json.dumps(data, ensure_ascii=False).encode())
    except OSError:
        pass
