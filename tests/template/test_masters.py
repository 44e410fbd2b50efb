"""Templates of several masters, and layouts whose boxes are wrong: each role's layout comes from
the master whose drawings leave its body clear, else the one the template's example slides use;
a tiny body takes its master's box; a box off the slide is cut back inside it; LibreOffice's
prompt formatting becomes the placeholder's style."""
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Emu

from builder.geometry import Box
from builder.pipeline import build, export_theme
from builder.template import open_presentation
from builder.template.layouts import describe, on_slide
from builder.template.masters import covered, every_layout, lift_prompt_styles
from tests.conftest import assert_valid, needs_libreoffice, title_of

FIVE = "## Five points\n\n" + "".join(f"- Point number {n} of five\n" for n in range(1, 6))
SHAPE = ('<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
         'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><p:nvSpPr><p:cNvPr id="{id}" '
         'name="{name}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext '
         'cx="{w}" cy="{h}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:sp>')


def drawing(box: Box, name: str = "Artwork", shape_id: int = 90) -> str:
    return SHAPE.format(id=shape_id, name=name, x=box.x, y=box.y, w=box.w, h=box.h)


def with_drawings(master_xml: str, drawings: list[Box]) -> str:
    """`master_xml` with a rectangle drawn behind its placeholders for each of `drawings`."""
    shapes = "".join(drawing(box, shape_id=90 + n).replace(
        ' xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"', "") for n, box in enumerate(drawings))
    return master_xml.replace("</p:grpSpPr>", "</p:grpSpPr>" + shapes, 1)


def two_masters(first: list[Box], second: list[Box]) -> bytes:
    """python-pptx's default template with a second master, a copy of the first with its own
    eleven layouts; each master has the rectangles drawn on it that `first` and `second` say."""
    source = io.BytesIO()
    Presentation().save(source)
    out = io.BytesIO()
    with zipfile.ZipFile(source) as package, zipfile.ZipFile(out, "w") as copy:
        names = package.namelist()
        for name in names:
            data = package.read(name)
            if name == "ppt/slideMasters/slideMaster1.xml":
                text = data.decode("utf-8")
                copy.writestr(name, with_drawings(text, first))
                second_text = re.sub(r'<p:sldLayoutId id="(\d+)"',
                                     lambda m: f'<p:sldLayoutId id="{int(m.group(1)) + 11}"', text)
                copy.writestr("ppt/slideMasters/slideMaster2.xml", with_drawings(second_text, second))
                continue
            if name == "ppt/slideMasters/_rels/slideMaster1.xml.rels":
                text = data.decode("utf-8")
                copy.writestr(name, data)
                copy.writestr("ppt/slideMasters/_rels/slideMaster2.xml.rels",
                              re.sub(r"slideLayout(\d+)\.xml", lambda m: f"slideLayout{int(m.group(1)) + 11}.xml",
                                     text).replace("theme1.xml", "theme2.xml"))
                continue
            layout = re.fullmatch(r"ppt/slideLayouts/(_rels/)?slideLayout(\d+)\.xml(\.rels)?", name)
            if layout:
                number = int(layout.group(2))
                copy.writestr(name, data)
                twin = name.replace(f"slideLayout{number}.xml", f"slideLayout{number + 11}.xml")
                copy.writestr(twin, data.replace(b"slideMaster1.xml", b"slideMaster2.xml"))
                continue
            if name == "ppt/theme/theme1.xml":
                copy.writestr(name, data)
                copy.writestr("ppt/theme/theme2.xml", data)
                continue
            if name == "ppt/_rels/presentation.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.openxml'
                                    b'formats.org/officeDocument/2006/relationships/slideMaster" Target="slideMasters/'
                                    b'slideMaster2.xml"/></Relationships>')
            elif name == "ppt/presentation.xml":
                data = data.replace(b"</p:sldMasterIdLst>",
                                    b'<p:sldMasterId id="2147483700" r:id="rId99"/></p:sldMasterIdLst>')
            elif name == "[Content_Types].xml":
                parts = ['<Override PartName="/ppt/slideMasters/slideMaster2.xml" ContentType="application/vnd.'
                         'openxmlformats-officedocument.presentationml.slideMaster+xml"/>',
                         '<Override PartName="/ppt/theme/theme2.xml" ContentType="application/vnd.'
                         'openxmlformats-officedocument.theme+xml"/>']
                parts += [f'<Override PartName="/ppt/slideLayouts/slideLayout{n}.xml" ContentType="application/vnd.'
                          'openxmlformats-officedocument.presentationml.slideLayout+xml"/>' for n in range(12, 23)]
                data = data.replace(b"</Types>", "".join(parts).encode() + b"</Types>")
            copy.writestr(name, data)
    return out.getvalue()


