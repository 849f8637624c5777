"""Before Qt starts on Linux: can its X11 plugin load? If not, say which package to install.

When a library of Qt's xcb platform plugin is missing, ``QApplication`` aborts the process (SIGABRT) with
"Could not load the Qt platform plugin "xcb" … Reinstalling the application may fix this problem", and
since Qt 6.5 it names ``libxcb-cursor0`` whatever library is really missing (on this project's CI machine
it was ``libxcb-icccm4``). The dynamic loader knows the real name: opening the plugin ourselves, first,
turns it into one line that names the Debian/Ubuntu and Fedora package. The plugin would be loaded a
moment later by Qt anyway, so a successful check costs nothing extra.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

# The libraries Qt 6's xcb plugin links that a minimal or server install may lack: soname -> (Debian/Ubuntu
# package, Fedora package). Listed in Qt's own "X11 requirements" page.
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb-xinerama.so.0": ("libxcb-xinerama0", "libxcb"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
}
_SONAME = re.compile(r"(lib[\w.+-]+?\.so(?:\.\d+)*)\s*:")


def _wants_xcb(env: os._Environ | dict[str, str]) -> bool:
    requested = [p.split(":", 1)[0].strip() for p in env.get("QT_QPA_PLATFORM", "").split(";") if p.strip()]
    if requested:
        return requested[0] == "xcb"
    # Unset: Qt takes Wayland on a Wayland session (its own check), X11 otherwise.
    return not env.get("WAYLAND_DISPLAY")


def _plugin_folders() -> list[Path]:
    from PySide6.QtCore import QCoreApplication  # library paths are known before an application exists

    return [Path(p) / "platforms" for p in QCoreApplication.libraryPaths()]


def missing_libraries(plugin: Path) -> list[str]:
    """The libraries that stop ``plugin`` from loading (sonames, or the loader's message); [] if it loads."""
    import ctypes  # here: on most starts (offscreen, Wayland, not Linux) nothing is checked at all

    try:
        ctypes.CDLL(str(plugin))
        return []
    except OSError as exc:
        first = _SONAME.search(str(exc))
        reason = first.group(1) if first else str(exc)
    # The loader names only the first; ldd (glibc's, on every distribution) lists all, so one install fixes it.
    import subprocess

    try:
        out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        out = ""
    missing = list(dict.fromkeys(re.findall(r"^\s*(\S+) => not found", out, re.M)))
    return missing or [reason]


def problem_message(missing: list[str]) -> str:
    debian = [PACKAGES[m][0] for m in missing if m in PACKAGES]
    fedora = list(dict.fromkeys(PACKAGES[m][1] for m in missing if m in PACKAGES))
    lines = [f"Corridor Viewer cannot open its window: Qt's X11 support needs {', '.join(missing)}, "
             f"{'which is' if len(missing) == 1 else 'which are'} not installed."]
    if debian:
        lines.append(f"On Debian or Ubuntu: sudo apt-get install {' '.join(debian)}"
                     f"   (Fedora: sudo dnf install {' '.join(fedora)})")
    unknown = [m for m in missing if m not in PACKAGES]
    if unknown:
        lines.append(f"Install the package that provides {', '.join(unknown)} (Debian/Ubuntu: apt-file search "
                     f"{unknown[0].split(':')[0]}).")
    lines.append("The command-line tools (corridor-viewer export, links, scenes, check) work without them.")
    return "\n".join(lines)


def startup_problem(env: os._Environ | dict[str, str] | None = None) -> str | None:
    """What stops Qt from opening a window here, said so a user can fix it; None when nothing does."""
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux") or not _wants_xcb(env):
        return None
    for folder in _plugin_folders():
        plugin = folder / "libqxcb.so"
        if plugin.is_file():
            missing = missing_libraries(plugin)
            if missing:
                return problem_message(missing)
            break
    if not env.get("DISPLAY"):
        return ("Corridor Viewer cannot open its window: there is no display (DISPLAY is not set). Start it "
                "from a desktop session; for files without a window use corridor-viewer export, links, scenes "
                "or check.")
    return None
