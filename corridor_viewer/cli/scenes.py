"""`corridor-viewer scenes`: list the classroom scenes (the user's, else the built-in story) with their pinned
passages, and share lessons (``--export-lesson``, ``--import-lesson``, ``--lesson`` to look inside one)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("scenes", help="list the story's scenes and their passages; share lessons",
                       description="List the scenes: the user's saved scenes, or the built-in story, each with "
                                   "its pinned passages (article id, the Arabic quote, our English translation). "
                                   "Lessons (.cvlesson): scenes with the layers and articles they use, in one file.")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default text)")
    p.add_argument("--builtin", action="store_true", help="list the built-in story even if you saved your own")
    p.add_argument("--project", help="the scenes of this project (.cvproj) instead of your own")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--lesson", metavar="FILE", help="list the scenes of a lesson file")
    what.add_argument("--export-lesson", metavar="OUT", help="write the scenes (with the layers and articles of "
                                                             "yours they use) as a lesson file")
    what.add_argument("--import-lesson", metavar="FILE",
                      help="add a lesson's scenes after yours (or after the --project's, which is then saved)")
    p.add_argument("--ids", help="with --export-lesson: only these scene ids (comma-separated)")
    p.add_argument("--title", default="", help="with --export-lesson: the lesson's title")
    return p


def load_for_cli(builtin: bool = False):
    """The scenes the app would show with no project open: the story plus the user's own (or the story only)."""
    from corridor_viewer.io.scenes import load_scene_list
    from corridor_viewer.io.userdirs import scenes_file

    return load_scene_list(None if builtin else scenes_file())


def _fail(msg: str) -> int:
    print(f"corridor-viewer scenes: {msg}", file=sys.stderr)
    return 2


def passages_of(scene, corpus) -> list[dict]:
    """Each pinned passage: its article, the Arabic quote, our English translation (empty if we have none for
    exactly this text), the citation in both languages and the kind of piece."""
    from corridor_viewer.io import editorial
    from corridor_viewer.model.quotes import quote_for

    out = []
    notes = editorial.editorial()
    for aid, idx in scene.passages:
        art = corpus.get(aid) if corpus is not None else None
        if art is None or not 0 <= idx < len(art.passages):
            out.append({"article_id": aid, "passage_index": idx, "missing": True})
            continue
        p = art.passages[idx]
        ar = quote_for(art, p, "ar", translations=editorial.translations(), editorial=notes)
        en = quote_for(art, p, "en", translations=editorial.translations(), editorial=notes)
        note = notes.get(aid) or {}
        out.append({"article_id": aid, "passage_index": idx, "genre": note.get("genre", ""),
                    "quote_ar": ar.text, "translation_en": en.translation,
                    "citation_en": en.citation, "citation_ar": ar.citation})
    return out


def _session(project: str | None):
    from corridor_viewer.io.geodata import load_document
    from corridor_viewer.io.storage import FileStorage
    from corridor_viewer.model.session import Session

    session = Session(load_document(), FileStorage())
    if project:
        session.open_project(Path(project))
    else:
        session.load_user_scenes()
    return session


def run(args: argparse.Namespace) -> int:
    from corridor_viewer.model.scenes import SceneError
    from corridor_viewer.model.session import SessionError

    try:
        if args.export_lesson or args.import_lesson:
            return _lessons(args)
        if args.lesson:
            from corridor_viewer.io.lesson import LessonError, read_lesson
            from corridor_viewer.model.scenes import Scene

            try:
                loaded = read_lesson(Path(args.lesson))
            except LessonError as exc:
                return _fail(str(exc))
            scenes, warning = [Scene.from_dict(d) for d in loaded.lesson.scenes], "; ".join(loaded.warnings)
            corpus = _corpus([(a.id, a.text, a.title, a.published) for a in loaded.lesson.articles])
        elif args.project:
            session = _session(args.project)
            scenes, warning = list(session.scenes), None
            corpus = _corpus([(a.id, a.text, a.title, a.published) for a in session.user_articles])
        else:
            scenes, warning = load_for_cli(args.builtin)
            corpus = _corpus([])
    except (SceneError, SessionError) as exc:
        return _fail(str(exc))
    if warning:
        print(f"corridor-viewer scenes: {warning}", file=sys.stderr)
    rows = [{"id": s.id, "title_en": s.title.get("en", ""), "title_ar": s.title.get("ar", ""), "date": s.date,
             "passages": passages_of(s, corpus)} for s in scenes]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        for i, r in enumerate(rows, 1):
            pins = ", ".join(f"{p['article_id'][:3]}[{p['passage_index']}]" for p in r["passages"])
            print(f"{i:2d}  {r['id']:<16} {r['date'] or '':<10}  {r['title_en']}  |  {r['title_ar']}"
                  + (f"  ({pins})" if pins else ""))
    return 0


def _corpus(user: list[tuple[str, str, str, str]]):
    """The bundled articles plus a project's or lesson's own (none of them linked: only their passages)."""
    from corridor_viewer.io.articles import ArticleError, load_corpus, user_article
    from corridor_viewer.model.corpus import Corpus

    try:
        base = list(load_corpus())
    except ArticleError:
        base = []
    ids = {a.id for a in base}
    return Corpus(base + [user_article(aid, text, title, published) for aid, text, title, published in user
                          if aid not in ids])


def _lessons(args: argparse.Namespace) -> int:
    from corridor_viewer.model.session import SessionError

    session = _session(args.project)
    if args.export_lesson:
        ids = [x.strip() for x in args.ids.split(",") if x.strip()] if args.ids else None
        unknown = [x for x in ids or [] if session.scenes.get(x) is None]
        if unknown:
            return _fail(f"no scene {', '.join(unknown)}; `corridor-viewer scenes` lists them")
        out = Path(args.export_lesson)
        if out.suffix.lower() != ".cvlesson":
            out = out.with_name(out.name + ".cvlesson")
        lesson = session.save_lesson(out, ids, args.title)
        print(f"wrote {out}: a lesson of {len(lesson.scenes)} scene(s), {len(lesson.layers)} layer(s) and "
              f"{len(lesson.articles)} article(s) of yours")
        return 0
    work = session.read_lesson(Path(args.import_lesson))
    if (work.layers or work.lesson.articles) and not args.project:
        return _fail("this lesson brings its own layers or articles, which only a project can keep: import it in "
                     "the app (File → Import lesson…) or into a project with --project FILE.cvproj")
    added = session.apply_lesson(work)
    for w in work.warnings:
        print(f"corridor-viewer scenes: {w}", file=sys.stderr)
    if args.project:
        try:
            session.save(Path(args.project))
        except SessionError as exc:
            return _fail(str(exc))
    where = args.project or "your scenes"
    print(f"added {len(added)} scene(s) to {where}" + (f": {', '.join(added)}" if added else
                                                          " (you already have them all)"))
    return 0
