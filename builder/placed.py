"""The laid-out deck: every slide as PowerPoint will show it, with boxes, sizes and pictures."""
from __future__ import annotations

from dataclasses import dataclass

from .geometry import Box, Insets
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


@dataclass(frozen=True)
class TextFrame:
    """Text in a box. `role` is "title", "body" or "subtitle" (the layout's placeholder of
    that kind) or "text" (a text box of our own)."""

    role: str
    box: Box
    paragraphs: tuple[PlacedParagraph, ...]
    insets: Insets = Insets()
    anchor: str = "top"


@dataclass(frozen=True)
class PictureFrame:
    """A picture scaled into `box` with its aspect ratio kept."""

    box: Box
    picture: Picture
    alt: str


@dataclass(frozen=True)
class PlaceholderFrame:
    """A visible frame standing in for a picture that could not be loaded."""

    box: Box
    missing: MissingPicture
    paragraphs: tuple[PlacedParagraph, ...]


Frame = TextFrame | PictureFrame | PlaceholderFrame


@dataclass(frozen=True)
class PlacedSlide:
    """One slide of the output. `role` names the layout it is built on ("title", "section",
    "content"); `line` is the source line it comes from."""

    role: str
    frames: tuple[Frame, ...]
    line: int
    notes: tuple[Paragraph, ...] = ()


@dataclass(frozen=True)
class PlacedDeck:
    meta: Meta
    slides: tuple[PlacedSlide, ...]
