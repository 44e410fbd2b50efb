"""The user's seed deck, end to end: slides_src/cloud.md as committed and the seed verbatim."""
import shutil
import subprocess

import pytest
from pptx.oxml.ns import qn

from builder.pipeline import build
from tests.conftest import ROOT, SHARED, assert_valid, needs_libreoffice, pdf_pages, title_of

SEED = ROOT / "slides_src" / "cloud.md"


def pictures(slide):
    return [s._element.find(".//" + qn("p:cNvPr")).get("descr") for s in slide.shapes if s.shape_type == 13]


def picture_names(slide):
    return [s.name for s in slide.shapes if s.shape_type == 13]


@pytest.fixture(scope="module")
def seed_deck(tmp_path_factory):
    from pptx import Presentation

    out = tmp_path_factory.mktemp("seed") / "cloud.pptx"
    result = build(SEED, out)
    assert_valid(out)
    return result, Presentation(str(out))


def test_seed_builds_without_warnings(seed_deck):
    result, _ = seed_deck
    assert result.warnings == []


def test_cover_on_the_title_slide_and_icons_with_their_headings(seed_deck):
    _, prs = seed_deck
    slides = list(prs.slides)
    assert slides[0].slide_layout.name == "Title Slide" and picture_names(slides[0]) == ["Picture cloud.png"]
    by_title = {}
    for slide in slides[1:]:
        by_title.setdefault(title_of(slide).replace(" (suite)", ""), []).extend(picture_names(slide))
    assert by_title["〉 Pour une Entreprise"] == ["Picture team.png"]
    assert by_title["〉 Pour un Particulier"] == ["Picture employee2.png"]
    assert by_title["〉 Utilisations Générales"] == ["Picture ccschema.png"]
    # each icon on the first slide of its heading, not on the continuation
    first = next(s for s in slides if title_of(s) == "〉 Pour une Entreprise")
    assert picture_names(first) == ["Picture team.png"]


def test_continuations_are_marked_in_french(seed_deck):
    _, prs = seed_deck
    titles = [title_of(s) for s in prs.slides]
    assert any(t.endswith(" (suite)") for t in titles)
    assert all(t for t in titles)


def test_every_source_word_reaches_the_deck(seed_deck):
    import re

    _, prs = seed_deck
    words = set()
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                words.update(re.findall(r"[^\W_]{3,}", shape.text_frame.text.lower()))
    text = SEED.read_text(encoding="utf-8").split("---\n", 2)[2]
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
    missing = set(re.findall(r"[^\W_]{3,}", text.lower())) - words
    assert not missing


def test_the_verbatim_seed_builds_too(tmp_path, monkeypatch):
    if not (SHARED / "seed").exists():
        pytest.skip("../shared/seed is not here")
    seed = next((SHARED / "seed").glob("*.txt"))
    source = tmp_path / "slides_src" / "cloud.md"
    source.parent.mkdir()
    shutil.copy(seed, source)
    shutil.copytree(ROOT / "img", tmp_path / "img")
    monkeypatch.chdir(tmp_path)  # run in the project folder: ../img is inside it
    result = build(source, tmp_path / "cloud.pptx")
    assert_valid(result.output)
    assert result.warnings == []
    from pptx import Presentation

    prs = Presentation(str(result.output))
    assert title_of(prs.slides[0]) == "Cloud" and picture_names(prs.slides[0]) == ["Picture cloud.png"]
    assert "(suite)" in " ".join(title_of(s) for s in prs.slides)  # French found from the text itself


@needs_libreoffice
def test_libreoffice_draws_one_page_per_slide(seed_deck, tmp_path):
    result, prs = seed_deck
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(result.output)],
                   capture_output=True, timeout=180)
    pdf = tmp_path / "cloud.pdf"
    assert pdf.exists(), "LibreOffice could not read the deck"
    assert len(pdf_pages(pdf)) == len(prs.slides)
