"""Find the template's layout for each role, and read what the layout stage needs from it.

A role ("title", "section", "content", "two", "title_only", "blank") is played by the layout of
its usual name (PowerPoint's, or LibreOffice's), else by the first layout whose placeholders
have the role's shape (a centred title and a subtitle; a title and one large body; a title and
two bodies side by side; ...), else by the nearest role the template has, with a warning.
"""
from __future__ import annotations

from dataclasses import dataclass

from pptx.oxml.ns import qn

from ..geometry import BODIES, PLACEHOLDER_ROLE, TITLES, Box, Fonts, Insets, LayoutInfo, TemplateInfo
from .colours import check_contrast, text_and_background, theme_of
from .masters import PH, SHAPE_TAGS, every_layout, prefer, shape_box, unusably_small

ROLE_NAMES = {
    "title": ("Title Slide",),
    "content": ("Title and Content", "Title, Content"),
    "section": ("Section Header", "Section Title"),
    "two": ("Two Content", "Title, 2 Content", "Title and 2 Content"),
    "title_only": ("Title Only", "Title, Only"),
    "blank": ("Blank", "Blank Slide"),
}
ROLE_WORDS = {"title": "title slides", "content": "content slides", "section": "section slides",
              "two": "two-column slides", "title_only": "slides with a title only", "blank": "blank slides"}
NEAREST = {  # where a role goes when the template has no layout for it, nearest first
    "title": ("section", "title_only", "content", "blank"),
    "section": ("title", "title_only", "content", "blank"),
    "content": ("two", "title_only", "section", "title", "blank"),
    "two": ("content", "title_only", "section", "title", "blank"),
    "title_only": ("content", "section", "title", "blank"),
    "blank": ("title_only", "content", "section", "title"),
}


def ph_of(shape):
    """The `p:ph` of a placeholder shape (None for other shapes)."""
    return shape._element.find(".//" + qn("p:nvPr") + "/" + qn("p:ph"))


def placeholders(owner) -> list[tuple[object, object]]:
    """The (shape element, `p:ph`) of each placeholder on a layout or master, in order, found with
    lxml (python-pptx runs an XPath per shape)."""
    found = []
    for element in owner._element.cSld.spTree.iterchildren():
        if element.tag in SHAPE_TAGS and len(element):
            ph = element[0].find(PH)
            if ph is not None:
                found.append((element, ph))
    return found


def _master_box(master, kinds: tuple) -> Box | None:
    for element, ph in placeholders(master):
        if ph.get("type") in kinds:
            return shape_box(element)
    return None


def placeholder_box(layout, kinds: tuple) -> Box | None:
    """The box of the layout's first placeholder of one of `kinds`, from the master when the
    layout leaves it to the master; None when the layout has no such placeholder."""
    for element, ph in placeholders(layout):
        if ph.get("type") in kinds:
            box = shape_box(element)
            if box is not None:
                return box
            master_kinds = TITLES if ph.get("type") in TITLES else ("body",)
            return _master_box(layout.slide_master, master_kinds)
    return None


@dataclass(frozen=True)
class Shape:
    """A layout's placeholders as far as roles care. `vertical`: text runs top to bottom."""

    centred_title: bool
    title: bool
    subtitle: bool
    bodies: tuple[Box | None, ...]
    vertical: bool = False


def _shape(layout) -> Shape:
    found = placeholders(layout)
    kinds = [ph.get("type") for _, ph in found]
    # a body that leaves its place to the master is where the master's body is
    bodies = tuple(shape_box(shape) or _master_box(layout.slide_master, ("body",))
                   for shape, ph in found if ph.get("type") in BODIES)
    return Shape(centred_title="ctrTitle" in kinds, title=any(k in TITLES for k in kinds),
                 subtitle="subTitle" in kinds, bodies=bodies,
                 vertical=any(ph.get("orient") == "vert" for _, ph in found))


