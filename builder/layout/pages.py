"""A content slide's blocks → units (paragraphs, code lines, tables, columns, pictures) cut into
pages, at the largest type size that needs no more pages than the smallest."""
from __future__ import annotations

from ..model import Code, Columns, Image, Paragraph, Slide, Table, blocks_of
from .paginate import Anchored, Page, paginate
from .text import Setter
from .units import ColumnsUnit, PictureUnit, TableUnit, TextUnit, share_column

BODY_STEP = 2.0
CHARACTER_EM = 0.4  # a narrow average width of a character: a text is only said long when it surely is
MANY_PAGES = 8  # a slide continued on more pages than this is set at the smallest size straight away
SMALLEST_BODY_PT = 20.0  # the size at which slides are cut into pages; 18 pt stays for nesting


class PageMaker:
    """The part of Layout that makes a content slide's pages (it reads its template, measurer
    and pictures)."""

    def _units(self, blocks, setter: Setter, column: float, source: int = 0) -> tuple[list, list[Anchored]]:
        """The units of `blocks` and the pictures anchored among them (inside columns, pictures
        are units of their own)."""
        units: list = []
        anchored: list[Anchored] = []
        for index, block in enumerate(blocks):
            if isinstance(block, Image):
                anchored.append(Anchored(block, source))
                continue
            if isinstance(block, Code):
                units.extend(TextUnit(line, source, block=(source, index)) for line in setter.code_lines(block, column))
            elif isinstance(block, Paragraph):
                units.append(TextUnit(setter.place(block), source))
            elif isinstance(block, Table):
                units.append(TableUnit(block, source))
            elif isinstance(block, Columns):
                units.append(self._columns(block, setter, column, source))
            source += 1
        return units, anchored

    def _columns(self, block: Columns, setter: Setter, column: float, source: int) -> ColumnsUnit:
        given = [c.width for c in block.columns if c.width]
        rest = [c for c in block.columns if not c.width]
        left = max(0.0, 1.0 - sum(given))
        shares = [c.width if c.width else (left / len(rest) if rest else 0) for c in block.columns]
        total = sum(shares) or 1.0
        shares = [share / total for share in shares]
        unit = ColumnsUnit(columns=(), shares=tuple(shares), source=source)
        columns = []
        for col, width in zip(block.columns, unit.widths(column)):
            units, pictures = self._units(col.blocks, setter, width, source)
            for anchored in pictures:  # a picture in a column stands where it was written
                units.insert(next((i for i, u in enumerate(units) if u.source >= anchored.source), len(units)),
                             PictureUnit(anchored.image, self.pictures.get(anchored.image.src), source))
            columns.append(tuple(share_column(units, setter, width)))
        return ColumnsUnit(columns=tuple(columns), shares=tuple(shares), source=source)

    def _best_pages(self, slide: Slide, full: float, narrow: float, height: float) -> tuple[list[Page], Setter]:
        """Fewest pages first, then the largest type that still needs no more pages."""
        memo: dict = {}  # each attempt sets the same paragraphs: their words are measured once

        def attempt(size: float, remember: bool = True):
            setter = Setter(size, self.template.fonts, self.measurer, self.template.slide_w, height, memo, remember)
            has_pictures = any(isinstance(block, Image) for block in slide.blocks)
            units, anchored = self._units(slide.blocks, setter, narrow if has_pictures else full)
            return paginate(units, anchored, setter, full, narrow, height), setter

        largest = max(self.template.body_size, SMALLEST_BODY_PT)
        if _characters(slide.blocks) * (CHARACTER_EM * largest) * (1.2 * largest) > MANY_PAGES * full * height:
            return attempt(SMALLEST_BODY_PT, remember=False)  # pages of text at any size: set once, and forget the words
        first = attempt(largest)
        if len(first[0]) <= 1:
            return first
        if len(first[0]) > MANY_PAGES:  # a long text: no size keeps it short, the smallest takes fewest
            first = None  # its pages are not kept while the next are made
            return attempt(SMALLEST_BODY_PT)
        fewest = attempt(SMALLEST_BODY_PT)
        size = largest - BODY_STEP
        while size > SMALLEST_BODY_PT:
            found = attempt(size)
            if len(found[0]) <= len(fewest[0]):
                return found
            size -= BODY_STEP
        return fewest


def _characters(blocks) -> int:
    """How many characters of text `blocks` hold (columns included)."""
    return sum(len(block.text) for block in blocks_of(blocks, (Paragraph, Code)))
