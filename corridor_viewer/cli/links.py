"""``corridor-viewer links``: every place-name mention in the articles, as JSON, JSON lines or CSV, without Qt.

Without ``--articles`` it links the bundled articles (and, with ``--project FILE``, the project's own
articles, applying its confirm/reject decisions: ``status`` is auto, confirmed or rejected).
``--articles DIR`` streams a folder of any size, recursively (.txt, .md, .html; UTF-8 or Windows Arabic),
with ``--jobs N`` worker processes (default: every core) or as a Dask bag (``--engine dask [--scheduler
ADDRESS]``; see :mod:`corridor_viewer.io.archive`).
Output is written as it is produced, in file order, so memory does not grow with the archive and
``--jobs`` never changes the output. ``--by-month`` writes mentions per feature and month instead.

A progress bar (tqdm) shows on a terminal only; a one-line summary goes to stderr (``--quiet`` drops it).

Exit status: 0 on success; 1 when some files could not be read (each named on stderr, the others linked);
2 on bad input (missing or empty article folder, an output file that cannot be written, damaged geodata,
an unreadable decisions file), reported as one line on stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

COLUMNS = ("feature_id", "feature_name_en", "article_id", "start", "end", "surface", "passage_index", "match",
           "status", "rule")
MONTH_COLUMNS = ("feature_id", "feature_name_en", "month", "mentions", "articles")
PROG = "corridor-viewer links"
MAX_SKIP_LINES = 20  # unreadable files named one per line on stderr, then a count
_json_string = json.encoder.encode_basestring  # the C escaper json.dumps(..., ensure_ascii=False) uses


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Register the ``links`` subcommand on an ``add_subparsers()`` object."""
    p = subparsers.add_parser(
        "links", help="write every place-name mention in the articles (JSON, JSON lines or CSV); needs no display",
        description="Link the articles to the map features and write every mention: feature, article, "
                    "character offsets into the article text, the name as written, the passage, and how it "
                    "was matched (exact or spelling variant). Folders of any size are streamed.")
    _add_arguments(p)
    p.set_defaults(func=run)
    return p


def _add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--articles", metavar="DIR", action="append", type=Path,
                   help="link the .txt, .md and .html files under DIR, recursively (article id = path under DIR "
                        "without the suffix) instead of the bundled articles; repeat for several folders")
    p.add_argument("--format", choices=("json", "jsonl", "csv"), default="json",
                   help="output format (default: json; jsonl writes one JSON object a line, for streams)")
    p.add_argument("--out", metavar="FILE", type=Path, help="write to FILE (replaced atomically) instead of stdout")
    p.add_argument("--by-month", action="store_true",
                   help="write mentions per feature and month (YYYY-MM; empty for undated articles) instead")
    p.add_argument("--feature", metavar="ID", action="append",
                   help="only this feature's mentions (repeatable)")
    p.add_argument("--jobs", metavar="N", type=int, default=0,
                   help="worker processes (default: all cores); the output does not depend on it")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local worker processes (default), or a Dask bag (needs corridor-viewer[archive])")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: a dask.distributed scheduler (tcp://host:8786) instead of local processes")
    p.add_argument("--project", metavar="FILE", type=Path,
                   help="a project (.cvproj): link its articles too, and apply its confirm/reject decisions "
                        "(status auto, confirmed or rejected in the output)")
    p.add_argument("--decisions", metavar="FILE", type=Path,
                   help="apply a reader's confirm/reject decisions (JSON, as a project stores them); "
                        "their status shows in the output")
    p.add_argument("--exact-only", action="store_true", help="listed spellings only: no spelling variants")
    p.add_argument("--quiet", action="store_true", help="no summary on stderr")