def _plays(role: str, shape: Shape, slide_h: int) -> bool:
    """Whether a layout of `shape` can play `role`, judged by its placeholders alone."""
    if shape.vertical:
        return False
    bodies = shape.bodies
    tall = [box for box in bodies if box is not None and box.h >= 0.4 * slide_h]
    if role == "title":
        return shape.centred_title or (shape.title and shape.subtitle)
    if not shape.title or shape.centred_title:
        return role == "blank" and not shape.title and not bodies
    if role == "content":
        return len(bodies) == 1 and bool(tall)
    if role == "two":
        return len(bodies) == 2 and len(tall) == 2 and tall[0].x != tall[1].x
    if role == "section":
        return len(bodies) == 1 and bodies[0] is not None and bodies[0].h < 0.3 * slide_h
    if role == "title_only":
        return not bodies
    return False


def choose_layouts(prs, report=None, template_name: str = "the template") -> dict[str, tuple[int, bool]]:
    """For each role, the index in `every_layout(prs)` of the layout that plays it, and whether
    that layout was made for the role (False: the nearest the template has). Of several layouts
    of a role's name (one per master), masters.prefer says which."""
    layouts = every_layout(prs)
    examples = getattr(prs, "deck_examples", None) or {}  # opening.user_template's, before the slides went
    found: dict[str, int] = {}
    for role, names in ROLE_NAMES.items():
        candidates = next((hits for hits in ([i for i, layout in enumerate(layouts) if layout.name == name]
                                             for name in names) if hits), None)
        if candidates:
            found[role] = prefer(candidates, layouts, role, examples, _body_of)
            if role == "content":  # the other plain roles come from the same master
                examples = {**examples, "content": str(layouts[found[role]].slide_master.part.partname)}
    shapes = [_shape(layout) for layout in layouts]
    for role in ROLE_NAMES:
        if role not in found:
            taken = set(found.values())
            index = next((i for i, shape in enumerate(shapes) if i not in taken and _plays(role, shape, prs.slide_height)),
                         None)
            if index is not None:
                found[role] = index
    chosen = {role: (index, True) for role, index in found.items()}
    for role in ROLE_NAMES:
        if role in chosen:
            continue
        nearest = next((other for other in NEAREST[role] if other in found), None)
        chosen[role] = (found[nearest] if nearest else 0, False)
        if report is not None:
            report.warn(None, "template-layout", f"{template_name} has no layout for {ROLE_WORDS[role]} "
                        f"({ROLE_NAMES[role][0]}); they use \"{layouts[chosen[role][0]].name}\"")
    return chosen


def _body_of(layout) -> Box | None:
    return placeholder_box(layout, BODIES)


def _size(styles, path: str, default: float) -> float:
    found = styles.find(path) if styles is not None else None
    if found is not None and found.get("sz"):
        return int(found.get("sz")) / 100
    return default


def _theme_fonts(theme) -> Fonts:
    """The theme's heading and body fonts (`theme`: its parsed XML; None: the defaults)."""
    if theme is None:
        return Fonts()
    major = theme.find(".//" + qn("a:majorFont") + "/" + qn("a:latin"))
    minor = theme.find(".//" + qn("a:minorFont") + "/" + qn("a:latin"))
    return Fonts(title=major.get("typeface") or "Calibri" if major is not None else "Calibri",
                 body=minor.get("typeface") or "Calibri" if minor is not None else "Calibri")


def on_slide(box: Box | None, slide_w: int, slide_h: int) -> Box | None:
    """`box` cut to the slide, less a margin of a thirtieth of its height (0.25 in on a 7.5 in
    slide) on each side it reached past: a placeholder running off the slide would set text
    where nobody sees it, or hard against the edge. None when too little of it is left to hold
    text (a 0×0 or off-slide placeholder)."""
    if box is None:
        return None
    margin = slide_h // 30
    x = box.x if box.x >= 0 else margin
    y = box.y if box.y >= 0 else margin
    right = box.right if box.right <= slide_w else slide_w - margin
    bottom = box.bottom if box.bottom <= slide_h else slide_h - margin
    if right - x < slide_w // 20 or bottom - y < slide_h // 30:
        return None
    return box if (x, y, right, bottom) == (box.x, box.y, box.right, box.bottom) else Box(x, y, right - x, bottom - y)


