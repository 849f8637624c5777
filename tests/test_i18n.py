"""Arabic done properly: plural forms, units, dates and Qt's own dialogs (issue 13, item 10)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QColorDialog, QDialogButtonBox, QFileDialog, QLabel, QMessageBox

from corridor_viewer.ui import i18n

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
COUNTS = (0, 1, 2, 3, 11, 100)

# Every pluralised message, as Arabic (Qt's six forms: 0, 1, 2, 3–10, 11–99, 100+) and English should say
# it for 0, 1, 2, 3, 11 and 100.
PLURALS = {
    ("AnnotationsPanel", "%n label edit(s)"): (
        ["لا تعديلات على التسميات", "تعديل واحد على التسميات", "تعديلان على التسميات", "3 تعديلات على التسميات",
         "11 تعديلًا على التسميات", "100 تعديل على التسميات"],
        ["0 label edits", "1 label edit", "2 label edits", "3 label edits", "11 label edits", "100 label edits"]),
    ("MapEdits", "Added %n annotation(s)"): (
        ["لم يُضف أي تعليق", "أُضيف تعليق واحد", "أُضيف تعليقان", "أُضيف 3 تعليقات", "أُضيف 11 تعليقًا",
         "أُضيف 100 تعليق"],
        ["Added 0 annotations", "Added 1 annotation", "Added 2 annotations", "Added 3 annotations",
         "Added 11 annotations", "Added 100 annotations"]),
    ("FeaturePanel", "%n mention(s)"): (
        ["لا إشارات", "إشارة واحدة", "إشارتان", "3 إشارات", "11 إشارة", "100 إشارة"],
        ["0 mentions", "1 mention", "2 mentions", "3 mentions", "11 mentions", "100 mentions"]),
    ("FeaturePanel", "in %n passage(s)"): (
        ["في 0 مقطع", "في مقطع واحد", "في مقطعين", "في 3 مقاطع", "في 11 مقطعًا", "في 100 مقطع"],
        ["in 0 passages", "in 1 passage", "in 2 passages", "in 3 passages", "in 11 passages", "in 100 passages"]),
    ("FeaturePanel", "of %n article(s)"): (
        ["من 0 مقال", "من مقال واحد", "من مقالين", "من 3 مقالات", "من 11 مقالًا", "من 100 مقال"],
        ["of 0 articles", "of 1 article", "of 2 articles", "of 3 articles", "of 11 articles", "of 100 articles"]),
    ("MentionsChart", "%n mention(s)"): (
        ["لا إشارات", "إشارة واحدة", "إشارتان", "3 إشارات", "11 إشارة", "100 إشارة"],
        ["0 mentions", "1 mention", "2 mentions", "3 mentions", "11 mentions", "100 mentions"]),
    ("MentionsChart", "in %n article(s)"): (
        ["في 0 مقال", "في مقال واحد", "في مقالين", "في 3 مقالات", "في 11 مقالًا", "في 100 مقال"],
        ["in 0 articles", "in 1 article", "in 2 articles", "in 3 articles", "in 11 articles", "in 100 articles"]),
    ("FeaturePanel", "Mentioned %n time(s) in the articles"): (
        ["لم يرد ذكره في المقالات", "ورد ذكره مرة واحدة في المقالات", "ورد ذكره مرتين في المقالات",
         "ورد ذكره 3 مرات في المقالات", "ورد ذكره 11 مرة في المقالات", "ورد ذكره 100 مرة في المقالات"],
        ["Mentioned 0 times in the articles", "Mentioned once in the articles", "Mentioned 2 times in the articles",
         "Mentioned 3 times in the articles", "Mentioned 11 times in the articles",
         "Mentioned 100 times in the articles"]),
    ("LayersPanel", "%n feature(s)"): (
        ["لا معالم", "معلم واحد", "معلمان", "3 معالم", "11 معلمًا", "100 معلم"],
        ["0 features", "1 feature", "2 features", "3 features", "11 features", "100 features"]),
    ("LayersPanel", "… and %n more"): (
        ["… ولا معالم أخرى", "… ومعلم آخر", "… ومعلمان آخران", "… و3 معالم أخرى", "… و11 معلمًا آخر",
         "… و100 معلم آخر"],
        ["… and 0 more", "… and 1 more", "… and 2 more", "… and 3 more", "… and 11 more", "… and 100 more"]),
    ("SearchPanel", "%n feature(s)"): (
        ["لا معالم", "معلم واحد", "معلمان", "3 معالم", "11 معلمًا", "100 معلم"],
        ["0 features", "1 feature", "2 features", "3 features", "11 features", "100 features"]),
    ("SearchPanel", "%n passage(s)"): (
        ["لا مقاطع", "مقطع واحد", "مقطعان", "3 مقاطع", "11 مقطعًا", "100 مقطع"],
        ["0 passages", "1 passage", "2 passages", "3 passages", "11 passages", "100 passages"]),
    ('LessonActions', 'Saved %1: a web page of %n scene(s) with the quiz; it works offline'): (
        ['حُفظ %1: صفحة ويب بلا مشاهد مع الاختبار، تعمل دون اتصال',
         'حُفظ %1: صفحة ويب من مشهد واحد مع الاختبار، تعمل دون اتصال',
         'حُفظ %1: صفحة ويب من مشهدين مع الاختبار، تعمل دون اتصال',
         'حُفظ %1: صفحة ويب من 3 مشاهد مع الاختبار، تعمل دون اتصال',
         'حُفظ %1: صفحة ويب من 11 مشهدًا مع الاختبار، تعمل دون اتصال',
         'حُفظ %1: صفحة ويب من 100 مشهد مع الاختبار، تعمل دون اتصال'],
        ['Saved %1: a web page of 0 scenes with the quiz; it works offline',
         'Saved %1: a web page of 1 scene with the quiz; it works offline',
         'Saved %1: a web page of 2 scenes with the quiz; it works offline',
         'Saved %1: a web page of 3 scenes with the quiz; it works offline',
         'Saved %1: a web page of 11 scenes with the quiz; it works offline',
         'Saved %1: a web page of 100 scenes with the quiz; it works offline']),
    ('LessonActions', '%n page(s)'): (
        ['لا صفحات', 'صفحة واحدة', 'صفحتين', '3 صفحات', '11 صفحةً', '100 صفحة'],
        ['0 pages', '1 page', '2 pages', '3 pages', '11 pages', '100 pages']),
    ('LessonActions', 'Saved %1: %n scene(s)'): (
        ['حُفظ %1: لا مشاهد',
         'حُفظ %1: مشهد واحد',
         'حُفظ %1: مشهدان',
         'حُفظ %1: 3 مشاهد',
         'حُفظ %1: 11 مشهدًا',
         'حُفظ %1: 100 مشهد'],
        ['Saved %1: 0 scenes',
         'Saved %1: 1 scene',
         'Saved %1: 2 scenes',
         'Saved %1: 3 scenes',
         'Saved %1: 11 scenes',
         'Saved %1: 100 scenes']),
    ('LessonActions', 'with %n of your layer(s)'): (
        ['دون طبقات من طبقاتك',
         'مع طبقة واحدة من طبقاتك',
         'مع طبقتين من طبقاتك',
         'مع 3 طبقات من طبقاتك',
         'مع 11 طبقةً من طبقاتك',
         'مع 100 طبقة من طبقاتك'],
        ['with 0 of your layers',
         'with 1 of your layers',
         'with 2 of your layers',
         'with 3 of your layers',
         'with 11 of your layers',
         'with 100 of your layers']),
    ('LessonActions', 'Added %n scene(s) after yours'): (
        ['لم يُضف أي مشهد',
         'أُضيف مشهد واحد بعد مشاهدك',
         'أُضيف مشهدان بعد مشاهدك',
         'أُضيف 3 مشاهد بعد مشاهدك',
         'أُضيف 11 مشهدًا بعد مشاهدك',
         'أُضيف 100 مشهد بعد مشاهدك'],
        ['Added 0 scenes after yours',
         'Added 1 scene after yours',
         'Added 2 scenes after yours',
         'Added 3 scenes after yours',
         'Added 11 scenes after yours',
         'Added 100 scenes after yours']),
    ("FileMenu", "Added %n scene(s) after yours"): (
        ["لم يُضف أي مشهد", "أُضيف مشهد واحد بعد مشاهدك", "أُضيف مشهدان بعد مشاهدك", "أُضيف 3 مشاهد بعد مشاهدك",
         "أُضيف 11 مشهدًا بعد مشاهدك", "أُضيف 100 مشهد بعد مشاهدك"],
        ["Added 0 scenes after yours", "Added 1 scene after yours", "Added 2 scenes after yours",
         "Added 3 scenes after yours", "Added 11 scenes after yours", "Added 100 scenes after yours"]),
    ("Importer", "Added %n article(s) and linked them to the map"): (
        ["لم يُضف أي مقال", "أُضيف مقال واحد ورُبط بالخريطة", "أُضيف مقالان ورُبطا بالخريطة",
         "أُضيف 3 مقالات ورُبطت بالخريطة", "أُضيف 11 مقالًا ورُبطت بالخريطة", "أُضيف 100 مقال ورُبطت بالخريطة"],
        ["Added 0 articles and linked them to the map", "Added 1 article and linked it to the map",
         "Added 2 articles and linked them to the map", "Added 3 articles and linked them to the map",
         "Added 11 articles and linked them to the map", "Added 100 articles and linked them to the map"]),
    ("Importer", "%n feature(s) imported"): (
        ["لم يُستورد أي معلم", "استُورد معلم واحد", "استُورد معلمان", "استُورد 3 معالم", "استُورد 11 معلمًا",
         "استُورد 100 معلم"],
        ["0 features imported", "1 feature imported", "2 features imported", "3 features imported",
         "11 features imported", "100 features imported"]),
    ("Importer", "%n repaired"): (
        ["لم يُصلَح أي معلم", "أُصلح معلم واحد", "أُصلح معلمان", "أُصلح 3 معالم", "أُصلح 11 معلمًا", "أُصلح 100 معلم"],
        ["0 repaired", "1 repaired", "2 repaired", "3 repaired", "11 repaired", "100 repaired"]),
    ("Importer", "%n skipped"): (
        ["لم يُستبعد أي معلم", "استُبعد معلم واحد", "استُبعد معلمان", "استُبعد 3 معالم", "استُبعد 11 معلمًا",
         "استُبعد 100 معلم"],
        ["0 skipped", "1 skipped", "2 skipped", "3 skipped", "11 skipped", "100 skipped"]),
    ("MainWindow", "PDF handout, %n page(s)"): (
        ["مطبوعة PDF بلا صفحات", "مطبوعة PDF من صفحة واحدة", "مطبوعة PDF من صفحتين", "مطبوعة PDF من 3 صفحات",
         "مطبوعة PDF من 11 صفحة", "مطبوعة PDF من 100 صفحة"],
        ["PDF handout, 0 pages", "PDF handout, 1 page", "PDF handout, 2 pages", "PDF handout, 3 pages",
         "PDF handout, 11 pages", "PDF handout, 100 pages"]),
    ("CrashDialog", "The same error happened again %n time(s)."): (
        ["لم يتكرر الخطأ نفسه.", "تكرر الخطأ نفسه مرة واحدة.", "تكرر الخطأ نفسه مرتين.", "تكرر الخطأ نفسه 3 مرات.",
         "تكرر الخطأ نفسه 11 مرة.", "تكرر الخطأ نفسه 100 مرة."],
        ["The same error happened again 0 times.", "The same error happened again 1 time.",
         "The same error happened again 2 times.", "The same error happened again 3 times.",
         "The same error happened again 11 times.", "The same error happened again 100 times."]),
}


@pytest.fixture
def lang(qapp):
    """Switch the UI language for a test; English again afterwards (other tests expect it)."""
    def use(code: str) -> None:
        i18n.install(qapp, code)

    yield use
    i18n.install(qapp, "en")


def _messages(ts: Path):
    for ctx in ET.parse(ts).getroot().iter("context"):
        for m in ctx.iter("message"):
            yield ctx.findtext("name"), m


# -- plural forms


@pytest.mark.parametrize(("context", "source"), sorted(PLURALS))
def test_plural_forms_for_0_1_2_3_11_and_100(lang, context, source):
    ar, en = PLURALS[(context, source)]
    for code, expected in (("ar", ar), ("en", en)):
        lang(code)
        got = [QCoreApplication.translate(context, source, "", n) for n in COUNTS]
        assert got == expected, code


def test_every_plural_message_is_tested_and_has_all_its_forms():
    """A new "%n" message must get its six Arabic and two English forms, and a line in PLURALS above."""
    for ts, n_forms in (("corridor_viewer_ar.ts", 6), ("corridor_viewer_en.ts", 2)):
        found = set()
        for ctx, m in _messages(TRANSLATIONS / ts):
            if m.get("numerus") != "yes":
                continue
            found.add((ctx, m.findtext("source")))
            forms = [f.text or "" for f in m.find("translation").iter("numerusform")]
            assert len(forms) == n_forms and all(forms), (ts, ctx, m.findtext("source"))
            if n_forms == 6:  # 3–10, 11–99 and 100+ are written with the number itself
                assert all("%n" in f for f in forms[3:]), (ctx, m.findtext("source"))
        assert found == set(PLURALS), ts


def test_no_count_is_pasted_into_a_placeholder():
    """Counts go through tr("…%n…", "", n), never .replace("%1", str(len(…))) (no plural form then)."""
    pasted = re.compile(r'\.replace\("%\d", str\((len\(|n_|[\w.]*count\()')
    offenders = [f"{p.name}:{i}" for p in (ROOT / "corridor_viewer" / "ui").glob("*.py")
                 for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if pasted.search(line)]
    assert offenders == []


def test_catalogues_are_finished_and_their_qm_files_are_current(tmp_path):
    lrelease = shutil.which("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not on PATH")
    for lang_code in ("ar", "en"):
        ts = TRANSLATIONS / f"corridor_viewer_{lang_code}.ts"
        assert 'type="unfinished"' not in ts.read_text(encoding="utf-8")
        out = tmp_path / f"{lang_code}.qm"
        subprocess.run([lrelease, str(ts), "-qm", str(out)], check=True, capture_output=True)
        assert out.read_bytes() == (TRANSLATIONS / f"corridor_viewer_{lang_code}.qm").read_bytes(), \
            f"run pyside6-lrelease on {ts.name}"


# -- the feature panel in Arabic


@pytest.fixture
def arabic_window(qtbot, doc, lang):
    from corridor_viewer.ui.main_window import MainWindow

    lang("ar")
    doc.set_language("ar")
    win = MainWindow(doc, None)
    qtbot.addWidget(win)
    win.session.relink()
    return win


def _facts(html_text: str) -> str:
    """The panel's own text: what comes before the sources (whose titles are quoted as published)."""
    return html_text.split("<h4>المصادر</h4>")[0]