def master_of(slide) -> str:
    return str(slide.slide_layout.slide_master.part.partname)


def test_two_masters_are_read_with_every_layout():
    prs = Presentation(io.BytesIO(two_masters([], [])))
    assert len(prs.slide_masters) == 2 and len(every_layout(prs)) == 22


def test_content_slides_take_the_master_whose_drawings_leave_the_body_clear(tmp_path):
    # the first master is a title master: artwork over the whole slide (LibreOffice's Focus);
    # the second has drawings in two corners only
    whole = Box(0, 0, 9144000, 6858000)
    corners = [Box(0, 0, 600000, 600000), Box(8544000, 6258000, 600000, 600000)]
    (tmp_path / "two.pptx").write_bytes(two_masters([whole], corners))
    prs = Presentation(str(tmp_path / "two.pptx"))
    layouts = every_layout(prs)
    body = Box(457200, 1600200, 8229600, 4525963)
    assert covered(layouts[1], body) == 1.0 and covered(layouts[12], body) < 0.05
    source = tmp_path / "talk.md"
    source.write_text("---\ntitle: A talk\n---\n\n" + FIVE + "\n## Two\n\ntext\n", encoding="utf-8")
    result = build(source, tmp_path / "out.pptx", template=tmp_path / "two.pptx")
    assert_valid(result.output)
    deck = Presentation(str(result.output))
    assert [master_of(slide) for slide in deck.slides] == ["/ppt/slideMasters/slideMaster1.xml"] + \
        ["/ppt/slideMasters/slideMaster2.xml"] * 2  # the title slide keeps the first master's artwork
    assert [title_of(slide) for slide in deck.slides] == ["A talk", "Five points", "Two"]


def test_with_drawings_alike_the_example_slides_say_which_master(tmp_path):
    # a band above the title on the second master, clear of the body: LibreOffice saves a band
    # theme that way, with its example content slide on that master
    band = Box(0, 0, 9144000, 1400000)
    data = two_masters([], [band])
    prs = Presentation(io.BytesIO(data))
    assert describe(open_presentation(data)).layouts["content"].index == 1  # no examples: the first
    example = prs.slides.add_slide(prs.slide_masters[1].slide_layouts[6])  # its blank layout, as LibreOffice does
    example.shapes.add_textbox(Emu(0), Emu(0), Emu(100), Emu(100))
    title = prs.slides.add_slide(prs.slide_masters[1].slide_layouts[1])
    title.shapes.title.text = "An example content slide"
    out = io.BytesIO()
    prs.save(out)
    opened = open_presentation(out.getvalue())
    assert opened.deck_examples == {"content": "/ppt/slideMasters/slideMaster2.xml"}
    info = describe(opened)
    assert info.layouts["content"].index == 12 and info.layouts["title"].index == 0
    assert info.layouts["title_only"].index == 16  # the other plain roles follow content's master


