"""Deck model → laid-out deck: every slide measured with real font metrics, fitted, split into
continuation slides where it does not fit, its pictures placed. Owns Pillow's font measuring."""
from __future__ import annotations

from dataclasses import replace

from ..diagnostics import Diagnostics
from ..geometry import EMU_PER_PT, Box, LayoutInfo, TemplateInfo
from ..images import Picture, images_of
from ..language import continued_marker
from ..model import Deck, Image, Run, Slide
from ..placed import ChartPicture, DiagramFrame, PlacedDeck, PlacedSlide, TextFrame
from .fonts import Face
from .pages import PageMaker
from .paginate import Page
from ..colour import is_dark
from .backgrounds import Backdrop, backdrop, panel_behind, text_colour_on
from .pictures import grid, logo_beside, shown
from .segments import stack
from .units import ColumnsUnit
from .titles import fit_text, subtitle_lines

HEIGHT_SAFETY = 0.98
TEXT_SHARE = 0.58  # of the body width, for text beside upright and square pictures
WIDE_TEXT_SHARE = 0.5  # beside a landscape picture, which needs the width more than the height
LANDSCAPE = 1.2
COLUMN_GAP = 0.03
MIN_TITLE_PT = 24.0
MIN_SUBTITLE_PT = 18.0
SUBTITLE_PT = 24.0
CAPTION_PT = 18.0
MIN_DIAGRAM_PT = 18.0
CAPTION_COLOUR = "595959"


