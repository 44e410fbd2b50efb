"""Footer text, date and slide numbers, in the template's own footer, date and slide-number
placeholders (python-pptx leaves them off new slides), at a size the back of the room reads."""
from __future__ import annotations

import copy

from pptx.oxml.ns import qn

from ..source import XML_FORBIDDEN
from .layouts import ph_of
from .text import sub

FURNITURE_PT = 18.0  # the builder's floor for any text on a slide
SLIDE_NUMBER_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"  # PowerPoint's own id for the field


def _placeholder(layout, kind: str):
    """The `p:sp` of the layout's placeholder of `kind` ("ftr", "dt", "sldNum"), else the
    master's; None when neither has one."""
    for owner in (layout, layout.slide_master):
        for shape in owner.placeholders:
            ph = ph_of(shape)
            if ph is not None and ph.get("type") == kind:
                return shape._element
    return None


def missing(layout, footer: str | None, date: str | None, numbers: bool) -> list[str]:
    """What was asked for that the template has no placeholder for."""
    asked = [("ftr", footer, "footer"), ("dt", date, "date"), ("sldNum", numbers, "slide number")]
    return [name for kind, wanted, name in asked if wanted and _placeholder(layout, kind) is None]


def add_furniture(slide, layout, lang: str | None, number: int, footer: str | None, date: str | None,
                  numbers: bool) -> None:
    """The footer, date and slide number asked for, on `slide` (built on `layout`)."""
    for kind, text in (("ftr", footer), ("dt", date), ("sldNum", str(number) if numbers else None)):
        source = _placeholder(layout, kind) if text else None
        if source is None:
            continue
        sp = copy.deepcopy(source)
        tree = slide.shapes._spTree
        ids = [int(item.get("id")) for item in tree.iter(qn("p:cNvPr")) if (item.get("id") or "").isdigit()]
        sp.find(".//" + qn("p:cNvPr")).set("id", str(max(ids, default=1) + 1))  # ids are the slide's own
        body = sp.get_or_add_txBody()
        for old in body.findall(qn("a:p")):
            body.remove(old)
        paragraph = sub(body, "a:p")
        run = sub(paragraph, "a:fld", id=SLIDE_NUMBER_FIELD, type="slidenum") if kind == "sldNum" \
            else sub(paragraph, "a:r")
        props = sub(run, "a:rPr", sz=round(FURNITURE_PT * 100), dirty="0")
        if lang:
            props.set("lang", lang)
        sub(run, "a:t").text = XML_FORBIDDEN.sub("", text)
        tree.append(sp)
