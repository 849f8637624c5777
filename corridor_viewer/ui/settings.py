"""QSettings in INI form, guarded so a damaged store never stops the app from starting."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QSettings

from corridor_viewer.io.userdirs import config_dir, data_dir

__all__ = ["config_dir", "data_dir", "open_settings", "settings_path"]


def settings_path() -> Path:
    return config_dir() / "corridor-viewer.ini"


def open_settings() -> QSettings:
    """Open the settings; a store Qt cannot parse is moved aside to .bak and replaced."""
    path = settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    s = QSettings(str(path), QSettings.Format.IniFormat)
    if s.status() != QSettings.Status.NoError or not _looks_like_ini(path):
        s = None
        try:
            shutil.move(str(path), str(path) + ".bak")
            print(f"corridor-viewer: settings file was damaged; kept it as {path}.bak and started fresh",
                  file=sys.stderr)
        except OSError:
            pass
        s = QSettings(str(path), QSettings.Format.IniFormat)
    return s


def _looks_like_ini(path: Path) -> bool:
    """Qt's INI reader accepts almost anything; refuse binary junk so it is not half-read."""
    try:
        data = path.read_bytes()[:65536]
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
