"""Linux desktop integration without Qt: a freedesktop .desktop entry and hicolor icons per user.

`corridor-viewer --install-desktop` writes them under $XDG_DATA_HOME (default ~/.local/share);
`--uninstall-desktop` removes exactly those files, and the folders the install had to create. The
entry itself records what it created (X-CorridorViewer-* keys), so no second manifest file is left
behind.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from corridor_viewer import APP_NAME, __version__
from corridor_viewer.resources import resource

APP_ID = "corridor-viewer"  # desktop file id, icon name and Wayland app id
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
NAME_AR = "عارض الممرات"
COMMENT = "Map of the South Caucasus transport corridors, linked to Arabic news articles"
COMMENT_AR = "خريطة ممرات النقل في جنوب القوقاز، مرتبطة بمقالات إخبارية عربية"
KEY_VERSION = "X-CorridorViewer-Version"
KEY_DIRS = "X-CorridorViewer-Created-Dirs"


class DesktopError(Exception):
    """A problem the user can act on (message is shown as is)."""


class Result:
    """What one install or uninstall did (a plain class: the window imports this module at start-up)."""

    def __init__(self, exec_line: str = "") -> None:
        self.written: list[Path] = []
        self.removed: list[Path] = []
        self.removed_dirs: list[Path] = []
        self.exec_line = exec_line


def data_home() -> Path:
    """$XDG_DATA_HOME if set to an absolute path (the spec ignores relative ones), else ~/.local/share."""
    env = os.environ.get("XDG_DATA_HOME", "")
    if env and os.path.isabs(env):
        return Path(env)
    return Path.home() / ".local" / "share"


def entry_path(home: Path) -> Path:
    return home / "applications" / f"{APP_ID}.desktop"


def icon_targets(home: Path) -> dict[Path, Path]:
    """Installed icon path -> bundled source file."""
    hicolor = home / "icons" / "hicolor"
    out = {hicolor / f"{n}x{n}" / "apps" / f"{APP_ID}.png": resource("icons", f"{APP_ID}-{n}.png")
           for n in ICON_SIZES}
    out[hicolor / "scalable" / "apps" / f"{APP_ID}.svg"] = resource("icons", f"{APP_ID}.svg")
    return out


def launch_command() -> list[str]:
    """A command that starts this installation of the app, from any folder."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: its executable is the app
        return [os.path.abspath(sys.executable)]
    # The gui-script of this very environment first (a venv's bin/ is often not on PATH), then PATH.
    beside = Path(sys.executable).parent / APP_ID
    if beside.is_file() and os.access(beside, os.X_OK):
        return [str(beside.absolute())]
    found = shutil.which(APP_ID)
    if found:
        return [os.path.abspath(found)]
    return [os.path.abspath(sys.executable), "-m", "corridor_viewer"]


_EXEC_RESERVED = set(' \t\n"\'\\><~|&;$*?#()`')


def exec_quote(arg: str) -> str:
    """Quote one Exec argument as the Desktop Entry spec says ("Exec key"), before string escaping."""
    arg = arg.replace("%", "%%")
    if not arg or any(c in _EXEC_RESERVED for c in arg):
        arg = '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'
    return arg


def escape_value(value: str) -> str:
    """Escape a string value for a .desktop file (backslash first, then control characters)."""
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def render_entry(command: list[str], created_dirs: list[str]) -> str:
    exec_line = " ".join(exec_quote(a) for a in command)
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        f"Name={APP_NAME}",
        f"Name[ar]={NAME_AR}",
        "GenericName=Corridor map",
        "GenericName[ar]=خريطة الممرات",
        f"Comment={COMMENT}",
        f"Comment[ar]={COMMENT_AR}",
        f"TryExec={escape_value(command[0])}",
        f"Exec={escape_value(exec_line)}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=Education;Geography;",
        "Keywords=map;corridor;Caucasus;Armenia;Azerbaijan;Zangezur;Syunik;Nakhchivan;",
        "Keywords[ar]=خريطة;ممر;القوقاز;أرمينيا;أذربيجان;زنغزور;سيونيك;نخجوان;",
        "StartupNotify=true",
        f"StartupWMClass={APP_NAME}",  # Qt's X11 WM_CLASS class is the application name
        f"{KEY_VERSION}={__version__}",
        f"{KEY_DIRS}={''.join(d + ';' for d in created_dirs)}",
        "",
    ]
    return "\n".join(lines)


