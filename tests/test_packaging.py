"""A non-editable install finds geodata/ and resources/ (they live at the repo root in a checkout)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                   check=True, capture_output=True, timeout=600)
    return next(out.glob("corridor_viewer-*.whl"))


def test_wheel_carries_the_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "corridor_viewer/_data/geodata/layers.json" in names
    assert "corridor_viewer/_data/geodata/regions.geojson" in names
    assert "corridor_viewer/_data/resources/translations/corridor_viewer_ar.qm" in names
    assert any(n.endswith(".dist-info/entry_points.txt") for n in names)


def test_installed_copy_runs_from_anywhere(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                    str(wheel)], check=True, capture_output=True, timeout=600)
    env = dict(os.environ, PYTHONPATH=str(target), QT_QPA_PLATFORM="offscreen")
    where = subprocess.run([sys.executable, "-c", "import corridor_viewer.resources as r; print(r.geodata_dir())"],
                           capture_output=True, text=True, env=env, cwd=tmp_path, check=True)
    assert str(target) in where.stdout
    run = subprocess.run([sys.executable, "-m", "corridor_viewer", "--exit-after-paint", "--lang", "ar"],
                         capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "first-paint-ms=" in run.stdout
    entry = zipfile.ZipFile(wheel).read(next(n for n in zipfile.ZipFile(wheel).namelist()
                                             if n.endswith("entry_points.txt"))).decode()
    assert "[gui_scripts]" in entry and "corridor-viewer = corridor_viewer.app:main" in entry
