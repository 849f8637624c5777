"""`corridor-viewer scenes`: list the classroom scenes (the user's, else the built-in story)."""

from __future__ import annotations

import argparse
import json
import sys


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("scenes", help="list the story's scenes (id, titles, date)",
                       description="List the scenes: the user's saved scenes, or the built-in story.")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default text)")
    p.add_argument("--builtin", action="store_true", help="list the built-in story even if you saved your own")
    return p


def load_for_cli(builtin: bool = False):
    """The scenes the app would show with no project open: the story plus the user's own (or the story only)."""
    from corridor_viewer.io.scenes import load_scene_list
    from corridor_viewer.io.userdirs import scenes_file

    return load_scene_list(None if builtin else scenes_file())


def run(args: argparse.Namespace) -> int:
    from corridor_viewer.model.scenes import SceneError

    try:
        scenes, warning = load_for_cli(args.builtin)
    except SceneError as exc:
        print(f"corridor-viewer scenes: {exc}", file=sys.stderr)
        return 2
    if warning:
        print(f"corridor-viewer scenes: {warning}", file=sys.stderr)
    rows = [{"id": s.id, "title_en": s.title.get("en", ""), "title_ar": s.title.get("ar", ""), "date": s.date}
            for s in scenes]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        for i, r in enumerate(rows, 1):
            print(f"{i:2d}  {r['id']:<16} {r['date'] or '':<10}  {r['title_en']}  |  {r['title_ar']}")
    return 0