def test_feature_panel_in_arabic_dual(arabic_window):
    win = arabic_window
    win.doc.select("upper-lars")
    assert "ورد ذكره مرتين في المقالات" in win.feature_panel.browser.toPlainText()  # the dual, not "2 مرة"
    assert win.feature_panel.passages_title.text() == "المقاطع: إشارتان في مقطعين من مقال واحد"


def test_feature_panel_in_arabic_syunik(arabic_window):
    win = arabic_window
    win.doc.select("syunik")
    text = win.feature_panel.browser.toPlainText()
    assert "4,506 كم²" in text and "كم²" in text.split("المساحة المرسومة على هذه الخريطة")[1].splitlines()[0]
    assert "km" not in _facts(win.feature_panel.render_html(win.doc.feature("syunik")))
    # Twice: "سيونيك" in 000 and in 001; "عبر منطقة زنگزور" in 000 is Azerbaijan's side (region
    # rule). The dual, not "2 مرة"; 3 to 10 taking the plural is checked in PLURALS.
    assert "ورد ذكره مرتين في المقالات" in text
    assert win.feature_panel.passages_title.text() == "المقاطع: إشارتان في مقطعين من مقالين"  # dual articles
    assert "التاريخ غير مذكور" in text and "not shown" not in text
    assert "21 أكتوبر 2022" in text


