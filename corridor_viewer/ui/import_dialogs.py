"""Small dialogs for what users add: a new layer's style (and how a project keeps it), new articles' titles
and dates. They edit plain data (model styles, strings); the file controller applies it to the model."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from corridor_viewer.io.articles import normalise_published
from corridor_viewer.model.feature import Layer
from corridor_viewer.model.style import LayerStyle
from corridor_viewer.model.user_layers import DASHES, MARKER_SHAPES, style_choices, user_style
from corridor_viewer.render.legend import swatch_image


class ColorButton(QPushButton):
    """A button showing a colour; clicking it opens the colour picker."""

    def __init__(self, color: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.color = color
        self.clicked.connect(self._pick)
        self._show()

    def _pick(self) -> None:
        c = QColorDialog.getColor(QColor(self.color), self, self.tr("Choose a colour"))
        if c.isValid():
            self.color = c.name()
            self._show()
            self.changed()

    def changed(self) -> None:  # replaced by the dialog
        pass

    def _show(self) -> None:
        pix = QPixmap(28, 14)
        pix.fill(QColor(self.color))
        self.setIcon(QIcon(pix))
        self.setText(self.color)


class LayerStyleDialog(QDialog):
    """Style a user's layer: colours, width, dash, opacity, marker, labels; and copy-in or refer-to-file."""

    def __init__(self, kind: str, title: str, style: LayerStyle, feature_count: int, ask_mode: bool = False,
                 copy_by_default: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.feature_count = feature_count
        self.setWindowTitle(self.tr("Layer style"))
        c = style_choices(style, kind)
        self.title_edit = QLineEdit(title)
        self.fill = ColorButton(c["fill"])
        self.stroke = ColorButton(c["stroke"])
        self.width = QDoubleSpinBox()
        self.width.setRange(0.0, 20.0)
        self.width.setSingleStep(0.5)
        self.width.setValue(c["width"])
        self.dash = QComboBox()
        dash_names = {"solid": self.tr("solid"), "dashed": self.tr("dashed"), "dotted": self.tr("dotted"),
                      "dash-dot": self.tr("dash-dot")}
        for key in DASHES:
            self.dash.addItem(dash_names[key], key)
        self.dash.setCurrentIndex(max(0, self.dash.findData(c["dash"])))
        self.opacity = QSpinBox()
        self.opacity.setRange(5, 100)
        self.opacity.setSuffix(" %")
        self.opacity.setValue(round(c["opacity"] * 100))
        self.fill_opacity = QSpinBox()
        self.fill_opacity.setRange(0, 100)
        self.fill_opacity.setSuffix(" %")
        self.fill_opacity.setValue(round(c["fill_opacity"] * 100))
        self.marker = QComboBox()
        shape_names = {"circle": self.tr("circle"), "square": self.tr("square"), "diamond": self.tr("diamond")}
        for key in MARKER_SHAPES:
            self.marker.addItem(shape_names[key], key)
        self.marker.setCurrentIndex(max(0, self.marker.findData(c["marker"])))
        self.marker_size = QDoubleSpinBox()
        self.marker_size.setRange(2.0, 30.0)
        self.marker_size.setValue(c["marker_size"])
        self.labels = QCheckBox(self.tr("Show names on the map"))
        self.labels.setChecked(c["labels"])
        self.preview = QLabel()
        self.preview.setMinimumHeight(40)
        form = QFormLayout()
        form.addRow(self.tr("Name in the Layers panel"), self.title_edit)
        if kind == "point":
            form.addRow(self.tr("Marker"), self.marker)
            form.addRow(self.tr("Marker size"), self.marker_size)
            form.addRow(self.tr("Marker colour"), self.fill)
        else:
            if kind == "polygon":
                form.addRow(self.tr("Fill"), self.fill)
                form.addRow(self.tr("Fill opacity"), self.fill_opacity)
            form.addRow(self.tr("Line colour"), self.stroke)
            form.addRow(self.tr("Line width"), self.width)
            form.addRow(self.tr("Line style"), self.dash)
        form.addRow(self.tr("Opacity"), self.opacity)
        form.addRow("", self.labels)
        form.addRow(self.tr("Preview"), self.preview)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        self.copy_radio = QRadioButton(self.tr("Copy the features into the project file (it works anywhere)"))
        self.ref_radio = QRadioButton(self.tr("Refer to this file (the project stays small; keep the file)"))
        (self.copy_radio if copy_by_default else self.ref_radio).setChecked(True)
        if ask_mode:
            lay.addWidget(QLabel(self.tr("When you save the project:")))
            lay.addWidget(self.copy_radio)
            lay.addWidget(self.ref_radio)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        for w in (self.width, self.marker_size):
            w.valueChanged.connect(self._refresh)
        for w in (self.opacity, self.fill_opacity):
            w.valueChanged.connect(self._refresh)
        for w in (self.dash, self.marker):
            w.currentIndexChanged.connect(self._refresh)
        self.fill.changed = self.stroke.changed = self._refresh
        self._refresh()

    def style(self) -> LayerStyle:
        return user_style(self.kind, self.fill.color, fill=self.fill.color, stroke=self.stroke.color,
                          width=self.width.value(), dash=self.dash.currentData(),
                          opacity=self.opacity.value() / 100, fill_opacity=self.fill_opacity.value() / 100,
                          marker=self.marker.currentData(), marker_size=self.marker_size.value(),
                          labels=self.labels.isChecked())

    def title(self) -> str:
        return self.title_edit.text().strip()

    def mode(self) -> str:
        return "copy" if self.copy_radio.isChecked() else "reference"

    def _refresh(self, *_args) -> None:
        from corridor_viewer.model.feature import Feature, Geometry

        shapes = {"point": Geometry("point", [[[(0.0, 0.0)]]], (0, 0, 0, 0)),
                  "line": Geometry("line", [[[(0.0, 0.0), (1.0, 0.0)]]], (0, 0, 1, 0)),
                  "polygon": Geometry("polygon", [[[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)]]], (0, 0, 1, 1))}
        layer = Layer("preview", {}, self.style(), 0, "", [Feature("p", "preview", {}, shapes[self.kind])])
        self.preview.setPixmap(QPixmap.fromImage(swatch_image(layer, 56, 28, self.devicePixelRatioF())))


class ArticlesDialog(QDialog):
    """Check the title and enter the date of each new article before it is added and linked."""

    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        """rows: (file name, title, date)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add articles"))
        self.resize(720, 360)
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Title"), self.tr("Date (YYYY-MM-DD)")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for r, (name, title, date) in enumerate(rows):
            item = QTableWidgetItem(name)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, 0, item)
            self.table.setItem(r, 1, QTableWidgetItem(title))
            self.table.setItem(r, 2, QTableWidgetItem(date))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Each article gets a catalog entry. Check the titles and enter the dates "
                                     "(they order the passages, newest first). A date may be left empty.")))
        lay.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def entries(self) -> list[tuple[str, str]]:
        """(title, date) per row; raises ValueError naming the row of a bad date."""
        out = []
        for r in range(self.table.rowCount()):
            title = (self.table.item(r, 1).text() if self.table.item(r, 1) else "").strip()
            date = self.table.item(r, 2).text() if self.table.item(r, 2) else ""
            try:
                out.append((title, normalise_published(date)))
            except ValueError as exc:
                raise ValueError(f"{self.table.item(r, 0).text()}: {exc}") from exc
        return out

    def accept(self) -> None:
        try:
            self.entries()
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Check the dates"), str(exc))
            return
        super().accept()
