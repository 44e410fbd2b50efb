"""Which of a template's slide masters each role's layout comes from, and the master's boxes
where a layout's own are unusable.

A template may hold several masters, each with layouts of the same names (LibreOffice writes
one set per master page). Content slides take their layouts from the master whose drawings leave
the body clearest (a title master's artwork is meant for the title slide, not for every slide),
then from the master the template's own example slides use; the title slide from the master of
the template's example title slide.
"""
from __future__ import annotations

from pptx.oxml.ns import qn

from ..geometry import BODIES, SUBTITLES, TITLES, Box

SHAPE_TAGS = {qn(f"p:{tag}") for tag in ("sp", "pic", "graphicFrame", "grpSp", "cxnSp")}
PH = f"{qn('p:nvPr')}/{qn('p:ph')}"  # a shape's placeholder mark, under its first child
USABLE_SHARE = 0.5  # a layout body under half the area of its master's is taken for a mistake


def every_layout(prs) -> list:
    """The layouts of every master, master by master: the index space of LayoutInfo.index."""
    return [layout for master in prs.slide_masters for layout in master.slide_layouts]


def shape_box(element) -> Box | None:
    """The box a shape element (sp, pic, grpSp, cxnSp, graphicFrame) gives itself; None when it
    gives none (a placeholder may leave its box to the master) or a broken one."""
    xfrm = element.find(f"{qn('p:spPr')}/{qn('a:xfrm')}")
    if xfrm is None:
        xfrm = element.find(f"{qn('p:grpSpPr')}/{qn('a:xfrm')}")
    if xfrm is None:
        xfrm = element.find(qn("p:xfrm"))
    if xfrm is None:
        return None
    off, ext = xfrm.find(qn("a:off")), xfrm.find(qn("a:ext"))
    if off is None or ext is None:
        return None
    try:
        return Box(int(off.get("x")), int(off.get("y")), int(ext.get("cx")), int(ext.get("cy")))
    except (TypeError, ValueError):
        return None


def drawings(layout) -> list[Box]:
    """The boxes of what is drawn behind a slide of `layout`: its own shapes, and its master's
    unless the layout hides them (showMasterSp="0")."""
    owners = [layout._element]
    if layout._element.get("showMasterSp") not in ("0", "false"):
        owners.append(layout.slide_master._element)
    boxes = []
    for owner in owners:
        for element in owner.cSld.spTree.iterchildren():
            if element.tag in SHAPE_TAGS and len(element) and element[0].find(PH) is None:
                box = shape_box(element)
                if box is not None and box.w > 0 and box.h > 0:
                    boxes.append(box)
    return boxes


def _overlap(a: Box, b: Box) -> int:
    w = min(a.right, b.right) - max(a.x, b.x)
    h = min(a.bottom, b.bottom) - max(a.y, b.y)
    return w * h if w > 0 and h > 0 else 0


def covered(layout, box: Box | None) -> float:
    """The share of `box` (0 to 1) that drawings lie under; 0 when there is no box."""
    if box is None or box.w <= 0 or box.h <= 0:
        return 0.0
    return min(1.0, sum(_overlap(drawn, box) for drawn in drawings(layout)) / (box.w * box.h))


def example_role(slide_element) -> str | None:
    """The role an example slide plays, judged by its placeholders: "title" (a centred title or a
    subtitle), "content" (a title and a body), None (anything else)."""
    kinds = [ph.get("type", "body") for ph in slide_element.iter(qn("p:ph"))]
    if any(kind in ("ctrTitle", *SUBTITLES) for kind in kinds):
        return "title"
    if any(kind in TITLES for kind in kinds) and any(kind in BODIES for kind in kinds):
        return "content"
    return None


