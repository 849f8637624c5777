"""Read the built-in story and the user's scenes; write the user's scenes atomically.

The user's ``scenes.json`` holds only what the user made: their own scenes, their edits of story scenes,
the story scenes they removed and the order of the whole list. The story itself always comes from the
app, so a corrected or extended story reaches users who saved scenes with an earlier version.

Format 2::

    {"format": "corridor-viewer-scenes", "version": 2,
     "scenes": [<the user's own and edited scenes>], "order": [<scene ids>], "hidden": [<story ids>]}

Format 1 (earlier versions) was the whole list as shown; it is read as the user's order, its copies of the
story as it was then are recognised by fingerprint (so they follow the story), and it is kept as
``scenes.json.bak`` before the first format-2 write over it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from corridor_viewer.io.atomicfile import write_atomic
from corridor_viewer.model.scenes import Scene, SceneError, SceneList

FORMAT = "corridor-viewer-scenes"
VERSION = 2
MAX_SCENES_BYTES = 64 << 20  # scenes are views and captions: kilobytes; far more is not a scenes file

# The story as versions with format 1 shipped it: a format-1 file's copy of one of these scenes, unedited,
# is the story (and follows it), not an edit of the user's.
LEGACY_STORY = {
    "region": "6ae57e2e11d2b094", "nakhchivan": "23cb777894293076", "syunik-meghri": "dd3d45cd5e82e5b4",
    "point-9": "fffc34847b10de08", "zangezur": "f74d9600b9a4ba7c", "iran": "5836bc44e227e66f",
    "crossroads": "1affe6ae994a511e", "tripp": "fcdaa4785fdf659d", "construction": "acf0e1e0b4b4eda2",
}


def builtin_story_path() -> Path:
    from corridor_viewer.resources import resource

    return resource("scenes", "story.json")


def _fingerprint(scene: Scene) -> str:
    d = {k: v for k, v in scene.to_dict().items() if k not in ("sources", "labels")}
    return hashlib.sha1(json.dumps(d, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


def _read_json(path: Path) -> dict:
    from corridor_viewer.io.safeio import RefusedFileError, read_limited

    try:
        raw = json.loads(read_limited(path, MAX_SCENES_BYTES, "a scenes file").decode("utf-8"))
    except FileNotFoundError as exc:
        raise SceneError(f"{path}: file not found") from exc
    except RefusedFileError as exc:  # a FIFO, a device, a link to /dev/zero, or far too large
        raise SceneError(str(exc)) from exc
    except RecursionError as exc:
        raise SceneError(f"{path}: not a readable scenes file (JSON nested too deeply)") from exc
    except OSError as exc:
        raise SceneError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except (UnicodeDecodeError, ValueError) as exc:  # ValueError: bad JSON, or a 4,300+ digit integer
        raise SceneError(f"{path}: not a readable UTF-8 JSON file ({str(exc)[:200]})") from exc
    if not isinstance(raw, dict) or raw.get("format") != FORMAT or not isinstance(raw.get("scenes"), list):
        raise SceneError(f"{path}: not a scenes file (expected {{'format': '{FORMAT}', 'scenes': [...]}})")
    version = raw.get("version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        # int("x") used to escape as a ValueError: a crash report at every start, the file never set aside
        raise SceneError(f"{path}: the scenes format version {version!r:.40} is not valid; the file is damaged")
    if version > VERSION:
        raise SceneError(f"{path}: made by a newer Corridor Viewer (scenes format {version})")
    return raw


def _scenes(items: list, path: Path | None = None) -> list[Scene]:
    lst = SceneList()
    try:
        lst.from_list(items)  # validates every scene and that ids are unique
    except SceneError:  # the model's own message already says which scene and field
        raise
    except (ValueError, TypeError, OverflowError) as exc:  # e.g. a view coordinate of 400 digits
        raise SceneError(f"{path or 'scenes'}: a scene is damaged ({str(exc)[:120]})") from exc
    return list(lst)


def read_scenes(path: Path) -> list[Scene]:
    """The scenes a file holds (story, user or any scenes file); SceneError says what is wrong."""
    path = Path(path)
    return _scenes(_read_json(path)["scenes"], path)


def read_story() -> list[Scene]:
    scenes = read_scenes(builtin_story_path())
    for s in scenes:
        s.builtin = True
    return scenes


def merge_user_scenes(story: list[Scene], raw: dict) -> list[Scene]:
    """The list the user sees: the story with the user's edits, removals and order, plus their own scenes."""
    own = _scenes(raw["scenes"])
    by_id = {s.id: s for s in story}
    if raw.get("version", 1) == 1:
        # The whole list as shown; unedited copies of the story as it was are the story, not edits.
        order = [s.id for s in own]
        edits = [s for s in own if not (s.id in LEGACY_STORY and _fingerprint(s) == LEGACY_STORY[s.id])]
        hidden = {sid for sid in LEGACY_STORY if sid not in order}
    else:
        order = [x for x in raw.get("order", []) if isinstance(x, str)]
        edits = own
        hidden = {x for x in raw.get("hidden", []) if isinstance(x, str)}
    chosen = {**{s.id: s for s in story if s.id not in hidden}, **{s.id: s for s in edits}}
    out = [chosen.pop(sid) for sid in order if sid in chosen]
    # Story scenes the user never saw (new in this version) keep their place after their story neighbour.
    for i, s in enumerate(story):
        if s.id in chosen and chosen[s.id] is s:
            prev = next((story[j].id for j in range(i - 1, -1, -1) if any(o.id == story[j].id for o in out)), None)
            at = next((k + 1 for k, o in enumerate(out) if o.id == prev), 0)
            out.insert(at, chosen.pop(s.id))
    out += list(chosen.values())  # the user's scenes the order does not mention
    for s in out:
        s.builtin = s.id in by_id and s is by_id[s.id]
    return out


