"""Layers dock: visibility, legend swatch, opacity, and the features of each layer."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QHeaderView, QSlider, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from corridor_viewer.model.document import Document
from corridor_viewer.render.legend import swatch_image
from corridor_viewer.ui.bind import listen

LAYER_ROLE = Qt.ItemDataRole.UserRole
FEATURE_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_LISTED = 2000


class LayersPanel(QWidget):
    zoom_requested = Signal(str)  # feature id

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.tree.header().resizeSection(1, 64)
        self.tree.header().setStretchLastSection(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tree)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._sliders: dict[str, QSlider] = {}
        self.rebuild()
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.itemDoubleClicked.connect(self._on_double_click)
        self.tree.currentItemChanged.connect(self._on_current)
        listen(self, doc.visibility_changed, lambda lid, _v: self.sync_layer(lid))
        listen(self, doc.opacity_changed, lambda lid, _o: self.sync_layer(lid))
        # A layer added, removed or restyled (imports, projects) needs new rows and swatches.
        listen(self, doc.layer_added, lambda _lid: self.rebuild())
        listen(self, doc.layer_removed, lambda _lid: self.rebuild())
        listen(self, doc.style_changed, lambda _lid: self.rebuild())
        listen(self, doc.language_changed, lambda _l: self.rebuild())
        listen(self, doc.selection_changed, self._on_selection)

    def rebuild(self) -> None:
        lang = self.doc.language
        self.tree.blockSignals(True)
        self.tree.clear()
        self._items.clear()
        self._sliders.clear()
        self.tree.setHeaderLabels([self.tr("Layer"), self.tr("Opacity")])
        dpr = self.devicePixelRatioF()
        # Top of the list = top of the map, as in QGIS.
        for layer in reversed(self.doc.layers):
            item = QTreeWidgetItem([layer.title_for(lang), ""])
            item.setData(0, LAYER_ROLE, layer.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if layer.visible else Qt.CheckState.Unchecked)
            item.setIcon(0, QIcon(QPixmap.fromImage(swatch_image(layer, dpr=dpr))))
            item.setToolTip(0, self.tr("Shaded relief: drawn when the map shows the whole region")
                            if layer.raster is not None else self.tr("%n feature(s)", "", len(layer.features)))
            # A user's layer may hold 10^5 features: the panel lists the first ones, the map shows all.
            for f in sorted(layer.features[:MAX_LISTED], key=lambda f: f.name(lang)):
                child = QTreeWidgetItem([f.name(lang), ""])
                child.setData(0, FEATURE_ROLE, f.id)
                child.setToolTip(0, self.tr("Double-click to zoom to this feature"))
                item.addChild(child)
            if len(layer.features) > MAX_LISTED:
                more = QTreeWidgetItem([self.tr("… and %n more", "", len(layer.features) - MAX_LISTED)])
                more.setFlags(Qt.ItemFlag.NoItemFlags)
                item.addChild(more)
            self.tree.addTopLevelItem(item)
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(0, 100)
            slider.setValue(round(layer.opacity * 100))
            slider.setAccessibleName(self.tr("Opacity of %1").replace("%1", layer.title_for(lang)))
            slider.valueChanged.connect(lambda v, lid=layer.id: self.doc.set_opacity(lid, v / 100))
            self.tree.setItemWidget(item, 1, slider)
            self._items[layer.id] = item
            self._sliders[layer.id] = slider
        self.tree.blockSignals(False)

    def sync_layer(self, lid: str) -> None:
        """Show a layer's visibility and opacity as the model has them, without writing back."""
        layer, item = self.doc.layer(lid), self._items.get(lid)
        if layer is None or item is None:
            return
        self.tree.blockSignals(True)
        item.setCheckState(0, Qt.CheckState.Checked if layer.visible else Qt.CheckState.Unchecked)
        s = self._sliders[lid]
        s.blockSignals(True)
        s.setValue(round(layer.opacity * 100))
        s.blockSignals(False)
        self.tree.blockSignals(False)

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        lid = item.data(0, LAYER_ROLE)
        if lid and column == 0:
            self.doc.set_visible(lid, item.checkState(0) == Qt.CheckState.Checked)

    def _on_double_click(self, item: QTreeWidgetItem, _column: int) -> None:
        fid = item.data(0, FEATURE_ROLE)
        if fid:
            self.doc.select(fid)
            self.zoom_requested.emit(fid)

    def _on_current(self, item: QTreeWidgetItem | None, _prev) -> None:
        if item is not None and item.data(0, FEATURE_ROLE):
            self.doc.select(item.data(0, FEATURE_ROLE))

    def _on_selection(self, ids: list[str]) -> None:
        if not ids:
            return
        f = self.doc.feature(ids[0])
        parent = self._items.get(f.layer_id) if f else None
        if parent is None:
            return
        for i in range(parent.childCount()):
            child = parent.child(i)
            if child.data(0, FEATURE_ROLE) == ids[0]:
                self.tree.blockSignals(True)
                self.tree.setCurrentItem(child)
                self.tree.blockSignals(False)
                self.tree.scrollToItem(child)
                break
