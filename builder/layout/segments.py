"""A page's units as frames, top to bottom: runs of paragraphs become text frames, tables
table frames, pictures picture frames, and a group of columns the same again in each column."""
from __future__ import annotations

from dataclasses import replace

from ..geometry import EMU_PER_PT, Box, Insets
from ..images import MissingPicture
from ..placed import TableFrame, TextFrame
from .pictures import frame_of, placeholder, shown
from .units import COLUMN_GAP, GAP, ColumnsUnit, PictureUnit, TableUnit, TextUnit


def _groups(units: list) -> list[list]:
    groups: list[list] = []
    for unit in units:
        if isinstance(unit, TextUnit) and groups and isinstance(groups[-1][0], TextUnit):
            groups[-1].append(unit)
        else:
            groups.append([unit])
    return groups


def stack(units: list, box: Box, setter, insets: Insets, roles: list[str]) -> list:
    """Frames for `units` in `box` (a text frame's box: the insets are inside it). Text frames
    take their roles from `roles` in turn ("body" for a placeholder), then "text"."""
    emu = EMU_PER_PT
    column = (box.w - insets.left - insets.right) / emu
    frames: list = []
    y = box.y + insets.top  # where the next content starts
    groups = _groups(units)
    for index, group in enumerate(groups):
        first, last = index == 0, index == len(groups) - 1
        unit = group[0]
        gap = 0 if first else round(GAP * setter.size * emu)
        if isinstance(unit, TextUnit):
            paragraphs = [u.paragraph for u in group]
            before = 0.0 if first else paragraphs[0].space_before
            paragraphs[0] = replace(paragraphs[0], space_before=0.0)
            height = sum(setter.height(p, column, i == 0) for i, p in enumerate(paragraphs))
            top = y + round(before * emu) - insets.top
            role = roles.pop(0) if roles else "text"
            bottom = top + insets.top + round(height * emu) + insets.bottom
            text_bottom = None
            if last and role == "body" and box.bottom > bottom:
                bottom, text_bottom = box.bottom, bottom  # the placeholder keeps its room for later edits
            frames.append(TextFrame(role=role, box=Box(box.x, top, box.w, bottom - top), paragraphs=tuple(paragraphs),
                                    text_bottom=text_bottom))
            y = top + insets.top + round(height * emu)
        elif isinstance(unit, TableUnit):
            laid = setter.table(unit.table, column)
            rows = list(unit.rows())
            height = laid.header_height + sum(laid.row_heights[i] for i in rows)
            top = y + gap
            frames.append(TableFrame(box=Box(box.x + insets.left, top, sum(laid.widths), height), widths=laid.widths,
                                     header=laid.header, header_height=laid.header_height,
                                     rows=tuple(laid.rows[i] for i in rows),
                                     row_heights=tuple(laid.row_heights[i] for i in rows)))
            y = top + height
        elif isinstance(unit, PictureUnit):
            shape = unit.box(setter, column)
            top = y + gap
            left = box.x + insets.left + (round(column * emu) - shape.w) // 2
            placed = Box(left, top, shape.w, shape.h)
            if shown(unit.picture):
                frames.append(frame_of(placed, unit.picture, unit.image))
            else:
                frames.append(placeholder(unit.picture or MissingPicture(unit.image.src, "not loaded"), placed))
            y = top + shape.h
        elif isinstance(unit, ColumnsUnit):
            top = y + gap
            left = box.x + insets.left
            tallest = 0
            for units, width in zip(unit.columns, unit.widths(column)):
                inner = Box(left - insets.left, top - insets.top, round(width * emu) + insets.left + insets.right,
                            box.bottom - top + insets.top)
                frames.extend(stack(list(units), inner, setter, insets, [roles.pop(0)] if roles else []))
                height = sum(u.height(setter, width, i == 0) for i, u in enumerate(units))
                tallest = max(tallest, round(height * emu))
                left += round((width + COLUMN_GAP) * emu)
            y = top + tallest
    return frames