def run(args: argparse.Namespace) -> int:
    # Imported here so that registering the subcommand costs the GUI start-up nothing.
    from corridor_viewer.io.archive import link_dask, link_local, rendered_by, walk_articles
    from corridor_viewer.io.articles import ArticleError, load_corpus
    from corridor_viewer.io.atomicfile import AtomicWriteError, check_writable
    from corridor_viewer.io.geodata import GeodataError, load_document
    from corridor_viewer.model.linker import Gazetteer

    t0 = time.perf_counter()
    jobs = args.jobs if args.jobs and args.jobs > 0 else (os.cpu_count() or 1)
    if args.scheduler and args.engine != "dask":
        return _fail("--scheduler needs --engine dask")
    if args.project and args.decisions:
        return _fail("--project already holds the decisions; give --project or --decisions, not both")
    try:
        gazetteer = Gazetteer.from_features(load_document().features(), variants=not args.exact_only)
        decisions = _load_decisions(args.decisions) if args.decisions else None
        project_articles: list[Any] = []
        if args.project:
            decisions, project_articles = _load_project(args.project)
        if args.articles:
            tasks = walk_articles(args.articles)
            bundled = None
        else:
            tasks, bundled = [], list(load_corpus()) + project_articles
        if args.out is not None:
            check_writable(args.out)
    except (ArticleError, GeodataError, FileNotFoundError, ValueError, OSError) as exc:
        if isinstance(exc, AtomicWriteError | PermissionError | IsADirectoryError):
            return _fail(f"cannot write {args.out}: {exc}")
        return _fail(str(exc))
    unknown = sorted(set(args.feature or ()) - set(gazetteer.entries))
    if unknown:
        return _fail(f"no such feature: {', '.join(unknown)}")

    wanted = frozenset(args.feature) if args.feature else None
    # Rows are formatted where they are linked (in the workers); --by-month needs the mentions themselves.
    finish = None if args.by_month else rendered_by(
        RowRenderer(args.format, wanted, {fid: gazetteer.name_en(fid) for fid in gazetteer.entries}))
    if bundled is not None:
        results = _link_bundled(bundled, gazetteer, decisions, finish)
        total = len(bundled)
    elif args.engine == "dask":
        results, total = link_dask(tasks, gazetteer, jobs, decisions, args.scheduler, finish), len(tasks)
    else:
        results, total = link_local(tasks, gazetteer, jobs, decisions, finish), len(tasks)
    stats = _Stats()
    try:
        with _output(args.out) as out:
            writer = (_MonthWriter(out, args.format, gazetteer, wanted) if args.by_month
                      else _RowWriter(out, args.format))
            for linked in _progress(results, total):
                stats.add(linked)
                if linked.error:
                    stats.skip(linked)
                    continue
                writer.add(linked)
            writer.close()
    except (AtomicWriteError, OSError) as exc:
        if isinstance(exc, BrokenPipeError):  # piped into `head`: the dispatcher (cli/__init__.py) handles it
            raise
        return _fail(f"cannot write {args.out}: {getattr(exc, 'strerror', None) or exc}")
    except ArticleError as exc:  # the Dask engine without Dask
        return _fail(str(exc))
    if not args.quiet:
        print(stats.summary(time.perf_counter() - t0, jobs if (tasks and total > 1) else 1, args.engine),
              file=sys.stderr)
    return 1 if stats.skipped else 0


def _load_project(path: Path) -> tuple[Any, list[Any]]:
    """A project's decisions and its own articles, as the GUI links them (bundled articles keep their ids)."""
    from corridor_viewer.io.articles import user_article
    from corridor_viewer.io.project import ProjectError, load_project
    from corridor_viewer.model.link_decisions import LinkDecisions

    try:
        loaded = load_project(path)
    except ProjectError as exc:
        raise ValueError(str(exc)) from exc
    p = loaded.project
    decisions = LinkDecisions.from_dict(p.link_decisions) if p.link_decisions else LinkDecisions()
    return decisions, [user_article(a.id, a.text, a.title, a.published) for a in p.articles]


def _load_decisions(path: Path):
    from corridor_viewer.model.link_decisions import LinkDecisions

    try:
        return LinkDecisions.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except OSError as exc:
        raise ValueError(f"{path}: cannot read the decisions ({exc.strerror or exc})") from exc
    except ValueError as exc:
        raise ValueError(f"{path}: not a link decisions file ({exc})") from exc


