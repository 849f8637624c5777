"""The lesson outputs in the menus: the student story page, the worksheet, lessons to share, and the quiz.

File → Export lesson as web page… (one offline HTML file of the scenes, with the quiz), Export worksheet
(PDF)…, Share lesson… (a .cvlesson file), Import lesson… (adds its scenes after yours); View → Quiz:
Where is …?. Thin: the exporters and the session do the work; reading a lesson (its layers may be big) and
writing the web page run on a worker thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThreadPool
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from corridor_viewer.model.session import CancelledError, Session, SessionError
from corridor_viewer.ui.bind import listen
from corridor_viewer.ui.worker import Task

LESSON_SUFFIX = ".cvlesson"


class LessonActions(QObject):
    def __init__(self, window, session: Session) -> None:
        super().__init__(window)
        self.win = window
        self.session = session
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.task: Task | None = None
        self.quiz = None  # ui.quiz.QuizMode while a quiz runs
        self.actions: dict[str, QAction] = {}
        file_menu = window.menus["file"]
        before = window.actions_by_key["quit"]
        for key, slot in (("story", self.export_story), ("worksheet", self.export_worksheet),
                          ("share", self.share_lesson), ("import", self.import_lesson)):
            act = QAction(window)
            act.triggered.connect(lambda _c=False, fn=slot: fn())
            file_menu.insertAction(before, act)
            self.actions[key] = act
            if key in ("worksheet", "import"):
                file_menu.insertSeparator(before)
        act = QAction(window)
        act.setCheckable(True)
        act.triggered.connect(self.toggle_quiz)
        window.menus["view"].insertAction(window.actions_by_key["present"], act)
        self.actions["quiz"] = act
        listen(self, session.doc.language_changed, lambda _l: self.retranslate())
        self.retranslate()

    def retranslate(self) -> None:
        texts = {"story": self.tr("Export lesson as &web page…"), "worksheet": self.tr("Export &worksheet (PDF)…"),
                 "share": self.tr("S&hare lesson…"), "import": self.tr("&Import lesson…"),
                 "quiz": self.tr("&Quiz: Where is …?")}
        for key, text in texts.items():
            self.actions[key].setText(text)
        self.actions["share"].setToolTip(self.tr("One file with your scenes and the layers and articles they use"))
        if self.quiz is not None:
            self.quiz.retranslate()

    # -- helpers
    def _scenes(self) -> list:
        if not len(self.session.scenes):
            self.win.load_scenes()
        return list(self.session.scenes)

    def _status(self, text: str, ms: int = 8000) -> None:
        self.win.statusBar().showMessage(text, ms)

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.win, title, text)

    def _save_name(self, title: str, default: str, pattern: str, suffix: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self.win, title, default, pattern)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def _run(self, fn, done, failed_title: str, *, errors=(), busy: str = "") -> None:
        """``fn()`` on the worker; ``done(result)`` back on this thread."""
        if self.task is not None:
            self._status(self.tr("Still working on the last one; try again in a moment"), 4000)
            return
        task = Task(lambda _p, _c: fn(), errors=errors, cancel_types=(CancelledError,))
        self.task = task
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        if busy:
            self._status(busy, 0)

        def over() -> None:
            self.task = None
            QGuiApplication.restoreOverrideCursor()
            self.win.statusBar().clearMessage()

        task.signals.done.connect(lambda r: (over(), done(r)))
        task.signals.failed.connect(lambda msg: (over(), self._warn(failed_title, msg)))
        task.signals.cancelled.connect(over)
        self.pool.start(task)

    def wait(self, ms: int = 30000) -> bool:
        """Tests: wait for the worker."""
        return self.pool.waitForDone(ms)

    # -- the student story page
    def export_story(self, path: Path | None = None) -> None:
        from corridor_viewer.export.story import export_story
        from corridor_viewer.io.classroom import quiz_questions
        from corridor_viewer.model.export_settings import ExportError, ExportSettings

        scenes = self._scenes()
        if not scenes:
            self._warn(self.tr("Export lesson as web page"), self.tr("There are no scenes to export."))
            return
        path = path or self._save_name(self.tr("Export lesson as web page"), self.tr("lesson") + ".html",
                                       self.tr("Web page") + " (*.html)", ".html")
        if path is None:
            return
        doc = self.session.doc
        base = doc.map_state(badges=False)
        settings = ExportSettings(language=doc.language, format="html", digits=self.session.export_settings.digits)
        links = doc.links
        questions = quiz_questions()
        self._run(lambda: export_story(base, scenes, path, settings, links, questions),
                  lambda summary: self._status(self.tr("Saved %1: a web page of %n scene(s) with the quiz; it works "
                                                       "offline", "", len(scenes)).replace("%1", path.name)),
                  self.tr("Export failed"), errors=(ExportError, OSError),
                  busy=self.tr("Writing the web page…"))

    # -- the worksheet
    def export_worksheet(self, path: Path | None = None) -> None:
        from corridor_viewer.export.worksheet import export_worksheet
        from corridor_viewer.io.classroom import worksheet
        from corridor_viewer.model.export_settings import ExportError, ExportSettings
        from corridor_viewer.model.worksheet import WorksheetError, worksheet_for

        scenes = self._scenes()
        doc = self.session.doc
        try:
            sheet = worksheet_for(worksheet(), scenes, doc.map_state().features)
        except WorksheetError as exc:
            self._warn(self.tr("Export failed"), str(exc))
            return
        if not sheet.questions:
            self._warn(self.tr("Export worksheet"), self.tr("None of these scenes has a worksheet question or a "
                                                            "highlighted place to ask about."))
            return
        path = path or self._save_name(self.tr("Export worksheet"), self.tr("worksheet") + ".pdf", "PDF (*.pdf)",
                                       ".pdf")
        if path is None:
            return
        settings = ExportSettings(preset="a4-portrait", format="pdf", language=doc.language, dpi=300,
                                  digits=self.session.export_settings.digits)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        try:  # QPainter on a PDF: on this thread, like the handout (a second or two)
            result = export_worksheet(doc.map_state(badges=False), sheet, scenes, path, settings)
        except (ExportError, OSError) as exc:
            self._warn(self.tr("Export failed"), str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        pages = self.tr("%n page(s)", "", result.pages)
        self._status(self.tr("Saved %1: a worksheet of %2 with an answer key").replace("%1", path.name)
                     .replace("%2", pages))

    # -- lessons to share
    def share_lesson(self, path: Path | None = None) -> None:
        scenes = self._scenes()
        if not scenes:
            self._warn(self.tr("Share lesson"), self.tr("There are no scenes to share."))
            return
        path = path or self._save_name(self.tr("Share lesson"), self.tr("lesson") + LESSON_SUFFIX,
                                       self.tr("Corridor Viewer lesson") + f" (*{LESSON_SUFFIX})", LESSON_SUFFIX)
        if path is None:
            return
        try:
            lesson = self.session.save_lesson(path, title=path.stem)
        except (SessionError, OSError) as exc:
            self._warn(self.tr("Cannot save the lesson"), str(exc))
            return
        self._status(self.tr("Saved %1: %n scene(s)", "", len(lesson.scenes)).replace("%1", path.name)
                     + (" " + self.tr("with %n of your layer(s)", "", len(lesson.layers)) if lesson.layers else ""))

    def import_lesson(self, path: Path | None = None) -> None:
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self.win, self.tr("Import lesson"), "",
                                                  self.tr("Corridor Viewer lesson") + f" (*{LESSON_SUFFIX});;"
                                                  + self.tr("All files") + " (*)")
            if not name:
                return
            path = Path(name)
        session = self.session
        self._run(lambda: session.read_lesson(Path(path)), self._lesson_read, self.tr("Cannot import the lesson"),
                  errors=(SessionError,), busy=self.tr("Reading %1…").replace("%1", Path(path).name))

    def _lesson_read(self, work) -> None:
        added = self.session.apply_lesson(work)
        if added:
            self._status(self.tr("Added %n scene(s) after yours", "", len(added)))
        else:
            self._status(self.tr("You already have every scene of this lesson; nothing was added"))
        if work.warnings:
            QMessageBox.information(self.win, self.tr("Lesson imported"), "\n\n".join(work.warnings[:20]))

    # -- the quiz
    def toggle_quiz(self, on: bool | None = None) -> None:
        from corridor_viewer.ui.quiz import QuizMode

        if on is None:
            on = self.quiz is None
        if self.quiz is not None and not on:
            self.quiz.stop()
            return
        if self.quiz is None and on:
            self.quiz = QuizMode(self.win.canvas, self.session.doc, self.win)
            self.quiz.finished.connect(self._quiz_over)
            if not self.quiz.start():
                self._quiz_over()
                self._warn(self.tr("Quiz"), self.tr("This map has none of the quiz's places."))
        self.actions["quiz"].setChecked(self.quiz is not None)

    def _quiz_over(self) -> None:
        if self.quiz is not None:
            self.quiz.deleteLater()
        self.quiz = None
        self.actions["quiz"].setChecked(False)
