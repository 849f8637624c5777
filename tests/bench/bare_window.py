"""The start-up floor: a bare PySide6 window that paints once, reporting like --exit-after-paint."""

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from corridor_viewer.proctime import process_start_time  # same clock as the app (stdlib-only module)


class Bare(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.done = False

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        p.end()
        if not self.done:
            self.done = True
            print(f"first-paint-ms={(time.time() - process_start_time()) * 1000:.0f}", flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)


app = QApplication(sys.argv[:1])
w = Bare()
w.resize(1280, 800)
w.show()
sys.exit(app.exec())