def _link_bundled(corpus, gazetteer, decisions, finish) -> Iterator[Any]:
    from corridor_viewer.io.archive import LinkedArticle

    for article in corpus:
        mentions = gazetteer.link(article)
        if decisions is not None:
            mentions, _stale = decisions.apply(mentions, text_of=lambda _aid, a=article: a.text,
                                               passage_at=lambda _aid, i, a=article: a.passage_index_at(i))
        linked = LinkedArticle(article.id, "", article.published, len(article.text),
                               len(article.text.encode("utf-8")), mentions)
        yield finish(linked) if finish is not None else linked


@contextlib.contextmanager
def _output(path: Path | None) -> Iterator[IO[str]]:
    """A text stream for the output: the atomically replaced file, or stdout as UTF-8 bytes."""
    if path is None:
        stream = getattr(sys.stdout, "buffer", None)
        if stream is None:  # a test's StringIO, say
            yield sys.stdout
            sys.stdout.flush()
            return
        sys.stdout.flush()
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=False)
        try:
            yield text
            text.flush()
        finally:
            text.detach()  # stdout's own buffer stays open
        return
    from corridor_viewer.io.atomicfile import AtomicWriteError, atomic_path

    try:
        with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as fh:
            yield fh
    except AtomicWriteError:
        if path.parent.is_dir() and not path.is_dir():
            path.write_bytes(b"")  # an empty JSON-lines stream is a valid output; atomic_path wants bytes
        else:
            raise


def _progress(results: Iterator[Any], total: int) -> Iterator[Any]:
    if not sys.stderr.isatty() or total < 2:
        yield from results
        return
    from tqdm import tqdm

    with tqdm(results, total=total, unit="article", file=sys.stderr, dynamic_ncols=True, leave=False) as bar:
        yield from bar


class RowRenderer:
    """One article's rows as output text (no header, no brackets): runs in the worker that linked it."""

    def __init__(self, fmt: str, wanted: frozenset[str] | None, names: dict[str, str]) -> None:
        self.fmt, self.wanted, self.names = fmt, wanted, names

    def __call__(self, linked) -> str:
        rows = [(m.feature_id, self.names.get(m.feature_id, m.feature_id), m.article_id, m.start, m.end, m.surface,
                 m.passage_index, m.match, m.status, m.rule)
                for m in linked.mentions if self.wanted is None or m.feature_id in self.wanted]
        if not rows:
            return ""
        if self.fmt == "csv":
            buf = io.StringIO()
            csv.writer(buf, lineterminator="\n").writerows(rows)
            return buf.getvalue()
        # The line json.dumps(dict(zip(COLUMNS, row)), ensure_ascii=False) would write, put together from
        # its C string escaper: json.dumps builds a new encoder per call, which costs more than the linking.
        q = _json_string
        lines = [f'{{"feature_id": {q(r[0])}, "feature_name_en": {q(r[1])}, "article_id": {q(r[2])}, '
                 f'"start": {r[3]}, "end": {r[4]}, "surface": {q(r[5])}, "passage_index": {r[6]}, '
                 f'"match": {q(r[7])}, "status": {q(r[8])}, "rule": {q(r[9])}}}' for r in rows]
        return "".join(line + "\n" for line in lines) if self.fmt == "jsonl" else ",\n".join(lines)


class _RowWriter:
    def __init__(self, out: IO[str], fmt: str) -> None:
        self.out, self.fmt = out, fmt
        self.first = True
        if fmt == "csv":
            csv.writer(out, lineterminator="\n").writerow(COLUMNS)
        elif fmt == "json":
            out.write("[")

    def add(self, linked) -> None:
        if not linked.rendered:
            return
        if self.fmt == "json":
            self.out.write("\n" if self.first else ",\n")
        self.out.write(linked.rendered)
        self.first = False

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("]\n" if self.first else "\n]\n")


