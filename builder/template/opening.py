"""Open the template a deck is built on: a user's .pptx or .potx, or the project's default.

The project's default template is python-pptx's own (the Office theme: Calibri, 11 layouts)
turned into a 16:9 deck at run time: slide size 13.333 × 7.5 in, every master and layout
shape widened in proportion, titles left-aligned in a dark blue, body sizes 28/24/20/18 pt,
section titles in the upper middle of their slide.
"""
from __future__ import annotations

import io
import zipfile

from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from . import TemplateError
from .layouts import ph_of
from .masters import example_masters, lift_prompt_styles

TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
PRESENTATION_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"


SMALLEST_SIDE, LARGEST_SIDE = 914400, 51206400  # PowerPoint's slide sizes: 1 to 56 inches a side


def _retyped(data: bytes, old: bytes, new: bytes) -> bytes:
    """The package `data` with its main part's content type `old` made `new`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as package, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for entry in package.infolist():
            body = package.read(entry.filename)
            if entry.filename == "[Content_Types].xml":
                body = body.replace(old, new)
            copy.writestr(entry, body)
    return out.getvalue()


def as_potx(data: bytes) -> bytes:
    """A .pptx package as a .potx: PowerPoint opens it as a new, untitled presentation."""
    return _retyped(data, PRESENTATION_TYPE, TEMPLATE_TYPE)


def user_template(data: bytes):
    """A Presentation on the masters, layouts and theme of a .pptx or .potx (`data`), without
    its example slides. Raises TemplateError."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            types = package.read("[Content_Types].xml")
        if TEMPLATE_TYPE in types:  # a .potx is a presentation whose main part says "template"
            data = _retyped(data, TEMPLATE_TYPE, PRESENTATION_TYPE)
        prs = Presentation(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise TemplateError(f"not a PowerPoint file ({error})") from None
    except Exception as error:  # python-pptx raises many kinds on a broken package
        raise TemplateError(f"cannot be read as a PowerPoint template ({type(error).__name__}: {error})") from None
    try:
        masters = len(prs.slide_masters)
        layouts = masters and len(prs.slide_layouts)
        width, height = prs.slide_width, prs.slide_height
    except Exception as error:  # a master or layout named but missing
        raise TemplateError(f"has a broken slide master ({type(error).__name__})") from None
    if not masters:
        raise TemplateError("has no slide master")
    if not layouts:
        raise TemplateError("has no slide layouts")
    if not (width and height and SMALLEST_SIDE <= width <= LARGEST_SIDE and SMALLEST_SIDE <= height <= LARGEST_SIDE):
        raise TemplateError(f"has a slide size PowerPoint does not allow ({width}×{height} EMU; 1 to 56 inches "
                            "a side)")
    try:
        prs.deck_examples = example_masters(prs)  # read by layouts.choose_layouts
    except Exception:  # a broken example slide says nothing about the masters: no examples
        prs.deck_examples = {}
    _drop_slides(prs)
    lift_prompt_styles(prs)
    return prs


def _drop_slides(prs) -> None:
    """The template's own slides are examples, not part of the deck."""
    id_list = prs.part._element.get_or_add_sldIdLst()
    for entry in list(id_list):
        id_list.remove(entry)  # first: a relationship still referred to is not dropped
        prs.part.drop_rel(entry.get(qn("r:id")))


WIDE = (12192000, 6858000)  # 16:9, 13.333 × 7.5 in, PowerPoint's own default since 2013
TITLE_COLOUR = "1F3864"
TEXT_COLOUR = "262626"
BODY_LEVEL_SIZES = (2800, 2400, 2000, 1800, 1800, 1800, 1800, 1800, 1800)  # hundredths of a point
TITLE_SIZE = 4000


def _widen(tree, factor: float) -> None:
    for xfrm in tree.iter(qn("a:xfrm")):
        off, ext = xfrm.find(qn("a:off")), xfrm.find(qn("a:ext"))
        if off is not None:
            off.set("x", str(round(int(off.get("x")) * factor)))
        if ext is not None:
            ext.set("cx", str(round(int(ext.get("cx")) * factor)))


def _solid(colour: str):
    fill = _element("a:solidFill")
    fill.append(_element("a:srgbClr", val=colour))
    return fill


def _element(tag: str, **attrs):
    from lxml import etree

    element = etree.Element(qn(tag))
    for key, value in attrs.items():
        element.set(key, value)
    return element


def _restyle_master(master, title_colour: str, text_colour: str) -> None:
    """Left-aligned titles and the body sizes of PowerPoint's 16:9 Office theme, in the colours given."""
    styles = master._element.find(qn("p:txStyles"))
    title = styles.find(qn("p:titleStyle")).find(qn("a:lvl1pPr"))
    title.set("algn", "l")
    run = title.find(qn("a:defRPr"))
    run.set("sz", str(TITLE_SIZE))
    old = run.find(qn("a:solidFill"))
    run.replace(old, _solid(title_colour))
    body = styles.find(qn("p:bodyStyle"))
    for level, size in enumerate(BODY_LEVEL_SIZES, start=1):
        props = body.find(qn(f"a:lvl{level}pPr"))
        if props is None:
            continue
        run = props.find(qn("a:defRPr"))
        run.set("sz", str(size))
        old = run.find(qn("a:solidFill"))
        if old is not None:
            run.replace(old, _solid(text_colour))


def _restyle_section(layout) -> None:
    """A section title in the upper middle of the slide, in the title style (no capitals, not
    bold), its text placeholder under it: the Office 2007 layout put it low, in bold capitals."""
    placeholders = {(ph_of(shape).get("type") or "body"): shape for shape in layout.placeholders}
    title, body = placeholders.get("title"), placeholders.get("body")
    if title is not None:
        title.top, title.height = 2130425, 1470025
        for props in title._element.iter(qn("a:defRPr")):
            for name in ("b", "cap"):
                props.attrib.pop(name, None)
        body_pr = title._element.find(".//" + qn("a:bodyPr"))
        if body_pr is not None:
            body_pr.set("anchor", "b")
    if body is not None:
        body.top, body.height = 3700000, 1200000
        body_pr = body._element.find(".//" + qn("a:bodyPr"))
        if body_pr is not None:
            body_pr.set("anchor", "t")


def _readable_subtitle(layout) -> None:
    """The title slide's subtitle in the text colour lightened 35% (PowerPoint's "Text 1, Lighter
    35%": #595959 on white, 7:1), not the Office layout's tint of 75% (#898989, 3.5:1)."""
    for shape in layout.placeholders:
        if ph_of(shape).get("type") != "subTitle":
            continue
        for colour in shape._element.iter(qn("a:schemeClr")):
            for tint in colour.findall(qn("a:tint")):
                colour.remove(tint)
                colour.append(_element("a:lumMod", val="65000"))
                colour.append(_element("a:lumOff", val="35000"))


def default_template(title_colour: str = TITLE_COLOUR, text_colour: str = TEXT_COLOUR):
    """The project's 16:9 template as a python-pptx Presentation with no slides (its themes
    start from it: see themes.py)."""
    prs = Presentation()
    factor = WIDE[0] / prs.slide_width
    prs.slide_width, prs.slide_height = WIDE
    prs.part._element.find(qn("p:sldSz")).attrib.pop("type", None)  # it said "screen4x3"
    master = prs.slide_master
    _widen(master._element, factor)
    for layout in master.slide_layouts:
        _widen(layout._element, factor)
    _restyle_master(master, title_colour, text_colour)
    for layout in master.slide_layouts:
        if layout.name == "Section Header":
            _restyle_section(layout)
        elif layout.name == "Title Slide":
            _readable_subtitle(layout)
    # The package's thumbnail shows an empty 4:3 slide: better none than a wrong one. The
    # printer settings are a Mac printer's, of no use to anyone else.
    package = prs.part.package
    for rid, rel in list(package._rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.drop_rel(rid)
    for rid, rel in list(prs.part.rels.items()):
        if rel.reltype == RT.PRINTER_SETTINGS:
            prs.part.drop_rel(rid)
    return prs
