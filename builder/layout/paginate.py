"""Cut a slide's paragraphs and pictures into pages that fit: between paragraphs where
possible, inside a paragraph only between lines (so between words), pictures on the page
where their place in the text falls, in a column of their own beside the text."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Image
from .text import Setter
from .units import fill


@dataclass
class Page:
    units: list = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    narrow: bool = False  # text in the left column, pictures in the right one


@dataclass(frozen=True)
class Anchored:
    """A picture placed before paragraph `source` (or after all text, when it equals the count)."""

    image: Image
    source: int


def _starts(taken: list) -> set[int]:
    return {unit.source for unit in taken if not unit.remainder}


def paginate(units: list, pictures: list[Anchored], setter: Setter, full: float, narrow: float,
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

        def due(taken: list, remaining: list) -> list[Anchored]:
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
