"""The Python API, `deck new` and `deck pdf`."""
import shutil

import pytest
from pptx import Presentation

import builder
from builder.cli import main
from builder.diagnostics import BuildError
from tests.conftest import ROOT, audit_problems, needs_audit, needs_libreoffice, pdf_pages, title_of


def test_the_api_builds_beside_the_source_and_returns_the_summary(tmp_path):
    source = tmp_path / "talk.md"
    source.write_text("## One\n\n![x](missing.png)\n", encoding="utf-8")
    result = builder.build(source, theme="dark", settings={"slide-numbers": True, "footer": "ACME"})
    assert result.output == tmp_path / "talk.pptx" and result.slides == 1
    assert [w.code for w in result.warnings] == ["image-missing"]
    prs = Presentation(str(result.output))
    assert title_of(prs.slides[0]) == "One"
    assert "ACME" in [shape.text_frame.text for shape in prs.slides[0].shapes if shape.has_text_frame]
    with pytest.raises(BuildError):
        builder.build(tmp_path / "absent.md")


def test_deck_new_writes_a_starter_that_builds_cleanly_and_never_overwrites(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["new", "my-talk"]) == 0
    assert (tmp_path / "my-talk.md").exists() and (tmp_path / "my-talk.png").exists()
    result = builder.build(tmp_path / "my-talk.md")
    assert result.warnings == []
    prs = Presentation(str(result.output))
    kinds = {shape.shape_type for slide in prs.slides for shape in slide.shapes}
    assert {13, 19} <= kinds  # a picture and a table
    assert any(slide.has_notes_slide for slide in prs.slides)
    assert [title_of(slide) for slide in prs.slides][:4] == ["My talk", "Contents", "Getting started", "Bullets and text"]
    xml = b"".join(slide.part.blob for slide in prs.slides)  # it shows builds, transitions, jumps, a diagram
    assert b"<p:timing>" in xml and b"<p:transition" in xml and b"hlinksldjump" in xml and b"<p:cxnSp>" in xml
    assert b"<a:audioFile" in xml and b"<c:chart " in xml  # and a sound, and a chart
    before = (tmp_path / "my-talk.md").read_bytes()
    assert main(["new", "my-talk"]) == 1 and (tmp_path / "my-talk.md").read_bytes() == before
    assert "exists" in capsys.readouterr().err


@needs_audit
def test_the_starter_deck_audits_clean(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    main(["new", "starter"])
    result = builder.build(tmp_path / "starter.md")
    assert audit_problems(result.output, tmp_path / "starter.md") == {}


@needs_libreoffice
def test_deck_pdf_writes_one_page_a_slide_or_a_notes_page_a_slide(tmp_path):
    source = ROOT / "slides_src" / "cloud.md"
    assert main(["pdf", str(source), "-o", str(tmp_path / "cloud.pdf")]) == 0
    assert main(["pdf", str(source), "--notes", "-o", str(tmp_path / "notes.pdf")]) == 0
    slides, notes = pdf_pages(tmp_path / "cloud.pdf"), pdf_pages(tmp_path / "notes.pdf")
    assert len(slides) == len(notes) == 7
    assert slides[0][0] > slides[0][1] and notes[0][0] < notes[0][1]


def test_deck_pdf_without_libreoffice_says_how_to_install_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert main(["pdf", str(ROOT / "slides_src" / "cloud.md"), "-o", str(tmp_path / "x.pdf")]) == 1
    message = capsys.readouterr().err
    assert "apt-get install libreoffice-impress" in message and "brew" in message and "winget" in message
    assert not (tmp_path / "x.pdf").exists()


@needs_libreoffice
def test_deck_preview_writes_a_png_a_slide_and_a_contact_sheet(tmp_path):
    from PIL import Image

    source = ROOT / "slides_src" / "cloud.md"
    assert main(["preview", str(source), "-o", str(tmp_path / "preview")]) == 0
    slides = sorted((tmp_path / "preview").glob("slide-*.png"))
    assert [p.name for p in slides] == [f"slide-{n:03d}.png" for n in range(1, 8)]
    with Image.open(slides[0]) as first, Image.open(tmp_path / "preview" / "contact.png") as sheet:
        assert first.size == (1280, 720) and sheet.width > sheet.height


@needs_audit
def test_deck_preview_shows_the_deck_as_the_audit_draws_it(tmp_path):
    import subprocess
    import sys

    from PIL import Image, ImageChops, ImageStat

    from tests.conftest import AUDIT

    source = ROOT / "slides_src" / "cloud.md"
    main(["preview", str(source), "-o", str(tmp_path / "preview")])
    deck = builder.build(source, tmp_path / "cloud.pptx").output
    subprocess.run([sys.executable, str(AUDIT), str(deck), "--source", str(source), "--png", str(tmp_path / "audit")],
                   capture_output=True, timeout=300)
    for number in range(1, 8):
        with Image.open(tmp_path / "preview" / f"slide-{number:03d}.png") as ours, \
                Image.open(tmp_path / "audit" / f"slide-{number:03d}.png") as theirs:
            theirs = theirs.convert("RGB").resize(ours.size)
            difference = ImageStat.Stat(ImageChops.difference(ours.convert("RGB"), theirs)).mean
            assert max(difference) < 8, (number, difference)


def test_a_deck_with_emoji_says_why_a_preview_may_lack_them(tmp_path, capsys):
    from builder.commands import _emoji_hint

    (tmp_path / "e.md").write_text("## E\n\nLaunch 🚀\n", encoding="utf-8")
    (tmp_path / "plain.md").write_text("## P\n\nNo pictographs — only “quotes”.\n", encoding="utf-8")
    _emoji_hint(tmp_path / "plain.md", "preview")
    assert capsys.readouterr().err == ""
    _emoji_hint(tmp_path / "e.md", "preview")
    assert "emoji font" in capsys.readouterr().err
