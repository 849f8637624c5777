"""QSettings in INI form, guarded so a damaged store never stops the app from starting."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QSettings

from corridor_viewer.io.userdirs import config_dir, data_dir
from corridor_viewer.model.export_settings import ExportSettings

__all__ = ["config_dir", "data_dir", "open_settings", "settings_path"]


def settings_path() -> Path:
    return config_dir() / "corridor-viewer.ini"


MAX_SETTINGS_BYTES = 1 << 20  # a few dozen keys; a megabyte is not our settings file


def open_settings() -> QSettings:
    """Open the settings; a store that is not a small, readable INI file is moved aside to .bak and replaced.

    The file is checked *before* QSettings sees it: Qt would block forever reading a FIFO and read a link to
    /dev/zero until memory runs out, and the app would never start.
    """
    path = settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    if not _looks_like_ini(path):
        _set_aside(path)
    s = QSettings(str(path), QSettings.Format.IniFormat)
    if s.status() != QSettings.Status.NoError:
        s = None
        _set_aside(path)
        s = QSettings(str(path), QSettings.Format.IniFormat)
    return s


def _set_aside(path: Path) -> None:
    try:
        # rename, never copy: a FIFO or a link to a device is moved as it is, without reading it
        shutil.move(str(path), str(path) + ".bak")
        print(f"corridor-viewer: settings file was damaged; kept it as {path}.bak and started fresh",
              file=sys.stderr)
    except OSError:
        pass


def _looks_like_ini(path: Path) -> bool:
    """A regular file of modest size that is UTF-8 text; Qt's INI reader accepts almost anything else."""
    from corridor_viewer.io.safeio import read_limited

    if not path.exists() and not path.is_symlink():
        return True
    try:
        data = read_limited(path, MAX_SETTINGS_BYTES, "a settings file")  # refuses FIFOs, devices, huge files
    except FileNotFoundError:
        return True
    except OSError:
        return False
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def get_str(s: QSettings, key: str, default: str = "") -> str:
    v = s.value(key, default)
    return v if isinstance(v, str) else default


def get_bool(s: QSettings, key: str, default: bool) -> bool:
    v = s.value(key, default)
    if isinstance(v, bool):
        return v
    if isinstance(v, str):
        return v.lower() in ("true", "1", "yes")
    return default


def get_float(s: QSettings, key: str, default: float | None = None) -> float | None:
    try:
        return float(s.value(key, default))
    except (TypeError, ValueError):
        return default


# The export dialog's last choices live here, not in ui/export_dialog: the window restores them at start-up,
# and importing the dialog (with the page composer) would cost ~15 ms before the first paint.
EXPORT_KEY = "export/last"


def load_export_settings(store: QSettings | None, lang: str) -> ExportSettings:
    if store is not None:
        raw = store.value(EXPORT_KEY)
        if isinstance(raw, str):
            try:
                return ExportSettings.from_dict(json.loads(raw))
            except ValueError:
                pass
    return ExportSettings(language=lang)


def save_export_settings(store: QSettings | None, s: ExportSettings) -> None:
    if store is not None:
        store.setValue(EXPORT_KEY, json.dumps(s.to_dict(), ensure_ascii=False))
