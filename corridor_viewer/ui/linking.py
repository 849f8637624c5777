"""Linking the articles off the UI thread: the map pans and zooms while the gazetteer compiles.

The session makes the job (a snapshot of the layers and articles) and publishes its result; this runs
it on a one-thread pool, and runs it again when the inputs changed meanwhile, so only the newest result
is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThreadPool, Signal

from corridor_viewer.model.session import Session
from corridor_viewer.ui.bind import listen
from corridor_viewer.ui.worker import Task


class LinkRunner(QObject):
    linked = Signal()  # new links are in the document (the panels hold them)
    failed = Signal(str)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._task: Task | None = None
        self._again = False
        listen(self, session.link_inputs_changed, self.request)

    @property
    def busy(self) -> bool:
        return self._task is not None

    def request(self) -> None:
        """Link (again) in the background; a request while linking runs once more afterwards."""
        if self._task is not None:
            self._again = True
            return
        job = self.session.link_job()
        task = Task(lambda _progress, _cancel: job())
        task.signals.done.connect(self._done)
        task.signals.failed.connect(self._failed)
        self._task = task
        self.pool.start(task)

    def _finish(self) -> bool:
        self._task = None
        if self._again:
            self._again = False
            self.request()
            return True
        return False

    def _done(self, result) -> None:
        published = self.session.set_links(result)
        if self._finish() or not published:
            return
        self.linked.emit()
        if self.session.gazetteer is None:  # links from the cache: compile the name search quietly
            job = self.session.gazetteer_job()
            task = Task(lambda _p, _c: job())
            task.signals.done.connect(self.session.set_gazetteer)
            self._gazetteer_task = task  # keep it alive while it runs
            self.pool.start(task)

    def _failed(self, message: str) -> None:
        self._finish()
        self.failed.emit(message)

    def wait(self, ms: int = 30_000) -> bool:
        """Block until the queue is empty (tests, and before the app quits)."""
        return self.pool.waitForDone(ms)
