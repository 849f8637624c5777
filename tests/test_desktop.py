"""--install-desktop / --uninstall-desktop: a valid freedesktop entry that starts the app, removed cleanly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corridor_viewer import __version__, desktop


def _cli(args: list[str], data_home: Path, **env_extra: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, XDG_DATA_HOME=str(data_home), **env_extra)
    env.pop("DISPLAY", None)  # must work without a display: no Qt on this path
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run([sys.executable, "-m", "corridor_viewer", *args], capture_output=True, text=True,
                          env=env, timeout=60)


def _tree(root: Path) -> dict[str, bytes | None]:
    return {str(p.relative_to(root)): (p.read_bytes() if p.is_file() else None) for p in sorted(root.rglob("*"))}


def _entry_fields(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line and not line.startswith("#"))


def _unquote_exec(value: str) -> list[str]:
    """Split an Exec value as a launcher does (Desktop Entry spec: string unescape, then quoting rules)."""
    value = value.replace("\\\\", "\\")
    args, cur, i, quoted, started = [], "", 0, False, False
    while i < len(value):
        c = value[i]
        if quoted:
            if c == "\\" and i + 1 < len(value) and value[i + 1] in '"`$\\':
                cur += value[i + 1]
                i += 1
            elif c == '"':
                quoted = False
            else:
                cur += c
        elif c == '"':
            quoted, started = True, True
        elif c == " ":
            if cur or started:
                args.append(cur)
            cur, started = "", False
        else:
            cur += c
        i += 1
    if cur or started:
        args.append(cur)
    return [a.replace("%%", "%") for a in args]


def test_install_writes_entry_and_icons_without_qt(tmp_path):
    home = tmp_path / "share"
    code = ("import sys; from corridor_viewer.app import main; rc = main(['--install-desktop']); "
            "print('qt-loaded' if any(m.startswith('PySide6') for m in sys.modules) else 'no-qt'); sys.exit(rc)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env=dict(os.environ, XDG_DATA_HOME=str(home)))
    assert out.returncode == 0, out.stderr
    assert "no-qt" in out.stdout
    entry = home / "applications" / "corridor-viewer.desktop"
    assert f"Installed the desktop entry {entry}" in out.stdout
    fields = _entry_fields(entry)
    assert fields["Name"] == "Corridor Viewer" and fields["Name[ar]"] == "عارض الممرات"
    assert fields["Comment[ar]"] and fields["Icon"] == "corridor-viewer" and fields["Type"] == "Application"
    for n in desktop.ICON_SIZES:
        icon = home / f"icons/hicolor/{n}x{n}/apps/corridor-viewer.png"
        assert icon.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (home / "icons/hicolor/scalable/apps/corridor-viewer.svg").is_file()


def test_the_entry_passes_desktop_file_validate(tmp_path):
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        if os.environ.get("CV_REQUIRE_DESKTOP_VALIDATE"):
            pytest.fail("desktop-file-validate is required (CV_REQUIRE_DESKTOP_VALIDATE) but not installed")
        pytest.skip("desktop-file-validate not installed (Debian: apt-get install desktop-file-utils)")
    home = tmp_path / "share"
    # A path with a space and a quote exercises the Exec quoting rules.
    weird = tmp_path / 'my "apps" dir' / "corridor-viewer"
    desktop.install(home, [str(weird), "--lang", "ar"])
    out = subprocess.run([tool, str(home / "applications/corridor-viewer.desktop")], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "error" not in (out.stdout + out.stderr).lower(), out.stdout + out.stderr
    fields = _entry_fields(home / "applications/corridor-viewer.desktop")
    assert _unquote_exec(fields["Exec"]) == [str(weird), "--lang", "ar"]


def test_the_exec_line_starts_this_installation(tmp_path):
    home = tmp_path / "share"
    assert _cli(["--install-desktop"], home).returncode == 0
    argv = _unquote_exec(_entry_fields(home / "applications/corridor-viewer.desktop")["Exec"])
    assert os.path.isabs(argv[0])
    out = subprocess.run([*argv, "--version"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and f"Corridor Viewer {__version__}" in out.stdout


def test_without_a_gui_script_the_entry_uses_python_dash_m(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "executable", str(tmp_path / "venv" / "bin" / "python3"))
    monkeypatch.setenv("PATH", str(tmp_path))
    assert desktop.launch_command() == [str(tmp_path / "venv" / "bin" / "python3"), "-m", "corridor_viewer"]
    script = tmp_path / "venv" / "bin" / "corridor-viewer"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    assert desktop.launch_command() == [str(script)]


def test_exec_quoting_round_trips():
    for arg in ["/opt/cv/corridor-viewer", "/home/a b/cv", 'say "hi"', "cost$5", "back\\slash", "50%", "`x`", ""]:
        line = " ".join(desktop.exec_quote(a) for a in [arg, "--lang", "en"])
        assert _unquote_exec(desktop.escape_value(line)) == [arg, "--lang", "en"], arg


def test_uninstall_removes_exactly_what_install_added(tmp_path):
    home = tmp_path / "share"
    # The user's own files, some in the very folders we write to.
    (home / "applications").mkdir(parents=True)
    (home / "applications" / "other.desktop").write_text("[Desktop Entry]\nType=Application\nName=Other\nExec=x\n")
    (home / "icons/hicolor/48x48/apps").mkdir(parents=True)
    (home / "icons/hicolor/48x48/apps/other.png").write_bytes(b"png")
    before = _tree(home)
    assert _cli(["--install-desktop"], home).returncode == 0
    assert _cli(["--install-desktop"], home).returncode == 0  # re-installing keeps the record
    assert _tree(home) != before
    out = _cli(["--uninstall-desktop"], home)
    assert out.returncode == 0, out.stderr
    assert "Removed " in out.stdout
    assert _tree(home) == before
    again = _cli(["--uninstall-desktop"], home)
    assert again.returncode == 0 and "Nothing to remove" in again.stdout


def test_uninstall_into_an_empty_data_home_leaves_it_empty(tmp_path):
    home = tmp_path / "share"
    home.mkdir()
    assert _cli(["--install-desktop"], home).returncode == 0
    assert _cli(["--uninstall-desktop"], home).returncode == 0
    assert list(home.iterdir()) == []


def test_a_relative_xdg_data_home_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    assert desktop.data_home() == tmp_path / ".local" / "share"


def test_errors_are_clear_messages_with_exit_2(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    out = _cli(["--install-desktop"], blocker)
    assert out.returncode == 2
    assert out.stderr.startswith("corridor-viewer: could not write under") and "Traceback" not in out.stderr
    home = tmp_path / "share"
    (home / "applications").mkdir(parents=True)
    foreign = home / "applications" / "corridor-viewer.desktop"
    foreign.write_text("[Desktop Entry]\nType=Application\nName=Someone else's\nExec=x\n")
    for flag in ("--install-desktop", "--uninstall-desktop"):
        out = _cli([flag], home)
        assert out.returncode == 2 and "not written by Corridor Viewer" in out.stderr, flag
    assert foreign.read_text().startswith("[Desktop Entry]\nType=Application\nName=Someone else's")
    both = _cli(["--install-desktop", "--uninstall-desktop"], home)
    assert both.returncode == 2 and "not allowed with" in both.stderr
