"""Issue 15, deliverable 7: the worksheet PDF — A4, an outline map with numbered markers and no place names on
it (read back from the PDF's text inside the map box), questions with lines to write on, an answer key; both
languages. And deliverable 9's handout: page numbers, the data-as-of date, each quote in its own box with its
own citation, the sources of the highlighted features."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from corridor_viewer.io.classroom import worksheet
from corridor_viewer.io.scenes import read_story
from corridor_viewer.model.scenes import Scene
from corridor_viewer.model.worksheet import worksheet_for

PDFTOTEXT = shutil.which("pdftotext")
needs_poppler = pytest.mark.skipif(not PDFTOTEXT, reason="pdftotext (poppler-utils) not installed")


def plain(text: str) -> str:
    """PDF text as written: Arabic presentation forms back to letters (NFKC), bidi controls dropped."""
    return re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", unicodedata.normalize("NFKC", text))


def pdf_words(pdf: Path, page: int) -> list[tuple[float, float, float, float, str]]:
    """(x0, y0, x1, y1, word) in PDF points from the top left, as pdftotext -bbox reads them."""
    out = subprocess.run([PDFTOTEXT, "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    return [(float(a), float(b), float(c), float(d), plain(html.unescape(w))) for a, b, c, d, w in
            re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out)]


def pdf_text(pdf: Path, page: int | None = None) -> str:
    args = [PDFTOTEXT, "-layout"] + (["-f", str(page), "-l", str(page)] if page else []) + [str(pdf), "-"]
    return plain(subprocess.run(args, capture_output=True, text=True, check=True).stdout)


def pages_of(pdf: Path) -> int:
    return len(pdf_text(pdf).split("\f")) - 1


def place_words(doc) -> set[str]:
    """Every word of every name and label a feature has, in both languages (what the map must not say)."""
    out = set()
    for f in doc.features():
        for key in ("name_en", "name_ar", "label_en", "label_ar"):
            for word in re.findall(r"\w+", str(f.props.get(key) or "")):
                if len(word) > 2 and not word.isdigit():
                    out.add(word.casefold())
    return out


def export_sheet(tmp_path: Path, lang: str, *extra: str) -> tuple[Path, subprocess.CompletedProcess]:
    out = tmp_path / f"sheet-{lang}.pdf"
    r = subprocess.run([sys.executable, "-m", "corridor_viewer", "export", "--worksheet", "--lang", lang, "--out",
                        str(out), *extra], capture_output=True, text=True, timeout=180,
                       env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    return out, r


@needs_poppler
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_worksheet_pages_map_without_names_questions_and_key(qapp, doc, tmp_path, lang):
    from corridor_viewer.export.worksheet import export_worksheet
    from corridor_viewer.model.export_settings import ExportSettings

    story = read_story()
    sheet = worksheet_for(worksheet(), story, doc.map_state().features)
    assert len(sheet.questions) >= 10 and len(sheet.markers) == 8
    out = tmp_path / "sheet.pdf"
    result = export_worksheet(doc.map_state(), sheet, story, out, ExportSettings(language=lang, format="pdf"))
    assert pages_of(out) == result.pages
    assert 2 <= result.pages <= 4  # map and questions, then the answer key on a page of its own
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert re.search(r"Page size:\s+595(\.\d+)? x 84[12](\.\d+)? pts \(A4\)", info), info

    # The map: numbers, the scale bar and the north arrow — no word of any place's name.
    x0, y0, x1, y1 = result.map_box_pt
    inside = [w for w in pdf_words(out, 1) if w[0] >= x0 - 1 and w[2] <= x1 + 1 and w[1] >= y0 - 1 and w[3] <= y1 + 1]
    words = [w[4] for w in inside]
    names = place_words(doc)
    assert not [w for w in words if w.casefold() in names], words
    assert set(words) <= {str(n) for n in range(0, 100)} | {"N", "km", "كم", "ك", "م"}, words  # كم split
    assert {str(m.n) for m in sheet.markers} <= set(words)  # every marker is on the map

    text = pdf_text(out)
    key_page = pdf_text(out, result.pages)
    heading = {"en": "Answer key", "ar": "مفتاح الإجابات"}[lang]
    assert heading in key_page and heading not in pdf_text(out, 1)
    for q in sheet.questions:  # every question before the key, every answer on the key's pages
        assert re.search(rf"(?<!\d){q.n}\.|\.{q.n}(?!\d)", text)  # "1." (".1" as pdftotext reads Arabic)
        assert re.findall(r"\w+", q.text_for(lang))[1] in text
        first = re.findall(r"\w+", q.answer_for(lang))[0]
        assert first in key_page
    for m in sheet.markers:  # the key names the markers
        assert doc.feature(m.feature_id).name(lang).split()[0] in key_page
    first = re.sub(r"\s+", " ", pdf_text(out, 1))
    assert {"en": f"page 1 of {result.pages}", "ar": "الصفحة"}[lang] in first  # (pdftotext reorders RTL runs)
    assert {"en": "Data as of March 2026", "ar": "مارس 2026"}[lang] in first


def test_the_command_writes_a_worksheet_and_refuses_other_formats(tmp_path):
    out, r = export_sheet(tmp_path, "en")
    assert r.returncode == 0, r.stderr
    assert "worksheet" in r.stdout and "answer key" in r.stdout and out.stat().st_size > 10_000
    _out, r = export_sheet(tmp_path, "en", "--format", "png")
    assert r.returncode == 2 and "PDF" in r.stderr and "Traceback" not in r.stderr


def test_the_users_own_scene_gets_a_question_of_its_own(doc):
    mine = Scene("mine", {"en": "My scene", "ar": "مشهدي"}, {"en": "Gazakh faces Tavush.", "ar": "قازاخ"},
                 (44.0, 40.5, 46.5, 41.5), None, ["gazakh"])
    story = read_story()
    sheet = worksheet_for(worksheet(), [*story, mine], doc.map_state().features)
    made = [q for q in sheet.questions if q.scene_id == "mine"]
    assert len(made) == 1
    marker = next(m for m in sheet.markers if m.feature_id == "gazakh")
    assert f"marker {marker.n}" in made[0].text_for("en") and "Gazakh" in made[0].answer_for("en")
    assert [q.n for q in sheet.questions] == list(range(1, len(sheet.questions) + 1))
    # Only the written questions of the scenes present: a one-scene list asks about that scene only.
    one = worksheet_for(worksheet(), [s for s in story if s.id == "iran"], doc.map_state().features)
    assert [q.scene_id for q in one.questions] == ["iran"]


@needs_poppler
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_handout_pages_number_date_quotes_and_sources(qapp, doc, tmp_path, lang):
    from corridor_viewer.export.handout import export_handout, scene_quotes
    from corridor_viewer.io.storage import FileStorage
    from corridor_viewer.model.export_settings import ExportSettings
    from corridor_viewer.model.session import Session

    session = Session(doc, FileStorage(cache_dir=tmp_path / "cache"))
    session.relink()
    story = read_story()
    out = tmp_path / "handout.pdf"
    export_handout(doc.map_state(), story, out, ExportSettings(preset="a4-portrait", format="pdf", language=lang),
                   links=doc.links)
    assert pages_of(out) == len(story)
    for i, scene in enumerate(story, 1):
        page = pdf_text(out, i)
        flat = re.sub(r"\s+", " ", page)
        if lang == "en":
            assert f"Page {i} of {len(story)}" in flat and "data as of March 2026" in flat
        else:
            assert "الصفحة" in flat and "مارس 2026" in flat
        quotes = scene_quotes(doc.links, scene, lang)
        # One box per quote, each with its own citation (the cited title appears once per quote).
        for q in quotes:
            head = re.findall(r"\w+", q.citation)[:2]
            assert all(w in flat for w in head), (scene.id, q.citation)
        with_sources = [f for f in scene.highlight if (doc.feature(f) and doc.feature(f).props.get("sources"))]
        if with_sources:
            assert ("Sources for" if lang == "en" else "مصادر") in flat, scene.id
