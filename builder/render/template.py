"""Open the template a deck is built on and read what the layout stage needs from it.

The project's default template is python-pptx's own (the Office theme: Calibri, 11 layouts)
turned into a 16:9 deck at run time: slide size 13.333 × 7.5 in, every master and layout
shape widened in proportion, titles left-aligned in a dark blue, body sizes 28/24/20/18 pt,
section titles in the upper middle of their slide.
Layouts are found by their role through the usual names, in the order of `ROLE_NAMES`.
"""
from __future__ import annotations

from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from ..geometry import Box, Fonts, Insets, LayoutInfo, TemplateInfo

WIDE = (12192000, 6858000)  # 16:9, 13.333 × 7.5 in, PowerPoint's own default since 2013
TITLE_COLOUR = "1F3864"
TEXT_COLOUR = "262626"
BODY_LEVEL_SIZES = (2800, 2400, 2000, 1800, 1800, 1800, 1800, 1800, 1800)  # hundredths of a point
TITLE_SIZE = 4000
ROLE_NAMES = {
    "title": ("Title Slide",),
    "content": ("Title and Content",),
    "section": ("Section Header",),
    "two": ("Two Content",),
    "title_only": ("Title Only",),
    "blank": ("Blank",),
}
PLACEHOLDER_ROLE = {"title": ("title", "ctrTitle"), "body": ("body", "obj", None), "subtitle": ("subTitle",)}


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


def _restyle_master(master) -> None:
    """Left-aligned dark-blue titles and the body sizes of PowerPoint's 16:9 Office theme."""
    styles = master._element.find(qn("p:txStyles"))
    title = styles.find(qn("p:titleStyle")).find(qn("a:lvl1pPr"))
    title.set("algn", "l")
    run = title.find(qn("a:defRPr"))
    run.set("sz", str(TITLE_SIZE))
    old = run.find(qn("a:solidFill"))
    run.replace(old, _solid(TITLE_COLOUR))
    body = styles.find(qn("p:bodyStyle"))
    for level, size in enumerate(BODY_LEVEL_SIZES, start=1):
        props = body.find(qn(f"a:lvl{level}pPr"))
        if props is None:
            continue
        run = props.find(qn("a:defRPr"))
        run.set("sz", str(size))
        old = run.find(qn("a:solidFill"))
        if old is not None:
            run.replace(old, _solid(TEXT_COLOUR))


def _restyle_section(layout) -> None:
    """A section title in the upper middle of the slide, in the title style (no capitals, not
    bold), its text placeholder under it: the Office 2007 layout put it low, in bold capitals."""
    placeholders = {(_ph(shape).get("type") or "body"): shape for shape in layout.placeholders}
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


def default_template():
    """The project's 16:9 template as a python-pptx Presentation with no slides."""
    prs = Presentation()
    factor = WIDE[0] / prs.slide_width
    prs.slide_width, prs.slide_height = WIDE
    master = prs.slide_master
    _widen(master._element, factor)
    for layout in master.slide_layouts:
        _widen(layout._element, factor)
    _restyle_master(master)
    for layout in master.slide_layouts:
        if layout.name == "Section Header":
            _restyle_section(layout)
    # The package's thumbnail shows an empty 4:3 slide: better none than a wrong one.
    package = prs.part.package
    for rid, rel in list(package._rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.drop_rel(rid)
    return prs


def _ph(shape):
    return shape._element.find(".//" + qn("p:nvPr") + "/" + qn("p:ph"))


def _box(shape) -> Box | None:
    xfrm = shape._element.find(".//" + qn("a:xfrm"))
    if xfrm is None:
        return None
    off, ext = xfrm.find(qn("a:off")), xfrm.find(qn("a:ext"))
    if off is None or ext is None:
        return None
    return Box(int(off.get("x")), int(off.get("y")), int(ext.get("cx")), int(ext.get("cy")))


def placeholder_box(layout, kinds: tuple) -> Box | None:
    """The box of the layout's first placeholder of one of `kinds`, from the master when the
    layout leaves it to the master."""
    for shape in layout.placeholders:
        ph = _ph(shape)
        if ph is not None and ph.get("type") in kinds:
            box = _box(shape)
            if box is not None:
                return box
            master_kind = "title" if ph.get("type") in ("title", "ctrTitle") else "body"
            for master_shape in layout.slide_master.placeholders:
                if _ph(master_shape).get("type") == master_kind:
                    return _box(master_shape)
    return None


def find_layout(prs, role: str):
    """The layout that plays `role`, by name; None when the template has none of that name."""
    names = {layout.name: layout for layout in prs.slide_layouts}
    for name in ROLE_NAMES[role]:
        if name in names:
            return names[name]
    return None


def _size(styles, path: str, default: float) -> float:
    found = styles.find(path)
    if found is not None and found.get("sz"):
        return int(found.get("sz")) / 100
    return default


def _theme_fonts(prs) -> Fonts:
    master_part = prs.slide_master.part
    for rel in master_part.rels.values():
        if rel.reltype.endswith("/theme"):
            from lxml import etree

            theme = etree.fromstring(rel.target_part.blob)
            major = theme.find(".//" + qn("a:majorFont") + "/" + qn("a:latin"))
            minor = theme.find(".//" + qn("a:minorFont") + "/" + qn("a:latin"))
            return Fonts(title=major.get("typeface") if major is not None else "Calibri",
                         body=minor.get("typeface") if minor is not None else "Calibri")
    return Fonts()


def describe(prs) -> TemplateInfo:
    """What the layout stage needs of the template `prs`."""
    layouts = {}
    for role in ROLE_NAMES:
        layout = find_layout(prs, role)
        if layout is None:
            continue
        layouts[role] = LayoutInfo(name=layout.name, title=placeholder_box(layout, PLACEHOLDER_ROLE["title"]),
                                   body=placeholder_box(layout, PLACEHOLDER_ROLE["body"]),
                                   subtitle=placeholder_box(layout, PLACEHOLDER_ROLE["subtitle"]))
    styles = prs.slide_master._element.find(qn("p:txStyles"))
    title_size = _size(styles, qn("p:titleStyle") + "/" + qn("a:lvl1pPr") + "/" + qn("a:defRPr"), 44.0)
    body_size = _size(styles, qn("p:bodyStyle") + "/" + qn("a:lvl1pPr") + "/" + qn("a:defRPr"), 28.0)
    return TemplateInfo(slide_w=prs.slide_width, slide_h=prs.slide_height, layouts=layouts,
                        fonts=_theme_fonts(prs), title_size=title_size, body_size=body_size, insets=Insets())
