"""`deck pdf` (the deck as a PDF handout) and `deck preview` (a PNG a slide), drawn by LibreOffice."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .diagnostics import count as plural, printable

INSTALL = """LibreOffice draws the PDF, and it is not installed (no `soffice` on PATH). Install it:
  Debian, Ubuntu:  sudo apt-get install libreoffice-impress
  macOS:           brew install --cask libreoffice
  Windows:         winget install TheDocumentFoundation.LibreOffice (then add its program folder to PATH)"""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(deck: Path, pdf: Path, notes: bool = False) -> str | None:
    """Convert `deck` to `pdf` with LibreOffice (its notes pages when `notes`); an error
    message, or None when the PDF was written."""
    program = soffice()
    if program is None:
        return INSTALL
    export = ('pdf:impress_pdf_Export:{"ExportNotesPages":{"type":"boolean","value":"true"},'
              '"ExportOnlyNotesPages":{"type":"boolean","value":"true"}}') if notes else "pdf"
    with tempfile.TemporaryDirectory(prefix="deck-pdf-") as work:
        work = Path(work)
        # a private profile: two conversions at once do not wait for each other's lock
        command = [program, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                   "--convert-to", export, "--outdir", str(work), str(deck)]
        try:
            subprocess.run(command, capture_output=True, timeout=600)
        except subprocess.TimeoutExpired:
            return "LibreOffice took more than ten minutes; no PDF was written"
        made = work / f"{deck.stem}.pdf"
        if not made.exists() or made.stat().st_size == 0:  # LibreOffice exits 0 even when it fails
            return "LibreOffice could not convert the deck; no PDF was written"
        from .write import write_atomic

        write_atomic(pdf, made.read_bytes())
    return None


def pdf(source: Path, output: Path, notes: bool, theme: str | None, template: Path | None,
        overrides: tuple[str, ...] = (), encoding: str | None = None) -> int:
    """Build `source` and write it as the PDF `output` (its slides, or its notes pages when `notes`)."""
    from .diagnostics import BuildError
    from .pipeline import build

    if _is_input(output, [source, template]):
        print(printable(f"deck pdf: {output} is an input of the deck; it is never written over (choose another -o)"),
              file=sys.stderr)
        return 2
    if soffice() is None:
        print(printable(f"deck pdf: {INSTALL}"), file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="deck-") as work:
        deck = Path(work) / f"{source.stem}.pptx"
        try:
            result = build(source, deck, encoding, theme=theme, template=template, overrides=overrides)
        except BuildError as error:
            print(printable(error), file=sys.stderr)
            return 1
        for item in result.warnings:
            print(printable(item), file=sys.stderr)
        if _is_input(output, result.inputs):
            print(printable(f"deck pdf: {output} is an input of the deck (a picture); it is never written over"),
                  file=sys.stderr)
            return 2
        _emoji_hint(source, "pdf")
        problem = to_pdf(deck, output, notes)
    if problem:
        print(printable(f"deck pdf: {problem}"), file=sys.stderr)
        return 1
    print(printable(f"{output}: {plural(result.slides, 'slide')}{' with their notes pages' if notes else ''}"))
    return 0


PREVIEW_PX = 1280  # width of each slide's PNG
WRITTEN = ".deck-preview"  # the names of the files a preview wrote: the only ones a later one removes
SHEET_COLUMNS, THUMB_PX, SHEET_GAP = 4, 360, 12


def preview(source: Path, folder: Path, theme: str | None, template: Path | None,
            overrides: tuple[str, ...] = (), encoding: str | None = None) -> int:
    """Build `source`, draw it with LibreOffice, and write a PNG a slide and a contact sheet of
    them all into `folder`."""
    from .diagnostics import BuildError
    from .pipeline import build

    written = folder / WRITTEN
    ours = set(written.read_text(encoding="utf-8").split()) if written.is_file() else set()
    foreign = sorted(path.name for path in [*folder.glob("slide-*.png"), folder / "contact.png"]
                     if path.exists() and path.name not in ours)
    if foreign:
        print(printable(f"deck preview: {folder} holds {', '.join(foreign[:3])}, which deck did not write; nothing "
                        "there is replaced or removed: choose another folder (-o)"), file=sys.stderr)
        return 2
    if soffice() is None:
        print(printable(f"deck preview: {INSTALL}"), file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="deck-") as work:
        work = Path(work)
        try:
            result = build(source, work / f"{source.stem}.pptx", encoding, theme=theme, template=template,
                           overrides=overrides)
        except BuildError as error:
            print(printable(error), file=sys.stderr)
            return 1
        for item in result.warnings:
            print(printable(item), file=sys.stderr)
        _emoji_hint(source, "preview")
        problem = to_pdf(result.output, work / f"{source.stem}.pdf")
        if problem:
            print(printable(f"deck preview: {problem}"), file=sys.stderr)
            return 1
        pages = _pages(work / f"{source.stem}.pdf")
    folder.mkdir(parents=True, exist_ok=True)
    names = [f"slide-{number:03d}.png" for number in range(1, len(pages) + 1)] + ["contact.png"]
    if any(_is_input(folder / name, result.inputs) for name in names):
        print(printable(f"deck preview: {folder} would hold a picture the deck shows; choose another folder (-o)"),
              file=sys.stderr)
        return 2
    for stale in ours - set(names):  # a shorter deck leaves no old slides behind: only ours are removed
        if stale.startswith("slide-") and stale.endswith(".png"):
            (folder / stale).unlink(missing_ok=True)
    for number, page in enumerate(pages, start=1):
        page.save(folder / f"slide-{number:03d}.png", optimize=True)
    _contact_sheet(pages).save(folder / "contact.png", optimize=True)
    written.write_text("\n".join(names) + "\n", encoding="utf-8")
    print(printable(f"{folder}/: {plural(len(pages), 'slide')} as slide-NNN.png, and contact.png"))
    return 0


# seen with LibreOffice 7.4, with fonts-noto-color-emoji and fonts-symbola installed alike
EMOJI_HINT = ("its emoji are in the deck and PowerPoint shows them, but LibreOffice, which draws this file, may "
              "leave them out (install an emoji font such as fonts-noto-color-emoji; some versions drop them even "
              "so)")


def _emoji_hint(source: Path, command: str) -> None:
    """Say once why a preview or PDF may lack the deck's emoji."""
    from .layout.fonts import is_emoji

    try:
        text = source.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return
    if any(is_emoji(ch) for ch in text if ch > "\u25ff"):
        print(printable(f"deck {command}: {source}: {EMOJI_HINT}"), file=sys.stderr)


