"""Regenerate the icon set from corridor-viewer.svg (maintainers only; the outputs are committed).

    QT_QPA_PLATFORM=offscreen python resources/icons/make_icons.py [--out DIR]

Writes corridor-viewer-<N>.png for every size in SIZES (rendered with QtSvg, so every size is drawn
from the vector source rather than scaled from a bitmap), corridor-viewer.ico (Windows, 16-256 px)
and corridor-viewer.icns (macOS, 16-1024 px). Needs PySide6 and Pillow (in the [test] extra).
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SVG = HERE / "corridor-viewer.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest size the ICO format holds


def render_png(renderer, size: int) -> bytes:
    """One square PNG of the SVG at `size` px, transparent outside the artwork."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter

    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(p, QRectF(0, 0, size, size))
    p.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.convertToFormat(QImage.Format.Format_ARGB32).save(buf, "PNG")
    buf.close()
    return bytes(data.data())


def make(out: Path, svg: Path = SVG) -> list[Path]:
    from PIL import Image
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # QImage text/painting needs one
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not a valid SVG")
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    images: dict[int, Image.Image] = {}
    for size in (*SIZES, 1024):
        data = render_png(renderer, size)
        images[size] = Image.open(io.BytesIO(data)).convert("RGBA")
        if size in SIZES:
            path = out / f"corridor-viewer-{size}.png"
            path.write_bytes(data)
            written.append(path)
    # Pillow writes both containers; handing it every rendered size keeps small sizes crisp
    # instead of letting it downscale the largest one.
    ico = out / "corridor-viewer.ico"
    images[256].save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                     append_images=[images[s] for s in ICO_SIZES if s != 256])
    icns = out / "corridor-viewer.icns"
    images[1024].save(icns, format="ICNS", append_images=[images[s] for s in (32, 64, 128, 256, 512)])
    return [*written, ico, icns]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE, help="output folder (default: next to the SVG)")
    ap.add_argument("--svg", type=Path, default=SVG, help="source SVG")
    args = ap.parse_args(argv)
    for path in make(args.out, args.svg):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
