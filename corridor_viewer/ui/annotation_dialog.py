"""The annotation editor dialog: texts in both languages, colour (the house palette or any), and the
options of its kind (icon, label direction, leader line, arrowheads, curve, dash, width, fill, radius…).

It edits a value and hands back a new one (``edited()``); the caller makes that one undo step.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QWidget,
)

from corridor_viewer.model.annotations import PALETTE, Annotation, AnnotationError, Text
from corridor_viewer.ui.annotations_panel import swatch


class AnnotationDialog(QDialog):
    def __init__(self, a: Annotation, palette: tuple[str, ...] = PALETTE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AnnotationDialog")
        self.original = a
        self._color = a.color
        kinds = {"marker": self.tr("Marker"), "callout": self.tr("Text"), "line": self.tr("Line or arrow"),
                 "distance": self.tr("Distance"), "area": self.tr("Area")}
        self.setWindowTitle(kinds.get(a.kind, a.kind))
        self.form = form = QFormLayout(self)
        self.name = QLineEdit(a.name)
        self.name.setPlaceholderText(self.tr("Shown in the Annotations list (default: its text)"))
        self.text_en = QPlainTextEdit(a.text.en)
        self.text_ar = QPlainTextEdit(a.text.ar)
        self.text_ar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        for box in (self.text_en, self.text_ar):
            box.setFixedHeight(64 if a.kind == "callout" else 40)
        form.addRow(self.tr("Text (English)"), self.text_en)
        form.addRow(self.tr("Text (Arabic)"), self.text_ar)
        form.addRow(self.tr("Name"), self.name)
        # Colour: the house palette, or any colour.
        colours = QWidget()
        row = QHBoxLayout(colours)
        row.setContentsMargins(0, 0, 0, 0)
        self.swatches = QButtonGroup(self)
        for c in dict.fromkeys(palette):
            b = QToolButton()
            b.setIcon(swatch(c))
            b.setCheckable(True)
            b.setChecked(c.lower() == a.color.lower())
            b.setToolTip(c)
            b.clicked.connect(lambda _=False, c=c: self._set_color(c))
            self.swatches.addButton(b)
            row.addWidget(b)
        self.custom = QPushButton(self.tr("Other colour…"))
        self.custom.clicked.connect(self._pick_color)
        row.addWidget(self.custom)
        row.addStretch(1)
        form.addRow(self.tr("Colour"), colours)
        self.size = QDoubleSpinBox(minimum=5, maximum=72, decimals=1, value=a.text_size, suffix=" pt")
        form.addRow(self.tr("Text size"), self.size)
        self.frame = self._combo([("halo", self.tr("On a halo")), ("box", self.tr("In a box"))], a.frame)
        form.addRow(self.tr("Text background"), self.frame)
        # Markers
        self.icon = self._combo([("dot", self.tr("Dot")), ("pin", self.tr("Pin")), ("star", self.tr("Star")),
                                 ("square", self.tr("Square")), ("number", self.tr("Numbered circle"))], a.icon)
        self.number = QSpinBox(minimum=0, maximum=999, value=a.number)
        self.direction = self._combo([("auto", self.tr("Automatic (after the marker)")), ("e", self.tr("East")),
                                      ("ne", self.tr("North-east")), ("n", self.tr("North")),
                                      ("nw", self.tr("North-west")), ("w", self.tr("West")),
                                      ("sw", self.tr("South-west")), ("s", self.tr("South")),
                                      ("se", self.tr("South-east"))], a.direction)
        self.leader = QCheckBox(self.tr("Set the label off with a leader line"))
        self.leader.setChecked(a.leader)
        # Lines, distances, areas
        self.heads = self._combo([("none", self.tr("None")), ("end", self.tr("At the end")),
                                  ("start", self.tr("At the start")), ("both", self.tr("At both ends"))], a.heads)
        self.curve = QDoubleSpinBox(minimum=-1, maximum=1, singleStep=0.05, decimals=2, value=a.curve)
        self.curve.setToolTip(self.tr("0 is straight; the sign says which side it bends to"))
        self.dash = self._combo([("solid", self.tr("Solid")), ("dashed", self.tr("Dashed")),
                                 ("dotted", self.tr("Dotted"))], a.dash)
        self.width = QDoubleSpinBox(minimum=0.5, maximum=24, singleStep=0.5, decimals=1, value=a.width, suffix=" px")
        self.decimals = self._combo([(-1, self.tr("Automatic (three figures)")), (0, self.tr("Whole kilometres")),
                                     (1, self.tr("One decimal"))], a.decimals)
        self.fill_opacity = QSpinBox(minimum=0, maximum=100, value=round(a.fill_opacity * 100), suffix=" %")
        self.radius = QDoubleSpinBox(minimum=0.01, maximum=3000, decimals=2, value=max(0.01, a.radius_km),
                                     suffix=" km")
        rows = {"marker": [(self.tr("Icon"), self.icon), (self.tr("Number"), self.number),
                           (self.tr("Label direction"), self.direction), ("", self.leader)],
                "line": [(self.tr("Arrowheads"), self.heads), (self.tr("Curve"), self.curve),
                         (self.tr("Dash"), self.dash), (self.tr("Width"), self.width)],
                "distance": [(self.tr("Arrowheads"), self.heads), (self.tr("Length shown"), self.decimals),
                             (self.tr("Dash"), self.dash), (self.tr("Width"), self.width)],
                "area": [(self.tr("Fill opacity"), self.fill_opacity), (self.tr("Outline"), self.dash),
                         (self.tr("Outline width"), self.width)]}.get(a.kind, [])
        if a.kind == "area" and a.shape == "circle":
            rows.append((self.tr("Radius"), self.radius))
        for label, w in rows:
            form.addRow(label, w) if label else form.addRow(w)
        self.problem = QLineEdit()
        self.problem.setReadOnly(True)
        self.problem.setVisible(False)
        self.problem.setStyleSheet("color:#b00020; border:0")
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @staticmethod
    def _combo(items, current) -> QComboBox:
        box = QComboBox()
        for data, text in items:
            box.addItem(text, data)
        i = box.findData(current)
        box.setCurrentIndex(max(0, i))
        return box

    def _set_color(self, c: str) -> None:
        self._color = c

    def _pick_color(self) -> None:
        c = QColorDialog.getColor(QColor(self._color), self, self.tr("Colour"))
        if c.isValid():
            self._color = c.name()
            for b in self.swatches.buttons():
                b.setChecked(False)

    def edited(self) -> Annotation:
        """The annotation as the dialog has it now (AnnotationError if a value is not allowed)."""
        a = self.original
        return replace(a, text=Text(self.text_en.toPlainText().strip(), self.text_ar.toPlainText().strip()),
                       name=self.name.text().strip(), color=self._color, text_size=self.size.value(),
                       frame=self.frame.currentData(), icon=self.icon.currentData(), number=self.number.value(),
                       direction=self.direction.currentData(), leader=self.leader.isChecked(),
                       heads=self.heads.currentData(), curve=round(self.curve.value(), 3),
                       dash=self.dash.currentData(), width=self.width.value(), decimals=self.decimals.currentData(),
                       fill_opacity=self.fill_opacity.value() / 100,
                       radius_km=self.radius.value() if a.kind == "area" and a.shape == "circle" else a.radius_km)

    def _accept(self) -> None:
        try:
            self.edited()
        except AnnotationError as exc:
            self.problem.setText(str(exc))
            self.problem.setVisible(True)
            return
        self.accept()


class LabelTextDialog(QDialog):
    """This map's text for a label, in both languages (empty: the feature's own name)."""

    def __init__(self, name: str, current: Text, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Label text for this map"))
        form = QFormLayout(self)
        self.en = QLineEdit(current.en)
        self.ar = QLineEdit(current.ar)
        self.ar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        for box in (self.en, self.ar):
            box.setPlaceholderText(name)
        form.addRow(self.tr("English"), self.en)
        form.addRow(self.tr("Arabic"), self.ar)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def text(self) -> Text:
        return Text(self.en.text().strip(), self.ar.text().strip())
