"""Export timings, in-process after a warm-up (budgets: PNG 1920x1080 <= 0.25 s; A4 300 dpi PNG <= 1.5 s;
HTML <= 1 s).

    QT_QPA_PLATFORM=offscreen python tests/bench/bench_export.py [--n 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from corridor_viewer.export import export
from corridor_viewer.io.articles import load_corpus
from corridor_viewer.io.geodata import load_document
from corridor_viewer.model.export_settings import ExportSettings
from corridor_viewer.model.links import Links


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=5)
    n = ap.parse_args().n
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    doc = load_document()
    corpus = load_corpus()
    doc.set_links(Links.build(corpus, doc.features())[0])
    doc.select("syunik")
    cases = [
        ("PNG 1920x1080", "png", ExportSettings(title="Corridors", preset="web-1920x1080"), 0.25),
        ("PNG A4 300 dpi", "png", ExportSettings(title="Corridors", preset="a4-portrait", language="ar"), 1.5),
        ("HTML", "html", ExportSettings(title="Corridors", format="html"), 1.0),
        ("PDF A4", "pdf", ExportSettings(title="Corridors", preset="a4-landscape"), None),
        ("SVG 1920x1080", "svg", ExportSettings(title="Corridors", preset="web-1920x1080"), None),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for label, fmt, s, budget in cases:
            out = Path(tmp) / f"bench.{fmt}"
            export(fmt, doc.map_state().with_extent(doc.home_bounds), s, out, links=doc.links)  # warm-up
            ts = []
            for _ in range(n):
                t = time.perf_counter()
                export(fmt, doc.map_state().with_extent(doc.home_bounds), s, out, links=doc.links)
                ts.append(time.perf_counter() - t)
            med = statistics.median(ts)
            verdict = "" if budget is None else (f"  (budget {budget} s: {'ok' if med <= budget else 'OVER'})")
            print(f"{label:16s} median {med:.3f} s{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