def test_feature_panel_in_arabic_tripp(arabic_window):
    win = arabic_window
    win.doc.select("tripp")
    panel = win.feature_panel
    text = panel.browser.toPlainText()
    assert "نحو 43 كم (بحسب يورونيوز)" in text and "about 43 km" not in text
    assert "8 أغسطس 2025" in text and "2025-08-08" not in text
    length = f"{win.doc.feature('tripp').props['length_km']:,.1f}"
    assert f"{length}\u2069 كم" in text  # the computed length, number isolated, Arabic unit
    assert "أغسطس 2025، مُستنتَج" in text  # a source dated "2025-08 (inferred)"
    assert panel.passages_title.text() == "المقاطع: لا إشارات"


def test_arabic_panel_has_no_english_units_or_words_for_any_feature(arabic_window):
    win = arabic_window
    panel = win.feature_panel
    kinds = {"country", "sea", "lake", "river", "region", "corridor", "railway", "road", "route segment",
             "checkpoint", "border crossing", "town", "city", "village", "military base", "consulate",
             "mission headquarters", "enclave", "area of control", "villages", "note"}
    for layer in win.doc.layers:
        for f in layer.features:
            facts = _facts(panel.render_html(f))
            assert "km" not in facts, f.id
            assert not re.search(r"\d{4}-\d{2}", facts), f.id  # dates as "8 أغسطس 2025", not ISO
            head = facts.split("<p><b>")[1].split("</b>")[0]  # the kind, in bold
            assert head not in kinds and re.search(r"[\u0600-\u06ff]", head), (f.id, head)
            for key in (f.props.get("dates") or {}):
                assert panel._date_label(key) != key, (f.id, key)


