"""A spatial index over feature bounding boxes, for hit-testing big imported layers.

shapely's STRtree (a packed R-tree in C) over one box per feature: built once, when the layer is made
(on the import worker), then each query is a few microseconds however many features the layer holds.
shapely is imported here only when a big layer is indexed, never at start-up.
"""

from __future__ import annotations

from collections.abc import Sequence

INDEX_MIN_FEATURES = 2000  # below this a plain scan is as fast as a query and costs no memory


class BoxIndex:
    def __init__(self, bounds: Sequence[tuple[float, float, float, float]]) -> None:
        import numpy as np
        import shapely

        arr = np.asarray(bounds, dtype=float).reshape(-1, 4)
        self._tree = shapely.STRtree(shapely.box(arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 3]))
        self._box = shapely.box

    def query(self, x0: float, y0: float, x1: float, y1: float) -> list[int]:
        """Indices of the features whose bounding box meets the rectangle."""
        return sorted(int(i) for i in self._tree.query(self._box(x0, y0, x1, y1)))

    def __len__(self) -> int:
        return len(self._tree)
