"""Link a folder of articles of any size: a streaming walk, worker processes, or a Dask bag.

The unit of work is one file: a worker reads it with the same reader as the GUI import
(:func:`corridor_viewer.io.articles.read_article_file`: .txt, .md, .html, UTF-8 or cp1256), dates it
(:mod:`corridor_viewer.io.article_dates`), cuts its passages, links it and returns its mentions. Nothing
but the file list and the results in flight is in memory, so memory does not grow with the archive.

Results come back **in file order** whatever the engine or the number of workers, so the output of
``--jobs 2`` is the output of ``--jobs 1`` byte for byte. The linker is a pure function of the gazetteer
and the text; workers get the gazetteer once (forked, or rebuilt from its entries) and keep it.

Engines: ``local`` (a :mod:`multiprocessing` pool; one process when ``jobs == 1``) and ``dask`` (a Dask
bag, on Dask's local process scheduler or, with ``scheduler=ADDRESS``, on a ``distributed`` cluster;
the optional extra ``corridor-viewer[archive]`` installs both).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from corridor_viewer.io.articles import CATALOG, USER_SUFFIXES, ArticleError, read_article_file
from corridor_viewer.model.corpus import Article
from corridor_viewer.model.linker import Gazetteer, Mention

CHUNK = 32  # files per task sent to a worker: fewer round trips, still an even spread


class ArchiveTask(NamedTuple):
    path: str
    article_id: str
    meta: dict[str, Any] | None = None  # the file's catalog.json entry, if its folder has one


class LinkedArticle(NamedTuple):
    article_id: str
    path: str
    published: str  # ISO, possibly partial; "" when the file states none
    chars: int
    size: int  # bytes on disk
    mentions: list[Mention]
    error: str = ""  # why the file was skipped ("" if it was linked)
    rendered: str = ""  # the output for this article, when a worker wrote it (see ``finish``)
    counts: tuple[int, int, tuple[str, ...]] = (0, 0, ())  # mentions, variants, features: kept when rendered


def rendered_by(render) -> Any:
    """A ``finish`` step for the engines: the worker formats an article's output itself and sends back
    only the text and counts, so the parent's writing never limits an archive run (JSON encoding of
    millions of rows is seconds of work) and results waiting to be written stay small."""
    return _Rendered(render)


class _Rendered:
    def __init__(self, render) -> None:
        self.render = render

    def __call__(self, linked: LinkedArticle) -> LinkedArticle:
        if linked.error:
            return linked
        ms = linked.mentions
        counts = (len(ms), sum(1 for m in ms if m.match == "variant"), tuple({m.feature_id: 0 for m in ms}))
        return linked._replace(mentions=[], rendered=self.render(linked), counts=counts)


def walk_articles(folders: Iterable[Path | str]) -> list[ArchiveTask]:
    """Every article file under the folders, recursively, in a stable order: folder by folder as given, in
    each folder its files by name, then its subfolders by name.

    An article's id is its path under its folder without the suffix ("2025/08/aliyev"), or with it when
    two files differ only in suffix. ArticleError for a missing folder, one with no article files, or an id
    two folders share.
    """
    tasks: list[ArchiveTask] = []
    taken: dict[str, str] = {}
    for folder in map(Path, folders):
        if not folder.exists():
            raise ArticleError(f"{folder}: no such folder")
        if not folder.is_dir():
            raise ArticleError(f"{folder}: not a folder")
        found: list[Path] = []
        catalogs: dict[Path, dict[str, Any]] = {}
        try:
            for root, dirs, files in os.walk(folder, onerror=_raise):
                dirs.sort()
                base = Path(root)
                found += [base / f for f in sorted(files) if Path(f).suffix.lower() in USER_SUFFIXES]
                if CATALOG in files:
                    catalogs[base] = _catalog(base / CATALOG)
        except OSError as exc:
            raise ArticleError(f"{folder}: cannot list the folder ({exc.strerror or exc})") from exc
        if not found:
            raise ArticleError(f"{folder}: no .txt, .md or .html articles in this folder or below it")
        rel = [p.relative_to(folder) for p in found]
        stems = [r.with_suffix("").as_posix() for r in rel]
        clash = {s for s in stems if stems.count(s) > 1} if len(set(stems)) < len(stems) else set()
        for path, r, stem in zip(found, rel, stems, strict=True):
            article_id = r.as_posix() if stem in clash else stem
            if article_id in taken:
                raise ArticleError(f"{path}: {taken[article_id]} already has the article id {article_id!r} "
                                   "(ids are paths under the folder and must be unique)")
            taken[article_id] = str(path)
            tasks.append(ArchiveTask(str(path), article_id, catalogs.get(path.parent, {}).get(path.stem)))
    return tasks


def _raise(exc: OSError) -> None:
    raise exc


def _catalog(path: Path) -> dict[str, dict[str, Any]]:
    # The bundled folder's reader owns the catalog format; one reader for it, not two.
    from corridor_viewer.io.articles import _read_catalog

    return _read_catalog(path.parent)


def read_task(task: ArchiveTask) -> tuple[Article, int]:
    """The article of one file, with its date (catalog, else HTML metadata, else a dateline: the reader of the
    GUI import finds the last two, io/article_dates), and its size."""
    af = read_article_file(task.path)
    meta = task.meta or {}
    published = meta.get("published") or af.published
    size = os.path.getsize(task.path)
    title = meta.get("title") or af.title
    return Article.from_text(task.article_id, af.text, title=title, published=published,
                             date_certainty="stated" if published else "", outlet=meta.get("outlet") or None), size


def link_task(task: ArchiveTask, gazetteer: Gazetteer, decisions: Any = None) -> LinkedArticle:
    try:
        article, size = read_task(task)
    except (ArticleError, OSError) as exc:
        return LinkedArticle(task.article_id, task.path, "", 0, 0, [], str(exc))
    mentions = gazetteer.link(article)
    if decisions is not None and len(decisions):
        mentions, _stale = decisions.apply(mentions, text_of=lambda _aid: article.text,
                                           passage_at=lambda _aid, i: article.passage_index_at(i))
    return LinkedArticle(article.id, task.path, article.published, len(article.text), size, mentions)


# -- engines

_WORKER: dict[Any, Any] = {}
IN_FLIGHT = 4  # chunks per worker read ahead of the writer: bounded memory, workers never idle


def _init_worker(gazetteer: Gazetteer, decisions: Any, finish: Any = None) -> None:
    _WORKER["gazetteer"], _WORKER["decisions"], _WORKER["finish"] = gazetteer, decisions, finish


def _link_chunk(tasks: Sequence[ArchiveTask]) -> list[LinkedArticle]:
    import gc

    finish = _WORKER.get("finish")
    gc.disable()  # mentions hold no cycles; see linker.link_corpus
    try:
        out = [link_task(t, _WORKER["gazetteer"], _WORKER["decisions"]) for t in tasks]
        return [finish(r) for r in out] if finish is not None else out
    finally:
        gc.enable()


def _bounded(items: Iterable[Any], slots: Any) -> Iterator[Any]:
    """Hand items to a pool only as results are taken: Pool.imap reads its input eagerly, so without this
    a slow writer would let every finished article of the archive pile up in memory."""
    for item in items:
        slots.acquire()
        yield item


def _chunks(tasks: Sequence[ArchiveTask], size: int) -> Iterator[Sequence[ArchiveTask]]:
    for i in range(0, len(tasks), size):
        yield tasks[i:i + size]


def _context() -> multiprocessing.context.BaseContext:
    # Fork shares the compiled gazetteer for free; elsewhere workers rebuild it from its entries (pickled).
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods and sys.platform != "darwin" else "spawn")


def link_local(tasks: Sequence[ArchiveTask], gazetteer: Gazetteer, jobs: int, decisions: Any = None,
               finish: Any = None) -> Iterator[LinkedArticle]:
    """Link the files with ``jobs`` worker processes (in this process if 1), yielding in file order.

    ``finish`` (picklable, e.g. :func:`rendered_by`) runs on each result in the worker.
    """
    import threading

    if jobs <= 1 or len(tasks) <= CHUNK:
        _init_worker(gazetteer, decisions, finish)
        for chunk in _chunks(tasks, CHUNK):
            yield from _link_chunk(chunk)
        return
    gazetteer._passes()  # compiled before the fork, so that no worker compiles it again
    slots = threading.BoundedSemaphore(IN_FLIGHT * jobs)
    with _context().Pool(jobs, initializer=_init_worker, initargs=(gazetteer, decisions, finish)) as pool:
        for results in pool.imap(_link_chunk, _bounded(_chunks(tasks, CHUNK), slots)):
            slots.release()
            yield from results


def _dask_partition(tasks: Sequence[ArchiveTask], key: str, entries: list, variants: bool, decisions: Any,
                    finish: Any = None) -> list[LinkedArticle]:
    """One Dask partition: the worker compiles the gazetteer once (per fingerprint) and keeps it."""
    gazetteer = _WORKER.get(("dask", key))
    if gazetteer is None:
        gazetteer = _WORKER[("dask", key)] = Gazetteer(entries, variants=variants)
    out = [link_task(t, gazetteer, decisions) for t in tasks]
    return [finish(r) for r in out] if finish is not None else out


def link_dask(tasks: Sequence[ArchiveTask], gazetteer: Gazetteer, jobs: int, decisions: Any = None,
              scheduler: str | None = None, finish: Any = None) -> Iterator[LinkedArticle]:
    """The same linking as a Dask bag, on local processes or a ``distributed`` scheduler at ``scheduler``.

    Partitions are computed a few at a time and yielded in order, so memory stays bounded on any archive.
    """
    try:
        import dask
        import dask.bag as db
    except ImportError as exc:
        raise ArticleError("the Dask engine needs the archive extra: pip install 'corridor-viewer[archive]'") from exc
    entries = list(gazetteer.entries.values())
    bag = db.from_sequence(list(tasks), partition_size=CHUNK * 4)
    parts = bag.map_partitions(_dask_partition, gazetteer.fingerprint(), entries, gazetteer.variants,
                               decisions, finish).to_delayed()
    if scheduler:
        try:
            from distributed import Client
        except ImportError as exc:
            raise ArticleError("--scheduler needs dask.distributed: pip install 'corridor-viewer[archive]'") from exc
        client = Client(scheduler)
        try:
            for i in range(0, len(parts), 4 * max(1, jobs)):
                for results in dask.compute(*parts[i:i + 4 * max(1, jobs)], scheduler=client.get):
                    yield from results
        finally:
            client.close()
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max(1, jobs), mp_context=_context()) as pool:
        for i in range(0, len(parts), 4 * max(1, jobs)):
            for results in dask.compute(*parts[i:i + 4 * max(1, jobs)], scheduler="processes", pool=pool):
                yield from results
