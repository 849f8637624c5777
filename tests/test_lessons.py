"""Issue 15, deliverable 8 (sharing): a lesson in one file — scenes with the user's layers and articles they use —
written atomically, read back with suspicion, and imported without changing anything else; and the `scenes`
command's passages (article id, the Arabic quote, our English translation) and lesson options."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from corridor_viewer.io.lesson import LessonError, read_lesson, write_lesson
from corridor_viewer.io.storage import FileStorage
from corridor_viewer.model.lesson import Lesson
from corridor_viewer.model.scenes import Scene
from corridor_viewer.model.session import Session, SessionError
from corridor_viewer.model.viewport import Camera

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and /dev/zero are POSIX")


def towns(folder: Path, name: str = "schools.geojson", n: int = 2) -> Path:
    feats = [{"type": "Feature", "properties": {"name": f"School {i}"},
              "geometry": {"type": "Point", "coordinates": [45.6 + i * 0.1, 39.4]}} for i in range(n)]
    path = folder / name
    path.write_text(json.dumps({"type": "FeatureCollection", "features": feats}), encoding="utf-8")
    return path


def add_layer(session: Session, path: Path, title: str = "Schools") -> str:
    result, built = session.storage.read_and_build(path, None, 0, lambda f, m: None, lambda: False)
    return session.add_user_layer(result, built, title=title, style=built.style, mode="reference", source=str(path),
                                  layer_name=None)


@pytest.fixture
def teacher(doc_factory, tmp_path):
    """A colleague's session: the story, one layer and one article of theirs, and a scene that uses both."""
    s = Session(doc_factory(), FileStorage(scenes_file=tmp_path / "theirs.json", cache_dir=tmp_path / "cache"))
    s.load_user_scenes()
    lid = add_layer(s, towns(tmp_path))
    aid = s.add_articles([("notes.txt", "ملاحظاتي", "تقع سيونيك جنوب أرمينيا. وتحد إيران.", "2024-05", "")])[0]
    s.scenes.add(Scene("schools", {"en": "Our schools", "ar": "مدارسنا"}, {"en": "Two schools near Syunik."},
                       (44.5, 38.8, 46.8, 40.0), ["countries", "regions", lid], [f"{lid}/0", "syunik"], [(aid, 0)]))
    return s


@pytest.fixture
def me(doc_factory, tmp_path):
    s = Session(doc_factory(), FileStorage(scenes_file=tmp_path / "mine.json", cache_dir=tmp_path / "cache"))
    s.load_user_scenes()
    s.scenes.add(Scene("mine", {"en": "Mine"}, {"en": "a caption"}, (44.0, 38.0, 47.0, 40.0), None, ["syunik"]))
    s.scenes.add(Scene("schools", {"en": "My own 'schools' scene"}, {}, (44.0, 38.0, 47.0, 40.0), None, []))
    return s


def snapshot(s: Session) -> dict:
    d = s.doc
    return {"scenes": [x.to_dict() for x in s.scenes], "visible": {lay.id: lay.visible for lay in d.layers},
            "opacity": {lay.id: lay.opacity for lay in d.layers}, "camera": d.camera, "selection": list(d.selection),
            "date": d.date, "language": d.language, "export": s.export_settings.to_dict(), "focus": d.focus,
            "user_layers": set(s.user_layers), "articles": [a.id for a in s.user_articles], "path": s.path}


def test_a_lesson_carries_its_scenes_layers_and_articles(teacher, tmp_path):
    out = tmp_path / "lesson.cvlesson"
    lesson = teacher.save_lesson(out, ["schools"], "Schools")
    assert [s["id"] for s in lesson.scenes] == ["schools"]
    assert len(lesson.layers) == 1 and lesson.layers[0].mode == "copy" and len(lesson.articles) == 1
    back = read_lesson(out)
    assert back.warnings == [] and back.lesson.title == "Schools"
    assert back.lesson.scenes == lesson.scenes
    assert len(back.lesson.layers[0].features["features"]) == 2
    assert back.lesson.articles[0].text == lesson.articles[0].text
    # The whole list: the story scenes use none of the teacher's layers, so only the one layer travels.
    whole = teacher.lesson()
    assert len(whole.scenes) == len(teacher.scenes) and len(whole.layers) == 1