class Layout(PageMaker):
    """Lays out the slides of one deck on one template."""

    def __init__(self, deck: Deck, template: TemplateInfo, pictures: dict, measurer, report: Diagnostics,
                 logo=None):
        self.logo = logo  # a Picture shown on every content slide; None: no logo
        self.deck = deck
        self.template = template
        self.pictures = pictures
        self.measurer = measurer
        self.report = report
        self.marker = continued_marker(deck.meta.lang)

    def place(self, slides, cache=None) -> list[PlacedSlide]:
        """The laid-out slides `slides` (of this deck) make, in order; `cache` (a SlideCache;
        None: none) holds slides laid out by the last build, and takes this build's."""
        placed_slides: list[PlacedSlide] = []
        for slide in slides:
            placed_slides.extend(self._place(slide) if cache is None else cache.place(slide, self._place, self.report))
        return placed_slides

    def _place(self, slide) -> list[PlacedSlide]:
        """The laid-out slides `slide` makes."""
        slide, back = self._backdrop(slide)
        chosen = self._chosen_layout(slide)
        role = slide.kind if slide.kind in ("title", "section") else "content"
        layout = chosen or self.template.layouts[role]  # a named layout's boxes stand in for the role's
        if slide.kind == "title":
            made = [self.title_slide(slide, back, layout)]
        elif slide.kind == "section":
            made = [self.section_slide(slide, back, layout)]
        else:
            made = self.content_slides(slide, back, layout)
        if chosen is not None:
            made = [replace(placed, role="content" if placed.role == "two" else placed.role,
                            layout_index=chosen.index) for placed in made]
        for frame in (f for placed in made for f in placed.frames if isinstance(f, DiagramFrame)):
            size = frame.drawing.text_pt(frame.box.w)
            if round(size * 100) < MIN_DIAGRAM_PT * 100:  # as it is written, in hundredths of a point
                self.report.warn(slide.line, "diagram-small", f"a {frame.drawing.kind}'s text is set at {size:.0f} pt "
                                 f"to fit the slide, under {MIN_DIAGRAM_PT:.0f} pt: give it a slide of its own, or "
                                 "split it")
        if slide.transition is not None:
            made = [replace(placed, transition=slide.transition) for placed in made]
        if slide.anchors and made:
            made[0] = replace(made[0], anchors=slide.anchors)
        return [self._dress(placed, slide, back) for placed in made]

    def _chosen_layout(self, slide: Slide):
        """The template layout the author named for `slide`; None when none was, or the
        template has none of that name (a warning)."""
        if slide.layout is None:
            return None
        found = self.template.named.get(slide.layout)
        if found is None:
            lowered = {name.lower(): info for name, info in self.template.named.items()}
            found = lowered.get(slide.layout.lower())
        if found is None:
            known = ", ".join(sorted(self.template.named))
            self.report.warn(slide.line, "layout", f"the template has no layout named {slide.layout!r}; the slide's "
                             f"content chooses one (the template has: {known})")
        return found

    # -- backgrounds -----------------------------------------------------------------

    def _backdrop(self, slide: Slide) -> tuple[Slide, Backdrop]:
        image = slide.background
        back = backdrop(image, self.pictures.get(image.src) if image else None, self.template.slide_w,
                        self.template.slide_h, self.report)
        if image is not None and not back.frames and isinstance(self.pictures.get(image.src), Picture):
            self.report.warn(image.line, "background", f"background picture {image.src} is too small to fill the "
                             "slide (or asked to be shown whole); it is shown as a picture in the content")
            slide = replace(slide, blocks=(replace(image, background=None),) + slide.blocks, background=None)
        return slide, back

    def _dress(self, placed: PlacedSlide, slide: Slide, back: Backdrop) -> PlacedSlide:
        frames = list(back.frames) + list(placed.frames)
        if back.panel:
            # behind the text itself, not the room a body placeholder keeps below it
            texts = [f.box.with_(h=(f.text_bottom or f.box.bottom) - f.box.y) for f in placed.frames
                     if isinstance(f, TextFrame) and f.box.bottom > 0]
            if texts:
                frames.insert(len(back.frames), replace(panel_behind(texts), colour=self.template.background))
        colour = text_colour_on(slide.background_colour) if not back.panel else None
        if colour is None and slide.background_colour and not back.panel and is_dark(self.template.background):
            colour = "262626"  # a light fill on a dark theme: its light text would not read
        return replace(placed, frames=tuple(frames), background_colour=slide.background_colour, text_colour=colour)

    def _within(self, box: Box | None, region: Box | None) -> Box | None:
        """`box` moved into the part of the slide a side background leaves."""
        if box is None or region is None or region.w == self.template.slide_w:
            return box
        margin = min(box.x, self.template.slide_w // 16)
        return box.with_(x=region.x + margin, w=region.w - 2 * margin)

    def _caption(self, text: str, width: int):
        fitted = fit_text([(Run(text),)], Box(0, 0, width, 10 ** 9), self.template.fonts.body, CAPTION_PT,
                          CAPTION_PT, self.measurer, self.template.insets, kind="caption")
        paragraphs = tuple(replace(p, align="ctr", colour=CAPTION_COLOUR) for p in fitted.paragraphs)
        return fitted.height, paragraphs

    def _grid(self, images, area: Box, whole: Box | None = None) -> list:
        return grid(images, area, self.pictures, self.template.slide_w, self._caption, whole or area)

    # -- titles ----------------------------------------------------------------------

    def _title(self, runs: tuple[Run, ...], box: Box, largest: float, grow: str = "down") -> TextFrame:
        fitted = fit_text([runs], box, self.template.fonts.title, largest, MIN_TITLE_PT, self.measurer,
                          self.template.insets)
        if fitted.height > box.h:
            extra = fitted.height - box.h
            box = box.with_(h=fitted.height, y=box.y - extra if grow == "up" else box.y)
        return TextFrame(role="title", box=box, paragraphs=fitted.paragraphs, anchor="bottom" if grow == "up" else "middle")

    def _continued(self, runs: tuple[Run, ...]) -> tuple[Run, ...]:
        return tuple(runs) + (Run(" " + self.marker),)

    # -- title and section slides ------------------------------------------------------

    def title_slide(self, slide: Slide, back: Backdrop, layout: LayoutInfo) -> PlacedSlide:
        title_box, subtitle_box = self._within(layout.title, back.region), self._within(layout.subtitle, back.region)
        cover = [block for block in slide.blocks if isinstance(block, Image)]
        frames = []
        w, h = self.template.slide_w, self.template.slide_h
        if cover:
            margin = title_box.x if title_box.x < w // 4 else w // 16
            half = w // 2
            title_box = title_box.with_(x=margin, w=half - margin)
            subtitle_box = subtitle_box.with_(x=margin, w=half - margin)
            area = Box(half + margin // 2, margin, w - half - margin - margin // 2, h - 2 * margin)
            frames.extend(self._grid(cover, area))
        align = "l" if cover else "ctr"
        title = self._title(slide.title, title_box, self.template.title_size + 4, grow="up")
        title = replace(title, paragraphs=tuple(replace(p, align=align) for p in title.paragraphs))
        frames.insert(0, title)
        lines = subtitle_lines(slide.subtitle)
        if lines:
            fitted = fit_text(lines, subtitle_box, self.template.fonts.body, SUBTITLE_PT, MIN_SUBTITLE_PT,
                              self.measurer, self.template.insets, kind="subtitle", spacing=0.2)
            box = subtitle_box.with_(h=max(subtitle_box.h, fitted.height))
            paragraphs = tuple(replace(p, align=align) for p in fitted.paragraphs)
            frames.insert(1, TextFrame(role="subtitle", box=box, paragraphs=paragraphs))
        return PlacedSlide(role="title", frames=tuple(frames), line=slide.line, notes=slide.notes)

    def section_slide(self, slide: Slide, back: Backdrop, layout: LayoutInfo) -> PlacedSlide:
        box = self._within(layout.title, back.region)
        title = self._title(slide.title, box, self.template.title_size, grow="up")
        return PlacedSlide(role="section", frames=(title,), line=slide.line, notes=slide.notes)

    # -- content slides --------------------------------------------------------------

    def content_slides(self, slide: Slide, back: Backdrop, layout: LayoutInfo) -> list[PlacedSlide]:
        insets = self.template.insets
        title_box, body_box = self._within(layout.title, back.region), self._within(layout.body, back.region)
        logo = None
        if self.logo is not None and not slide.title_hidden:
            title_box, logo = logo_beside(title_box, self.logo, self.template.slide_w)
        base = slide.title
        plain = self._title(self._continued(base) if slide.continued else base, title_box, self.template.title_size)
        marked = self._title(self._continued(base), title_box, self.template.title_size)
        grown = max(plain.box.h, marked.box.h) - title_box.h
        area = body_box.with_(y=body_box.y + grown, h=body_box.h - grown)
        if slide.title_hidden:  # no visible title: the content may use the title's band too
            area = body_box.with_(y=title_box.y, h=body_box.bottom - title_box.y)
        gap = round(area.w * COLUMN_GAP)
        narrow_w = round(area.w * self._text_share(slide))
        column = Box(area.x + narrow_w + gap, area.y, area.w - narrow_w - gap, area.h)
        to_pt = 1 / EMU_PER_PT
        full = (area.w - insets.left - insets.right) * to_pt
        narrow = (narrow_w - insets.left - insets.right) * to_pt
        height = (area.h - insets.top - insets.bottom) * to_pt * HEIGHT_SAFETY

        pages, setter = self._best_pages(slide, full, narrow, height)
        pages = pages or [Page()]  # a title with nothing under it is still a slide
        placed = []
        for number, page in enumerate(pages):
            title = marked if (number or slide.continued) else plain
            if slide.title_hidden:
                title = replace(title, box=title.box.with_(y=-title.box.h - 12 * EMU_PER_PT))
            frames = [title] + ([logo] if logo else [])
            two = len(page.units) == 1 and isinstance(page.units[0], ColumnsUnit) and len(page.units[0].columns) == 2
            if page.units:
                box = area.with_(w=narrow_w) if page.images else area
                frames.extend(stack(page.units, box, setter, insets, ["body", "body"] if two else ["body"]))
                frames.extend(self._grid(page.images, column, area))
            else:
                frames.extend(self._grid(page.images, area))
            role = "two" if two and "two" in self.template.layouts else "content"
            placed.append(PlacedSlide(role=role, frames=tuple(frames), line=slide.line,
                                      notes=slide.notes if number == 0 else ()))
        if len(pages) > 1:
            self.report.info(slide.line, "continued", f"slide {slide.title_text!r} does not fit on one slide; "
                             f"continued on {len(pages) - 1} more")
        return placed

    def _text_share(self, slide: Slide) -> float:
        """Landscape pictures get half the width; others leave the text a little more."""
        shapes = [self.pictures.get(block.src) for block in slide.blocks if isinstance(block, Image)]
        landscape = [p for p in shapes if shown(p) and p.width > LANDSCAPE * p.height]
        return WIDE_TEXT_SHARE if landscape and len(landscape) == len(shapes) else TEXT_SHARE

def lay_out(deck: Deck, template: TemplateInfo, pictures: dict, measurer, report: Diagnostics,
            logo=None, cache=None) -> PlacedDeck:
    """The laid-out deck. `measurer` gives text widths in em (a FontMeasurer, or a stand-in);
    `logo` (a Picture; None: none) goes at the right end of every content slide's title.
    `cache` (a cache.SlideCache; None: none) keeps slides for the next build of the same deck."""
    if any(image.diagram is not None for slide in deck.slides for image in images_of(slide.blocks)):
        from .diagrams import drawings
        deck, drawn = drawings(deck, measurer, Face(template.fonts.body), report)
        pictures = {**pictures, **drawn}
    charts = {image.src: ChartPicture(image.chart) for slide in deck.slides for image in images_of(slide.blocks)
              if image.chart is not None}
    if charts:
        pictures = {**pictures, **charts}
    layout = Layout(deck, template, pictures, measurer, report, logo)
    if cache is not None:
        cache.begin(template, deck.meta, logo, measurer,
                    tuple(sorted((src, hash(getattr(picture, "data", picture))) for src, picture in pictures.items())))
    return PlacedDeck(meta=deck.meta, slides=tuple(layout.place(deck.slides, cache)))
