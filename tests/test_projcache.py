"""The bundled layers' projected vertices are kept between starts (io.projcache) and never trusted blindly."""

from __future__ import annotations

import shutil

import pytest

from corridor_viewer.io import geodata
from corridor_viewer.io.geodata import load_document
from corridor_viewer.io.projcache import FILE, MAGIC
from corridor_viewer.io.userdirs import CACHE_DIR_ENV
from corridor_viewer.resources import geodata_dir


def _shapes(doc):
    return [(f.id, f.geometry.kind, f.geometry.parts, f.geometry.bounds, f.label_anchor)
            for layer in doc.layers for f in layer.features]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path))
    return tmp_path


def test_a_cached_start_draws_exactly_what_projecting_gives(cache, monkeypatch):
    first = load_document()  # projects, and keeps the vertices
    files = list(cache.glob("projected-*.bin"))
    assert len(files) == 1 and files[0].read_bytes().startswith(MAGIC) and files[0].name == FILE
    projected = []
    monkeypatch.setattr(geodata.projection, "forward_many", lambda c: projected.append(c) or [])
    second = load_document()  # read back: projects no line or polygon at all
    assert projected == [] and _shapes(second) == _shapes(first)


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
    assert new != old and new[len(MAGIC):].split(b"\n", 1)[1] == old[len(MAGIC):].split(b"\n", 1)[1]


def test_no_cache_folder_is_no_problem(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv(CACHE_DIR_ENV, str(blocked / "cache"))
    assert _shapes(load_document())  # projected as before; nothing written, nothing raised
