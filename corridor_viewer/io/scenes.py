"""Read the built-in story and the user's scenes; write the user's scenes atomically."""

from __future__ import annotations

import json
from pathlib import Path

from corridor_viewer.io.atomicfile import write_atomic
from corridor_viewer.model.scenes import Scene, SceneError, SceneList

FORMAT = "corridor-viewer-scenes"
VERSION = 1
MAX_SCENES_BYTES = 64 << 20  # scenes are views and captions: kilobytes; far more is not a scenes file


def builtin_story_path() -> Path:
    from corridor_viewer.resources import resource

    return resource("scenes", "story.json")


def read_scenes(path: Path) -> list[Scene]:
    """Scenes from a file; SceneError says what is wrong (never a bare traceback)."""
    from corridor_viewer.io.safeio import RefusedFileError, read_limited

    try:
        data = json.loads(read_limited(path, MAX_SCENES_BYTES, "a scenes file").decode("utf-8"))
    except FileNotFoundError as exc:
        raise SceneError(f"{path}: file not found") from exc
    except RefusedFileError as exc:  # a FIFO, a device, a link to /dev/zero, or far too large
        raise SceneError(str(exc)) from exc
    except RecursionError as exc:
        raise SceneError(f"{path}: not a readable scenes file (JSON nested too deeply)") from exc
    except (OSError, UnicodeDecodeError, ValueError) as exc:  # ValueError: bad JSON, or a 4,300+ digit integer
        raise SceneError(f"{path}: not a readable UTF-8 JSON file ({str(exc)[:200]})") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("scenes"), list):
        raise SceneError(f"{path}: not a scenes file (expected {{'format': '{FORMAT}', 'scenes': [...]}})")
    version = data.get("version", 0)
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        # int("x") used to escape as a ValueError: a crash report at every start, the file never set aside
        raise SceneError(f"{path}: the scenes format version {version!r:.40} is not valid; the file is damaged")
    if version > VERSION:
        raise SceneError(f"{path}: made by a newer Corridor Viewer (scenes format {version})")
    lst = SceneList()
    try:
        lst.from_list(data["scenes"])
    except SceneError:  # the model's own message already says which scene and field
        raise
    except (ValueError, TypeError, OverflowError) as exc:  # e.g. a view coordinate of 400 digits
        raise SceneError(f"{path}: a scene is damaged ({str(exc)[:120]})") from exc
    return list(lst)


def write_scenes(path: Path, scenes: SceneList | list[Scene]) -> None:
    items = [s.to_dict() for s in scenes]
    text = json.dumps({"format": FORMAT, "version": VERSION, "scenes": items}, ensure_ascii=False, indent=1)
    write_atomic(path, (text + "\n").encode("utf-8"))


def load_scene_list(user_file: Path | None) -> tuple[SceneList, str | None]:
    """The user's scenes if they saved any, else the built-in story; plus a warning to show, if any."""
    warning = None
    if user_file is not None and (user_file.exists() or user_file.is_symlink()):  # a dangling link too
        try:
            return SceneList(read_scenes(user_file)), None
        except SceneError as exc:
            # Keep the damaged file for the user, start from the story.
            backup = user_file.with_suffix(user_file.suffix + ".bak")
            try:
                user_file.replace(backup)
            except OSError:
                backup = user_file
            warning = f"{exc}. It was kept as {backup.name}; the built-in story was loaded instead."
    return SceneList(read_scenes(builtin_story_path())), warning
