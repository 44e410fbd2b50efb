"""A deck rendered in several processes is byte for byte the deck rendered in one."""
import pytest

from builder import forked
from builder.pipeline import build
from tests.conftest import ROOT, SHARED_SOURCES as SOURCES

pytestmark = pytest.mark.usefixtures("shared_work")


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.stem)
def test_shared_rendering_makes_the_same_bytes(source, tmp_path):
    alone = build(source, tmp_path / "alone.pptx")
    shared = build(source, tmp_path / "shared.pptx", workers=3)
    assert alone.slides >= 3
    assert shared.output.read_bytes() == alone.output.read_bytes()
    assert shared.diagnostics == alone.diagnostics


def test_notes_links_and_repeated_pictures_cross_processes(tmp_path):
    # notes first met in a forked process's run; a picture used in every run; links in text and notes
    from PIL import Image

    Image.new("RGB", (80, 60), (20, 90, 160)).save(tmp_path / "p.png")
    slides = [f"## Slide {n}\n\n- see [the site](https://example.org/{n % 2}) ![p](p.png)\n" for n in range(9)]
    slides[7] += "\n::: notes\nSay [this](https://example.org/notes).\n:::\n"
    source = tmp_path / "deck.md"
    source.write_text("\n".join(slides), encoding="utf-8")
    alone = build(source, tmp_path / "alone.pptx")
    shared = build(source, tmp_path / "shared.pptx", workers=3)
    assert shared.output.read_bytes() == alone.output.read_bytes()


def test_a_failed_process_leaves_its_slides_to_the_caller(monkeypatch, tmp_path):
    def broken(*args, **kwargs):
        raise RuntimeError("cannot send")
    source = ROOT / "tests" / "decks" / "text.md"
    alone = build(source, tmp_path / "alone.pptx")
    monkeypatch.setattr(forked.pickle, "dump", broken)  # only the forked processes send
    shared = build(source, tmp_path / "shared.pptx", workers=3)
    assert shared.output.read_bytes() == alone.output.read_bytes()
