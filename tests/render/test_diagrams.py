"""A drawing written as one group: every shape and connector inside, ids unique, glue pointing at
the shapes of the group, text at the size the frame gives."""
from lxml import etree

from builder.geometry import Box
from builder.layout.diagrams import draw
from builder.layout.fonts import Face, FixedMeasurer
from builder.placed import DiagramFrame
from builder.render.diagrams import DiagramWriter

NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "p": "http://schemas.openxmlformats.org/presentationml/2006/main"}


def _group(background="FFFFFF", width=6_000_000):
    drawing = draw("graph LR\n  A[One] --> B[Two]\n  B --> C[Three]", FixedMeasurer(), Face("Calibri"))
    height = round(width * drawing.units_h / drawing.units_w)
    frame = DiagramFrame(box=Box(100, 200, width, height), drawing=drawing, alt="Flowchart: One → Two")
    xml = DiagramWriter(background, "Calibri", "fr-FR").group(10, frame)
    return drawing, etree.fromstring(f'<p:spTree xmlns:a="{NS["a"]}" xmlns:p="{NS["p"]}">{xml}</p:spTree>')


def test_one_group_with_unique_ids_and_glue_inside_it():
    drawing, tree = _group()
    ids = [int(c.get("id")) for c in tree.iter("{%s}cNvPr" % NS["p"])]
    assert ids == list(range(10, 10 + 1 + len(drawing.items)))
    glued = [int(end.get("id")) for end in tree.xpath(".//a:stCxn | .//a:endCxn", namespaces=NS)]
    assert len(glued) == 4 and set(glued) <= set(ids[1:])
    assert tree.find("p:grpSp/p:nvGrpSpPr/p:cNvPr", NS).get("descr") == "Flowchart: One → Two"


def test_text_is_sized_by_the_frame_and_tagged_with_the_language():
    drawing, tree = _group(width=6_000_000)
    sizes = {int(r.get("sz")) for r in tree.iter("{%s}rPr" % NS["a"])}
    assert sizes == {round(drawing.text_pt(6_000_000) * 100)}
    _, larger = _group(width=9_000_000)
    assert {int(r.get("sz")) for r in larger.iter("{%s}rPr" % NS["a"])} == {round(drawing.text_pt(9_000_000) * 100)}
    assert {r.get("lang") for r in tree.iter("{%s}rPr" % NS["a"])} == {"fr-FR"}


def test_a_dark_slide_gets_light_text():
    _, light = _group("FFFFFF")
    _, dark = _group("1E1E1E")
    colour = "a:solidFill/a:srgbClr"
    assert {r.find(colour, NS).get("val") for r in light.iter("{%s}rPr" % NS["a"])} == {"1A1A1A"}
    assert {r.find(colour, NS).get("val") for r in dark.iter("{%s}rPr" % NS["a"])} == {"F2F2F2"}
