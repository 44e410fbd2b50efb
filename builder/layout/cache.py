"""Laid-out slides kept from one build of a deck to the next (`deck watch`)."""
from __future__ import annotations


class SlideCache:
    """The slides of the last build, each with what laying it out made and the messages it gave.
    A slide is reused when it is equal to one laid out then and everything else it depends on
    (the template, the deck's settings and pictures, the logo, the measurer) is the same; the
    slides of one build only are kept, so memory stays bounded."""

    def __init__(self):
        self._context: tuple | None = None
        self._last: dict = {}
        self._now: dict = {}

    def begin(self, *context) -> None:
        """A new build, laid out in `context`: what the last one kept holds only in the same one."""
        same = self._context is not None and len(context) == len(self._context) and all(
            a is b or a == b for a, b in zip(context, self._context))
        self._last = self._now if same else {}
        self._now = {}
        self._context = context

    def place(self, slide, place_one, report) -> tuple:
        """The laid-out slides of `slide`: the last build's, their messages given again to
        `report`, else `place_one(slide)`'s."""
        found = self._last.get(slide)
        if found is None:
            before = len(report.items)
            made = tuple(place_one(slide))
            found = (made, tuple(report.items[before:]))
        else:
            report.items.extend(found[1])
        self._now[slide] = found
        return found[0]
