"""Issue 16, items 4 and 5 in use: a reader confirms, rejects and reassigns links (right-click in the reader and
the passages list), the decisions survive relinking and a project's save and reopen, go out with the links
(CLI, HTML popups); the feature panel's chart of mentions per month filters the passages through the model;
imported articles come with the date found in them, editable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from corridor_viewer.io.storage import FileStorage
from corridor_viewer.model.links import UNDATED
from corridor_viewer.model.session import Session
from corridor_viewer.ui.main_window import MainWindow

WIRE = ("خبر عاجل\n\nتقع مدينة قوريس في جنوب أرمينيا، قرب كابان، على طريق ممر زانكيزور الذي تطالب به باكو.\n\n"
        "وقالت الوكالة إن نخجوان تنتظر افتتاح الطريق.")


@pytest.fixture
def session(doc, tmp_path):
    s = Session(doc, FileStorage(cache_dir=tmp_path / "cache"))
    s.add_articles([("wire.txt", "خبر", WIRE, "2025-08-09", "")])
    s.relink()
    return s


def shown(session, article_id="user-wire"):
    return [(m.feature_id, m.surface, m.match, m.status) for m in session.doc.links.mentions_in(article_id)]


def mention(session, surface, article_id="user-wire"):
    return next(m for m in session.doc.links.mentions_in(article_id) if m.surface == surface)


# -- the session: decisions applied to every linking, saved with the project, undoable


def test_confirm_reject_assign_survive_relink_and_project_save_and_reopen(session, doc, tmp_path):
    assert ("goris", "قوريس", "variant", "auto") in shown(session)
    assert session.doc.links.count("goris") == 1
    nakhchivan = session.doc.links.count("nakhchivan")  # the bundled articles name it too
    session.decide("reject", mention(session, "قوريس"))  # "Not this place"
    session.decide("confirm", mention(session, "كابان"))
    session.decide("assign", mention(session, "نخجوان"), "nakhchivan-city")  # "This is … Nakhchivan (city)"
    after = shown(session)
    assert ("goris", "قوريس", "variant", "rejected") in after
    assert ("kapan", "كابان", "exact", "confirmed") in after
    assert ("nakhchivan-city", "نخجوان", "exact", "confirmed") in after
    assert session.doc.links.count("goris") == 0 and session.doc.links.count("nakhchivan") == nakhchivan - 1
    assert session.dirty and session.needs_saving()
    session.relink()  # linking again (new layers, new articles) keeps every verdict
    assert shown(session) == after
    path = tmp_path / "review.cvproj"
    session.save(path)
    assert len(json.loads(path.read_text(encoding="utf-8"))["link_decisions"]["decisions"]) == 3
    from corridor_viewer.io.geodata import load_document

    other = Session(load_document(), FileStorage(cache_dir=tmp_path / "cache2"))
    assert other.open_project(path) == []
    assert shown(other) == after and not other.dirty
    other.new_project()  # closing the project forgets its decisions
    other.relink()
    assert len(other.decisions) == 0 and all(m.status == "auto" for m in other.doc.links.mentions)


def test_undo_takes_back_each_decision_and_a_change_is_its_own_undo(session):
    before = shown(session)
    m = mention(session, "قوريس")
    session.decide("assign", m, "kapan")
    session.decide("reject", mention(session, "قوريس"))  # a second verdict on the same name replaces the first
    assert len(session.decisions) == 1 and [s for f, s2, _m, s in shown(session) if s2 == "قوريس"] == ["rejected"]
    assert session.undo_decision().label == "reject"
    assert ("kapan", "قوريس", "variant", "confirmed") in shown(session)
    assert session.undo_decision().label == "assign"
    assert shown(session) == before and session.undo_decision() is None
    # What an undo command needs: plan once, apply, apply backwards.
    change = session.plan_decision("confirm", mention(session, "كابان"))
    session.apply_decision_change(change)
    assert ("kapan", "كابان", "exact", "confirmed") in shown(session)
    session.apply_decision_change(change, undo=True)
    assert shown(session) == before and len(session.decisions) == 0


def test_this_is_on_text_the_linker_missed_and_removing_it(session):
    text = session.doc.links.corpus.get("user-wire").text
    start = text.index("الطريق.")
    session.mark("user-wire", start, start + len("الطريق"), "tripp")
    (m,) = [m for m in session.doc.links.mentions_in("user-wire") if m.start == start]
    assert (m.feature_id, m.match, m.status, m.surface) == ("tripp", "manual", "confirmed", "الطريق")
    session.decide("reject", m)  # "Not this place" on a reader's own link removes it
    assert not [m for m in session.doc.links.mentions_in("user-wire") if m.start == start]
    with pytest.raises(ValueError):
        session.plan_mark("user-wire", 5, 5, "tripp")


def test_an_old_project_opens_and_a_damaged_decisions_section_is_dropped_with_a_warning(session, tmp_path):
    path = tmp_path / "p.cvproj"
    session.decide("reject", mention(session, "قوريس"))
    session.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["link_decisions"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")  # as an older version wrote it
    assert session.open_project(path) == [] and len(session.decisions) == 0
    data["link_decisions"] = {"format": "corridor-viewer/link-decisions", "version": 1,
                              "decisions": [{"article_id": "x", "start": 5, "end": 2}]}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    warnings = session.open_project(path)
    assert any("confirmed and rejected links are damaged" in w for w in warnings)
    assert [a.id for a in session.user_articles] == ["user-wire"]  # everything else still opens


def test_cli_links_with_a_project_writes_each_status(session, tmp_path, capsys):
    from corridor_viewer.cli import links as cli_links

    session.decide("reject", mention(session, "قوريس"))
    session.decide("confirm", mention(session, "كابان"))
    path = tmp_path / "p.cvproj"
    session.save(path)
    capsys.readouterr()
    assert cli_links.main(["--project", str(path), "--format", "jsonl", "--quiet"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    wire = {r["surface"]: (r["feature_id"], r["status"], r["match"]) for r in rows if r["article_id"] == "user-wire"}
    assert wire["قوريس"] == ("goris", "rejected", "variant") and wire["كابان"] == ("kapan", "confirmed", "exact")
    assert wire["ممر زانكيزور"] == ("zangezur-corridor", "auto", "variant")
    assert sum(r["article_id"] != "user-wire" for r in rows) == 514  # and the bundled five, as without a project
    assert cli_links.main(["--project", str(path), "--decisions", str(path)]) == 2


def test_html_popups_mark_confirmed_links_and_leave_rejected_ones_out(session, tmp_path):
    from corridor_viewer.export.web_text import popup_html

    session.decide("confirm", mention(session, "كابان"))
    session.decide("reject", mention(session, "قوريس"))
    links, doc = session.doc.links, session.doc
    kapan = popup_html(links, doc.feature("kapan"), "ar")
    assert "cv-confirmed" in kapan and "ربطٌ أكّده قارئ" in kapan and "✓" in kapan
    assert "قوريس" not in popup_html(links, doc.feature("goris"), "en")


# -- the window: right-click menus, the chart, the import dialog


@pytest.fixture
def window(qtbot, doc, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    # pytest-qt closes the window before fixtures are torn down: "Save your changes?" must not wait for a click.
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard)
    win = MainWindow(doc, None)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    win.session.add_articles([("wire.txt", "خبر", WIRE, "2025-08-09", "")])
    win.session.relink()
    yield win
    win.session.mark_clean()  # closing must not stop at "Save your changes?"


def point_of(reader, m) -> QPoint:
    cur = QTextCursor(reader.browser.document())
    cur.setPosition(reader._map.to_qt(m.start) + 1)
    return reader.browser.cursorRect(cur).center()


def test_reader_menu_says_variant_and_rejects_confirms_and_reassigns(qtbot, window):
    doc = window.doc
    m = mention(window.session, "قوريس")
    doc.set_focus("user-wire", m.start, m.end)
    reader = window.reader
    menu = reader.menu_at(point_of(reader, m))
    texts = [a.text() for a in menu.actions()]
    assert "matched as a spelling variant of «\u2068غوريس\u2069»" in texts[0]
    by_name = {a.objectName(): a for a in menu.actions()}
    assert set(by_name) >= {"confirm", "reject", "assign"} and "undo" not in by_name
    by_name["reject"].trigger()
    m = mention(window.session, "قوريس")
    assert m.status == "rejected" and doc.links.count("goris") == 0
    # The reader shows it struck out, and its menu offers the way back.
    cur = QTextCursor(reader.browser.document())
    cur.setPosition(reader._map.to_qt(m.start) + 1)
    assert cur.charFormat().fontStrikeOut()
    again = {a.objectName(): a for a in reader.menu_at(point_of(reader, m)).actions()}
    assert "reject" not in again and "undo" in again
    assert window.actions_by_key["undo_link"].isEnabled()
    window.actions_by_key["undo_link"].trigger()  # Edit ▸ Undo link decision
    assert mention(window.session, "قوريس").status == "auto" and not window.actions_by_key["undo_link"].isEnabled()
    # "This is …": the picker (patched here) names another feature.
    from corridor_viewer.ui.link_menu import link_menu

    m = mention(window.session, "قوريس")
    picked = link_menu(reader, doc, window.session, m, picker=lambda *_a: "sisian")
    next(a for a in picked.actions() if a.objectName() == "assign").trigger()
    assert mention(window.session, "قوريس").feature_id == "sisian" and doc.links.count("sisian") >= 1


def test_reader_selected_text_can_be_linked_with_this_is(qtbot, window, monkeypatch):
    import corridor_viewer.ui.link_menu as lm

    window.doc.set_focus("user-wire", 0, 0)
    reader = window.reader
    text = window.doc.links.corpus.get("user-wire").text
    start = text.index("الوكالة")
    cur = QTextCursor(reader.browser.document())
    cur.setPosition(reader._map.to_qt(start))
    cur.setPosition(reader._map.to_qt(start + len("الوكالة")), QTextCursor.MoveMode.KeepAnchor)
    reader.browser.setTextCursor(cur)
    monkeypatch.setattr(lm, "pick_feature", lambda *_a: "armenia")  # the dialog's answer
    menu = reader.menu_at(QPoint(2, 2))  # no mention there: the selection's menu
    assert menu.objectName() == "markMenu" and "الوكالة" in menu.actions()[0].text()
    menu.actions()[0].trigger()
    (m,) = [m for m in window.doc.links.mentions_in("user-wire") if m.match == "manual"]
    assert (m.feature_id, m.start, m.surface) == ("armenia", start, "الوكالة")


def test_feature_picker_finds_features_by_any_spelling(qtbot, window):
    from corridor_viewer.ui.link_menu import FeaturePicker

    dlg = FeaturePicker(window.doc, window.session, "قوريس", "goris")
    qtbot.addWidget(dlg)
    assert dlg.chosen() == "goris"
    dlg.box.setText("Gorus")  # the Azerbaijani name
    assert dlg.chosen() == "goris"
    dlg.box.setText("جلفا")
    assert {dlg.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dlg.list.count())} >= {"julfa"}


def test_passages_menu_and_variant_note(qtbot, window):
    doc = window.doc
    doc.select("zangezur-corridor")
    panel = window.feature_panel
    html = panel.passages.toHtml()
    assert "matched as a spelling variant of" in panel.passages.toPlainText()
    assert "mention:user-wire:" in html
    m = mention(window.session, "ممر زانكيزور")
    found = panel.mention_for(f"mention:user-wire:{m.start}:{m.end}")
    assert found == m
    assert panel.mention_for(f"passage:user-wire:{m.start}:{m.end}") == m
    assert panel.mention_for("https://example.org") is None and panel.mention_for("mention:x:y") is None
    menu = panel.menu_for_href(f"mention:user-wire:{m.start}:{m.end}")
    next(a for a in menu.actions() if a.objectName() == "reject").trigger()
    assert "ممر زانكيزور" not in panel.passages.toPlainText()  # rejected: no longer a passage of the corridor


def test_chart_bar_filters_the_passages_through_the_model_and_again_clears(qtbot, window):
    doc = window.doc
    doc.select("zangezur-corridor")
    panel = window.feature_panel
    chart = panel.chart
    months = [mc.month for mc in chart.months]
    assert months[0] == "2023-12" and months[-1] == "2025-08" and UNDATED not in months
    total = sum(mc.mentions for mc in chart.months)
    assert total == doc.links.count("zangezur-corridor")
    i = months.index("2023-12")
    rect = chart.bar_rects()[i]
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=rect.center())
    assert doc.month_filter == "2023-12"
    assert "41 mention" in panel.passages_title.text() and panel.month_chip.isVisible()
    assert "زانكيزور" not in panel.passages.toPlainText()
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=rect.center())  # the same bar again: every month
    assert doc.month_filter is None and not panel.month_chip.isVisible()
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=rect.center())
    doc.select("kapan")  # another feature: its own chart, every month
    assert doc.month_filter is None


def test_chart_runs_right_to_left_in_arabic(qtbot, window):
    doc = window.doc
    doc.select("zangezur-corridor")
    chart = window.feature_panel.chart
    first, last = chart.bar_rects()[0], chart.bar_rects()[-1]
    assert first.left() < last.left()
    window.set_language("ar")
    try:
        first, last = chart.bar_rects()[0], chart.bar_rects()[-1]
        assert first.left() > last.left()  # oldest month on the right
        assert "ديسمبر 2023" in chart.bar_text(chart.months[0])
        img = chart.grab().toImage()
        assert img.width() > 100  # painted without raising (a paint error would have been logged)
    finally:
        window.set_language("en")  # the translator is the application's: later tests expect English


def test_import_finds_the_date_and_the_project_keeps_it(qtbot, window, tmp_path, monkeypatch):
    from corridor_viewer.ui.import_dialogs import ArticlesDialog

    page = tmp_path / "page.html"
    page.write_text("<html><head><script type='application/ld+json'>{\"datePublished\": \"2025-08-11T09:00\"}"
                    "</script></head><body><h1>قوريس</h1><p>نص عن قوريس.</p></body></html>", encoding="utf-8")
    note = tmp_path / "note.txt"
    note.write_text("برقية\nيريفان، 9 أغسطس/آب 2025\n\nنص عن كابان.", encoding="utf-8")
    seen = {}

    def run(dlg):
        seen["rows"] = [(dlg.table.item(r, 0).text(), dlg.dates[r].value(), dlg.table.item(r, 3).text())
                        for r in range(dlg.table.rowCount())]
        dlg.dates[1].precision.setCurrentIndex(dlg.dates[1].PRECISIONS.index("month"))  # the user keeps the month
        return ArticlesDialog.DialogCode.Accepted

    monkeypatch.setattr(ArticlesDialog, "exec", run)
    ids = window.files.imports.import_articles([page, note])
    assert seen["rows"][0][:2] == ("page.html", "2025-08-11") and "JSON-LD" in seen["rows"][0][2]
    assert seen["rows"][1][:2] == ("note.txt", "2025-08-09") and "line 2" in seen["rows"][1][2]
    dates = {a.id: a.published for a in window.session.user_articles}
    assert [dates[i] for i in ids] == ["2025-08-11", "2025-08"]
    path = tmp_path / "p.cvproj"
    window.session.save(path)
    saved = {a["id"]: a["published"] for a in json.loads(Path(path).read_text(encoding="utf-8"))["articles"]}
    assert [saved[i] for i in ids] == ["2025-08-11", "2025-08"]
