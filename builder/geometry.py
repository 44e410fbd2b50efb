"""Boxes and the template's geometry: what the layout stage needs to know of a template."""
from __future__ import annotations

from dataclasses import dataclass, field

EMU_PER_PT = 12700
SCREEN_PX = 1920  # the slide's width in pixels on the screen pictures are sized for
EMU_PER_INCH = 914400
CELL_MARGIN_X = 7.2  # points: PowerPoint's default table cell margins, written out explicitly
CELL_MARGIN_Y = 3.6


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide in EMU (English Metric Units, 12,700 to the point)."""

    x: int
    y: int
    w: int
    h: int

    @property
    def right(self) -> int:
        return self.x + self.w

    @property
    def bottom(self) -> int:
        return self.y + self.h

    def with_(self, x: int | None = None, y: int | None = None, w: int | None = None, h: int | None = None) -> "Box":
        return Box(self.x if x is None else x, self.y if y is None else y,
                   self.w if w is None else w, self.h if h is None else h)


@dataclass(frozen=True)
class Insets:
    """A text frame's inner margins in EMU (PowerPoint's defaults: 0.1 in, 0.05 in)."""

    left: int = 91440
    top: int = 45720
    right: int = 91440
    bottom: int = 45720


# placeholder types (`p:ph type`; None is a body) that hold each kind of text
TITLES, BODIES, SUBTITLES = ("title", "ctrTitle"), (None, "obj", "body"), ("subTitle",)
PLACEHOLDER_ROLE = {"title": TITLES, "body": BODIES, "subtitle": SUBTITLES}


@dataclass(frozen=True)
class LayoutInfo:
    """One slide layout of the template, by role. A box is None when the layout has no such
    placeholder (a Title Only layout has no body)."""

    name: str
    title: Box | None = None
    body: Box | None = None
    subtitle: Box | None = None
    index: int = 0  # its place among the template's layouts


@dataclass(frozen=True)
class Fonts:
    """Typeface names as PowerPoint will ask for them (the theme's, or the project's choice)."""

    title: str = "Calibri"
    body: str = "Calibri"
    code: str = "Courier New"


@dataclass(frozen=True)
class TemplateInfo:
    """What the layout stage knows of the template: sizes in EMU, type sizes in points.

    `layouts` maps a role ("title", "section", "content", "title_only", "blank") to the
    layout that plays it. `body_size` is the top-level body text size the template asks for,
    `title_size` its title size: the largest sizes the layout will use.
    """

    slide_w: int
    slide_h: int
    layouts: dict[str, LayoutInfo] = field(default_factory=dict)
    named: dict[str, LayoutInfo] = field(default_factory=dict)  # every layout by its name, for `layout:`
    fonts: Fonts = Fonts()
    title_size: float = 40.0
    body_size: float = 28.0
    insets: Insets = Insets()
    background: str = "FFFFFF"  # the slides' background colour, "RRGGBB" (white when not plain)
