"""The Terrain tint: an image layer, on by default, drawn only when the map shows the region."""

from __future__ import annotations

import json
import shutil

import pytest
from PySide6.QtGui import QImage, QPainter

from corridor_viewer.io.geodata import GeodataError, load_document
from corridor_viewer.model.viewport import Viewport
from corridor_viewer.render.paint import paint
from corridor_viewer.resources import geodata_dir


def _image(state) -> QImage:
    vp = state.viewport
    img = QImage(int(vp.width), int(vp.height), QImage.Format.Format_ARGB32_Premultiplied)
    p = QPainter(img)
    try:
        paint(state, p)
    finally:
        p.end()
    return img


def _darkness(img: QImage) -> float:
    step = 7
    total = n = 0
    for y in range(0, img.height(), step):
        for x in range(0, img.width(), step):
            c = img.pixelColor(x, y)
            total += 765 - (c.red() + c.green() + c.blue())
            n += 1
    return total / n


def test_terrain_is_a_layer_on_by_default(qapp, doc):
    layer = next(lay for lay in doc.layers if lay.id == "terrain")
    assert layer.raster is not None and layer.visible and not layer.features
    z = {lay.id: lay.z for lay in doc.layers}
    assert z["countries"] < z["terrain"] < z["water"]  # over the land fills, under the seas and lakes


def test_not_drawn_at_the_home_view_and_drawn_over_the_region(qapp, doc):
    home = doc.map_state(Viewport.for_bounds(doc.home_bounds, 900))
    assert home.viewport.m_per_px < 1000
    without = home.with_layers_visible({lv.id for lv in home.layers if lv.id != "terrain"})
    assert _image(home) == _image(without)  # its 3 km pixels would only blur the close-up
    wide = doc.map_state(Viewport.for_bounds(doc.data_bounds, 900))
    assert wide.viewport.m_per_px > 1000
    flat = wide.with_layers_visible({lv.id for lv in wide.layers if lv.id != "terrain"})
    assert _darkness(_image(wide)) > _darkness(_image(flat)) + 3  # the shading darkens the land


def test_a_missing_image_is_a_clear_error(tmp_path):
    folder = tmp_path / "geodata"
    shutil.copytree(geodata_dir(), folder, ignore=shutil.ignore_patterns("*.png", "src", "*.py"))
    with pytest.raises(GeodataError, match=r"terrain\.png is missing"):
        load_document(folder)
    manifest = json.loads((folder / "layers.json").read_text(encoding="utf-8"))
    manifest["rasters"] = []
    (folder / "layers.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert "terrain" not in {lay.id for lay in load_document(folder).layers}
