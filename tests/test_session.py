"""Issue 11: the session model and MapState. Nothing a user made is overwritten by opening or importing a
project; presentation mode can be entered and left any number of times; exports draw values, not the live
document; the layering is checked by import-linter."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from corridor_viewer.io.scenes import read_story
from corridor_viewer.io.storage import FileStorage
from corridor_viewer.io.userdirs import scenes_file
from corridor_viewer.model import signals
from corridor_viewer.model.scenes import Scene
from corridor_viewer.model.session import Session

ROOT = Path(__file__).resolve().parent.parent


def own_scene(sid: str, title: str = "Mine") -> Scene:
    return Scene(sid, {"en": title, "ar": "مشهدي"}, {"en": "a caption"}, (44.0, 38.0, 47.0, 40.0), None, ["syunik"])


@pytest.fixture
def session(doc, tmp_path):
    s = Session(doc, FileStorage(cache_dir=tmp_path / "cache"))
    s.load_user_scenes()
    return s


def project_with_one_scene(session: Session, path: Path) -> None:
    """A colleague's project: its own single scene, saved by another session."""
    from corridor_viewer.io.geodata import load_document

    other = Session(load_document(), session.storage)
    other.scenes_owner = "project"  # (so building it does not touch this user's scenes.json)
    other.scenes.set_scenes([own_scene("colleague", "Their scene")])
    other.save(path)


def test_opening_importing_and_closing_a_project_never_writes_the_users_scenes(session, tmp_path):
    for i in range(10):  # ten scenes of the user's own
        session.scenes.add(own_scene(f"mine-{i}"))
    before = scenes_file().read_bytes()
    project = tmp_path / "colleague.cvproj"
    project_with_one_scene(session, project)
    session.open_project(project)
    assert [s.id for s in session.scenes] == ["colleague"]  # a project's scenes are its own
    assert scenes_file().read_bytes() == before
    session.scenes.add(own_scene("in-the-project"))  # editing the project's scenes …
    assert session.dirty and scenes_file().read_bytes() == before  # … is an edit of the project
    session.new_project()  # closing the project: back to the story and the user's own scenes
    assert scenes_file().read_bytes() == before
    ids = [s.id for s in session.scenes]
    assert ids[:len(read_story())] == [s.id for s in read_story()] and ids[-10:] == [f"mine-{i}" for i in range(10)]


def test_import_scenes_from_a_project_adds_to_the_users_own(session, tmp_path):
    session.scenes.add(own_scene("colleague"))  # same id as the colleague's: both are kept
    project = tmp_path / "colleague.cvproj"
    project_with_one_scene(session, project)
    n = len(session.scenes)
    added = session.import_scenes_from(project)
    assert added == ["colleague-2"] and len(session.scenes) == n + 1
    assert session.scenes.get("colleague").title["en"] == "Mine"  # never replaced
    saved = json.loads(scenes_file().read_text(encoding="utf-8"))
    assert {s["id"] for s in saved["scenes"]} == {"colleague", "colleague-2"}  # saved as the user's own


def test_a_format_1_scenes_file_follows_the_story_and_is_kept_as_bak(doc, tmp_path):
    # The story as version 0.1.0 shipped it (tests/data keeps a copy).
    legacy = json.loads((ROOT / "tests" / "data" / "story-format1.json").read_text(encoding="utf-8"))
    # What an earlier version saved: the whole list, with a story scene removed and one of the user's added.
    items = [s for s in legacy["scenes"] if s["id"] != "iran"] + [own_scene("mine").to_dict()]
    path = scenes_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"format": "corridor-viewer-scenes", "version": 1, "scenes": items}),
                    encoding="utf-8")
    original = path.read_bytes()
    s = Session(doc, FileStorage(cache_dir=tmp_path / "cache"))
    s.load_user_scenes()
    ids = [x.id for x in s.scenes]
    story = read_story()
    assert "iran" not in ids and ids[-1] == "mine"
    for sid in ids[:-1]:  # the unedited copies are the story as it is now
        assert s.scenes.get(sid) == next(x for x in story if x.id == sid)
    assert path.read_bytes() == original  # reading never writes
    s.scenes.move("mine", -1)
    assert path.with_name("scenes.json.bak").read_bytes() == original  # kept before the first new write
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 2


def test_saving_a_project_then_editing_scenes_dirties_the_project_only(session, tmp_path):
    before = scenes_file().read_bytes() if scenes_file().exists() else None
    session.save(tmp_path / "p.cvproj")
    assert not session.dirty
    session.scenes.add(own_scene("after-save"))
    assert session.dirty
    assert (scenes_file().read_bytes() if scenes_file().exists() else None) == before


def test_recovered_work_never_targets_a_file_without_asking(session, tmp_path):
    origin = tmp_path / "important.cvproj"
    origin.write_text("not even a project", encoding="utf-8")
    session.add_articles([("a.txt", "A", "نص عن سيونيك", "", "")])
    rec = tmp_path / "recovery.cvproj"
    session.origin_hint = str(origin)
    assert session.autosave(rec)
    work = session.read_project(rec, as_recovery=True)
    session.apply_project(work)
    assert session.path is None and session.origin_hint == str(origin) and session.dirty
    assert origin.read_text(encoding="utf-8") == "not even a project"