def _read_created_dirs(entry: Path) -> list[str]:
    try:
        text = entry.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    for line in text.splitlines():
        if line.startswith(KEY_DIRS + "="):
            return [d for d in line.split("=", 1)[1].split(";") if d]
    return []


def _is_ours(entry: Path) -> bool:
    try:
        return any(ln.startswith(KEY_VERSION + "=") for ln in entry.read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return False


def _mkdirs(path: Path, home: Path, created: list[str]) -> None:
    """mkdir -p, noting (relative to home) each folder that did not exist before."""
    missing = []
    p = path
    while not p.exists() and p != p.parent:
        missing.append(p)
        p = p.parent
    for d in reversed(missing):
        d.mkdir()
        rel = d.relative_to(home).as_posix() if d.is_relative_to(home) else None
        if rel and rel not in created:
            created.append(rel)


def install(home: Path | None = None, command: list[str] | None = None) -> Result:
    home = data_home() if home is None else home
    command = launch_command() if command is None else command
    entry = entry_path(home)
    if entry.exists() and not _is_ours(entry):
        raise DesktopError(f"{entry} exists and was not written by Corridor Viewer; not replacing it")
    created = _read_created_dirs(entry)  # a re-install keeps the record of what the first one made
    targets = icon_targets(home)
    for src in targets.values():
        if not src.is_file():
            raise DesktopError(f"the icon {src} is missing from this installation; reinstall Corridor Viewer")
    result = Result(exec_line=" ".join(exec_quote(a) for a in command))
    try:
        if not home.exists():
            home.mkdir(parents=True)  # the data home itself is the user's, never ours to remove
        for dst, src in targets.items():
            _mkdirs(dst.parent, home, created)
            tmp = dst.with_name(dst.name + ".tmp")
            shutil.copyfile(src, tmp)
            os.replace(tmp, dst)
            result.written.append(dst)
        _mkdirs(entry.parent, home, created)
        tmp = entry.with_name(entry.name + ".tmp")
        tmp.write_text(render_entry(command, created), encoding="utf-8")
        os.replace(tmp, entry)  # desktop menus watch this folder: never let them read half a file
        result.written.append(entry)
    except OSError as exc:
        raise DesktopError(f"could not write under {home}: {exc.strerror or exc}") from exc
    return result


def uninstall(home: Path | None = None) -> Result:
    home = data_home() if home is None else home
    entry = entry_path(home)
    result = Result()
    if entry.exists() and not _is_ours(entry):
        raise DesktopError(f"{entry} was not written by Corridor Viewer; leaving it alone")
    created = _read_created_dirs(entry)
    try:
        for path in [*icon_targets(home), entry]:
            if path.is_file():
                path.unlink()
                result.removed.append(path)
        # Deepest first, and only while empty: a folder that now holds someone else's file stays.
        for rel in sorted(created, key=lambda d: d.count("/"), reverse=True):
            d = home / rel
            if d.is_dir() and not any(d.iterdir()):
                d.rmdir()
                result.removed_dirs.append(d)
    except OSError as exc:
        raise DesktopError(f"could not remove files under {home}: {exc.strerror or exc}") from exc
    return result


def run(install_entry: bool) -> int:
    """CLI: --install-desktop / --uninstall-desktop. Prints what was done; 0 on success, 2 on error."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        print("corridor-viewer: desktop entries are for Linux desktops. On Windows and macOS, use the "
              "bundle (see README, 'Building a bundle').", file=sys.stderr)
        return 2
    try:
        result = install() if install_entry else uninstall()
    except DesktopError as exc:
        print(f"corridor-viewer: {exc}", file=sys.stderr)
        return 2
    if install_entry:
        entry = result.written[-1]
        print(f"Installed the desktop entry {entry}")
        print(f"Installed {len(result.written) - 1} icons under {data_home() / 'icons' / 'hicolor'}")
        print(f"It starts: {result.exec_line}")
        print("Find 'Corridor Viewer' in your applications menu (log out and in if it does not appear yet).")
    elif result.removed:
        for path in result.removed:
            print(f"Removed {path}")
        if result.removed_dirs:
            print(f"Removed {len(result.removed_dirs)} empty folders the install had created under {data_home()}")
    else:
        print(f"Nothing to remove: no Corridor Viewer desktop entry under {data_home()}")
    return 0
