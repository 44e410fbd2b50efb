"""Lay out a long deck's slides in several processes at once, with the same slides and messages
as one process makes: each forked process lays out a run of slides and sends them back."""
from __future__ import annotations

from .. import forked


def place_shared(layout, slides, workers: int, report) -> list:
    """What `layout.place(slides)` returns, the slides shared among `workers` processes (see
    forked.share). `report` is the layout's: each process's messages join it in slide order."""
    placed: list = []
    before = len(report.items)  # a forked process sends only the messages it adds

    def take(run, result) -> None:
        slides_made, messages = result
        placed.extend(slides_made)
        report.items.extend(messages)

    forked.share(slides, workers, lambda run: placed.extend(layout.place(run)),
                 lambda run: (layout.place(run), report.items[before:]), take)
    return placed
