"""Headless model tests: viewport maths, hit testing, selection and events."""

import pytest

from corridor_viewer.model import projection
from corridor_viewer.model.events import Event
from corridor_viewer.model.viewport import Viewport


def test_viewport_round_trip_and_zoom_about_cursor():
    vp = Viewport(cx=1000.0, cy=-500.0, m_per_px=100.0, width=800, height=600)
    wx, wy = vp.to_world(123, 456)
    assert vp.to_screen(wx, wy) == pytest.approx((123, 456))
    vp.zoom_at(2.0, 123, 456)
    assert vp.m_per_px == 50.0
    assert vp.to_screen(wx, wy) == pytest.approx((123, 456))  # the point under the cursor stays put


def test_viewport_fit_contains_bounds():
    vp = Viewport(width=1000, height=500)
    b = (-20_000.0, -10_000.0, 60_000.0, 90_000.0)
    vp.fit(b)
    x0, y0, x1, y1 = vp.world_bounds
    assert x0 <= b[0] and y0 <= b[1] and x1 >= b[2] and y1 >= b[3]


def test_scale_bar_is_a_round_ground_length():
    vp = Viewport(cx=0, cy=0, m_per_px=400, width=800, height=600)
    km, px = vp.scale_bar(150)
    assert km in (1, 2, 5, 10, 20, 50, 100, 200)
    assert 0 < px <= 150
    # ground distance: account for the conic's scale factor at the centre latitude
    _, lat = projection.inverse(0, 0)
    assert km * 1000 == pytest.approx(px * 400 / projection.scale_factor(lat))


def test_event_blocking():
    seen = []
    ev = Event()
    ev.connect(seen.append)
    ev.emit(1)
    with ev.blocked():
        ev.emit(2)
    ev.emit(3)
    assert seen == [1, 3]


def test_point_inside_syunik_picks_syunik(doc):
    kapan_region = projection.forward(46.1, 39.35)  # rural Syunik, away from towns and routes
    f = doc.pick(*kapan_region, tolerance_m=500)
    assert f is not None and f.id == "syunik"


def test_points_win_over_polygons(doc):
    meghri = doc.feature("meghri").geometry.point
    assert doc.pick(*meghri, tolerance_m=2000).id == "meghri"


def test_hidden_layers_are_not_picked(doc):
    pt = projection.forward(46.1, 39.35)
    doc.set_visible("regions", False)
    f = doc.pick(*pt, tolerance_m=500)
    assert f is None or f.id == "armenia"


def test_selection_and_layer_events(doc):
    sel, lay = [], []
    doc.selection_changed.connect(sel.append)
    doc.layers_changed.connect(lambda: lay.append(1))
    doc.select("syunik")
    doc.select("syunik")  # no duplicate event
    doc.select("no-such-feature")
    doc.set_visible("places", False)
    doc.set_opacity("places", 0.5)
    assert sel == [["syunik"], []]
    assert len(lay) == 2
    with pytest.raises(ValueError):
        doc.set_language("fr")


def test_umbrella_is_drawn_through_its_segments(doc):
    drawn = {f.id for f in doc.layer("zangezur").drawn_features()}
    assert "zangezur-corridor" not in drawn and "zangezur-meghri" in drawn


def test_styles_come_from_the_manifest(doc):
    regions = doc.layer("regions")
    assert regions.style.for_feature("nakhchivan", "region", "existing").stroke == "#2e7d32"
    z = doc.layer("zangezur").style
    assert z.for_feature("zangezur-meghri", "railway", "proposed").dash == (6.0, 3.0)
    assert z.for_feature("zangezur-kars-dilucu", "railway", "under-construction").dash == (3.0, 2.0)
