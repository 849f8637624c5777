"""When the process started (stdlib only): the clock start-up figures are measured against."""

from __future__ import annotations

import os
import time

_IMPORTED_AT = time.time()


def process_start_time() -> float:
    """Wall-clock time the process started (Linux /proc), else this module's import time."""
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            start_ticks = int(fh.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as fh:
            uptime = float(fh.read().split()[0])
        ticks = os.sysconf("SC_CLK_TCK")
        return time.time() - uptime + start_ticks / ticks
    except (OSError, ValueError, IndexError):
        return _IMPORTED_AT


def ms_since_start() -> float:
    return (time.time() - process_start_time()) * 1000.0
