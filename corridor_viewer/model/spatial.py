"""A spatial index over feature bounding boxes, for hit-testing big imported layers.

A grid over the layer's extent, about one cell per feature (its rows and columns cut at the quantiles of
the features' positions, so that clustered data spreads over the cells too), each cell listing the boxes
that meet it (two numpy arrays, CSR-style): built once, when the layer is made (on the import worker), then a hover's
query reads the few cells under the cursor, however many features the layer holds. A box wider than a few
cells (a country among villages) is not spread over cells but kept in a short list every query checks.

It replaced shapely's STRtree over one box polygon per feature: the same answers, but GEOS kept ~80 MiB for
the 182,000 points of a 30 MB import (a GEOS polygon per point), which took the import over its memory
budget; the grid is ~8 MiB for them. numpy is imported here only when a big layer is indexed, never at
start-up.
"""

from __future__ import annotations

from collections.abc import Sequence

INDEX_MIN_FEATURES = 2000  # below this a plain scan is as fast as a query and costs no memory
_WIDE = 8  # a box spanning more cells than this on either axis goes to the list every query checks


class BoxIndex:
    def __init__(self, bounds: Sequence[tuple[float, float, float, float]]) -> None:
        import numpy as np

        b = np.asarray(bounds, dtype=float).reshape(-1, 4)
        self._b = b
        n = len(b)
        self._n = n
        side = max(1, int(np.sqrt(n)))  # cells per axis: about one feature per cell
        self._side = side
        # Cell edges at the quantiles of the boxes' centres, not evenly spaced: a layer of a city's addresses
        # and a few far-off towns still has a handful of features per cell, never most of them in one.
        probs = np.linspace(0.0, 1.0, side + 1)[1:-1]
        self._ex = np.quantile((b[:, 0] + b[:, 2]) / 2, probs) if n else np.zeros(0)
        self._ey = np.quantile((b[:, 1] + b[:, 3]) / 2, probs) if n else np.zeros(0)
        cx0, cy0 = self._cell(b[:, 0], b[:, 1])
        cx1, cy1 = self._cell(b[:, 2], b[:, 3])
        w, h = cx1 - cx0 + 1, cy1 - cy0 + 1
        wide = (w > _WIDE) | (h > _WIDE)
        self._wide = np.flatnonzero(wide)
        cells, ids = [], []
        small = np.flatnonzero(~wide)
        for dx in range(int(w[small].max()) if len(small) else 0):
            for dy in range(int(h[small].max())):
                pick = small[(dx < w[small]) & (dy < h[small])]
                cells.append((cy0[pick] + dy) * side + cx0[pick] + dx)
                ids.append(pick)
        cell = np.concatenate(cells) if cells else np.zeros(0, dtype=np.int64)
        box = np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64)
        order = np.argsort(cell, kind="stable")
        self._ids = box[order].astype(np.int32 if n < 2**31 else np.int64)
        self._start = np.zeros(side * side + 1, dtype=np.int64)
        np.cumsum(np.bincount(cell, minlength=side * side), out=self._start[1:])

    def _cell(self, x, y):
        import numpy as np

        return np.searchsorted(self._ex, x, side="right"), np.searchsorted(self._ey, y, side="right")

    def query(self, x0: float, y0: float, x1: float, y1: float) -> list[int]:
        """Indices of the features whose bounding box meets the rectangle (edges touching count)."""
        import numpy as np

        cx0, cy0 = self._cell(x0, y0)
        cx1, cy1 = self._cell(x1, y1)
        side, start, ids = self._side, self._start, self._ids
        parts = [self._wide]
        for cy in range(int(cy0), int(cy1) + 1):  # one contiguous run of cells per row
            parts.append(ids[start[cy * side + cx0]:start[cy * side + cx1 + 1]])
        cand = np.unique(np.concatenate(parts))
        b = self._b[cand]
        hit = (b[:, 0] <= x1) & (b[:, 2] >= x0) & (b[:, 1] <= y1) & (b[:, 3] >= y0)
        return cand[hit].tolist()

    def __len__(self) -> int:
        return self._n