def test_a_content_layout_with_a_tiny_body_takes_its_masters_title_and_body(tmp_path):
    # LibreOffice writes some masters' layouts with the boxes of another master's title page
    prs = Presentation()
    layout = prs.slide_layouts[1]
    layout.placeholders[0].left, layout.placeholders[0].top = Emu(2700000), Emu(1485000)
    layout.placeholders[0].width, layout.placeholders[0].height = Emu(4680000), Emu(1620000)
    body = layout.placeholders[1]
    body.left, body.top, body.width, body.height = Emu(3420000), Emu(3240000), Emu(4000000), Emu(1620000)
    prs.save(tmp_path / "tiny.pptx")
    info = describe(open_presentation((tmp_path / "tiny.pptx").read_bytes()))
    master = Presentation().slide_master.placeholders
    assert info.layouts["content"].body == Box(master[1].left, master[1].top, master[1].width, master[1].height)
    assert info.layouts["content"].title == Box(master[0].left, master[0].top, master[0].width, master[0].height)
    source = tmp_path / "five.md"
    source.write_text(FIVE, encoding="utf-8")
    result = build(source, tmp_path / "five.pptx", template=tmp_path / "tiny.pptx")
    assert len(Presentation(str(result.output)).slides) == 1  # five points on one slide, not two


def test_a_usable_small_body_is_kept():
    prs = Presentation()
    body = prs.slide_layouts[1].placeholders[1]
    master = prs.slide_master.placeholders[1]
    body.left, body.top, body.width = master.left, master.top, master.width
    body.height = Emu(int(master.height * 0.7))  # smaller, but most of its master's
    out = io.BytesIO()
    prs.save(out)
    info = describe(open_presentation(out.getvalue()))
    assert info.layouts["content"].body.h == int(body.height)


