"""LibreOffice opens a sample of decks and draws one page per slide (it exits 0 even on files it
cannot read, so the PDF itself is checked)."""
import subprocess
from pathlib import Path

from builder.pipeline import build
from tests.conftest import ROOT, needs_libreoffice, pdf_pages

SAMPLE = [ROOT / "slides_src" / "cloud.md", *sorted((ROOT / "tests" / "decks").glob("*.md"))[:3]]


@needs_libreoffice
def test_libreoffice_draws_one_page_per_slide(tmp_path):
    decks = [build(source, tmp_path / f"{source.stem}.pptx") for source in SAMPLE]
    profile = (tmp_path / "profile").as_uri()  # a private profile: runs in parallel do not collide
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path / "pdf"), *(str(deck.output) for deck in decks)],
                   capture_output=True, timeout=300, check=True)
    for deck in decks:
        pdf = tmp_path / "pdf" / f"{Path(deck.output).stem}.pdf"
        assert pdf.exists(), f"LibreOffice made no PDF of {deck.output.name}"
        assert len(pdf_pages(pdf)) == deck.slides, deck.output.name
