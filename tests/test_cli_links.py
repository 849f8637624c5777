"""`corridor-viewer links`: JSON and CSV output read back, --articles folders, --out, and bad input."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from corridor_viewer.cli import links as cli_links
from corridor_viewer.io.articles import load_corpus

ROOT = Path(__file__).resolve().parent.parent
KEYS = ["feature_id", "feature_name_en", "article_id", "start", "end", "surface", "passage_index"]


def run_links(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="corridor-viewer")
    sub = parser.add_subparsers(dest="command")
    cli_links.add_parser(sub)
    args = parser.parse_args(["links", *argv])
    assert args.func is cli_links.run
    return args.func(args)


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def _check_rows(rows, corpus):
    for row in rows:
        assert list(row) == KEYS
        text = corpus.get(row["article_id"]).text
        assert text[row["start"]:row["end"]] == row["surface"]


def test_json_lists_every_mention_of_the_bundled_articles(capsys, corpus):
    assert run_links() == 0
    out, err = capsys.readouterr()
    assert err == ""
    rows = json.loads(out)
    assert len(rows) == 514
    _check_rows(rows, corpus)
    first = rows[0]
    assert first == {"feature_id": "zangezur-corridor", "feature_name_en": "Zangezur corridor",
                     "article_id": "000_3b103e970a684d9b", "start": 36, "end": 46, "surface": "ممر زنگزور",
                     "passage_index": 0}
    assert sum(r["feature_id"] == "zangezur-corridor" and r["article_id"] == first["article_id"] for r in rows) == 40


def test_csv_has_the_same_rows_and_a_header(capsys, corpus):
    assert run_links("--format", "json") == 0
    as_json = json.loads(capsys.readouterr().out)
    assert run_links("--format", "csv") == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == ",".join(KEYS)
    rows = list(csv.DictReader(io.StringIO(out)))
    for row in rows:
        row["start"], row["end"], row["passage_index"] = int(row["start"]), int(row["end"]), int(row["passage_index"])
    assert rows == as_json
    _check_rows(rows, corpus)


def test_out_writes_the_file_atomically(tmp_path, capsys, corpus):
    target = tmp_path / "links.csv"
    target.write_text("old contents", encoding="utf-8")
    assert run_links("--format", "csv", "--out", str(target)) == 0
    assert capsys.readouterr().out == ""
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(rows) == 514
    assert sorted(p.name for p in tmp_path.iterdir()) == ["links.csv"]  # no temporary file left behind
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_articles_dirs_link_only_those_files(tmp_path, capsys):
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    (one / "alpha.txt").write_text("عنوان\n\nيمر ممر زنگزور عبر سيونيك.\n", encoding="utf-8")
    (two / "beta.txt").write_text("Trains from Kars to Nakhchivan.", encoding="utf-8")
    (two / "readme.md").write_text("not an article", encoding="utf-8")
    assert run_links("--articles", str(one), "--articles", str(two)) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["article_id"], r["feature_id"], r["surface"], r["passage_index"]) for r in rows] == [
        ("alpha", "zangezur-corridor", "ممر زنگزور", 1),
        ("alpha", "syunik", "سيونيك", 1),
        ("beta", "kars", "Kars", 0),
        ("beta", "nakhchivan", "Nakhchivan", 0),
    ]
    assert rows[0]["start"] == len("عنوان\n\nيمر ")


def _fails(capsys, *argv: str, expect: str) -> None:
    assert run_links(*argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("corridor-viewer links: error: ")
    assert expect in err
    assert "Traceback" not in err


def test_bad_input_exits_2_with_one_line(tmp_path, capsys):
    _fails(capsys, "--articles", str(tmp_path / "missing"), expect=str(tmp_path / "missing"))
    _fails(capsys, "--articles", str(tmp_path), expect="no .txt articles")
    (tmp_path / "bad.txt").write_bytes(b"\xd3\xe1\xc7\xe3 windows-1256")
    _fails(capsys, "--articles", str(tmp_path), expect=str(tmp_path / "bad.txt"))
    _fails(capsys, "--out", str(tmp_path / "no" / "such" / "dir.json"), expect="cannot write")
    _fails(capsys, "--out", str(tmp_path), expect="cannot write")


def test_runs_without_qt_in_a_fresh_process(tmp_path):
    code = ("import sys; from corridor_viewer.cli.links import main; rc = main(sys.argv[1:]); "
            "assert 'PySide6' not in sys.modules, 'PySide6 was imported'; sys.exit(rc)")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "links.json"
    proc = subprocess.run([sys.executable, "-c", code, "--out", str(out)], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 514
    bad = subprocess.run([sys.executable, "-c", code, "--articles", str(tmp_path / "nope")], capture_output=True,
                         text=True, cwd=ROOT, env=env, timeout=120)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
