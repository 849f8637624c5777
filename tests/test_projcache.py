"""The bundled layers' projected vertices are kept between starts (io.projcache) and never trusted blindly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from corridor_viewer.io import geodata
from corridor_viewer.io.geodata import load_document
from corridor_viewer.io.projcache import FILE, MAGIC
from corridor_viewer.io.userdirs import CACHE_DIR_ENV
from corridor_viewer.resources import geodata_dir


def _shapes(doc):
    return [(f.id, f.layer_id, f.props, f.geometry.kind, f.geometry.parts, f.geometry.bounds, f.label_anchor)
            for layer in doc.layers for f in layer.features] + [doc.data_as_of, doc.home_bounds, doc.data_bounds]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path))
    return tmp_path


def test_a_cached_start_draws_exactly_what_projecting_gives(cache, monkeypatch):
    first = load_document()  # projects, and keeps the vertices
    files = list(cache.glob("projected-*.bin"))
    assert len(files) == 1 and files[0].read_bytes().startswith(MAGIC) and files[0].name == FILE
    projected, read = [], []
    monkeypatch.setattr(geodata.projection, "forward_many", lambda c: projected.append(c) or [])
    real_read = Path.read_text
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: read.append(self.name) or real_read(self, *a, **k))
    second = load_document()  # read back: reads no layer file and projects no line or polygon at all
    assert projected == [] and not [name for name in read if name.endswith(".geojson")]
    assert _shapes(second) == _shapes(first)


def _rewrite(path, outline=None, values=None):
    """The cache file with its outline (parsed JSON) or its vertex block replaced, header kept."""
    data = path.read_bytes()
    header_end = data.index(b"\n", len(MAGIC)) + 1
    size_end = data.index(b"\n", header_end)
    size = int(data[header_end:size_end])
    old_outline, old_values = data[size_end + 1:size_end + 1 + size], data[size_end + 1 + size:]
    new_outline = old_outline if outline is None else json.dumps(outline).encode()
    new_values = old_values if values is None else values
    path.write_bytes(data[:header_end] + b"%d\n" % len(new_outline) + new_outline + new_values)
    return json.loads(old_outline), old_values


def test_an_outline_that_does_not_add_up_is_not_trusted(cache):
    reference = _shapes(load_document())
    path = cache / FILE
    good = path.read_bytes()
    outline, values = _rewrite(path)
    first = outline[0][0]
    kind = first["geometry"]["type"]
    assert kind in ("Polygon", "MultiPolygon")  # the countries: rings given as vertex counts

    def counts(n):
        return {"type": kind, "coordinates": [n] if kind == "Polygon" else [[n]]}

    def with_first(**changed):  # only the first feature spoiled, the rest as written
        return [[{**first, **changed}, *outline[0][1:]], *outline[1:]]

    spoiled = [
        [],  # no layers
        with_first(properties=["not", "an", "object"]),
        with_first(properties={**first["properties"], "id": ["not", "a", "name"]}),
        with_first(geometry=counts(-3)),
        with_first(geometry=counts(10**9)),  # more vertices than are stored
        with_first(geometry=counts(True)),
        with_first(geometry={"type": "Blob", "coordinates": 3}),
        "not a list",
    ]
    for bad in spoiled:
        _rewrite(path, outline=bad)
        assert _shapes(load_document()) == reference
        assert path.read_bytes() == good  # written again, whole
    _rewrite(path, values=values + values[:16])  # vertices left over: the outline is not theirs
    assert _shapes(load_document()) == reference and path.read_bytes() == good
    path.write_bytes(good[:good.index(b"\n", len(MAGIC)) + 1] + b"x\n")  # no outline size
    assert _shapes(load_document()) == reference and path.read_bytes() == good


def test_a_damaged_or_foreign_file_is_ignored_and_written_again(cache):
    reference = _shapes(load_document())
    path = cache / FILE
    good = path.read_bytes()
    header = good[:good.index(b"\n", len(MAGIC)) + 1]
    other_key = header.replace(b'"', b"'", 1)
    for damage in (good[:-8], b"not ours" + good[8:], b"", other_key + good[len(header):]):
        path.write_bytes(damage)
        assert _shapes(load_document()) == reference
        assert path.read_bytes() == good  # written again, whole


def test_changed_geodata_is_projected_again(cache, tmp_path_factory, monkeypatch):
    load_document()
    old = (cache / FILE).read_bytes()
    copy = tmp_path_factory.mktemp("geodata") / "geodata"
    shutil.copytree(geodata_dir(), copy)
    monkeypatch.setattr("corridor_viewer.resources.geodata_dir", lambda: copy)
    layer = next(copy.glob("*.geojson"))
    layer.write_text(layer.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # same shapes, new file
    projected = []
    real = geodata.projection.forward_many
    monkeypatch.setattr(geodata.projection, "forward_many", lambda c: projected.append(1) or real(c))
    load_document()
    assert projected  # the old file was not trusted
    new = (cache / FILE).read_bytes()
    assert new != old and new[len(MAGIC):].split(b"\n", 1)[1] == old[len(MAGIC):].split(b"\n", 1)[1]  # same data


def test_no_cache_folder_is_no_problem(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv(CACHE_DIR_ENV, str(blocked / "cache"))
    assert _shapes(load_document())  # projected as before; nothing written, nothing raised
