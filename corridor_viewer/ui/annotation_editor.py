"""Drawing and editing on the map: the annotation tools, selection, move and reshape handles, label drags.

The canvas hands its mouse and key events here first (``MapCanvas.editor``); what is not ours (a pan, a
click on a feature) goes on to the canvas as before. Tools: click to place a marker or a text; drag to draw
an arrow, a line, a distance line, a circle (from its centre) or a rectangle; click the corners of a polygon
and double-click (or Enter) to close it. Arrows and lines are gently curved as drawn; hold Shift for a
straight one. With the select tool: click an annotation to select it, drag it to move it, drag a handle to
reshape it (a point, a line's bend, a circle's radius), Delete removes it, double-click edits it; drag any
map label to move it; right-click for label edits (hide, change the text, show always, reset).

While a drag runs the canvas draws a preview (``preview``); the edit itself is one undo command, made on
release (ui.undo.EditHistory).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QMenu

from corridor_viewer.model import label_edits, projection
from corridor_viewer.model.annotations import (
    Annotation,
    AnnotationError,
    Text,
    circle_radius_km,
    find,
    make,
    moved,
    replaced,
    without,
)
from corridor_viewer.render import annotations as annotation_layer

TOOLS = ("select", "marker", "callout", "arrow", "line", "distance", "polygon", "circle", "rectangle")
CLICK_PX = 4.0  # a press and release closer than this is a click, not a drag
HANDLE_PX = 7.0
CURVE = 0.22  # the bend of an arrow drawn without Shift


class MapEditor(QObject):
    tool_changed = Signal(str)
    selection_changed = Signal(object)  # annotation id or None
    edit_requested = Signal(str)  # annotation id: open its dialog
    label_text_requested = Signal(str)  # feature id: ask for this map's text of its label

    def __init__(self, canvas, session, history, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.canvas, self.session, self.history = canvas, session, history
        self.tool = "select"
        self.selected: str | None = None
        self.color = "#d62828"  # the last colour chosen; new annotations take it
        self._drag: dict | None = None
        self._notes: tuple[Annotation, ...] | None = None  # preview of the annotations while dragging
        self._edits: label_edits.LabelEdits | None = None
        self._poly: list[tuple[float, float]] = []
        self._hover: QPointF | None = None
        canvas.editor = self
        session.annotations_changed.connect(self._on_annotations)

    # -- state
    def set_tool(self, tool: str) -> None:
        if tool not in TOOLS:
            raise ValueError(tool)
        self._poly = []
        self._drag = None
        self._notes = self._edits = None
        if tool != self.tool:
            self.tool = tool
            self.tool_changed.emit(tool)
        self.canvas.setCursor(Qt.CursorShape.ArrowCursor if tool == "select" else Qt.CursorShape.CrossCursor)
        self.canvas.update()

    def select(self, aid: str | None) -> None:
        if aid != self.selected:
            self.selected = aid
            self.selection_changed.emit(aid)
            self.canvas.update()

    def _on_annotations(self, items) -> None:
        if self.selected is not None and find(items, self.selected) is None:
            self.select(None)

    def preview(self, notes, edits):
        """What the canvas draws now: the session's values, or the drag in progress."""
        return (self._notes if self._notes is not None else notes, self._edits if self._edits is not None else edits)

    # -- coordinates
    def _vp(self):
        return self.canvas.viewport

    def _lonlat(self, pos: QPointF) -> tuple[float, float]:
        lon, lat = self._vp().to_lonlat(pos.x(), pos.y())
        return (round(lon, 6), round(lat, 6))

    def _screen(self, p: tuple[float, float]) -> QPointF:
        x, y = self._vp().to_screen(*projection.forward(*p))
        return QPointF(x, y)

    def _placed(self, state=None) -> list:
        state = state or self.canvas.map_state()
        return annotation_layer.layout(state, self.canvas.options.ui_scale)

    # -- edits (each one undo step)
    def _commit(self, items, text: str) -> None:
        self.history.set_annotations(tuple(items), text)

    def add(self, a: Annotation, text: str) -> None:
        self._commit((*self.session.annotations, a), text)
        self.select(a.id)

    def update(self, a: Annotation, text: str) -> None:
        self._commit(replaced(self.session.annotations, a), text)

    def delete(self, aid: str | None = None) -> bool:
        aid = aid or self.selected
        if aid is None or find(self.session.annotations, aid) is None:
            return False
        self._commit(without(self.session.annotations, [aid]), self.tr("Delete annotation"))
        return True

    def reorder(self, aid: str, delta: int) -> None:
        self._commit(moved(self.session.annotations, aid, delta), self.tr("Change the drawing order"))

    # -- label edits
    def _label(self, fid: str, undo_text: str, **change) -> None:
        self.history.set_label_edits(label_edits.with_edit(self.session.label_edits, fid, **change), undo_text)

    def hide_label(self, fid: str) -> None:
        self._label(fid, self.tr("Hide label"), hidden=True, at=None)

    def force_label(self, fid: str) -> None:
        self._label(fid, self.tr("Show label always"), forced=True)

    def set_label_text(self, fid: str, text: Text) -> None:
        self._label(fid, self.tr("Change label text"), text=text)

    def move_label(self, fid: str, at: tuple[float, float]) -> None:
        self._label(fid, self.tr("Move label"), at=at, hidden=False)

    def reset_label(self, fid: str) -> None:
        self.history.set_label_edits(label_edits.reset(self.session.label_edits, fid), self.tr("Reset label"))

    def reset_all_labels(self) -> None:
        self.history.set_label_edits(label_edits.NO_EDITS, self.tr("Reset all label edits"))

    # -- hit tests
    def _handle_at(self, pos: QPointF, placed: list):
        p = next((x for x in placed if x.a.id == self.selected), None)
        if p is None:
            return None
        for key, q in annotation_layer.handles(p, self._vp()):
            if abs(q.x() - pos.x()) <= HANDLE_PX and abs(q.y() - pos.y()) <= HANDLE_PX:
                return key
        return None

    def annotation_at(self, pos: QPointF) -> Annotation | None:
        return annotation_layer.hit(self._placed(), pos, 5.0)

    def label_at(self, pos: QPointF) -> str | None:
        return next((fid for fid, rect in reversed(self.canvas.last_labels) if rect.contains(pos)), None)

    # -- mouse
    def mouse_press(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        pos = event.position()
        self.canvas.setFocus()
        if self.tool == "select":
            placed = self._placed()
            key = self._handle_at(pos, placed) if self.selected else None
            if key is not None:
                self._drag = {"what": "handle", "key": key, "from": pos, "a": find(self.session.annotations,
                                                                                  self.selected)}
                return True
            a = annotation_layer.hit(placed, pos, 5.0)
            if a is not None:
                self.select(a.id)
                self._drag = {"what": "move", "from": pos, "a": a, "moved": False}
                return True
            fid = self.label_at(pos)
            if fid is not None:
                rect = next(r for f, r in self.canvas.last_labels if f == fid)
                self._drag = {"what": "label", "fid": fid, "from": pos, "offset": pos - rect.center(),
                              "moved": False}
                self.select(None)
                return True
            self.select(None)
            return False
        if self.tool == "polygon":
            self._poly.append(self._lonlat(pos))
            self._preview_polygon(pos)
            return True
        self._drag = {"what": "draw", "from": pos, "start": self._lonlat(pos)}
        return True

    def mouse_move(self, event: QMouseEvent) -> bool:
        pos = event.position()
        d = self._drag
        if self.tool == "polygon" and self._poly:
            self._preview_polygon(pos)
            return False
        if d is None:
            return False
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if d["what"] == "move":
            if (pos - d["from"]).manhattanLength() > CLICK_PX or d["moved"]:
                d["moved"] = True
                new = self._moved(d["a"], pos - d["from"])
                if new is not None:
                    self._notes = replaced(self.session.annotations, new)
        elif d["what"] == "handle":
            new = self._reshaped(d["a"], d["key"], pos, shift)
            if new is not None:
                self._notes = replaced(self.session.annotations, new)
        elif d["what"] == "label":
            if (pos - d["from"]).manhattanLength() > CLICK_PX or d["moved"]:
                d["moved"] = True
                self._edits = label_edits.with_edit(self.session.label_edits, d["fid"],
                                                    at=self._lonlat(pos - d["offset"]), hidden=False)
        elif d["what"] == "draw":
            draft = self._drawn(d, pos, shift)
            self._notes = (*self.session.annotations, draft) if draft is not None else None
        self.canvas.update()
        return True

    def mouse_release(self, event: QMouseEvent) -> bool:
        d = self._drag
        if event.button() != Qt.MouseButton.LeftButton or d is None:
            return False
        pos = event.position()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self._drag = None
        notes, edits = self._notes, self._edits
        self._notes = self._edits = None
        if d["what"] in ("move", "handle") and notes is not None:
            self._commit(notes, self.tr("Move annotation") if d["what"] == "move" else self.tr("Reshape annotation"))
        elif d["what"] == "label":
            if d["moved"] and edits is not None:
                self.move_label(d["fid"], edits[d["fid"]].at)
            else:
                self.session.doc.select(d["fid"])  # a click on a label selects its feature
        elif d["what"] == "draw":
            self._finish_draw(d, pos, shift)
        self.canvas.update()
        return True

    def double_click(self, event: QMouseEvent) -> bool:
        if self.tool == "polygon":
            self.finish_polygon()
            return True
        if self.tool == "select":
            a = self.annotation_at(event.position())
            if a is not None:
                self.select(a.id)
                self.edit_requested.emit(a.id)
                return True
        return False

    def key_press(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selected:
            return self.delete()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.tool == "polygon":
            self.finish_polygon()
            return True
        if key == Qt.Key.Key_Escape and (self.tool != "select" or self.selected or self._drag):
            self.set_tool("select")
            self.select(None)
            return True
        return False

    # -- drawing
    def _new(self, kind: str, points, **kw) -> Annotation | None:
        try:
            return make(kind, points, color=self.color if kind not in ("callout", "distance") else "#111111", **kw)
        except AnnotationError:
            return None

    def _drawn(self, d: dict, pos: QPointF, shift: bool) -> Annotation | None:
        start, end = d["start"], self._lonlat(pos)
        if (pos - d["from"]).manhattanLength() <= CLICK_PX and self.tool not in ("marker", "callout"):
            return None
        tool = self.tool
        if tool in ("arrow", "line"):
            return self._new("line", [start, end], curve=0.0 if shift else CURVE, heads="end" if tool == "arrow"
                             else "none")
        if tool == "distance":
            return self._new("distance", [start, end])
        if tool == "circle":
            return self._new("area", [start], shape="circle", radius_km=max(0.01, round(circle_radius_km(start, end),
                                                                                        3)))
        if tool == "rectangle":
            return self._new("area", [start, end], shape="rectangle")
        return None

    def _finish_draw(self, d: dict, pos: QPointF, shift: bool) -> None:
        tool = self.tool
        if tool in ("marker", "callout"):
            text = Text("Text", "نص") if tool == "callout" else Text()
            a = self._new(tool, [self._lonlat(pos)], text=text)
            if a is None:
                return
            self.add(a, self.tr("Add a marker") if tool == "marker" else self.tr("Add a text"))
            self.set_tool("select")
            self.edit_requested.emit(a.id)
            return
        a = self._drawn(d, pos, shift)
        if a is not None:
            names = {"arrow": self.tr("Draw an arrow"), "line": self.tr("Draw a line"),
                     "distance": self.tr("Measure a distance"), "circle": self.tr("Draw a circle"),
                     "rectangle": self.tr("Draw a rectangle")}
            self.add(a, names.get(tool, self.tr("Draw")))
            self.set_tool("select")

    def _preview_polygon(self, pos: QPointF) -> None:
        pts = [*self._poly, self._lonlat(pos)]
        draft = None
        try:
            if len(pts) >= 3:
                draft = make("area", pts, color=self.color)
            elif len(pts) == 2:
                draft = make("line", pts, color=self.color, heads="none", dash="dashed")
        except AnnotationError:
            draft = None
        self._notes = (*self.session.annotations, draft) if draft is not None else None
        self.canvas.update()

    def finish_polygon(self) -> bool:
        pts = list(dict.fromkeys(self._poly))  # a double-click adds its point twice
        self._poly = []
        self._notes = None
        a = self._new("area", pts) if len(pts) >= 3 else None
        if a is not None:
            self.add(a, self.tr("Draw an area"))
        self.set_tool("select")
        return a is not None

    # -- move and reshape (screen geometry back to lon/lat)
    def _moved(self, a: Annotation, d: QPointF) -> Annotation | None:
        try:
            return a.with_points(self._lonlat(self._screen(p) + d) for p in a.points)
        except AnnotationError:
            return None

    def _reshaped(self, a: Annotation, key: tuple, pos: QPointF, shift: bool) -> Annotation | None:
        try:
            if key[0] == "pt":
                pts = list(a.points)
                pts[key[1]] = self._lonlat(pos)
                return a.with_points(pts)
            if key[0] == "radius":
                return replace(a, radius_km=max(0.01, round(circle_radius_km(a.points[0], self._lonlat(pos)), 3)))
            if key[0] == "curve":
                if shift:
                    return replace(a, curve=0.0)
                p0, p1 = (self._screen(p) for p in a.points)
                mx, my = (p0.x() + p1.x()) / 2, (p0.y() + p1.y()) / 2
                cx, cy = 2 * pos.x() - mx, 2 * pos.y() - my  # the control point whose curve passes through pos
                nx, ny = p1.y() - p0.y(), -(p1.x() - p0.x())
                n2 = nx * nx + ny * ny
                if n2 <= 0:
                    return None
                curve = ((cx - mx) * nx + (cy - my) * ny) / n2
                return replace(a, curve=round(max(-1.0, min(1.0, curve)), 3))
        except AnnotationError:
            return None
        return None

    # -- the selection's handles
    def paint(self, painter: QPainter, state) -> None:
        if self.selected is None:
            return
        p = next((x for x in annotation_layer.layout(state, self.canvas.options.ui_scale)
                  if x.a.id == self.selected), None)
        if p is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        box = QRectF()
        for r in p.boxes():
            box = box.united(r)
        if not p.path.isEmpty():
            box = box.united(p.path.boundingRect())
        pen = QPen(QColor("#1f6fd1"), 1.0, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(box.adjusted(-4, -4, 4, 4))
        painter.setPen(QPen(QColor("#1f6fd1"), 1.5))
        for key, q in annotation_layer.handles(p, self._vp()):
            painter.setBrush(QColor("#ffffff") if key[0] == "pt" else QColor("#ffd866"))
            if key[0] == "curve":
                painter.drawEllipse(q, 5.0, 5.0)
            else:
                painter.drawRect(QRectF(q.x() - 4.5, q.y() - 4.5, 9, 9))
        painter.restore()

    # -- right click
    def context_menu(self, event) -> None:
        menu = self.menu_for(QPointF(event.pos()))
        if menu is not None and not menu.isEmpty():
            menu.exec(event.globalPos())

    def menu_for(self, pos: QPointF) -> QMenu | None:
        """The context menu at ``pos``: an annotation's, a map label's, or a feature's label edits."""
        menu = QMenu(self.canvas)
        a = self.annotation_at(pos)
        if a is not None:
            self.select(a.id)
            menu.addAction(self.tr("Edit…"), lambda: self.edit_requested.emit(a.id))
            menu.addAction(self.tr("Bring to front"), lambda: self.reorder(a.id, len(self.session.annotations)))
            menu.addAction(self.tr("Send to back"), lambda: self.reorder(a.id, -len(self.session.annotations)))
            menu.addSeparator()
            menu.addAction(self.tr("Delete"), lambda: self.delete(a.id))
            return menu
        fid = self.label_at(pos)
        if fid is None:
            vp = self._vp()
            x, y = vp.to_world(pos.x(), pos.y())
            f = self.session.doc.pick(x, y, 6.0 * vp.m_per_px)
            fid = f.id if f is not None else None
            if fid is not None:
                menu.addAction(self.tr("Show its label always"), lambda: self.force_label(fid))
        if fid is not None:
            edit = self.session.label_edits.get(fid)
            if not (edit and edit.hidden):
                menu.addAction(self.tr("Hide this label"), lambda: self.hide_label(fid))
            menu.addAction(self.tr("Change the label's text…"), lambda: self.label_text_requested.emit(fid))
            if edit is not None:
                menu.addAction(self.tr("Reset the label to automatic"), lambda: self.reset_label(fid))
        if self.session.label_edits:
            menu.addSeparator()
            menu.addAction(self.tr("Reset all label edits"), self.reset_all_labels)
        return menu