def example_masters(prs) -> dict[str, str]:
    """For "title" and "content", the part name of the master the template's first example slide
    of that role is on (LibreOffice keeps each design it saves as a master of its own, and
    relates its slides to that master's first layout)."""
    found: dict[str, str] = {}
    for slide in prs.slides:
        role = example_role(slide._element)
        if role and role not in found:
            found[role] = str(slide.slide_layout.slide_master.part.partname)
    return found


def prefer(candidates: list[int], layouts: list, role: str, examples: dict[str, str], body_of) -> int:
    """Which of `candidates` (indexes into `layouts`, all of the role's name) plays `role`. For the
    title slide: the one on the master the examples use for it, else the first. For a plain role:
    the one whose body drawings cover least (to a tenth), then the one on the examples' master,
    then the first. `body_of(layout)` is a layout's body box (None: it has none)."""
    wanted = examples.get("title" if role == "title" else "content")

    def elsewhere(index: int) -> bool:
        return str(layouts[index].slide_master.part.partname) != wanted

    if role == "title" or len(candidates) == 1:
        return min(candidates, key=lambda index: (elsewhere(index), candidates.index(index)))
    return min(candidates, key=lambda index: (round(covered(layouts[index], body_of(layouts[index])), 1),
                                              elsewhere(index), candidates.index(index)))


def unusably_small(body: Box | None, master_body: Box | None) -> bool:
    """Whether a layout's `body` is a mistake its master's corrects: under half its area
    (LibreOffice writes some masters' layouts with the boxes of another master's title page)."""
    if body is None or master_body is None:
        return False
    return body.w * body.h < USABLE_SHARE * master_body.w * master_body.h


LIFTED_ATTRIBUTES = ("sz", "b", "i")
LIFTED_CHILDREN = {qn(f"a:{tag}") for tag in ("solidFill", "latin", "ea", "cs")}


def lift_prompt_styles(prs) -> None:
    """Where a master's or layout's placeholder has no list style, its prompt text's formatting
    becomes one. LibreOffice saves a placeholder's look (a white title on a dark band, say) as the
    formatting of its "Click to edit" text, which it applies to slides and PowerPoint does not:
    lifted, PowerPoint shows the slides as the template's author saw them."""
    owners = [master._element for master in prs.slide_masters]
    owners += [layout._element for master in prs.slide_masters for layout in master.slide_layouts]
    for owner in owners:
        for element in owner.cSld.spTree.iterchildren(qn("p:sp")):
            body = element.find(qn("p:txBody"))
            if body is None or not len(element) or element[0].find(PH) is None:
                continue
            styles = body.find(qn("a:lstStyle"))
            if styles is not None and len(styles):
                continue  # the placeholder says how its text looks: leave it
            levels = _prompt_levels(body)
            if not levels:
                continue
            if styles is None:
                styles = body.makeelement(qn("a:lstStyle"), {})
                properties = body.find(qn("a:bodyPr"))
                body.insert(list(body).index(properties) + 1 if properties is not None else 0, styles)
            for level in sorted(levels):
                paragraph = styles.makeelement(qn(f"a:lvl{level}pPr"), {})
                paragraph.append(levels[level])
                styles.append(paragraph)


def _prompt_levels(body) -> dict:
    """The `a:defRPr` made from the first run of each level's first prompt paragraph, by level (1–9)."""
    import copy

    found = {}
    for paragraph in body.iterchildren(qn("a:p")):
        properties = paragraph.find(qn("a:pPr"))
        try:
            level = int(properties.get("lvl", "0")) + 1 if properties is not None else 1
        except ValueError:
            continue
        run = paragraph.find(f"{qn('a:r')}/{qn('a:rPr')}")
        if run is None or level in found or not 1 <= level <= 9:
            continue
        lifted = run.makeelement(qn("a:defRPr"), {key: run.get(key) for key in LIFTED_ATTRIBUTES if run.get(key)})
        for child in run:
            if child.tag in LIFTED_CHILDREN:
                lifted.append(copy.deepcopy(child))
        if len(lifted) or lifted.attrib:
            found[level] = lifted
    return found