def _is_input(path: Path, inputs) -> bool:
    """Whether `path` is one of `inputs` (paths, None among them) once resolved."""
    target = path.resolve()
    return any(item is not None and Path(item).resolve() == target for item in inputs)


def _pages(pdf: Path) -> list:
    """Each page of `pdf` as a Pillow image PREVIEW_PX wide."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return [page.render(scale=PREVIEW_PX / page.get_width()).to_pil().convert("RGB") for page in document]
    finally:
        document.close()


def _contact_sheet(pages: list):
    from PIL import Image

    thumbs = [page.resize((THUMB_PX, round(page.height * THUMB_PX / page.width))) for page in pages]
    height = max(thumb.height for thumb in thumbs) if thumbs else 1
    rows = max(1, -(-len(thumbs) // SHEET_COLUMNS))
    sheet = Image.new("RGB", (SHEET_COLUMNS * (THUMB_PX + SHEET_GAP) + SHEET_GAP, rows * (height + SHEET_GAP) + SHEET_GAP),
                      (128, 128, 128))
    for index, thumb in enumerate(thumbs):
        row, column = divmod(index, SHEET_COLUMNS)
        sheet.paste(thumb, (SHEET_GAP + column * (THUMB_PX + SHEET_GAP), SHEET_GAP + row * (height + SHEET_GAP)))
    return sheet
