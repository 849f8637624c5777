"""`corridor-viewer links`: JSON, JSON-lines and CSV output read back, archive folders (recursive, any
reader, --jobs, the Dask engine), --by-month, decisions, --out, and bad input."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from corridor_viewer.cli import links as cli_links
from corridor_viewer.io.articles import load_corpus

ROOT = Path(__file__).resolve().parent.parent
KEYS = ["feature_id", "feature_name_en", "article_id", "start", "end", "surface", "passage_index", "match", "status",
        "rule"]
INTS = ("start", "end", "passage_index")


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
    assert err.count("\n") == 1 and "5 articles" in err and "514 mentions" in err  # the summary
    rows = json.loads(out)
    assert len(rows) == 514
    _check_rows(rows, corpus)
    first = rows[0]
    assert first == {"feature_id": "zangezur-corridor", "feature_name_en": "Zangezur corridor",
                     "article_id": "000_3b103e970a684d9b", "start": 36, "end": 46, "surface": "ممر زنگزور",
                     "passage_index": 0, "match": "exact", "status": "auto", "rule": ""}
    assert sum(r["feature_id"] == "zangezur-corridor" and r["article_id"] == first["article_id"] for r in rows) == 41


def test_csv_has_the_same_rows_and_a_header(capsys, corpus):
    assert run_links("--format", "json") == 0
    as_json = json.loads(capsys.readouterr().out)
    assert run_links("--format", "csv") == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == ",".join(KEYS)
    rows = list(csv.DictReader(io.StringIO(out)))
    for row in rows:
        row.update({k: int(row[k]) for k in INTS})
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
    (two / "readme.md").write_text("no place in here", encoding="utf-8")
    (two / "notes.csv").write_text("Kars,Nakhchivan", encoding="utf-8")  # not an article file
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
    _fails(capsys, "--articles", str(tmp_path), expect="no .txt, .md or .html articles")
    _fails(capsys, "--out", str(tmp_path / "no" / "such" / "dir.json"), expect="cannot write")
    _fails(capsys, "--out", str(tmp_path), expect="cannot write")
    _fails(capsys, "--feature", "atlantis", expect="no such feature: atlantis")
    (tmp_path / "decisions.json").write_text("{}", encoding="utf-8")
    _fails(capsys, "--decisions", str(tmp_path / "decisions.json"), expect="not a link decisions file")


def test_an_unreadable_file_is_skipped_and_named_the_rest_linked(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("ممر زنغزور", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    assert run_links("--articles", str(tmp_path)) == 1
    out, err = capsys.readouterr()
    assert [r["article_id"] for r in json.loads(out)] == ["good"]
    skipped, summary = err.splitlines()
    assert skipped.startswith("corridor-viewer links: skipped: ") and "binary.txt" in skipped
    assert "1 articles" in summary and "1 files skipped" in summary


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


# -- archives


def _archive(root: Path, corpus, n: int) -> Path:
    """``n`` articles in nested folders, made of the bundled articles' passages, every third one dated."""
    pool = [p.text for a in corpus for p in a.passages]
    for i in range(n):
        folder = root / f"{2023 + i % 3}" / f"m{i % 4}"
        folder.mkdir(parents=True, exist_ok=True)
        body = "\n\n".join(pool[(i * 7 + k) % len(pool)] for k in range(6))
        dateline = f"{1 + i % 28} August {2023 + (i // 3) % 3}\n\n" if i % 3 == 0 else ""
        (folder / f"a{i:03d}.txt").write_text(f"Article {i}\n{dateline}{body}\n", encoding="utf-8")
    return root


def test_a_folder_is_read_recursively_with_the_import_readers(tmp_path, capsys):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "top.md").write_text("# عنوان\n\nزيارة إلى ميغري.\n", encoding="utf-8")
    (tmp_path / "sub" / "page.html").write_text(
        '<html><head><meta property="article:published_time" content="2025-08-09T10:00:00Z"></head>'
        "<body><h1>Talks</h1><p>Trucks crossed at Nakhchivan.</p><script>Kars</script></body></html>", encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "old.txt").write_bytes("ممر زنغزور".encode("cp1256"))  # Windows Arabic
    (tmp_path / "sub" / "deeper" / "old.md").write_text("Kapan", encoding="utf-8")  # same stem as old.txt
    assert run_links("--articles", str(tmp_path), "--format", "jsonl") == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["article_id"], r["feature_id"], r["surface"]) for r in rows] == [  # a folder's files, then its folders
        ("top", "meghri", "ميغري"),
        ("sub/page", "nakhchivan", "Nakhchivan"),  # the script's "Kars" is not article text
        ("sub/deeper/old.md", "kapan", "Kapan"),  # two files differ only in suffix: ids keep it
        ("sub/deeper/old.txt", "zangezur-corridor", "ممر زنغزور"),
    ]
    assert run_links("--articles", str(tmp_path), "--by-month", "--format", "json") == 0
    months = {(r["feature_id"], r["month"]) for r in json.loads(capsys.readouterr().out)}
    assert ("nakhchivan", "2025-08") in months and ("meghri", "") in months  # <meta> date; undated


