"""Import timing and peak memory for a big GeoJSON layer (issue 11 budget: 30 MB in <= 5 s, peak RSS <= 400 MiB).

    python tests/bench/bench_import.py                 # 30 MB of named points (about 190,000)
    python tests/bench/bench_import.py --kind polygons  # mixed polygons, lines and points (about 30 MB)
    python tests/bench/bench_import.py --repo /path/to/other/checkout   # the same file through other code

Each run happens in a fresh subprocess, so its peak RSS (os.wait4) is the import's alone: the whole path the
app's import worker takes (corridor_viewer.io.storage.FileStorage.read_and_build: import_layer, build_layer, index),
the same file generated synthetically and deterministically. The seconds are wall time of read_and_build
(best of --runs); the CPU time of the whole child is printed too, as wall time suffers from other load.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BUDGET_S, BUDGET_MIB = 5.0, 400

CHILD = r"""
import sys, time
from pathlib import Path
t0 = time.perf_counter()
from corridor_viewer.io.storage import FileStorage
result, layer = FileStorage().read_and_build(Path(sys.argv[1]), None, 0, lambda f, m: None, lambda: False)
dt = time.perf_counter() - t0
import corridor_viewer
print(f"{dt:.3f} {len(result.features)} {len(layer.features)} {corridor_viewer.__file__}")
"""


def make_points(path: Path, target_bytes: int) -> None:
    """Named points (English and Arabic names, a number) until the file is ``target_bytes`` long."""
    rnd = random.Random(11)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('{"type": "FeatureCollection", "name": "places", "features": [\n')
        i = 0
        while fh.tell() < target_bytes:
            props = {"name": f"Place {i}", "name_ar": f"مكان {i}", "pop": i * 7 % 5000}
            lonlat = [round(rnd.uniform(43, 48), 6), round(rnd.uniform(37, 42), 6)]
            feat = {"type": "Feature", "properties": props, "geometry": {"type": "Point", "coordinates": lonlat}}
            fh.write(("," if i else "") + json.dumps(feat, ensure_ascii=False) + "\n")
            i += 1
        fh.write("]}\n")


def make_polygons(path: Path, target_bytes: int) -> None:
    """Polygons of 24-72 vertices, lines of 5-40 and points, a third each, until ``target_bytes``."""
    rnd = random.Random(11)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('{"type": "FeatureCollection", "features": [\n')
        i = 0
        while fh.tell() < target_bytes:
            x, y = rnd.uniform(43, 48), rnd.uniform(37, 42)
            if i % 3 == 0:
                k = rnd.randint(24, 72)
                ring = [[round(x + 0.05 * math.cos(2 * math.pi * j / k), 6),
                         round(y + 0.05 * math.sin(2 * math.pi * j / k), 6)] for j in range(k)]
                geom = {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}
            elif i % 3 == 1:
                line = [[round(x + j * 0.01, 6), round(y + rnd.uniform(-0.01, 0.01), 6)]
                        for j in range(rnd.randint(5, 40))]
                geom = {"type": "LineString", "coordinates": line}
            else:
                geom = {"type": "Point", "coordinates": [round(x, 6), round(y, 6)]}
            feat = {"type": "Feature", "properties": {"name": f"Area {i}", "code": i}, "geometry": geom}
            fh.write(("," if i else "") + json.dumps(feat) + "\n")
            i += 1
        fh.write("]}\n")


def run(repo: Path, path: Path) -> tuple[float, float, str]:
    env = {**os.environ, "PYTHONPATH": str(repo), "QT_QPA_PLATFORM": "offscreen"}
    # cwd: "python -c" puts the working folder first on sys.path, which would shadow --repo
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=path.parent)
    out, err = proc.stdout.read(), proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"import failed ({proc.returncode}):\n{err[-2000:]}")
    seconds, n_result, _n_layer, where = out.split()
    assert Path(where).is_relative_to(repo), where
    peak_mib = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 2**20
    cpu = usage.ru_utime + usage.ru_stime  # the whole child, start-up included; unaffected by other load
    return float(seconds), peak_mib, f"{n_result} features, {cpu:.2f} s CPU for the whole process"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kind", choices=("points", "polygons"), default="points")
    ap.add_argument("--mb", type=float, default=30, help="size of the file in MiB (default 30)")
    ap.add_argument("--repo", type=Path, default=REPO, help="the checkout whose code is measured")
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"big-{args.kind}.geojson"
        (make_points if args.kind == "points" else make_polygons)(path, int(args.mb * 2**20))
        size = path.stat().st_size / 2**20
        best = None
        for _ in range(args.runs):
            seconds, peak, what = run(args.repo, path)
            best = (seconds, peak, what) if best is None or seconds < best[0] else best
        seconds, peak, what = best
        ok = seconds <= BUDGET_S and peak <= BUDGET_MIB
        print(f"{args.kind}: {size:.1f} MiB GeoJSON, {what}: {seconds:.2f} s, peak RSS {peak:.0f} MiB "
              f"(budget {BUDGET_S:g} s / {BUDGET_MIB} MiB: {'ok' if ok else 'OVER'}) [{args.repo}]")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
