"""Cut a slide's paragraphs and pictures into pages that fit: between paragraphs where
possible, inside a paragraph only between lines (so between words), pictures on the page
where their place in the text falls, in a column of their own beside the text."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Image
from .text import Setter, Unit

MIN_SPLIT_LINES = 2  # lines a cut paragraph leaves at least on each side when it can


@dataclass
class Page:
    units: list[Unit] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    narrow: bool = False  # text in the left column, pictures in the right one


@dataclass(frozen=True)
class Anchored:
    """A picture placed before paragraph `source` (or after all text, when it equals the count)."""

    image: Image
    source: int


def fill(units: list[Unit], setter: Setter, column: float, height: float) -> tuple[list[Unit], list[Unit]]:
    """The units that fit in `height` points of a column, and the rest; a paragraph may be cut.

    A code block that fits on a page of its own is not cut; a heading is not left last."""
    taken: list[Unit] = []
    used = 0.0
    rest = list(units)
    while rest:
        unit = rest[0]
        first = not taken
        # A code block that would be cut here but fits on a page of its own starts the next page.
        if unit.block is not None and taken and not unit.remainder and taken[-1].block != unit.block:
            block = [u for u in rest if u.block == unit.block]
            here = sum(setter.height(u.paragraph, column, False) for u in block)
            alone = here - block[0].paragraph.space_before
            if used + here > height and alone <= height:
                break
        need = setter.height(unit.paragraph, column, first)
        if used + need <= height:
            taken.append(rest.pop(0))
            used += need
            continue
        wrapped = setter.wrapped(unit.paragraph, column)
        room = height - used - (0.0 if first else unit.paragraph.space_before)
        fit_lines = int(room // wrapped.line_pt) if wrapped.line_pt > 0 else 0
        if first:
            fit_lines = max(1, min(fit_lines, wrapped.lines - 1)) if wrapped.lines > 1 else 0
            if fit_lines == 0:  # a single line taller than the page: it goes alone
                taken.append(rest.pop(0))
                break
        elif wrapped.lines - fit_lines < MIN_SPLIT_LINES or fit_lines < MIN_SPLIT_LINES:
            fit_lines = 0
        if fit_lines > 0 and fit_lines < wrapped.lines:
            head, tail = setter.split(unit, column, fit_lines)
            taken.append(head)
            rest[0] = tail
        break
    # A sub-heading is never the last thing on a page when more follows.
    if rest and len(taken) > 1 and taken[-1].paragraph.kind == "heading" and not taken[-1].remainder:
        rest.insert(0, taken.pop())
    return taken, rest


def _starts(taken: list[Unit]) -> set[int]:
    return {unit.source for unit in taken if not unit.remainder}


def paginate(units: list[Unit], pictures: list[Anchored], setter: Setter, full: float, narrow: float,
             height: float) -> list[Page]:
    """Pages of `units` (text columns `full` or `narrow` points wide, `height` high) and pictures.

    A picture goes on the page where the paragraph it precedes begins (the last page for
    pictures after all text); that page sets its text in the narrow column. Where the full
    width would reach a picture's paragraph but the narrow column would not, the page ends
    just before that paragraph, so that the next page starts with it.
    """
    pages: list[Page] = []
    rest = list(units)
    waiting = sorted(pictures, key=lambda anchored: anchored.source)
    end = len({unit.source for unit in units})
    while rest or waiting:
        if not rest:
            pages.append(Page(images=[anchored.image for anchored in waiting], narrow=True))
            break

        def due(taken: list[Unit], remaining: list[Unit]) -> list[Anchored]:
            starts = _starts(taken)
            done = not remaining
            return [a for a in waiting if a.source in starts or (done and a.source >= end)
                    or (a.source < (rest[0].source if not rest[0].remainder else rest[0].source + 1))]

        taken, remaining = fill(rest, setter, full, height)
        if not due(taken, remaining):
            pages.append(Page(units=taken))
            rest = remaining
            continue
        narrow_taken, narrow_remaining = fill(rest, setter, narrow, height)
        here = due(narrow_taken, narrow_remaining)
        if here:
            pages.append(Page(units=narrow_taken, images=[a.image for a in here], narrow=True))
            waiting = [a for a in waiting if a not in here]
            rest = narrow_remaining
            continue
        first_due = min(a.source for a in due(taken, remaining))
        cut = [unit for unit in taken if unit.source < first_due]
        if not cut:  # cannot happen when the narrow column takes at least one line; be safe
            cut = taken
        pages.append(Page(units=cut))
        rest = rest[len(cut):] if all(u is r for u, r in zip(cut, rest)) else remaining
    return pages