class _MonthWriter:
    """Mentions per (feature, month) and the articles holding them; the table is written at the end."""

    def __init__(self, out: IO[str], fmt: str, gazetteer, wanted: frozenset[str] | None) -> None:
        self.out, self.fmt, self.gazetteer, self.wanted = out, fmt, gazetteer, wanted
        self.mentions: dict[tuple[str, str], int] = defaultdict(int)
        self.articles: dict[tuple[str, str], int] = defaultdict(int)

    def add(self, linked) -> None:
        from corridor_viewer.model.links import REJECTED, month_of

        month = month_of(linked.published)
        seen: set[str] = set()
        for m in linked.mentions:
            if m.status == REJECTED or (self.wanted is not None and m.feature_id not in self.wanted):
                continue
            self.mentions[(m.feature_id, month)] += 1
            if m.feature_id not in seen:
                seen.add(m.feature_id)
                self.articles[(m.feature_id, month)] += 1

    def close(self) -> None:
        order = {fid: i for i, fid in enumerate(self.gazetteer.entries)}
        # Features in gazetteer order; months oldest first, undated ("") last.
        keys = sorted(self.mentions, key=lambda k: (order.get(k[0], len(order)), k[1] == "", k[1]))
        rows = [(fid, self.gazetteer.name_en(fid), month, self.mentions[(fid, month)], self.articles[(fid, month)])
                for fid, month in keys]
        if self.fmt == "csv":
            writer = csv.writer(self.out, lineterminator="\n")
            writer.writerow(MONTH_COLUMNS)
            writer.writerows(rows)
            return
        objects = [dict(zip(MONTH_COLUMNS, r, strict=True)) for r in rows]
        if self.fmt == "jsonl":
            self.out.writelines(json.dumps(o, ensure_ascii=False) + "\n" for o in objects)
        else:
            self.out.write(json.dumps(objects, ensure_ascii=False, indent=1) + "\n")


class _Stats:
    def __init__(self) -> None:
        self.articles = self.chars = self.bytes = self.mentions = self.variants = 0
        self.features: set[str] = set()
        self.skipped: list[Any] = []

    def add(self, linked) -> None:
        if linked.error:
            return
        self.articles += 1
        self.chars += linked.chars
        self.bytes += linked.size
        if linked.mentions or not linked.counts[0]:
            self.mentions += len(linked.mentions)
            self.variants += sum(1 for m in linked.mentions if m.match == "variant")
            self.features.update(m.feature_id for m in linked.mentions)
        else:  # rendered in the worker: only the counts came back
            self.mentions += linked.counts[0]
            self.variants += linked.counts[1]
            self.features.update(linked.counts[2])

    def skip(self, linked) -> None:
        self.skipped.append(linked)
        if len(self.skipped) <= MAX_SKIP_LINES:
            print(f"{PROG}: skipped: " + " ".join(linked.error.split()), file=sys.stderr)

    def summary(self, seconds: float, jobs: int, engine: str) -> str:
        more = len(self.skipped) - MAX_SKIP_LINES
        skipped = f"; {len(self.skipped)} files skipped" + (f" ({more} not named above)" if more > 0 else "")
        how = "dask" if engine == "dask" else f"{jobs} job{'s' if jobs != 1 else ''}"
        return (f"{PROG}: {self.articles:,} articles ({self.bytes / 1e6:.1f} MB) in {seconds:.1f} s with {how}: "
                f"{self.mentions:,} mentions of {len(self.features)} features, {self.variants:,} of them spelling "
                f"variants" + (skipped if self.skipped else ""))


def _fail(message: str) -> int:
    print(f"{PROG}: error: " + " ".join(message.split()), file=sys.stderr)  # one line, always
    return 2


def main(argv: list[str] | None = None) -> int:
    """Run the subcommand on its own (``python -m corridor_viewer.cli.links``), e.g. from tests."""
    p = argparse.ArgumentParser(prog=PROG, description="Write every place-name mention in the articles.")
    _add_arguments(p)
    return run(p.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
