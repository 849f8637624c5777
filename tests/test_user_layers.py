"""Users' layers in the model: adding and removing layers, their styles as validated data (headless)."""

from __future__ import annotations

import pytest

from corridor_viewer.io.importers import build_layer, import_geojson_data
from corridor_viewer.model.user_layers import PALETTE, style_choices, style_from_dict, style_to_dict, user_style

POINTS = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"name": "غوريس"}, "geometry": {"type": "Point", "coordinates": [46.34, 39.51]}},
    {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [46.4, 39.2]}}]}


def test_add_and_remove_a_layer_emit_one_event_each(doc):
    layer = build_layer(import_geojson_data(POINTS, "t"), "user-t", "Towns", user_style("point", PALETTE[0]), 500)
    events = []
    doc.layer_added.connect(lambda lid: events.append(("added", lid)))
    doc.layer_removed.connect(lambda lid: events.append(("removed", lid)))
    before = doc.map_state()
    doc.add_layer(layer)
    assert events == [("added", "user-t")] and doc.layers[-1] is layer
    assert before.feature("user-t/0") is None and len(before.layers) == len(doc.layers) - 1  # states stay as taken
    assert doc.feature("user-t/0").name("ar") == "غوريس" and doc.feature("user-t/0").label_anchor is not None
    assert doc.feature("user-t/1").label_anchor is None  # no name, no label
    with pytest.raises(ValueError, match="already exists"):
        doc.add_layer(layer)
    doc.select("user-t/0")
    doc.set_hover("user-t/0")
    assert doc.remove_layer("user-t") is layer
    assert doc.layer("user-t") is None and doc.feature("user-t/0") is None
    assert doc.selection == [] and doc.hover is None and events[-1] == ("removed", "user-t")
    assert doc.remove_layer("user-t") is None


def test_every_user_style_keeps_a_marker_for_points_in_mixed_layers():
    for kind in ("polygon", "line", "point"):
        s = user_style(kind, PALETTE[1], dash="dashed")
        assert s.base.marker is not None
        assert style_choices(s, kind)["dash"] == ("solid" if kind == "point" else "dashed")
    assert user_style("point", "#123456").base.marker.fill == "#123456"
    assert user_style("polygon", "#123456").base.fill == "#123456"
    assert user_style("line", "#123456", labels=False).labels is None


@pytest.mark.parametrize("patch,words", [
    ({"base": {"stroke": "red"}}, "stroke must be a colour"),
    ({"base": {"width": float("nan")}}, "width must be a number"),
    ({"base": {"opacity": 2}}, "opacity must be a number from 0 to 1"),
    ({"base": {"dash": [0, 0]}}, "all zeros"),
    ({"base": {"dash": "dotted"}}, "list of up to 8 numbers"),
    ({"base": {"marker": {"shape": "star"}}}, "marker.shape"),
    ({"labels": {"placement": "above"}}, "labels.placement"),
    ({"feature_styles": {"x": {"fill": "#12"}}}, "fill must be a colour"),
    ({"kind_markers": {"town": {"evil": 1}}}, "unknown marker field"),
    ({"base": []}, "style.base must be an object"),
])
def test_damaged_styles_are_refused_with_the_field_named(patch, words):
    d = style_to_dict(user_style("point", PALETTE[0]))
    for key, value in patch.items():
        d[key] = {**d[key], **value} if isinstance(value, dict) and isinstance(d.get(key), dict) else value
    with pytest.raises(ValueError, match=words):
        style_from_dict(d)