def _default_boxes(prs) -> dict[str, Box]:
    """Where title, body and subtitle go when neither the layout nor the master says."""
    w, h = prs.slide_width, prs.slide_height
    margin = w // 16
    master = prs.slide_master
    title = on_slide(_master_box(master, TITLES), w, h) or Box(margin, h // 20, w - 2 * margin, h // 6)
    body = on_slide(_master_box(master, ("body",)), w, h) or Box(margin, title.bottom + h // 40, w - 2 * margin,
                                                                 h - title.bottom - h // 10)
    subtitle = Box(body.x, body.y + body.h // 3, body.w, body.h // 3)
    return {"title": title, "body": body, "subtitle": subtitle}


def describe(prs, report=None, template_name: str = "the template") -> TemplateInfo:
    """What the layout stage needs of the template `prs`; `report` (None: silent) hears of
    roles the template has no layout for."""
    chosen = choose_layouts(prs, report, template_name)
    theme = theme_of(prs)
    text, background = text_and_background(prs, theme)
    if report is not None:
        check_contrast(text, background, report, template_name)
    defaults = _default_boxes(prs)
    w, h = prs.slide_width, prs.slide_height
    every = every_layout(prs)
    layouts = {}
    for role, (index, made_for_it) in chosen.items():
        layout = every[index]
        # a stand-in layout's placeholders are where another role wants them: use the master's
        boxes = {kind: on_slide(placeholder_box(layout, kinds), w, h) if made_for_it else None
                 for kind, kinds in PLACEHOLDER_ROLE.items()}
        if role == "content" and unusably_small(boxes["body"], _master_box(layout.slide_master, BODIES)):
            # the layout's boxes are another page's: its master's title and body are this one's
            boxes["title"] = on_slide(_master_box(layout.slide_master, TITLES), w, h) or boxes["title"]
            boxes["body"] = on_slide(_master_box(layout.slide_master, BODIES), w, h) or boxes["body"]
        if role == "title" and boxes["subtitle"] is None and boxes["title"] is not None:
            boxes["subtitle"] = boxes["body"]  # a title layout without a subtitle: its body, if any
        layouts[role] = LayoutInfo(name=layout.name, title=boxes["title"] or defaults["title"],
                                   body=boxes["body"] or defaults["body"],
                                   subtitle=boxes["subtitle"] or defaults["subtitle"], index=index)
    named = {}
    for index, layout in enumerate(every):
        if layout.name not in named:
            boxes = {kind: on_slide(placeholder_box(layout, kinds), w, h) for kind, kinds in PLACEHOLDER_ROLE.items()}
            named[layout.name] = LayoutInfo(name=layout.name, title=boxes["title"] or defaults["title"],
                                            body=boxes["body"] or defaults["body"],
                                            subtitle=boxes["subtitle"] or defaults["subtitle"], index=index)
    styles = prs.slide_master._element.find(qn("p:txStyles"))
    title_size = _size(styles, qn("p:titleStyle") + "/" + qn("a:lvl1pPr") + "/" + qn("a:defRPr"), 44.0)
    body_size = _size(styles, qn("p:bodyStyle") + "/" + qn("a:lvl1pPr") + "/" + qn("a:defRPr"), 28.0)
    return TemplateInfo(slide_w=prs.slide_width, slide_h=prs.slide_height, layouts=layouts, named=named,
                        background=background or "FFFFFF",
                        fonts=_theme_fonts(theme), title_size=title_size, body_size=body_size, insets=Insets())
