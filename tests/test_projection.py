from hypothesis import given, settings
from hypothesis import strategies as st
from pyproj import Transformer

from corridor_viewer.model import projection

_ref = Transformer.from_crs("EPSG:4326", projection.PROJ_STRING, always_xy=True)

lons = st.floats(min_value=37.0, max_value=52.0)
lats = st.floats(min_value=35.0, max_value=45.0)


@settings(max_examples=300, deadline=None)
@given(lons, lats)
def test_forward_matches_pyproj_to_the_millimetre(lon, lat):
    x, y = projection.forward(lon, lat)
    rx, ry = _ref.transform(lon, lat)
    assert abs(x - rx) < 1e-3 and abs(y - ry) < 1e-3


@settings(max_examples=300, deadline=None)
@given(lons, lats)
def test_inverse_round_trips(lon, lat):
    lon2, lat2 = projection.inverse(*projection.forward(lon, lat))
    assert abs(lon2 - lon) < 1e-9 and abs(lat2 - lat) < 1e-9


def test_forward_many_equals_forward():
    pts = [(44.5, 40.1), (46.24, 38.9), (43.08, 40.6)]
    for (x, y), (fx, fy) in zip(projection.forward_many(pts), [projection.forward(*p) for p in pts], strict=True):
        assert abs(x - fx) < 1e-6 and abs(y - fy) < 1e-6


def test_manifest_uses_the_same_display_crs():
    import json

    from corridor_viewer.resources import geodata_dir

    manifest = json.loads((geodata_dir() / "layers.json").read_text(encoding="utf-8"))
    assert manifest["display_crs"] == projection.PROJ_STRING
    assert (projection.LAT1, projection.LAT2, projection.LAT0, projection.LON0) == (38.5, 41.5, 40.0, 45.0)
