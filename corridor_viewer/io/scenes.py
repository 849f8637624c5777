"""Read the built-in story and the user's scenes; write the user's scenes atomically."""

from __future__ import annotations

import json
from pathlib import Path

from corridor_viewer.io.atomicfile import write_atomic
from corridor_viewer.model.scenes import Scene, SceneError, SceneList

FORMAT = "corridor-viewer-scenes"
VERSION = 1


def builtin_story_path() -> Path:
    from corridor_viewer.resources import resource

    return resource("scenes", "story.json")


def read_scenes(path: Path) -> list[Scene]:
    """Scenes from a file; SceneError says what is wrong (never a bare traceback)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SceneError(f"{path}: file not found") from exc
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise SceneError(f"{path}: not a readable UTF-8 JSON file ({exc})") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("scenes"), list):
        raise SceneError(f"{path}: not a scenes file (expected {{'format': '{FORMAT}', 'scenes': [...]}})")
    if int(data.get("version", 0)) > VERSION:
        raise SceneError(f"{path}: made by a newer Corridor Viewer (scenes format {data['version']})")
    lst = SceneList()
    lst.from_list(data["scenes"])
    return list(lst)


def write_scenes(path: Path, scenes: SceneList | list[Scene]) -> None:
    items = [s.to_dict() for s in scenes]
    text = json.dumps({"format": FORMAT, "version": VERSION, "scenes": items}, ensure_ascii=False, indent=1)
    write_atomic(path, (text + "\n").encode("utf-8"))


def load_scene_list(user_file: Path | None) -> tuple[SceneList, str | None]:
    """The user's scenes if they saved any, else the built-in story; plus a warning to show, if any."""
    warning = None
    if user_file is not None and user_file.exists():
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
