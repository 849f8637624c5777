"""Shared fixtures: headless Qt, an isolated settings folder, the bundled document."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def _cache_folder(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")  # shared by the session: the links cache saves every test time


@pytest.fixture(autouse=True)
def _isolated_config(tmp_path_factory, monkeypatch, _cache_folder):
    # Tests must never read or write the developer's real settings.
    monkeypatch.setenv("CORRIDOR_VIEWER_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("CORRIDOR_VIEWER_DATA_DIR", str(tmp_path_factory.mktemp("data")))  # nor their data folder
    monkeypatch.setenv("CORRIDOR_VIEWER_CACHE_DIR", str(_cache_folder))  # nor their caches
    yield
    import sys

    labels = sys.modules.get("corridor_viewer.render.labels")
    if labels is not None:  # a test that ran the app installed the label plan cache: it ends with the test
        labels.use_plan_store(None)


@pytest.fixture(scope="session")
def doc_factory():
    from corridor_viewer.io.geodata import load_document

    return load_document


@pytest.fixture
def doc(doc_factory):
    return doc_factory()


@pytest.fixture(autouse=True)
def _no_listener_failed():
    # A model signal's listener that raises is reported and skipped (model.signals), so the app goes on;
    # in the tests it is a failure.
    from corridor_viewer.model import signals

    signals.errors.clear()
    yield
    failures = list(signals.errors)
    signals.errors.clear()
    assert not failures, f"a signal listener raised: {failures}"
