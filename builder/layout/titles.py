"""Fit a title (or any short text) into its box: the largest size that fits, down to a floor;
below the floor the box grows instead, and the caller makes room."""
from __future__ import annotations

from dataclasses import dataclass

from ..geometry import EMU_PER_PT, Box, Insets
from ..model import Paragraph, Run
from ..placed import PlacedParagraph
from .fonts import Face
from .text import WIDTH_SAFETY
from .wrap import wrap

SIZE_STEP = 2.0


@dataclass(frozen=True)
class Fitted:
    paragraphs: tuple[PlacedParagraph, ...]
    height: int  # EMU the text needs, insets included (may exceed the box)


def fit_text(lines: list[tuple[Run, ...]], box: Box, family: str, largest: float, smallest: float,
             measurer, insets: Insets, kind: str = "title", bold: bool = False, spacing: float = 0.0) -> Fitted:
    """`lines` (one paragraph each) at the largest size from `largest` down to `smallest` that
    fits `box`; at `smallest` when none does, with the height it really needs."""
    width = (box.w - insets.left - insets.right) / EMU_PER_PT * WIDTH_SAFETY
    room = (box.h - insets.top - insets.bottom) / EMU_PER_PT

    def face(run: Run) -> Face:
        return Face(family, run.bold or bold, run.italic)

    size = largest
    while True:
        heights = [wrap(runs, width, size, face, measurer).height for runs in lines]
        needed = sum(heights) + spacing * size * max(0, len(lines) - 1)
        if needed <= room or size - SIZE_STEP < smallest:
            break
        size -= SIZE_STEP
    paragraphs = tuple(PlacedParagraph(runs=runs, size=size, kind=kind, space_before=spacing * size if index else 0.0)
                       for index, runs in enumerate(lines))
    total = round(needed * EMU_PER_PT) + insets.top + insets.bottom
    return Fitted(paragraphs=paragraphs, height=total)


def subtitle_lines(subtitle: tuple[Paragraph, ...]) -> list[tuple[Run, ...]]:
    return [paragraph.runs for paragraph in subtitle if paragraph.runs]
