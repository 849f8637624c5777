"""Undo and redo for every edit of the map's own content (Qt's QUndoStack; the model stays Qt-free).

The session's annotations, label edits and export settings are values, so every edit is one command
holding the value before and the value after: undo puts the first back, redo the second (through the
session's setters, which mark the project unsaved and redraw every view). A drag is one command, made when
the mouse is released. The stack is cleared when another project is put in place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from corridor_viewer.model import label_edits
from corridor_viewer.model.annotations import Annotation
from corridor_viewer.model.export_settings import ExportSettings
from corridor_viewer.model.session import Session
from corridor_viewer.ui.bind import listen


class ValueCommand(QUndoCommand):
    """Set a value; undo sets the one before. ``merge`` (an int) joins consecutive commands of one kind of
    edit into one step (typing a name, nudging with the arrow keys)."""

    def __init__(self, text: str, apply: Callable[[Any], None], before: Any, after: Any, merge: int = -1) -> None:
        super().__init__(text)
        self.apply, self.before, self.after, self.merge = apply, before, after, merge

    def redo(self) -> None:
        self.apply(self.after)

    def undo(self) -> None:
        self.apply(self.before)

    def id(self) -> int:
        return self.merge

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, ValueCommand) or other.merge != self.merge or self.merge < 0:
            return False
        self.after = other.after
        return True


class EditHistory(QObject):
    """The undo stack of one session's map edits."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.stack = QUndoStack(self)
        listen(self, session.work_replaced, self.stack.clear)

    def _push(self, text: str, apply, before, after, merge: int = -1) -> bool:
        if before == after:
            return False
        self.stack.push(ValueCommand(text, apply, before, after, merge))
        return True

    def set_annotations(self, items: tuple[Annotation, ...], text: str, merge: int = -1) -> bool:
        return self._push(text, self.session.set_annotations, self.session.annotations, tuple(items), merge)

    def set_label_edits(self, current: label_edits.LabelEdits, text: str) -> bool:
        before = dict(self.session.label_edits)
        after = dict(label_edits.edits(current))
        return self._push(text, lambda v: self.session.set_label_edits(v), before, after)

    def set_export_settings(self, settings: ExportSettings, text: str) -> bool:
        before = self.session.export_settings.to_dict()
        after = settings.to_dict()

        def apply(d: dict) -> None:
            self.session.set_export_settings(ExportSettings.from_dict(d))

        return self._push(text, apply, before, after)

    def load(self, items: tuple[Annotation, ...], current: label_edits.LabelEdits, text: str) -> bool:
        """Replace the annotations and the label edits in one step (a scene's put on the map)."""
        before = (self.session.annotations, dict(self.session.label_edits))
        after = (tuple(items), dict(label_edits.edits(current)))

        def apply(v) -> None:
            self.session.set_annotations(v[0])
            self.session.set_label_edits(v[1])

        return self._push(text, apply, before, after)
