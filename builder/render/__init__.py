"""Laid-out deck → PowerPoint package bytes; the only part of the builder that imports `pptx`."""
from __future__ import annotations

import datetime
import os
from pathlib import Path

from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml.ns import qn

from ..geometry import Box, Insets, TemplateInfo
from ..placed import (Panel, PictureFrame, PlacedDeck, PlacedParagraph, PlacedSlide, PlaceholderFrame, TableFrame,
                      TextFrame)
from .package import package_bytes
from .parts import Parts
from .tables import add_table
from .furniture import add_furniture, missing
from .layouts import PLACEHOLDER_ROLE, describe
from .template import TemplateError, as_potx, user_template
from .themes import DEFAULT_THEME, THEMES, apply_settings, themed_template
from .text import TextWriter, set_body_properties, sub

__all__ = ["apply_settings", "export_theme", "open_template", "describe", "render", "TemplateError", "THEMES", "DEFAULT_THEME"]

NOTES_PT = 12.0
PLACEHOLDER_KINDS = {**PLACEHOLDER_ROLE, "text": ()}  # "text": a text box of our own, never a placeholder


def export_theme(name: str, as_template: bool = False) -> bytes:
    """Theme `name` as a .pptx package, or a .potx one when `as_template`."""
    data = package_bytes(themed_template(name))
    return as_potx(data) if as_template else data


def open_template(data: bytes | None = None, theme: str | None = None):
    """The Presentation a deck is built on: the .pptx or .potx in `data` without its slides, else
    the built-in theme `theme` (None: the default one). Raises TemplateError."""
    if data is not None:
        return user_template(data)
    return themed_template(theme or DEFAULT_THEME)


