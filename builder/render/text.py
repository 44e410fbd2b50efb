"""Laid-out paragraphs as DrawingML text, every property explicit so that PowerPoint draws them
exactly as they were measured."""
from __future__ import annotations

from ..colour import for_background
from ..geometry import Fonts, Insets
from ..language import is_right_to_left
from ..placed import PlacedParagraph
from .maths import equation
from .xml import attribute, text as escape_text

BULLETS = ("•", "–", "•", "–", "•", "–", "•", "–", "•")
ANCHOR = {"top": "t", "middle": "ctr", "bottom": "b"}
QUOTE_COLOUR = "595959"
CODE_COLOUR = "1F3864"


def body_properties(insets: Insets, anchor: str = "top") -> str:
    """The a:bodyPr of a frame: insets, wrapping and anchoring as measured; shrink-on-overflow
    only for later edits."""
    return (f'<a:bodyPr wrap="square" lIns="{insets.left}" tIns="{insets.top}" rIns="{insets.right}" '
            f'bIns="{insets.bottom}" anchor="{ANCHOR[anchor]}" rtlCol="0"><a:normAutofit/></a:bodyPr>')


class TextWriter:
    """Writes paragraphs for one slide or notes part: `relate(address)` gives the part's
    relationship id of a hyperlink to `address`."""

    def __init__(self, relate, lang: str | None, fonts: Fonts, text_colour: str | None = None,
                 background: str = "FFFFFF", properties: dict | None = None, native_equations: bool = True):
        self.relate = relate
        self.native_equations = native_equations  # False: an equation is written as its TeX (notes)
        self.equations: list[str] = []  # the TeX of the equations written, for the shape's description
        self.background = background  # the builder's own colours are chosen to read on it
        self.lang = lang
        self.fonts = fonts
        self.code_family = fonts.code
        self.text_colour = text_colour  # overrides the template's and the builder's own colours
        self._links: dict[str, str] = {}
        # run properties written before, by style: shared among the writers of one deck (whose
        # language and fonts are the same), so the key holds what differs between slides
        self._properties: dict[tuple, str] = {} if properties is None else properties
        self._family = fonts.body

    def _link_rid(self, url: str) -> str:
        rid = self._links.get(url)
        if rid is None:
            rid = self._links[url] = self.relate(url)
        return rid

    def fill(self, paragraphs: tuple[PlacedParagraph, ...], title: bool = False) -> str:
        """`paragraphs` as XML text, in the template's title font when `title`, else its body
        font, named on every run: left to inheritance, a viewer may carry the previous
        paragraph's font over (LibreOffice does, on some templates)."""
        self._family = self.fonts.title if title else self.fonts.body
        return "".join(self.paragraph(paragraph) for paragraph in paragraphs) or "<a:p/>"

    def _run_properties(self, tag: str, size: float, run=None, paragraph: PlacedParagraph | None = None) -> str:
        """The `tag` element (a:rPr, a:endParaRPr) of `run` in `paragraph`, as XML text."""
        kind = paragraph.kind if paragraph is not None else "text"
        colour = paragraph.colour if paragraph is not None else None
        family = (paragraph.family if paragraph is not None else None) or self._family
        key = (tag, size, run.style() if run is not None else None, kind, colour, family, self.background,
               self.text_colour)
        found = self._properties.get(key)
        if found is None:
            found = self._properties[key] = self._write_properties(tag, size, run, paragraph, kind, colour, family)
        if run is not None and run.link:  # the relationship id differs by part: never cached
            action = ' action="ppaction://hlinksldjump"' if run.link.startswith("#") else ""
            return found[:-len(tag) - 3] + f'<a:hlinkClick r:id="{self._link_rid(run.link)}"{action}/></{tag}>'
        return found

    def _write_properties(self, tag, size, run, paragraph, kind, colour, family) -> str:
        attrs = [f' lang="{attribute(self.lang)}"' if self.lang else "", f' sz="{round(size * 100)}"']
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
        children = [f'<a:solidFill><a:srgbClr val="{attribute(colour)}"/></a:solidFill>' if colour else ""]
        if run is not None and run.code:
            family = self.code_family
        if family:
            face = attribute(family)
            children.append(f'<a:latin typeface="{face}"/><a:cs typeface="{face}"/>')
        return f"<{tag}{''.join(attrs)}>{''.join(children)}</{tag}>"

    def paragraph(self, paragraph: PlacedParagraph) -> str:
        """`paragraph` as an a:p element, in XML text."""
        attrs = [f'<a:p><a:pPr marL="{paragraph.margin_left}" indent="{paragraph.indent}"']
        if paragraph.kind in ("bullet", "number", "continuation"):
            attrs.append(f' lvl="{min(paragraph.level, 8)}"')
        if is_right_to_left("".join(run.text for run in paragraph.runs)):
            attrs.append(f' rtl="1" algn="{attribute(paragraph.align or "r")}"')
        elif paragraph.align:
            attrs.append(f' algn="{attribute(paragraph.align)}"')
        attrs.append('><a:lnSpc><a:spcPct val="100000"/></a:lnSpc>'
                     f'<a:spcBef><a:spcPts val="{round(paragraph.space_before * 100)}"/></a:spcBef>'
                     '<a:spcAft><a:spcPts val="0"/></a:spcAft>')
        if paragraph.kind == "bullet":
            face, char = ("Segoe UI Symbol", paragraph.bullet) if paragraph.bullet else \
                ("Arial", BULLETS[min(paragraph.level, 8)])
            attrs.append(f'<a:buFont typeface="{face}"/><a:buChar char="{attribute(char)}"/>')
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
            if run.math is not None:
                self.equations.append(run.math.tex)
                if self.native_equations:
                    properties = self._run_properties("a:rPr", size, run, paragraph)
                    attrs.append(equation(run.math.mathml, run.math.display, properties, run.text))
                    if paragraph.kind == "equation":
                        # Readers of a shape's runs (python-pptx, search, checkers) would find a
                        # shape of equations empty: an invisible zero-width space keeps it text.
                        attrs.append(f"<a:r>{properties}<a:t>\u200b</a:t></a:r>")
                    continue
                run = run.with_text(f"$${run.math.tex}$$" if run.math.display else f"${run.math.tex}$")
            text = escape_text(run.text)  # characters XML cannot hold: the source said so already
            attrs.append(f'<a:r>{self._run_properties("a:rPr", size, run, paragraph)}<a:t>{text}</a:t></a:r>')
        attrs.append(f'{self._run_properties("a:endParaRPr", paragraph.size, paragraph=paragraph)}</a:p>')
        return "".join(attrs)
