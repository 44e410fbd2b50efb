"""Click builds: which click of its slide each paragraph appears on. An incremental list's items
(`incremental: true`, `::: incremental`, Deckset's `[.build-lists: true]`) take a click each,
their nested items and paragraphs coming with them; pandoc's pause (`. . .`) shows what follows
on the next click."""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Columns, Paragraph

OPENS = -1  # a Paragraph's click while composing: it opens the next click (an incremental item)
WITH = -2  # … it comes with the click opened just before it (the rest of a Slidev v-click)
PAUSE = ". . ."


FRAGMENT = re.compile(r"""^\s*\.element:.*\bclass\s*=\s*["']?[^"'>]*\bfragment\b""", re.S)


def fragment(comments) -> bool:
    """Whether `comments` ((line, text) of the HTML comments in a paragraph or item) hold
    reveal.js's `<!-- .element: class="fragment" -->`: it appears on a click of its own."""
    return any(FRAGMENT.match(text) for _, text in comments)


def numbered(blocks, last: int, paused: int) -> tuple[list, int, int, list[int]]:
    """`blocks` with the click of each paragraph set, counting on from `last` (the slide's last
    click so far) and `paused` (the click its last pause opened, which all that follows waits
    for): the blocks, `last` and `paused` now, and the lines of blocks that cannot build
    (pictures, tables, code) but come after a pause; pause paragraphs are taken out. An
    incremental item's nested items and paragraphs appear with it; what follows the list, with
    the rest of the slide."""
    out, unbuilt, item = [], [], None
    for block in blocks:
        if isinstance(block, Paragraph):
            if block.kind == "pause":
                last += 1
                paused, item = last, None
                continue
            if block.click == OPENS:
                last += 1
                item = last
                block = replace(block, click=last)
            elif block.click == WITH or item is not None and (block.level > 0 or block.kind == "continuation"):
                item = item or last
                block = replace(block, click=item)
            else:
                item = None
                if paused:
                    block = replace(block, click=paused)
        elif isinstance(block, Columns):
            columns = []
            for column in block.columns:
                inner, last, paused, lines = numbered(column.blocks, last, paused)
                columns.append(replace(column, blocks=tuple(inner)))
                unbuilt += lines
            block = replace(block, columns=tuple(columns))
        elif paused:
            unbuilt.append(block.line)
        out.append(block)
    return out, last, paused, unbuilt
