"""The grid index over feature boxes (model.spatial) answers exactly what a scan of every box answers."""

from __future__ import annotations

import random

import pytest

from corridor_viewer.model.spatial import BoxIndex


def scan(boxes, q):
    x0, y0, x1, y1 = q
    return [i for i, (a, b, c, d) in enumerate(boxes) if a <= x1 and c >= x0 and b <= y1 and d >= y0]


def points(rnd, n, spread=1000.0):
    out = []
    for _ in range(n):
        x, y = rnd.uniform(-spread, spread), rnd.uniform(-spread / 3, spread / 3)
        out.append((x, y, x, y))
    return out


def boxes(rnd, n, size):
    out = []
    for _ in range(n):
        x, y = rnd.uniform(-1000, 1000), rnd.uniform(-1000, 1000)
        w, h = rnd.uniform(0, size), rnd.uniform(0, size)
        out.append((x, y, x + w, y + h))
    return out


def queries(rnd, k, size):
    out = []
    for _ in range(k):
        x, y = rnd.uniform(-1200, 1200), rnd.uniform(-1200, 1200)
        s = rnd.uniform(0, size)
        out.append((x - s, y - s, x + s, y + s))
    return out


@pytest.mark.parametrize("kind", ["points", "small boxes", "mixed with wide boxes", "clustered", "one point",
                                  "a horizontal line of points", "empty"])
def test_the_index_finds_what_a_scan_finds(kind):
    rnd = random.Random(kind)
    if kind == "points":
        data = points(rnd, 5000)
    elif kind == "small boxes":
        data = boxes(rnd, 3000, 20)
    elif kind == "mixed with wide boxes":
        data = points(rnd, 3000) + boxes(rnd, 300, 60) + boxes(rnd, 20, 1500)  # villages, towns, countries
        rnd.shuffle(data)
    elif kind == "clustered":  # most features in one town, a few far away: uneven cells
        data = [(x / 1000, y / 1000, x / 1000, y / 1000) for x, y, _, _ in points(rnd, 4000)] + points(rnd, 50)
    elif kind == "one point":
        data = [(5.0, 5.0, 5.0, 5.0)] * 2500
    elif kind == "a horizontal line of points":
        data = [(float(i), 7.0, float(i), 7.0) for i in range(2500)]
    else:
        data = []
    index = BoxIndex(data)
    assert len(index) == len(data)
    probes = queries(rnd, 300, 15) + queries(rnd, 30, 400) + [(-1e9, -1e9, 1e9, 1e9), (5, 5, 5, 5), (0, 7, 0, 7),
                                                              (3000, 3000, 3001, 3001)]
    if data:
        probes += [tuple(data[i]) for i in rnd.sample(range(len(data)), 50)]  # a box's own edges touch it
    for q in probes:
        assert index.query(*q) == scan(data, q), q