def load_scene_list(user_file: Path | None) -> tuple[SceneList, str | None]:
    """The story plus the user's scenes (if they saved any); plus a warning to show, if any.

    A user file that cannot be read is moved aside to ``.bak`` (never lost, never read again) and the story
    loads alone.
    """
    story = read_story()
    if user_file is None or not (user_file.exists() or user_file.is_symlink()):  # a dangling link too
        return SceneList(story), None
    try:
        return SceneList(merge_user_scenes(story, _read_json(user_file))), None
    except SceneError as exc:
        backup = user_file.with_name(user_file.name + ".bak")
        try:
            user_file.replace(backup)
        except OSError:
            backup = user_file
        return SceneList(read_story()), f"{exc}. It was kept as {backup.name}; the built-in story was loaded instead."


def user_scenes_bytes(scenes: list[Scene], story: list[Scene]) -> bytes:
    by_id = {s.id: s for s in story}
    ids = {s.id for s in scenes}
    own = [s for s in scenes if not (s.id in by_id and s == by_id[s.id])]
    data = {"format": FORMAT, "version": VERSION, "scenes": [s.to_dict() for s in own],
            "order": [s.id for s in scenes], "hidden": [s.id for s in story if s.id not in ids]}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def write_user_scenes(path: Path, scenes: list[Scene] | SceneList, story: list[Scene]) -> Path | None:
    """Save the user's scenes (atomically); a format-1 file is kept as .bak first. Returns the .bak if made."""
    path = Path(path)
    backup = None
    if path.is_file():
        try:
            old = _read_json(path)
        except SceneError:
            old = None
        if old is not None and old.get("version", 1) == 1:
            backup = path.with_name(path.name + ".bak")
            from corridor_viewer.io.safeio import read_limited

            write_atomic(backup, read_limited(path, MAX_SCENES_BYTES, "a scenes file"))
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, user_scenes_bytes(list(scenes), story))
    return backup


def write_scenes(path: Path, scenes: SceneList | list[Scene]) -> None:
    """A plain scenes file holding exactly these scenes (lesson exchange, tests)."""
    items = [s.to_dict() for s in scenes]
    text = json.dumps({"format": FORMAT, "version": VERSION, "scenes": items, "order": [s["id"] for s in items]},
                      ensure_ascii=False, indent=1)
    write_atomic(path, (text + "\n").encode("utf-8"))
