"""Big imported layers: a 200,000-point layer and a 50,000-vertex polygon layer on the map.

    QT_QPA_PLATFORM=offscreen python tests/bench/bench_big_layers.py [--n 9]

* full repaint: paint() of every layer into a fresh 1920x1080 image at the home view, the big layer
  included (what the canvas pays after a zoom step, and an export); budget <= 250 ms;
* hover hit-test: Document.pick at random points of the view (the canvas does it on every mouse move);
  budget <= 2 ms;
* the same for a layer of 200 polygons of 250 vertices (50,000 vertices).
The layers are built as an import builds them (io.importers.build_layer, with its spatial index).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time

from PySide6.QtGui import QGuiApplication, QImage, QPainter

from corridor_viewer.io.geodata import load_document
from corridor_viewer.io.importers import build_layer, import_geojson_data
from corridor_viewer.model.user_layers import user_style
from corridor_viewer.model.viewport import Viewport
from corridor_viewer.render import paint


def points(n: int, rnd: random.Random) -> dict:
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": f"p{i}"},
         "geometry": {"type": "Point", "coordinates": [rnd.uniform(43.5, 47.5), rnd.uniform(38.3, 41.2)]}}
        for i in range(n)]}


def polygons(n: int, vertices: int, rnd: random.Random) -> dict:
    import math

    feats = []
    for i in range(n):
        cx, cy, r = rnd.uniform(43.5, 47.5), rnd.uniform(38.3, 41.2), rnd.uniform(0.02, 0.15)
        ring = [[cx + r * math.cos(2 * math.pi * k / vertices) * (1 + 0.2 * math.sin(7 * k)),
                 cy + r * math.sin(2 * math.pi * k / vertices)] for k in range(vertices)]
        ring.append(ring[0])
        feats.append({"type": "Feature", "properties": {"name": f"a{i}"},
                      "geometry": {"type": "Polygon", "coordinates": [ring]}})
    return {"type": "FeatureCollection", "features": feats}


def median_ms(fn, n: int) -> float:
    fn()
    ts = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        ts.append((time.perf_counter() - t) * 1000)
    return statistics.median(ts)


def run(kind: str, data: dict, n: int) -> None:
    doc = load_document()
    t = time.perf_counter()
    result = import_geojson_data(data, kind)
    layer = build_layer(result, f"user-{kind}", kind, user_style(result.geometry_kind, "#d62728", labels=False), 500)
    layer.spatial_index()
    build_s = time.perf_counter() - t
    doc.add_layer(layer)
    vp = Viewport(width=1920, height=1080).fitted(doc.home_bounds, margin=0.02)
    img = QImage(1920, 1080, QImage.Format.Format_ARGB32_Premultiplied)
    state = doc.map_state(vp)

    def full() -> None:
        p = QPainter(img)
        paint(state, p)
        p.end()

    rnd = random.Random(7)
    spots = [vp.to_world(rnd.uniform(0, 1920), rnd.uniform(0, 1080)) for _ in range(200)]
    tol = 6 * vp.m_per_px
    it = iter(spots * 100)

    def hover() -> None:
        doc.pick(*next(it), tol)

    print(f"[{kind}] {len(layer.features):,} features, import + build + index {build_s:.1f} s")
    print(f"[{kind}] full repaint 1920x1080:  median {median_ms(full, n):.0f} ms  (budget <= 250 ms)")
    print(f"[{kind}] hover hit-test:          median {median_ms(hover, n * 20):.2f} ms  (budget <= 2 ms)")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=9)
    args = ap.parse_args()
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts)
    rnd = random.Random(20241201)
    run("points-200k", points(200_000, rnd), args.n)
    run("polygons-50k-vertices", polygons(200, 250, rnd), args.n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
