"""``corridor-viewer links``: write every place-name mention in the articles, as JSON or CSV, without Qt.

Wiring (app.py)::

    sub = parser.add_subparsers(dest="command")
    links.add_parser(sub)        # sets args.func = links.run
    ...
    if getattr(args, "func", None): return args.func(args)

Exit status: 0 on success, 2 on bad input (missing or empty article folder, a file that is not UTF-8, an
output file that cannot be written, damaged geodata), reported as one line on stderr.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from pathlib import Path

COLUMNS = ("feature_id", "feature_name_en", "article_id", "start", "end", "surface", "passage_index")
PROG = "corridor-viewer links"


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Register the ``links`` subcommand on an ``add_subparsers()`` object."""
    p = subparsers.add_parser(
        "links", help="write every place-name mention in the articles (JSON or CSV); needs no display",
        description="Link the articles to the map features and write every mention: feature, article, "
                    "character offsets into the article text, the name as written, and the passage.")
    _add_arguments(p)
    p.set_defaults(func=run)
    return p


def _add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--articles", metavar="DIR", action="append", type=Path,
                   help="link the UTF-8 .txt files in DIR (article id = file name) instead of the bundled "
                        "articles; repeat for several folders")
    p.add_argument("--format", choices=("json", "csv"), default="json", help="output format (default: json)")
    p.add_argument("--out", metavar="FILE", type=Path, help="write to FILE (replaced atomically) instead of stdout")


def run(args: argparse.Namespace) -> int:
    # Imported here so that registering the subcommand costs the GUI start-up nothing.
    from corridor_viewer.io.articles import ArticleError, load_corpus, load_folders
    from corridor_viewer.io.geodata import GeodataError, load_document
    from corridor_viewer.model.linker import Gazetteer, link_corpus

    try:
        corpus = load_folders(args.articles) if args.articles else load_corpus()
        gazetteer = Gazetteer.from_features(load_document().features())
    except (ArticleError, GeodataError, FileNotFoundError) as exc:
        return _fail(str(exc))
    rows = [{"feature_id": m.feature_id, "feature_name_en": gazetteer.name_en(m.feature_id),
             "article_id": m.article_id, "start": m.start, "end": m.end, "surface": m.surface,
             "passage_index": m.passage_index} for m in link_corpus(corpus, gazetteer)]
    data = (render_csv(rows) if args.format == "csv" else render_json(rows)).encode("utf-8")
    if args.out is not None:
        try:
            write_atomically(args.out, data)
        except OSError as exc:
            return _fail(f"cannot write {args.out}: {exc.strerror or exc}")
        return 0
    try:
        stream = getattr(sys.stdout, "buffer", None)
        if stream is not None:  # bytes: the output is UTF-8 whatever the console's encoding
            sys.stdout.flush()
            stream.write(data)
            stream.flush()
        else:
            sys.stdout.write(data.decode("utf-8"))
            sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`: not an error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0


def render_json(rows: list[dict]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"


def render_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def write_atomically(path: Path, data: bytes) -> None:
    """Readers never see a half-written file; a failure leaves any previous file untouched."""
    from corridor_viewer.io.atomicfile import write_atomic

    write_atomic(path, data)



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