def test_passages_list_dates_and_counts_in_arabic(arabic_window):
    win = arabic_window
    win.doc.select("nakhchivan")
    text = win.feature_panel.passages.toPlainText()
    assert re.search(r"\d{1,2} (يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر) 20\d\d",
                     text)
    assert not re.search(r"20\d\d-\d\d", text)
    assert win.feature_panel.passages_title.text() == "المقاطع: 6 إشارات في 6 مقاطع من 3 مقالات"


def test_search_summary_pluralises_each_count(arabic_window):
    session = arabic_window.session
    if session.gazetteer is None:  # the links came from the cache, without the name search's gazetteer
        session.set_gazetteer(session.gazetteer_job()())
    panel = arabic_window.search_panel
    panel.box.setText("سيونيك")
    panel.run()
    features, passages = panel.summary.text().split("، ")
    assert features in ("معلم واحد", "معلمان") or re.fullmatch(r"\d+ (معالم|معلمًا|معلم)", features)
    assert re.fullmatch(r"(لا مقاطع|مقطع واحد|مقطعان|\d+ (مقاطع|مقطعًا|مقطع))", passages)


# -- Qt's own dialogs


def test_qt_standard_buttons_and_dialogs_are_arabic(lang):
    lang("ar")
    assert i18n.qt_catalogue() is not None and Path(i18n.qt_catalogue()).name == "qtbase_ar.qm"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
    texts = {box.standardButton(b): b.text() for b in box.buttons()}
    assert texts == {QDialogButtonBox.StandardButton.Ok: "حسنًا", QDialogButtonBox.StandardButton.Cancel: "إلغاء",
                     QDialogButtonBox.StandardButton.Save: "حفظ", QDialogButtonBox.StandardButton.Close: "إغلاق"}
    buttons = QMessageBox.StandardButton
    msg = QMessageBox(QMessageBox.Icon.Question, "", "", buttons.Save | buttons.Discard | buttons.Cancel)
    assert sorted(b.text() for b in msg.buttons()) == sorted(["حفظ", "عدم الحفظ", "إلغاء"])
    yes_no = QMessageBox(QMessageBox.Icon.Question, "", "", buttons.Yes | buttons.No)
    assert sorted(b.text() for b in yes_no.buttons()) == sorted(["&نعم", "&لا"])  # Qt's own translation
    assert QColorDialog().windowTitle() == "اختر لونًا"  # from qtbase_ar: only there, not in our catalogue
    dlg = QFileDialog(None, "", "", "x (*.x)")
    dlg.setOption(QFileDialog.Option.DontUseNativeDialog)
    labels = {w.text() for w in dlg.findChildren(QLabel)}
    assert {"الب&حث في:", "ن&وع الملفات:", "ا&سم الملفّ:"} <= labels, labels  # ours, ours, Qt's
    assert dlg.labelText(QFileDialog.DialogLabel.Reject) == "إلغاء"
    lang("en")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)  # kept: the buttons die with their box
    assert box.buttons()[0].text() == "Cancel"


