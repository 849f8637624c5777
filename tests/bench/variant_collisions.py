"""Which common Arabic words would the variant tier take for a place name? (maintainer check, not a test)

    pip install wordfreq && python tests/bench/variant_collisions.py [--top 60000]

Links each of the ``--top`` most frequent Arabic words (wordfreq's lists: web, news, subtitles, Wikipedia)
on its own and prints every one that comes out as a *spelling variant* of a feature, most frequent
first. Each such word is either a real variant (fine) or an ordinary word that shares a name's skeleton:
add it to that feature's ``not_variants`` in geodata/src/aliases.json (source "wordfreq"), or, if there
are many, make the variant rules stricter. Exit status 1 when an ordinary word in the top 10,000 links.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from corridor_viewer.io.geodata import load_document
from corridor_viewer.model.corpus import Article
from corridor_viewer.model.linker import Gazetteer


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=60_000)
    args = ap.parse_args(argv)
    try:
        from wordfreq import top_n_list
    except ImportError:
        print("needs wordfreq: pip install wordfreq", file=sys.stderr)
        return 2
    gazetteer = Gazetteer.from_features(load_document().features())
    words = top_n_list("ar", args.top)
    hits = []
    for rank, word in enumerate(words, start=1):
        for m in gazetteer.link(Article.from_text("w", word)):
            if m.match == "variant":
                hits.append((rank, word, m.feature_id, m.surface))
    for rank, word, feature, surface in hits:
        print(f"{rank:6d}  {word}\t{feature}\t{surface}")
    print(f"{len(hits)} variant hits among the {len(words)} most frequent Arabic words", file=sys.stderr)
    return 1 if any(rank <= 10_000 for rank, *_ in hits) else 0


if __name__ == "__main__":
    sys.exit(main())
