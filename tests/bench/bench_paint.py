"""Repaint cost at 1920x1080, full view of the corridor area.

    QT_QPA_PLATFORM=offscreen python tests/bench/bench_paint.py [--n 60]

* cold paint(): every layer, label and decoration into a fresh QImage (what a pan frame or an
  export costs);
* canvas repaint: the widget's paintEvent after a hover/selection change (layers cached);
* canvas repaint during a pan (the cached layers are shifted, re-rendered once the view settles);
* canvas repaint after a zoom step (the cache is rebuilt: the cost of a settled view).
Budget: full-view repaint <= 8 ms median.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from corridor_viewer.io.geodata import load_document
from corridor_viewer.model.viewport import Viewport
from corridor_viewer.render import paint
from corridor_viewer.ui.canvas import MapCanvas


def median_ms(fn, n: int) -> float:
    fn()  # warm caches (paths, label sprites)
    ts = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        ts.append((time.perf_counter() - t) * 1000)
    return statistics.median(ts)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=60)
    n = ap.parse_args().n
    app = QApplication.instance() or QApplication(sys.argv[:1])
    doc = load_document()
    vp = Viewport(width=1920, height=1080).fitted(doc.home_bounds, margin=0.02)
    img = QImage(1920, 1080, QImage.Format.Format_ARGB32_Premultiplied)

    def cold() -> None:
        p = QPainter(img)
        paint(doc.map_state(vp), p)
        p.end()

    canvas = MapCanvas(doc)
    canvas.resize(1920, 1080)
    canvas.show()
    app.processEvents()
    hover_ids = ["syunik", "nakhchivan", None]
    state = {"i": 0}

    def hover_repaint() -> None:
        state["i"] += 1
        doc.set_hover(hover_ids[state["i"] % 3])
        canvas.repaint()

    def pan_repaint() -> None:
        canvas.pan(3, 0)
        canvas.repaint()

    zooms = [1.01, 1 / 1.01]

    def zoom_repaint() -> None:
        state["i"] += 1
        canvas.zoom(zooms[state["i"] % 2])
        canvas.repaint()

    for lang in ("en", "ar"):
        doc.set_language(lang)
        print(f"[{lang}] cold paint() 1920x1080:          median {median_ms(cold, n):.2f} ms")
        print(f"[{lang}] canvas repaint, hover change:    median {median_ms(hover_repaint, n):.2f} ms")
        print(f"[{lang}] canvas repaint, pan step:        median {median_ms(pan_repaint, n):.2f} ms")
        print(f"[{lang}] canvas repaint, zoom step:       median {median_ms(zoom_repaint, n):.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
