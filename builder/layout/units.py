"""What pages are filled with: paragraphs, tables, groups of columns and pictures in columns.
Each says how tall it is in a column of a given width and how it may be cut at a page end."""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..geometry import EMU_PER_PT, Box
from ..model import Image, Table
from ..placed import PlacedParagraph

MIN_SPLIT_LINES = 2  # lines a cut paragraph leaves at least on each side when it can
GAP = 0.4  # space above a table or a group of columns, in body sizes
COLUMN_GAP = 18.0  # points between columns


@dataclass(frozen=True)
class TextUnit:
    """A paragraph. `source` numbers the slide's blocks in order (a picture is anchored before
    one); `remainder` marks what is left of a block cut at a page end; `block` groups the lines
    of one code block."""

    paragraph: PlacedParagraph
    source: int
    remainder: bool = False
    block: int | None = None

    def height(self, setter, column: float, first: bool) -> float:
        return setter.height(self.paragraph, column, first)

    def split(self, setter, column: float, room: float, first: bool):
        wrapped = setter.wrapped(self.paragraph, column)
        room -= 0.0 if first else self.paragraph.space_before
        lines = int(room // wrapped.line_pt) if wrapped.line_pt > 0 else 0
        if first:  # it must go somewhere: as much as fits, at least a line
            lines = max(1, min(lines, wrapped.lines - 1)) if wrapped.lines > 1 else 0
        elif lines < MIN_SPLIT_LINES or wrapped.lines - lines < MIN_SPLIT_LINES:
            return None
        return setter.split(self, column, lines) if 0 < lines < wrapped.lines else None


@dataclass(frozen=True)
class TableUnit:
    """Rows `start` to `end` of a table, its header repeated on every page it reaches."""

    table: Table
    source: int
    start: int = 0
    end: int | None = None
    remainder: bool = False

    def rows(self) -> range:
        return range(self.start, len(self.table.rows) if self.end is None else self.end)

    def height(self, setter, column: float, first: bool) -> float:
        laid = setter.table(self.table, column)
        rows = sum(laid.row_heights[i] for i in self.rows())
        return (0.0 if first else GAP * setter.size) + (laid.header_height + rows) / EMU_PER_PT

    def split(self, setter, column: float, room: float, first: bool):
        laid = setter.table(self.table, column)
        room = room * EMU_PER_PT - (0.0 if first else GAP * setter.size * EMU_PER_PT) - laid.header_height
        rows = list(self.rows())
        taken = 0
        for index in rows:
            if laid.row_heights[index] > room:
                break
            room -= laid.row_heights[index]
            taken += 1
        if taken == 0 and first:
            taken = 1  # a row taller than a page: it goes alone
        if taken == 0 or taken >= len(rows):
            return None
        cut = rows[0] + taken
        return replace(self, end=cut), replace(self, start=cut, remainder=True)


@dataclass(frozen=True)
class PictureUnit:
    """A picture inside a column: as wide as the column allows, as tall as its shape makes it."""

    image: Image
    picture: object
    source: int
    remainder: bool = False
    limit: float | None = None  # the tallest it may be, in points; None: a page

    def box(self, setter, column: float) -> Box:
        from .pictures import fit, shown

        tallest = self.limit if self.limit is not None else setter.page_height
        cell = Box(0, 0, round(column * EMU_PER_PT), round(tallest * EMU_PER_PT))
        if not shown(self.picture):
            return cell.with_(h=min(cell.h, cell.w * 3 // 4))
        return fit(self.picture, cell, setter.slide_w, self.image)

    def height(self, setter, column: float, first: bool) -> float:
        return (0.0 if first else GAP * setter.size) + self.box(setter, column).h / EMU_PER_PT

    def split(self, setter, column, room, first):
        return None


@dataclass(frozen=True)
class ColumnsUnit:
    """Columns side by side, each a list of units, `shares` of the width."""

    columns: tuple[tuple, ...]
    shares: tuple[float, ...]
    source: int
    remainder: bool = False

    def widths(self, column: float) -> list[float]:
        room = column - COLUMN_GAP * (len(self.columns) - 1)
        return [room * share for share in self.shares]

    def height(self, setter, column: float, first: bool) -> float:
        tallest = max((sum(u.height(setter, width, i == 0) for i, u in enumerate(units))
                       for units, width in zip(self.columns, self.widths(column))), default=0.0)
        return (0.0 if first else GAP * setter.size) + tallest

    def split(self, setter, column: float, room: float, first: bool):
        room -= 0.0 if first else GAP * setter.size
        heads, tails = [], []
        for units, width in zip(self.columns, self.widths(column)):
            taken, rest = fill(list(units), setter, width, room)
            heads.append(tuple(taken))
            tails.append(tuple(rest))
        if not any(tails) or (not first and not any(heads)):
            return None
        return replace(self, columns=tuple(heads)), replace(self, columns=tuple(tails), remainder=True)


def fill(units: list, setter, column: float, height: float) -> tuple[list, list]:
    """The units that fit in `height` points of a column `column` points wide, and the rest;
    a unit may be cut. A code block that fits on a page of its own is not cut; a sub-heading is
    not left last."""
    taken: list = []
    used = 0.0
    rest = list(units)
    while rest:
        unit = rest[0]
        first = not taken
        block = getattr(unit, "block", None)
        if block is not None and taken and not unit.remainder and getattr(taken[-1], "block", None) != block:
            lines = [u for u in rest if getattr(u, "block", None) == block]
            here = sum(u.height(setter, column, False) for u in lines)
            if used + here > height and here - lines[0].paragraph.space_before <= height:
                break
        need = unit.height(setter, column, first)
        if used + need <= height:
            taken.append(rest.pop(0))
            used += need
            continue
        pieces = unit.split(setter, column, height - used, first)
        if pieces is not None:
            taken.append(pieces[0])
            rest[0] = pieces[1]
        elif first:
            taken.append(rest.pop(0))  # taller than a page and cannot be cut: it goes alone
        break
    last = taken[-1] if taken else None
    if rest and len(taken) > 1 and isinstance(last, TextUnit) and last.paragraph.kind == "heading" \
            and not last.remainder:
        rest.insert(0, taken.pop())
    return taken, rest


SMALLEST_SHARE = 0.3  # a picture in a column shrinks to a third of its size before the column is cut


def share_column(units: list, setter, width: float) -> list:
    """Pictures in a column shrink, all alike, so that the column fits a page when it can."""
    pictures = [u for u in units if isinstance(u, PictureUnit)]
    total = sum(u.height(setter, width, i == 0) for i, u in enumerate(units))
    if not pictures or total <= setter.page_height:
        return units
    tall = sum(u.box(setter, width).h / EMU_PER_PT for u in pictures)
    room = setter.page_height - 0.5  # a hair under the page: sums of heights are not exact
    factor = max(SMALLEST_SHARE, (room - (total - tall)) / tall)
    return [replace(u, limit=u.box(setter, width).h / EMU_PER_PT * factor) if isinstance(u, PictureUnit) else u
            for u in units]
