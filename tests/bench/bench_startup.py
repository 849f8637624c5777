"""Start-up budget: first painted map vs. a bare PySide6 window, side by side in one run.

    QT_QPA_PLATFORM=offscreen python tests/bench/bench_startup.py [--runs 7]

From a bundle, compare like with like: a bundled app against a bundled bare window, built the same way
(one folder, no UPX, the same start-up-heavy runtime hooks left out) with the same PyInstaller:

    pyinstaller --noconfirm resources/packaging/corridor-viewer.spec
    pyinstaller --noconfirm --onedir --name bare-window --paths . --workpath build/bare \\
        --exclude-module setuptools --exclude-module pkg_resources --exclude-module _distutils_hack \\
        --exclude-module distutils --exclude-module traitlets --exclude-module tkinter tests/bench/bare_window.py
    QT_QPA_PLATFORM=offscreen python tests/bench/bench_startup.py \\
        --app dist/corridor-viewer/corridor-viewer --bare dist/bare-window/bare-window

Runs are interleaved (bare, app, bare, app, ...) so machine noise hits both alike. Reports the
median first-paint time of each, the median ratio (budget: <= 2.0), the app's ready time (the articles
linked and in the panels) against the bare window's first paint (budget: <= 2.5) and the app's peak RSS
(budget: <= 250 MiB). The app's links cache is warmed by the first run, as a normal start finds it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYCACHE = Path(tempfile.gettempdir()) / "corridor-viewer-bench-pycache"


def run(cmd: list[str]) -> tuple[float, float, float | None]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               PYTHONPATH=str(ROOT))
    if env.pop("PYTHONDONTWRITEBYTECODE", None):
        # Installed copies run from compiled bytecode; recompiling every module on every run would
        # time the compiler, not the start-up. The .pyc files go to a temp folder, not the work tree.
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    out = proc.stdout.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"{cmd} failed with status {status}")
    def value(key: str) -> float | None:
        return next((float(line.split("=")[1]) for line in out.splitlines() if line.startswith(key)), None)

    return value("first-paint-ms="), usage.ru_maxrss / 1024.0, value("ready-ms=")  # Linux reports KiB


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--app", nargs="+", default=[sys.executable, "-m", "corridor_viewer"],
                    help="command that starts the app (e.g. the PyInstaller bundle)")
    ap.add_argument("--bare", nargs="+", default=[sys.executable, str(ROOT / "tests/bench/bare_window.py")],
                    help="command that starts the bare window (with --app BUNDLE, pass a bundled bare window)")
    args = ap.parse_args()
    bare_cmd = args.bare
    app_cmd = [*args.app, "--exit-after-paint", "--lang", "en"]
    run(bare_cmd), run(app_cmd)  # warm the OS file cache for both
    bare, app, ready, mem = [], [], [], []
    for _ in range(args.runs):
        bare.append(run(bare_cmd)[0])
        ms, rss, ready_ms = run(app_cmd)
        app.append(ms)
        mem.append(rss)
        ready.append(ready_ms)
    ratios = [a / b for a, b in zip(app, bare, strict=True)]
    print(f"bare window first paint: median {statistics.median(bare):.0f} ms  (runs: {[round(x) for x in bare]})")
    print(f"app first painted map:   median {statistics.median(app):.0f} ms  (runs: {[round(x) for x in app]})")
    print(f"ratio app/bare: median {statistics.median(ratios):.2f}  (budget <= 2.00)")
    if all(r is not None for r in ready):
        rr = [r / b for r, b in zip(ready, bare, strict=True)]
        print(f"app ready (articles linked): median {statistics.median(ready):.0f} ms; ratio to the bare first paint "
              f"median {statistics.median(rr):.2f}  (budget <= 2.50)")
    print(f"app peak RSS: max {max(mem):.0f} MiB  (budget <= 250 MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
