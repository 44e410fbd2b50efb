"""Tables as native PowerPoint tables, sized exactly as they were measured."""
from __future__ import annotations

from pptx.enum.text import MSO_ANCHOR

from ..geometry import CELL_MARGIN_X, CELL_MARGIN_Y, EMU_PER_PT
from ..placed import TableFrame

MARGIN_X = round(CELL_MARGIN_X * EMU_PER_PT)
MARGIN_Y = round(CELL_MARGIN_Y * EMU_PER_PT)


def add_table(slide, frame: TableFrame, writer):
    rows = ([frame.header] if frame.header else []) + list(frame.rows)
    heights = ([frame.header_height] if frame.header else []) + list(frame.row_heights)
    box = frame.box
    shape = slide.shapes.add_table(len(rows), len(frame.widths), box.x, box.y, box.w, box.h)
    table = shape.table
    table.first_row = bool(frame.header)  # the table style sets the header row apart
    for index, width in enumerate(frame.widths):
        table.columns[index].width = width
    for index, height in enumerate(heights):
        table.rows[index].height = height
    # the table style fills cells with light tints of the accent, on any theme: colours for white
    slide_background, writer.background = writer.background, "FFFFFF"
    for r, row in enumerate(rows):
        for c, paragraph in enumerate(row):
            cell = table.cell(r, c)
            cell.margin_left = cell.margin_right = MARGIN_X
            cell.margin_top = cell.margin_bottom = MARGIN_Y
            cell.vertical_anchor = MSO_ANCHOR.TOP
            writer.fill(cell.text_frame._txBody, (paragraph,))
    writer.background = slide_background
    return shape
