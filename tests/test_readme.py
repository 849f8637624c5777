"""The README's quick start is what CI runs (.ci/run reads it), so it must name what the tests use."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
# The outside tools the tests call (shutil.which in the tests), by the Debian package that provides them.
TOOLS = {"pdftoppm": "poppler-utils", "pdfinfo": "poppler-utils", "pdftotext": "poppler-utils", "chromium": "chromium",
         "desktop-file-validate": "desktop-file-utils"}


def _apt_packages() -> set[str]:
    return {p for line in re.findall(r"^sudo apt-get install (.+)$", README, re.M) for p in line.split()}


def test_the_quick_start_makes_and_uses_a_virtual_environment():
    install = r'^python3 -m venv \.venv && \.venv/bin/pip install -e "\.\[test\]" && \.venv/bin/python main\.py$'
    assert re.search(install, README, re.M)
    assert re.search(r"^\.venv/bin/python -m pytest$", README, re.M)
    assert ".venv\\Scripts\\python -m pytest" in README  # the Windows line


def test_the_system_packages_cover_every_tool_the_tests_call():
    used = set()
    for test in (ROOT / "tests").glob("test_*.py"):
        used |= set(re.findall(r'shutil\.which\("([\w-]+)"\)', test.read_text(encoding="utf-8")))
    # Optional extras, other spellings of chromium, the OS's own, and Python tools that pip installs.
    optional = {"inkscape", "chromium-browser", "google-chrome", "mount", "gcc", "bash", "pyside6-lrelease",
                "lint-imports"}
    assert used - optional <= TOOLS.keys(), f"tests call {sorted(used - optional - TOOLS.keys())}: add to README"
    assert {TOOLS[t] for t in used & TOOLS.keys()} <= _apt_packages()
    assert {"fonts-noto-core", "python3-venv", "libxcb-cursor0"} <= _apt_packages()


def test_ci_reads_the_commands_from_the_readme():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "README.md" in ci and "apt-get install" in ci and 'eval "$test_cmd"' in ci
