"""The package is written as python-pptx would write it (the same bytes), as text, in one pass."""
import pytest
import io
import posixpath
import zipfile

from hypothesis import given, strategies as st
from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.serialized import _ContentTypesItem
from pptx.opc.oxml import serialize_part_xml

from builder.render.package import Relations, relative
from builder.render.xml import attribute, text

SEGMENT = st.sampled_from(["ppt", "slides", "slideLayouts", "media", "notesSlides", "theme", "a", "b"])
AWKWARD = st.text(alphabet=st.sampled_from(list('ab&<>"\'\n\t\r/:?=é \x01\ud800')), max_size=20)


@given(st.lists(SEGMENT, min_size=1, max_size=4), st.lists(SEGMENT, max_size=3))
def test_relative_part_names_are_posix_relative_paths(target, base):
    partname, folder = "/" + "/".join(target) + "/part1.xml", "/" + "/".join(base)
    assert relative(partname, folder) == (partname[1:] if folder == "/" else posixpath.relpath(partname, folder))


@pytest.mark.slow
@given(AWKWARD)
def test_relationships_are_written_as_python_pptx_writes_them(url):
    url = url.replace("\x01", "").replace("\ud800", "")
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    part = slide.part
    ours = Relations()
    ours.relate(RT.SLIDE_LAYOUT, str(prs.slide_layouts[1].part.partname))
    for address in [f"https://example.org/{url}", None] + [f"https://example.org/{n}" for n in range(3, 12)]:
        if address is None:  # an internal one besides the layout's
            assert ours.relate(RT.SLIDE, str(prs.part.partname)) == part.relate_to(prs.part, RT.SLIDE)
        else:  # rId10 after rId9, and a target related twice keeps its id
            assert ours.relate(RT.HYPERLINK, address, True) == part.relate_to(address, RT.HYPERLINK, is_external=True)
            assert ours.relate(RT.HYPERLINK, address, True) == part.relate_to(address, RT.HYPERLINK, is_external=True)
    assert ours.xml(part.partname.baseURI) == part.rels.xml


@given(AWKWARD)
def test_text_and_attributes_are_escaped_as_lxml_writes_them(value):
    clean = value.replace("\x01", "").replace("\ud800", "")
    element = etree.Element("t", a=clean)
    element.text = clean
    assert f'<t a="{attribute(value)}">{text(value)}</t>'.replace("<t a=\"\"></t>", "<t a=\"\"/>") == \
        etree.tostring(element, encoding="unicode").replace("<t a=\"\"></t>", "<t a=\"\"/>")


def test_every_part_is_written_once_with_its_relationships_and_content_type(build_deck):
    result, _ = build_deck("## One\n\n![p](p.png)\n\nNotes:\nsaid\n\n## Two\n\n![p](p.png)\n", **{"p.png": _png()})
    with zipfile.ZipFile(result.output) as package:
        names = package.namelist()
        reopened = Presentation(str(result.output)).part.package
        parts = list(reopened.iter_parts())
        expected = ["[Content_Types].xml", "_rels/.rels"]
        for part in parts:
            expected.append(part.partname.membername)
            if part.rels:
                expected.append(part.partname.rels_uri.membername)
        assert sorted(names) == sorted(expected) and len(names) == len(set(names))
        for name in names:  # a part's relationships follow it
            if name.endswith(".rels") and name != "_rels/.rels":
                folder, rels = name.split("_rels/")
                assert names[names.index(name) - 1] == folder + rels[:-len(".rels")]
        assert package.read("[Content_Types].xml") == serialize_part_xml(_ContentTypesItem.xml_for(parts))
        assert [n for n in names if n.startswith("ppt/media/")] == ["ppt/media/image1.png"]  # stored once


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (400, 300), (20, 90, 160)).save(out, format="PNG")
    return out.getvalue()


def _xml(path, name: str) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read(name).decode("utf-8")


def test_a_notes_master_made_for_the_notes_is_listed_in_the_presentation(build_deck):
    result, prs = build_deck("## One\n\nNotes:\nsaid\n\n## Two\n\ntext\n")
    presentation = _xml(result.output, "ppt/presentation.xml")
    rels = _xml(result.output, "ppt/_rels/presentation.xml.rels")
    listed = presentation.split('<p:notesMasterId r:id="')[1].split('"')[0]
    assert f'Id="{listed}" Type="{RT.NOTES_MASTER}"' in rels
    assert presentation.index("</p:sldMasterIdLst>") < presentation.index("<p:notesMasterIdLst>") \
        < presentation.index("<p:sldIdLst>")


def test_document_properties_say_what_the_deck_holds(build_deck):
    result, _ = build_deck("---\ntitle: T\nauthor: A & B\n---\n\n## One\n\nNotes:\nsaid\n\n## Two\n\ntext\n")
    app = _xml(result.output, "docProps/app.xml")
    assert "<Slides>3</Slides>" in app and "<Notes>1</Notes>" in app
    assert "<PresentationFormat>Widescreen</PresentationFormat>" in app and "Macintosh" not in app
    assert "<dc:creator>A &amp; B</dc:creator>" in _xml(result.output, "docProps/core.xml")


def test_the_built_in_theme_says_16_9_and_carries_no_printer_settings(build_deck):
    result, _ = build_deck("## One\n\ntext\n")
    assert '<p:sldSz cx="12192000" cy="6858000"/>' in _xml(result.output, "ppt/presentation.xml")
    with zipfile.ZipFile(result.output) as package:
        assert not [name for name in package.namelist() if "printerSettings" in name]


def test_source_date_epoch_dates_the_zip_entries_and_the_properties(build_deck, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    result, _ = build_deck("## One\n\ntext\n")
    with zipfile.ZipFile(result.output) as package:
        assert {entry.date_time for entry in package.infolist()} == {(2023, 11, 14, 22, 13, 20)}
    assert "2023-11-14T22:13:20Z" in _xml(result.output, "docProps/core.xml")
