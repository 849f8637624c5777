"""Every command survives a reader that leaves early (`corridor-viewer scenes | head`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from corridor_viewer.cli import COMMANDS, EXIT_CLOSED_PIPE

GOOD = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"name": "Goris"}, "geometry": {"type": "Point", "coordinates": [46.34, 39.51]}}]}


def _args(tmp_path) -> dict[str, list[list[str]]]:
    layer = tmp_path / "towns.geojson"
    layer.write_text(json.dumps(GOOD), encoding="utf-8")
    return {
        "scenes": [[], ["--format", "json"]],
        "links": [[], ["--format", "csv"], ["--format", "jsonl"], ["--by-month", "--format", "csv"]],
        "check": [[str(layer)], [str(tmp_path / "missing.geojson")]],
        "export": [["--out", str(tmp_path / "m.png")]],
    }


def test_every_command_is_covered(tmp_path):
    assert set(_args(tmp_path)) == set(COMMANDS)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_closed_pipe_is_no_crash(tmp_path, command):
    env = os.environ | {"CORRIDOR_VIEWER_DATA_DIR": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}
    for extra in _args(tmp_path)[command]:
        read_end, write_end = os.pipe()
        os.close(read_end)  # the reader has gone before the first line: every write fails with EPIPE
        try:
            out = subprocess.run([sys.executable, "-m", "corridor_viewer", command, *extra], stdout=write_end,
                                 stderr=subprocess.PIPE, text=True, timeout=300, env=env)
        finally:
            os.close(write_end)
        assert out.returncode in (0, EXIT_CLOSED_PIPE), (extra, out.stderr)
        assert "Traceback" not in out.stderr and "unexpected error" not in out.stderr, (extra, out.stderr)
        assert not (tmp_path / "data" / "crash-reports").exists()


def test_a_measurement_run_ends_when_its_reader_has_gone(tmp_path):
    """`corridor-viewer --exit-after-paint | head -1`: the window's run still ends, with no crash dialog
    waiting for a click that never comes."""
    env = os.environ | {"CORRIDOR_VIEWER_DATA_DIR": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        out = subprocess.run([sys.executable, "-m", "corridor_viewer", "--exit-after-paint"], stdout=write_end,
                             stderr=subprocess.PIPE, env=env, timeout=60)
    finally:
        os.close(write_end)
    assert out.returncode in (0, EXIT_CLOSED_PIPE), out.stderr.decode(errors="replace")[-2000:]
    assert b"Traceback" not in out.stderr
