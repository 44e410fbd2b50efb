"""Draw the README's picture of each built-in theme: the example deck's title slide and its
first content slide, side by side, as LibreOffice shows them.

    python img/themes/make_pictures.py      (needs LibreOffice and pymupdf)
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
WIDTH = 480  # pixels of one slide in the picture


def main() -> int:
    import pymupdf
    from PIL import Image

    sys.path.insert(0, str(ROOT))
    from builder.pipeline import build
    from builder.render.themes import THEMES

    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        for name in THEMES:
            deck = build(ROOT / "slides_src" / "cloud.md", work / f"{name}.pptx", theme=name).output
            subprocess.run(["soffice", f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                            "--convert-to", "pdf", "--outdir", str(work), str(deck)], check=True, capture_output=True)
            with pymupdf.open(str(work / f"{name}.pdf")) as pdf:
                pages = []
                for page in (pdf[0], pdf[1]):
                    zoom = WIDTH / page.rect.width
                    pixmap = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom))
                    pages.append(Image.frombytes("RGB", (pixmap.width, pixmap.height), pixmap.samples))
            gap = 12  # a grey frame, so that white slides show their edges
            sheet = Image.new("RGB", (2 * WIDTH + 3 * gap, pages[0].height + 2 * gap), (160, 160, 160))
            sheet.paste(pages[0], (gap, gap))
            sheet.paste(pages[1], (WIDTH + 2 * gap, gap))
            sheet.save(HERE / f"{name}.png", optimize=True)
            print(HERE / f"{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