def build_date() -> datetime.datetime:
    """The date written into the document: fixed, so that the same input gives the same bytes
    (SOURCE_DATE_EPOCH, the reproducible-builds convention, sets another)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc).replace(tzinfo=None)
    return datetime.datetime(2000, 1, 1)


PH_PATH = f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}"


def _place_element(sp, box: Box) -> None:
    """Position a `p:sp` directly (python-pptx's setters look the same elements up four times)."""
    sp_pr = sp.find(qn("p:spPr"))
    xfrm = sp_pr.find(qn("a:xfrm"))
    if xfrm is None:
        xfrm = sp_pr.makeelement(qn("a:xfrm"), {})
        sp_pr.insert(0, xfrm)
    for child in list(xfrm):
        xfrm.remove(child)
    sub(xfrm, "a:off", x=box.x, y=box.y)
    sub(xfrm, "a:ext", cx=box.w, cy=box.h)


def _placeholders(slide) -> list:
    """The slide's placeholder `p:sp` elements, in order (found with lxml, not XPath per shape)."""
    return [sp for sp in slide.shapes._spTree.iterchildren(qn("p:sp")) if sp.find(PH_PATH) is not None]


def _placeholder_kind(sp):
    return sp.find(PH_PATH).get("type")


class Renderer:
    def __init__(self, prs, template: TemplateInfo, lang: str | None):
        self.prs = prs
        self.template = template
        self.lang = lang
        self.parts = Parts(prs)
        self._layouts = {}

    def layout(self, role: str):
        if role not in self._layouts:
            info = self.template.layouts.get(role) or self.template.layouts["content"]
            self._layouts[role] = self.prs.slide_layouts[info.index]
        return self._layouts[role]

    def layout_of(self, placed: PlacedSlide):
        """The layout `placed` is built on: the one its author named, else its role's."""
        if placed.layout_index is not None:
            return self.prs.slide_layouts[placed.layout_index]
        return self.layout(placed.role)

    def slide(self, placed: PlacedSlide):
        """The slide of `placed`, added to the deck."""
        slide = self.parts.add_slide(self.layout_of(placed))
        writer = TextWriter(slide.part, self.lang, self.template.fonts, placed.text_colour, self.template.background)
        free = _placeholders(slide)
        if placed.background_colour:
            slide.background.fill.solid()
            slide.background.fill.fore_color.rgb = RGBColor.from_string(placed.background_colour)
        behind = 0  # background pictures and panels go under the placeholders, in their order
        for frame in placed.frames:
            if isinstance(frame, Panel) or (isinstance(frame, PictureFrame) and frame.background):
                shape = self._panel(slide, frame) if isinstance(frame, Panel) else self._picture(slide, frame)
                tree = slide.shapes._spTree
                tree.remove(shape._element)
                tree.insert(2 + behind, shape._element)  # after the group's own properties
                behind += 1
                continue
            if isinstance(frame, TextFrame):
                sp = self._take(free, frame.role)
                if sp is None:
                    sp = slide.shapes.add_textbox(frame.box.x, frame.box.y, frame.box.w, frame.box.h)._element
                _place_element(sp, frame.box)
                body = sp.get_or_add_txBody()
                set_body_properties(body, frame.insets, frame.anchor)
                writer.fill(body, frame.paragraphs, title=frame.role == "title")
            elif isinstance(frame, PictureFrame):
                self._picture(slide, frame)
            elif isinstance(frame, PlaceholderFrame):
                self._missing(slide, writer, frame)
            elif isinstance(frame, TableFrame):
                add_table(slide, frame, writer)
        for sp in free:  # an empty placeholder would show "Click to add text" while editing
            sp.getparent().remove(sp)
        if placed.notes:
            notes_slide = self.parts.notes_slide(slide)
            paragraphs = tuple(PlacedParagraph(runs=p.runs, size=NOTES_PT) for p in placed.notes)
            TextWriter(notes_slide.part, self.lang, self.template.fonts).fill(  # notes pages are white
                notes_slide.notes_text_frame._txBody, paragraphs)
        return slide

    @staticmethod
    def _take(free: list, role: str):
        for sp in free:
            if _placeholder_kind(sp) in PLACEHOLDER_KINDS[role]:
                free.remove(sp)
                return sp
        return None

    def _picture(self, slide, frame: PictureFrame):
        box, picture = frame.box, frame.picture
        picture = self.parts.add_picture(slide, picture.data, picture.ext, box.x, box.y, box.w, box.h)
        name = Path(frame.picture.src).name
        c_nv_pr = picture._element.find(".//" + qn("p:cNvPr"))
        c_nv_pr.set("name", f"{'Background' if frame.background else 'Picture'} {name}")
        c_nv_pr.set("descr", frame.alt or Path(name).stem)
        if any(frame.crop):
            picture.crop_left, picture.crop_top, picture.crop_right, picture.crop_bottom = frame.crop
        return picture

    @staticmethod
    def _panel(slide, frame: Panel):
        box = frame.box
        shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, box.x, box.y, box.w, box.h)
        shape.name = "Text panel"
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(frame.colour)
        colour = shape.fill._xPr.find(".//" + qn("a:srgbClr"))
        alpha = colour.makeelement(qn("a:alpha"), {"val": str(round(frame.opacity * 100000))})
        colour.append(alpha)
        shape.line.fill.background()
        shape.shadow.inherit = False
        return shape

    @staticmethod
    def _missing(slide, writer: TextWriter, frame: PlaceholderFrame) -> None:
        box = frame.box
        shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, box.x, box.y, box.w, box.h)
        shape.name = f"Missing picture {frame.missing.src}"
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor(0xF2, 0xF2, 0xF2)
        shape.line.color.rgb = RGBColor(0xC0, 0x00, 0x00)
        shape.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        shape.line.width = 25400
        set_body_properties(shape.text_frame._txBody, Insets(), "middle")
        writer.fill(shape.text_frame._txBody, frame.paragraphs)

    def properties(self, deck: PlacedDeck) -> None:
        meta = deck.meta
        props = self.prs.core_properties
        when = build_date()
        first_title = next((frame for slide in deck.slides for frame in slide.frames
                            if isinstance(frame, TextFrame) and frame.role == "title"), None)
        props.title = meta.title or (
            "".join(run.text for p in first_title.paragraphs for run in p.runs) if first_title else "")
        props.author = meta.author or ""
        props.subject = meta.subject or meta.subtitle or ""
        props.keywords = meta.keywords or ""
        props.comments = meta.description or ""
        props.category = meta.category or ""
        props.language = meta.lang or ""
        props.last_modified_by = "deck"
        props.revision = 1
        props.created = when
        props.modified = when
        props.last_printed = when


def render(deck: PlacedDeck, prs, template: TemplateInfo, settings=None, report=None, progress=None) -> bytes:
    """The .pptx package of `deck`, built on the Presentation `prs` (which it fills). `settings`
    (a builder.settings.Settings; None: none) may ask for a footer, the date and slide numbers on
    every slide but the title slide; `report` (None: silent) hears of those the template cannot hold.
    `progress(done, total)`, when given, hears of each slide written."""
    renderer = Renderer(prs, template, deck.meta.lang)
    asked = (settings.footer, settings.footer_date, settings.slide_numbers) if settings else (None, None, False)
    if any(asked) and report is not None:
        for name in missing(renderer.layout("content"), *asked):
            report.warn(None, "footer", f"the template has no {name} placeholder: the {name} is not shown")

    for number, placed in enumerate(deck.slides, start=1):
        slide = renderer.slide(placed)
        if any(asked) and placed.role != "title":
            add_furniture(slide, renderer.layout_of(placed), deck.meta.lang, number, *asked)
        if progress is not None:
            progress(number, len(deck.slides))
    renderer.properties(deck)
    return package_bytes(prs)