def test_qt_catalogue_is_found_beside_pyside6_when_qlibraryinfo_points_elsewhere(lang, monkeypatch, tmp_path):
    """A bundle whose QtCore reports another prefix (macOS .app, Windows layout) still gets Arabic dialogs."""
    class Elsewhere:
        LibraryPath = i18n.QLibraryInfo.LibraryPath

        @staticmethod
        def path(_which):
            return str(tmp_path)

    monkeypatch.setattr(i18n, "QLibraryInfo", Elsewhere)
    lang("ar")
    import PySide6

    assert Path(i18n.qt_catalogue()).is_relative_to(Path(PySide6.__file__).resolve().parent)
    assert not Path(i18n.qt_catalogue()).is_relative_to(tmp_path)
    assert QCoreApplication.translate("QPlatformTheme", "OK") == "حسنًا"


def test_english_ui_has_no_qt_arabic(lang):
    lang("ar")
    lang("en")
    assert i18n.qt_catalogue() is None
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


@pytest.mark.slow
def test_the_bundle_loads_qts_arabic(tmp_path_factory):
    """The PyInstaller spec's bundle carries qtbase_ar.qm and the app finds it there (slow: builds a probe)."""
    pytest.importorskip("PyInstaller")
    work = tmp_path_factory.mktemp("i18n-probe")
    (work / "probe.py").write_text(
        "from PySide6.QtWidgets import QApplication, QDialogButtonBox\n"
        "from corridor_viewer.ui import i18n\n"
        "app = QApplication([])\n"
        "i18n.install(app, 'ar')\n"
        "print(i18n.qt_catalogue())\n"
        "box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)\n"
        "print(box.buttons()[0].text())\n"
        "print(app.translate('QColorDialog', 'Select Color'))\n", encoding="utf-8")
    spec = (ROOT / "resources" / "packaging" / "corridor-viewer.spec").read_text(encoding="utf-8")
    for old, new in (("Path(SPECPATH).resolve().parents[1]", f"Path({str(ROOT)!r})"),
                     ('[str(ROOT / "main.py")]', f"[{str(work / 'probe.py')!r}]"),
                     ('name="corridor-viewer",', 'name="probe",')):
        assert old in spec, old
        spec = spec.replace(old, new)
    (work / "probe.spec").write_text(spec, encoding="utf-8")
    built = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                            "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
                            str(work / "probe.spec")], capture_output=True, text=True, timeout=1800, cwd=work,
                           env={**os.environ, "CV_BUNDLE_GIS": "0"})  # the GIS stack is not what this is about
    assert built.returncode == 0, built.stderr[-5000:]
    folder = work / "dist" / "probe"
    exe = folder / ("probe.exe" if sys.platform == "win32" else "probe")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QT_PLUGIN"))}
    out = subprocess.run([str(exe)], capture_output=True, text=True, timeout=300, cwd=tmp_path_factory.mktemp("run"),
                         env={**env, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    catalogue, cancel, colour = out.stdout.splitlines()[:3]
    assert Path(catalogue).name == "qtbase_ar.qm" and Path(catalogue).is_relative_to(folder)
    assert cancel == "إلغاء" and colour == "اختر لونًا"
