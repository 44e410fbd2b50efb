"""Write laid-out paragraphs into a shape's text body as DrawingML, every property explicit so
that PowerPoint draws them exactly as they were measured."""
from __future__ import annotations

import functools

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import nsdecls, qn

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
P_TAG = qn("a:p")
NAMESPACES = nsdecls("a", "r")
PARSER = etree.XMLParser(huge_tree=True, resolve_entities=False)  # our own text: a long paragraph is fine


def escape(text: str) -> str:
    """`text` safe inside an XML element or a double-quoted attribute."""
    if "&" in text or "<" in text or ">" in text or '"' in text or "\r" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
        text = text.replace("\r", "&#13;")  # a parser would read a bare one as a line feed
    return text


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
        self._properties: dict[tuple, str] = {}
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
        for old in txBody.findall(P_TAG):
            txBody.remove(old)
        self._family = self.fonts.title if title else self.fonts.body
        # Written as text and parsed once: building elements one by one through lxml costs
        # several times more, and a deck holds hundreds of thousands of them.
        xml = "".join(self.paragraph(paragraph) for paragraph in paragraphs) or "<a:p/>"
        txBody.extend(etree.fromstring(f"<a:txBody {NAMESPACES}>{xml}</a:txBody>", PARSER))

    def _run_properties(self, tag: str, size: float, run=None, paragraph: PlacedParagraph | None = None) -> str:
        """The `tag` element (a:rPr, a:endParaRPr) of `run` in `paragraph`, as XML text."""
        kind = paragraph.kind if paragraph is not None else "text"
        colour = paragraph.colour if paragraph is not None else None
        family = (paragraph.family if paragraph is not None else None) or self._family
        key = (tag, size, run.style() if run is not None else None, kind, colour, family, self.background)
        found = self._properties.get(key)
        if found is None:
            found = self._properties[key] = self._write_properties(tag, size, run, paragraph, kind, colour, family)
        if run is not None and run.link:  # the relationship id differs by part: never cached
            return found[:-len(tag) - 3] + f'<a:hlinkClick r:id="{self._link_rid(run.link)}"/></{tag}>'
        return found

    def _write_properties(self, tag, size, run, paragraph, kind, colour, family) -> str:
        attrs = [f' lang="{escape(self.lang)}"' if self.lang else "", f' sz="{round(size * 100)}"']
        if run is not None:
            if run.bold or kind == "heading":
                attrs.append(' b="1"')
            if run.italic or kind == "quote":
                attrs.append(' i="1"')
            if run.underline:
                attrs.append(' u="sng"')
            if run.strike:
                attrs.append(' strike="sngStrike"')
            if run.small_caps:
                attrs.append(' cap="small"')
            if run.script:
                attrs.append(f' baseline="{"30000" if run.script == "super" else "-25000"}"')
        attrs.append(' dirty="0"')
        if colour is None and run is not None and run.colour:
            colour = run.colour
        if colour is None:
            colour = CODE_COLOUR if (run is not None and run.code) else QUOTE_COLOUR if kind == "quote" else None
        if colour is not None:
            colour = for_background(colour, self.background)
        if self.text_colour is not None and (paragraph is None or paragraph.colour is None):
            colour = self.text_colour  # the slide's own fill decides
        children = [f'<a:solidFill><a:srgbClr val="{escape(colour)}"/></a:solidFill>' if colour else ""]
        if run is not None and run.code:
            family = self.code_family
        if family:
            face = escape(family)
            children.append(f'<a:latin typeface="{face}"/><a:cs typeface="{face}"/>')
        return f"<{tag}{''.join(attrs)}>{''.join(children)}</{tag}>"

    def paragraph(self, paragraph: PlacedParagraph) -> str:
        """`paragraph` as an a:p element, in XML text."""
        attrs = [f'<a:p><a:pPr marL="{paragraph.margin_left}" indent="{paragraph.indent}"']
        if paragraph.kind in ("bullet", "number", "continuation"):
            attrs.append(f' lvl="{min(paragraph.level, 8)}"')
        if is_right_to_left("".join(run.text for run in paragraph.runs)):
            attrs.append(f' rtl="1" algn="{escape(paragraph.align or "r")}"')
        elif paragraph.align:
            attrs.append(f' algn="{escape(paragraph.align)}"')
        attrs.append('><a:lnSpc><a:spcPct val="100000"/></a:lnSpc>'
                     f'<a:spcBef><a:spcPts val="{round(paragraph.space_before * 100)}"/></a:spcBef>'
                     '<a:spcAft><a:spcPts val="0"/></a:spcAft>')
        if paragraph.kind == "bullet":
            face, char = ("Segoe UI Symbol", paragraph.bullet) if paragraph.bullet else \
                ("Arial", BULLETS[min(paragraph.level, 8)])
            attrs.append(f'<a:buFont typeface="{face}"/><a:buChar char="{escape(char)}"/>')
        elif paragraph.kind == "number":
            attrs.append(f'<a:buFont typeface="+mj-lt"/><a:buAutoNum type="arabicPeriod" '
                         f'startAt="{paragraph.number or 1}"/>')
        else:
            attrs.append("<a:buNone/>")
        attrs.append("</a:pPr>")
        for run in paragraph.runs:
            if run.is_break:
                attrs.append(f'<a:br>{self._run_properties("a:rPr", paragraph.size, paragraph=paragraph)}</a:br>')
                continue
            size = paragraph.script_size if run.script and paragraph.script_size else paragraph.size
            text = escape(XML_FORBIDDEN.sub("", run.text))  # the source said so already; never a crash
            attrs.append(f'<a:r>{self._run_properties("a:rPr", size, run, paragraph)}<a:t>{text}</a:t></a:r>')
        attrs.append(f'{self._run_properties("a:endParaRPr", paragraph.size, paragraph=paragraph)}</a:p>')
        return "".join(attrs)