def test_importing_a_lesson_adds_scenes_and_changes_nothing_else(teacher, me, tmp_path):
    out = tmp_path / "lesson.cvlesson"
    teacher.save_lesson(out)
    me.doc.set_camera(Camera(150_000.0, -20_000.0, 900.0))
    me.doc.select(["meghri"])
    me.doc.set_date("2023-10-01")
    me.doc.set_visible("places", False)
    before = snapshot(me)
    added, warnings = me.import_lesson(out)
    after = snapshot(me)
    assert warnings == []
    # The story scenes are the same as ours: not added twice; their own scene is added, renamed beside ours.
    assert added == ["schools-2"]
    assert after["scenes"][:len(before["scenes"])] == before["scenes"]  # ours untouched, in their order
    assert [s["id"] for s in after["scenes"][len(before["scenes"]):]] == ["schools-2"]
    for key in ("camera", "selection", "date", "language", "export", "focus", "path"):
        assert after[key] == before[key], key
    assert {k: v for k, v in after["visible"].items() if k in before["visible"]} == before["visible"]
    new_layers = after["user_layers"] - before["user_layers"]
    assert len(new_layers) == 1 and not me.doc.layer(next(iter(new_layers))).visible  # added switched off
    assert len(after["articles"]) == len(before["articles"]) + 1
    scene = me.scenes.get("schools-2")
    lid = next(iter(new_layers))
    assert lid in scene.layers and f"{lid}/0" in scene.highlight and me.doc.feature(f"{lid}/0") is not None
    assert scene.passages[0][0] in after["articles"]
    assert me.doc.links.corpus.get(scene.passages[0][0]) is not None  # the article is linked and readable
    # Again: nothing new to add.
    again, _ = me.import_lesson(out)
    assert again == [] and snapshot(me)["scenes"] == after["scenes"] and len(me.user_layers) == len(new_layers)


def test_clashing_layer_and_article_ids_are_renamed_and_the_scenes_follow(teacher, doc_factory, tmp_path):
    out = tmp_path / "lesson.cvlesson"
    teacher.save_lesson(out, ["schools"])
    lid = next(iter(teacher.user_layers))
    aid = teacher.user_articles[0].id
    # Another session where the same ids hold different things.
    other = Session(doc_factory(), FileStorage(scenes_file=tmp_path / "o.json", cache_dir=tmp_path / "cache"))
    other.load_user_scenes()
    result, built = other.storage.read_and_build(towns(tmp_path, "other.geojson", 5), None, 0, lambda f, m: None,
                                                 lambda: False)
    from corridor_viewer.io.importers import build_layer

    clash = build_layer(result, lid, "Other", built.style, 0)
    other.add_user_layer(result, clash, title="Other", style=built.style, mode="copy", source=None, layer_name=None)
    other.user_articles.append(type(teacher.user_articles[0])(aid, "x", "نص آخر تماما.", "", ""))
    added, warnings = other.import_lesson(out)
    assert added == ["schools"] and warnings == []
    scene = other.scenes.get("schools")
    new_lid = next(x for x in scene.layers if x.startswith("user-"))
    assert new_lid != lid and other.doc.layer(new_lid) is not None and len(other.doc.layer(lid).features) == 5
    assert scene.highlight[0] == f"{new_lid}/0"
    assert scene.passages[0][0] != aid and any(a.id == scene.passages[0][0] for a in other.user_articles)
    assert next(a for a in other.user_articles if a.id == aid).text == "نص آخر تماما."  # ours kept


