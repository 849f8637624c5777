"""Small dialogs for what users add: a new layer's style (and how a project keeps it), new articles' titles
and dates. They edit plain data (model styles, strings); the file controller applies it to the model."""

from __future__ import annotations

from types import MappingProxyType

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
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


class DateField(QWidget):
    """A publication date as news gives it: a day, only a month, only a year, or no date at all.

    A calendar (QDateEdit) for the date and a choice of how much of it is known, so a partial date
    ("2024-05", "2024") is entered as such instead of being padded into a false day.
    """

    PRECISIONS = ("day", "month", "year", "none")
    FORMATS = MappingProxyType({"day": "yyyy-MM-dd", "month": "yyyy-MM", "year": "yyyy", "none": "yyyy-MM-dd"})

    def __init__(self, value: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.precision = QComboBox()
        labels = {"day": self.tr("Day"), "month": self.tr("Month only"), "year": self.tr("Year only"),
                  "none": self.tr("No date")}
        for key in self.PRECISIONS:
            self.precision.addItem(labels[key], key)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setMinimumDate(QDate(1800, 1, 1))
        self.edit.setMaximumDate(QDate(2200, 12, 31))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.precision)
        self.precision.currentIndexChanged.connect(self._shown)
        self.set_value(value)

    def set_value(self, value: str) -> None:
        """Show an ISO date, possibly partial; anything else (or "") shows as "No date"."""
        try:
            value = normalise_published(value)
        except ValueError:
            value = ""
        parts = [int(p) for p in value.split("-")] if value else []
        kind = ("none", "year", "month", "day")[len(parts)]
        if parts:
            self.edit.setDate(QDate(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1))
        else:
            self.edit.setDate(QDate.currentDate())
        self.precision.setCurrentIndex(self.PRECISIONS.index(kind))
        self._shown()

    def _shown(self, *_args) -> None:
        kind = self.precision.currentData()
        self.edit.setDisplayFormat(self.FORMATS[kind])
        self.edit.setEnabled(kind != "none")

    def value(self) -> str:
        """The date as the project stores it: "YYYY-MM-DD", "YYYY-MM", "YYYY" or "" (no date)."""
        kind, d = self.precision.currentData(), self.edit.date()
        if kind == "none":
            return ""
        if kind == "year":
            return f"{d.year():04d}"
        if kind == "month":
            return f"{d.year():04d}-{d.month():02d}"
        return f"{d.year():04d}-{d.month():02d}-{d.day():02d}"


class ArticlesDialog(QDialog):
    """Check the title and the date of each new article before it is added and linked. The date is the
    one found in the file (HTML metadata, or a dateline under the headline: io/article_dates), editable;
    the last column says where it was found."""

    def __init__(self, rows: list[tuple], parent: QWidget | None = None) -> None:
        """rows: (file name, title, date[, where the date was found])."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add articles"))
        self.resize(900, 380)
        self.table = QTableWidget(len(rows), 4)
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Title"), self.tr("Published"),
                                              self.tr("Date found in")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.dates: list[DateField] = []
        for r, row in enumerate(rows):
            name, title, date = row[:3]
            basis = row[3] if len(row) > 3 else ""
            item = QTableWidgetItem(name)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, 0, item)
            self.table.setItem(r, 1, QTableWidgetItem(title))
            field = DateField(date)
            self.dates.append(field)
            self.table.setCellWidget(r, 2, field)
            found = QTableWidgetItem(self._basis(basis) if date else self.tr("not found: enter it, or leave no date"))
            found.setFlags(found.flags() & ~Qt.ItemFlag.ItemIsEditable)
            found.setToolTip(basis)
            self.table.setItem(r, 3, found)
        self.table.resizeColumnToContents(2)
        self.table.setColumnWidth(3, 260)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Each article gets a catalog entry. Check the titles and the dates (they order "
                                     "the passages and count the mentions per month). An article may have no date.")))
        lay.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def _basis(self, basis: str) -> str:
        """Where a date was found, in the UI language: the page's metadata, or a line of the text."""
        if basis.startswith(("<meta", "<time", "JSON-LD")):
            return self.tr("the page's metadata: %1").replace("%1", basis)
        if basis.startswith("line "):
            number, _, line = basis[5:].partition(": ")
            return self.tr("line %1 of the text: %2").replace("%1", number).replace("%2", line)
        return basis

    def entries(self) -> list[tuple[str, str]]:
        """(title, date) per row; raises ValueError naming the row of a bad date."""
        out = []
        for r in range(self.table.rowCount()):
            title = (self.table.item(r, 1).text() if self.table.item(r, 1) else "").strip()
            try:
                out.append((title, normalise_published(self.dates[r].value())))
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
