"""The export dialog: live preview, every format from the dialog, remembered choices, clipboard."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtWidgets import QApplication

from corridor_viewer.ui.export_dialog import ExportDialog
from corridor_viewer.ui.main_window import MainWindow
from corridor_viewer.ui.settings import load_export_settings as load_settings
from corridor_viewer.ui.settings import open_settings


def make(qtbot, doc):
    store = open_settings()
    win = MainWindow(doc, store)
    qtbot.addWidget(win)
    win.show()
    win.session.relink()
    dlg = ExportDialog(win.session, win.canvas.map_state, win.current_quote, win)
    qtbot.addWidget(dlg)
    return win, dlg, store


def test_preview_follows_the_settings_and_mirrors_for_arabic(qtbot, doc):
    _win, dlg, _ = make(qtbot, doc)
    dlg.show()
    dlg.update_preview()
    assert dlg.preview.pixmap() is not None and not dlg.preview.pixmap().isNull()
    assert "1920 × 1080" in dlg.status.text()
    dlg._set_combo(dlg.preset, "square-1080")
    dlg.update_preview()
    pm = dlg.preview.pixmap()
    assert abs(pm.width() - pm.height()) <= 2
    dlg._set_combo(dlg.preset, "custom")
    dlg.custom_w.setValue(50)
    dlg.update_preview()
    assert not dlg.export_button.isEnabled()  # too small: a message instead of a broken file


def test_every_format_from_the_dialog_and_choices_are_remembered(qtbot, doc, tmp_path):
    _win, dlg, store = make(qtbot, doc)
    dlg.title.setText("ممر زنغزور")
    dlg._set_combo(dlg.language, "ar")
    for fmt in ("png", "svg", "pdf", "html"):
        dlg._set_combo(dlg.format, fmt)
        s = dlg.settings()
        out = tmp_path / f"map.{fmt}"
        assert dlg.write(s, out), fmt
        assert out.stat().st_size > 1000
    with Image.open(tmp_path / "map.png") as im:
        assert im.size == (1920, 1080)
    again = load_settings(store, "en")
    assert again.title == "ممر زنغزور" and again.language == "ar" and again.format == "html"


def test_copy_map_puts_an_image_on_the_clipboard(qtbot, doc):
    win, _, _ = make(qtbot, doc)
    QApplication.clipboard().clear()
    win.copy_map()
    img = QApplication.clipboard().image()
    assert not img.isNull() and img.width() == 1920 and img.height() == 1080


def test_quote_box_uses_the_reader_passage(qtbot, doc, tmp_path: Path):
    _win, dlg, _ = make(qtbot, doc)
    art = doc.links.corpus.by_date()[0]
    m = doc.links.mentions_in(art.id)[0]
    doc.set_focus(art.id, m.start, m.end)
    s = dlg.settings()
    s.format, s.language = "svg", "ar"
    out = tmp_path / "q.svg"
    dlg.write(s, out)
    assert art.text[m.start:m.end].split()[0] in out.read_text(encoding="utf-8")  # the Arabic original


REMEMBERED = [
    {"preset": "custom", "custom_width": 400, "custom_height": 300, "custom_unit": "px"},  # once a crash
    {"preset": "custom", "custom_width": 1, "custom_height": 1, "custom_unit": "px"},
    {"preset": "custom", "custom_width": 12000, "custom_height": 200, "custom_unit": "px"},
    {"preset": "custom", "custom_width": 5, "custom_height": 5000, "custom_unit": "mm", "dpi": 1200},
    {"preset": "custom", "custom_width": 1e300, "custom_height": -3, "custom_unit": "px", "dpi": 0},
    {"preset": "no-such-preset", "format": "exe", "language": "fr", "dpi": "high"},
]


def test_a_remembered_size_can_never_crash_the_dialog(qtbot, doc):
    import json
    import math

    from corridor_viewer.ui.settings import EXPORT_KEY as SETTINGS_KEY

    for raw in [json.dumps(r) for r in REMEMBERED] + ['{"custom_width": NaN, "preset": "custom"}',
                                                       '{"custom_width": Infinity, "preset": "custom"}', "[1, 2"]:
        store = open_settings()
        store.setValue(SETTINGS_KEY, raw)
        settings = load_settings(store, "en")
        assert math.isfinite(settings.custom_width) and math.isfinite(settings.dpi)
        win = MainWindow(doc, store)
        qtbot.addWidget(win)
        dlg = ExportDialog(win.session, win.canvas.map_state, win.current_quote, win)
        qtbot.addWidget(dlg)
        dlg.show()
        dlg.update_preview()  # renders, or says why not and disables Export
        assert dlg.export_button.isEnabled() or dlg.status.text(), raw
        dlg.close()
        win.close()
