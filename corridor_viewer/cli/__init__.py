"""The command line: one dispatcher, one module per command, imported only when used.

Commands never import ``corridor_viewer.ui``; ``scenes``, ``links`` and ``check`` import no Qt at all
(import-linter contracts in pyproject.toml check both).
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import TYPE_CHECKING

from corridor_viewer import APP_NAME, __version__

if TYPE_CHECKING:
    import argparse

# name -> module with add_parser(subparsers) -> ArgumentParser and run(args) -> exit status.
COMMANDS: dict[str, str] = {
    "export": "corridor_viewer.cli.export",
    "links": "corridor_viewer.cli.links",
    "scenes": "corridor_viewer.cli.scenes",
    "check": "corridor_viewer.cli.check",
}


def add_gui_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    p.add_argument("--lang", choices=("ar", "en"), help="user-interface and map language (default: system)")
    p.add_argument("--exit-after-paint", action="store_true",
                   help="paint the map once, print first-paint-ms=<N> and ready-ms=<N>, then exit "
                        "(tests, benchmarks)")
    desktop = p.add_mutually_exclusive_group()
    desktop.add_argument("--install-desktop", action="store_true",
                         help="add Corridor Viewer to your Linux applications menu (~/.local/share) and exit")
    desktop.add_argument("--uninstall-desktop", action="store_true",
                         help="remove what --install-desktop added and exit")


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    import argparse  # here: a plain start (no arguments, or only the window's own flags) never needs it

    p = argparse.ArgumentParser(
        prog="corridor-viewer",
        description=f"{APP_NAME}: map of the South Caucasus corridors. Without a command it opens the window.",
        epilog="Run `corridor-viewer COMMAND --help` for a command's options.")
    add_gui_options(p)
    if with_commands:
        sub = p.add_subparsers(dest="command", metavar="COMMAND", title="commands")
        for module in COMMANDS.values():
            try:
                mod = importlib.import_module(module)
            except ImportError:  # a command whose module is absent (a trimmed bundle) is not offered
                continue
            mod.add_parser(sub).set_defaults(_run=mod.run)
    return p


_GUI_FLAGS = {"--exit-after-paint": "exit_after_paint", "--install-desktop": "install_desktop",
              "--uninstall-desktop": "uninstall_desktop"}


def quick_gui_args(argv: list[str]) -> argparse.Namespace | None:
    """The window's options without argparse for the plain cases (no arguments, as a double-click starts
    it, or only whole flags and ``--lang ar|en``): building the parser cost ~2.5 ms of every start (argparse
    itself is imported by PySide6's signature support anyway). Anything else (--version, -h, abbreviations,
    bad values, both desktop flags) returns None and goes to argparse, which then says what is wrong.
    Tested to give argparse's own result."""
    from types import SimpleNamespace

    out = {"lang": None, "exit_after_paint": False, "install_desktop": False, "uninstall_desktop": False}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in _GUI_FLAGS:
            out[_GUI_FLAGS[a]] = True
        elif a.startswith("--lang=") and a[7:] in ("ar", "en"):
            out["lang"] = a[7:]
        elif a == "--lang" and i + 1 < len(argv) and argv[i + 1] in ("ar", "en"):
            out["lang"] = argv[i + 1]
            i += 1
        else:
            return None
        i += 1
    if out["install_desktop"] and out["uninstall_desktop"]:
        return None
    return SimpleNamespace(**out)  # type: ignore[return-value]


def is_command_line(argv: list[str]) -> bool:
    """A command or a help request: handled here, never by the window."""
    return bool(argv) and (argv[0] in COMMANDS or not argv[0].startswith("-") or "-h" in argv or "--help" in argv)


EXIT_CLOSED_PIPE = 141


def main(argv: list[str]) -> int:
    from corridor_viewer.crash import install_cli_hook

    install_cli_hook()  # an unexpected error leaves a report file and says where
    try:
        args = build_parser().parse_args(argv)
        run = getattr(args, "_run", None)
        if run is None:
            build_parser().print_help()
            return 0
        rc = run(args)
        sys.stdout.flush()  # inside the try: a reader that left (`| head`) shows here at the latest
        return rc
    except BrokenPipeError:
        # The reader closed the pipe (`corridor-viewer scenes | head`): no report, no traceback. Exit as a Unix
        # tool stopped by SIGPIPE does (128 + 13), so `set -o pipefail` scripts see it as they see `seq | head`.
        # stdout goes to devnull so the interpreter's own flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_CLOSED_PIPE
