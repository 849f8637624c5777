"""The palette in geodata/layers.json stays distinguishable with colour-vision deficiencies.

Colour science written out here rather than taken from a package (the test needs three small
formulas, not a dependency): sRGB <-> linear RGB (IEC 61966-2-1), linear RGB -> XYZ -> CIELAB
(D65), CIEDE2000 (Sharma, Wu & Dalal 2005), and the Machado, Oliveira & Fernandes (2009) simulation
matrices for dichromacy (severity 1.0), which apply to linear RGB.
"""

from __future__ import annotations

import itertools
import json
import math

import pytest

from corridor_viewer.resources import geodata_dir

MANIFEST = json.loads((geodata_dir() / "layers.json").read_text(encoding="utf-8"))
PALETTE = MANIFEST["palette"]
LAYERS = {layer["id"]: layer for layer in MANIFEST["layers"]}

Matrix = tuple[tuple[float, float, float], ...]
MACHADO: dict[str, Matrix] = {
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}
VISIONS = (None, *MACHADO)  # None: normal vision

RGB = tuple[float, float, float]
Lab = tuple[float, float, float]


def srgb(hex_color: str) -> RGB:
    h = hex_color.lstrip("#")
    return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def to_linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def simulate(rgb: RGB, vision: str | None) -> RGB:
    """Linear RGB as a dichromat would see it (Machado 2009 matrices, clipped to the gamut)."""
    lin = tuple(to_linear(c) for c in rgb)
    if vision is None:
        return lin  # type: ignore[return-value]
    m = MACHADO[vision]
    return tuple(min(1.0, max(0.0, sum(m[i][j] * lin[j] for j in range(3)))) for i in range(3))  # type: ignore


