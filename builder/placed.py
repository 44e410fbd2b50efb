"""The laid-out deck: every slide as PowerPoint will show it, with boxes, sizes and pictures."""
from __future__ import annotations

from dataclasses import dataclass

from .geometry import EMU_PER_PT, Box, Insets
from .images import MissingPicture, Picture
from .model import Meta, Paragraph, Run


@dataclass(frozen=True)
class PlacedParagraph:
    """A paragraph with everything PowerPoint needs to draw it as it was measured.

    `kind` is a model Paragraph kind, or "code", "title" or "subtitle". `family` is None for
    the template's own font (title or body), else a typeface name (code). `number` is the
    item's number in an ordered list (None otherwise). Margins are in EMU, sizes in points.
    """

    runs: tuple[Run, ...]
    size: float
    kind: str = "text"
    level: int = 0
    number: int | None = None
    family: str | None = None
    margin_left: int = 0
    indent: int = 0
    space_before: float = 0.0
    align: str | None = None  # "l", "ctr" or "r"; None keeps the template's alignment
    colour: str | None = None  # "RRGGBB"; None keeps the template's text colour
    script_size: float | None = None  # size of superscript and subscript runs; None: `size`
    bullet: str | None = None  # a bullet of its own (a task's box); None: the level's bullet
    click: int = 0  # the click it appears on (render/builds.py); 0: shown from the start


@dataclass(frozen=True)
class TextFrame:
    """Text in a box. `role` is "title", "body" or "subtitle" (the layout's placeholder of
    that kind) or "text" (a text box of our own)."""

    role: str
    box: Box
    paragraphs: tuple[PlacedParagraph, ...]
    insets: Insets = Insets()
    anchor: str = "top"
    text_bottom: int | None = None  # where its text ends (a body keeps room below it); None: the box's bottom


@dataclass(frozen=True)
class PictureFrame:
    """A picture scaled into `box` with its aspect ratio kept. `crop` is the share cut off
    each side (left, top, right, bottom) when it covers a background; `background` puts it
    behind everything else on the slide."""

    box: Box
    picture: Picture
    alt: str
    crop: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    background: bool = False


@dataclass(frozen=True)
class TableFrame:
    """A native table: column widths and row heights in EMU, one paragraph a cell; `header`
    is the header row (empty when there is none), repeated on each slide the table reaches."""

    box: Box
    widths: tuple[int, ...]
    header: tuple[PlacedParagraph, ...]
    header_height: int
    rows: tuple[tuple[PlacedParagraph, ...], ...]
    row_heights: tuple[int, ...]


@dataclass(frozen=True)
class Panel:
    """A plain rectangle behind text, so that it reads on a background picture. `opacity` is
    from 0 (clear) to 1."""

    box: Box
    colour: str = "FFFFFF"
    opacity: float = 0.85


@dataclass(frozen=True)
class PlaceholderFrame:
    """A visible frame standing in for a picture that could not be loaded."""

    box: Box
    missing: MissingPicture
    paragraphs: tuple[PlacedParagraph, ...]


@dataclass(frozen=True)
class DrawnShape:
    """A shape of a diagram: a preset geometry ("rect", "roundRect", "flowChartDecision", …) in
    `box` (x, y, w, h in the drawing's units, from its top left) holding `lines` of text.

    `fill` and `outline` are "RRGGBB" or a role of the deck's diagram colours ("node",
    "cluster", "label", "edge", "background"); None draws none. `text` is the text's colour
    (a role or "RRGGBB"). `key` names the node connectors glue to (None: no node)."""

    preset: str
    box: tuple[float, float, float, float]
    lines: tuple[str, ...] = ()
    fill: str | None = "node"
    outline: str | None = "node-line"
    text: str = "text"
    anchor: str = "ctr"  # "t", "ctr" or "b"
    align: str = "ctr"  # "l" or "ctr"
    bold: bool = False
    dashed: bool = False
    outline_pt: float = 1.0
    flip: bool = False
    key: str | None = None


@dataclass(frozen=True)
class DrawnLine:
    """A line of a diagram: an orthogonal path through `points` (the drawing's units).

    `head` and `tail` are the marks at its start and end ("none", "triangle", "arrow",
    "oval", "diamond"); `start` and `end` glue it to a shape's connection site, as (index of
    the shape in the drawing, site number), None when loose. `geometry` is the connector preset
    drawing the path (prst, rotation, flipV, x, y, w, h, adjust values); None for a freeform."""

    points: tuple[tuple[float, float], ...]
    geometry: tuple | None
    colour: str = "edge"
    width_pt: float = 1.0
    dashed: bool = False
    head: str = "none"
    tail: str = "triangle"
    start: tuple[int, int] | None = None
    end: tuple[int, int] | None = None


@dataclass(frozen=True)
class Drawing:
    """A diagram as native shapes and lines, drawn in the order of `items`, its geometry in
    units of its own (`units_w` × `units_h`; its text is `text_size` units high). `width` and
    `height` are in EMU at the size where its text is NATURAL_PT."""

    kind: str
    units_w: float
    units_h: float
    text_size: float
    items: tuple[DrawnShape | DrawnLine, ...]
    description: str = ""  # what it shows, in words: its alt text

    NATURAL_PT = 18.0

    @property
    def width(self) -> float:
        return self.units_w * self.NATURAL_PT / self.text_size * EMU_PER_PT

    @property
    def height(self) -> float:
        return self.units_h * self.NATURAL_PT / self.text_size * EMU_PER_PT

    def text_pt(self, box_w: int) -> float:
        """The size of its text in points when it is drawn `box_w` EMU wide."""
        return self.text_size * box_w / self.units_w / EMU_PER_PT


@dataclass(frozen=True)
class ChartPicture:
    """A chart as the layout places it: its size in EMU at its natural size (any size suits it)."""

    chart: object  # a model.Chart
    width: int = 8 * 914400
    height: int = 5 * 914400


@dataclass(frozen=True)
class ChartFrame:
    """A native chart filling `box`; `alt` describes it."""

    box: Box
    chart: object  # a model.Chart
    alt: str


@dataclass(frozen=True)
class DiagramFrame:
    """A diagram drawn as one group of shapes filling `box`; `alt` describes it."""

    box: Box
    drawing: Drawing
    alt: str


Frame = TextFrame | PictureFrame | PlaceholderFrame | Panel | TableFrame | DiagramFrame | ChartFrame


@dataclass(frozen=True)
class PlacedSlide:
    """One slide of the output. `role` names the layout it is built on ("title", "section",
    "content"); `line` is the source line it comes from; frames are drawn in their order,
    except background pictures and panels, which go behind."""

    role: str
    frames: tuple[Frame, ...]
    line: int
    notes: tuple[Paragraph, ...] = ()
    background_colour: str | None = None  # "RRGGBB"; None keeps the template's background
    text_colour: str | None = None  # for every text of the slide; None keeps the template's
    layout_index: int | None = None  # a layout the author chose by name; None: the role's
    transition: str | None = None  # its transition (compose.transitions' names); None: the deck's
    anchors: tuple[str, ...] = ()  # the names links reach it by (its first page only)


@dataclass(frozen=True)
class PlacedDeck:
    meta: Meta
    slides: tuple[PlacedSlide, ...]
