"""A python-pptx Presentation read once into a Template (model.py): its parts as bytes, its placeholders as XML text."""
from __future__ import annotations

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.oxml.slide import CT_NotesSlide, CT_Slide
from pptx.parts.slide import NotesMasterPart
from pptx.shapes.shapetree import NotesSlideShapes, SlideShapes

from ..geometry import TemplateInfo
from .layouts import placeholders
from .masters import every_layout
from .model import Furniture, Layout, NotesPage, Part, Placeholder, Relationship, Template

FURNITURE_KINDS = ("ftr", "dt", "sldNum")
ID_MARK = "2147480000"  # a shape id no template uses, replaced by the slide's own
P_MARK = "<a:p/>"


def _relationships(rels) -> tuple[Relationship, ...]:
    return tuple(Relationship(rid, rel.reltype, rel.target_ref if rel.is_external else str(rel.target_partname),
                              rel.is_external) for rid, rel in rels.items())


def _part(part) -> Part:
    return Part(str(part.partname), part.content_type, part.blob, _relationships(part.rels))


def _xml(element) -> str:
    return etree.tostring(element, encoding="unicode")


def _children(root) -> list[str]:
    """The XML text of each shape in the shape tree of the slide or notes page `root`, as it is
    written within it."""
    text = _xml(root)
    start = text.index("<p:grpSpPr", text.index("<p:spTree>"))
    start = text.index(">", start) + 1
    if not text[start - 2:start] == "/>":
        start = text.index("</p:grpSpPr>", start) + len("</p:grpSpPr>")
    body = text[start:text.rindex("</p:spTree>")]
    return ["<p:sp>" + piece for piece in body.split("<p:sp>")[1:]]


def _placeholders(layout) -> tuple[Placeholder, ...]:
    slide = CT_Slide.new()
    SlideShapes(slide.cSld.spTree, None).clone_layout_placeholders(layout)
    shapes = list(slide.cSld.spTree.iterchildren(qn("p:sp")))
    made = []
    for sp, text in zip(shapes, _children(slide)):
        end = text.index("</p:nvSpPr>") + len("</p:nvSpPr>")
        made.append(Placeholder(int(sp.nvSpPr.cNvPr.get("id")), sp.find(".//" + qn("p:ph")).get("type"),
                                text[len("<p:sp>"):end]))
    return tuple(made)


def _furniture_source(layout, kind: str):
    """The layout's placeholder of `kind`, else its master's; None when neither has one."""
    for owner in (layout, layout.slide_master):
        for element, ph in placeholders(owner):
            if ph.get("type") == kind:
                return element
    return None


def _furniture(layout) -> tuple[tuple[str, Furniture], ...]:
    import copy

    found = []
    for kind in FURNITURE_KINDS:
        source = _furniture_source(layout, kind)
        if source is None:
            continue
        slide = CT_Slide.new()
        sp = copy.deepcopy(source)
        slide.cSld.spTree.append(sp)
        sp.find(".//" + qn("p:cNvPr")).set("id", ID_MARK)
        body = sp.get_or_add_txBody()
        for old in body.findall(qn("a:p")):
            body.remove(old)
        body.append(body.makeelement(qn("a:p"), {}))
        text = _children(slide)[0]
        head, rest = text.split(f'id="{ID_MARK}"', 1)
        middle, tail = rest.rsplit(P_MARK, 1)
        found.append((kind, Furniture(head + 'id="', '"' + middle, tail)))
    return tuple(found)


def _notes(prs, package) -> NotesPage | None:
    try:
        master_part, new_parts = prs.part.part_related_by(RT.NOTES_MASTER), ()
    except KeyError:  # made with the first notes page, as PowerPoint does
        master_part = NotesMasterPart.create_default(package)
        theme = master_part.part_related_by(RT.THEME)
        new_parts = (_part(master_part), _part(theme))
    notes = CT_NotesSlide.new()
    shapes = NotesSlideShapes(notes.cSld.spTree, None)
    _clone_notes_placeholders(shapes, master_part.notes_master)
    text = etree.tostring(notes, encoding="UTF-8", standalone=True).decode("utf-8")
    body = text.find('<p:ph type="body"')
    mark = text.find(P_MARK, body) if body >= 0 else -1
    if mark < 0:
        return None
    return NotesPage(text[:mark], text[mark + len(P_MARK):], str(master_part.partname), new_parts)


def _clone_notes_placeholders(shapes, notes_master) -> None:
    """The notes master's slide image, notes and slide number placeholders, as python-pptx clones them."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    cloneable = (PP_PLACEHOLDER.SLIDE_IMAGE, PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.SLIDE_NUMBER)
    for placeholder in notes_master.placeholders:
        if placeholder.element.ph_type in cloneable:
            shapes.clone_placeholder(placeholder)


def freeze(prs, info: TemplateInfo) -> Template:
    """The Template of the Presentation `prs` (slides dropped, settings applied), described by
    `info`. `prs` is not used after: what rendering needs is copied out of it."""
    from pptx.parts.image import ImagePart

    package = prs.part.package
    core_part = prs.core_properties.part  # made now when the template has none
    pres_part = prs.part
    id_list = pres_part._element.get_or_add_sldIdLst()
    marker = id_list.makeelement(qn("p:sldId"), {"id": ID_MARK})
    id_list.append(marker)
    text = pres_part.blob.decode("utf-8")
    id_list.remove(marker)
    start = text.index("<p:sldIdLst")
    end = text.index("</p:sldIdLst>", start) + len("</p:sldIdLst>")
    app = next((str(rel.target_part.partname) for rel in package._rels.values()
                if not rel.is_external and rel.reltype == RT.EXTENDED_PROPERTIES), None)
    head = text[:start]
    notes_list_at = None
    if "<p:notesMasterIdLst" not in head:  # comes after the slide masters' list
        masters_end = head.find("</p:sldMasterIdLst>")
        notes_list_at = masters_end + len("</p:sldMasterIdLst>") if masters_end >= 0 else len(head)
    parts = []
    images = []
    for part in package.iter_parts():
        if part is pres_part:
            parts.append(Part(str(part.partname), part.content_type, b"", _relationships(part.rels)))
        elif part is core_part or str(part.partname) == app:
            parts.append(Part(str(part.partname), part.content_type, b"", _relationships(part.rels)))
        else:
            parts.append(_part(part))
            if isinstance(part, ImagePart):
                images.append((part.sha1, str(part.partname)))
    layouts = tuple(Layout(str(layout.part.partname), _placeholders(layout), _furniture(layout))
                    for layout in every_layout(prs))
    return Template(info=info, parts=tuple(parts), package_relationships=_relationships(package._rels),
                    presentation=str(pres_part.partname), presentation_head=head,
                    presentation_tail=text[end:], core=str(core_part.partname), app=app,
                    notes_list_at=notes_list_at, layouts=layouts,
                    notes=_notes(prs, package), images=tuple(images))
