"""Export dialog (Ctrl+E): publication settings with a live preview; remembers the last choices."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from corridor_viewer.export.compose import Quote, compose
from corridor_viewer.model.export_settings import FORMATS, PRESETS, ExportError, ExportSettings
from corridor_viewer.model.mapstate import MapState
from corridor_viewer.model.session import Session

PREVIEW_W = 560


def render_preview(state: MapState, s: ExportSettings, quote: Quote | None, width: int) -> QImage:
    """The page as it will be exported, drawn at thumbnail size (same layout, scaled painter)."""
    w, h, _ = s.pixel_size()
    scale = width / w
    img = QImage(width, max(1, round(h * scale)), QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(0xFFC8C8C8 if s.transparent else 0xFFFFFFFF)  # a transparent page shows as grey
    p = QPainter(img)
    try:  # ended whatever happens: a painter left open on a dying image kills the process
        p.scale(scale, scale)
        compose(state, s, p, w, h, vector=False, quote=quote)
    finally:
        p.end()
    return img


class ExportDialog(QDialog):
    def __init__(self, session: Session, state_provider: Callable[[], MapState],
                 quote_provider: Callable[[], Quote | None], parent: QWidget | None = None, history=None) -> None:
        super().__init__(parent)
        self.session = session
        self.history = history  # ui.undo.EditHistory: a changed house style is an undoable edit
        self.doc = doc = session.doc
        self.state_provider = state_provider  # the map as the export shows it: the main view, as a value
        self.quote_provider = quote_provider
        self.setWindowTitle(self.tr("Export map"))
        s = session.export_settings
        form = QFormLayout()
        self.title = QLineEdit(s.title)
        self.subtitle = QLineEdit(s.subtitle)
        self.credit = QLineEdit(s.credit)
        self.credit.setPlaceholderText(self.tr("Default: the data sources and Corridor Viewer"))
        self.date = QLineEdit(s.date)
        self.language = QComboBox()
        self.language.addItem("English", "en")
        self.language.addItem("العربية", "ar")
        self.preset = QComboBox()
        for key, p in PRESETS.items():
            self.preset.addItem(p.title_ar if doc.language == "ar" else p.title_en, key)
        self.preset.addItem(self.tr("Custom size"), "custom")
        self.custom_w = QDoubleSpinBox(decimals=0, minimum=1, maximum=12000, value=s.custom_width)
        self.custom_h = QDoubleSpinBox(decimals=0, minimum=1, maximum=12000, value=s.custom_height)
        self.unit = QComboBox()
        self.unit.addItem("px", "px")
        self.unit.addItem("mm", "mm")
        self.dpi = QSpinBox(minimum=30, maximum=1200, value=s.dpi)
        custom = QWidget()
        row = QHBoxLayout(custom)
        row.setContentsMargins(0, 0, 0, 0)
        for wdg in (self.custom_w, QLabel("×"), self.custom_h, self.unit):
            row.addWidget(wdg)
        self.format = QComboBox()
        for fmt in FORMATS:
            self.format.addItem(fmt.upper(), fmt)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Subtitle"), self.subtitle)
        form.addRow(self.tr("Source / credit"), self.credit)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Map language"), self.language)
        form.addRow(self.tr("Size"), self.preset)
        form.addRow(self.tr("Custom size"), custom)
        form.addRow(self.tr("Resolution (dpi)"), self.dpi)
        form.addRow(self.tr("Format"), self.format)
        self.frame = QComboBox()
        self.frame.addItem(self.tr("The map as it is on screen"), "view")
        self.frame.addItem(self.tr("The selection in context"), "selection")
        form.addRow(self.tr("Frame"), self.frame)
        self.corner = QComboBox()
        for key, text in (("auto", self.tr("Where it hides least")), ("tl", self.tr("Top left")),
                          ("tr", self.tr("Top right")), ("bl", self.tr("Bottom left")),
                          ("br", self.tr("Bottom right"))):
            self.corner.addItem(text, key)
        form.addRow(self.tr("Inset corner"), self.corner)
        self.digits = QComboBox()
        self.digits.addItem(self.tr("Western digits (0-9)"), "western")
        self.digits.addItem(self.tr("Arabic-Indic digits (٠-٩)"), "arabic-indic")
        form.addRow(self.tr("Digits in Arabic"), self.digits)
        # House style: the outlet's fonts, colours, logo and credit; chosen here and remembered.
        self._house = dict(s.house)
        self.style = QComboBox()
        self._fill_styles(s)
        self.style_file = QPushButton(self.tr("Style file…"))
        self.style_file.clicked.connect(lambda: self.load_style_file())
        style_row = QWidget()
        srow = QHBoxLayout(style_row)
        srow.setContentsMargins(0, 0, 0, 0)
        srow.addWidget(self.style, 1)
        srow.addWidget(self.style_file)
        form.addRow(self.tr("House style"), style_row)
        self.logo_corner = QComboBox()
        for key, text in (("auto", self.tr("The style's corner")), ("tl", self.tr("Top left")),
                          ("tr", self.tr("Top right")), ("bl", self.tr("Bottom left")),
                          ("br", self.tr("Bottom right"))):
            self.logo_corner.addItem(text, key)
        form.addRow(self.tr("Logo corner"), self.logo_corner)
        self.scale = QComboBox()
        for n in (1, 2, 3):
            self.scale.addItem(f"×{n}", n)
        self.scale.setToolTip(self.tr("PNG: two or three times the pixels, the same layout (retina, broadcast)"))
        form.addRow(self.tr("Pixel scale"), self.scale)
        self.transparent = QCheckBox(self.tr("Transparent background (PNG, SVG)"))
        self.transparent.setChecked(s.transparent)
        form.addRow("", self.transparent)
        include = QGroupBox(self.tr("Include"))
        inc = QVBoxLayout(include)
        self.checks = {
            "legend": QCheckBox(self.tr("Legend of the visible layers")),
            "scale_bar": QCheckBox(self.tr("Scale bar")),
            "north_arrow": QCheckBox(self.tr("North arrow")),
            "inset": QCheckBox(self.tr("Locator inset")),
            "highlight": QCheckBox(self.tr("Highlight the selected feature")),
            "quote": QCheckBox(self.tr("Quote box with the selected passage")),
        }
        for key, box in self.checks.items():
            box.setChecked(getattr(s, key))
            inc.addWidget(box)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(include)
        left.addStretch(1)
        self.preview = QLabel()
        self.preview.setMinimumSize(PREVIEW_W, 320)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.preview.setStyleSheet("background:#8a8a8a;")
        self.status = QLabel()
        self.status.setWordWrap(True)
        right = QVBoxLayout()
        right.addWidget(self.preview, 1)
        right.addWidget(self.status)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addLayout(right, 1)
        buttons = QDialogButtonBox()
        self.export_button = QPushButton(self.tr("Export…"))
        self.copy_button = QPushButton(self.tr("Copy image"))
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.export_to_file)
        self.copy_button.clicked.connect(self.copy_image)
        outer = QVBoxLayout(self)
        outer.addLayout(body, 1)
        outer.addWidget(buttons)
        self._set_combo(self.language, s.language)
        self._set_combo(self.preset, s.preset)
        self._set_combo(self.unit, s.custom_unit)
        self._set_combo(self.format, s.format)
        self._set_combo(self.frame, s.frame)
        self._set_combo(self.corner, s.inset_corner)
        self._set_combo(self.digits, s.digits)
        self._set_combo(self.logo_corner, s.logo_corner)
        self._set_combo(self.scale, s.scale)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.update_preview)
        for wdg in (self.title, self.subtitle, self.credit, self.date):
            wdg.textChanged.connect(self._changed)
        for wdg in (self.language, self.preset, self.unit, self.format, self.frame, self.corner, self.digits,
                    self.logo_corner, self.scale):
            wdg.currentIndexChanged.connect(self._changed)
        self.style.currentIndexChanged.connect(self._style_chosen)
        self.transparent.toggled.connect(self._changed)
        for wdg in (self.custom_w, self.custom_h, self.dpi):
            wdg.valueChanged.connect(self._changed)
        for box in self.checks.values():
            box.toggled.connect(self._changed)
        self._changed()

    @staticmethod
    def _set_combo(combo: QComboBox, data: str) -> None:
        i = combo.findData(data)
        if i >= 0:
            combo.setCurrentIndex(i)

    def settings(self) -> ExportSettings:
        s = ExportSettings(title=self.title.text(), subtitle=self.subtitle.text(), credit=self.credit.text(),
                           date=self.date.text(), language=self.language.currentData(),
                           preset=self.preset.currentData(), custom_width=self.custom_w.value(),
                           custom_height=self.custom_h.value(), custom_unit=self.unit.currentData(),
                           dpi=self.dpi.value(), format=self.format.currentData(),
                           frame=self.frame.currentData(), inset_corner=self.corner.currentData(),
                           digits=self.digits.currentData(), style=self.style.currentData(),
                           house=dict(self._house) if self.style.currentData() == "custom" else {},
                           transparent=self.transparent.isChecked(), scale=self.scale.currentData(),
                           logo_corner=self.logo_corner.currentData())
        for key, box in self.checks.items():
            setattr(s, key, box.isChecked())
        return s

    # -- house styles
    def _fill_styles(self, s: ExportSettings) -> None:
        from corridor_viewer.io.house_styles import builtins
        from corridor_viewer.model.house_style import HouseStyle, HouseStyleError

        lang = self.doc.language
        self.style.blockSignals(True)
        self.style.clear()
        for hs in builtins():
            self.style.addItem(hs.name.for_lang(lang), hs.id)
        if self._house:
            try:
                name = HouseStyle.from_dict(self._house).name.for_lang(lang)
            except HouseStyleError:
                name = self.tr("Your style")
            self.style.addItem(name, "custom")
        self._set_combo(self.style, s.style if (s.style != "custom" or self._house) else "light")
        self.style.blockSignals(False)

    def load_style_file(self, path: Path | None = None) -> bool:
        """Choose a house style file (JSON with its logo beside it); it becomes the custom style."""
        from corridor_viewer.model.session import SessionError

        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("House style"), "",
                                                  self.tr("House style") + " (*.json *.cvstyle)")
            if not name:
                return False
            path = Path(name)
        try:
            hs = self.session.storage.read_style(Path(path))
        except SessionError as exc:
            QMessageBox.warning(self, self.tr("Cannot use this style"), str(exc))
            return False
        self._house = hs.to_dict()
        s = self.settings()
        s.style = "custom"
        self._fill_styles(s)
        self._style_chosen()
        return True

    def _style_chosen(self, *_args) -> None:
        """A style's default options (size, legend, inset …) are put in the dialog when it is chosen."""
        from corridor_viewer.io.house_styles import resolve

        hs = resolve(self.settings())
        for key, value in hs.defaults:
            if key in self.checks:
                self.checks[key].setChecked(bool(value))
            elif key == "preset":
                self._set_combo(self.preset, value)
            elif key == "transparent":
                self.transparent.setChecked(bool(value))
            elif key == "scale":
                self._set_combo(self.scale, value)
        self._changed()

    def _remember(self, s: ExportSettings) -> None:
        if self.history is not None:
            self.history.set_export_settings(s, self.tr("Change the export settings"))
        else:
            self.session.set_export_settings(s)

    def _state(self, s: ExportSettings) -> MapState:
        """The map to export: the view on screen, or the selection framed in its context."""
        state = self.state_provider()
        if s.frame == "selection" and self.doc.selection:
            from corridor_viewer.model.framing import in_context

            subject = [f for f in (self.doc.feature(fid) for fid in self.doc.selection) if f is not None]
            if subject:
                state = state.with_extent(in_context(subject, self.doc.features()))
        return state

    def _changed(self, *_args) -> None:
        custom = self.preset.currentData() == "custom"
        for wdg in (self.custom_w, self.custom_h, self.unit):
            wdg.setEnabled(custom)
        # The layout mirrors with the map language, as the export will.
        rtl = self.language.currentData() == "ar"
        for wdg in (self.title, self.subtitle, self.credit):
            wdg.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        self._timer.start()

    def _quote(self, s: ExportSettings) -> Quote | None:
        return self.quote_provider(s.language) if s.quote else None

    def update_preview(self) -> None:
        s = self.settings()
        try:
            w, h, dpi = s.pixel_size()
            img = render_preview(self._state(s), s, self._quote(s),
                                 min(self.preview.width() - 8, PREVIEW_W * 2))
        except ExportError as exc:
            self.status.setText(str(exc))
            self.export_button.setEnabled(False)
            return
        self.export_button.setEnabled(True)
        pm = QPixmap.fromImage(img)
        self.preview.setPixmap(pm.scaled(self.preview.size() * 0.98, Qt.AspectRatioMode.KeepAspectRatio,
                                         Qt.TransformationMode.SmoothTransformation))
        self.status.setText(self.tr("%1 × %2 px at %3 dpi").replace("%1", str(w)).replace("%2", str(h))
                            .replace("%3", str(dpi)))

    def export_to_file(self) -> None:
        s = self.settings()
        filters = {"png": "PNG (*.png)", "svg": "SVG (*.svg)", "pdf": "PDF (*.pdf)", "html": "HTML (*.html)"}
        base = (s.title.strip() or "corridor-map").replace("/", "-")[:60]
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export map"), f"{base}.{s.format}", filters[s.format])
        if not path:
            return
        if not Path(path).suffix:
            path += f".{s.format}"
        self.write(s, Path(path))

    def write(self, s: ExportSettings, path: Path) -> str | None:
        from corridor_viewer.export import export

        try:
            summary = export(s.format, self._state(s), s, path, quote=self._quote(s), links=self.doc.links)
        except (ExportError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Export failed"), str(exc))
            return None
        self._remember(s)
        self.status.setText(self.tr("Saved %1").replace("%1", f"{path.name}: {summary}"))
        return summary

    def copy_image(self) -> None:
        s = self.settings()
        copy_to_clipboard(self._state(s), s, self._quote(s))
        self._remember(s)
        self.status.setText(self.tr("Copied the map image to the clipboard"))


def copy_to_clipboard(state: MapState, s: ExportSettings, quote: Quote | None) -> QImage:
    from PySide6.QtWidgets import QApplication

    from corridor_viewer.export.static import render_image

    img = render_image(state, s, quote)
    QApplication.clipboard().setImage(img)
    return img
