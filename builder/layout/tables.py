"""Set a table for a given width: its type size, column widths from content, row heights.

A table too wide first shrinks, down to the 12 pt floor; only then does cell text wrap (inside
a word only when the word alone is wider than its column)."""
from __future__ import annotations

from dataclasses import dataclass

from ..geometry import CELL_MARGIN_X, CELL_MARGIN_Y, EMU_PER_PT
from ..model import Run, Table
from ..placed import PlacedParagraph
from .fonts import Face
from .text import MIN_CODE_PT, WIDTH_SAFETY
from .wrap import TOKEN, wrap

SIZE_STEP = 2.0


@dataclass(frozen=True)
class SetTable:
    """A table set at `size` points: column widths and row heights in EMU, one paragraph a cell."""

    size: float
    widths: tuple[int, ...]
    header: tuple[PlacedParagraph, ...]
    rows: tuple[tuple[PlacedParagraph, ...], ...]
    header_height: int
    row_heights: tuple[int, ...]


def table_size(body_size: float) -> float:
    """The size a table starts from on a slide whose body text is `body_size`."""
    return max(MIN_CODE_PT + 2, round(0.72 * body_size))


class TableSetter:
    def __init__(self, fonts, measurer):
        self.fonts = fonts
        self.measurer = measurer

    def _face(self, bold: bool):
        def face(run: Run) -> Face:
            return Face(self.fonts.code if run.code else self.fonts.body, run.bold or bold, run.italic)
        return face

    def _widths(self, runs, bold: bool) -> tuple[float, float]:
        """(natural, least) width in em of a cell: all on one line, and its longest word."""
        face = self._face(bold)
        natural, longest, word = 0.0, 0.0, 0.0
        for run in runs:
            for match in TOKEN.finditer(run.text):
                width = self.measurer.width(match.group(), face(run))
                natural += width
                if match.group()[0] == " ":
                    longest, word = max(longest, word), 0.0
                else:
                    word += width
        return natural, max(longest, word)

    def set(self, table: Table, width: float, body_size: float) -> SetTable:
        """`table` set in `width` points."""
        columns = table.columns
        cells = [(row, False) for row in table.rows] + ([(table.header, True)] if table.header else [])
        natural = [0.0] * columns
        least = [0.0] * columns
        for row, bold in cells:
            for index, runs in enumerate(row):
                cell_natural, cell_least = self._widths(runs, bold)
                natural[index] = max(natural[index], cell_natural)
                least[index] = max(least[index], cell_least)
        room = width * WIDTH_SAFETY - 2 * CELL_MARGIN_X * columns
        size = table_size(body_size)
        while size - SIZE_STEP >= MIN_CODE_PT and sum(natural) * size > room:
            size -= SIZE_STEP  # shrink before wrapping
        while size - SIZE_STEP >= MIN_CODE_PT and sum(least) * size > room:
            size -= SIZE_STEP
        text_widths = _share(room, [n * size for n in natural], [m * size for m in least])
        widths = tuple(round((w + 2 * CELL_MARGIN_X) * EMU_PER_PT) for w in text_widths)

        def set_row(row, bold):
            paragraphs, tallest = [], 0.0
            for index, runs in enumerate(row):
                align = table.aligns[index] if index < len(table.aligns) else None
                paragraph = PlacedParagraph(runs=tuple(_bold(runs) if bold else runs), size=size, kind="cell",
                                            align=align)
                lines = wrap(paragraph.runs, text_widths[index], size, self._face(bold), self.measurer)
                tallest = max(tallest, lines.height)
                paragraphs.append(paragraph)
            return tuple(paragraphs), round((tallest + 2 * CELL_MARGIN_Y) * EMU_PER_PT)

        header, header_height = set_row(table.header, True) if table.header else ((), 0)
        rows, heights = [], []
        for row in table.rows:
            paragraphs, height = set_row(row, False)
            rows.append(paragraphs)
            heights.append(height)
        return SetTable(size=size, widths=widths, header=header, rows=tuple(rows),
                        header_height=header_height, row_heights=tuple(heights))


def _bold(runs):
    return tuple(Run(**{**run.__dict__, "bold": True}) for run in runs)


def _share(room: float, natural: list[float], least: list[float]) -> list[float]:
    """Column text widths filling `room`: from their natural widths when those fit, else
    between their longest word and their natural width, else in proportion to the words."""
    columns = len(natural)
    if not columns:
        return []
    natural = [max(n, 1.0) for n in natural]
    if sum(natural) <= room:
        return [n * room / sum(natural) for n in natural]
    least = [max(m, 1.0) for m in least]
    if sum(least) <= room:
        spare = room - sum(least)
        stretch = [n - m for n, m in zip(natural, least)]
        return [m + spare * s / sum(stretch) if sum(stretch) else m for m, s in zip(least, stretch)]
    return [m * room / sum(least) for m in least]
