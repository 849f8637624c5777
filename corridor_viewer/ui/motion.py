"""Does the user's system ask for reduced motion? (Qt has no API for it, so ask each platform.)"""

from __future__ import annotations

import os
import subprocess
import sys
from functools import cache


@cache
def system_prefers_reduced_motion() -> bool:
    env = os.environ.get("CORRIDOR_VIEWER_REDUCED_MOTION")
    if env is not None:
        return env.strip().lower() in ("1", "true", "yes", "on")
    try:
        if sys.platform == "win32":
            import ctypes

            enabled = ctypes.c_int(1)
            spi_getclientareaanimation = 0x1042
            ctypes.windll.user32.SystemParametersInfoW(spi_getclientareaanimation, 0, ctypes.byref(enabled), 0)
            return not enabled.value
        if sys.platform == "darwin":
            out = subprocess.run(["defaults", "read", "com.apple.universalaccess", "reduceMotion"],
                                 capture_output=True, text=True, timeout=1)
            return out.stdout.strip() == "1"
        out = subprocess.run(["gsettings", "get", "org.gnome.desktop.interface", "enable-animations"],
                             capture_output=True, text=True, timeout=1)
        return out.returncode == 0 and out.stdout.strip() == "false"
    except (OSError, subprocess.SubprocessError, AttributeError, ValueError):
        return False