def test_the_session_and_mapstate_work_without_qt(tmp_path):
    code = f"""
import sys
from corridor_viewer.io.geodata import load_document
from corridor_viewer.io.storage import FileStorage
from corridor_viewer.model.session import Session
s = Session(load_document(), FileStorage(cache_dir={str(tmp_path / 'c')!r}))
s.load_user_scenes()
s.relink()
st = s.doc.map_state()
assert s.doc.links.count("zangezur-corridor") > 0 and st.layers and st.viewport.width > 0
s.doc.select("syunik")
assert st.selection == () and s.doc.map_state().selection == ("syunik",)  # a state is a value
bad = [m for m in ("PySide6", "shiboken6") if m in sys.modules]
print("QT" if bad else "NO-QT")
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "NO-QT", out.stderr


def test_an_export_from_a_mapstate_fires_no_document_event(qapp, doc, tmp_path):
    from corridor_viewer.export import export
    from corridor_viewer.export.handout import export_handout
    from corridor_viewer.model.export_settings import ExportSettings

    s = Session(doc, FileStorage(cache_dir=tmp_path / "cache"))
    s.load_user_scenes()
    s.relink()
    fired = []
    for name in ("visibility_changed", "opacity_changed", "style_changed", "layer_added", "layer_removed",
                 "date_changed", "selection_changed", "hover_changed", "language_changed", "links_changed",
                 "focus_changed", "camera_changed"):
        getattr(doc, name).connect(lambda *a, name=name: fired.append(name))
    base = doc.map_state()
    export("png", base.with_extent(doc.home_bounds), ExportSettings(), tmp_path / "m.png")
    export_handout(base, list(s.scenes), tmp_path / "h.pdf", links=doc.links)
    assert fired == []
    assert doc.selection == [] and doc.date is None  # the scenes drew their own states


def test_links_are_cached_so_a_normal_start_compiles_no_gazetteer(doc, tmp_path, monkeypatch):
    from corridor_viewer.model import linker

    first = Session(doc, FileStorage(cache_dir=tmp_path / "cache"))
    first.relink()
    counts = first.doc.links.counts()

    def no_compiling(*_a, **_k):
        raise AssertionError("the gazetteer was compiled although the cache holds the links")

    monkeypatch.setattr(linker.Gazetteer, "from_features", no_compiling)
    second = Session(doc, FileStorage(cache_dir=tmp_path / "cache"))
    second.relink()
    assert second.doc.links.counts() == counts
    # A damaged cache is ignored, never trusted.
    for f in (tmp_path / "cache").glob("links-*.json"):
        f.write_text('{"format": "corridor-viewer-links-cache", "mentions": [["x", "y", 0, 3, "abc", 0]]}')
    monkeypatch.undo()
    third = Session(doc, FileStorage(cache_dir=tmp_path / "cache"))
    third.relink()
    assert third.doc.links.counts() == counts


def test_presentation_can_be_entered_and_left_again_and_again(qtbot, doc, monkeypatch):
    from corridor_viewer.ui.main_window import MainWindow

    reported = []
    monkeypatch.setattr(sys, "excepthook", lambda t, v, tb: reported.append(f"{t.__name__}: {v}"))
    win = MainWindow(doc, None)
    qtbot.addWidget(win)
    win.resize(1100, 750)
    win.show()
    qtbot.waitExposed(win)
    win.session.relink()
    win.load_scenes()
    before = (dict((lay.id, lay.visible) for lay in doc.layers), doc.date, list(doc.selection), doc.camera)
    for _ in range(5):
        win.actions_by_key["present"].trigger()  # F5
        pw = win.presentation
        assert pw is not None and pw.isVisible()
        qtbot.keyClick(pw, Qt.Key.Key_PageDown)
        qtbot.keyClick(pw, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: win.presentation is None)
        # The main map is as it was before F5.
        assert (dict((lay.id, lay.visible) for lay in doc.layers), doc.date, list(doc.selection),
                doc.camera) == before
    # The old bug: the next click on the map raised "Internal C++ object (MapCanvas) already deleted".
    x, y = win.canvas.viewport.to_screen(*doc.feature("syunik").label_anchor)
    qtbot.mouseClick(win.canvas, Qt.MouseButton.LeftButton, pos=QPoint(round(x), round(y) + 25))
    panel = win.layers_panel
    item = panel._items["places"]
    child = next(item.child(i) for i in range(item.childCount()) if item.child(i).text(0) == "Meghri")
    panel._on_double_click(child, 0)
    assert doc.selection == ["meghri"]
    assert reported == [] and list(signals.errors) == []


def test_lint_imports_keeps_the_layers():
    exe = shutil.which("lint-imports")
    if exe is None:
        pytest.fail("import-linter is a test dependency: pip install -e '.[test]'")
    out = subprocess.run([exe], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout and "KEPT" in out.stdout


def test_a_listener_may_take_fewer_arguments_whatever_kind_of_callable_it_is():
    """signals._max_args reads plain functions and methods off their code; it must agree with inspect."""
    import functools
    import inspect

    from corridor_viewer.model import signals

    def by_inspect(fn):
        try:
            params = inspect.signature(fn).parameters.values()
        except (TypeError, ValueError):
            return None
        if any(p.kind is p.VAR_POSITIONAL for p in params):
            return None
        return sum(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in params)

    class C:
        def method(self, a, b=1): ...
        def star(self, *a): ...
        @staticmethod
        def static(a): ...
        @classmethod
        def klass(cls, a, b): ...
        def __call__(self, x): ...

    def plain(a, /, b, *, c): ...

    def wrapped(fn):
        @functools.wraps(fn)
        def inner(*a, **k):
            return fn(*a, **k)
        return inner

    cases = [C().method, C().star, C.static, C.klass, C(), plain, lambda: 0, lambda x, y: 0, wrapped(plain),
             functools.partial(plain, 1), print, C.method]
    assert [signals._max_args(c) for c in cases] == [by_inspect(c) for c in cases]
    assert signals._max_args(C().method) == 2 and signals._max_args(wrapped(plain)) == 2
