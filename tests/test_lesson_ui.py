"""Issue 15 in the window: File → Export lesson as web page / Export worksheet / Share lesson / Import lesson, and
View → Quiz "Where is …?" on the main map — names hidden, a click scored, the answer shown, the score kept, and
leaving finds the map as it was. Dialogs answer at once; everything else is real."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from corridor_viewer.model import projection
from corridor_viewer.model.viewport import Camera
from corridor_viewer.ui.main_window import MainWindow


@pytest.fixture
def win(qtbot, doc, monkeypatch):
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warnings.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: warnings.append(text))
    w = MainWindow(doc)
    w.warnings = warnings
    qtbot.addWidget(w)
    w.resize(1280, 820)
    w.show()
    qtbot.waitExposed(w)
    w.load_scenes()
    w.session.relink()
    return w


def screen_of(win, lon: float, lat: float) -> QPointF:
    x, y = win.canvas.viewport.to_screen(*projection.forward(lon, lat))
    return QPointF(x, y)


def click(qtbot, win, lon: float, lat: float) -> None:
    p = screen_of(win, lon, lat).toPoint()
    qtbot.mouseClick(win.canvas, Qt.MouseButton.LeftButton, pos=p)


def test_the_menus_offer_the_lesson_outputs_and_the_quiz(win):
    files = [a.text() for a in win.menus["file"].actions()]
    for text in ("Export lesson as &web page…", "Export &worksheet (PDF)…", "S&hare lesson…", "&Import lesson…"):
        assert text in files
    assert files.index("Export &handout (PDF)…") < files.index("Export lesson as &web page…") < files.index("&Quit")
    assert "&Quiz: Where is …?" in [a.text() for a in win.menus["view"].actions()]


def test_quiz_hides_the_names_scores_clicks_and_leaves_the_map_as_it_was(qtbot, win):
    doc = win.doc
    doc.set_camera(Camera(120_000.0, -30_000.0, 1500.0))
    doc.select(["tripp"])
    doc.set_date("2024-06-01")
    before = (doc.camera, list(doc.selection), doc.date, {lay.id: lay.visible for lay in doc.layers})
    win.lessons.toggle_quiz(True)
    quiz = win.lessons.quiz
    assert quiz is not None and win.lessons.actions["quiz"].isChecked()
    qtbot.waitUntil(lambda: win.canvas.last_labels == [] and not win.canvas.options.labels)
    win.canvas.repaint()
    assert win.canvas.last_labels == []  # no names on the map
    assert not win.canvas.interactive  # no hover names, no picking
    first = quiz.quiz.current
    assert quiz.panel.prompt.text() == first.prompt["en"]

    click(qtbot, win, 45.4, 39.2)  # inside Nakhchivan
    assert quiz.quiz.score == (1, 1)
    assert quiz.panel.result.text().startswith("Right!") and quiz.panel.next.isEnabled()
    assert doc.selection == before[1]  # the answer is shown on the quiz's own scene, not by selecting
    assert win.canvas.scene is not None and first.feature_id in win.canvas.scene.highlight

    qtbot.mouseClick(quiz.panel.next, Qt.MouseButton.LeftButton)
    assert quiz.quiz.current.feature_id == "syunik"
    click(qtbot, win, 44.3, 40.9)  # far to the north-west of Syunik
    a = quiz.quiz.answers[quiz.quiz.current.id]
    assert not a.right and a.distance_km > 50
    assert f"{a.distance_km:.0f} km off" in quiz.panel.result.text()
    assert quiz.panel.score.text() == "Score: 1 of 2"

    qtbot.mouseClick(quiz.panel.next, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(quiz.panel.reveal, Qt.MouseButton.LeftButton)  # "show me": asked, not right
    assert quiz.quiz.score == (1, 3) and quiz.panel.result.text()

    qtbot.keyClick(win.canvas, Qt.Key.Key_Escape)
    assert win.lessons.quiz is None and not win.lessons.actions["quiz"].isChecked()
    assert win.canvas.options.labels and win.canvas.interactive and win.canvas.scene is None
    assert (doc.camera, list(doc.selection), doc.date, {lay.id: lay.visible for lay in doc.layers}) == before
    win.canvas.repaint()
    assert win.canvas.last_labels  # the names are back


def test_the_quiz_speaks_arabic(qtbot, win):
    win.set_language("ar")
    try:
        win.lessons.toggle_quiz(True)
        quiz = win.lessons.quiz
        assert quiz.panel.prompt.text() == quiz.quiz.current.prompt["ar"]
        assert quiz.panel.end.text() == "إنهاء الاختبار"
        assert quiz.panel.layoutDirection() == Qt.LayoutDirection.RightToLeft
        click(qtbot, win, 45.4, 39.2)
        assert quiz.panel.result.text().startswith("إجابة صحيحة")
        assert "ختبار" in win.lessons.actions["quiz"].text()  # (its &-mnemonic sits inside the word)
        win.lessons.toggle_quiz(False)
    finally:
        win.set_language("en")


def test_exports_and_lessons_from_the_menu(qtbot, win, tmp_path, monkeypatch):
    actions = win.lessons
    story = tmp_path / "lesson"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(story), ""))
    actions.export_story()
    qtbot.waitUntil(lambda: actions.task is None, timeout=30_000)
    page = story.with_name("lesson.html")
    assert page.exists() and page.read_text(encoding="utf-8").count("class='cv-slide'") == len(win.session.scenes)
    assert "web page" in win.statusBar().currentMessage()

    sheet = tmp_path / "sheet.pdf"
    actions.export_worksheet(sheet)
    assert sheet.read_bytes().startswith(b"%PDF") and "answer key" in win.statusBar().currentMessage()

    lesson = tmp_path / "mine.cvlesson"
    actions.share_lesson(lesson)
    assert lesson.exists() and "14 scene" in win.statusBar().currentMessage()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(lesson), ""))
    n = len(win.session.scenes)
    actions.import_lesson()
    qtbot.waitUntil(lambda: actions.task is None, timeout=30_000)
    assert len(win.session.scenes) == n and "already" in win.statusBar().currentMessage()

    bad = tmp_path / "bad.cvlesson"
    bad.write_text("{", encoding="utf-8")
    actions.import_lesson(Path(bad))
    qtbot.waitUntil(lambda: actions.task is None, timeout=30_000)
    assert win.warnings and "bad.cvlesson" in win.warnings[-1]
