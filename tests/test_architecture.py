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


def test_render_export_and_cli_import_no_widgets():
    # import-linter cannot name a submodule of an external package, so QtWidgets is checked here.
    for tier in ("render", "export", "cli"):
        for path in (PKG / tier).rglob("*.py"):
            assert "PySide6.QtWidgets" not in _imports(path), path


def test_scenes_links_and_check_commands_load_no_qt(tmp_path):
    for command in (["scenes"], ["links", "--format", "csv"], ["check", str(tmp_path / "none.geojson")]):
        code = (f"import sys\nsys.argv = ['corridor-viewer', *{command!r}]\n"
                "from corridor_viewer.app import main\n"
                "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
                "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NO-QT', file=sys.stderr)")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
        assert out.stderr.strip().endswith("NO-QT"), (command, out.stderr[-500:])


def test_export_command_loads_qtgui_but_not_qtwidgets(tmp_path):
    code = ("import sys\nfrom corridor_viewer.app import main\n"
            f"main(['export', '--out', {str(tmp_path / 'm.png')!r}, '--size', '800x600'])\n"
            "print('W' if 'PySide6.QtWidgets' in sys.modules else 'NO-W', 'G' if 'PySide6.QtGui' in sys.modules "
            "else 'NO-G', file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=180,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stderr.strip().endswith("NO-W G"), out.stderr[-500:]
