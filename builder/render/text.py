"""Write laid-out paragraphs into a shape's text body as DrawingML, every property explicit so
that PowerPoint draws them exactly as they were measured."""
from __future__ import annotations

import functools

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from ..colour import for_background
from ..geometry import Fonts, Insets
from ..language import is_right_to_left
from ..placed import PlacedParagraph
from ..source import XML_FORBIDDEN

BULLETS = ("•", "–", "•", "–", "•", "–", "•", "–", "•")
ANCHOR = {"top": "t", "middle": "ctr", "bottom": "b"}
QUOTE_COLOUR = "595959"
CODE_COLOUR = "1F3864"


clark = functools.lru_cache(maxsize=None)(qn)  # "a:rPr" → "{namespace}rPr", worked out once


def sub(parent, tag: str, **attrs):
    element = etree.SubElement(parent, clark(tag))
    for key, value in attrs.items():
        element.set(key, str(value))
    return element


def set_body_properties(txBody, insets: Insets, anchor: str = "top") -> None:
    """Insets, wrapping and anchoring as measured; shrink-on-overflow only for later edits."""
    body_pr = txBody.find(qn("a:bodyPr"))
    for key in list(body_pr.attrib):
        del body_pr.attrib[key]
    for child in list(body_pr):
        body_pr.remove(child)
    body_pr.set("wrap", "square")
    body_pr.set("lIns", str(insets.left))
    body_pr.set("tIns", str(insets.top))
    body_pr.set("rIns", str(insets.right))
    body_pr.set("bIns", str(insets.bottom))
    body_pr.set("anchor", ANCHOR[anchor])
    body_pr.set("rtlCol", "0")
    sub(body_pr, "a:normAutofit")


class TextWriter:
    """Writes paragraphs for one slide part (links need the part's relationships)."""

    def __init__(self, part, lang: str | None, fonts: Fonts, text_colour: str | None = None,
                 background: str = "FFFFFF"):
        self.part = part
        self.background = background  # the builder's own colours are chosen to read on it
        self.lang = lang
        self.fonts = fonts
        self.code_family = fonts.code
        self.text_colour = text_colour  # overrides the template's and the builder's own colours
        self._links: dict[str, str] = {}
        self._family = fonts.body

    def _link_rid(self, url: str) -> str:
        rid = self._links.get(url)
        if rid is None:
            rid = self.part.relate_to(url, RT.HYPERLINK, is_external=True)
            self._links[url] = rid
        return rid

    def fill(self, txBody, paragraphs: tuple[PlacedParagraph, ...], title: bool = False) -> None:
        """Replace the text body's paragraphs with `paragraphs`, in the template's title font
        when `title`, else its body font, named on every run: left to inheritance, a viewer may
        carry the previous paragraph's font over (LibreOffice does, on some templates)."""
        for old in txBody.findall(qn("a:p")):
            txBody.remove(old)
        self._family = self.fonts.title if title else self.fonts.body
        for paragraph in paragraphs:
            self.paragraph(txBody, paragraph)
        if not paragraphs:
            sub(txBody, "a:p")

    def _run_properties(self, parent, tag: str, size: float, run=None, paragraph: PlacedParagraph | None = None):
        rpr = sub(parent, tag)
        if self.lang:
            rpr.set("lang", self.lang)
        rpr.set("sz", str(round(size * 100)))
        kind = paragraph.kind if paragraph is not None else "text"
        if run is not None:
            if run.bold or kind == "heading":
                rpr.set("b", "1")
            if run.italic or kind == "quote":
                rpr.set("i", "1")
            if run.underline:
                rpr.set("u", "sng")
            if run.strike:
                rpr.set("strike", "sngStrike")
            if run.small_caps:
                rpr.set("cap", "small")
            if run.script:
                rpr.set("baseline", "30000" if run.script == "super" else "-25000")
        rpr.set("dirty", "0")
        colour = paragraph.colour if paragraph is not None else None
        if colour is None and run is not None and run.colour:
            colour = run.colour
        if colour is None:
            colour = CODE_COLOUR if (run is not None and run.code) else QUOTE_COLOUR if kind == "quote" else None
        if colour is not None:
            colour = for_background(colour, self.background)
        if self.text_colour is not None and (paragraph is None or paragraph.colour is None):
            colour = self.text_colour  # the slide's own fill decides
        if colour:
            fill = sub(rpr, "a:solidFill")
            sub(fill, "a:srgbClr", val=colour)
        family = (paragraph.family if paragraph is not None else None) or self._family
        if run is not None and run.code:
            family = self.code_family
        if family:
            sub(rpr, "a:latin", typeface=family)
            sub(rpr, "a:cs", typeface=family)
        if run is not None and run.link:
            sub(rpr, "a:hlinkClick", **{qn("r:id"): self._link_rid(run.link)})
        return rpr

    def paragraph(self, txBody, paragraph: PlacedParagraph) -> None:
        p = sub(txBody, "a:p")
        ppr = sub(p, "a:pPr", marL=paragraph.margin_left, indent=paragraph.indent)
        if paragraph.kind in ("bullet", "number", "continuation"):
            ppr.set("lvl", str(min(paragraph.level, 8)))
        if is_right_to_left("".join(run.text for run in paragraph.runs)):
            ppr.set("rtl", "1")
            ppr.set("algn", paragraph.align or "r")
        elif paragraph.align:
            ppr.set("algn", paragraph.align)
        sub(sub(ppr, "a:lnSpc"), "a:spcPct", val=100000)
        sub(sub(ppr, "a:spcBef"), "a:spcPts", val=round(paragraph.space_before * 100))
        sub(sub(ppr, "a:spcAft"), "a:spcPts", val=0)
        if paragraph.kind == "bullet" and paragraph.bullet:
            sub(ppr, "a:buFont", typeface="Segoe UI Symbol")
            sub(ppr, "a:buChar", char=paragraph.bullet)
        elif paragraph.kind == "bullet":
            sub(ppr, "a:buFont", typeface="Arial")
            sub(ppr, "a:buChar", char=BULLETS[min(paragraph.level, 8)])
        elif paragraph.kind == "number":
            sub(ppr, "a:buFont", typeface="+mj-lt")
            sub(ppr, "a:buAutoNum", type="arabicPeriod", startAt=paragraph.number or 1)
        else:
            sub(ppr, "a:buNone")
        for run in paragraph.runs:
            if run.is_break:
                self._run_properties(sub(p, "a:br"), "a:rPr", paragraph.size, paragraph=paragraph)
                continue
            r = sub(p, "a:r")
            size = paragraph.script_size if run.script and paragraph.script_size else paragraph.size
            self._run_properties(r, "a:rPr", size, run, paragraph)
            sub(r, "a:t").text = XML_FORBIDDEN.sub("", run.text)  # the source said so already; never a crash
        self._run_properties(p, "a:endParaRPr", paragraph.size, paragraph=paragraph)
