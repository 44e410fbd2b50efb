"""Click builds: which click of its slide each paragraph appears on. An incremental list's items
(`incremental: true`, `::: incremental`, Deckset's `[.build-lists: true]`) take a click each,
their nested items and paragraphs coming with them; pandoc's pause (`. . .`) shows what follows
on the next click."""
from __future__ import annotations

from dataclasses import replace

from ..model import Columns, Paragraph

OPENS = -1  # a Paragraph's click while composing: it opens the next click (an incremental item)
PAUSE = ". . ."


def numbered(blocks, last: int) -> tuple[list, int, list[int]]:
    """`blocks` with the click of each paragraph set, counting on from `last` (the slide's last
    click so far): the blocks, the last click now, and the lines of blocks that cannot build
    (pictures, tables, code) but come after a click; pause paragraphs are taken out."""
    out, unbuilt = [], []
    for block in blocks:
        if isinstance(block, Paragraph):
            if block.kind == "pause":
                last += 1
                continue
            if block.click == OPENS:
                last += 1
            if block.click or last:
                block = replace(block, click=last)
        elif isinstance(block, Columns):
            columns = []
            for column in block.columns:
                inner, last, lines = numbered(column.blocks, last)
                columns.append(replace(column, blocks=tuple(inner)))
                unbuilt += lines
            block = replace(block, columns=tuple(columns))
        elif last:
            unbuilt.append(block.line)
        out.append(block)
    return out, last, unbuilt
