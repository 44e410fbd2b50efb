"""Fitting slides: sizes, continuation slides, where pictures go (fake measurer)."""
from builder.diagnostics import Diagnostics
from builder.geometry import EMU_PER_PT
from builder.images import MissingPicture, Picture
from builder.layout import lay_out
from builder.layout.fonts import FixedMeasurer
from builder.layout.wrap import wrap
from builder.layout.fonts import Face
from builder.model import Code, Deck, Image, Meta, Paragraph, Run, Slide
from builder.placed import PictureFrame, PlaceholderFrame, TextFrame

MEASURER = FixedMeasurer(advance=0.5, line=1.2)
WORDS = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor".split()


def text(n_words: int, offset: int = 0) -> str:
    return " ".join(f"{WORDS[(i + offset) % len(WORDS)]}{i}" for i in range(n_words))


def para(words: str, kind="text", level=0, number=None):
    return Paragraph(runs=(Run(words),), line=1, kind=kind, level=level, number=number)


def run_layout(template, blocks, lang=None, pictures=None, **slide):
    deck = Deck(meta=Meta(lang=lang), slides=(Slide(kind="content", title=(Run("Title"),), line=1,
                                                    blocks=tuple(blocks), **slide),))
    report = Diagnostics("t.md")
    return lay_out(deck, template, pictures or {}, MEASURER, report).slides, report


def frames(slide, kind):
    return [frame for frame in slide.frames if isinstance(frame, kind)]


def body(slide):
    return next((f for f in frames(slide, TextFrame) if f.role == "body"), None)


def title(slide):
    return "".join(run.text for p in frames(slide, TextFrame)[0].paragraphs for run in p.runs)


def body_words(slides):
    return " ".join(" ".join(run.text for run in p.runs) for s in slides if body(s) for p in body(s).paragraphs).split()


def test_a_short_slide_keeps_the_template_size(template):
    [slide], _ = run_layout(template, [para("short text")])
    assert [p.size for p in body(slide).paragraphs] == [28.0]


def test_long_content_continues_on_slides_marked_in_the_deck_language(template):
    blocks = [para(text(60, i)) for i in range(8)]
    slides, report = run_layout(template, blocks, lang="fr-FR")
    assert len(slides) > 1
    assert title(slides[0]) == "Title"
    assert all(title(s) == "Title (suite)" for s in slides[1:])
    assert body_words(slides) == " ".join(text(60, i) for i in range(8)).split()  # all of it, in order, once
    assert all(p.size >= 18 for s in slides for p in body(s).paragraphs)
    assert any(d.code == "continued" for d in report)


def test_a_paragraph_is_cut_only_between_words(template):
    slides, _ = run_layout(template, [para(text(900))])
    assert len(slides) > 1
    assert body_words(slides) == text(900).split()


def test_every_body_fits_its_frame(template):
    slides, _ = run_layout(template, [para(text(80, i), kind="bullet", level=i % 3) for i in range(10)])
    for slide in slides:
        frame = body(slide)
        room = (frame.box.h - frame.insets.top - frame.insets.bottom) / EMU_PER_PT
        width = (frame.box.w - frame.insets.left - frame.insets.right) / EMU_PER_PT
        used = 0.0
        for index, p in enumerate(frame.paragraphs):
            column = width - p.margin_left / EMU_PER_PT
            used += (p.space_before if index else 0) + wrap(p.runs, column, p.size, lambda r: Face("x"), MEASURER).height
        assert used <= room


def test_lists_are_indented_and_nested_levels_smaller(template):
    [slide], _ = run_layout(template, [para("a", "bullet", 0), para("b", "bullet", 1), para("c", "number", 2, 3)])
    first, second, third = body(slide).paragraphs
    assert first.margin_left < second.margin_left < third.margin_left
    assert first.indent < 0 and first.size > second.size > third.size >= 18
    assert third.number == 3


def test_a_cut_list_item_continues_without_a_new_bullet(template):
    slides, _ = run_layout(template, [para(text(900), kind="number", number=4)])
    assert body(slides[0]).paragraphs[0].kind == "number"
    assert body(slides[1]).paragraphs[0].kind == "continuation" and body(slides[1]).paragraphs[0].number is None


def test_a_code_block_that_fits_a_page_is_not_cut(template):
    code = Code(text="\n".join(f"line {i}" for i in range(8)), line=1)
    slides, _ = run_layout(template, [para(text(170)), code])
    code_pages = [s for s in slides if any(p.kind == "code" for p in body(s).paragraphs)]
    assert len(code_pages) == 1
    assert sum(p.kind == "code" for p in body(code_pages[0]).paragraphs) == 8


def test_code_is_monospace_and_never_under_12pt(template):
    [slide], _ = run_layout(template, [Code(text="x = 1", line=1)])
    [line] = body(slide).paragraphs
    assert line.family == "Courier New" and line.size >= 12


PICTURE = Picture(src="p.png", data=b"", ext="png", width=1600, height=1200)
TINY = Picture(src="t.png", data=b"", ext="png", width=40, height=30)


