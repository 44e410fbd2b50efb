"""Slides, notes pages and pictures are added at a constant cost each, and each picture is stored once."""
import io
import zipfile

from PIL import Image as PILImage
from pptx.opc.package import OpcPackage, _Relationships

from tests.conftest import title_of


def png(colour) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (64, 48), colour).save(out, format="PNG")
    return out.getvalue()


def deck(slides: int) -> str:
    """A deck with notes on every other slide and a picture on every slide."""
    parts = []
    for number in range(slides):
        notes = f"<!-- note {number} -->\n" if number % 2 else ""
        parts.append(f"## Slide {number}\n\n- point\n\n![p](p{number % 3}.png)\n{notes}")
    return "\n".join(parts)


def count_scans(monkeypatch):
    """Counters of python-pptx's whole-package and whole-relationship scans."""
    counts = {"parts": 0, "relationships": 0}
    iter_parts, by_type = OpcPackage.iter_parts, _Relationships._rels_by_reltype.fget

    def counted_iter_parts(self):
        counts["parts"] += 1
        return iter_parts(self)

    def counted_by_type(self):
        counts["relationships"] += len(self)
        return by_type(self)

    monkeypatch.setattr(OpcPackage, "iter_parts", counted_iter_parts)
    monkeypatch.setattr(_Relationships, "_rels_by_reltype", property(counted_by_type))
    return counts


def scans_for(slides, build_deck, monkeypatch):
    pictures = {f"p{n}.png": png((40 * n, 90, 160)) for n in range(3)}
    with monkeypatch.context() as patch:
        counts = count_scans(patch)
        build_deck(deck(slides), name=f"d{slides}", **pictures)
    return counts


def test_package_scans_do_not_grow_with_the_slide_count(build_deck, monkeypatch):
    small, large = (scans_for(n, build_deck, monkeypatch) for n in (10, 40))
    # python-pptx scans every part for each new slide, notes page and picture: 4× the slides
    # would be 16× the work. Ours reads the package a fixed number of times.
    assert large["parts"] == small["parts"]
    assert large["relationships"] <= 4 * small["relationships"] + 40


def test_slides_notes_and_pictures_are_numbered_in_order(build_deck):
    pictures = {f"p{n}.png": png((40 * n, 90, 160)) for n in range(3)}
    result, prs = build_deck(deck(7), **pictures)
    assert [title_of(slide) for slide in prs.slides] == [f"Slide {n}" for n in range(7)]
    assert [slide.slide_id for slide in prs.slides] == list(range(256, 263))
    assert [slide.has_notes_slide for slide in prs.slides] == [bool(n % 2) for n in range(7)]
    assert [slide.notes_slide.notes_text_frame.text for slide in prs.slides if slide.has_notes_slide] == \
        [f"note {n}" for n in (1, 3, 5)]
    with zipfile.ZipFile(result.output) as package:
        names = package.namelist()
    assert sorted(n for n in names if n.startswith("ppt/slides/slide")) == \
        sorted(f"ppt/slides/slide{n}.xml" for n in range(1, 8))
    assert sorted(n for n in names if n.startswith("ppt/notesSlides/notesSlide")) == \
        sorted(f"ppt/notesSlides/notesSlide{n}.xml" for n in range(1, 4))


def test_a_picture_shown_on_many_slides_is_stored_once(build_deck):
    pictures = {f"p{n}.png": png((40 * n, 90, 160)) for n in range(3)}
    result, prs = build_deck(deck(9), **pictures)
    with zipfile.ZipFile(result.output) as package:
        media = [n for n in package.namelist() if n.startswith("ppt/media/")]
    assert len(media) == 3
    shown = [shape for slide in prs.slides for shape in slide.shapes if shape.shape_type == 13]
    assert len(shown) == 9
    assert len({shape.image.sha1 for shape in shown}) == 3


def test_every_slide_of_a_layout_gets_its_own_placeholders(build_deck):
    _, prs = build_deck("## One\n\ntext one\n\n## Two\n\ntext two\n")
    first, second = prs.slides
    assert first.shapes.title.text == "One" and second.shapes.title.text == "Two"
    assert first.shapes.title._element is not second.shapes.title._element
