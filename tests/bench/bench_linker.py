"""Benchmark the gazetteer linker (issue 4): the five articles, and synthetic corpora of 1,000 and 10,000.

A script, not a test (pytest collects only test_*.py):

    python tests/bench/bench_linker.py [--repeat 3] [--seed 4] [--articles 10000]

The synthetic corpus is built deterministically (seeded) by resampling the passages of the five bundled
articles into articles of about 6 KB of UTF-8 each, so 10,000 articles hold about 60 MB. Corpus
building (passage splitting) is timed separately from linking; the 1k corpus is the first 1,000
articles of the 10k one. Each figure is the best of ``--repeat`` runs (the median is shown too); the 1k
and 10k runs alternate, so that both see the same machine load.

Targets: five articles <= 20 ms; 10k articles <= 5 s; 10k/1k time ratio <= 11 (linear growth).
Exit status 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a source checkout without installing

from corridor_viewer.io.articles import load_corpus
from corridor_viewer.io.geodata import load_document
from corridor_viewer.model.corpus import Article, Corpus
from corridor_viewer.model.linker import Gazetteer, link_corpus

ARTICLE_BYTES = 6000


def synthetic_corpus(source: Corpus, n: int, seed: int) -> list[Article]:
    """``n`` articles of about ARTICLE_BYTES each, made of passages drawn (seeded) from ``source``."""
    rng = random.Random(seed)
    pool = [p.text for a in source for p in a.passages]
    articles = []
    for i in range(n):
        parts, size = [], 0
        while size < ARTICLE_BYTES:
            text = rng.choice(pool)
            parts.append(text)
            size += len(text.encode("utf-8")) + 2
        articles.append(Article.from_text(f"syn{i:05d}", "\n\n".join(parts)))
    return articles


def timed(fn, repeat: int) -> tuple[float, float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--articles", type=int, default=10_000)
    args = ap.parse_args(argv)
    repeat = max(3, args.repeat)

    t0 = time.perf_counter()
    corpus = load_corpus()
    features = load_document().features()
    t1 = time.perf_counter()
    gazetteer = Gazetteer.from_features(features)
    t2 = time.perf_counter()
    print(f"load corpus + geodata: {1000 * (t1 - t0):.0f} ms; gazetteer ({len(gazetteer.entries)} features, "
          f"compiled once): {1000 * (t2 - t1):.0f} ms")

    best5, med5, mentions = timed(lambda: link_corpus(corpus, gazetteer), max(repeat, 20))
    print(f"5 articles:      {1000 * best5:8.2f} ms  (median {1000 * med5:.2f} ms)  {len(mentions)} mentions")

    t0 = time.perf_counter()
    big = synthetic_corpus(corpus, args.articles, args.seed)
    size = sum(len(a.text.encode("utf-8")) for a in big)
    print(f"built {len(big)} synthetic articles, {size / 1e6:.1f} MB UTF-8, {sum(len(a.text) for a in big) / 1e6:.1f}"
          f" M characters, in {time.perf_counter() - t0:.1f} s (not part of the linking time)")
    small = big[: len(big) // 10]

    # Interleaved, with as many runs each, so that both sizes see the same machine load.
    t1s, t10s = [], []
    for _ in range(repeat):
        t1, _unused, m1 = timed(lambda: link_corpus(small, gazetteer), 1)
        t10, _unused, m10 = timed(lambda: link_corpus(big, gazetteer), 1)
        t1s.append(t1)
        t10s.append(t10)
    best1, med1, best10, med10 = min(t1s), statistics.median(t1s), min(t10s), statistics.median(t10s)
    print(f"{len(small):>5} articles: {best1:8.3f} s   (median {med1:.3f} s)  {len(m1)} mentions")
    print(f"{len(big):>5} articles: {best10:8.3f} s   (median {med10:.3f} s)  {len(m10)} mentions")
    ratio = best10 / best1
    print(f"ratio {len(big)}/{len(small)}: {ratio:.2f} (best times; medians: {med10 / med1:.2f})")

    ok = best5 <= 0.020 and ratio <= 11 and (args.articles != 10_000 or best10 <= 5.0)
    print("targets (5 articles <= 20 ms, 10k <= 5 s, ratio <= 11):", "met" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
