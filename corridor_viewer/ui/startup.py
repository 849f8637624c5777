"""Start-up identity and feedback: the window icon, and a splash only when start-up is slow.

Whether start-up is slow is known from the last run (QSettings) or from how long this run has
already taken when the application object exists; a fast start never shows a splash.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QIcon

from corridor_viewer import APP_NAME, __version__
from corridor_viewer.desktop import APP_ID, ICON_SIZES
from corridor_viewer.proctime import process_start_time
from corridor_viewer.resources import resource
from corridor_viewer.ui.settings import get_float

if TYPE_CHECKING:  # the splash classes load only when a splash is shown
    from PySide6.QtGui import QPixmap
    from PySide6.QtWidgets import QApplication, QSplashScreen, QWidget

SPLASH_ABOVE_MS = 1000.0
LAST_STARTUP_KEY = "startup/last_first_paint_ms"


def app_icon() -> QIcon:
    """Every rendered size, so each platform picks a crisp one (files load only when a size is drawn)."""
    icon = QIcon()
    for n in ICON_SIZES:
        icon.addFile(str(resource("icons", f"{APP_ID}-{n}.png")), QSize(n, n))
    return icon


def apply_identity(app: QApplication) -> None:
    app.setWindowIcon(app_icon())
    # Wayland compositors and X11 task bars match the window to the installed .desktop entry by this id.
    QGuiApplication.setDesktopFileName(APP_ID)


def expect_slow_start(settings, started: float | None = None) -> bool:
    """True when this start-up will likely pass SPLASH_ABOVE_MS before the map is painted."""
    started = process_start_time() if started is None else started
    last = get_float(settings, LAST_STARTUP_KEY) if settings is not None else None
    if last is not None and last > SPLASH_ABOVE_MS:
        return True
    # Loading the data and building the window take about as long as starting Python and Qt did,
    # so half the budget gone already (a cold disk) predicts a slow start.
    return (time.time() - started) * 1000 > SPLASH_ABOVE_MS / 2


def splash_pixmap() -> QPixmap:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QFont, QPainter, QPixmap

    pm = QPixmap(360, 330)
    pm.fill(QColor("#ffffff"))
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.drawPixmap(52, 16, QPixmap(str(resource("icons", f"{APP_ID}-256.png"))))
    font = QFont(p.font())
    font.setPointSizeF(15)
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("#0f3552"))
    p.drawText(0, 276, 360, 40, Qt.AlignmentFlag.AlignCenter, f"{APP_NAME} {__version__}")
    p.end()
    return pm


def maybe_splash(app: QApplication, settings) -> QSplashScreen | None:
    if not expect_slow_start(settings):
        return None
    from PySide6.QtWidgets import QSplashScreen

    splash = QSplashScreen(splash_pixmap())
    splash.show()
    app.processEvents()  # paint it now: the event loop only starts once the window is built
    return splash


def track_first_paint(win: QWidget, splash: QSplashScreen | None, settings) -> None:
    """On the first painted map: close the splash and remember how long start-up took.

    Pass settings=None on measurement runs so they neither read nor write the user's figure.
    """
    started = process_start_time()

    def first_paint(_ms: float) -> None:
        win.canvas.painted.disconnect(first_paint)
        if splash is not None:
            splash.finish(win)
        if settings is not None:
            settings.setValue(LAST_STARTUP_KEY, round((time.time() - started) * 1000))

    win.canvas.painted.connect(first_paint)


def install_label_plans(doc, app) -> object:
    """The last session's label layouts for the first paint (io.plancache), written back when the app quits.
    The fingerprint holds what a plan's key cannot see; a bundle's code files keep their build time."""
    from pathlib import Path

    import PySide6
    from PySide6.QtGui import QFontInfo

    from corridor_viewer.io.plancache import LabelPlanCache, fingerprint_files
    from corridor_viewer.io.userdirs import cache_dir
    from corridor_viewer.render import labels, text
    from corridor_viewer.resources import geodata_dir

    pkg = Path(labels.__file__).resolve().parent.parent
    code = [*(pkg / "render").glob("*.py"), *(pkg / "model").glob("*.py")]
    fingerprint = [__version__, PySide6.__version__, QFontInfo(text.font(12)).family(),
                   fingerprint_files(code), fingerprint_files(list(geodata_dir().glob("*")))]
    cache = LabelPlanCache(cache_dir(), fingerprint, frozenset(layer.id for layer in doc.layers))
    labels.use_plan_store(cache)
    app.aboutToQuit.connect(cache.save)
    return cache
