"""A slide being composed: its blocks (or open columns), notes, and settings."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..model import Block, Column, Columns, Image, Paragraph, Run, Slide
from .anchors import anchors_of
from .builds import numbered
from .blocks import Content


@dataclass
class Draft:
    """A slide being filled, element by element."""

    kind: str
    title: tuple[Run, ...]
    line: int
    blocks: list[Block] = field(default_factory=list)
    notes: list[Paragraph] = field(default_factory=list)
    subtitle: tuple[Paragraph, ...] = ()
    continued: bool = False
    title_hidden: bool = False
    background: Image | None = None
    background_colour: str | None = None
    layout: str | None = None
    transition: str | None = None
    anchor: str | None = None  # its heading's own id
    footnotes: list[str] = field(default_factory=list)  # ids cited in the slide's text
    notes_footnotes: list[str] = field(default_factory=list)  # ids cited in its notes
    notes_mode: bool = False  # after `Note:` or `???`, the rest of the slide is notes
    columns: list[list] | None = None  # open columns (Deckset, Slidev, presenterm), else None
    shares: list[float | None] = field(default_factory=list)
    column: int = 0  # the open column content goes to
    clicks: int = 0  # the last click of its builds so far
    paused: int = 0  # the click its last pause opened: what follows waits for it
    headed: bool = False  # started by a heading: kept even when empty (a deliberate blank slide)

    def take(self, content: Content) -> list[int]:
        """`content` added; the lines of its blocks that cannot build but come after a click."""
        blocks, self.clicks, self.paused, unbuilt = numbered(content.blocks, self.clicks, self.paused)
        (self.columns[self.column] if self.columns is not None else self.blocks).extend(blocks)
        self.notes.extend(content.notes)
        self.footnotes.extend(content.footnotes)
        self.notes_footnotes.extend(content.notes_footnotes)
        return unbuilt

    def open_column(self, index: int | None = None, shares: list[float | None] | None = None) -> None:
        """Send what follows to column `index` (the next one when None), opening columns first."""
        if shares is not None:
            self.close_columns()
            self.columns, self.shares, self.column = [[] for _ in shares], list(shares), 0
            return
        if self.columns is None:
            self.columns, self.shares, self.column = [[]], [None], 0
        elif index is None:
            self.columns.append([])
            self.shares.append(None)
            self.column = len(self.columns) - 1
        else:
            while len(self.columns) <= index:
                self.columns.append([])
                self.shares.append(None)
            self.column = index

    def close_columns(self) -> None:
        if self.columns is not None and any(self.columns):
            self.blocks.append(Columns(columns=tuple(Column(blocks=tuple(blocks), width=share)
                                                     for blocks, share in zip(self.columns, self.shares)), line=self.line))
        self.columns = None

    def take_as_notes(self, content: Content) -> None:
        self.notes.extend(as_notes(content.blocks) + content.notes)
        self.notes_footnotes.extend(content.footnotes + content.notes_footnotes)

    def freeze(self) -> Slide:
        slide = Slide(kind=self.kind, title=self.title, line=self.line, blocks=tuple(self.blocks),
                     notes=tuple(self.notes), subtitle=self.subtitle, continued=self.continued,
                     title_hidden=self.title_hidden, background=self.background,
                     background_colour=self.background_colour, layout=self.layout, transition=self.transition)
        return replace(slide, anchors=anchors_of(slide, self.anchor)) if slide.title or self.anchor else slide


def as_notes(blocks: list[Block]) -> list[Paragraph]:
    """Blocks moved to the notes page: text stays text, a picture leaves its alt text."""
    notes = []
    for block in blocks:
        if isinstance(block, Paragraph):
            notes.append(block)
        elif isinstance(block, Image):
            if block.alt:
                notes.append(Paragraph(runs=(Run(block.alt),), line=block.line))
        elif hasattr(block, "text"):
            notes.append(Paragraph(runs=(Run(block.text),), line=block.line))
    return notes