def test_one_picture_alone_fills_the_content_area(template):
    [slide], _ = run_layout(template, [Image("p.png", "alt", 1)], pictures={"p.png": PICTURE})
    [frame] = frames(slide, PictureFrame)
    area = template.layouts["content"].body
    assert frame.box.h == area.h or frame.box.w == area.w
    assert abs(frame.box.w / frame.box.h - 4 / 3) < 0.01  # aspect ratio kept
    assert body(slide) is None and frame.alt == "alt"


def test_a_picture_is_never_shown_above_twice_its_pixels(template):
    [slide], _ = run_layout(template, [Image("t.png", "tiny", 1)], pictures={"t.png": TINY})
    [frame] = frames(slide, PictureFrame)
    shown_px = frame.box.w / template.slide_w * 1920
    assert shown_px <= 2 * 40 + 0.01


def test_a_picture_with_text_gets_a_column_of_its_own(template):
    [slide], _ = run_layout(template, [para("some text"), Image("p.png", "alt", 1)], pictures={"p.png": PICTURE})
    [picture] = frames(slide, PictureFrame)
    assert picture.box.x >= body(slide).box.right


def test_a_picture_after_long_text_goes_on_the_last_page(template):
    blocks = [para(text(60, i)) for i in range(8)] + [Image("p.png", "end", 1)]
    slides, _ = run_layout(template, blocks, pictures={"p.png": PICTURE})
    assert [bool(frames(s, PictureFrame)) for s in slides] == [False] * (len(slides) - 1) + [True]


def test_a_picture_before_the_text_goes_on_the_first_page(template):
    blocks = [Image("p.png", "icon", 1)] + [para(text(60, i)) for i in range(8)]
    slides, _ = run_layout(template, blocks, pictures={"p.png": PICTURE})
    assert frames(slides[0], PictureFrame) and not any(frames(s, PictureFrame) for s in slides[1:])


def test_a_missing_picture_is_a_visible_frame_naming_it(template):
    missing = MissingPicture("gone.png", "not found")
    [slide], _ = run_layout(template, [Image("gone.png", "x", 1)], pictures={"gone.png": missing})
    [frame] = frames(slide, PlaceholderFrame)
    assert "gone.png" in frame.paragraphs[0].runs[0].text


def test_a_made_up_title_is_kept_off_the_slide(template):
    [slide], _ = run_layout(template, [para("x")], title_hidden=True)
    assert frames(slide, TextFrame)[0].box.bottom < 0


def test_a_title_with_nothing_under_it_is_still_a_slide(template):
    [slide], _ = run_layout(template, [])
    assert title(slide) == "Title" and body(slide) is None


def test_without_a_visible_title_the_body_starts_where_the_title_would(template):
    [slide], _ = run_layout(template, [para("x")], title_hidden=True)
    assert body(slide).box.y == template.layouts["content"].title.y


def test_pictures_in_a_grid_do_not_overlap(template):
    pictures = {f"{n}.png": Picture(src=f"{n}.png", data=b"", ext="png", width=800, height=600) for n in "abcd"}
    [slide], _ = run_layout(template, [Image(f"{n}.png", n, 1) for n in "abcd"], pictures=pictures)
    boxes = [f.box for f in frames(slide, PictureFrame)]
    assert len(boxes) == 4
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a.right <= b.x or b.right <= a.x or a.bottom <= b.y or b.bottom <= a.y


def test_a_width_hint_is_honoured_within_the_pixel_limit(template):
    [slide], _ = run_layout(template, [Image("p.png", "alt", 1, width="40%")], pictures={"p.png": PICTURE})
    [frame] = frames(slide, PictureFrame)
    assert abs(frame.box.w - 0.4 * template.layouts["content"].body.w) < 2


def test_a_title_becomes_a_caption_under_the_picture(template):
    [slide], _ = run_layout(template, [Image("p.png", "alt", 1, title="Figure 1")], pictures={"p.png": PICTURE})
    [picture] = frames(slide, PictureFrame)
    [caption] = [f for f in frames(slide, TextFrame) if f.role == "text"]
    assert caption.box.y == picture.box.bottom and caption.paragraphs[0].runs[0].text == "Figure 1"


def test_a_background_covers_the_slide_cropped_with_a_panel_behind_the_text(template):
    from builder.placed import Panel
    big = Picture(src="bg.jpg", data=b"", ext="jpeg", width=3000, height=1000)
    deck = Deck(meta=Meta(), slides=(Slide(kind="content", title=(Run("T"),), line=1, blocks=(para("x"),),
                                           background=Image("bg.jpg", "", 1, background="full")),))
    [slide] = lay_out(deck, template, {"bg.jpg": big}, MEASURER, Diagnostics("t.md")).slides
    background = slide.frames[0]
    assert background.background and background.box.w == template.slide_w and background.crop[0] > 0
    assert isinstance(slide.frames[1], Panel)


def test_text_on_a_dark_fill_is_white(template):
    deck = Deck(meta=Meta(), slides=(Slide(kind="content", title=(Run("T"),), line=1, blocks=(para("x"),),
                                           background_colour="111111"),))
    [slide] = lay_out(deck, template, {}, MEASURER, Diagnostics("t.md")).slides
    assert slide.text_colour == "FFFFFF" and slide.background_colour == "111111"
