"""When Qt's X11 plugin cannot load, the app names the missing libraries and packages instead of aborting."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corridor_viewer.ui import qpa

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("gcc") is None,
                                reason="builds a Linux shared library with gcc")
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def broken_plugins(tmp_path) -> Path:
    """A folder laid out like Qt's plugins whose platforms/libqxcb.so links a library that is gone."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "dep.c").write_text("int cv_dep(void) { return 1; }\n")
    (src / "plugin.c").write_text("int cv_dep(void);\nint cv_plugin(void) { return cv_dep(); }\n")
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", "libcvgone.so.7", "dep.c", "-Wl,-soname,libcvgone.so.7"],
                   cwd=src, check=True)
    folder = tmp_path / "plugins" / "platforms"
    folder.mkdir(parents=True)
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", str(folder / "libqxcb.so"), "plugin.c", "-L.",
                    "-l:libcvgone.so.7"], cwd=src, check=True)
    (src / "libcvgone.so.7").unlink()  # as on a machine without the package
    return folder.parent


def test_the_missing_library_is_named(broken_plugins):
    assert qpa.missing_libraries(broken_plugins / "platforms" / "libqxcb.so") == ["libcvgone.so.7"]


def test_known_libraries_name_their_packages():
    msg = qpa.problem_message(["libxcb-cursor.so.0", "libxcb-icccm.so.4"])
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in msg
    assert "sudo dnf install xcb-util-cursor xcb-util-wm" in msg and "which are not installed" in msg


def test_no_check_where_qt_will_not_use_x11(monkeypatch, broken_plugins):
    monkeypatch.setattr(qpa, "_plugin_folders", lambda: [broken_plugins / "platforms"])
    assert qpa.startup_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert qpa.startup_problem({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}) is None  # Qt takes Wayland
    msg = qpa.startup_problem({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"})
    assert msg and "libcvgone.so.7" in msg


def test_the_app_says_so_and_exits_instead_of_aborting(tmp_path, broken_plugins):
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env |= {"QT_QPA_PLATFORM": "xcb", "QT_PLUGIN_PATH": str(broken_plugins), "DISPLAY": ":0",
            "CORRIDOR_VIEWER_DATA_DIR": str(tmp_path / "data")}
    out = subprocess.run([sys.executable, str(ROOT / "main.py")], capture_output=True, text=True, timeout=120,
                         env=env)
    assert out.returncode == 1, out.stderr  # not -6 (SIGABRT)
    assert "cannot open its window" in out.stderr and "libcvgone.so.7" in out.stderr
    assert "Reinstalling the application" not in out.stderr  # Qt's own message never came