def test_a_placeholder_running_off_the_slide_is_cut_back_inside_a_margin():
    # LibreOffice's Progress: a body 0.29 in past the slide's foot
    slide_w, slide_h = 10080625, 5670550
    cut = on_slide(Box(604800, 2648880, 8870040, 3288600), slide_w, slide_h)
    assert cut == Box(604800, 2648880, 8870040, slide_h - slide_h // 30 - 2648880)
    assert on_slide(Box(-100, 0, 5000000, 3000000), slide_w, slide_h).x == slide_h // 30
    inside = Box(604800, 1000000, 8870040, 3000000)
    assert on_slide(inside, slide_w, slide_h) is inside  # one inside the slide is left as it is


def test_text_stays_inside_a_template_whose_body_runs_off_the_slide(tmp_path):
    prs = Presentation()
    body = prs.slide_layouts[1].placeholders[1]
    body.height = Emu(prs.slide_height - body.top + 265000)  # 0.29 in past the foot
    prs.save(tmp_path / "long.pptx")
    source = tmp_path / "long.md"
    source.write_text("## Many points\n\n" + "".join(f"- Point {n} of a list long enough to fill the slide\n"
                                                     for n in range(12)), encoding="utf-8")
    result = build(source, tmp_path / "out.pptx", template=tmp_path / "long.pptx")
    deck = Presentation(str(result.output))
    for slide in deck.slides:
        for shape in slide.placeholders:
            assert shape.top + shape.height <= deck.slide_height - deck.slide_height // 30


def prompt_title(colour: str, with_style: bool = False) -> bytes:
    """python-pptx's template with the master title's prompt text formatted in `colour`, as
    LibreOffice saves it (and, when `with_style`, a list style of its own, which must win)."""
    prs = Presentation()
    title = prs.slide_master.placeholders[0]
    body = title._element.find(qn("p:txBody"))
    for old in body.findall(qn("a:lstStyle")):
        body.remove(old)
    if with_style:
        body.insert(1, body.makeelement(qn("a:lstStyle"), {}))
        body[1].append(body.makeelement(qn("a:lvl1pPr"), {"algn": "ctr"}))
    title.text_frame.text = "Click to edit the title text format"
    run = title.text_frame.paragraphs[0].runs[0]
    run.font.size, run.font.bold = Emu(2700 * 127), True
    run.font.color.rgb = __import__("pptx.dml.color", fromlist=["RGBColor"]).RGBColor.from_string(colour)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def test_libreoffices_prompt_formatting_becomes_the_placeholders_style():
    prs = open_presentation(prompt_title("FFFFFF"))
    styles = prs.slide_master.placeholders[0]._element.find(f"{qn('p:txBody')}/{qn('a:lstStyle')}")
    lifted = styles.find(f"{qn('a:lvl1pPr')}/{qn('a:defRPr')}")
    assert lifted.get("sz") == "2700" and lifted.get("b") == "1"
    assert lifted.find(f"{qn('a:solidFill')}/{qn('a:srgbClr')}").get("val") == "FFFFFF"
    kept = open_presentation(prompt_title("FFFFFF", with_style=True))
    own = kept.slide_master.placeholders[0]._element.find(f"{qn('p:txBody')}/{qn('a:lstStyle')}")
    assert [child.tag for child in own] == [qn("a:lvl1pPr")] and not len(own[0])  # its own style stays


def test_lifting_twice_changes_nothing():
    prs = open_presentation(prompt_title("00FF00"))
    before = prs.slide_master._element.xml
    lift_prompt_styles(prs)
    assert prs.slide_master._element.xml == before


def test_an_exported_theme_carries_an_example_title_and_content_slide(tmp_path):
    (tmp_path / "band.pptx").write_bytes(export_theme("band"))
    prs = Presentation(str(tmp_path / "band.pptx"))
    assert [slide.slide_layout.name for slide in prs.slides] == ["Title Slide", "Title and Content"]
    source = tmp_path / "talk.md"
    source.write_text(FIVE, encoding="utf-8")
    result = build(source, tmp_path / "out.pptx", template=tmp_path / "band.pptx")
    deck = Presentation(str(result.output))
    assert [title_of(slide) for slide in deck.slides] == ["Five points"]  # the examples are left out


def soffice_convert(source: Path, folder: Path) -> Path:
    """`source` opened and saved again as .pptx by LibreOffice, in `folder`."""
    out = folder / "saved"
    out.mkdir(exist_ok=True)
    subprocess.run(["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pptx:Impress MS PowerPoint 2007 XML", "--outdir", str(out), str(source)],
                   capture_output=True, timeout=180, check=True)
    return out / f"{source.stem}.pptx"


@needs_libreoffice
def test_a_band_theme_saved_by_libreoffice_keeps_its_band_and_white_titles(tmp_path):
    (tmp_path / "band.pptx").write_bytes(export_theme("band"))
    saved = soffice_convert(tmp_path / "band.pptx", tmp_path)
    source = tmp_path / "talk.md"
    source.write_text("---\ntitle: A talk\n---\n\n" + FIVE, encoding="utf-8")
    result = build(source, tmp_path / "out.pptx", template=saved)
    assert_valid(result.output)
    content = Presentation(str(result.output)).slides[1]
    master = content.slide_layout.slide_master
    assert any(shape.name == "Title band" for shape in master.shapes)
    title = next(shape for shape in master.placeholders if shape.placeholder_format.type == 1)
    colour = title._element.find(f"{qn('p:txBody')}/{qn('a:lstStyle')}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}/"
                                 f"{qn('a:solidFill')}/{qn('a:srgbClr')}")
    assert colour is not None and colour.get("val").upper() == "FFFFFF"


SHIPPED = Path("/usr/lib/libreoffice/share/template/common/presnt")


@needs_libreoffice
@pytest.mark.parametrize("name", ["Progress", "Focus", "Midnightblue"])
def test_libreoffices_own_templates_give_readable_slides(tmp_path, name):
    if not (SHIPPED / f"{name}.otp").exists() or shutil.which("soffice") is None:
        pytest.skip(f"LibreOffice ships no {name} template here")
    template = soffice_convert(SHIPPED / f"{name}.otp", tmp_path)
    source = tmp_path / "talk.md"
    source.write_text("---\ntitle: A talk\n---\n\n" + FIVE, encoding="utf-8")
    result = build(source, tmp_path / "out.pptx", template=template)
    assert_valid(result.output)
    deck = Presentation(str(result.output))
    assert len(deck.slides) == 2  # the five points on one slide (Midnightblue split them over two)
    content = deck.slides[1]
    for shape in content.placeholders:  # Progress's body ran 0.29 in below the slide
        assert shape.top + shape.height <= deck.slide_height - deck.slide_height // 30
    if name == "Focus":  # it put its title page's artwork behind every slide
        body = next(shape for shape in content.placeholders if shape.placeholder_format.type not in (1, 3))
        assert covered(content.slide_layout, Box(body.left, body.top, body.width, body.height)) < 0.2
