"""The user's folders, without Qt: data (scenes, recovery files, crash reports), settings and caches.

platformdirs knows each system's conventions; the names are chosen so the folders stay where earlier
versions (which asked Qt) put them: Linux ``~/.local/share/CorridorViewer/Corridor Viewer``, Windows
``%APPDATA%\\CorridorViewer\\Corridor Viewer``, macOS ``~/Library/Application Support/CorridorViewer/
Corridor Viewer``. ``CORRIDOR_VIEWER_DATA_DIR`` / ``CORRIDOR_VIEWER_CONFIG_DIR`` /
``CORRIDOR_VIEWER_CACHE_DIR`` override them (tests, portable installs).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from corridor_viewer import APP_NAME, ORG_NAME

DATA_DIR_ENV = "CORRIDOR_VIEWER_DATA_DIR"
CONFIG_DIR_ENV = "CORRIDOR_VIEWER_CONFIG_DIR"
CACHE_DIR_ENV = "CORRIDOR_VIEWER_CACHE_DIR"


def _dirs():
    from platformdirs import PlatformDirs

    if sys.platform == "win32":
        return PlatformDirs(APP_NAME, ORG_NAME, roaming=True)
    # On Linux and macOS platformdirs leaves the author out; Qt's folders had it, so keep it in the name.
    return PlatformDirs(os.path.join(ORG_NAME, APP_NAME), appauthor=False)


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) if override else Path(_dirs().user_data_dir)


def config_dir() -> Path:
    """The folder of the settings file (corridor-viewer.ini)."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override)
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Preferences" / ORG_NAME
    from platformdirs import user_config_dir

    return Path(user_config_dir(ORG_NAME, appauthor=False, roaming=False))


def cache_dir() -> Path:
    """Things that can be rebuilt (the bundled articles' links); deleting it costs only time."""
    override = os.environ.get(CACHE_DIR_ENV)
    return Path(override) if override else Path(_dirs().user_cache_dir)


def crash_dir() -> Path:
    return data_dir() / "crash-reports"


def recovery_dir() -> Path:
    return data_dir() / "recovery"


def scenes_file() -> Path:
    return data_dir() / "scenes.json"
