"""Our own texts about the bundled articles: English renderings of passages, and notes on each piece's
genre and framing (resources/articles/translations.json and editorial.json). Read once; a missing or
damaged file means no translations or notes, never a failure."""

from __future__ import annotations

import json
from functools import cache
from typing import Any


def _read(name: str) -> Any:
    from corridor_viewer.resources import resource

    try:
        with open(resource("articles", name), "rb") as fh:
            return json.loads(fh.read(8 << 20))
    except (OSError, ValueError):
        return None


@cache
def translations() -> dict[tuple[str, int], dict[str, Any]]:
    """(article id, passage index) -> {"en", "sha1", "start", "end"}."""
    data = _read("translations.json")
    out: dict[tuple[str, int], dict[str, Any]] = {}
    for p in (data or {}).get("passages", []) if isinstance(data, dict) else []:
        if isinstance(p, dict) and isinstance(p.get("article_id"), str) and isinstance(p.get("passage_index"), int):
            out[(p["article_id"], p["passage_index"])] = p
    return out


@cache
def editorial() -> dict[str, dict[str, Any]]:
    """article id -> {"genre", "label_en", "label_ar", "stance_note_en", "stance_note_ar"}."""
    data = _read("editorial.json")
    arts = (data or {}).get("articles", []) if isinstance(data, dict) else []
    return {a["id"]: a for a in arts if isinstance(a, dict) and isinstance(a.get("id"), str)}
