"""The .pptx as PowerPoint reads it: placeholders, runs, links, bullets, notes, pictures."""
import io

from PIL import Image as PILImage
from pptx.oxml.ns import qn

from tests.conftest import title_of

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def png(size=(800, 600)) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", size, (20, 90, 160)).save(out, format="PNG")
    return out.getvalue()


def body_shape(slide):
    return next(shape for shape in slide.placeholders if shape.placeholder_format.idx == 1)


def test_slides_are_16_9_on_the_template_layouts(build_deck):
    _, prs = build_deck("---\ntitle: T\n---\n# Part\n\n## Slide\n\ntext\n")
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)
    assert [s.slide_layout.name for s in prs.slides] == ["Title Slide", "Section Header", "Title and Content"]
    assert [title_of(s) for s in prs.slides] == ["T", "Part", "Slide"]


def test_text_goes_into_the_body_placeholder_as_real_runs(build_deck):
    _, prs = build_deck("## S\n\nA **b** *i* `c` ~~s~~ [l](https://example.com)\n")
    slide = prs.slides[0]
    runs = {r.text: r for p in body_shape(slide).text_frame.paragraphs for r in p.runs}
    assert runs["b"].font.bold and runs["i"].font.italic
    assert runs["c"].font.name == "Courier New"
    assert runs["s"]._r.find(qn("a:rPr")).get("strike") == "sngStrike"
    assert runs["l"].hyperlink.address == "https://example.com"


def test_every_run_carries_the_deck_language(build_deck):
    _, prs = build_deck("---\nlang: fr\n---\n## S\n\ntexte\n")
    langs = {rpr.get("lang") for rpr in prs.slides[0].shapes._spTree.iter(qn("a:rPr"))}
    assert langs == {"fr-FR"}


def test_bullets_numbers_and_levels(build_deck):
    _, prs = build_deck("## S\n\n- a\n  - b\n\n4. four\n5. five\n")
    paragraphs = body_shape(prs.slides[0]).text_frame.paragraphs
    ppr = [p._p.find(qn("a:pPr")) for p in paragraphs]
    assert ppr[0].find(qn("a:buChar")) is not None and ppr[1].get("lvl") == "1"
    assert [x.find(qn("a:buAutoNum")).get("startAt") for x in ppr[2:]] == ["4", "5"]


def test_code_keeps_its_lines_and_spaces(build_deck):
    _, prs = build_deck("## S\n\n```\ndef f():\n    return 1\n```\n")
    lines = [p.text for p in body_shape(prs.slides[0]).text_frame.paragraphs]
    assert lines == ["def f():", "    return 1"]


def test_sizes_are_explicit_and_never_under_the_floors(build_deck):
    _, prs = build_deck("## S\n\n" + "\n\n".join("word " * 80 for _ in range(6)) + "\n\n```\ncode\n```\n")
    for slide in prs.slides:
        for rpr in slide.shapes._spTree.iter(qn("a:rPr")):
            size = int(rpr.get("sz")) / 100
            mono = rpr.find(qn("a:latin")) is not None
            assert size >= (12 if mono else 18)


def test_notes_pages_only_where_there_are_notes(build_deck):
    _, prs = build_deck("## A\n\nx\n\n::: notes\nsay this\n:::\n\n## B\n\ny\n\n<!-- and that -->\n\n## C\n\nz\n")
    assert [s.has_notes_slide for s in prs.slides] == [True, True, False]
    assert prs.slides[0].notes_slide.notes_text_frame.text == "say this"


def test_pictures_carry_their_alt_text(build_deck):
    _, prs = build_deck("## P\n\n![A blue field](p.png)\n", **{"p.png": png()})
    [picture] = [s for s in prs.slides[0].shapes if s.shape_type == 13]
    assert picture._element.find(".//" + qn("p:cNvPr")).get("descr") == "A blue field"
    assert abs(picture.width / picture.height - 4 / 3) < 0.01


def test_unused_placeholders_are_removed(build_deck):
    _, prs = build_deck("## Only a picture\n\n![x](p.png)\n", **{"p.png": png()})
    assert [s.placeholder_format.type for s in prs.slides[0].placeholders] == [1]  # the title alone


def test_missing_picture_leaves_a_visible_frame_and_the_deck_builds(build_deck):
    result, prs = build_deck("## P\n\nText\n\n![x](nope.png)\n")
    texts = [s.text_frame.text for s in prs.slides[0].shapes if s.has_text_frame]
    assert any("nope.png" in text for text in texts)
    assert [w.code for w in result.warnings] == ["image-missing"]


def test_document_properties(build_deck):
    _, prs = build_deck("---\ntitle: Talk\nauthor: Ada\nlang: fr\n---\n## S\n\nx\n")
    props = prs.core_properties
    assert (props.title, props.author, props.language) == ("Talk", "Ada", "fr-FR")
    assert props.modified.year == 2000  # fixed: same input, same bytes


def test_task_items_get_boxes_and_hebrew_reads_right_to_left(build_deck):
    _, prs = build_deck("## T\n\n- [ ] open\n- [x] done\n\nשלום עולם, זו פסקה בעברית\n")
    paragraphs = body_shape(prs.slides[0]).text_frame.paragraphs
    boxes = [p._p.find(qn("a:pPr")).find(qn("a:buChar")).get("char") for p in paragraphs[:2]]
    assert boxes == ["\u2610", "\u2611"] and paragraphs[0].text == "open"
    hebrew = paragraphs[2]._p.find(qn("a:pPr"))
    assert hebrew.get("rtl") == "1" and hebrew.get("algn") == "r"
    assert paragraphs[0]._p.find(qn("a:pPr")).get("rtl") is None


def test_emoji_and_combining_marks_survive(build_deck):
    text = "Cafe\u0301 \U0001F44D\U0001F3FD na\u0308ive"
    _, prs = build_deck(f"## E\n\n{text}\n")
    assert body_shape(prs.slides[0]).text_frame.text == text