def test_jobs_2_writes_exactly_what_jobs_1_writes(tmp_path, corpus, capsys):
    root = _archive(tmp_path / "archive", corpus, 90)  # three worker chunks
    outputs = []
    for jobs in ("1", "2"):
        assert run_links("--articles", str(root), "--jobs", jobs, "--format", "csv") == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    rows = list(csv.DictReader(io.StringIO(outputs[0])))
    assert len({r["article_id"] for r in rows}) == 90 and len(rows) > 1000
    assert rows[0]["article_id"] == "2023/m0/a000"  # file order: year folder, month folder, name


def test_the_dask_engine_writes_what_the_local_engine_writes(tmp_path, corpus, capsys):
    pytest.importorskip("dask.bag")
    root = _archive(tmp_path / "archive", corpus, 40)
    assert run_links("--articles", str(root), "--jobs", "1", "--format", "jsonl") == 0
    local = capsys.readouterr().out
    assert run_links("--articles", str(root), "--engine", "dask", "--jobs", "2", "--format", "jsonl") == 0
    out, err = capsys.readouterr()
    assert out == local and "with dask" in err


def test_by_month_sums_to_the_mention_count(tmp_path, corpus, capsys):
    root = _archive(tmp_path / "archive", corpus, 30)
    for argv in ((), ("--articles", str(root))):
        assert run_links(*argv, "--format", "json") == 0
        rows = json.loads(capsys.readouterr().out)
        assert run_links(*argv, "--by-month", "--format", "csv") == 0
        table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
        assert sum(int(r["mentions"]) for r in table) == len(rows) > 0
        per_feature = Counter(r["feature_id"] for r in rows)
        for fid, n in per_feature.items():
            assert sum(int(r["mentions"]) for r in table if r["feature_id"] == fid) == n
        assert all(int(r["articles"]) >= 1 for r in table)
    months = [r["month"] for r in table if r["feature_id"] == "armenia"]
    assert months == [*sorted(m for m in months if m), ""]  # dated months oldest first, undated last
    assert {m[:4] for m in months if m} == {"2023", "2024", "2025"}


def test_decisions_set_the_status_of_the_links_they_name(tmp_path, corpus, capsys):
    from corridor_viewer.model.link_decisions import LinkDecisions

    assert run_links("--format", "json") == 0
    rows = json.loads(capsys.readouterr().out)
    target = next(r for r in rows if r["feature_id"] == "syunik")
    mention = _mention(target)
    decisions = LinkDecisions()
    decisions.reject(mention)
    path = tmp_path / "decisions.json"
    path.write_text(json.dumps(decisions.to_dict()), encoding="utf-8")
    assert run_links("--format", "json", "--decisions", str(path)) == 0
    after = json.loads(capsys.readouterr().out)
    changed = [r for r in after if r["status"] != "auto"]
    assert [(r["article_id"], r["start"], r["status"]) for r in changed] == [
        (target["article_id"], target["start"], "rejected")]
    assert run_links("--by-month", "--format", "json", "--decisions", str(path), "--feature", "syunik") == 0
    assert sum(r["mentions"] for r in json.loads(capsys.readouterr().out)) == sum(
        r["feature_id"] == "syunik" for r in rows) - 1  # a rejected link counts in no month


def _mention(row):
    from corridor_viewer.model.linker import Mention

    return Mention(row["feature_id"], row["article_id"], row["start"], row["end"], row["surface"],
                   row["passage_index"], row["match"], row["status"], row["rule"])


def test_exact_only_drops_spelling_variants_and_scheduler_needs_dask(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("ممر زانكيزور وممر زنكزور", encoding="utf-8")
    assert run_links("--articles", str(tmp_path), "--format", "jsonl") == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["surface"], r["match"]) for r in rows] == [("ممر زانكيزور", "variant"), ("ممر زنكزور", "exact")]
    assert run_links("--articles", str(tmp_path), "--format", "jsonl", "--exact-only") == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["surface"], r["match"]) for r in rows] == [("ممر زنكزور", "exact")]
    _fails(capsys, "--scheduler", "tcp://127.0.0.1:8786", expect="--scheduler needs --engine dask")


def test_a_catalog_json_dates_its_folder(tmp_path, capsys):
    (tmp_path / "x.txt").write_text("كابان", encoding="utf-8")
    (tmp_path / "catalog.json").write_text(json.dumps({"articles": [{"id": "x", "published": "2024-05"}]}),
                                           encoding="utf-8")
    assert run_links("--articles", str(tmp_path), "--by-month", "--format", "jsonl") == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows == [{"feature_id": "kapan", "feature_name_en": "Kapan", "month": "2024-05", "mentions": 1,
                     "articles": 1}]


def test_rows_are_the_lines_json_dumps_would_write():
    from corridor_viewer.io.archive import LinkedArticle
    from corridor_viewer.model.linker import Mention

    m = Mention("zangezur-corridor", 'dir/"quoted"\\name', 3, 9, 'ممر "زنگزور"\n\t\u2028\x00', 2, "variant", "auto",
                "zangezur-region")
    line = cli_links.RowRenderer("jsonl", None, {"zangezur-corridor": "Zangezur «corridor»"})(
        LinkedArticle("x", "", "", 0, 0, [m]))
    expected = json.dumps(dict(zip(KEYS, (m.feature_id, "Zangezur «corridor»", m.article_id, m.start, m.end,
                                          m.surface, m.passage_index, m.match, m.status, m.rule), strict=True)),
                          ensure_ascii=False)
    assert line == expected + "\n"
    assert json.loads(line)["surface"] == m.surface
