"""Every export size from 1×1 px to the largest accepted renders or is refused with a message; none crashes.

Each sweep runs in a child process: a crash in Qt's painter (as 400×300 once was) kills the process, which
the test sees as a signal exit rather than losing the whole test run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SIDES = [1, 2, 31, 60, 199, 200, 201, 240, 300, 333, 400, 479, 640, 1000, 1920, 4001, 12000, 12001]
SWEEP = """\
import json, sys
from pathlib import Path
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
from corridor_viewer.export import export
from corridor_viewer.io.geodata import load_document
from corridor_viewer.model.export_settings import ExportError, ExportSettings
from corridor_viewer.model.viewport import Viewport

doc = load_document()
doc.select("tripp")
state = doc.map_state(Viewport.for_bounds(doc.home_bounds))
out = Path(sys.argv[1])
fmt, lang = sys.argv[2], sys.argv[3]
for w, h in json.loads(sys.argv[4]):
    s = ExportSettings(preset="custom", custom_width=w, custom_height=h, custom_unit="px", format=fmt, language=lang,
                       title="Corridors of the South Caucasus", subtitle="TRIPP and the Zangezur corridor")
    target = out / f"{w}x{h}.{fmt}"
    try:
        msg = export(fmt, state, s, target)
        print(json.dumps([w, h, "ok", msg, target.stat().st_size]), flush=True)
        target.unlink()
    except ExportError as exc:
        print(json.dumps([w, h, "refused", str(exc), 0]), flush=True)
"""


def _sizes(fmt: str) -> list[tuple[int, int]]:
    sizes = [(w, h) for w in SIDES for h in SIDES]
    if fmt == "png":  # a 12000×12000 raster is 550 MB of pixels: the edges are swept, one full giant is enough
        sizes = [(w, h) for w, h in sizes if min(w, h) <= 4001 or (w, h) == (12000, 12000)]
    return sizes


@pytest.mark.parametrize("fmt,lang", [("png", "en"), ("svg", "ar"), ("pdf", "en")])
def test_every_size_renders_or_is_refused_with_a_message(tmp_path, fmt, lang):
    sizes = _sizes(fmt)
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", SWEEP, str(tmp_path), fmt, lang, json.dumps(sizes)],
                         capture_output=True, text=True, timeout=1500, env=env, cwd=Path(__file__).parent)
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    done = {(w, h) for w, h, *_ in rows}
    missing = sorted(set(sizes) - done)[:3]
    assert out.returncode == 0, f"exit {out.returncode} after {len(rows)} sizes; next {missing}\n{out.stderr[-2000:]}"
    assert done == set(sizes)
    for w, h, what, msg, size in rows:
        inside = 200 <= w <= 12000 and 200 <= h <= 12000
        if what == "ok":
            assert inside and size > 0, (w, h, msg)
        else:
            assert msg and "Traceback" not in msg, (w, h)
            assert inside or "outside 200–12000" in msg, (w, h, msg)
    # The accepted range is usable: every accepted size down to 200×200 makes a map.
    assert all(what == "ok" for w, h, what, *_ in rows if 200 <= w <= 12000 and 200 <= h <= 12000)
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".*.part"))