def lab(lin: RGB) -> Lab:
    r, g, b = lin
    x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = f(x / 0.95047), f(y / 1.0), f(z / 1.08883)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def ciede2000(lab1: Lab, lab2: Lab) -> float:
    l1, a1, b1 = lab1
    l2, a2, b2 = lab2
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar**7 / (c_bar**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dl, dc = l2 - l1, c2p - c1p
    if c1p * c2p == 0:
        dh = 0.0
    else:
        dh = h2p - h1p
        dh = dh - 360 if dh > 180 else dh + 360 if dh < -180 else dh
    d_big_h = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_bar, cp_bar = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_bar = (h1p + h2p) / 2
    else:
        h_bar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(h_bar - 30)) + 0.24 * math.cos(math.radians(2 * h_bar))
         + 0.32 * math.cos(math.radians(3 * h_bar + 6)) - 0.20 * math.cos(math.radians(4 * h_bar - 63)))
    d_theta = 30 * math.exp(-(((h_bar - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(cp_bar**7 / (cp_bar**7 + 25**7))
    s_l = 1 + 0.015 * (l_bar - 50) ** 2 / math.sqrt(20 + (l_bar - 50) ** 2)
    s_c = 1 + 0.045 * cp_bar
    s_h = 1 + 0.015 * cp_bar * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    return math.sqrt((dl / s_l) ** 2 + (dc / s_c) ** 2 + (d_big_h / s_h) ** 2 + r_t * (dc / s_c) * (d_big_h / s_h))


def delta_e(c1: str, c2: str, vision: str | None) -> float:
    return ciede2000(lab(simulate(srgb(c1), vision)), lab(simulate(srgb(c2), vision)))


def over(color: str, alpha: float, below: str) -> str:
    """Source-over compositing in sRGB, as QPainter does on an 8-bit image."""
    top, bottom = srgb(color), srgb(below)
    return "#" + "".join(f"{round((alpha * a + (1 - alpha) * b) * 255):02x}" for a, b in zip(top, bottom, strict=True))


# ------------------------------------------------------------------ what the map draws


def _style(layer: str, feature: str | None = None) -> dict:
    base = dict(LAYERS[layer]["style"])
    if feature:
        base.update(LAYERS[layer]["style"].get("feature_styles", {}).get(feature, {}))
    return base


def as_drawn() -> dict[str, str]:
    """Each palette role's colour as it appears on the map."""
    out = {"land": _style("countries")["fill"], "armenia": _style("countries", "armenia")["fill"],
           "azerbaijan": _style("countries", "azerbaijan")["fill"], "water": _style("water")["fill"],
           "highlight": PALETTE["highlight"]}
    for region, country in (("syunik", "armenia"), ("nakhchivan", "azerbaijan"), ("karabakh", "azerbaijan")):
        st = _style("regions", None if region == "syunik" else region)
        out[region] = over(st["fill"], st["fill_opacity"], out[country])
    for route in ("zangezur", "crossroads", "aras-corridor", "soviet-railway"):
        out[route] = _style(route)["stroke"]
    tripp = _style("tripp")  # a translucent band, drawn over Syunik
    out["tripp"] = over(tripp["stroke"], tripp["opacity"], out["syunik"])
    return out


def style_colors() -> dict[str, str]:
    """Each palette role's base colour as the styles give it."""
    return {"land": _style("countries")["fill"], "armenia": _style("countries", "armenia")["fill"],
            "azerbaijan": _style("countries", "azerbaijan")["fill"], "water": _style("water")["fill"],
            "syunik": _style("regions")["fill"], "nakhchivan": _style("regions", "nakhchivan")["fill"],
            "karabakh": _style("regions", "karabakh")["fill"],
            **{r: _style(r)["stroke"] for r in ("zangezur", "tripp", "crossroads", "aras-corridor", "soviet-railway")}}


# ------------------------------------------------------------------ tests


def test_ciede2000_matches_sharma_reference_pairs():
    # Sharma, Wu & Dalal (2005), table 1: pairs 1, 7, 17 and 25.
    assert ciede2000((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485)) == pytest.approx(2.0425, abs=1e-4)
    assert ciede2000((50.0, 0.0, 0.0), (50.0, -1.0, 2.0)) == pytest.approx(2.3669, abs=1e-4)
    assert ciede2000((50.0, 2.5, 0.0), (73.0, 25.0, -18.0)) == pytest.approx(27.1492, abs=1e-4)
    assert ciede2000((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387)) == pytest.approx(1.2644, abs=1e-4)


def test_srgb_to_lab_reference_values():
    assert lab(simulate(srgb("#ffffff"), None)) == pytest.approx((100.0, 0.0, 0.0), abs=0.01)
    assert lab(simulate(srgb("#ff0000"), None)) == pytest.approx((53.24, 80.09, 67.20), abs=0.05)


def test_simulation_merges_what_dichromats_confuse():
    # The check must be able to fail: classic red/green confusion pairs collapse under simulation.
    assert delta_e("#d62828", "#2e7d32", None) > 30
    assert delta_e("#ff0000", "#00ff00", "deuteranopia") < delta_e("#ff0000", "#00ff00", None) / 2
    # ... and the old palette failed: Syunik and Nakhchivan became one beige under deuteranopia.
    old_syunik, old_nakhchivan = over("#c0392b", 0.16, "#f3ead7"), over("#2e7d32", 0.16, "#e8eedf")
    assert delta_e(old_syunik, old_nakhchivan, "deuteranopia") < 5


def test_styles_use_the_palette_defined_once():
    assert style_colors() == {k: v for k, v in PALETTE["colors"].items()}


def test_palette_highlight_is_the_renderers():
    from corridor_viewer.render.paint import HIGHLIGHT

    assert PALETTE["highlight"].lower() == HIGHLIGHT.lower()


REQUIRED_PAIRS = {
    frozenset(p) for p in [
        *itertools.combinations(("syunik", "nakhchivan", "karabakh"), 2),
        *[(r, c) for r in ("syunik", "nakhchivan") for c in ("land", "armenia", "azerbaijan")],
        ("karabakh", "azerbaijan"),
        *itertools.combinations(("zangezur", "tripp", "crossroads", "aras-corridor", "soviet-railway"), 2),
        *[(r, "highlight") for r in ("zangezur", "tripp", "crossroads", "aras-corridor", "soviet-railway")],
    ]
}


def test_every_required_neighbour_pair_is_listed():
    listed = {frozenset(p) for p in PALETTE["distinct"]}
    assert REQUIRED_PAIRS <= listed, REQUIRED_PAIRS - listed


@pytest.mark.parametrize("vision", VISIONS, ids=lambda v: v or "normal")
def test_neighbours_stay_distinct(vision):
    colors = as_drawn()
    worst = min((delta_e(colors[a], colors[b], vision), a, b) for a, b in PALETTE["distinct"])
    assert worst[0] >= PALETTE["min_delta_e2000"], worst
    soft = min((delta_e(colors[a], colors[b], vision), a, b) for a, b in PALETTE["distinct_soft"])
    assert soft[0] >= PALETTE["min_delta_e2000_soft"], soft
