"""Headless model tests: viewport maths, hit testing, selection and signals."""

import pytest

from corridor_viewer.model import projection, signals
from corridor_viewer.model.viewport import Viewport


def test_viewport_round_trip_and_zoom_about_cursor():
    vp = Viewport(cx=1000.0, cy=-500.0, m_per_px=100.0, width=800, height=600)
    wx, wy = vp.to_world(123, 456)
    assert vp.to_screen(wx, wy) == pytest.approx((123, 456))
    vp = vp.zoomed(2.0, 123, 456)
    assert vp.m_per_px == 50.0
    assert vp.to_screen(wx, wy) == pytest.approx((123, 456))  # the point under the cursor stays put


def test_viewport_fit_contains_bounds():
    b = (-20_000.0, -10_000.0, 60_000.0, 90_000.0)
    vp = Viewport(width=1000, height=500).fitted(b)
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


def test_viewport_is_a_value_and_stays_inside_the_data():
    vp = Viewport(cx=0, cy=0, m_per_px=100, width=800, height=600)
    moved = vp.panned(10, 0)
    assert vp.cx == 0 and moved.cx == -1000  # the original is unchanged
    data = (-50_000.0, -40_000.0, 50_000.0, 40_000.0)
    far = Viewport(cx=900_000, cy=0, m_per_px=4000, width=800, height=600).clamped(data)
    x0, y0, x1, y1 = far.world_bounds
    assert x0 >= data[0] - 1e-6 and x1 <= data[2] + 1e-6 and y0 >= data[1] - 1e-6 and y1 <= data[3] + 1e-6


class _Source:
    changed = signals.signal(int)


def test_signal_blocking():
    seen = []
    src = _Source()
    src.changed.connect(seen.append)
    src.changed.emit(1)
    with src.changed.blocked():
        src.changed.emit(2)
    src.changed.emit(3)
    assert seen == [1, 3]


def test_one_failing_listener_never_silences_the_others(monkeypatch):
    src = _Source()
    heard = []
    reported = []
    monkeypatch.setattr("sys.excepthook", lambda *exc: reported.append(exc[1]))

    def broken(_n):
        raise RuntimeError("a panel exploded")

    src.changed.connect(heard.append)
    src.changed.connect(broken)
    src.changed.connect(lambda n: heard.append(n * 10))
    src.changed.emit(4)
    assert heard == [4, 40]
    assert [str(e) for e in reported] == ["a panel exploded"]
    assert signals.errors[-1][1] is reported[0]
    signals.errors.clear()


def test_a_collected_listener_is_dropped():
    src = _Source()

    class View:
        def __init__(self):
            self.seen = []

        def on(self, n):
            self.seen.append(n)

    v = View()
    src.changed.connect(v.on)
    src.changed.emit(1)
    assert v.seen == [1]
    del v
    src.changed.emit(2)  # nothing left to call, nothing raised
    assert len(src.changed) == 0


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


def test_selection_and_layer_signals(doc):
    sel, vis, op, style = [], [], [], []
    doc.selection_changed.connect(sel.append)
    doc.visibility_changed.connect(lambda lid, v: vis.append((lid, v)))
    doc.opacity_changed.connect(lambda lid, o: op.append((lid, o)))
    doc.style_changed.connect(style.append)
    doc.select("syunik")
    doc.select("syunik")  # no duplicate event
    doc.select("no-such-feature")
    doc.set_visible("places", False)
    doc.set_visible("places", False)
    doc.set_opacity("places", 0.5)
    doc.set_layer_style("places", doc.layer("places").style)  # the same style: no event
    assert sel == [["syunik"], []]
    assert vis == [("places", False)] and op == [("places", 0.5)] and style == []
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
