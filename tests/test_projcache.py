"""The bundled layers' projected vertices are kept between starts (io.projcache) and never trusted blindly."""

from __future__ import annotations

import shutil

import pytest

from corridor_viewer.io import geodata
from corridor_viewer.io.geodata import load_document
from corridor_viewer.io.projcache import MAGIC
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
    assert len(files) == 1 and files[0].read_bytes().startswith(MAGIC)
    projected = []
    monkeypatch.setattr(geodata.projection, "forward_many", lambda c: projected.append(c) or [])
    second = load_document()  # read back: projects no line or polygon at all
    assert projected == [] and _shapes(second) == _shapes(first)


def test_a_damaged_or_foreign_file_is_ignored_and_written_again(cache):
    reference = _shapes(load_document())
    path = next(cache.glob("projected-*.bin"))
    for damage in (path.read_bytes()[:-8], b"not ours" + path.read_bytes()[8:], b""):
        path.write_bytes(damage)
        assert _shapes(load_document()) == reference
        assert path.read_bytes().startswith(MAGIC) and path.stat().st_size > 100_000


def test_changed_geodata_gets_a_new_file_and_the_old_one_goes(cache, tmp_path_factory, monkeypatch):
    load_document()
    old = next(cache.glob("projected-*.bin"))
    copy = tmp_path_factory.mktemp("geodata") / "geodata"
    shutil.copytree(geodata_dir(), copy)
    monkeypatch.setattr("corridor_viewer.resources.geodata_dir", lambda: copy)
    layer = next(copy.glob("*.geojson"))
    layer.write_text(layer.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # same shapes, new file
    load_document()
    files = list(cache.glob("projected-*.bin"))
    assert len(files) == 1 and files[0] != old


def test_no_cache_folder_is_no_problem(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv(CACHE_DIR_ENV, str(blocked / "cache"))
    assert _shapes(load_document())  # projected as before; nothing written, nothing raised
