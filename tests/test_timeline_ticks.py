"""The timeline's article-date ticks: drawn where the slider puts each date, with their tooltips."""

from __future__ import annotations

from corridor_viewer.ui.timeline import TickSlider


def test_ticks_are_drawn_at_their_dates(qtbot):
    slider = TickSlider()
    qtbot.addWidget(slider)
    slider.resize(400, 40)
    slider.setRange(0, 100)
    slider.marks = [(0, "start"), (50, "middle"), (100, "end")]
    xs = [slider._x_for(v) for v, _ in slider.marks]
    assert xs[0] < xs[1] < xs[2] and abs(xs[1] - (xs[0] + xs[2]) / 2) <= 2
    image = slider.grab().toImage()
    for x in xs:
        reds = [image.pixelColor(x + dx, slider.height() - 4) for dx in (-1, 0, 1)]
        assert any(c.red() > 150 and c.green() < 100 and c.blue() < 100 for c in reds), x
