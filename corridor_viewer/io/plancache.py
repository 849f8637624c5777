"""The label layouts of the last session's views, kept on disk so the first paint at start-up does not plan
them again (planning the home view's ~60 labels is about half of the first paint).

A plan is stored under the text of the label engine's own cache key (what the placed labels depend on: the
layers' styles and visibility, the camera, the language, the selection, the furniture they avoid), and the
whole file under a fingerprint of what the key cannot see: the app's version, Qt's version and the font,
the label engine's code and the bundled geodata files. Any change, and the file is ignored; a damaged or
foreign file is ignored too (it can always be rebuilt), never trusted. Plans are only used for maps of
bundled layers: a user's layer of the same name could hold other shapes.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from pathlib import Path
from typing import Any

from corridor_viewer.io.safeio import read_limited

FORMAT = "corridor-viewer-label-plans"
FILE = "label-plans.json"
MAX_BYTES = 4 << 20  # a plan is ~10 KB; a few views' worth
KEEP = 6  # plans kept: the views a session ended on, in both languages


def fingerprint_files(paths: list[Path]) -> list[list[Any]]:
    """(name, size, mtime) of each file: cheap to take at every start, and changed by any rebuild."""
    out = []
    for p in sorted(paths):
        try:
            st = p.stat()
        except OSError:
            continue
        out.append([p.name, st.st_size, st.st_mtime_ns])
    return out


class LabelPlanCache:
    """``get``/``put`` for render.labels (in memory); ``save`` writes the newest plans when the app quits."""

    def __init__(self, folder: Path, fingerprint: Any, layer_ids: frozenset[str]) -> None:
        self.path = Path(folder) / FILE
        self.fingerprint = json.loads(json.dumps(fingerprint))  # as it reads back from the file
        self.layer_ids = layer_ids  # the bundled layers: plans are used only for maps made of them
        self._plans: OrderedDict[str, list] | None = None
        self._changed = False
        self.hits = 0

    def _load(self) -> OrderedDict[str, list]:
        plans: OrderedDict[str, list] = OrderedDict()
        try:
            raw = json.loads(read_limited(self.path, MAX_BYTES, "label plan cache"))
            if raw.get("format") == FORMAT and raw.get("fingerprint") == self.fingerprint:
                for key, rows in raw.get("plans", [])[-KEEP:]:
                    if isinstance(key, str) and isinstance(rows, list):
                        plans[key] = rows
        except (OSError, ValueError, TypeError, AttributeError):
            pass  # no cache yet, or not one we wrote: plan afresh
        return plans

    def get(self, key: str) -> list | None:
        if self._plans is None:
            self._plans = self._load()
        rows = self._plans.get(key)
        if rows is not None:
            self.hits += 1
        return rows

    def put(self, key: str, rows: list) -> None:
        if self._plans is None:
            self._plans = self._load()
        if self._plans.get(key) == rows:
            return
        self._plans[key] = rows
        self._plans.move_to_end(key)
        while len(self._plans) > KEEP:
            self._plans.popitem(last=False)
        self._changed = True

    def save(self) -> None:
        """Write the plans (atomically); a failure costs only the next start's time, so it is ignored."""
        if not self._changed or not self._plans:
            return
        from corridor_viewer.io.atomicfile import write_atomic

        data = {"format": FORMAT, "fingerprint": self.fingerprint, "plans": list(self._plans.items())}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
            self._changed = False
        except OSError:
            pass