def _hostile(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"{kind}.cvlesson"
    good = {"format": "corridor-viewer-lesson", "version": 1,
            "scenes": [{"id": "a", "title": {"en": "A"}, "view": [44, 38, 47, 40]}]}
    data = {
        "empty": b"",
        "binary": b"\x00\xff\xfe garbage",
        "notjson": b"{not json",
        "deep": b"[" * 100_000 + b"]" * 100_000,
        "bigint": b'{"format": "corridor-viewer-lesson", "version": ' + b"9" * 5000 + b"}",
        "project": json.dumps({"format": "corridor-viewer-project", "version": 1}).encode(),
        "newer": json.dumps({**good, "version": 99}).encode(),
        "noscenes": json.dumps({**good, "scenes": "lots"}).encode(),
        "badscenes": json.dumps({**good, "scenes": [{"id": "../../etc", "view": "x"}, 7]}).encode(),
        "manyscenes": json.dumps({**good, "scenes": [good["scenes"][0]] * 600}).encode(),
        "badlayer": json.dumps({**good, "imported_layers": [{"id": "l", "mode": "copy", "title": "L",
                                                              "features": {"type": "FeatureCollection",
                                                                           "features": [{"type": "Feature",
                                                                                         "geometry": {"type": "Point",
                                                                                                      "coordinates": [
                                                                                                          1e400, 2]}}]
                                                                           }}]}).encode(),
    }
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "devzero":
        os.symlink("/dev/zero", path)
    elif kind == "folder":
        path.mkdir()
    else:
        path.write_bytes(data[kind])
    return path


@pytest.mark.parametrize("kind", ["empty", "binary", "notjson", "deep", "bigint", "project", "newer", "noscenes",
                                  "badscenes", "manyscenes", "folder",
                                  pytest.param("fifo", marks=posix_only), pytest.param("devzero", marks=posix_only)])
def test_a_hostile_lesson_is_refused_with_a_message_and_changes_nothing(me, tmp_path, kind):
    path = _hostile(tmp_path, kind)
    before = snapshot(me)
    with pytest.raises(SessionError) as info:
        me.import_lesson(path)
    msg = str(info.value)
    assert str(path.name) in msg and "Traceback" not in msg and len(msg) < 600
    assert snapshot(me) == before


def test_a_damaged_layer_in_a_lesson_is_reported_and_the_scenes_still_come(me, tmp_path):
    path = _hostile(tmp_path, "badlayer")
    added, warnings = me.import_lesson(path)
    assert added == ["a"] and warnings and "L" in warnings[0]


def test_a_damaged_scene_is_left_out_and_named(tmp_path):
    path = tmp_path / "mixed.cvlesson"
    path.write_text(json.dumps({"format": "corridor-viewer-lesson", "version": 1, "scenes": [
        {"id": "ok", "title": {"en": "OK"}, "view": [44, 38, 47, 40]},
        {"id": "bad", "title": {"en": "Bad"}, "view": [400, 38, 47, 40]}]}), encoding="utf-8")
    loaded = read_lesson(path)
    assert [s["id"] for s in loaded.lesson.scenes] == ["ok"]
    assert len(loaded.warnings) == 1 and "bad" in loaded.warnings[0]


def test_writing_a_lesson_is_atomic(tmp_path):
    path = tmp_path / "l.cvlesson"
    path.write_text("the previous lesson", encoding="utf-8")
    with pytest.raises(LessonError):
        write_lesson(path, Lesson([{"id": "x", "title": {"en": "X"}, "view": [44, 38, 47, 40],
                                    "bad": float("nan")}]))
    assert path.read_text(encoding="utf-8") == "the previous lesson"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["l.cvlesson"]  # no temporary file left
    write_lesson(path, Lesson([{"id": "x", "title": {"en": "X"}, "view": [44, 38, 47, 40]}], title="T"))
    assert read_lesson(path).lesson.title == "T"


# -- the command line


def run(*args, data: Path):
    env = dict(os.environ, CORRIDOR_VIEWER_DATA_DIR=str(data), CORRIDOR_VIEWER_CONFIG_DIR=str(data / "cfg"))
    return subprocess.run([sys.executable, "-m", "corridor_viewer", "scenes", *args], capture_output=True, text=True,
                          env=env, timeout=180)


def test_scenes_json_lists_passages_with_arabic_quote_and_our_translation(tmp_path):
    r = run("--format", "json", data=tmp_path)
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    passages = [p for row in rows for p in row["passages"]]
    assert len(rows) == 14 and len(passages) >= 14
    for p in passages:
        assert set(p) >= {"article_id", "passage_index", "quote_ar", "translation_en", "citation_en", "citation_ar"}
        assert any("\u0600" <= ch <= "\u06ff" for ch in p["quote_ar"])  # the Arabic original
        assert p["translation_en"] and not any("\u0600" <= ch <= "\u06ff" for ch in p["translation_en"][:80])
        assert "our translation" in p["citation_en"]
    per_article = Counter(p["article_id"] for p in passages)
    assert len(per_article) >= 4  # at least four of the five articles are pinned
    assert max(per_article.values()) <= len(passages) / 3  # none more than a third
    genres = {p["article_id"]: p["genre"] for p in passages}
    assert {"analysis", "news"} <= set(genres.values())  # opinion and analysis are labelled as such


def test_the_command_shares_and_imports_lessons(teacher, doc_factory, tmp_path):
    data = tmp_path / "cli"
    out = tmp_path / "story-part"
    r = run("--export-lesson", str(out), "--ids", "iran,russia", "--title", "Two", data=data)
    assert r.returncode == 0, r.stderr
    assert "2 scene(s)" in r.stdout
    lesson = out.with_name(out.name + ".cvlesson")
    r = run("--lesson", str(lesson), "--format", "json", data=data)
    assert [row["id"] for row in json.loads(r.stdout)] == ["iran", "russia"]
    r = run("--import-lesson", str(lesson), data=data)  # the same story scenes: nothing to add
    assert r.returncode == 0 and "already have them all" in r.stdout
    # A colleague's lesson with a layer of theirs: only a project can keep it.
    theirs = tmp_path / "theirs.cvlesson"
    teacher.save_lesson(theirs, ["schools"])
    r = run("--import-lesson", str(theirs), data=data)
    assert r.returncode == 2 and "--project" in r.stderr
    project = tmp_path / "class.cvproj"
    empty = Session(doc_factory(), FileStorage(scenes_file=tmp_path / "e.json", cache_dir=tmp_path / "c"))
    empty.scenes_owner = "project"
    empty.save(project)  # a new project with no scenes
    r = run("--import-lesson", str(theirs), "--project", str(project), data=data)
    assert r.returncode == 0, r.stderr
    saved = json.loads(project.read_text(encoding="utf-8"))
    assert [s["id"] for s in saved["scenes"]] == ["schools"] and len(saved["imported_layers"]) == 1
    r = run("--export-lesson", str(tmp_path / "x"), "--ids", "atlantis", data=data)
    assert r.returncode == 2 and "atlantis" in r.stderr
    r = run("--lesson", str(tmp_path / "missing.cvlesson"), data=data)
    assert r.returncode == 2 and "Traceback" not in r.stderr
