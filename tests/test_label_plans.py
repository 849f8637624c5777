"""The label plan cache: the first paint at start-up reuses the last session's label layout, exactly, and
only when nothing it depends on has changed."""

from __future__ import annotations

import json

import pytest

from corridor_viewer.io.plancache import FILE, LabelPlanCache
from corridor_viewer.model.viewport import Viewport


@pytest.fixture
def labels(qapp):
    from corridor_viewer.render import labels

    yield labels
    labels.use_plan_store(None)
    labels._cache.clear()


def _state(doc, lang="en"):
    doc.set_language(lang)
    return doc.map_state(Viewport.for_bounds(doc.home_bounds, 1200))


def _fresh(labels, state):
    labels._cache.clear()
    return labels.plan_labels(state)


def _same(a, b):
    return [(p.fid, p.text, p.rect, p.origin, p.px, p.color) for p in a] == \
        [(p.fid, p.text, p.rect, p.origin, p.px, p.color) for p in b]


def test_a_saved_plan_is_used_at_the_next_start_and_equals_a_fresh_one(labels, doc, tmp_path):
    ids = frozenset(layer.id for layer in doc.layers)
    for lang in ("en", "ar"):
        state = _state(doc, lang)
        labels.use_plan_store(None)
        fresh = _fresh(labels, state)
        assert len(fresh) > 20
        first = LabelPlanCache(tmp_path, ["v1"], ids)
        labels.use_plan_store(first)
        _fresh(labels, state)
        first.save()
        assert first.hits == 0 and (tmp_path / FILE).is_file()
        again = LabelPlanCache(tmp_path, ["v1"], ids)  # the next start
        labels.use_plan_store(again)
        reused = _fresh(labels, state)
        assert again.hits == 1 and _same(reused, fresh)


def test_another_fingerprint_a_damaged_file_or_a_users_layer_plans_afresh(labels, doc, tmp_path):
    ids = frozenset(layer.id for layer in doc.layers)
    state = _state(doc)
    cache = LabelPlanCache(tmp_path, ["v1"], ids)
    labels.use_plan_store(cache)
    fresh = _fresh(labels, state)
    cache.save()
    other = LabelPlanCache(tmp_path, ["v2"], ids)  # a new version, font, geodata or label code
    labels.use_plan_store(other)
    assert _same(_fresh(labels, state), fresh) and other.hits == 0
    # Rows that do not describe this map (a feature that is not on it) are not trusted.
    raw = json.loads((tmp_path / FILE).read_text(encoding="utf-8"))
    for _key, rows in raw["plans"]:
        rows[0][0] = "no-such-feature"
    (tmp_path / FILE).write_text(json.dumps(raw), encoding="utf-8")
    tampered = LabelPlanCache(tmp_path, ["v1"], ids)
    labels.use_plan_store(tampered)
    assert _same(_fresh(labels, state), fresh)
    for junk in (b"\x00\xff not json", b"[]", b'{"format": "corridor-viewer-label-plans", "plans": 3}'):
        (tmp_path / FILE).write_bytes(junk)
        labels.use_plan_store(LabelPlanCache(tmp_path, ["v1"], ids))
        assert _same(_fresh(labels, state), fresh)
    # A map with a layer that is not bundled never reads or writes the cache.
    only = LabelPlanCache(tmp_path, ["v1"], frozenset(list(ids)[1:]))
    labels.use_plan_store(only)
    _fresh(labels, state)
    assert only.hits == 0 and not only._changed


def test_the_app_writes_the_plan_of_its_first_paint_when_it_quits(tmp_path):
    import os
    import subprocess
    import sys

    env = dict(os.environ, CORRIDOR_VIEWER_CACHE_DIR=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    keys = []
    for _ in range(2):
        subprocess.run([sys.executable, "-m", "corridor_viewer", "--exit-after-paint"], env=env, check=True,
                       capture_output=True, timeout=120)
        raw = json.loads((tmp_path / FILE).read_text(encoding="utf-8"))
        assert raw["plans"] and all(len(rows) > 10 for _key, rows in raw["plans"])
        keys.append([key for key, _rows in raw["plans"]])
    # The second start found its plans under the keys the first wrote (a key is the same text in every
    # process: no object ids, no set order), so it added none.
    assert keys[1] == keys[0]
