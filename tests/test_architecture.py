"""The model and io tiers never import Qt (checked on the source, and at run time)."""

import ast
import subprocess
import sys
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "corridor_viewer"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_model_and_io_sources_do_not_import_pyside6():
    offenders = []
    for tier in ("model", "io"):
        for path in (PKG / tier).rglob("*.py"):
            if any(n.split(".")[0] in ("PySide6", "shiboken6") for n in _imports(path)):
                offenders.append(str(path))
    assert offenders == []


def test_loading_the_document_does_not_load_qt_or_heavy_libraries():
    code = ("import sys; from corridor_viewer.io.geodata import load_document; load_document(); "
            "bad=[m for m in ('PySide6','geopandas','folium','shapely','pyproj') if m in sys.modules]; "
            "print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_render_imports_no_widgets():
    for path in (PKG / "render").rglob("*.py"):
        assert "PySide6.QtWidgets" not in _imports(path), path
