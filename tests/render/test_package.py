"""The package is written as python-pptx writes it, only with fixed stamps and faster."""
import posixpath

from hypothesis import given, strategies as st
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from builder.render.package import rels_xml, relative

SEGMENT = st.sampled_from(["ppt", "slides", "slideLayouts", "media", "notesSlides", "theme", "a", "b"])


@given(st.lists(SEGMENT, min_size=1, max_size=4), st.lists(SEGMENT, max_size=3))
def test_relative_part_names_are_posix_relative_paths(target, base):
    partname, folder = "/" + "/".join(target) + "/part1.xml", "/" + "/".join(base)
    assert relative(partname, folder) == (partname[1:] if folder == "/" else posixpath.relpath(partname, folder))


@given(st.text(alphabet=st.sampled_from(list('ab&<>"\n\t\r/:?=é ')), max_size=20))
def test_relationships_are_written_as_python_pptx_writes_them(url):
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    part = slide.part
    part.relate_to(f"https://example.org/{url}", RT.HYPERLINK, is_external=True)
    part.relate_to(prs.part, RT.SLIDE)  # an internal one besides the layout's
    for number in range(3, 12):
        part.relate_to(f"https://example.org/{number}", RT.HYPERLINK, is_external=True)  # rId10 after rId9
    assert rels_xml(part.rels, part.partname.baseURI) == part.rels.xml
