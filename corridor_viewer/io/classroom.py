"""The built-in story's quiz and worksheet (resources/scenes/quiz.json and worksheet.json), read once."""

from __future__ import annotations

import json
from functools import cache

from corridor_viewer.model.quiz import Question, QuizError, parse_questions
from corridor_viewer.model.worksheet import Worksheet, WorksheetError, parse_worksheet

MAX_BYTES = 4 << 20


def _read(name: str):
    from corridor_viewer.io.safeio import read_limited
    from corridor_viewer.resources import resource

    return json.loads(read_limited(resource("scenes", name), MAX_BYTES, f"the built-in {name}").decode("utf-8"))


@cache
def quiz_questions() -> tuple[Question, ...]:
    """The story's "Where is …?" questions; QuizError if the bundled file is damaged (a packaging fault)."""
    try:
        return tuple(parse_questions(_read("quiz.json")))
    except (OSError, ValueError) as exc:
        if isinstance(exc, QuizError):
            raise
        raise QuizError(f"the built-in quiz cannot be read ({exc})") from exc


@cache
def worksheet() -> Worksheet:
    """The story's written worksheet questions and markers."""
    try:
        return parse_worksheet(_read("worksheet.json"))
    except (OSError, ValueError) as exc:
        if isinstance(exc, WorksheetError):
            raise
        raise WorksheetError(f"the built-in worksheet cannot be read ({exc})") from exc
