"""Find geodata/ and resources/ in a source checkout, an installed wheel, or a frozen bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent


@cache
def _root(name: str) -> Path:
    candidates = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.append(Path(frozen) / name)
    candidates += [
        _PKG / "_data" / name,  # wheel: pyproject force-includes the folders here
        _PKG.parent / name,  # source checkout or editable install
    ]
    for c in candidates:
        if c.is_dir():
            return c
    raise FileNotFoundError(f"Corridor Viewer's {name}/ folder is missing (looked in: "
                            + ", ".join(str(c) for c in candidates) + "). Reinstall the app.")


def geodata_dir() -> Path:
    return _root("geodata")


def resources_dir() -> Path:
    return _root("resources")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
