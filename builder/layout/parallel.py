"""Lay out a long deck's slides in several processes at once, with the same slides and messages
as one process makes: each forked process lays out a run of slides and sends them back."""
from __future__ import annotations

from .. import forked


def place_shared(layout, slides, workers: int, report) -> list:
    """What `layout.place(slides)` returns, the slides shared among `workers` processes (where
    processes fork; elsewhere, or for a short deck, one). `report` is the layout's: each
    process's messages join it in slide order."""
    if workers <= 1 or len(slides) < forked.SPLIT_FROM or not forked.can_fork():
        return layout.place(slides)
    runs = forked.runs_of(slides, workers)
    before = len(report.items)

    def work(run):
        return lambda: (layout.place(run), report.items[before:])

    with forked.reaped([forked.Forked(work(run)) for run in runs[1:]]) as children:
        placed = layout.place(runs[0])
        for run, child in zip(runs[1:], children):
            result = child.result()
            if result is None:  # the process failed: its slides are laid out here instead
                placed.extend(layout.place(run))
                continue
            slides_made, messages = result
            placed.extend(slides_made)
            report.items.extend(messages)
    return placed
