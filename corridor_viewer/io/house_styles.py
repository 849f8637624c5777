"""House style files: the built-ins (resources/styles/) and a user's own JSON file with its logo.

A style file names its logo by a path relative to the file (``"logo": "logo.svg"``) or holds it as a data:
URI. Reading it embeds the logo bytes in the :class:`HouseStyle`, so what the export dialog remembers and a
project saves is the whole style: it renders the same on another computer without the logo file. Every
file is read through ``safeio.read_limited`` (no FIFO, device or huge file is opened).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from corridor_viewer.model.export_settings import BUILTIN_STYLES, ExportSettings
from corridor_viewer.model.house_style import MAX_LOGO_BYTES, HouseStyle, HouseStyleError

MAX_STYLE_BYTES = 4 << 20  # a style is a few dozen lines; with an embedded logo, a few MB at most
SUFFIXES = (".json", ".cvstyle")


class StyleFileError(Exception):
    """A style file cannot be used; the message names the file and says what is wrong."""


@functools.cache
def builtin(sid: str) -> HouseStyle:
    from corridor_viewer.resources import resource

    if sid not in BUILTIN_STYLES:
        raise StyleFileError(f"no built-in house style {sid!r}; choose one of {', '.join(BUILTIN_STYLES)}")
    return read_style_file(resource("styles", f"{sid}.json"))


def builtins() -> list[HouseStyle]:
    return [builtin(sid) for sid in BUILTIN_STYLES]


def resolve(settings: ExportSettings) -> HouseStyle:
    """The house style an export uses: the settings' custom one, else the built-in it names."""
    if settings.style == "custom" and settings.house:
        try:
            return HouseStyle.from_dict(settings.house)
        except HouseStyleError:
            pass
    try:
        return builtin(settings.style if settings.style in BUILTIN_STYLES else "light")
    except (StyleFileError, FileNotFoundError):
        return HouseStyle()  # a trimmed install without the style files still exports


def read_style_file(path: Path | str) -> HouseStyle:
    """Read and check a style JSON file and the logo it names; StyleFileError says what is wrong."""
    from corridor_viewer.io.safeio import RefusedFileError, read_limited, read_user_file

    path = Path(path)
    data = read_user_file(path, MAX_STYLE_BYTES, "a house style file", StyleFileError)
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise StyleFileError(f"{path}: not UTF-8 text (byte {exc.start}); a house style is a JSON file") from exc
    except json.JSONDecodeError as exc:
        raise StyleFileError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from exc
    except (RecursionError, ValueError) as exc:
        raise StyleFileError(f"{path}: not a readable JSON file ({str(exc)[:80]})") from exc
    if not isinstance(raw, dict) or raw.get("format") != "corridor-viewer-style":
        raise StyleFileError(f'{path}: not a Corridor Viewer house style (no "format": "corridor-viewer-style")')
    logo = None
    name = raw.get("logo")
    if isinstance(name, str) and name and not name.startswith("data:"):
        logo_path = (path.parent / name)
        try:
            logo = read_limited(logo_path, MAX_LOGO_BYTES, "a logo (PNG or SVG)")
        except FileNotFoundError as exc:
            raise StyleFileError(f"{path}: its logo {name!r} was not found beside it") from exc
        except RefusedFileError as exc:
            raise StyleFileError(f"{path}: logo {exc}") from exc
        except OSError as exc:
            raise StyleFileError(f"{path}: cannot read its logo {name!r} ({exc.strerror or exc})") from exc
    elif name is not None and not isinstance(name, str):
        raise StyleFileError(f"{path}: logo must be a file name or a data: URI")
    try:
        return HouseStyle.from_dict(raw, logo=logo)
    except HouseStyleError as exc:
        raise StyleFileError(f"{path}: {exc}") from exc


def write_style_file(path: Path | str, style: HouseStyle) -> None:
    """Save a style (logo embedded) as a file another user can choose."""
    from corridor_viewer.io.atomicfile import write_atomic

    text = json.dumps(style.to_dict(), ensure_ascii=False, indent=1)
    write_atomic(Path(path), (text + "\n").encode("utf-8"))
